import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import ICAL from 'ical.js';
import '../src/index.js';
import type { SessionList } from '../src/elements/session-list/session-list.js';
import type { PanelCard } from '../src/elements/panel-card/panel-card.js';
import { programmeUrl, settled } from './helpers.js';
import { choose, download, filterSelect, openFilters, opener, zoneRadios } from './list-actions.js';
import { scrollToEnd } from './reader.js';
import { storeFor } from '../src/schedule/resolve.js';
import { localAdapterFor } from '../src/schedule/local-adapter.js';

document.documentElement.lang = 'en-GB';

const root = (el: SessionList) => el.shadowRoot!;
const count = (el: SessionList) => root(el).querySelector('[part=count]')!.textContent!.trim();
const rowIds = (el: SessionList) => [...root(el).querySelectorAll<HTMLElement>('.row')].map((r) => r.dataset.session);
const days = (el: SessionList) => [...root(el).querySelectorAll('.day')].map((d) => d.textContent!.trim());
/** The day heading each row sits under, as `sessionId → heading`. */
function groups(el: SessionList): Record<string, string> {
  const out: Record<string, string> = {};
  let day = '';
  for (const node of root(el).querySelectorAll<HTMLElement>('.day, .row')) {
    if (node.classList.contains('day')) day = node.textContent!.trim();
    else out[node.dataset.session!] = day;
  }
  return out;
}
/** The row of `id`, scrolled to as a reader would find it. */
async function findRow(el: SessionList, id: string): Promise<HTMLElement> {
  let found: HTMLElement | undefined;
  window.scrollTo(0, 0);
  await scrollToEnd(el, (row) => (found ??= row.dataset.session === id ? row : undefined));
  found?.scrollIntoView();
  return root(el).querySelector<HTMLElement>(`[data-session="${id}"]`)!;
}

/** Every row's session id, in order, as a reader scrolling the whole list sees them. */
async function allRowIds(el: SessionList): Promise<string[]> {
  const seen = new Set<string>();
  window.scrollTo(0, 0);
  await scrollToEnd(el, (row) => seen.add(row.dataset.session!));
  window.scrollTo(0, 0);
  return [...seen];
}
async function search(el: SessionList, text: string) {
  const input = root(el).querySelector<HTMLInputElement>('input[type=search]')!;
  input.value = text;
  input.dispatchEvent(new Event('input'));
  await waitUntil(() => (el as unknown as { filters: { query?: string } }).filters.query === (text.trim() || undefined), 'search never applied');
  await el.updateComplete;
}
async function list(template: ReturnType<typeof html>) {
  const el = await fixture<SessionList>(template);
  await settled(el);
  return el;
}
const demo = () => programmeUrl('demo');

describe('<session-list>', () => {
  beforeEach(async () => {
    localStorage.clear();
    await storeFor(localAdapterFor('cess-2024')).refresh();
    history.replaceState(null, '', window.location.pathname + window.location.search);
  });

  it('groups sessions by day and orders them by time, in the conference zone', async () => {
    const el = await list(html`<session-list src=${demo()}></session-list>`);
    expect(days(el)).to.deep.equal(
      ['Friday, 7 June 2024', 'Saturday, 8 June 2024', 'Sunday, 9 June 2024', 'Monday, 10 June 2024'].map((d) =>
        d.replace(/,(?= \d)/, (m) => (days(el)[0].includes(',') ? m : '')),
      ),
    );
    expect(count(el)).to.equal('18 sessions');
    const ids = await allRowIds(el);
    expect(ids).to.have.length(18);
    const g = groups(el);
    expect(g['P038-1']).to.match(/^Saturday,? 8 June/);
    expect(ids.indexOf('P021-1')).to.be.lessThan(ids.indexOf('P017-1'), '09:00 before 11:00');
    expect(ids.slice(0, 4)).to.deep.equal(['P003-1', 'P003-2', 'P005-1', 'P005-2']);
    expect(root(el).querySelector('[data-session="P021-1"] time')!.textContent).to.equal('09:00\u2009\u2013\u200910:45');
    await expect(el).to.be.accessible();
  });

  it('in another zone, a session near midnight moves to the next day', async () => {
    const el = await list(html`<session-list src=${demo()} time-zone="Asia/Tokyo"></session-list>`);
    // 20:30 in Almaty (+05:00) is 00:30 the next day in Tokyo (+09:00).
    expect(groups(el)['P038-1']).to.match(/^Sunday,? 9 June/);
    expect(root(el).querySelector('[data-session="P038-1"] time')!.textContent).to.equal('00:30\u2009\u2013\u200902:00');
    // The zone as people say it, with its offset; the IANA id on hover.
    expect(root(el).querySelector('.note')!.textContent).to.contain('Times are in Japan Standard Time (UTC+09:00).');
    // A fixed zone has no switch.
    expect(root(el).querySelector('input[name=zone]')).to.equal(null);
  });

  it('filters by day, theme, format and location, alone and combined, and says how many are shown', async () => {
    const el = await list(html`<session-list src=${demo()} deep-link="none"></session-list>`);
    await choose(el, 'Day', '2024-06-09');
    expect(rowIds(el)).to.deep.equal(['P021-1', 'P017-1', 'P024-1', 'P027-1']);
    expect(count(el)).to.equal('Showing 4 of 18 sessions');
    await choose(el, 'Theme', 'Political Science, International Relations, and Law');
    expect(rowIds(el)).to.deep.equal(['P021-1', 'P024-1']);
    await choose(el, 'Format', 'Panel');
    expect(rowIds(el)).to.deep.equal(['P021-1']);
    await choose(el, 'Day', '');
    await choose(el, 'Format', '');
    await choose(el, 'Theme', '');
    await choose(el, 'Location', 'Library Hall');
    expect(rowIds(el)).to.deep.equal(['P005-2', 'P027-1']);
    await expect(el).to.be.accessible();
  });

  it('searches titles, people, affiliations and abstracts, every word', async () => {
    const el = await list(html`<session-list src=${demo()} deep-link="none"></session-list>`);
    await search(el, 'middle power');
    expect(rowIds(el)).to.include('P021-1');
    await search(el, 'Gulnara Abenova');
    expect(rowIds(el)).to.deep.equal(['P021-1']);
    await search(el, 'clingendael'); // only in an abstract, any case
    expect(rowIds(el)).to.deep.equal(['P021-1']);
    await search(el, 'Eurasian University of Astana'); // an affiliation
    expect(rowIds(el)).to.include('P021-1');
    await search(el, 'zzzz-nothing');
    expect(rowIds(el)).to.deep.equal([]);
    expect(root(el).querySelector('[part=empty]')!.textContent).to.contain('No sessions match these filters.');
    await expect(el).to.be.accessible();
    root(el).querySelector<HTMLButtonElement>('[part=empty] button')!.click();
    await el.updateComplete;
    expect(count(el)).to.equal('18 sessions');
    expect(root(el).querySelector<HTMLInputElement>('input[type=search]')!.value).to.equal('');
  });

  it('takes filters preset as attributes, which the reader can then change', async () => {
    const el = await list(html`<session-list src=${demo()} deep-link="none" theme="History" panel-format="Panel"></session-list>`);
    expect(rowIds(el)).to.deep.equal(['P003-1', 'P003-2']);
    expect((await filterSelect(el, 'Theme')).value).to.equal('History');
    await choose(el, 'Format', '');
    expect(rowIds(el)).to.deep.equal(['P003-1', 'P003-2', 'P027-1']);
  });

  it('shows only starred items when asked, following the stars', async () => {
    localStorage.setItem('programme-elements:schedule:cess-2024', JSON.stringify(['P021-1-a', 'P005']));
    await storeFor(localAdapterFor('cess-2024')).refresh();
    const el = await list(html`<session-list src=${demo()} deep-link="none" starred-only></session-list>`);
    await waitUntil(() => rowIds(el).length === 3, `expected 3 rows, saw ${rowIds(el)}`);
    expect(rowIds(el)).to.deep.equal(['P005-1', 'P005-2', 'P021-1']);
    // P005-1 is listed because its panel is starred: its own star shows "partly", and says why.
    const star = root(el).querySelector('[data-session="P005-1"] star-toggle')!;
    const button = star.shadowRoot!.querySelector('button')!;
    expect(button.getAttribute('aria-pressed')).to.equal('mixed');
    expect(root(el).querySelector('[data-session="P005-1"] .partly')!.textContent).to.equal('In your schedule through its panel or one of its papers');
    expect(star.shadowRoot!.getElementById(button.getAttribute('aria-describedby')!.split(' ')[0])!.textContent).to.contain('through its panel');
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    expect(rowIds(el)).to.have.length(3);
    await expect(el).to.be.accessible();
  });

  it('is operated from the keyboard: search, then the starred-only checkbox', async () => {
    const el = await list(html`<session-list src=${demo()} deep-link="none"></session-list>`);
    root(el).querySelector<HTMLInputElement>('input[type=search]')!.focus();
    await sendKeys({ type: 'Aral' });
    await waitUntil(() => count(el) === 'Showing 2 of 18 sessions', `count was ${count(el)}`);
    expect(rowIds(el)).to.include('P017-1'); // "The Aral Sea Basin Thirty Years On"; the other mentions it in an abstract
    // The next stop is the Filters button: Enter opens them.
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.classList.contains('filters-button')).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await openFilters(el);
    let guard = 0;
    while (!(root(el).activeElement as HTMLInputElement | null)?.matches?.('input[type=checkbox]') && guard++ < 10) await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(count(el)).to.equal('Showing 0 of 18 sessions');
  });

  it('opens a panel in place, and links to a host page when given panel-href', async () => {
    const el = await list(html`<session-list src=${demo()} deep-link="none"></session-list>`);
    const details = opener(root(el).querySelector('[data-session="P021-1"]')!)!;
    expect(details.getAttribute('aria-expanded')).to.equal('false');
    details.click();
    await el.updateComplete;
    expect(details.getAttribute('aria-expanded')).to.equal('true');
    const card = root(el).querySelector<PanelCard>('[data-session="P021-1"] panel-card')!;
    await settled(card);
    expect(card.shadowRoot!.textContent).to.contain('Is Kazakhstan a middle power?');
    await expect(el).to.be.accessible();

    const linked = await list(html`<session-list src=${demo()} deep-link="none" panel-href="/programme/{id}"></session-list>`);
    // Below the first list (and its open card), perhaps out of view: scrolled to, it is drawn.
    linked.scrollIntoView();
    await waitUntil(() => root(linked).querySelector('[data-session="P021-1"] a'), 'the second list was never drawn');
    const link = root(linked).querySelector<HTMLAnchorElement>('[data-session="P021-1"] a')!;
    expect(link.getAttribute('href')).to.equal(`${location.origin}/programme/P021`);
    expect(root(linked).querySelector('.title-button')).to.equal(null);
  });

  it('opens a panel in place from the keyboard, and closes it again', async () => {
    const el = await list(html`<session-list src=${demo()} deep-link="none"></session-list>`);
    const details = opener(root(el).querySelector('[data-session="P003-1"]')!)!;
    details.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(details.getAttribute('aria-expanded')).to.equal('true');
    expect(root(el).querySelector('[data-session="P003-1"] panel-card')).to.exist;
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(details.getAttribute('aria-expanded')).to.equal('false');
    expect(root(el).activeElement).to.equal(details);
  });

  it('marks what is happening now', async () => {
    const el = await list(html`<session-list src=${demo()} deep-link="none" now="2024-06-09T09:30:00+05:00"></session-list>`);
    // Sunday's rows are drawn as they come near: look at the whole list, scrolled as a reader does.
    const live: string[] = [];
    window.scrollTo(0, 0);
    await scrollToEnd(el, (row) => row.classList.contains('live') && !live.includes(row.dataset.session!) && live.push(row.dataset.session!));
    await findRow(el, 'P021-1');
    expect(live).to.deep.equal(['P021-1']);
    expect(root(el).querySelector('.live [part=now]')!.textContent).to.equal('Happening now');
  });

  it('switches to the reader’s zone, remembers it, and every element follows', async () => {
    // The test browser runs in America/New_York (see web-test-runner.config.mjs).
    const wrapper = await fixture(html`<programme-source src=${demo()}>
      <session-list deep-link="none"></session-list><panel-card panel-id="P021"></panel-card>
    </programme-source>`);
    const el = wrapper.querySelector('session-list')!;
    const card = wrapper.querySelector('panel-card')!;
    await settled(el);
    await settled(card);
    const radios = await zoneRadios(el);
    expect(radios.map((r) => r.parentElement!.textContent!.trim())).to.deep.equal([
      'Conference time (Kazakhstan Time (UTC+05:00))',
      'My time (Eastern Time (UTC−04:00))',
    ]);
    radios[1].click();
    await el.updateComplete;
    await card.updateComplete;
    expect((await findRow(el, 'P021-1')).querySelector('time')!.textContent).to.equal('00:00\u2009\u2013\u200901:45');
    expect(card.shadowRoot!.querySelector('[part=time-zone]')!.textContent).to.contain('America/New_York');
    expect(localStorage.getItem('programme-elements:zone:cess-2024')).to.equal('viewer');
    // A new list on the page starts in the remembered zone.
    const again = await list(html`<session-list src=${demo()} deep-link="none"></session-list>`);
    // It sits below the first list, out of view: the reader scrolls to it, and its rows are drawn.
    again.scrollIntoView();
    await waitUntil(() => root(again).querySelector('[data-session="P021-1"] time'), 'the new list was never drawn');
    expect(root(again).querySelector('[data-session="P021-1"] time')!.textContent).to.equal('00:00\u2009\u2013\u200901:45');
  });

  it('follows the URL hash: a day, then an item; and writes the day back', async () => {
    history.replaceState(null, '', '#2024-06-10');
    const el = await list(html`<session-list src=${demo()}></session-list>`);
    expect(root(el).querySelector('.day-tab[aria-pressed=true]')!.getAttribute('data-day')).to.equal('2024-06-10');
    // Same start and end: by panel title.
    expect(rowIds(el)).to.deep.equal(['P033-1', 'P030-1', 'P033-2', 'P024-2']);
    await choose(el, 'Day', '2024-06-07');
    expect(location.hash).to.equal('#2024-06-07');
    location.hash = '#P021-1-a';
    await waitUntil(() => root(el).activeElement?.getAttribute('data-session') === 'P021-1', 'the paper’s session was not focused');
    expect(count(el)).to.equal('18 sessions');
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('exports the shown sessions as an iCalendar file that a real parser reads back', async () => {
    const el = await list(html`<session-list src=${demo()} deep-link="none" day="2024-06-09"></session-list>`);
    let captured: HTMLAnchorElement | undefined;
    const grab = (e: Event) => {
      const a = e.target as HTMLAnchorElement;
      if (a instanceof HTMLAnchorElement && a.download) {
        captured = a;
        e.preventDefault();
      }
    };
    document.addEventListener('click', grab, true);
    await download(el, 'shown');
    await waitUntil(() => captured, 'no download');
    document.removeEventListener('click', grab, true);
    expect(captured!.download).to.equal('cess-2024-shown.ics');
    const text = await (await fetch(captured!.href)).text();
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.uid.split('@')[0])).to.deep.equal(['P021-1', 'P017-1', 'P024-1', 'P027-1']);
    expect(events[0].startDate.toJSDate().toISOString()).to.equal('2024-06-09T04:00:00.000Z');
    expect(events[0].summary).to.equal('Kazakhstan Between Great Powers: Middle Power Status and Multi-Vector Diplomacy');
    expect(events[0].location).to.equal('702 (Floor 7)');
  });

  it('shows a timetable by room for one day, and the list in a narrow container', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="width: 1000px"><session-list src=${demo()} deep-link="none" view="grid" day="2024-06-08"></session-list></div>`,
    );
    const el = wrapper.querySelector('session-list')!;
    await settled(el);
    await waitUntil(() => root(el).querySelector('[part=grid]'), 'no grid');
    // Rooms in the programme's order.
    const rooms = [...root(el).querySelectorAll('.room')].map((r) => r.textContent!.trim());
    expect(rooms).to.deep.equal(['Auditorium A', '410 (Floor 4)', '702 (Floor 7)']);
    const cell = root(el).querySelector<HTMLElement>('.cell[data-session="P038-1"]')!;
    expect(cell.style.gridColumn).to.equal('2');
    expect(root(el).querySelector('#grid-title-2024-06-08')!.textContent).to.match(/Timetable for Saturday,? 8 June 2024/);
    await expect(el).to.be.accessible();
    wrapper.style.width = '400px';
    await waitUntil(() => !root(el).querySelector('[part=grid]') && root(el).querySelector('.row'), 'no list when narrow', { timeout: 3000 });
  });

  it('renders only what is near the viewport for a 5,000-session programme', async () => {
    const panels = Array.from({ length: 2500 }, (_, p) => ({
      id: `G${p}`,
      title: `Generated panel ${p}`,
      theme: `Theme ${p % 8}`,
      location: `Room ${p % 20}`,
      sessions: [0, 1].map((s) => {
        const start = Date.UTC(2024, 5, 7 + (p % 4), 3 + s * 2 + (p % 5));
        return {
          id: `G${p}-${s}`,
          start: new Date(start).toISOString(),
          end: new Date(start + 5400000).toISOString(),
          papers: [{ id: `G${p}-${s}-a`, title: `Paper ${p}.${s}` }],
        };
      }),
    }));
    const doc = { version: 1, conference: { id: 'big', title: 'Big', timeZone: 'Asia/Almaty' }, panels };
    const src = URL.createObjectURL(new Blob([JSON.stringify(doc)], { type: 'application/json' }));
    const el = await list(html`<session-list src=${src} deep-link="none"></session-list>`);
    expect(count(el)).to.equal('5000 sessions');
    const rendered = root(el).querySelectorAll('.row').length;
    expect(rendered).to.be.within(1, 120);
    await search(el, 'Generated panel 2499');
    expect(rowIds(el)).to.deep.equal(['G2499-0', 'G2499-1']);
  });

  it('has clear loading and error states', async () => {
    const loading = await fixture<SessionList>(html`<session-list src=${programmeUrl('demo', { delay: 500 })}></session-list>`);
    expect(root(loading).textContent).to.contain('Loading the programme…');
    await expect(loading).to.be.accessible();
    const failed = await list(html`<session-list src="/status/500?t=list"></session-list>`);
    expect(root(failed).querySelector('[role=alert]')!.textContent).to.contain('The programme could not be loaded.');
    await expect(failed).to.be.accessible();
  });
});
