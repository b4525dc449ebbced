import { download, openFilters } from './list-actions.js';
import { expect, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';

/**
 * The built self-contained file on a page with a strict Content-Security-Policy (served by
 * test/server/csp-page.mjs, which says why each directive is what it is). The page is opened in a
 * same-origin iframe so the test can read it; it records every `securitypolicyviolation` event
 * and every uncaught error from the moment it starts parsing.
 */
const STRICT_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";

interface Violation {
  directive: string;
  effective: string;
  blocked: string;
  sample: string;
  source: string;
  line: number;
  target: string;
}
type PageWindow = Window & typeof globalThis & { __violations: Violation[]; __errors: string[] };

const SCHEDULE_KEY = 'programme-elements:schedule:cess-2024';
const ZONE_KEY_PREFIX = 'programme-elements:';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Keeps what other tests left in this origin's storage, and puts it back afterwards. */
function snapshotStorage() {
  const saved = new Map<string, string>();
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i)!;
    if (key.startsWith(ZONE_KEY_PREFIX)) saved.set(key, localStorage.getItem(key)!);
  }
  return () => {
    for (let i = localStorage.length - 1; i >= 0; i--) {
      const key = localStorage.key(i)!;
      if (key.startsWith(ZONE_KEY_PREFIX) && !saved.has(key)) localStorage.removeItem(key);
    }
    saved.forEach((value, key) => localStorage.setItem(key, value));
  };
}

/**
 * Opens the page in a frame at the top left of the test page, `height` px tall. The list renders
 * only the chunks near the viewport (the top-level one: an IntersectionObserver in a frame measures
 * against it) and stands in for the others with placeholders whose height is set through the CSSOM
 * (`setStyles`), which a strict `style-src` allows. The first test makes the viewport and the frame tall enough to hold the whole
 * demo page: it checks everything else; the last test checks the placeholders and the timetable.
 */
async function openPage(query = '', height = 800): Promise<{ frame: HTMLIFrameElement; win: PageWindow; doc: Document }> {
  await setViewport({ width: 1024, height });
  const frame = document.createElement('iframe');
  frame.style.cssText = `position: fixed; top: 0; left: 0; width: 1000px; height: ${height}px; border: 0; background: white; z-index: 1;`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = `/csp/page.html${query}`;
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as PageWindow;
  const doc = frame.contentDocument!;
  await waitUntil(() => win.customElements.get('session-list') && win.customElements.get('panel-card'), 'the built file never defined the elements', {
    timeout: 15000,
  });
  return { frame, win, doc };
}

const root = (el: Element | null | undefined): ShadowRoot => {
  if (!el?.shadowRoot) throw new Error(`${el?.localName ?? 'element'} has no shadow root`);
  return el.shadowRoot;
};
/** Waits until the element shows more than its loading line. */
const rendered = (el: Element, what: string) =>
  waitUntil(() => el.shadowRoot && el.shadowRoot.childElementCount > 0 && !el.shadowRoot.querySelector('[role=status].status'), `${what} never rendered`, {
    timeout: 15000,
  });
const text = (node: ParentNode) => (node.textContent ?? '').replace(/\s+/g, ' ').trim();
const report = (violations: Violation[]) => JSON.stringify(violations, null, 1);

describe('under a strict Content-Security-Policy (built file)', function () {
  this.timeout(60000);
  let restoreStorage: () => void;
  let frame: HTMLIFrameElement | undefined;

  before(async () => {
    const built = await fetch('/dist/programme-elements.min.js', { method: 'HEAD' });
    if (!built.ok) throw new Error('dist/programme-elements.min.js is missing: run `npx rollup -c` (npm test builds it first)');
  });
  beforeEach(() => {
    restoreStorage = snapshotStorage();
    localStorage.removeItem(SCHEDULE_KEY);
  });
  after(() => setViewport({ width: 800, height: 600 }));
  afterEach(() => {
    frame?.remove();
    frame = undefined;
    restoreStorage();
  });

  it('serves the page with the policy, unrelaxed', async () => {
    const response = await fetch('/csp/page.html');
    expect(response.headers.get('content-security-policy')).to.equal(STRICT_POLICY);
    const html = await response.text();
    expect(html).to.contain('<script type="module" src="/dist/programme-elements.min.js">');
    expect(html).to.not.match(/<script(?![^>]*\bsrc=)[^>]*>/, 'the page itself has no inline script');
    expect(html).to.not.match(/\sstyle=|<style/, 'the page itself has no inline style');
  });

  it('enforces the policy: an inline style attribute and an HTML string are refused on that page', async () => {
    // Proves the page is a real test: what the policy forbids is refused and reported there.
    const page = await openPage();
    frame = page.frame;
    const probe = page.doc.createElement('div');
    page.doc.body.append(probe);
    probe.setAttribute('style', 'color: red');
    expect(() => (probe.innerHTML = '<b>x</b>')).to.throw(/TrustedHTML/);
    const mine = () => page.win.__violations.filter((v) => v.source.includes('/test/csp.test.ts'));
    await waitUntil(() => mine().length >= 2, 'the page reported no violations', { timeout: 5000 });
    expect(
      mine()
        .map((v) => v.effective)
        .sort(),
    ).to.deep.equal(['require-trusted-types-for', 'style-src-attr']);
    // CSSOM stays allowed: that is how an element may size things without inline style attributes.
    probe.style.height = '7px';
    expect(probe.getBoundingClientRect().height).to.equal(7);
    await sleep(100);
    expect(mine()).to.have.length(2);
  });

  it('loads what it loads on demand (the HTTP schedule and its outbox, the code for a document with mistakes): no violation, no error', async () => {
    const ns = `csp${Date.now()}`;
    const control = (c: Record<string, unknown>) => fetch(`/schedule-api/${ns}/__control`, { method: 'POST', body: JSON.stringify(c) });
    const starred = async () => ((await (await fetch(`/schedule-api/${ns}/__stats`)).json()) as { starred: string[] }).starred;
    await control({});
    const { frame: f, win, doc } = await openPage(`?lazy=${ns}`, 5000);
    frame = f;
    const star = doc.querySelector('#http-star')!;
    const partial = doc.querySelector('#partial')!;
    const button = () => root(star).querySelector('button')!;
    await waitUntil(
      () => button()?.getAttribute('aria-disabled') === 'false' && button().hasAttribute('aria-pressed'),
      'the star on the HTTP schedule never became ready',
      { timeout: 15000 },
    );
    await waitUntil(() => root(partial).querySelector('[part=skipped]'), 'the list of a document with mistakes never said what it left out', {
      timeout: 15000,
    });
    expect(text(root(partial).querySelector('[part=skipped]')!)).to.equal('1 item in this programme has mistakes and is not shown.');

    // The server cannot take the change: it is kept (the outbox code), then sent once it can.
    await control({ fail: { status: 503, count: 3 } });
    button().click();
    await waitUntil(() => text(root(star).querySelector('[part=message]')!).startsWith('Not sent yet'), 'the star never said its change is kept', {
      timeout: 10000,
    });
    expect(button().getAttribute('aria-pressed')).to.equal('true');
    win.dispatchEvent(new Event('online'));
    await waitUntil(async () => (await starred()).includes('P021'), 'the kept change was never sent', { timeout: 10000 });
    await waitUntil(() => text(root(star).querySelector('[part=message]')!) === '', 'the star still says the change is waiting', { timeout: 5000 });

    await sleep(300);
    expect(win.__violations, report(win.__violations)).to.deep.equal([]);
    expect(win.__errors).to.deep.equal([]);
    const scripts = (win.performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .map((e) => new URL(e.name).pathname)
      .filter((p) => p.startsWith('/dist/lazy/'));
    for (const part of ['http-adapter', 'outbox', 'salvage'])
      expect(
        scripts.some((p) => p.includes(part)),
        `${part} loaded from dist/lazy/`,
      ).to.equal(true);
  });

  it('reads a 5,000-session programme in a Worker where the page trusts the library’s policy, and on the page, with one report, where it does not', async () => {
    for (const [query, inWorker] of [
      ['?big=5000&trust=programme-elements', true],
      ['?big=5000', false],
    ] as const) {
      const page = await openPage(query);
      frame = page.frame;
      const list = page.doc.getElementById('big-list')!;
      await waitUntil(() => list.shadowRoot && /\b5,?000 sessions\b/.test(text(list.shadowRoot)), `${query}: the list never said 5,000 sessions`, {
        timeout: 40000,
      });
      const asked = page.win.performance.getEntriesByType('resource').some((e) => e.name.includes('/lazy/read-worker.min.js'));
      expect(asked).to.equal(inWorker, `${query}: was the Worker's script asked for?`);
      const policy = page.win.__violations.filter((v) => v.effective === 'trusted-types');
      expect(policy.length).to.equal(inWorker ? 0 : 1, report(page.win.__violations));
      expect(page.win.__violations.length).to.equal(policy.length, report(page.win.__violations));
      expect(page.win.__errors).to.deep.equal([]);
      frame.remove();
      frame = undefined;
    }
  });

  it('renders every element, and a reader expands, stars, filters and opens details: no violation, no error', async () => {
    const { frame: f, win, doc } = await openPage('', 5000);
    frame = f;

    // Everything renders.
    const card = doc.querySelector('#card panel-card')!;
    const list = doc.querySelector('#list session-list')!;
    const star = doc.querySelector('#lone-star')!;
    const abstract = doc.querySelector('#lone-abstract')!;
    const missing = doc.querySelector('#missing')!;
    const failing = doc.querySelector('#failing')!;
    await rendered(card, 'the panel card');
    await rendered(list, 'the session list');
    await rendered(abstract, 'the lone abstract');
    await waitUntil(
      () => root(star).querySelector('button[aria-pressed]') && root(star).querySelector('button')!.getAttribute('aria-disabled') === 'false',
      'the lone star never became ready',
      { timeout: 15000 },
    );
    await waitUntil(() => root(missing).querySelector('[role=alert]'), 'the card with a wrong id never said so', { timeout: 15000 });
    await waitUntil(() => root(failing).querySelector('[part~=retry]'), 'the card with a failing src never showed its retry button', { timeout: 15000 });

    expect(text(root(card).querySelector('[part=title]')!)).to.contain('Kazakhstan');
    expect(root(card).querySelectorAll('[part=paper]').length).to.equal(3);
    expect(root(card).querySelectorAll('star-toggle').length).to.equal(4);
    expect(root(list).querySelectorAll('[part=row]').length).to.equal(18);
    expect(text(root(list).querySelector('[part=count]')!)).to.equal('18 sessions');
    expect(text(root(missing))).to.contain('Panel P999 is not in this programme.');
    expect(text(root(failing))).to.contain('The programme could not be loaded.');
    // Lit's static styles applied as constructed style sheets, and they took effect.
    expect(root(card).adoptedStyleSheets.length).to.be.greaterThan(0);
    expect(root(card).querySelector('style')).to.equal(null);
    expect(win.getComputedStyle(root(card).querySelector('article')!).borderTopStyle).to.equal('solid');

    // Expand an abstract (the lone one and one inside the card).
    const toggle = root(abstract).querySelector<HTMLButtonElement>('[part=toggle]')!;
    const before = text(root(abstract).querySelector('[part=text]')!);
    toggle.click();
    await waitUntil(() => toggle.getAttribute('aria-expanded') === 'true', 'the abstract did not expand');
    expect(text(root(abstract).querySelector('[part=text]')!).length).to.be.greaterThan(before.length);
    const inner = root(card).querySelector('abstract-view')!;
    root(inner).querySelector<HTMLButtonElement>('[part=toggle]')!.click();
    await waitUntil(() => inner.hasAttribute('expanded'), 'the abstract in the card did not expand');

    // Press a star kept in this browser: the lone star and the card's star for the same paper agree.
    const starButton = root(star).querySelector<HTMLButtonElement>('button')!;
    expect(starButton.getAttribute('aria-pressed')).to.equal('false');
    starButton.click();
    await waitUntil(() => starButton.getAttribute('aria-pressed') === 'true', 'the star did not press');
    const cardStar = [...root(card).querySelectorAll('star-toggle')].find((s) => s.getAttribute('item-id') === 'P021-1-a')!;
    await waitUntil(() => root(cardStar).querySelector('button')!.getAttribute('aria-pressed') === 'true', 'the card did not follow the star');
    await waitUntil(() => (localStorage.getItem(SCHEDULE_KEY) ?? '').includes('P021-1-a'), 'the star was not saved in this browser');

    // Filter the list: search, a theme, starred only; then clear.
    const search = root(list).querySelector<HTMLInputElement>('input[type=search]')!;
    search.value = 'Kazakhstan';
    search.dispatchEvent(new win.Event('input', { bubbles: true, composed: true }));
    await waitUntil(() => /^Showing \d+ of 18 sessions$/.test(text(root(list).querySelector('[part=count]')!)), 'the search did not filter the list');
    search.value = '';
    search.dispatchEvent(new win.Event('input', { bubbles: true, composed: true }));
    await waitUntil(() => text(root(list).querySelector('[part=count]')!) === '18 sessions', 'clearing the search did not show every session');
    await openFilters(list as HTMLElement & { updateComplete: Promise<unknown> });
    const selects = [...root(list).querySelectorAll('select')];
    const theme = selects.find((s) => s.closest('label')?.textContent?.includes('Theme'))!;
    theme.value = theme.options[1].value;
    theme.dispatchEvent(new win.Event('change', { bubbles: true }));
    await waitUntil(() => /^Showing \d+ of 18 sessions$/.test(text(root(list).querySelector('[part=count]')!)), 'the theme filter did nothing');
    const starredOnly = root(list).querySelector<HTMLInputElement>('#filter-panel input[type=checkbox]')!;
    theme.value = '';
    theme.dispatchEvent(new win.Event('change', { bubbles: true }));
    starredOnly.click();
    await waitUntil(() => text(root(list).querySelector('[part=count]')!) === 'Showing 1 of 18 sessions', 'starred only did not show the starred session');
    starredOnly.click();
    await waitUntil(() => text(root(list).querySelector('[part=count]')!) === '18 sessions', 'the list did not come back');

    // Switch the time zone and back.
    const zones = [...root(list).querySelectorAll<HTMLInputElement>('input[name=zone]')];
    expect(zones, 'the reader is in New York, the conference in Almaty').to.have.length(2);
    zones[1].click();
    await waitUntil(() => text(root(list).querySelector('.note')!).startsWith('Times are in Eastern Time'), 'the zone switch did nothing');
    root(list).querySelectorAll<HTMLInputElement>('input[name=zone]')[0].click();
    await waitUntil(() => text(root(list).querySelector('.note')!).startsWith('Times are in Kazakhstan Time'), 'the zone did not switch back');

    // Open a panel's details in the list: a card renders in place, with its own stars and abstracts.
    const details = root(list).querySelector<HTMLButtonElement>('[part=row] button.title-button')!;
    details.click();
    await waitUntil(() => root(list).querySelector('.detail panel-card')?.shadowRoot?.querySelector('[part=title]'), 'the details never opened');
    const opened = root(list).querySelector('.detail panel-card')!;
    await waitUntil(() => root(opened).querySelectorAll('star-toggle').length > 0);
    expect(details.getAttribute('aria-expanded')).to.equal('true');

    // Download the shown sessions: the .ics code loads from beside the built file (script-src 'self')
    // and hands over a blob: link. The test catches the click so nothing is saved to disk.
    const downloads: string[] = [];
    doc.addEventListener(
      'click',
      (e) => {
        const link = (e.target as Element).closest?.('a[download]') as HTMLAnchorElement | null;
        if (link) (e.preventDefault(), downloads.push(`${link.download} ${link.href}`));
      },
      true,
    );
    await download(list as HTMLElement & { updateComplete: Promise<unknown> }, 'shown');
    await waitUntil(() => downloads.length === 1, 'the .ics download never started', { timeout: 15000 });
    expect(downloads[0]).to.match(/^cess-2024-shown\.ics blob:http/);

    // Retry the failing card: it fails again, and says so again.
    root(failing).querySelector<HTMLButtonElement>('[part~=retry]')!.click();
    await waitUntil(() => root(failing).querySelector('[part~=retry]'), 'the retry did not come back to the error state', { timeout: 15000 });

    await sleep(300);
    expect(win.__errors, 'uncaught errors on the page').to.deep.equal([]);
    expect(win.__violations, `violations: ${report(win.__violations)}`).to.deep.equal([]);
  });

  /** The timetable and a long list (with placeholders), on the page served with `query`: no violation, and laid out. */
  async function timetableAndLongList(query: string) {
    const { frame: f, win, doc } = await openPage(query);
    frame = f;
    const grid = doc.querySelector('#grid')!;
    const long = doc.querySelector('#long')!;
    await rendered(grid, 'the timetable');
    await rendered(long, 'the long list');
    // The timetable draws each day as it comes near: bring it into view, as a reader would.
    grid.scrollIntoView();
    await waitUntil(() => root(grid).querySelector('.grid .cell'), 'the timetable has no cells', { timeout: 15000 });
    await waitUntil(() => root(long).querySelector('.chunk.placeholder'), 'the long list has no placeholders', { timeout: 15000 });

    // The timetable has a column per room (12) beside the time column.
    const columns = win.getComputedStyle(root(grid).querySelector('.grid')!).gridTemplateColumns.split(' ').length;
    expect(columns, 'columns of the timetable').to.equal(13);
    // Only the rooms near the view are drawn: scrolled sideways to the last, the timetable has drawn them all.
    const sideways = root(grid).querySelector<HTMLElement>('.grid-scroll')!;
    sideways.scrollLeft = sideways.scrollWidth;
    const spread = () => new Set([...root(grid).querySelectorAll<HTMLElement>('.cell')].map((c) => Math.round(c.getBoundingClientRect().left))).size;
    await waitUntil(() => spread() >= 12, 'the rooms scrolled to were not drawn', { timeout: 5000 }).catch(() => undefined);
    expect(spread(), 'cells spread over the rooms').to.equal(12);
    // A placeholder keeps the height of what it stands for (at least one row, about 100px).
    for (const placeholder of root(long).querySelectorAll<HTMLElement>('.chunk.placeholder')) {
      expect(placeholder.getBoundingClientRect().height, 'height of a placeholder').to.be.greaterThan(50);
    }

    // The demo list's own Timetable switch.
    const list = doc.querySelector('#list session-list')!;
    await rendered(list, 'the session list');
    const timetable = [...root(list).querySelectorAll<HTMLButtonElement>('.segmented button')][1];
    timetable.click();
    list.scrollIntoView();
    await waitUntil(() => root(list).querySelector('.grid .cell'), 'the demo list did not switch to its timetable');
    expect(win.getComputedStyle(root(list).querySelector('.grid')!).gridTemplateColumns.split(' ').length).to.be.greaterThan(2);

    await sleep(300);
    expect(win.__errors, 'uncaught errors on the page').to.deep.equal([]);
    expect(win.__violations, `violations: ${report(win.__violations)}`).to.deep.equal([]);
  }

  // The timetable's cells and the list's placeholders are placed through the CSSOM (`setStyles`,
  // style.setProperty), which a strict `style-src` allows; an inline style attribute would be
  // refused (effective directive style-src-attr). These two pages check both, with and without
  // the host relaxing style-src-attr.
  it('lays out the timetable and a long list with no inline style attribute refused', () => timetableAndLongList('?long'));

  it("lays out the timetable and a long list when the host adds only style-src-attr 'unsafe-inline' (as some hosts do)", () =>
    timetableAndLongList('?long&relax=style-attr'));
});
