import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../src/index.js';
import type { SessionList } from '../src/elements/session-list/session-list.js';
import { programmeUrl, settled } from './helpers.js';
import { dayTabs } from './list-actions.js';

/**
 * The timetable (`view="grid"`) as a reader uses it: nothing cut at any width, every day under
 * "All days", rooms in the programme's order, overlapping sessions side by side, a cell that opens
 * its panel and gives focus back, time order for the keyboard, and the "now" line.
 */

document.documentElement.lang = 'en-GB';
const root = (el: Element) => el.shadowRoot!;
const demo = () => programmeUrl('demo');
const blob = (doc: unknown) => URL.createObjectURL(new Blob([JSON.stringify(doc)], { type: 'application/json' }));
async function grid(src: string, attrs = '', width = 1280) {
  const wrapper = await fixture<HTMLDivElement>(html`<div style=${`width: ${width}px`}></div>`);
  wrapper.innerHTML = `<session-list src="${src}" view="grid" deep-link="none" ${attrs}></session-list>`;
  const el = wrapper.querySelector('session-list') as SessionList;
  await settled(el);
  await waitUntil(() => root(el).querySelector('[part=grid] .cell'), 'the timetable never drew a cell', { timeout: 5000 });
  // A cell's star comes once the cell has been shown.
  await waitUntil(() => !root(el).querySelector('.star-space'), 'the stars never came', { timeout: 5000 });
  return { el, wrapper };
}
/** Cells whose content is wider or taller than their box: text cut off. */
const clipped = (el: Element) =>
  [...root(el).querySelectorAll<HTMLElement>('.cell')]
    .filter((c) => c.scrollHeight > c.clientHeight + 1 || c.scrollWidth > c.clientWidth + 1)
    .map((c) => c.dataset.session);

/** A conference of `rooms` rooms with a session in each from 08:00 to 20:00, every hour. */
function roomsDoc(rooms: number, id = 'rooms') {
  const names = Array.from({ length: rooms }, (_, i) => `Room ${String(i + 1).padStart(2, '0')}`);
  return {
    version: 1,
    conference: { id, title: 'Rooms', timeZone: 'UTC' },
    panels: names.flatMap((room, r) =>
      Array.from({ length: 12 }, (_, h) => ({
        id: `R${r}-${h}`,
        title: `Panel ${h} in ${room}`,
        location: room,
        sessions: [
          { id: `R${r}-${h}-s`, start: `2025-03-01T${String(8 + h).padStart(2, '0')}:00:00Z`, end: `2025-03-01T${String(8 + h).padStart(2, '0')}:50:00Z` },
        ],
      })),
    ),
  };
}
const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 20)));

describe('the timetable', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  // First in this file: the timetable's code has not been loaded by an earlier test yet.
  it('asks for the timetable’s code as soon as view="grid" is set, before the programme arrives, and never draws the list first', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 1000px"></div>`);
    const el = document.createElement('session-list') as SessionList;
    el.setAttribute('src', programmeUrl('demo', { delay: 800 }));
    el.setAttribute('view', 'grid');
    el.setAttribute('deep-link', 'none');
    let listRows = 0;
    const watch = new MutationObserver(() => (listRows = Math.max(listRows, el.shadowRoot?.querySelectorAll('.row').length ?? 0)));
    wrapper.append(el);
    watch.observe(el.shadowRoot!, { childList: true, subtree: true });
    await new Promise((r) => setTimeout(r, 400));
    const asked = performance.getEntriesByType('resource').some((e) => e.name.includes('grid-view'));
    expect(asked, 'grid-view was requested while the programme was still on its way').to.equal(true);
    await waitUntil(() => root(el).querySelector('[part=grid] .cell'), 'the timetable never drew a cell', { timeout: 5000 });
    watch.disconnect();
    expect(listRows, 'rows of the list drawn before the timetable').to.equal(0);
  });

  it('never cuts a cell’s text, at 1280, 900, 768 and 640 px', async () => {
    await setViewport({ width: 1400, height: 900 });
    for (const width of [1280, 900, 768, 640]) {
      const { el, wrapper } = await grid(demo(), '', width);
      expect(clipped(el), `at ${width} px`).to.deep.equal([]);
      // Words are not broken in the middle: every title's longest word fits its cell.
      wrapper.remove();
    }
  });

  it('draws a cell’s star once the cell has been shown, in the place kept for it: nothing moves when it comes', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 1280px"></div>`);
    // A programme of its own (its cells have not been drawn by an earlier test), of titles that wrap.
    const doc = roomsDoc(8, 'stars');
    for (const panel of doc.panels) panel.title = `${panel.title}: a rather long title that runs over several lines of its cell`;
    wrapper.innerHTML = `<session-list src="${blob(doc)}" view="grid" deep-link="none"></session-list>`;
    const el = wrapper.querySelector('session-list') as SessionList;
    const boxes = () =>
      [...root(el).querySelectorAll<HTMLElement>('.cell')].map((c) => {
        const title = c.querySelector('.title')!.getBoundingClientRect();
        return `${c.dataset.session} ${Math.round(c.getBoundingClientRect().height)} ${Math.round(title.width)}`;
      });
    // As the cells are first shown: just after their first frame.
    let before: string[] = [];
    let kept = 0;
    let seen = false;
    const watch = new MutationObserver(() => {
      if (seen || !root(el).querySelector('[part=grid] .cell')) return;
      seen = true;
      requestAnimationFrame(() =>
        setTimeout(() => {
          before = boxes();
          kept = root(el).querySelectorAll('.cell .star-space').length;
        }),
      );
    });
    watch.observe(root(el), { childList: true, subtree: true });
    await waitUntil(() => before.length, 'the timetable never drew a cell', { timeout: 5000 });
    watch.disconnect();
    expect(kept, 'places kept for stars').to.equal(before.length);
    await waitUntil(() => !root(el).querySelector('.star-space'), 'the stars never came', { timeout: 5000 });
    const cells = [...root(el).querySelectorAll('.cell')];
    expect(cells.filter((c) => c.querySelector('star-toggle')).length, 'cells with their star').to.equal(cells.length);
    // The cells first shown are as they were (more may have been drawn near them since).
    const ids = new Set(before.map((b) => b.split(' ')[0]));
    expect(boxes().filter((b) => ids.has(b.split(' ')[0]))).to.deep.equal(before);
  });

  it('shows every day in turn under "All days", one day with its tab, and says what is shown', async () => {
    const { el } = await grid(demo());
    const titles = () => [...root(el).querySelectorAll('.grid-day')].map((d) => d.textContent!.replace(',', ''));
    // Each day's grid is drawn as it comes near: scroll down the page as a reader would.
    const seenTitles = new Set<string>();
    const seenCells = new Set<string>();
    for (let y = 0; y <= document.documentElement.scrollHeight; y += 400) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 60));
      titles().forEach((t) => seenTitles.add(t));
      root(el)
        .querySelectorAll<HTMLElement>('.cell')
        .forEach((c) => seenCells.add(c.dataset.session!));
    }
    window.scrollTo(0, 0);
    expect([...seenTitles]).to.deep.equal(
      ['Friday 7 June 2024', 'Saturday 8 June 2024', 'Sunday 9 June 2024', 'Monday 10 June 2024'].map((d) => `Timetable for ${d}`),
    );
    expect(seenCells.size).to.equal(18);
    expect(root(el).querySelector('[part=count]')!.textContent!.trim()).to.equal('18 sessions');
    dayTabs(el)[3].click();
    await el.updateComplete;
    expect(titles()).to.deep.equal(['Timetable for Sunday 9 June 2024']);
    expect(root(el).querySelector('[part=count]')!.textContent!.trim()).to.equal('Showing 4 of 18 sessions');
    await expect(el).to.be.accessible();
  });

  it('puts sessions that overlap in one room side by side, and many rooms scroll sideways inside the element', async () => {
    const rooms = Array.from({ length: 20 }, (_, i) => `Room ${String(i + 1).padStart(2, '0')}`);
    const doc = {
      version: 1,
      conference: { id: 'rooms', title: 'Rooms', timeZone: 'UTC' },
      panels: [
        ...rooms.map((room, i) => ({
          id: `R${i}`,
          title: `In ${room}`,
          location: room,
          sessions: [{ id: `R${i}-1`, start: '2025-03-01T09:00:00Z', end: '2025-03-01T10:00:00Z' }],
        })),
        { id: 'O', title: 'Overlapping', location: 'Room 01', sessions: [{ id: 'O-1', start: '2025-03-01T09:30:00Z', end: '2025-03-01T10:30:00Z' }] },
      ],
    };
    const { el, wrapper } = await grid(blob(doc), '', 1000);
    const a = root(el).querySelector<HTMLElement>('[data-session="R0-1"]')!.getBoundingClientRect();
    const b = root(el).querySelector<HTMLElement>('[data-session="O-1"]')!.getBoundingClientRect();
    expect(b.left >= a.right || a.left >= b.right, 'the two sessions of Room 01 do not overlap on screen').to.equal(true);
    expect([...root(el).querySelectorAll('.room')].map((r) => r.textContent!.trim())).to.deep.equal(rooms);
    const scroller = root(el).querySelector<HTMLElement>('.grid-scroll')!;
    expect(scroller.scrollWidth).to.be.greaterThan(scroller.clientWidth);
    expect(wrapper.scrollWidth, 'the page itself does not scroll sideways').to.be.at.most(1000);
    expect(clipped(el)).to.deep.equal([]);
  });

  it('opens a cell’s panel in a dialog, keeps focus inside, and gives it back to the cell on close', async () => {
    const { el } = await grid(demo(), 'day="2024-06-09"');
    const button = root(el).querySelector<HTMLButtonElement>('[data-session="P021-1"] .title-button')!;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root(el).querySelector<HTMLDialogElement>('dialog.panel-dialog')?.open, 'no dialog');
    const dialog = root(el).querySelector<HTMLDialogElement>('dialog.panel-dialog')!;
    const card = dialog.querySelector('panel-card')!;
    await waitUntil(() => card.shadowRoot?.querySelector('[part=title]'), 'the panel never showed in the dialog');
    expect(card.shadowRoot!.querySelector('[part=title]')!.textContent).to.contain('Kazakhstan');
    expect(dialog.contains(root(el).activeElement), 'focus is inside the dialog').to.equal(true);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !root(el).querySelector('dialog.panel-dialog'), 'the dialog did not close');
    expect(root(el).activeElement).to.equal(root(el).querySelector('[data-session="P021-1"] .title-button'));
  });

  it('reaches cells in time order by keyboard, each saying its day, time and room', async () => {
    const { el } = await grid(demo(), 'day="2024-06-08"');
    // The DOM order is the tab order: by start time, whatever the columns.
    const starts = [...root(el).querySelectorAll<HTMLElement>('.cell time')].map((t) => Date.parse(t.getAttribute('datetime')!));
    expect(starts).to.have.length(6);
    expect(starts).to.deep.equal([...starts].sort((a, b) => a - b));
    const buttons = [...root(el).querySelectorAll<HTMLButtonElement>('.cell .title-button')];
    buttons[0].focus();
    await sendKeys({ press: 'Tab' });
    // After the first cell's title comes its star, then the next cell's title.
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement).to.equal(buttons[1]);
    const meta = root(el)
      .querySelector('[data-session="P038-1"] .meta')!
      .textContent!.replace(/[ \n]+/g, ' ')
      .trim();
    expect(meta).to.match(/^Saturday,? 8 June 2024, 20:30\u2009\u2013\u200922:00, Auditorium A$/);
  });

  it('draws a "now" line across the day at an injected now', async () => {
    const { el } = await grid(demo(), 'day="2024-06-09" now="2024-06-09T10:05:00+05:00"');
    const line = root(el).querySelector<HTMLElement>('.now-line')!;
    expect(line.style.gridColumn).to.equal('1 / -1');
    // 09:00 is the first quarter of the block (row 1); 10:05 falls in its fifth quarter.
    expect(line.style.gridRow).to.equal('5');
    expect(root(el).querySelector('.cell.live')!.getAttribute('data-session')).to.equal('P021-1');
  });

  it('keeps the room names at the top of the page while their day scrolls by, and moves them with the grid sideways', async () => {
    await setViewport({ width: 1100, height: 700 });
    const { el } = await grid(blob(roomsDoc(20)), '', 1000);
    const head = root(el).querySelector<HTMLElement>('.grid-head')!;
    const wrap = root(el).querySelector<HTMLElement>('.grid-wrap')!;
    // Into the day: its heading has gone up out of view, its cells are still there.
    window.scrollTo(0, window.scrollY + wrap.getBoundingClientRect().top + 300);
    await frame();
    expect(Math.round(head.getBoundingClientRect().top), 'the room names are at the top of the viewport').to.equal(0);
    expect(wrap.getBoundingClientRect().bottom).to.be.greaterThan(700);
    const scroller = root(el).querySelector<HTMLElement>('.grid-scroll')!;
    scroller.scrollLeft = 900;
    await frame();
    expect(head.scrollLeft).to.equal(scroller.scrollLeft);
    // Each room's name sits over its own column, wherever the grid has been scrolled to.
    const names = [...head.querySelectorAll<HTMLElement>('.room')];
    const cells = [...root(el).querySelectorAll<HTMLElement>('.cell')];
    for (const room of ['Room 01', 'Room 07', 'Room 12']) {
      const name = names.find((n) => n.textContent!.trim() === room)!;
      const cell = cells.find((c) => c.querySelector('.where')!.textContent === room)!;
      expect(Math.abs(name.getBoundingClientRect().left - cell.getBoundingClientRect().left), room).to.be.below(2);
    }
    window.scrollTo(0, 0);
  });

  it('jumps to now while the programme runs: today’s grid, the session on now in view and focused', async () => {
    await setViewport({ width: 1280, height: 700 });
    const { el } = await grid(demo(), 'day="2024-06-07" now="2024-06-09T10:05:00+05:00"');
    const jump = root(el).querySelector<HTMLButtonElement>('.jump-now')!;
    expect(jump.textContent!.trim()).to.equal('Jump to now');
    jump.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root(el).activeElement?.closest('[data-session]'), 'focus never reached a cell');
    expect(root(el).activeElement!.closest<HTMLElement>('[data-session]')!.dataset.session).to.equal('P021-1');
    expect([...root(el).querySelectorAll('.grid-day')].map((d) => d.textContent!.replace(',', ''))).to.deep.equal(['Timetable for Sunday 9 June 2024']);
    const box = root(el).querySelector('[data-session="P021-1"]')!.getBoundingClientRect();
    expect(box.top >= 0 && box.bottom <= 700, 'the session on now is in view').to.equal(true);
    await expect(el).to.be.accessible();
    // Long after the conference, nothing to jump to.
    el.setAttribute('now', '2030-01-01T00:00:00Z');
    await el.updateComplete;
    expect(!!root(el).querySelector('.jump-now')).to.equal(false);
  });

  it('draws a day of 1,250 sessions in 20 rooms as the reader scrolls down and sideways: every session once, none cut, few at a time, axe-clean', async () => {
    await setViewport({ width: 1280, height: 800 });
    const panels = Array.from({ length: 2500 }, (_, p) => ({
      id: `G${p}`,
      title: `Generated panel ${p} on a subject with a longer name`,
      // Four days of 625 panels; in each, 20 rooms with a session every quarter from 06:00.
      location: `Room ${String(Math.floor(p / 4) % 20).padStart(2, '0')}`,
      convenors: [{ name: `Person ${p}` }],
      sessions: [0, 1].map((s) => {
        const start = Date.UTC(2024, 5, 7 + (p % 4), 6, (s * 32 + Math.floor(p / 80)) * 15);
        return { id: `G${p}-${s}`, start: new Date(start).toISOString(), end: new Date(start + 840_000).toISOString() };
      }),
    }));
    const doc = { version: 1, conference: { id: 'big-grid', title: 'Big', timeZone: 'UTC' }, panels };
    const { el } = await grid(blob(doc), 'day="2024-06-07"', 1240);
    expect(root(el).querySelector('[part=count]')!.textContent!.trim()).to.equal('Showing 1250 of 5000 sessions');
    const seen = new Set<string>();
    const cut = new Set<string>();
    const page = document.scrollingElement!;
    const sideways = root(el).querySelector<HTMLElement>('.grid-scroll')!;
    const box = () => {
      const r = sideways.getBoundingClientRect();
      return { top: Math.max(r.top, 0), bottom: Math.min(r.bottom, window.innerHeight), left: r.left, right: r.right };
    };
    // What the reader sees is drawn: no blank stand-in in view, neither for a block of time nor for a room.
    const blank = () => {
      const view = box();
      return [...root(el).querySelectorAll('.grid-body > .placeholder, .stand-in')].some((p) => {
        const r = p.getBoundingClientRect();
        return r.bottom > view.top && r.top < view.bottom && r.right > view.left && r.left < view.right;
      });
    };
    const look = async (where: string) => {
      await waitUntil(() => !blank(), `blank timetable at ${where}`, { timeout: 3000, interval: 20 });
      const cells = [...root(el).querySelectorAll<HTMLElement>('.cell')];
      cells.forEach((c) => seen.add(c.dataset.session!));
      clipped(el).forEach((id) => cut.add(id!));
      return { cells: cells.length, rooms: new Set(cells.map((c) => c.querySelector('.where')!.textContent)).size };
    };
    // Down the rooms in view: only they (and a margin) are drawn, few blocks of time at a time.
    let most = 0;
    let rooms = 0;
    for (let step = 0; ; step++) {
      const drawn = await look(`${page.scrollTop} down (step ${step})`);
      most = Math.max(most, drawn.cells);
      rooms = Math.max(rooms, drawn.rooms);
      if (step === 0) await expect(el).to.be.accessible();
      const before = page.scrollTop;
      page.scrollTop = before + 600;
      await new Promise((r) => setTimeout(r, 20));
      if (page.scrollTop === before) break;
    }
    // About 7 of the 20 rooms are in view, and the margin beside them: only their cells are drawn.
    expect(rooms, 'rooms drawn').to.be.within(7, 10);
    expect(most, 'cells in the DOM at once').to.be.below(250);
    expect(seen.size, 'the rooms out of view were not drawn').to.be.below(700);
    // Then sideways at every height: every session is there to be seen.
    window.scrollTo(0, 0);
    for (let step = 0; ; step++) {
      for (let x = 0; ; x += sideways.clientWidth - 100) {
        sideways.scrollLeft = x;
        await new Promise((r) => setTimeout(r, 20));
        await look(`${page.scrollTop}, ${sideways.scrollLeft} (step ${step})`);
        if (sideways.scrollLeft + sideways.clientWidth >= sideways.scrollWidth) break;
      }
      sideways.scrollLeft = 0;
      const before = page.scrollTop;
      page.scrollTop = before + 600;
      await new Promise((r) => setTimeout(r, 20));
      if (page.scrollTop === before) break;
    }
    expect(seen.size).to.equal(1250);
    expect([...cut]).to.deep.equal([]);
    expect(root(el).querySelectorAll('.cell').length, 'cells in the DOM at once').to.be.below(500);
    window.scrollTo(0, 0);
  });

  it('reaches every session of a block in time order by keyboard, rooms out of view too', async () => {
    await setViewport({ width: 1100, height: 700 });
    // 20 rooms (7 or so in view); the first session of the day is in the last room, and at 08:00
    // rooms 10 to 14 are empty, so the next cell after room 9's is further than the margin drawn beside the view.
    const doc = roomsDoc(20);
    const gap = (id: string) => /^R(9|1[0-3])-0$/.test(id);
    doc.panels = doc.panels.filter((p) => !gap(p.id));
    doc.panels.push({
      id: 'E',
      title: 'Early',
      location: 'Room 20',
      sessions: [{ id: 'E-s', start: '2025-03-01T07:45:00Z', end: '2025-03-01T08:00:00Z' }],
    });
    const { el } = await grid(blob(doc), '', 1000);
    expect(root(el).querySelectorAll('.stand-in').length, 'the rooms out of view are stand-ins').to.be.above(0);
    // Into the timetable from the control before it: the first session in time order, far to the side.
    const before = [...root(el).querySelectorAll<HTMLElement>('button, a[href], input, select')].filter((b) => !b.closest('.grid-days')).pop()!;
    before.focus();
    const reached: string[] = [];
    for (let i = 0; i < 2 * 45; i++) {
      await sendKeys({ press: 'Tab' });
      const id = root(el).activeElement?.closest<HTMLElement>('[data-session]')?.dataset.session;
      if (id && reached[reached.length - 1] !== id) reached.push(id);
    }
    const hours = [0, 1, 2].flatMap((h) => Array.from({ length: 20 }, (_, r) => `R${r}-${h}`).filter((id) => !gap(id))).map((id) => `${id}-s`);
    expect(reached.join(' ')).to.equal(['E-s', ...hours].slice(0, reached.length).join(' '));
    expect(reached.length).to.be.above(40);
  });
});
