/**
 * Keeps what receives focus clear of a sticky heading above it (WCAG 2.2, 2.4.11 Focus Not
 * Obscured). `scroll-margin` covers what the browser scrolls to; this covers focus moving to
 * something the browser counts as visible because it is only under the heading: Shift+Tab back up
 * a list, say. Listen with it to `focusin` on the element around the headings and what they head.
 */
export function keepClearOfStickyHeading(event: FocusEvent): void {
  const target = event.composedPath()[0];
  if (!(target instanceof HTMLElement)) return;
  const around = event.currentTarget as HTMLElement;
  requestAnimationFrame(() => {
    const box = target.getBoundingClientRect();
    for (const heading of around.querySelectorAll<HTMLElement>('.day')) {
      const over = heading.getBoundingClientRect();
      // A heading stuck at the top, across the focused element's first line.
      if (over.top <= box.top && over.bottom > box.top && getComputedStyle(heading).position === 'sticky') {
        scrollUpBy(target, over.bottom - box.top + 8);
        return;
      }
    }
  });
}

/** Scrolls the nearest scrolling ancestor of `el` (or the page) so that `el` moves down by `px`. */
function scrollUpBy(el: HTMLElement, px: number): void {
  for (let node: Node | null = el; node; node = node.parentNode ?? (node as ShadowRoot).host ?? null) {
    if (node instanceof HTMLElement && node.scrollHeight > node.clientHeight && /auto|scroll/.test(getComputedStyle(node).overflowY)) {
      node.scrollBy({ top: -px });
      return;
    }
  }
  window.scrollBy({ top: -px });
}
