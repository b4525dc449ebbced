import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import '../src/index.js';
import type { SessionList } from '../src/elements/session-list/session-list.js';
import type { StarToggle } from '../src/elements/star-toggle/star-toggle.js';
import { storeFor } from '../src/schedule/resolve.js';
import { localAdapterFor } from '../src/schedule/local-adapter.js';
import { programmeUrl, settled } from './helpers.js';
import { choose, dayTabs, filterSelect, openFilters, opener } from './list-actions.js';

/**
 * `<session-list>` as a schedule a reader chooses: rows that say who, where and what theme, day
 * tabs, light filters with counts and chips, the `controls` a host shows, one meaning per star,
 * the signed-out path, focus kept clear of the sticky headings, deep links, presets and print.
 */

document.documentElement.lang = 'en-GB';
const root = (el: Element) => el.shadowRoot!;
const count = (el: SessionList) => root(el).querySelector('[part=count]')!.textContent!.trim();
const rowIds = (el: SessionList) => [...root(el).querySelectorAll<HTMLElement>('.row')].map((r) => r.dataset.session);
const row = (el: SessionList, id: string) => root(el).querySelector<HTMLElement>(`[data-session="${id}"]`)!;
const demo = () => programmeUrl('demo');
async function list(template: ReturnType<typeof html>) {
  const el = await fixture<SessionList>(template);
  await settled(el);
  return el;
}
const starButton = (star: Element) => star.shadowRoot!.querySelector('button')!;
const blob = (doc: unknown) => URL.createObjectURL(new Blob([JSON.stringify(doc)], { type: 'application/json' }));

/** sRGB channels of a computed colour (`rgb()`, `rgba()` or `color(srgb …)`), 0–1, with alpha. */
function channels(colour: string): [number, number, number, number] {
  const srgb = /color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)(?: \/ ([\d.e-]+))?\)/.exec(colour);
  if (srgb) return [Number(srgb[1]), Number(srgb[2]), Number(srgb[3]), srgb[4] === undefined ? 1 : Number(srgb[4])];
  const rgb = /rgba?\(([\d.]+), ([\d.]+), ([\d.]+)(?:, ([\d.]+))?\)/.exec(colour)!;
  return [Number(rgb[1]) / 255, Number(rgb[2]) / 255, Number(rgb[3]) / 255, rgb[4] === undefined ? 1 : Number(rgb[4])];
}
const over = (top: number[], under: number[]) => [0, 1, 2].map((i) => top[i] * top[3] + under[i] * (1 - top[3]));
const luminance = (c: number[]) =>
  c.map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)).reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
const contrast = (a: number[], b: number[]) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};
/** The page's background colour, as the browser paints Canvas in the current scheme. */
function canvas(): number[] {
  const probe = document.createElement('div');
  probe.style.background = 'Canvas';
  document.body.append(probe);
  const c = channels(getComputedStyle(probe).backgroundColor);
  probe.remove();
  return c;
}

describe('<session-list> as a schedule', () => {
  beforeEach(async () => {
    localStorage.clear();
    await storeFor(localAdapterFor('cess-2024')).refresh();
    history.replaceState(null, '', window.location.pathname + window.location.search);
  });
  afterEach(async () => {
    document.documentElement.style.colorScheme = '';
    await setViewport({ width: 800, height: 600 });
  });

  it("shows each row's time and length, title, people, theme and room", async () => {
    const el = await list(html`<session-list src=${demo()} deep-link="none" day="2024-06-09"></session-list>`);
    const r = row(el, 'P021-1');
    expect(r.querySelector('time')!.textContent).to.equal('09:00\u2009\u2013\u200910:45');
    expect(r.querySelector('.duration')!.textContent!.trim()).to.equal('1 h 45 min');
    expect(r.querySelector('.people')!.textContent).to.equal('Aigerim Nurpeisova, Katharina Vogel');
    expect(r.querySelector('.theme-chip')!.textContent).to.equal('Political Science, International Relations, and Law');
    expect(r.querySelector('.where')!.textContent).to.equal('702 (Floor 7)');
    expect(r.querySelector('.format')!.textContent).to.equal('Panel');
    // A session with no convenors names its papers' authors.
    expect(row(el, 'P024-1').querySelector('.people')!.textContent).to.equal('Alma Dosmukhamedova, James Whitfield, Daniyar Kassymov');
    await expect(el).to.be.accessible();
  });

  it('names the first three of many people and how many more', async () => {
    const people = Array.from({ length: 7 }, (_, i) => ({ name: `Person ${i + 1}` }));
    const doc = {
      version: 1,
      conference: { id: 'many', title: 'Many', timeZone: 'UTC' },
      panels: [{ id: 'M', title: 'Many people', convenors: people, sessions: [{ id: 'M-1', start: '2025-01-01T09:00:00Z', end: '2025-01-01T09:30:00Z' }] }],
    };
    const el = await list(html`<session-list src=${blob(doc)} deep-link="none"></session-list>`);
    expect(row(el, 'M-1').querySelector('.people')!.textContent).to.equal('Person 1, Person 2, Person 3 and 4 more');
    expect(row(el, 'M-1').querySelector('.duration')!.textContent!.trim()).to.equal('30 min');
  });

  it("colours theme chips from conference.themes, and every chip's text keeps 4.5:1 contrast on light and dark pages", async () => {
    const doc = {
      version: 1,
      conference: { id: 'colours', title: 'Colours', timeZone: 'UTC', themes: [{ name: 'Yellow', color: '#ffff00' }] },
      panels: ['Yellow', 'Navy', 'History', 'Science', 'Art', 'Law', 'Music', 'Ethics'].map((theme, i) => ({
        id: `T${i}`,
        title: `Panel ${theme}`,
        theme,
        sessions: [{ id: `T${i}-1`, start: `2025-01-01T0${i}:00:00Z`, end: `2025-01-01T0${i}:30:00Z` }],
      })),
    };
    const el = await list(html`<session-list src=${blob(doc)} deep-link="none"></session-list>`);
    const chips = () => [...root(el).querySelectorAll<HTMLElement>('.theme-chip')];
    expect(chips()[0].style.getPropertyValue('--chip')).to.equal('#ffff00');
    for (const scheme of ['light', 'dark']) {
      document.documentElement.style.colorScheme = scheme;
      await el.updateComplete;
      const page = canvas();
      for (const chip of chips()) {
        const style = getComputedStyle(chip);
        const background = over(channels(style.backgroundColor), page);
        const text = over(channels(style.color), background);
        expect(contrast(text, background), `${chip.textContent} on a ${scheme} page`).to.be.at.least(4.5);
      }
    }
  });

  it('has day tabs that say which day is shown, work by keyboard, and follow and write the hash', async () => {
    const el = await list(html`<session-list src=${demo()}></session-list>`);
    const tabs = dayTabs(el);
    expect(tabs.map((t) => t.textContent!.trim())).to.deep.equal(['All days', 'Fri 7 Jun', 'Sat 8 Jun', 'Sun 9 Jun', 'Mon 10 Jun']);
    expect(tabs.map((t) => t.getAttribute('aria-pressed'))).to.deep.equal(['true', 'false', 'false', 'false', 'false']);
    expect(root(el).querySelector('.day-tabs')!.getAttribute('aria-label')).to.equal('Days');
    tabs[3].focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(dayTabs(el)[3].getAttribute('aria-pressed')).to.equal('true');
    expect(count(el)).to.equal('Showing 4 of 18 sessions');
    expect(location.hash).to.equal('#2024-06-09');
    location.hash = '#2024-06-07';
    await waitUntil(() => dayTabs(el)[1].getAttribute('aria-pressed') === 'true', 'the hash did not choose Friday');
    expect(rowIds(el)).to.deep.equal(['P003-1', 'P003-2', 'P005-1', 'P005-2']);
    await expect(el).to.be.accessible();
  });

  it('says so when the hash names a day with nothing on it, and chooses nothing', async () => {
    history.replaceState(null, '', '#2024-06-12');
    const el = await list(html`<session-list src=${demo()}></session-list>`);
    expect(count(el)).to.match(/^18 sessions Nothing is scheduled on Wednesday,? 12 June 2024\.$/);
    expect(dayTabs(el)[0].getAttribute('aria-pressed')).to.equal('true');
  });

  it('keeps the filters behind a button, open only in a wide container; they count what each option leaves and narrow each other', async () => {
    const narrow = await list(html`<session-list src=${demo()} deep-link="none"></session-list>`);
    const button = root(narrow).querySelector<HTMLButtonElement>('.filters-button')!;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(!!root(narrow).querySelector('#filter-panel')).to.equal(false);
    const theme = await filterSelect(narrow, 'Theme');
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    const options = () => [...theme.options].map((o) => o.textContent);
    expect(options()).to.include('History (3)');
    await choose(narrow, 'Day', '2024-06-09');
    // Sunday narrows the themes: only those with a Sunday session, counted for Sunday.
    expect(options()).to.deep.equal(['All themes', 'Environment and Energy (1)', 'History (1)', 'Political Science, International Relations, and Law (2)']);
    await expect(narrow).to.be.accessible();

    await setViewport({ width: 1200, height: 800 });
    const wide = await fixture(html`<div style="width: 1000px"><session-list src=${demo()} deep-link="none"></session-list></div>`);
    const el = wide.querySelector('session-list')! as SessionList;
    await settled(el);
    await waitUntil(() => root(el).querySelector('#filter-panel'), 'the filters were not open in a wide container');
    expect(root(el).querySelector('.filters-button')!.getAttribute('aria-expanded')).to.equal('true');
  });

  it('shows the filters in force as chips that remove them; "Clear all" clears every one and puts focus in the search box', async () => {
    const el = await list(html`<session-list src=${demo()} deep-link="none" theme="History" panel-format="Panel"></session-list>`);
    await waitUntil(() => root(el).querySelectorAll('.chip').length === 2, 'no chips for the presets');
    const chips = () => [...root(el).querySelectorAll<HTMLButtonElement>('.chip')];
    expect(chips().map((c) => [c.textContent!.replace(/\s+/g, ' ').trim(), c.getAttribute('aria-label')])).to.deep.equal([
      ['Theme: History×', 'Remove filter Theme: History'],
      ['Format: Panel×', 'Remove filter Format: Panel'],
    ]);
    expect(root(el).querySelector('.filters-button')!.textContent!.trim()).to.equal('Filters (2)');
    expect(rowIds(el)).to.deep.equal(['P003-1', 'P003-2']);
    await expect(el).to.be.accessible();
    chips()[1].click();
    await el.updateComplete;
    expect(rowIds(el)).to.deep.equal(['P003-1', 'P003-2', 'P027-1']);
    expect(chips().length).to.equal(1);
    await waitUntil(() => root(el).activeElement?.id === 'search', 'focus did not go to the search box');
    await choose(el, 'Location', 'Library Hall');
    expect(rowIds(el)).to.deep.equal(['P027-1']);
    root(el).querySelector<HTMLButtonElement>('.clear')!.click();
    await el.updateComplete;
    expect(count(el)).to.equal('18 sessions');
    expect(root(el).querySelectorAll('.chip').length).to.equal(0);
    await waitUntil(() => root(el).activeElement?.id === 'search', 'focus did not go to the search box after Clear all');
  });

  it('shows only the controls the host names with `controls`', async () => {
    const some = await list(html`<session-list src=${demo()} deep-link="none" controls="search days"></session-list>`);
    expect(!!root(some).querySelector('input[type=search]'), 'the search box').to.equal(true);
    expect(dayTabs(some).length).to.equal(5);
    for (const selector of ['.filters-button', '.menu-button', '.segmented']) expect(!!root(some).querySelector(selector), selector).to.equal(false);
    const none = await list(html`<session-list src=${demo()} deep-link="none" controls="none" theme="History"></session-list>`);
    expect(!!root(none).querySelector('.day-tabs, button.filters-button, input[type=search]'), 'no controls').to.equal(false);
    // A preset still applies, shown by its chip (the reader can remove it).
    none.scrollIntoView();
    await waitUntil(() => rowIds(none).length === 3, 'the second list was never drawn');
    expect(rowIds(none)).to.deep.equal(['P003-1', 'P003-2', 'P027-1']);
    await waitUntil(() => root(none).querySelectorAll('.chip').length === 1, 'no chip for the preset');
    await expect(none).to.be.accessible();
  });

  it('keeps the downloads in a small menu', async () => {
    const el = await list(html`<session-list src=${demo()} deep-link="none"></session-list>`);
    const menu = root(el).querySelector<HTMLButtonElement>('.menu-button')!;
    expect(menu.getAttribute('aria-expanded')).to.equal('false');
    expect(!!root(el).querySelector('#downloads')).to.equal(false);
    menu.click();
    await waitUntil(() => root(el).querySelector('#downloads button'), 'the menu never opened');
    expect([...root(el).querySelectorAll('#downloads button')].map((b) => b.textContent)).to.deep.equal([
      'Download these sessions (.ics)',
      'Download my starred sessions (.ics)',
    ]);
    await expect(el).to.be.accessible();
  });

  it('gives each star one meaning: a panel star, a session star and a paper star, and "only my starred", agree', async () => {
    localStorage.setItem('programme-elements:schedule:cess-2024', JSON.stringify(['P005', 'P021-1', 'P024-2-a']));
    await storeFor(localAdapterFor('cess-2024')).refresh();
    const el = await list(html`<session-list src=${demo()} deep-link="none"></session-list>`);
    const pressed = (id: string) => starButton(row(el, id).querySelector('star-toggle')!).getAttribute('aria-pressed');
    await openFilters(el);
    root(el).querySelector<HTMLInputElement>('#filter-panel input[type=checkbox]')!.click();
    await waitUntil(() => rowIds(el).length === 4, `starred only showed ${rowIds(el)}`);
    // Exactly the rows whose star is pressed (the session itself) or partly (its panel, one of its papers).
    expect(rowIds(el)).to.deep.equal(['P005-1', 'P005-2', 'P021-1', 'P024-2']);
    expect(rowIds(el).map((id) => pressed(id!))).to.deep.equal(['mixed', 'mixed', 'true', 'mixed']);
    expect(!!row(el, 'P021-1').querySelector('.partly')).to.equal(false);
    expect(row(el, 'P024-2').querySelector('.partly')!.textContent).to.contain('through its panel or one of its papers');
    await expect(el).to.be.accessible();
    // Pressing a partly star stars the session itself.
    starButton(row(el, 'P024-2').querySelector('star-toggle')!).click();
    await waitUntil(() => pressed('P024-2') === 'true', 'the partly star did not star the session');
    expect(JSON.parse(localStorage.getItem('programme-elements:schedule:cess-2024')!)).to.include('P024-2');
  });

  it('a lone star (no programme of its own) and the same item’s star in a card agree', async () => {
    const wrapper = await fixture(html`<div>
      <star-toggle item-id="P021-1-a" item-title="Is Kazakhstan a middle power?"></star-toggle>
      <panel-card src=${demo()} panel-id="P021"></panel-card>
    </div>`);
    const lone = wrapper.querySelector<StarToggle>('star-toggle')!;
    const card = wrapper.querySelector('panel-card')!;
    await settled(card);
    const inCard = () => [...root(card).querySelectorAll<StarToggle>('star-toggle')].find((s) => s.itemId === 'P021-1-a')!;
    await waitUntil(() => starButton(lone).getAttribute('aria-disabled') === 'false', 'the lone star never became usable');
    starButton(lone).click();
    await waitUntil(() => starButton(inCard()).getAttribute('aria-pressed') === 'true', "the card's star did not follow the lone star");
    expect(JSON.parse(localStorage.getItem('programme-elements:schedule:cess-2024')!)).to.include('P021-1-a');
    starButton(inCard()).click();
    await waitUntil(() => starButton(lone).getAttribute('aria-pressed') === 'false', 'the lone star did not follow the card');
  });

  it('signed out, says once above the rows how to sign in; a press, then signing in, applies the press', async () => {
    const base = `/schedule-api/t${Date.now()}signin`;
    await fetch(`${base}/__control`, { method: 'POST', body: JSON.stringify({ signedIn: false }) });
    const el = await list(html`<session-list src=${demo()} deep-link="none" schedule=${base} login-url="/login?return={return}"></session-list>`);
    await waitUntil(() => root(el).querySelector('[part=sign-in]'), 'no sign-in line');
    const line = root(el).querySelector('[part=sign-in]')!;
    expect(line.textContent).to.contain('Sign in to keep your own schedule');
    expect(line.querySelector('a')!.getAttribute('href')).to.match(/^http:\/\/[^/]+\/login\?return=http/);
    // The stars in the rows are the star alone: no "Sign in" on every row.
    let star = row(el, 'P003-1').querySelector<StarToggle>('star-toggle')!;
    expect(!!star.shadowRoot!.querySelector('[part=label]')).to.equal(false);
    expect(starButton(star).getAttribute('aria-label')).to.contain('Sign in to add');
    await expect(el).to.be.accessible();
    // "Only my starred" says to sign in, instead of "nothing matches".
    await openFilters(el);
    root(el).querySelector<HTMLInputElement>('#filter-panel input[type=checkbox]')!.click();
    await el.updateComplete;
    expect(root(el).querySelector('[part=empty]')!.textContent).to.contain('Sign in to see and download the sessions you have starred.');
    root(el).querySelector<HTMLInputElement>('#filter-panel input[type=checkbox]')!.click();
    await el.updateComplete;
    // The reader presses a star (the host handles the sign-in here), signs in, and comes back.
    star = row(el, 'P003-1').querySelector<StarToggle>('star-toggle')!;
    star.addEventListener('programme-login-request', (e) => e.preventDefault(), { once: true });
    starButton(star).click();
    await fetch(`${base}/__control`, { method: 'POST', body: JSON.stringify({ signedIn: true }) });
    await star.store!.refresh();
    await waitUntil(() => starButton(star).getAttribute('aria-pressed') === 'true', 'the press made signed out was not applied after sign-in');
    await waitUntil(
      async () => ((await (await fetch(`${base}/__stats`)).json()) as { starred: string[] }).starred.includes('P003-1'),
      'the server never got it',
    );
    expect(!!root(el).querySelector('[part=sign-in]')).to.equal(false);
  });

  it('never leaves the focused control under a sticky day heading', async () => {
    await setViewport({ width: 800, height: 500 });
    const el = await list(html`<session-list src=${demo()} deep-link="none" controls="none"></session-list>`);
    // Scroll so that Saturday's heading is stuck at the top, and its first row's title under it.
    const heading = [...root(el).querySelectorAll<HTMLElement>('.day')][1];
    const first = row(el, 'P008-1');
    window.scrollTo(0, first.getBoundingClientRect().top + window.scrollY - 10);
    await new Promise((r) => setTimeout(r, 50));
    const title = first.querySelector<HTMLButtonElement>('.title-button')!;
    title.focus();
    await waitUntil(
      () => heading.getBoundingClientRect().bottom <= title.getBoundingClientRect().top,
      `the heading (bottom ${heading.getBoundingClientRect().bottom}) covers the focused title (top ${title.getBoundingClientRect().top})`,
      { timeout: 2000 },
    );
    window.scrollTo(0, 0);
  });

  it('follows a deep link to a paper: its panel opens with the paper in view', async () => {
    history.replaceState(null, '', '#P021-1-c');
    const el = await list(html`<session-list src=${demo()}></session-list>`);
    await waitUntil(() => row(el, 'P021-1')?.querySelector('panel-card')?.shadowRoot?.querySelector('[data-paper="P021-1-c"]'), 'the panel never opened');
    const paper = row(el, 'P021-1').querySelector('panel-card')!.shadowRoot!.querySelector('[data-paper="P021-1-c"]')!;
    await waitUntil(() => {
      const box = paper.getBoundingClientRect();
      return box.top >= 0 && box.top < window.innerHeight;
    }, 'the paper is not in view');
    expect(opener(row(el, 'P021-1'))!.getAttribute('aria-expanded')).to.equal('true');
    window.scrollTo(0, 0);
  });

  it("takes `panel-ids`, `person` and `affiliation` presets: a department's own panels", async () => {
    const ours = await list(html`<session-list src=${demo()} deep-link="none" panel-ids="P021 P027"></session-list>`);
    expect(rowIds(ours)).to.deep.equal(['P021-1', 'P027-1']);
    const person = await list(html`<session-list src=${demo()} deep-link="none" person="Gulnara Abenova"></session-list>`);
    expect(rowIds(person)).to.deep.equal(['P021-1']);
    const affiliated = await list(html`<session-list src=${demo()} deep-link="none" affiliation="no such university anywhere"></session-list>`);
    expect(count(affiliated)).to.equal('Showing 0 of 18 sessions');
  });

  it('says on each row when the times are the reader’s own, and names zones as people say them', async () => {
    const el = await list(html`<session-list src=${demo()} deep-link="none" time-zone="viewer" day="2024-06-09"></session-list>`);
    expect(row(el, 'P021-1').querySelector('.duration')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('1 h 45 min, your time');
    const note = root(el).querySelector<HTMLElement>('.note')!;
    expect(note.textContent).to.contain('Times are in Eastern Time (UTC−04:00).');
    expect(note.title, 'the IANA id, on hover').to.equal('America/New_York');
  });

  it('prints every row, not a window of them, without the controls, and stars as text', async () => {
    localStorage.setItem('programme-elements:schedule:cess-2024', JSON.stringify(['P003-1']));
    await storeFor(localAdapterFor('cess-2024')).refresh();
    await setViewport({ width: 800, height: 400 });
    const el = await list(html`<session-list src=${demo()} deep-link="none"></session-list>`);
    await emulateMedia({ media: 'print' });
    try {
      await waitUntil(() => rowIds(el).length === 18 && !root(el).querySelector('.placeholder'), `printed ${rowIds(el).length} rows`);
      expect(getComputedStyle(root(el).querySelector('form')!).display).to.equal('none');
      expect(getComputedStyle(root(el).querySelector('.day-tabs')!).display).to.equal('none');
      const star = row(el, 'P003-1').querySelector('star-toggle')!;
      expect(getComputedStyle(starButton(star)).display).to.equal('none');
      expect(star.shadowRoot!.querySelector('.print-only')!.textContent).to.equal('★ In my schedule');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
    await waitUntil(() => root(el).querySelector('.placeholder') || rowIds(el).length < 18, 'the list did not window again after printing', {
      timeout: 3000,
    }).catch(() => undefined);
  });
});
