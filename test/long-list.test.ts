import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../src/index.js';
import type { SessionList } from '../src/elements/session-list/session-list.js';
import { settled } from './helpers.js';

/**
 * A long list looked at the way a reader looks at it: scrolled to its end, a screen at a time,
 * counting the rows that are in view (not the rows in the DOM).
 */

let counter = 0;
const generated = (sessions: number) => `/generated/${sessions}.json?days=4&rooms=20&t=${Date.now()}-${++counter}`;

interface Box {
  top: number;
  bottom: number;
}
const viewport = (): Box => ({ top: 0, bottom: window.innerHeight });
const boxOf = (el: Element): Box => {
  const r = el.getBoundingClientRect();
  return { top: r.top, bottom: r.bottom };
};
/** The visible part of `box` within `view`, or undefined when none of it is visible. */
const within = (box: Box, view: Box): Box | undefined => {
  const top = Math.max(box.top, view.top);
  const bottom = Math.min(box.bottom, view.bottom);
  return bottom > top ? { top, bottom } : undefined;
};

/** Session ids of the rows a reader sees in `view`, and whether any placeholder shows instead. */
function inView(el: SessionList, view: Box): { rows: string[]; blank: boolean } {
  const root = el.shadowRoot!;
  const rows = [...root.querySelectorAll<HTMLElement>('.row')].filter((r) => within(boxOf(r), view)).map((r) => r.dataset.session!);
  const blank = [...root.querySelectorAll('.placeholder')].some((p) => within(boxOf(p), view));
  return { rows, blank };
}

/** The part of the list that the reader can see through the viewport (and a scrolling container). */
function visibleList(el: SessionList, container?: Element): Box | undefined {
  const rows = el.shadowRoot!.querySelector('.rows');
  if (!rows) return undefined;
  const view = container ? within(boxOf(container), viewport()) : viewport();
  return view && within(boxOf(rows), view);
}

/**
 * Scrolls `scroller` from top to bottom, most of a screen at a time; at each step waits until what
 * the reader sees of the list is drawn rows with no blank placeholder, and returns every session seen.
 */
async function scrollToEnd(el: SessionList, scroller: Element, container?: Element): Promise<Set<string>> {
  const seen = new Set<string>();
  const height = () => (container ? container.clientHeight : window.innerHeight);
  let steps = 0;
  for (;;) {
    await waitUntil(
      () => {
        const view = visibleList(el, container);
        if (!view) return true;
        const { rows, blank } = inView(el, view);
        return rows.length > 0 && !blank;
      },
      `blank list at scrollTop ${scroller.scrollTop} (step ${steps})`,
      { timeout: 3000, interval: 20 },
    );
    const view = visibleList(el, container);
    if (view) inView(el, view).rows.forEach((id) => seen.add(id));
    const before = scroller.scrollTop;
    scroller.scrollTop = before + Math.floor(height() * 0.8);
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    if (scroller.scrollTop === before) break;
    steps++;
  }
  return seen;
}

const sessionIds = async (url: string) => {
  const doc = await (await fetch(url)).json();
  return doc.panels.flatMap((p: { sessions: { id: string }[] }) => p.sessions.map((s) => s.id)) as string[];
};

describe('a long <session-list>, scrolled to its end', function () {
  this.timeout(120_000);

  before(async () => {
    await setViewport({ width: 1000, height: 700 });
  });
  afterEach(() => window.scrollTo(0, 0));

  it('draws every one of 1,000 sessions as the page scrolls past it, from the first render on', async () => {
    const url = generated(1000);
    const el = await fixture<SessionList>(html`<session-list src=${url}></session-list>`);
    await settled(el);
    const seen = await scrollToEnd(el, document.scrollingElement!);
    const all = await sessionIds(url);
    expect(all.length).to.equal(1000);
    expect(all.filter((id) => !seen.has(id))).to.deep.equal([]);
    // Scrolled to the end, the last session is on screen and the DOM holds a window, not everything.
    const view = visibleList(el)!;
    const ids = inView(el, view).rows;
    expect(ids).to.include(el.shadowRoot!.querySelector<HTMLElement>('.chunk:last-child .row:last-of-type')!.dataset.session);
    expect(el.shadowRoot!.querySelectorAll('.row').length).to.be.below(300);
  });

  it('draws every session of a list inside a scrolling container', async () => {
    const url = generated(400);
    const box = await fixture<HTMLDivElement>(html`<div style="height: 480px; overflow: auto; margin-top: 40px"><session-list src=${url}></session-list></div>`);
    const el = box.querySelector('session-list') as SessionList;
    await settled(el);
    const seen = await scrollToEnd(el, box, box);
    const all = await sessionIds(url);
    expect(all.filter((id) => !seen.has(id))).to.deep.equal([]);
  });

  it('draws the rows a reader jumps to, far down, and again on the way back up', async () => {
    const el = await fixture<SessionList>(html`<session-list src=${generated(1000)}></session-list>`);
    await settled(el);
    for (const y of [3000, 6000, 9000, 60_000, 20_000, 0]) {
      window.scrollTo(0, y);
      await waitUntil(
        () => {
          const view = visibleList(el);
          if (!view) return true;
          const { rows, blank } = inView(el, view);
          return rows.length > 0 && !blank;
        },
        `blank list at ${y} px`,
        { timeout: 3000, interval: 20 },
      );
    }
  });
});
