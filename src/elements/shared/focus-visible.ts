/**
 * Keeps what receives focus clear of a sticky heading above it (WCAG 2.2, 2.4.11 Focus Not
 * Obscured). `scroll-margin` covers what the browser scrolls to; this covers focus moving to
 * something the browser counts as visible because it is only under the heading: Shift+Tab back up
 * a list, say. It then scrolls the focused element to the middle of its scroller. Listen with it
 * to `focusin` on the element around the headings and what they head.
 */
export function keepClearOfStickyHeading(event: FocusEvent): void {
  const target = event.composedPath()[0];
  if (!(target instanceof HTMLElement)) return;
  const around = event.currentTarget as HTMLElement;
  requestAnimationFrame(() => {
    const { top } = target.getBoundingClientRect();
    for (const heading of around.querySelectorAll<HTMLElement>('.day')) {
      const over = heading.getBoundingClientRect();
      // A heading stuck at the top, across the focused element's first line.
      if (over.top <= top && over.bottom > top && getComputedStyle(heading).position === 'sticky') {
        target.scrollIntoView({ block: 'center' });
        return;
      }
    }
  });
}
