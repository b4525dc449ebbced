import { expect, waitUntil } from '@open-wc/testing';

/**
 * Nothing lost (issue 6, point 5). Two pages of one person (two frames of this origin, sharing
 * cookies and storage as two tabs do), each with 100 stars on the real reference schedule server,
 * reached through a proxy that fails a share of requests with 5xx, closes connections before they
 * arrive, carries requests out but loses their answers, and goes down; the server itself restarts
 * now and then (test/server/fault-proxy.mjs, test/server/reference.mjs). The self-contained build
 * is what the pages load, as a host's page would.
 *
 * Random presses go to random stars on either page. At the end the faults stop, the browser says
 * it is back online, and: both pages, both pages reloaded, and the server hold, for every item, what
 * the last press on it chose. On SQLite, and again on PostgreSQL when the run has one
 * (TEST_DATABASE_URL: the reference middleware then serves that server under /reference-pg/).
 */

const ITEMS = 100;
const PRESSES = 1000;
const ids = Array.from({ length: ITEMS }, (_, i) => `F${String(i).padStart(3, '0')}`);

interface Config {
  url: string;
  faulty: string;
}
let config: Config;
/** Where the reference middleware serves the instance under test: /reference (SQLite) or /reference-pg. */
let prefix = '/reference';
const ENGINES = (await (await fetch('/reference/engines')).json()) as string[];

const faults = async (settings: Record<string, unknown>) => {
  const response = await fetch(`${prefix}/faults`, { method: 'POST', body: JSON.stringify(settings) });
  expect(response.status).to.equal(200);
};
const faultCounts = async () => (await fetch(`${prefix}/faults`)).json() as Promise<Record<string, number>>;
const restart = (pause: number) => fetch(`${prefix}/restart?pause=${pause}`, { method: 'POST' });

/** What the server holds, asked directly (not through the proxy). */
async function serverItems(): Promise<string[]> {
  const response = await fetch(`${config.url}/api/schedule/items`, { credentials: 'include', headers: { 'X-Requested-With': 'programme-elements' } });
  expect(response.status).to.equal(200);
  return ((await response.json()).items as string[]).filter((id) => id.startsWith('F')).sort();
}

/** Signs in as ada with the server's own login form, posted as the form would post it (the answer cannot be read: no CORS). */
async function signIn(): Promise<void> {
  await fetch(`${config.url}/login`, {
    method: 'POST',
    mode: 'no-cors',
    credentials: 'include',
    body: new URLSearchParams({ username: 'ada', password: 'lovelace', return: `${location.origin}/reference/signed-in` }),
  });
  const me = await fetch(`${config.url}/api/schedule/me`, { credentials: 'include', headers: { 'X-Requested-With': 'programme-elements' } });
  expect(me.status, 'signed in').to.equal(200);
}

/** None of these items on ada's schedule, nothing waiting in this browser. */
async function cleanUp(): Promise<void> {
  for (const id of await serverItems()) {
    await fetch(`${config.url}/api/schedule/items/${id}`, { method: 'DELETE', credentials: 'include', headers: { 'X-Requested-With': 'programme-elements' } });
  }
  for (const key of Object.keys(localStorage)) if (key.startsWith('programme-elements:outbox:')) localStorage.removeItem(key);
}

const pageHtml = (name: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title>
<script type="module" src="/dist/programme-elements.min.js"></script></head><body><h1>${name}</h1>
${ids.map((id) => `<star-toggle item-id="${id}" item-title="Item ${id}" schedule="${config.faulty}/api/schedule"></star-toggle>`).join('\n')}
</body></html>`;

class Page {
  readonly frame = document.createElement('iframe');
  constructor(readonly name: string) {
    this.frame.title = name;
    this.frame.style.cssText = 'width: 30rem; height: 20rem';
    document.body.append(this.frame);
  }

  get doc(): Document {
    return this.frame.contentDocument!;
  }

  star(id: string): HTMLElement {
    return this.doc.querySelector(`star-toggle[item-id="${id}"]`)!;
  }

  button(id: string): HTMLButtonElement | null {
    return this.star(id)?.shadowRoot?.querySelector('button') ?? null;
  }

  /** The star's state as a reader hears it: pressed, not pressed, or something else (signed out, loading, error). */
  shown(id: string): 'true' | 'false' | 'other' {
    const b = this.button(id);
    if (!b || b.classList.contains('signed-out') || b.getAttribute('aria-disabled') === 'true') return 'other';
    return b.getAttribute('aria-pressed') as 'true' | 'false';
  }

  starred(): string[] {
    return ids.filter((id) => this.shown(id) === 'true');
  }

  pending(): string[] {
    return ids.filter((id) => this.button(id)?.classList.contains('pending'));
  }

  /** Loads (or reloads) the page, and waits until every star can be pressed; presses "Try again" when the schedule could not be read. */
  async open(): Promise<void> {
    const loaded = new Promise((resolve) => this.frame.addEventListener('load', resolve, { once: true }));
    this.frame.srcdoc = pageHtml(`${this.name} ${Date.now()}`);
    await loaded;
    await waitUntil(
      () => {
        const retry = ids.map((id) => this.button(id)).find((b) => b?.classList.contains('signed-out') && /try again/i.test(b.textContent ?? ''));
        if (retry) retry.click();
        return ids.every((id) => this.shown(id) !== 'other');
      },
      `${this.name}: the stars never became ready`,
      { timeout: 30000, interval: 50 },
    );
  }

  online(): void {
    this.frame.contentWindow!.dispatchEvent(new Event('online'));
  }
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

for (const engine of ENGINES)
  describe(`nothing lost: 1,000 presses over 100 items on two pages against a failing server (${engine})`, function () {
    this.timeout(300000);
    let pages: Page[] = [];

    before(async () => {
      prefix = engine === 'postgres' ? '/reference-pg' : '/reference';
      config = await (await fetch(`${prefix}/config`)).json();
      await faults({});
      await signIn();
      await cleanUp();
      expect(await serverItems()).to.deep.equal([]);
      pages = [new Page('Page A'), new Page('Page B')];
      await Promise.all(pages.map((p) => p.open()));
    });

    after(async () => {
      await faults({});
      for (const p of pages) p.frame.remove();
      // Leave ada's schedule as other test files expect to find it.
      await cleanUp();
    });

    it('a press made while the server is down is kept, shown as pending with a message, and sent when it is back', async () => {
      const [a, b] = pages;
      await faults({ down: true });
      const errors: string[] = [];
      a.doc.addEventListener('programme-error', (e) => errors.push((e as CustomEvent).detail.kind));
      a.button('F000')!.click();
      await waitUntil(() => a.star('F000').shadowRoot!.querySelector('[role=status]')!.textContent!.startsWith('Not sent yet'), 'the reader was not told', {
        timeout: 10000,
      });
      expect(a.shown('F000')).to.equal('true');
      expect(a.pending()).to.deep.equal(['F000']);
      expect(errors.length).to.be.greaterThan(0);
      expect(new Set(errors)).to.deep.equal(new Set(['queued']));
      // The other page shows the choice too, as pending.
      await waitUntil(() => b.shown('F000') === 'true' && b.pending().includes('F000'), 'the other page did not follow');
      const kept = Object.entries(localStorage).find(([k]) => k.startsWith('programme-elements:outbox:') && k.includes(config.faulty));
      expect(kept, 'kept in this browser').to.exist;
      expect(Object.keys(JSON.parse(kept![1]))).to.deep.equal(['F000']);

      await faults({});
      a.online();
      b.online();
      await waitUntil(async () => (await serverItems()).includes('F000'), 'never sent', { timeout: 10000 });
      await waitUntil(() => a.pending().length === 0 && b.pending().length === 0, 'still pending', { timeout: 10000 });
      expect(a.star('F000').shadowRoot!.querySelector('[role=status]')!.textContent).to.equal('');
      // Put it back for the run.
      a.button('F000')!.click();
      await waitUntil(async () => !(await serverItems()).includes('F000') && a.pending().length === 0 && b.pending().length === 0, 'not taken back', {
        timeout: 10000,
      });
    });

    it('ends with the pages, reloads and the server agreeing on the last choice for every item', async () => {
      const last = new Map<string, boolean>();
      const faultSettings = { delay: 40, fail: 0.15, drop: 0.05, lose: 0.05 };
      await faults(faultSettings);
      const restarts: Promise<unknown>[] = [];
      let reloads = 0;
      const started = performance.now();

      for (let n = 0; n < PRESSES; n++) {
        // Now and then the server restarts (for up to half a second), or goes down for a while.
        if (n % 250 === 125) restarts.push(restart(100 + Math.random() * 400));
        if (n === 600) await faults({ ...faultSettings, down: true });
        if (n === 700) await faults(faultSettings);
        // Once, page B is reloaded in the middle of it all: what it had not sent must not be lost.
        if (n === 450) {
          reloads++;
          await pages[1].open();
        }
        const page = pages[Math.random() < 0.5 ? 0 : 1];
        const id = ids[Math.floor(Math.random() * ITEMS)];
        const button = page.button(id)!;
        button.click();
        await (page.star(id) as unknown as { updateComplete: Promise<unknown> }).updateComplete;
        const now = page.button(id)!.getAttribute('aria-pressed');
        expect(now, `${page.name} ${id} after press ${n}`).to.be.oneOf(['true', 'false']);
        last.set(id, now === 'true');
        if (Math.random() < 0.5) await pause(Math.random() * 6);
        else await pause(0);
      }
      await Promise.all(restarts);
      const pressing = performance.now() - started;

      // The network is back.
      await faults({});
      const counts = await faultCounts();
      for (const p of pages) p.online();
      const expected = ids.filter((id) => last.get(id)).sort();
      await waitUntil(
        async () => pages.every((p) => p.pending().length === 0) && JSON.stringify(await serverItems()) === JSON.stringify(expected),
        'the pages and the server never agreed',
        { timeout: 60000, interval: 200 },
      );

      for (const p of pages) expect(p.starred(), `${p.name} shows the last choice`).to.deep.equal(expected);
      expect(await serverItems(), 'the server holds the last choice').to.deep.equal(expected);
      for (const p of pages) await p.open();
      for (const p of pages) expect(p.starred(), `${p.name} reloaded shows it`).to.deep.equal(expected);
      const kept = Object.keys(localStorage).filter((k) => k.startsWith('programme-elements:outbox:') && localStorage.getItem(k) !== null);
      expect(kept, 'nothing left waiting').to.deep.equal([]);

      // The run did meet every kind of fault.
      expect(counts.failed, 'answered 5xx').to.be.greaterThan(10);
      expect(counts.dropped, 'closed before arriving').to.be.greaterThan(10);
      expect(counts.lost, 'answer lost').to.be.greaterThan(5);
      console.log(
        `nothing-lost run: ${PRESSES} presses over ${ITEMS} items on 2 pages in ${Math.round(pressing)} ms, ${reloads} reload mid-run, ${restarts.length} server restarts; ` +
          `proxy saw ${counts.requests} requests: ${counts.failed} answered 5xx, ${counts.dropped} closed before arriving, ${counts.lost} carried out with the answer lost, ${counts.refused} refused while restarting; ` +
          `${expected.length} items starred at the end on both pages, both reloads and the server`,
      );
    });
  });
