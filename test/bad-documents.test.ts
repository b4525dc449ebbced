import { expect, waitUntil } from '@open-wc/testing';
import '../src/index.js';
import { loadProgramme } from '../src/data/load.js';
import type { ProgrammeErrorDetail } from '../src/events.js';
import { programmeUrl, record, visibleText, watchUncaught } from './helpers.js';

/**
 * Bad documents, served by test/server/csp-page.mjs at /bad/NAME.json (the list and what each
 * case is for are there). For each: the elements naming it show the clear message with a retry
 * button, or render it, or render the rest of it and say what they left out; `programme-error`
 * says why, by path; nothing is thrown uncaught; the page keeps painting; and a neighbouring
 * element with a good programme is not disturbed.
 */
interface Case {
  expect: 'error' | 'render' | 'partial';
  kind?: string;
  path?: string;
  /** `partial`: the paths of the items left out. */
  skipped?: string[];
  /** `partial`: the sessions the list still shows. */
  rows?: string[];
  /** `partial`: ids that a card or an abstract asked for says were left out for their mistakes. */
  notShown?: { panel?: string; paper?: string };
  huge?: boolean;
  empty?: boolean;
  /** Show the list as a timetable (in a container wide enough for one). */
  grid?: boolean;
}
const cases: Record<string, Case> = await (await fetch('/bad/index.json')).json();

document.documentElement.lang = 'en-GB';
const LOAD_FAILED = 'The programme could not be loaded.';
const notShown = (kind: string, id: string) => `${kind} ${id} in this programme has mistakes and is not shown.`;
const skippedNote = (n: number) =>
  `${n} ${n === 1 ? 'item in this programme has mistakes and is' : 'items in this programme have mistakes and are'} not shown.`;
let counter = 0;

type Status = 'loading' | 'error' | 'ready';
const statusOf = (el: Element): Status => {
  const root = el.shadowRoot;
  if (!root || root.childElementCount === 0 || root.querySelector('[part~=status][role=status]')) return 'loading';
  if (root.querySelector('[role=alert]')) return 'error';
  return 'ready';
};

/**
 * Watches the page paint: every animation frame's time, from now until `stop()`. `longestGapAfter(t)`
 * is the longest the page went without a frame from `t` on: how long it stayed frozen.
 */
function frameWatch() {
  const frames: number[] = [];
  let on = true;
  const tick = () => {
    frames.push(performance.now());
    if (on) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return {
    stop() {
      on = false;
      const stoppedAt = performance.now();
      return (from: number) => {
        const times = [from, ...frames.filter((t) => t > from), stoppedAt];
        return Math.max(...times.slice(1).map((t, i) => t - times[i]));
      };
    },
  };
}

/**
 * Puts the elements on the page, naming `src`, beside a card with a good programme. `finished`
 * resolves with the moment the load finished (or failed).
 */
async function mount(src: string, ids: { panel: string; paper: string }, grid = false, extra: { panels?: string[]; papers?: string[] } = {}) {
  const wrapper = document.createElement('div');
  wrapper.style.width = grid ? '1000px' : '800px';
  const errors = record<ProgrammeErrorDetail>(wrapper, 'programme-error');
  const make = (tag: string, attrs: Record<string, string>) => {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    return wrapper.appendChild(el);
  };
  const card = make('panel-card', { 'panel-id': ids.panel, src });
  const list = make('session-list', { src, 'deep-link': 'none', view: grid ? 'grid' : 'list' });
  const star = make('star-toggle', { 'item-id': ids.paper, src });
  const abstract = make('abstract-view', { 'paper-id': ids.paper, src, expanded: '' });
  /** More cards and abstracts on the same src, by id. */
  const more = new Map<string, HTMLElement>([
    ...(extra.panels ?? []).map((id) => [id, make('panel-card', { 'panel-id': id, src })] as const),
    ...(extra.papers ?? []).map((id) => [id, make('abstract-view', { 'paper-id': id, src })] as const),
  ]);
  const neighbour = make('panel-card', { 'panel-id': 'P021', src: programmeUrl('demo') });
  const frames = frameWatch();
  document.body.append(wrapper);
  // The elements asked first, so this joins their request; its callbacks run just before theirs,
  // so everything they do with the result happens after `finished`.
  const finished = loadProgramme(src).then(
    () => performance.now(),
    () => performance.now(),
  );
  return { wrapper, errors, card, list, star, abstract, more, neighbour, frames, finished };
}

/** Cases a known bug makes fail: none now (a ten-year session used to freeze the timetable). */
const knownBugs = new Set<string>([]);

const idsFor = (name: string, c: Case) =>
  c.huge ? { panel: 'H0', paper: 'H0-1-0' } : name === 'prototype-keys' ? { panel: 'B2', paper: '__proto__' } : { panel: 'B1', paper: 'B1-1-a' };

describe('bad documents', function () {
  this.timeout(30000);
  const uncaught = watchUncaught();
  after(() => {
    for (const id of ['bad-docs', 'huge']) localStorage.removeItem(`programme-elements:schedule:${id}`);
  });

  it('has the cases the issue asks for', () => {
    const names = Object.keys(cases);
    for (const name of [
      'not-json',
      'truncated',
      'huge-20mb',
      'duplicate-ids',
      'unknown-time-zone',
      'end-before-start',
      'papers-at-panel-level',
      'deep-nesting',
      'empty-programme',
    ]) {
      expect(names).to.include(name);
    }
    for (const field of [
      'version',
      'conference',
      'conference.id',
      'conference.title',
      'conference.timeZone',
      'panels',
      'panels[1].id',
      'panels[1].title',
      'panels[1].sessions[0].id',
      'panels[1].sessions[0].start',
      'panels[1].sessions[0].end',
      'panels[1].sessions[0].papers[0].id',
      'panels[1].sessions[0].papers[0].title',
    ]) {
      expect(
        Object.values(cases).some((c) => c.path === field),
        `a wrong type or value in ${field}`,
      ).to.equal(true);
    }
    expect(names.length).to.be.at.least(40);
    // Where the rest is usable it is shown: mistakes only inside panels, complete, some panel left.
    // Refused: anything wrong outside the panels, every panel broken, or too many problems to know.
    const refusedInsidePanels = ['every-panel-bad', 'huge-20mb-every-session-bad'];
    for (const [name, c] of Object.entries(cases)) {
      if (!c.path || c.path === '(document)') continue;
      const inside = c.path.startsWith('panels[');
      const expected = inside && !refusedInsidePanels.includes(name) ? 'partial' : 'error';
      expect(c.expect, `${name} (${c.path})`).to.equal(expected);
      if (c.expect === 'partial') expect(c.skipped, `${name} names what it leaves out`).to.be.an('array').that.is.not.empty;
    }
    for (const name of [...refusedInsidePanels, 'panel-and-time-zone-bad', 'unknown-time-zone', 'huge-20mb-some-sessions-bad']) expect(names).to.include(name);
    const skippedPaths = Object.values(cases).flatMap((c) => c.skipped ?? []);
    for (const kind of [/^panels\[\d+\]$/, /^panels\[\d+\]\.sessions\[\d+\]$/, /\.papers\[\d+\]$/]) {
      expect(
        skippedPaths.some((p) => kind.test(p)),
        `a case that leaves out only a ${kind}`,
      ).to.equal(true);
    }
  });

  for (const [name, c] of Object.entries(cases)) {
    const test = knownBugs.has(name) ? it.skip : it;
    const title =
      c.expect === 'error'
        ? `${name}: refuses it with the clear message, a retry button and a programme-error (${c.kind})`
        : c.expect === 'partial'
          ? `${name}: renders the rest, says what it left out (${c.skipped!.join(', ')}) and fires a programme-error (partial)`
          : `${name}: renders it`;
    test(title, async function () {
      if (c.huge) this.timeout(120000);
      const src = `/bad/${name}.json?t=${Date.now()}-${++counter}`;
      const ids = idsFor(name, c);
      // A partly usable document: also ask for what was left out, and for panel B2 where it stays.
      const b2Stays = c.expect === 'partial' && !c.huge && !c.skipped!.includes('panels[1]');
      const extra = {
        panels: [c.notShown?.panel ?? (b2Stays ? 'B2' : undefined)].filter((x) => x !== undefined),
        papers: c.notShown?.paper ? [c.notShown.paper] : [],
      };
      const warn = console.warn;
      const warnings: string[] = [];
      console.warn = (...args: unknown[]) => {
        warnings.push(args.map(String).join(' '));
        warn.apply(console, args);
      };
      const m = await mount(src, ids, c.grid, extra);
      try {
        await waitUntil(
          () => statusOf(m.card) !== 'loading' && statusOf(m.list) !== 'loading' && statusOf(m.abstract) !== 'loading',
          `${name}: still loading`,
          { timeout: c.huge ? 90000 : 10000, interval: 20 },
        );
        const finished = await m.finished;
        if (c.grid) await waitUntil(() => m.list.shadowRoot!.querySelector('.grid .cell'), `${name}: the timetable never rendered`, { timeout: 30000 });
        await waitUntil(() => statusOf(m.neighbour) === 'ready', `${name}: the neighbouring card never rendered`, { timeout: 10000 });
        await new Promise((r) => setTimeout(r, 200));
        const frozen = m.frames.stop()(finished);
        expect(frozen, `${name}: the page went ${Math.round(frozen)} ms without a frame after the load finished`).to.be.below(1000);
        expect(visibleText(m.neighbour), 'the neighbour is unaffected').to.contain('Is Kazakhstan a middle power?');
        expect(m.star.shadowRoot!.querySelector('button'), 'the star still shows a button').to.exist;

        if (c.expect === 'error') {
          for (const el of [m.card, m.list, m.abstract]) {
            expect(statusOf(el), `${el.localName} shows the error`).to.equal('error');
            const alert = el.shadowRoot!.querySelector('[role=alert]')!;
            expect(alert.textContent).to.contain(LOAD_FAILED);
            expect(alert.querySelector('button[part~=retry]'), `${el.localName} offers to try again`).to.exist;
          }
          // One event per element that names the src (card, list, star, abstract), each with the reason.
          const mine = m.errors.filter((e) => e.target !== m.neighbour);
          expect(mine.length, 'programme-error per element').to.equal(4);
          for (const { detail } of mine) {
            expect(detail.kind, detail.message).to.equal(c.kind);
            expect(detail.message).to.contain(src);
            expect(detail.message.length, 'a message of reasonable size').to.be.below(20000);
            if (c.kind === 'invalid' && (detail.problems || c.path !== '(document)')) {
              expect(detail.problems, `problems by path in ${detail.message}`).to.be.an('array').that.is.not.empty;
              expect(detail.problems!.length).to.be.at.most(100);
              expect(detail.problems!.map((p) => p.path)).to.include(c.path);
              expect(detail.message).to.contain(c.path!);
            } else if (c.kind === 'invalid') {
              // Not an object with version 1: the importers had a go at it, and say why they could not read it.
              expect(detail.message).to.match(/could not be read: .{10,}|is not a valid programme: .{10,}/);
            }
          }
          // Try again: it asks the server again and says so again.
          const before = m.errors.length;
          (m.card.shadowRoot!.querySelector('button[part~=retry]') as HTMLButtonElement).click();
          await waitUntil(() => m.errors.length > before && statusOf(m.card) === 'error', 'the retry did not fail again', { timeout: c.huge ? 90000 : 10000 });
        } else if (c.expect === 'partial') {
          await partlyShown(c, src, ids, m, warnings);
        } else if (c.empty) {
          expect(statusOf(m.list)).to.equal('ready');
          expect(visibleText(m.list)).to.contain('No sessions have been scheduled yet.');
          expect(visibleText(m.card)).to.contain(`Panel ${ids.panel} is not in this programme.`);
          expect(
            m.errors
              .filter((e) => e.target !== m.neighbour)
              .map((e) => e.detail.kind)
              .sort(),
          ).to.deep.equal(['not-found', 'not-found']);
        } else {
          for (const el of [m.card, m.list, m.abstract]) expect(statusOf(el), `${el.localName} renders`).to.equal('ready');
          expect(m.errors, 'no programme-error').to.have.length(0);
          expect(m.card.shadowRoot!.querySelector('[part=title]')!.textContent!.length).to.be.greaterThan(0);
          expect(m.list.shadowRoot!.querySelectorAll(c.grid ? '.grid .cell' : '[part=row]').length).to.be.greaterThan(0);
          // The star works from the programme: press it, and it is pressed.
          const button = m.star.shadowRoot!.querySelector('button')!;
          await waitUntil(() => button.getAttribute('aria-disabled') === 'false', 'the star never became ready', { timeout: 10000 });
          const was = button.getAttribute('aria-pressed');
          button.click();
          await waitUntil(() => m.star.shadowRoot!.querySelector('button')!.getAttribute('aria-pressed') !== was, 'the star did not press');
          m.star.shadowRoot!.querySelector('button')!.click();
        }
        if (name === 'papers-at-panel-level') {
          const other = document.createElement('panel-card');
          other.setAttribute('panel-id', 'B2');
          other.setAttribute('src', src);
          m.wrapper.append(other);
          await waitUntil(() => statusOf(other) === 'ready', 'panel B2 never rendered', { timeout: 10000 });
          expect(visibleText(other)).to.contain('Another panel');
          expect(visibleText(other), 'the unknown field is ignored').to.not.contain('A paper without a session');
        }
        if (name === 'prototype-keys') {
          expect(({} as Record<string, unknown>).polluted, 'Object.prototype untouched').to.equal(undefined);
          expect(visibleText(m.card)).to.contain('Second paper');
        }
        await new Promise((r) => setTimeout(r, 50));
        expect(uncaught.errors, 'uncaught errors').to.deep.equal([]);
        if (c.expect !== 'partial')
          expect(
            warnings.filter((w) => w.includes(src)),
            'no warning about a partial programme',
          ).to.deep.equal([]);
      } finally {
        console.warn = warn;
        m.wrapper.remove();
      }
    });
  }

  /** What a reader sees of a partly usable document, and what the page is told. */
  async function partlyShown(c: Case, src: string, ids: { panel: string; paper: string }, m: Awaited<ReturnType<typeof mount>>, warnings: string[]) {
    const skipped = c.skipped!;
    // The rest renders: the card and the abstract asked for, and the list with a polite note above it.
    for (const el of [m.card, m.list, m.abstract]) expect(statusOf(el), `${el.localName} renders`).to.equal('ready');
    expect(m.card.shadowRoot!.querySelector('[part=title]')!.textContent!.length).to.be.greaterThan(0);
    const note = m.list.shadowRoot!.querySelector('[part=skipped]');
    expect(note, 'the list says some items are not shown').to.exist;
    expect(note!.textContent!.trim()).to.equal(skippedNote(skipped.length));
    expect(note!.closest('[role=alert],[aria-live=assertive]'), 'the note is no alarm').to.equal(null);
    expect(
      note!.compareDocumentPosition(m.list.shadowRoot!.querySelector('[part=count]')!) & Node.DOCUMENT_POSITION_FOLLOWING,
      'the note comes before the list',
    ).to.not.equal(0);
    const rows = [...m.list.shadowRoot!.querySelectorAll<HTMLElement>('[part=row]')].map((r) => r.dataset.session);
    if (c.rows) expect(rows, 'the sessions left').to.deep.equal(c.rows);
    else expect(rows.length).to.be.greaterThan(0);
    expect(visibleText(m.abstract).length, 'the abstract renders').to.be.greaterThan(0);
    // What was left out says so, and not that it does not exist.
    if (c.notShown?.panel) {
      const card = m.more.get(c.notShown.panel)!;
      await waitUntil(() => statusOf(card) !== 'loading', 'the card for the skipped panel never settled');
      expect(card.shadowRoot!.querySelector('[role=alert]')!.textContent!.trim()).to.equal(notShown('Panel', c.notShown.panel));
      expect(card.shadowRoot!.querySelector('button[part~=retry]'), 'nothing to retry').to.equal(null);
      await expect(card).to.be.accessible();
    }
    if (c.notShown?.paper) {
      const abstract = m.more.get(c.notShown.paper)!;
      await waitUntil(() => statusOf(abstract) !== 'loading', 'the abstract for the skipped paper never settled');
      expect(abstract.shadowRoot!.querySelector('[role=alert]')!.textContent!.trim()).to.equal(notShown('Paper', c.notShown.paper));
    }
    if (m.more.has('B2') && c.notShown?.panel !== 'B2') {
      // Panel B2 stays, without the session or paper that was left out.
      const b2 = m.more.get('B2')!;
      expect(statusOf(b2), 'panel B2 renders').to.equal('ready');
      expect(visibleText(b2)).to.contain('Another panel').and.not.contain('Second paper');
    }
    // One programme-error per element that names the src, each of kind partial, naming what was left out.
    const mine = m.errors.filter((e) => e.target !== m.neighbour);
    const named = [m.card, m.list, m.star, m.abstract, ...m.more.values()];
    expect(
      mine.map((e) => e.target),
      'one programme-error per element',
    ).to.have.members(named);
    for (const { detail } of mine) {
      expect(detail.kind, detail.message).to.equal('partial');
      expect(detail.message).to.contain(src).and.contain(`${skipped.length} item`);
      for (const path of skipped) expect(detail.message).to.contain(path);
      expect(detail.message.length, 'a message of reasonable size').to.be.below(2500);
      expect(detail.problems!.map((p) => p.path)).to.include(c.path);
      expect((detail as unknown as { items: { path: string }[] }).items.map((i) => i.path)).to.deep.equal(skipped);
    }
    // The console hears of it once, not once per element.
    expect(
      warnings.filter((w) => w.includes(src)),
      'one console warning for the load',
    ).to.have.length(1);
    if (!c.huge) await expect(m.list).to.be.accessible();
    // The star for a surviving paper still works (a press, and back).
    const button = m.star.shadowRoot!.querySelector('button')!;
    await waitUntil(() => button.getAttribute('aria-disabled') === 'false', 'the star never became ready', { timeout: 10000 });
    expect(ids.paper).to.not.equal(c.notShown?.paper);
  }

  it('inside a <programme-source>: the source reports the skipped items once; a card or abstract asked for one says so', async () => {
    const src = `/bad/panel-title-missing.json?t=${Date.now()}-${++counter}`;
    const wrapper = document.createElement('div');
    wrapper.innerHTML = `<programme-source src="${src}">
      <session-list deep-link="none"></session-list>
      <panel-card panel-id="B1"></panel-card>
      <panel-card panel-id="B2"></panel-card>
      <abstract-view paper-id="B2-1-a"></abstract-view>
      <panel-card panel-id="B9"></panel-card>
    </programme-source>`;
    const source = wrapper.firstElementChild!;
    const [list, b1, b2, paper, b9] = [...source.children] as HTMLElement[];
    const errors = record<ProgrammeErrorDetail>(wrapper, 'programme-error');
    document.body.append(wrapper);
    try {
      await waitUntil(() => [list, b1, b2, paper, b9].every((el) => statusOf(el) !== 'loading'), 'still loading', { timeout: 10000 });
      await new Promise((r) => setTimeout(r, 100));
      expect(statusOf(list)).to.equal('ready');
      expect(list.shadowRoot!.querySelector('[part=skipped]')!.textContent!.trim()).to.equal(skippedNote(1));
      expect(statusOf(b1)).to.equal('ready');
      expect(b2.shadowRoot!.querySelector('[role=alert]')!.textContent!.trim()).to.equal(notShown('Panel', 'B2'));
      expect(paper.shadowRoot!.querySelector('[role=alert]')!.textContent!.trim()).to.equal(notShown('Paper', 'B2-1-a'));
      expect(b9.shadowRoot!.querySelector('[role=alert]')!.textContent!.trim(), 'an id that never was still says so').to.equal(
        'Panel B9 is not in this programme.',
      );
      const by = (el: Element) => errors.filter((e) => e.target === el).map((e) => e.detail);
      expect(by(source).map((d) => d.kind)).to.deep.equal(['partial']);
      expect(by(source)[0].message).to.contain(src).and.contain('panels[1] (panel B2): panels[1].title is required');
      expect(by(list), 'the list leaves the report to the source').to.deep.equal([]);
      expect(by(b1)).to.deep.equal([]);
      expect(by(b2)).to.deep.equal([{ message: notShown('Panel', 'B2'), kind: 'partial' }]);
      expect(by(paper)).to.deep.equal([{ message: notShown('Paper', 'B2-1-a'), kind: 'partial' }]);
      expect(by(b9)).to.deep.equal([{ message: 'Panel B9 is not in this programme.', kind: 'not-found' }]);
      await expect(wrapper).to.be.accessible();
    } finally {
      wrapper.remove();
    }
  });

  it('speaks German about what it left out', async () => {
    await import('../src/locales/de.js');
    const src = `/bad/panel-title-missing.json?t=${Date.now()}-${++counter}`;
    const wrapper = document.createElement('div');
    wrapper.lang = 'de';
    wrapper.innerHTML = `<session-list src="${src}" deep-link="none"></session-list><panel-card panel-id="B2" src="${src}"></panel-card>`;
    const [list, card] = [...wrapper.children] as HTMLElement[];
    document.body.append(wrapper);
    try {
      await waitUntil(() => statusOf(list) === 'ready' && statusOf(card) === 'error', 'never settled', { timeout: 10000 });
      expect(list.shadowRoot!.querySelector('[part=skipped]')!.textContent!.trim()).to.equal(
        '1 Eintrag dieses Programms enthält Fehler und wird nicht angezeigt.',
      );
      expect(card.shadowRoot!.querySelector('[role=alert]')!.textContent!.trim()).to.equal(
        'Panel B2 in diesem Programm enthält Fehler und wird nicht angezeigt.',
      );
    } finally {
      wrapper.remove();
    }
  });

  // A star whose own programme failed does not know its conference, so it cannot know which
  // browser schedule a press belongs to: it holds presses (aria-disabled) while the programme is
  // not ready, and its ProgrammeTask runs again when a neighbour's retry loads the same URL, so
  // every element naming that src recovers together and no press lands in the schedule of no conference.
  it('a star whose programme failed to load loses no press and keeps step once a retry loads it', async () => {
    const src = `/bad/fail-once?t=${Date.now()}-${++counter}`;
    const saved = localStorage.getItem('programme-elements:schedule:default');
    localStorage.removeItem('programme-elements:schedule:default');
    localStorage.removeItem('programme-elements:schedule:bad-docs');
    const wrapper = document.createElement('div');
    wrapper.innerHTML = `<panel-card panel-id="B1" src="${src}"></panel-card><star-toggle item-id="B1-1-a" src="${src}"></star-toggle>`;
    const [card, star] = [...wrapper.children] as HTMLElement[];
    document.body.append(wrapper);
    try {
      await waitUntil(() => statusOf(card) === 'error', 'the first load did not fail', { timeout: 10000 });
      const loneButton = () => star.shadowRoot!.querySelector('button')!;
      await waitUntil(() => loneButton(), 'the star shows nothing');
      // The reader presses the star while the programme is missing.
      loneButton().click();
      await new Promise((r) => setTimeout(r, 100));
      // A retry on the card loads the programme.
      (card.shadowRoot!.querySelector('button[part~=retry]') as HTMLButtonElement).click();
      await waitUntil(() => statusOf(card) === 'ready', 'the retry did not load the programme', { timeout: 10000 });
      const cardStar = [...card.shadowRoot!.querySelectorAll('star-toggle')].find((s) => s.getAttribute('item-id') === 'B1-1-a')!;
      const cardButton = () => cardStar.shadowRoot!.querySelector('button')!;
      await waitUntil(() => cardButton()?.getAttribute('aria-disabled') === 'false', 'the card star never became ready', { timeout: 10000 });
      await waitUntil(() => loneButton().getAttribute('aria-disabled') === 'false', 'the lone star never became ready', { timeout: 10000 });
      await new Promise((r) => setTimeout(r, 100));
      expect(loneButton().getAttribute('aria-pressed'), 'both stars for B1-1-a agree').to.equal(cardButton().getAttribute('aria-pressed'));
      expect(localStorage.getItem('programme-elements:schedule:default') ?? '[]', 'nothing saved for no conference').to.not.contain('B1-1-a');
      // And they keep agreeing.
      cardButton().click();
      await waitUntil(
        () => loneButton().getAttribute('aria-pressed') === cardButton().getAttribute('aria-pressed'),
        'the lone star did not follow the card star',
        { timeout: 3000 },
      );
    } finally {
      wrapper.remove();
      localStorage.removeItem('programme-elements:schedule:bad-docs');
      if (saved === null) localStorage.removeItem('programme-elements:schedule:default');
      else localStorage.setItem('programme-elements:schedule:default', saved);
    }
  });
});
