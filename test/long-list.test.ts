import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../src/index.js';
import type { SessionList } from '../src/elements/session-list/session-list.js';
import { settled } from './helpers.js';
import { drawn, inView, scrollToEnd, visibleList } from './reader.js';

/**
 * A long list looked at the way a reader looks at it: scrolled to its end, a screen at a time,
 * counting the rows that are in view (not the rows in the DOM).
 */

let counter = 0;
const generated = (sessions: number) => `/generated/${sessions}.json?days=4&rooms=20&t=${Date.now()}-${++counter}`;

/** Every session id the reader sees while scrolling `scroller` to the end. */
async function seenToEnd(el: SessionList, scroller: Element, container?: Element): Promise<Set<string>> {
  const seen = new Set<string>();
  await scrollToEnd(el, (row) => seen.add(row.dataset.session!), scroller, container);
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
    const seen = await seenToEnd(el, document.scrollingElement!);
    const all = await sessionIds(url);
    expect(all.length).to.equal(1000);
    expect(all.filter((id) => !seen.has(id))).to.deep.equal([]);
    // Scrolled to the end, the last session is on screen and the DOM holds a window, not everything.
    const view = visibleList(el)!;
    const ids = inView(el, view).rows.map((r) => r.dataset.session);
    expect(ids).to.include(el.shadowRoot!.querySelector<HTMLElement>('.chunk:last-child .row:last-of-type')!.dataset.session);
    expect(el.shadowRoot!.querySelectorAll('.row').length).to.be.below(300);
  });

  it('draws every session of a list inside a scrolling container', async () => {
    const url = generated(400);
    const box = await fixture<HTMLDivElement>(
      html`<div style="height: 480px; overflow: auto; margin-top: 40px"><session-list src=${url}></session-list></div>`,
    );
    const el = box.querySelector('session-list') as SessionList;
    await settled(el);
    const seen = await seenToEnd(el, box, box);
    const all = await sessionIds(url);
    expect(all.filter((id) => !seen.has(id))).to.deep.equal([]);
  });

  it('draws the rows a reader jumps to, far down, and again on the way back up', async () => {
    const el = await fixture<SessionList>(html`<session-list src=${generated(1000)}></session-list>`);
    await settled(el);
    for (const y of [3000, 6000, 9000, 60_000, 20_000, 0]) {
      window.scrollTo(0, y);
      await drawn(el, `blank list at ${y} px`);
    }
  });
});
