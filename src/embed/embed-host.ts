/**
 * How does a host page make programme embeds (iframes of embed.html) as tall as their content?
 * By including this script once (dist/embed-host.js, `<script src=… defer>` or type=module): it
 * listens for the one message an embed page sends, `{ type: 'programme-elements:height', height }`,
 * and sets the height of the iframe that sent it.
 *
 * A message is believed only when it comes from an embed iframe of this page (one marked
 * `data-programme-embed`, or whose src path ends in `/embed.html`): its `event.source` must be
 * that iframe's window AND its `event.origin` the origin of that iframe's src (so a frame that
 * navigated elsewhere, or any other window, cannot resize it), and the height a number from 0 to
 * 100,000 px. Iframes added later are found too. The script sets `style.height` and nothing else;
 * the iframe's `title` (its name for screen readers) is the host's to write.
 */
const MESSAGE = 'programme-elements:height';
const MAX_HEIGHT = 100_000;

addEventListener('message', (event: MessageEvent) => {
  const data = event.data;
  const height = data && data.type === MESSAGE ? data.height : undefined;
  // Also refuses NaN, infinities and strings ("100" would pass a bare comparison).
  if (typeof height !== 'number' || !(height >= 0 && height <= MAX_HEIGHT) || !event.source) return;
  for (const frame of document.querySelectorAll('iframe')) {
    if (frame.contentWindow !== event.source) continue;
    let src: URL;
    try {
      src = new URL(frame.src);
    } catch {
      return;
    }
    if (src.origin !== event.origin || !(frame.hasAttribute('data-programme-embed') || src.pathname.endsWith('/embed.html'))) return;
    // With `box-sizing: border-box` (many sites set it on everything) the height includes the frame's borders and padding.
    const style = getComputedStyle(frame);
    const extra =
      style.boxSizing === 'border-box'
        ? parseFloat(style.borderTopWidth) + parseFloat(style.borderBottomWidth) + parseFloat(style.paddingTop) + parseFloat(style.paddingBottom)
        : 0;
    frame.style.height = `${height + extra}px`;
    return;
  }
});

// A module to TypeScript (its names stay its own); the built file is a plain script with no exports.
export {};
