/**
 * Does the static HTML of `programme-elements render` (run by the test server as a host runs it,
 * test/server/cli.mjs) hold every piece of text the live element shows, pass axe on its own, come
 * through a WordPress-style allow-list filter whole, and, wrapped by `--enhance`, give way to the
 * element once it upgrades (shown once, not in the accessibility tree twice) with the element's
 * own deep-link ids?
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/index.js';
import { linkTarget } from '../src/data/list-model.js';
import { ProgrammeIndex } from '../src/data/programme-index.js';
import type { Programme } from '../src/data/types.js';
import type { AbstractView } from '../src/elements/abstract-view/abstract-view.js';
import type { PanelCard } from '../src/elements/panel-card/panel-card.js';
import type { SessionList } from '../src/elements/session-list/session-list.js';
import { englishWords } from '../src/words-list.js';
import { programmeUrl, settled } from './helpers.js';
import { scrollToEnd } from './reader.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}
const run = async (...args: string[]): Promise<Run> => (await fetch(`/cli?args=${encodeURIComponent(JSON.stringify(args))}`)).json();
const rendered = async (...args: string[]) => {
  const result = await run('render', 'demo/programme.json', ...args);
  expect(result.code, result.stderr).to.equal(0);
  return result.stdout;
};

const norm = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** A container holding the fragment, in the page. */
async function placed(fragment: string): Promise<HTMLElement> {
  const container = await fixture<HTMLDivElement>(html`<div></div>`);
  container.innerHTML = fragment;
  return container;
}

/** What the elements show that has no static form: stars, controls, the calendar menus, the abstract toggles. */
const CONTROLS = 'star-toggle, button:not(.title-button), details, form, input, select, [part~="days"], [part~="filters"], style';
/** Lines about the reader's stars, which a static page has none of. */
const STAR_NOTES = [englishWords.localNote, englishWords.signedOutNote];

/** Every text the live element shows, node by node, looking through shadow roots, without its controls (nor `skip`). */
function liveTexts(node: Node, skip = '', out: string[] = []): string[] {
  if (node instanceof Element && (node.matches(CONTROLS) || (skip && node.matches(skip)))) return out;
  if (node instanceof Element && node.shadowRoot) liveTexts(node.shadowRoot, skip, out);
  if (node.nodeType === Node.TEXT_NODE) {
    const text = norm(node.textContent);
    if (text && !STAR_NOTES.includes(text)) out.push(text);
  }
  node.childNodes.forEach((child) => liveTexts(child, skip, out));
  return out;
}

const missingFrom = (texts: string[], staticText: string) => [...new Set(texts)].filter((t) => !staticText.includes(t));

/*
 * WordPress's `post` allow-list for an editor without unfiltered_html, copied from
 * wp-includes/kses.php (WordPress 6.4 and later) into test/fixtures/wordpress-kses.json:
 * `$allowedposttags`, the global attributes of `_wp_add_global_attributes()` (plus `data-*`),
 * and `wp_allowed_protocols()` for URL attributes. The Node tests use the same file.
 */
const KSES = (await (await fetch('/test/fixtures/wordpress-kses.json')).json()) as {
  tags: Record<string, string[]>;
  global: string[];
  protocols: string[];
  urlAttributes: string[];
};
const POST_TAGS = KSES.tags;
const GLOBAL_ATTRIBUTES = KSES.global;
const PROTOCOLS = KSES.protocols;
const URL_ATTRIBUTES = KSES.urlAttributes;

/**
 * A stand-in for `wp_kses_post()`, walking the browser's own parse of the HTML: a tag not on the
 * list goes and its content stays (as kses drops the tag's markup only), attributes not on the list
 * go, a URL with a protocol not on the list goes, and `style` goes (kses would filter its CSS; the
 * fragment has none to keep). Returns the filtered HTML and what it removed.
 */
function wordpressFilter(fragment: string): { html: string; removed: string[] } {
  const doc = new DOMParser().parseFromString(`<!doctype html><body>${fragment}`, 'text/html');
  const removed: string[] = [];
  const walk = (parent: Element) => {
    for (const el of [...parent.children]) {
      walk(el);
      const tag = el.localName;
      const allowed = POST_TAGS[tag];
      if (!allowed) {
        removed.push(`<${tag}>`);
        el.replaceWith(...el.childNodes);
        continue;
      }
      for (const { name, value } of [...el.attributes]) {
        const kept = name === 'style' ? false : GLOBAL_ATTRIBUTES.includes(name) || name.startsWith('data-') || allowed.includes(name);
        const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
        const badUrl = URL_ATTRIBUTES.includes(name) && !!scheme && !PROTOCOLS.includes(scheme);
        if (!kept || badUrl) {
          removed.push(`${tag}[${name}]`);
          el.removeAttribute(name);
        }
      }
    }
  };
  walk(doc.body);
  return { html: doc.body.innerHTML, removed };
}

/** The fragment as the browser parses it, for comparing with what the filter left. */
const parsed = (fragment: string) => new DOMParser().parseFromString(`<!doctype html><body>${fragment}`, 'text/html').body;

let demo: Programme;
let index: ProgrammeIndex;
const P021 = () => index.panel('P021')!;

before(async () => {
  // Stars and a zone chosen in another test file would change what the live elements say.
  localStorage.clear();
  demo = await (await fetch('/programmes/demo.json')).json();
  index = new ProgrammeIndex(demo);
});

describe('static HTML of <panel-card> (render --element=panel-card --panel-id=P021)', function () {
  this.timeout(60_000);
  let fragment: string;
  before(async () => (fragment = await rendered('--element=panel-card', '--panel-id=P021')));

  it('holds every piece of text the live card shows, its abstracts short and full', async () => {
    const container = await placed(fragment);
    const staticText = norm(container.textContent);
    const card = await fixture<PanelCard>(html`<panel-card src=${programmeUrl('demo')} panel-id="P021"></panel-card>`);
    await settled(card);
    const abstracts = [...card.shadowRoot!.querySelectorAll<AbstractView>('abstract-view')];
    await Promise.all(abstracts.map((a) => a.updateComplete));
    const collapsed = liveTexts(card);
    expect(collapsed.length).to.be.greaterThan(20);
    abstracts.forEach((a) => (a.expanded = true));
    await Promise.all(abstracts.map((a) => a.updateComplete));
    const expanded = liveTexts(card);
    const paper = P021().sessions![0].papers![0];
    expect(collapsed).to.include(norm(paper.shortAbstract));
    expect(expanded).to.include(norm(paper.abstract!.split('\n\n')[1]));
    expect(missingFrom([...collapsed, ...expanded], staticText)).to.deep.equal([]);
    // The comparison would see a part left out: without the chairs, their names are missing.
    container.querySelector('.pe-details')!.remove();
    expect(missingFrom(collapsed, norm(container.textContent))).to.include(P021().chairs![0].name);
  });

  it('passes axe on its own', async () => {
    const container = await placed(fragment);
    await expect(container).to.be.accessible();
  });

  it('comes through a WordPress-style allow-list filter whole', () => {
    const filtered = wordpressFilter(fragment);
    expect(filtered.removed).to.deep.equal([]);
    expect(filtered.html).to.equal(parsed(fragment).innerHTML);
    // The filter does filter: what WordPress strips, it strips, keeping the text.
    const probe = wordpressFilter(
      '<p style="color:red" onclick="x()">a<time datetime="2024">b</time><a href="javascript:x()">c</a><panel-card panel-id="P1">d</panel-card></p>',
    );
    expect(probe.html).to.equal('<p>ab<a>c</a>d</p>');
    expect(probe.removed).to.have.members(['p[style]', 'p[onclick]', '<time>', 'a[href]', '<panel-card>']);
  });

  it('with --enhance, gives way to the card once it upgrades: shown once, with the deep-link ids', async () => {
    const src = programmeUrl('demo');
    const enhanced = await rendered('--element=panel-card', '--panel-id=P021', '--enhance', `--src=${src}`);
    expect(enhanced.startsWith(`<panel-card panel-id="P021" src="${src.replaceAll('&', '&amp;')}">`)).to.equal(true);
    // Where WordPress filters it, the wrapper goes and the static copy stays.
    expect(wordpressFilter(enhanced).html.trim()).to.equal(parsed(fragment).innerHTML.trim());

    const container = await placed(enhanced);
    const card = container.querySelector<PanelCard>('panel-card')!;
    await settled(card);
    const copy = card.querySelector<HTMLElement>('.pe-panel-card')!;
    expect(card.shadowRoot!.querySelector('slot:not([name])')).to.equal(null);
    expect(copy.assignedSlot).to.equal(null);
    expect(copy.getClientRects().length, 'the static copy has no layout box').to.equal(0);
    expect(copy.checkVisibility()).to.equal(false);
    const title = P021().title;
    expect(card.shadowRoot!.querySelector('[part="title"]')!.textContent).to.equal(title);
    expect(document.body.innerText.split(title).length - 1, 'the title is drawn at most once').to.be.at.most(1);
    // The page with the card passes axe, and a screen reader meets the title and each paper once: the card's.
    await expect(container).to.be.accessible();
    const titles = heard('h1, h2, h3, h4, h5, h6, [role=heading]', title);
    expect(titles.all, 'the static copy and the card both hold the title').to.have.length(2);
    expect(titles.heard).to.have.length(1);
    expect(card.shadowRoot!.contains(titles.heard[0])).to.equal(true);
    for (const paper of P021().sessions!.flatMap((s) => s.papers ?? [])) {
      const papers = heard('h5, h6, [role=heading]', paper.title);
      expect([papers.all.length, papers.heard.length], paper.title).to.deep.equal([2, 1]);
    }

    // Its ids are the items' own ids: the panel's, its sessions' and papers', which the list's hash names.
    const ids = [...copy.querySelectorAll('[id]')].map((el) => el.id).concat(copy.id ? [copy.id] : []);
    const items = [P021().id, ...P021().sessions!.flatMap((s) => [s.id, ...(s.papers ?? []).map((p) => p.id)])];
    expect([...ids].sort()).to.deep.equal([...items].sort());
    for (const id of ids) expect(linkTarget(index, id), id).to.not.equal(undefined);
  });
});

/** axe-core as chai-a11y-axe loads it (onto the window), for its model of the accessibility tree. */
interface Axe {
  setup(node?: Element | Document): unknown;
  teardown(): void;
  utils: { getNodeFromTree(el: Element): unknown };
  commons: { dom: { isVisibleToScreenReaders(node: unknown): boolean } };
}

/**
 * The elements matching `selector` whose text is `text`, looking through shadow roots (`all`),
 * and those of them a screen reader meets (`heard`): by axe's model of the accessibility tree,
 * the one its rules check.
 */
function heard(selector: string, text: string): { all: Element[]; heard: Element[] } {
  const axe = (window as unknown as { axe: Axe }).axe;
  const found: Element[] = [];
  const walk = (root: Document | ShadowRoot) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) walk(el.shadowRoot);
      if (el.matches(selector) && norm(el.textContent) === text) found.push(el);
    }
  };
  walk(document);
  axe.setup(document);
  try {
    // A node outside axe's flattened tree (light DOM that no slot takes) is in no accessibility tree.
    const audible = found.filter((el) => {
      const node = axe.utils.getNodeFromTree(el);
      return !!node && axe.commons.dom.isVisibleToScreenReaders(node);
    });
    return { all: found, heard: audible };
  } finally {
    axe.teardown();
  }
}

describe('static HTML of <session-list> (render --element=session-list)', function () {
  this.timeout(60_000);
  let fragment: string;
  before(async () => (fragment = await rendered('--element=session-list')));

  /** The live list's text: all but its rows, then every row as a reader scrolling to the end sees it. */
  async function liveListTexts(list: SessionList): Promise<{ texts: string[]; rows: Set<string> }> {
    const texts = liveTexts(list, '.row');
    const rows = new Set<string>();
    window.scrollTo(0, 0);
    await scrollToEnd(list, (row) => {
      if (rows.has(row.dataset.session!)) return;
      rows.add(row.dataset.session!);
      texts.push(...liveTexts(row));
    });
    window.scrollTo(0, 0);
    return { texts, rows };
  }

  it('holds every piece of text the live list shows, for the whole programme', async () => {
    const container = await placed(fragment);
    const staticText = norm(container.textContent);
    const list = await fixture<SessionList>(html`<session-list src=${programmeUrl('demo')} deep-link="none"></session-list>`);
    await settled(list);
    const { texts, rows } = await liveListTexts(list);
    const sessions = demo.panels.flatMap((p) => p.sessions ?? []);
    expect(rows.size, 'the reader saw every row').to.equal(sessions.length);
    expect(container.querySelectorAll('.pe-row')).to.have.length(sessions.length);
    expect(missingFrom(texts, staticText)).to.deep.equal([]);
    expect(texts).to.include('18 sessions');
    expect(texts.length).to.be.greaterThan(sessions.length * 4);
  });

  it('passes axe on its own', async () => {
    const container = await placed(fragment);
    await expect(container).to.be.accessible();
  });

  it('comes through a WordPress-style allow-list filter whole', () => {
    const filtered = wordpressFilter(fragment);
    expect(filtered.removed).to.deep.equal([]);
    expect(filtered.html).to.equal(parsed(fragment).innerHTML);
  });

  it('with --enhance, gives way to the list once it upgrades, and its ids are the ones the hash names', async () => {
    const src = programmeUrl('demo');
    const enhanced = await rendered('--element=session-list', '--enhance', `--src=${src}`);
    const container = await placed(enhanced);
    const list = container.querySelector<SessionList>('session-list')!;
    await settled(list);
    const copy = list.querySelector<HTMLElement>('.pe-session-list')!;
    expect(copy.getClientRects().length, 'the static copy has no layout box').to.equal(0);
    expect(copy.checkVisibility()).to.equal(false);
    await expect(container).to.be.accessible();
    const day = heard('h1, h2, h3, h4, h5, h6, [role=heading]', 'Friday, June 7, 2024');
    expect(day.all, 'the static copy and the list both hold the day').to.have.length(2);
    expect(day.heard, 'one day heading, the live one').to.have.length(1);
    expect(list.shadowRoot!.contains(day.heard[0])).to.equal(true);
    expect(heard('p', '18 sessions').heard, 'one count line').to.have.length(1);
    expect(document.body.innerText.split('Times are in').length - 1, 'the zone line is drawn at most once').to.be.at.most(1);

    // Days: the static day headings are the live list's days, whose hash is the day itself.
    const days = [...copy.querySelectorAll('.pe-day-heading')].map((h) => h.id);
    expect(days).to.deep.equal([...list.shadowRoot!.querySelectorAll('.day')].map((d) => d.id.replace(/^day-/, '')));
    // Items: every other id is an item a deep link leads to, on the row it leads to.
    for (const el of copy.querySelectorAll<HTMLElement>('[id]:not(.pe-day-heading)')) {
      const target = linkTarget(index, el.id);
      expect(target, el.id).to.not.equal(undefined);
      expect(el.closest('.pe-row')!.id, el.id).to.equal(target!.sessionId);
    }
    // And the live list follows them: a day, then a panel (its first session's row, focused).
    try {
      window.location.hash = '#2024-06-09';
      await waitUntil(() => list.shadowRoot!.querySelector('[part=count]')!.textContent!.includes('Showing'), 'the day link was not followed');
      window.location.hash = '#P021';
      await waitUntil(() => (list.shadowRoot!.activeElement as HTMLElement | null)?.dataset.session === 'P021-1', 'the panel link was not followed');
      expect(copy.querySelector('#P021')!.closest('.pe-row')!.id).to.equal('P021-1');
    } finally {
      history.replaceState(history.state, '', window.location.pathname + window.location.search);
    }
  });
});
