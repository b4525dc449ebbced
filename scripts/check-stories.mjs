#!/usr/bin/env node
/**
 * Opens every story of the built Storybook (storybook-static/) in Debian's Chromium, the way a
 * person would, because `storybook build` exits 0 with broken stories.
 *
 * For each story it fails on:
 * - an uncaught exception (`pageerror`) or Storybook's own error screen;
 * - a console error, except what a story tagged `expected-error` causes on purpose: the library's
 *   "programme-elements:" messages and Chromium's line for a programme request that failed
 *   (the 404 of an error story);
 * - a request for anything else that fails (a missing chunk or asset of the build);
 * - an empty story: no custom element under #storybook-root whose shadow root holds text (an
 *   `aria-label` counts: a signed-in star is a labelled button and nothing else); the check
 *   waits for every story on the page to finish rendering and running its play function first
 *   (a failed play function shows as a console error and Storybook's error screen);
 * - an element still loading, unless the story is tagged `loading-state`;
 * - an error alert or a `programme-error` event, unless the story is tagged `expected-error`;
 *   and no alert at all in a story that is;
 * - in a story tagged `save-error` (a scripted press of a star fails on purpose), a
 *   `programme-error` of kind `save` or `queued` is allowed, and the star must show its "not saved"
 *   or "not sent yet" message;
 * - in a story tagged `schedule-error` (the reader's schedule cannot be read, on purpose), one
 *   `programme-error` of kind `schedule` is allowed;
 * - a script from a programme that ran (hostile.json sets `window.__pwned`).
 * Docs pages are opened too: they must render an argument table and raise no error.
 *
 * Usage: node scripts/check-stories.mjs [storybook-static] (after `npm run build-storybook`).
 * Env: CHROMIUM (default /usr/bin/chromium), STORY_FILTER (substring of story ids to open),
 * SCREENSHOT_DIR (default /tmp), SCREENSHOT_ALL=1 (a PNG of every story, to look at),
 * TIMINGS=1 (where each story's time goes). Stories open with the a11y addon's automatic axe run
 * switched off (`globals=a11y.manual:!true`): it doubles the time and this script does not read it.
 * Prints one line per story and then `N stories opened, N failed`; exits 1 if anything failed.
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from './chromium.mjs';

const ROOT = resolve(process.argv[2] ?? fileURLToPath(new URL('../storybook-static/', import.meta.url)));
const CHROMIUM = process.env.CHROMIUM ?? chromiumPath;
const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR ?? '/tmp';
const FILTER = process.env.STORY_FILTER ?? '';
/** Stories saved as screenshots to look at: story id → file. */
const SCREENSHOTS = {
  'elements-panel-card--loaded': 'story-panel-card.png',
  'elements-session-list--list': 'story-session-list.png',
  'elements-session-list--grid': 'story-session-list-grid.png',
  'guides-theming--docs': 'docs-theming.png',
};
/** Two pages at a time: this machine has two cores. */
const CONCURRENCY = 2;
const STORY_TIMEOUT = 10_000;
/** Requests for programme data; only these may fail, and only in `expected-error` stories. */
const DATA_PATH = /^\/(programme\.json|fixtures\/|story-static\/)/;

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** storybook-static over HTTP on 127.0.0.1, on a free port. */
function serve(root) {
  const server = createServer(async (req, res) => {
    try {
      const { pathname } = new URL(req.url ?? '/', 'http://localhost');
      let file = normalize(join(root, decodeURIComponent(pathname)));
      if (file !== root && !file.startsWith(root + sep)) throw new Error('outside');
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      // The build's hashed assets may be cached (each story loads the same megabyte of preview code);
      // programme documents may not, so every story fetches its data for real.
      const cache = pathname.startsWith('/assets/') || pathname.startsWith('/sb-') ? 'max-age=3600' : 'no-store';
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': cache });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

/** Runs in the page: what the story shows, looking through every shadow root. */
function inspect() {
  const all = (root) => {
    const out = [];
    const walk = (node) => {
      for (const el of node.querySelectorAll('*')) {
        out.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(root);
    return out;
  };
  const root =
    document.querySelector('#storybook-docs') && !document.querySelector('#storybook-root')?.children.length
      ? document.querySelector('#storybook-docs')
      : document.querySelector('#storybook-root');
  const elements = root ? all(root) : [];
  const custom = elements.filter((el) => el.localName.includes('-') && el.shadowRoot);
  const labels = (el) => [...el.shadowRoot.querySelectorAll('[aria-label]')].map((n) => n.getAttribute('aria-label')).join(' ');
  const textOf = (el) => `${el.shadowRoot.textContent ?? ''} ${labels(el)}`.replace(/\s+/g, ' ').trim();
  // A provider (programme-source, story-programme) renders only a <slot>: it holds no text of its own.
  const isProvider = (el) => [...el.shadowRoot.children].every((c) => c.localName === 'slot' || c.localName === 'style');
  const visual = custom.filter((el) => !isProvider(el));
  const shadowNodes = custom.flatMap((el) => [...el.shadowRoot.querySelectorAll('*')]);
  return {
    elements: visual.map((el) => el.localName),
    withText: visual.filter((el) => textOf(el)).length,
    empty: visual.filter((el) => !textOf(el)).map((el) => el.localName),
    // The library's loading line is `part="status" role="status"` (an empty live region elsewhere is no loading line).
    loading: shadowNodes.filter((n) => n.matches('[part~="status"][role="status"]')).map((n) => n.textContent.trim()),
    alerts: shadowNodes.filter((n) => n.matches('[role="alert"]')).map((n) => n.textContent.replace(/\s+/g, ' ').trim()),
    // A star's "not saved" line (role="status", not an alert).
    saveMessages: shadowNodes.filter((n) => n.matches('[part~="message"]') && n.textContent.trim()).map((n) => n.textContent.trim()),
    argTables: document.querySelectorAll('table.docblock-argstable tbody tr').length,
    sbError: document.body.classList.contains('sb-show-errordisplay')
      ? (document.querySelector('#error-message')?.textContent ?? 'Storybook error screen').trim()
      : '',
    pwned: Boolean(window.__pwned),
    programmeErrors: window.__programmeErrors ?? [],
  };
}

/** Runs in the page: whether the story has rendered what it will render. */
function rendered() {
  const all = (node, out = []) => {
    for (const el of node.querySelectorAll('*')) {
      out.push(el);
      if (el.shadowRoot) all(el.shadowRoot, out);
    }
    return out;
  };
  if (document.body.classList.contains('sb-show-errordisplay')) return true;
  // Every story on the page (one, or all of a docs page) has rendered and run its play function.
  const preview = window.__STORYBOOK_PREVIEW__;
  const renders = [preview?.currentRender, ...(preview?.storyRenders ?? [])].filter((r) => r?.type === 'story');
  if (renders.some((r) => !['completed', 'afterEach', 'finished', 'errored', 'aborted'].includes(r.phase))) return false;
  const root = document.querySelector('#storybook-root');
  const docs = document.querySelector('#storybook-docs');
  const scope = root?.children.length ? root : docs;
  if (!scope) return false;
  const custom = all(scope).filter((el) => el.localName.includes('-') && el.shadowRoot && customElements.get(el.localName));
  const visual = custom.filter((el) => ![...el.shadowRoot.children].every((c) => c.localName === 'slot' || c.localName === 'style'));
  const hasText = (el) => el.shadowRoot.textContent.trim().length > 0 || el.shadowRoot.querySelector('[aria-label]');
  return visual.length > 0 && visual.every(hasText);
}

/** Runs in the page: waits for every Lit element to finish updating (three rounds, for nested ones). */
async function settle() {
  const all = (node, out = []) => {
    for (const el of node.querySelectorAll('*')) {
      out.push(el);
      if (el.shadowRoot) all(el.shadowRoot, out);
    }
    return out;
  };
  for (let i = 0; i < 3; i++)
    await Promise.all(
      all(document)
        .map((el) => el.updateComplete)
        .filter(Boolean),
    );
  // Not requestAnimationFrame: Chromium throttles it in the page that is not in front.
  await new Promise((ok) => setTimeout(ok, 0));
}

async function check(browser, base, entry, tagsOf) {
  const started = Date.now();
  const tags = tagsOf(entry);
  const expectError = tags.has('expected-error');
  const expectLoading = tags.has('loading-state');
  const expectSaveError = tags.has('save-error');
  const expectScheduleError = tags.has('schedule-error');
  const isDocs = entry.type === 'docs';
  const problems = [];
  const failedData = new Set();
  /** Chromium's "Failed to load resource" lines, judged at the end: the console line can arrive before the response event. */
  const failedResources = [];
  const page = await browser.newPage();
  try {
    await page.setViewport({ width: 960, height: 800 });
    await page.evaluateOnNewDocument(() => {
      window.__programmeErrors = [];
      window.addEventListener('programme-error', (e) => window.__programmeErrors.push(`${e.detail?.kind}: ${e.detail?.message}`), true);
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('response', (response) => {
      if (response.status() < 400) return;
      const path = new URL(response.url()).pathname;
      if (path === '/favicon.ico') return; // Chromium asks for it; Storybook's iframe has none
      if (DATA_PATH.test(path) && expectError) failedData.add(response.url());
      else problems.push(`HTTP ${response.status()} for ${path}`);
    });
    page.on('requestfailed', (request) => {
      const failure = request.failure()?.errorText ?? '';
      if (failure !== 'net::ERR_ABORTED') problems.push(`request failed: ${request.url()} (${failure})`);
    });
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const text = message.text();
      if (expectError && text.startsWith('programme-elements:')) return;
      const source = message.location()?.url ?? '';
      if (text.startsWith('Failed to load resource')) failedResources.push({ text, source });
      else problems.push(`console error: ${text.split('\n')[0]}`);
    });

    const url = `${base}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=${isDocs ? 'docs' : 'story'}&globals=a11y.manual:!true`;
    const t0 = Date.now();
    await page.goto(url, { waitUntil: 'load', timeout: STORY_TIMEOUT });
    const t1 = Date.now();
    try {
      await page.waitForFunction(rendered, { timeout: STORY_TIMEOUT, polling: 50 });
    } catch {
      problems.push('timed out waiting for the story to render text in its elements');
    }
    const t2 = Date.now();
    await page.waitForNetworkIdle({ idleTime: 150, timeout: STORY_TIMEOUT }).catch(() => problems.push('network never went idle'));
    const t3 = Date.now();
    await page.evaluate(settle);
    if (process.env.TIMINGS) console.log(entry.id, 'goto', t1 - t0, 'render', t2 - t1, 'idle', t3 - t2, 'settle', Date.now() - t3);
    const seen = await page.evaluate(inspect);

    for (const { text, source } of failedResources) {
      if (expectError && failedData.has(source)) continue;
      if (new URL(source, base).pathname === '/favicon.ico') continue;
      problems.push(`console error: ${text.split('\n')[0]}${source ? ` (${source})` : ''}`);
    }

    if (seen.sbError) problems.push(`Storybook error screen: ${seen.sbError.split('\n')[0]}`);
    if (seen.withText === 0) problems.push('empty: no element under the story root has text in its shadow root');
    if (seen.empty.length) problems.push(`no text in the shadow root of ${[...new Set(seen.empty)].join(', ')}`);
    if (seen.pwned) problems.push('a script from the programme ran (window.__pwned is set)');
    if (!expectLoading && seen.loading.length) problems.push(`still loading: "${seen.loading[0]}"`);
    if (expectLoading && !isDocs && !seen.loading.length) problems.push('tagged loading-state but shows no loading line');
    if (!expectError && seen.alerts.length) problems.push(`shows an error: "${seen.alerts[0]}"`);
    const programmeErrors = seen.programmeErrors.filter(
      (e) => !(expectSaveError && (e.startsWith('save: ') || e.startsWith('queued: '))) && !(expectScheduleError && e.startsWith('schedule: ')),
    );
    if (expectSaveError && !isDocs && !seen.saveMessages.length) problems.push('tagged save-error but no star says why its change was not saved');
    if (!expectError && programmeErrors.length) {
      const kinds = [...new Set(programmeErrors)].map((e) => `${programmeErrors.filter((x) => x === e).length}× ${e}`);
      problems.push(`fired programme-error: ${kinds.join('; ')}`);
    }
    if (expectError && !isDocs && !seen.alerts.length) problems.push('tagged expected-error but shows no error');
    if (isDocs && seen.argTables === 0) problems.push('docs page has no argument table (is the element in custom-elements.json with its tag name?)');

    const shot = SCREENSHOTS[entry.id] ?? (process.env.SCREENSHOT_ALL && !isDocs ? `story-${entry.id}.png` : undefined);
    if (shot) {
      await page.bringToFront();
      await page.screenshot({ path: join(SCREENSHOT_DIR, shot), fullPage: true });
    }

    const counts = [...new Set(seen.elements)].map((name) => `${name}×${seen.elements.filter((e) => e === name).length}`).join(' ');
    return { entry, problems, detail: `${counts}${seen.alerts.length ? `, ${seen.alerts.length} alert(s)` : ''}`, ms: Date.now() - started };
  } catch (error) {
    problems.push(`could not open: ${error.message}`);
    return { entry, problems, detail: '', ms: Date.now() - started };
  } finally {
    await page.close().catch(() => {});
  }
}

async function main() {
  const started = Date.now();
  const index = JSON.parse(await readFile(join(ROOT, 'index.json'), 'utf8'));
  const entries = Object.values(index.entries).filter((e) => e.id.includes(FILTER));
  const stories = entries.filter((e) => e.type === 'story');
  const docs = entries.filter((e) => e.type === 'docs');
  if (!stories.length) {
    console.error(`No stories in ${join(ROOT, 'index.json')}${FILTER ? ` matching "${FILTER}"` : ''}.`);
    console.log('0 stories opened, 0 failed');
    process.exit(1);
  }
  // A docs page shows every story of its component: it may show what any of them may show.
  const tagsOf = (entry) => {
    if (entry.type !== 'docs') return new Set(entry.tags ?? []);
    return new Set(stories.filter((s) => s.importPath === entry.importPath).flatMap((s) => s.tags ?? []));
  };

  const server = await serve(ROOT);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless=new', ...chromiumArgs],
  });

  const results = [];
  try {
    const queue = [...stories, ...docs];
    const worker = async () => {
      for (let entry = queue.shift(); entry; entry = queue.shift()) {
        const result = await check(browser, base, entry, tagsOf);
        results.push(result);
        const name = `${entry.type === 'docs' ? 'docs ' : ''}${entry.id}`;
        if (result.problems.length) {
          console.log(`FAIL ${name} (${result.ms} ms)`);
          for (const p of result.problems) console.log(`     - ${p}`);
        } else {
          console.log(`ok   ${name} (${result.ms} ms) ${result.detail}`);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  } finally {
    await browser.close();
    server.close();
  }

  for (const [id, file] of Object.entries(SCREENSHOTS)) {
    if (results.some((r) => r.entry.id === id)) console.log(`screenshot of ${id}: ${join(SCREENSHOT_DIR, file)}`);
  }
  const failed = (list) => list.filter((r) => r.problems.length).length;
  const storyResults = results.filter((r) => r.entry.type === 'story');
  const docsResults = results.filter((r) => r.entry.type === 'docs');
  console.log(`${docsResults.length} docs pages opened, ${failed(docsResults)} failed; ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`${storyResults.length} stories opened, ${failed(storyResults)} failed`);
  process.exit(failed(results) ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  console.log('0 stories opened, 1 failed');
  process.exit(1);
});
