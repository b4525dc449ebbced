import { waitUntil } from '@open-wc/testing';

/**
 * Looking at a list the way a reader does: what is in view (not what is in the DOM), scrolled
 * a screen at a time to the end.
 */

export interface Box {
  top: number;
  bottom: number;
}
const boxOf = (el: Element): Box => {
  const r = el.getBoundingClientRect();
  return { top: r.top, bottom: r.bottom };
};
/** The visible part of `box` within `view`, or undefined when none of it is visible. */
export const within = (box: Box, view: Box): Box | undefined => {
  const top = Math.max(box.top, view.top);
  const bottom = Math.min(box.bottom, view.bottom);
  return bottom > top ? { top, bottom } : undefined;
};

/** The rows a reader sees in `view`, and whether a blank placeholder shows anywhere in it. */
export function inView(list: HTMLElement, view: Box): { rows: HTMLElement[]; blank: boolean } {
  const root = list.shadowRoot!;
  const rows = [...root.querySelectorAll<HTMLElement>('.row')].filter((r) => within(boxOf(r), view));
  const blank = [...root.querySelectorAll('.placeholder')].some((p) => within(boxOf(p), view));
  return { rows, blank };
}

/** The part of the list's rows that the reader can see through the viewport (and a scrolling container). */
export function visibleList(list: HTMLElement, container?: Element): Box | undefined {
  const rows = list.shadowRoot!.querySelector('.rows');
  if (!rows) return undefined;
  const viewport = { top: 0, bottom: window.innerHeight };
  const view = container ? within(boxOf(container), viewport) : viewport;
  return view && within(boxOf(rows), view);
}

/** Waits until what the reader sees of the list is drawn rows, with no blank placeholder. */
export async function drawn(list: HTMLElement, message: string, container?: Element): Promise<void> {
  await waitUntil(
    () => {
      const view = visibleList(list, container);
      if (!view) return true;
      const { rows, blank } = inView(list, view);
      return rows.length > 0 && !blank;
    },
    message,
    { timeout: 3000, interval: 20 },
  );
}

/**
 * Scrolls `scroller` (the page's scrolling element, or a container) from where it is to the
 * bottom, most of a screen at a time. At each step it waits until the reader sees drawn rows and
 * no blank, then hands every row in view to `see`.
 */
export async function scrollToEnd(
  list: HTMLElement,
  see: (row: HTMLElement) => void,
  scroller: Element = document.scrollingElement!,
  container?: Element,
): Promise<void> {
  const height = () => (container ? container.clientHeight : window.innerHeight);
  for (let step = 0; ; step++) {
    await drawn(list, `blank list at scrollTop ${scroller.scrollTop} (step ${step})`, container);
    const view = visibleList(list, container);
    if (view) inView(list, view).rows.forEach(see);
    const before = scroller.scrollTop;
    scroller.scrollTop = before + Math.floor(height() * 0.8);
    // A timer, not an animation frame: a page the browser puts in the background gets no frames.
    await new Promise((r) => setTimeout(r, 20));
    if (scroller.scrollTop === before) break;
  }
}
