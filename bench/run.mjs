#!/usr/bin/env node
/**
 * `npm run bench`: renders generated programmes in headless Chromium and prints, per size, the
 * medians of fresh page loads: when the programme JSON arrived, when the <session-list> first
 * held a session row, the longest main-thread task, the heap after GC, the nodes inside shadow
 * roots, and how long a search and a day filter take to update the count line.
 *
 *   node bench/run.mjs [--sizes=100,1000,5000] [--runs=5] [--build] [--generate] [--no-trace] [--profile] [--json=FILE] [--view=grid]
 *
 *   --view=grid measure the timetable (`view="grid"`) instead of the list
 *   --build     rebuild dist/programme-elements.min.js first (otherwise only when it is missing)
 *   --generate  write bench/out/programme-N.json again (otherwise only when missing)
 *   --no-trace  skip the one extra traced load per size (longest task from a Chromium trace)
 *   --profile   also take CPU profiles of the largest size, with an unminified build of the same bundle
 *
 * It reports; it never fails on a time. Exit code 1 means the harness itself broke.
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { createReadStream, existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { basename, dirname, extname, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { SEARCH_WORD, SIZES, writeProgrammes } from './generate.mjs';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = join(BENCH, '..');
const OUT = join(BENCH, 'out');
const BUNDLE = join(ROOT, 'dist', 'programme-elements.min.js');
const PROFILE_DIST = join(OUT, 'profile-dist');

const flags = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k, v ?? true];
  }),
);
const sizes = flags.sizes ? String(flags.sizes).split(',').map(Number) : SIZES;
const runs = Number(flags.runs ?? 5);
const WINDOW_MS = 2000; // long tasks are counted up to this long after the first render
const LOAD_TIMEOUT = 60_000;

const log = (...a) => console.error(...a); // progress on stderr, results on stdout
const median = (xs) => {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return undefined;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};

// ---------------------------------------------------------------------------------------------
// Inputs: the bundle and the programmes.

function run(cmd, args) {
  log(`$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status}`);
}

/** Newest modification time of the files under `dir` (for "is this build older than src/?"). */
function newest(dir) {
  let t = 0;
  for (const entry of readdirRecursive(dir)) t = Math.max(t, statSync(entry).mtimeMs);
  return t;
}
function readdirRecursive(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(dir);
  return out;
}
async function prepare() {
  if (flags.build || !existsSync(BUNDLE)) run('npx', ['rollup', '-c']);
  else if (newest(join(ROOT, 'src')) > statSync(BUNDLE).mtimeMs) log('note: dist/programme-elements.min.js is older than src/; pass --build to rebuild it');
  const missing = sizes.filter((n) => flags.generate || !existsSync(join(OUT, `programme-${n}.json`)));
  if (missing.length) await writeProgrammes(missing, OUT, { log });
  const profileEntry = join(PROFILE_DIST, 'index.js');
  if (flags.profile && (!existsSync(profileEntry) || newest(join(ROOT, 'src')) > statSync(profileEntry).mtimeMs)) {
    run('npx', ['rollup', '-c', 'bench/rollup.profile.mjs']);
  }
}

// ---------------------------------------------------------------------------------------------
// The server: / the bench page, /blank an empty page, /out/* the programmes, /dist/* the bundle.

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json', '.map': 'application/json' };

function serve(distDir, entry = 'programme-elements.min.js') {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file;
    if (path === '/favicon.ico') return res.writeHead(204).end();
    if (path === '/' || path === '/index.html') file = join(BENCH, 'page.html');
    else if (path === '/blank') {
      res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' });
      return res.end('<!doctype html><html lang="en"><title>blank</title></html>');
    } else if (path.startsWith('/out/')) file = join(OUT, normalize(path.slice(5)));
    else if (path === '/dist/programme-elements.min.js') file = join(distDir, entry);
    else if (path.startsWith('/dist/')) file = join(distDir, normalize(path.slice(6)));
    const inside = file && [OUT, distDir, BENCH].some((d) => !relative(d, file).startsWith('..') && !relative(d, file).startsWith(sep));
    if (!file || !inside || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('not found');
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': statSync(file).size,
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, base: `http://127.0.0.1:${server.address().port}` })));
}

// ---------------------------------------------------------------------------------------------
// In the page.

/** Nodes inside shadow roots, every shadow root of the document, recursively. */
function countShadowNodes() {
  let nodes = 0;
  let elements = 0;
  let roots = 0;
  const visit = (root, inShadow) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (inShadow) {
        nodes++;
        if (n.nodeType === 1) elements++;
      }
      if (n.nodeType === 1 && n.shadowRoot) {
        roots++;
        visit(n.shadowRoot, true);
      }
    }
  };
  visit(document, false);
  return { nodes, elements, roots };
}

/** Waits for the first render, then until `windowMs` after it; returns what the page measured. */
async function pageResults(n, windowMs) {
  const bench = window.__bench;
  while (!bench.firstRender) await new Promise((r) => setTimeout(r, 25));
  const until = bench.firstRender + windowMs;
  while (performance.now() < until) await new Promise((r) => setTimeout(r, Math.max(0, until - performance.now())));
  const resource = performance.getEntriesByType('resource').find((e) => e.name.includes(`/out/programme-${n}.json`));
  const tasks = bench.longtasks.filter((t) => t.start <= until);
  return {
    dataArrived: resource?.responseEnd,
    transferSize: resource?.encodedBodySize,
    added: bench.added,
    firstRender: bench.firstRender,
    firstFrame: bench.firstFrame,
    rowsAtFirstRender: bench.rowsAtFirstRender,
    rowsAfter: document.querySelector('session-list').shadowRoot.querySelectorAll('[data-session]').length,
    longestTask: tasks.reduce((m, t) => Math.max(m, t.duration), 0),
    longTasks: tasks.map((t) => ({ start: Math.round(t.start), duration: Math.round(t.duration) })),
    longtaskError: bench.longtaskError,
  };
}

/** Times from a change in the filters to the count line saying something else, and to the next frame. */
async function pageResponsiveness(searchWord) {
  const list = document.querySelector('session-list');
  const root = list.shadowRoot;
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
  const settle = async () => {
    await frame();
    await frame();
    await new Promise((r) => setTimeout(r, 300));
  };
  const untilCountChanges = (act) =>
    new Promise((resolve, reject) => {
      const count = root.querySelector('[part=count]');
      const before = count.textContent;
      let t0 = 0;
      const timer = setTimeout(() => (observer.disconnect(), reject(new Error(`count line stayed "${before.trim()}"`))), 10_000);
      const observer = new MutationObserver(() => {
        if (count.textContent === before) return;
        const changed = performance.now();
        observer.disconnect();
        clearTimeout(timer);
        frame().then(() => resolve({ ms: changed - t0, frameMs: performance.now() - t0, text: count.textContent.trim() }));
      });
      observer.observe(count, { childList: true, subtree: true, characterData: true });
      t0 = performance.now();
      act();
    });
  // The day tabs (a select past 14 days) and the search box.
  const tabs = [...root.querySelectorAll('.day-tab')];
  const select = root.querySelector('.day-select select');
  const input = root.querySelector('[part=filters] input[type=search]');
  if ((!tabs.length && !select) || !input) throw new Error('no day tabs or search input');
  const days = tabs.length ? tabs.map((t) => t.dataset.day) : [...select.options].map((o) => o.value);
  const dayValue = days.filter(Boolean)[1] ?? days.filter(Boolean)[0];
  const change = (value) => () => {
    if (tabs.length) return tabs.find((t) => t.dataset.day === value).click();
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  };
  await settle();
  const day = await untilCountChanges(change(dayValue));
  await settle();
  const dayReset = await untilCountChanges(change(''));
  await settle();
  const search = await untilCountChanges(() => {
    input.value = searchWord;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  });
  await settle();
  return { day, dayReset, search, dayValue };
}

// ---------------------------------------------------------------------------------------------
// One load.

async function newPage(browser) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  return { context, page, problems };
}

/** A fresh context and page; loads the bench page for programme `n` and measures it. */
async function measure(browser, base, n, { trace = false, interact = true } = {}) {
  const { context, page, problems } = await newPage(browser);
  try {
    // Start from an empty page of the same origin, so the load below is a same-site navigation.
    await page.goto(`${base}/blank`);
    if (trace)
      await page.tracing.start({
        categories: ['__metadata', 'toplevel', 'blink.user_timing', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute'],
      });
    await page.goto(`${base}/?n=${n}${flags.view ? `&view=${flags.view}` : ''}`, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
    let timer;
    const result = await Promise.race([
      page.evaluate(pageResults, n, WINDOW_MS),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no session row within ${LOAD_TIMEOUT / 1000} s${problems.length ? ` (${problems.join('; ')})` : ''}`)),
          LOAD_TIMEOUT,
        );
      }),
    ]).finally(() => clearTimeout(timer));
    if (trace) {
      const text = Buffer.from(await page.tracing.stop()).toString('utf8');
      writeFileSync(join(OUT, `trace-${n}.json`), text); // opens in DevTools' Performance panel
      result.trace = longestTraceTask(JSON.parse(text), result.firstRender, WINDOW_MS);
    }
    const cdp = await page.createCDPSession();
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    await cdp.send('Performance.enable');
    const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    result.heapMiB = heap.usedSize / 1048576;
    result.heapTotalMiB = heap.totalSize / 1048576;
    result.domNodes = metrics.Nodes;
    Object.assign(result, { shadow: await page.evaluate(countShadowNodes) });
    if (interact) {
      try {
        result.responsiveness = await page.evaluate(pageResponsiveness, SEARCH_WORD);
      } catch (e) {
        problems.push(`filters: ${e.message}`);
      }
    }
    result.problems = problems;
    return result;
  } finally {
    await context.close();
  }
}

/**
 * The same programme fetched, read as text and parsed (as src/data/load.ts does) in a plain page
 * with no element: how long that takes after the response ended, and the heap it holds.
 */
async function dataOnly(browser, base, n) {
  const { context, page } = await newPage(browser);
  try {
    await page.goto(`${base}/blank`);
    const parseMs = await page.evaluate(async (url) => {
      const response = await fetch(url);
      window.__data = JSON.parse(await response.text());
      const done = performance.now();
      return done - performance.getEntriesByType('resource').find((e) => e.name.endsWith(url)).responseEnd;
    }, `/out/programme-${n}.json`);
    const cdp = await page.createCDPSession();
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    return { parseMs, heapMiB: (await cdp.send('Runtime.getHeapUsage')).usedSize / 1048576 };
  } finally {
    await context.close();
  }
}

/**
 * The longest main-thread task of the page's renderer from navigation start to `windowMs` after
 * the first render, from a Chromium trace, with what took the most time inside it.
 */
function longestTraceTask(trace, firstRender, windowMs) {
  const events = trace.traceEvents ?? trace;
  const mark = events.find((e) => e.name === 'bench:first-render');
  if (!mark) return { error: 'no first-render mark in the trace' };
  const origin = mark.ts - firstRender * 1000;
  const end = mark.ts + windowMs * 1000;
  const mainThreads = new Set(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid === mark.pid).map((e) => e.tid),
  );
  const onMain = events.filter((e) => e.pid === mark.pid && mainThreads.has(e.tid) && e.ph === 'X' && typeof e.dur === 'number');
  // DevTools' "Task" (RunTask) when the timeline category recorded it, else the scheduler's own.
  const taskName = onMain.some((e) => e.name === 'RunTask') ? 'RunTask' : 'ThreadControllerImpl::RunTask';
  const tasks = onMain.filter((e) => e.name === taskName && e.ts >= origin - 1 && e.ts <= end);
  const isTask = (e) => e.name === 'RunTask' || e.cat.split(',').includes('toplevel');
  if (!tasks.length) return { error: 'no tasks in the trace' };
  const longest = tasks.reduce((a, b) => (b.dur > a.dur ? b : a));
  // What it is made of: the timeline events directly inside it, then inside the biggest of those.
  const childrenOf = (parent) => {
    const inside = onMain
      .filter((e) => e !== parent && e.ts >= parent.ts && e.ts + e.dur <= parent.ts + parent.dur && !isTask(e))
      .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    const direct = [];
    for (const e of inside) if (!direct.some((d) => e.ts >= d.ts && e.ts + e.dur <= d.ts + d.dur)) direct.push(e);
    return direct;
  };
  const summary = (events) => {
    const byName = new Map();
    for (const e of events) byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur);
    return [...byName.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([name, dur]) => `${name} ${(dur / 1000).toFixed(0)}`);
  };
  const direct = childrenOf(longest);
  const biggest = direct.reduce((a, b) => (!a || b.dur > a.dur ? b : a), undefined);
  const top = summary(direct);
  if (biggest)
    top.push(
      `in ${biggest.name}${biggest.args?.data?.functionName ? ` (${biggest.args.data.functionName})` : ''}: ${summary(childrenOf(biggest)).join(', ') || 'nothing traced'}`,
    );
  return {
    ts: longest.ts,
    ms: longest.dur / 1000,
    cpuMs: typeof longest.tdur === 'number' ? longest.tdur / 1000 : undefined,
    at: (longest.ts - origin) / 1000,
    over50: tasks.filter((t) => t.dur > 50_000).length,
    inside: top,
  };
}

// ---------------------------------------------------------------------------------------------
// CPU profiles (--profile).

/** `data/validate.js` for http://127.0.0.1:port/dist/data/validate.js; node_modules shortened. */
const moduleOf = (url) => {
  const path = url.replace(/^https?:\/\/[^/]+\/dist\//, '').replace(/^node_modules\//, '');
  return path === url ? basename(url) : path;
};

/**
 * Where the sampled time of a CPU profile went: top functions by self time, top functions of the
 * project's own modules by total time (callees included), self time by module. With `from`/`to`
 * (µs on the profile's clock, the trace clock too), only the samples taken in that window count.
 */
function summariseProfile(profile, { from = -Infinity, to = Infinity, k = 10 } = {}) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map();
  const { samples, timeDeltas } = profile;
  let t = profile.startTime;
  for (let i = 0; i < samples.length; i++) {
    t += timeDeltas[i];
    const dt = i + 1 < timeDeltas.length ? timeDeltas[i + 1] : 0;
    if (t < from || t > to) continue;
    selfUs.set(samples[i], (selfUs.get(samples[i]) ?? 0) + dt);
  }
  const key = (n) => {
    const f = n.callFrame;
    const where = f.url ? `${moduleOf(f.url)}:${f.lineNumber + 1}` : '';
    return `${f.functionName || '(anonymous)'}${where ? ` ${where}` : ''}`;
  };
  const isIdle = (id) => nodes.get(id).callFrame.functionName === '(idle)';
  const self = new Map();
  let total = 0;
  let idle = 0;
  for (const [id, us] of selfUs) {
    total += us;
    if (isIdle(id)) {
      idle += us;
      continue;
    }
    const name = key(nodes.get(id));
    self.set(name, (self.get(name) ?? 0) + us);
  }
  // Total time per function of the project's own modules (not lit, date-fns, ...): each sample
  // counts once for every distinct such function on its stack.
  const inclusive = new Map();
  for (const [id, us] of selfUs) {
    const seen = new Set();
    for (let n = id; n !== undefined; n = parent.get(n)) {
      const node = nodes.get(n);
      const name = key(node);
      const url = node.callFrame.url;
      if (seen.has(name) || !url || url.includes('/node_modules/')) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + us);
    }
  }
  // Self time per module (file), with V8's pseudo-frames kept apart.
  const byModule = new Map();
  for (const [id, us] of selfUs) {
    const f = nodes.get(id).callFrame;
    if (isIdle(id)) continue;
    const m = f.url ? moduleOf(f.url) : /^\(/.test(f.functionName) ? f.functionName : `(native) ${f.functionName}`;
    byModule.set(m, (byModule.get(m) ?? 0) + us);
  }
  const top = (m, n = k) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
  return { totalMs: total / 1000, busyMs: (total - idle) / 1000, self: top(self), inclusive: top(inclusive, 12), modules: top(byModule, 8) };
}

/**
 * CPU profiles of the largest programme, with the unminified build: the load (with a trace on the
 * same clock, to pick out the time from data arrival to first render and the longest task), then
 * the filter changes. Raw profiles go to bench/out/*.cpuprofile (they open in DevTools).
 */
async function profileLargest(browser, n) {
  const { server, base } = await serve(PROFILE_DIST, 'index.js');
  const { context, page } = await newPage(browser);
  try {
    await page.goto(`${base}/blank`);
    const cdp = await page.createCDPSession();
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await page.tracing.start({ categories: ['__metadata', 'toplevel', 'blink.user_timing', 'disabled-by-default-devtools.timeline'] });
    await cdp.send('Profiler.start');
    await page.goto(`${base}/?n=${n}${flags.view ? `&view=${flags.view}` : ''}`, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
    const loadResult = await page.evaluate(pageResults, n, WINDOW_MS);
    const loadProfile = (await cdp.send('Profiler.stop')).profile;
    const trace = JSON.parse(Buffer.from(await page.tracing.stop()).toString('utf8'));
    writeFileSync(join(OUT, `profile-load-${n}.cpuprofile`), JSON.stringify(loadProfile));
    const longest = longestTraceTask(trace, loadResult.firstRender, WINDOW_MS);
    const mark = (trace.traceEvents ?? trace).find((e) => e.name === 'bench:first-render');
    const origin = mark.ts - loadResult.firstRender * 1000;
    const windows = {
      whole: summariseProfile(loadProfile),
      afterData: summariseProfile(loadProfile, { from: origin + loadResult.dataArrived * 1000, to: mark.ts }),
      longest: longest.ts !== undefined ? summariseProfile(loadProfile, { from: longest.ts, to: longest.ts + longest.ms * 1000 }) : undefined,
    };
    await cdp.send('Profiler.start');
    const interaction = await page.evaluate(pageResponsiveness, SEARCH_WORD);
    const filterProfile = (await cdp.send('Profiler.stop')).profile;
    writeFileSync(join(OUT, `profile-filters-${n}.cpuprofile`), JSON.stringify(filterProfile));
    return { windows, longest, loadResult, interact: summariseProfile(filterProfile), interaction };
  } finally {
    await context.close();
    server.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Output.

function table(headers, rows) {
  const cells = [headers, ...rows].map((r) => r.map((c) => String(c ?? '–')));
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r) => `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  return [
    line(cells[0]),
    `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`,
    ...cells.slice(1).map(line),
  ].join('\n');
}
const ms = (v) => (v === undefined ? '–' : Math.round(v).toLocaleString('en'));
const mib = (v) => (v === undefined ? '–' : v.toFixed(1));
const task = (v) => (v === undefined ? '–' : v === 0 ? '<50' : Math.round(v).toLocaleString('en'));

async function main() {
  const started = Date.now();
  await prepare();
  const { server, base } = await serve(join(ROOT, 'dist'));
  const browser = await puppeteer.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
  const results = {};
  let broken = false;
  try {
    const version = await browser.version();
    log(`${version}, ${base}, ${runs} loads per size`);
    for (const n of sizes) {
      const loads = [];
      const errors = [];
      for (let i = 0; i < runs; i++) {
        try {
          const r = await measure(browser, base, n);
          loads.push(r);
          log(
            `  ${n} #${i + 1}: data ${ms(r.dataArrived)} ms, render ${ms(r.firstRender)} ms, longest task ${task(r.longestTask)} ms, heap ${mib(r.heapMiB)} MiB, shadow nodes ${r.shadow.nodes}, search ${ms(r.responsiveness?.search.ms)} ms, day ${ms(r.responsiveness?.day.ms)} ms${r.problems.length ? `; ${r.problems.join('; ')}` : ''}`,
          );
        } catch (e) {
          errors.push(e.message);
          log(`  ${n} #${i + 1}: FAILED ${e.message}`);
        }
      }
      let traced;
      if (!flags['no-trace']) {
        try {
          traced = (await measure(browser, base, n, { trace: true, interact: false })).trace;
          log(`  ${n} traced: longest task ${ms(traced.ms)} ms (cpu ${ms(traced.cpuMs)} ms) at ${ms(traced.at)} ms (${traced.inside?.join(', ')})`);
        } catch (e) {
          traced = { error: e.message };
          log(`  ${n} traced: FAILED ${e.message}`);
        }
      }
      const data = [];
      for (let i = 0; i < 3; i++) {
        try {
          data.push(await dataOnly(browser, base, n));
        } catch (e) {
          log(`  ${n} data alone: FAILED ${e.message}`);
        }
      }
      const dataHeap = median(data.map((d) => d.heapMiB));
      const dataParse = median(data.map((d) => d.parseMs));
      log(`  ${n} data alone (text + JSON.parse, median of ${data.length}): ${ms(dataParse)} ms after the response, heap ${mib(dataHeap)} MiB`);
      if (!loads.length) broken = true;
      results[n] = { loads, errors, traced, dataHeap, dataParse, size: statSync(join(OUT, `programme-${n}.json`)).size };
    }

    let profile;
    if (flags.profile) {
      const n = Math.max(...sizes);
      log(`profiling ${n} (unminified build in bench/out/profile-dist)…`);
      profile = { n, ...(await profileLargest(browser, n)) };
    }

    // ---- the report
    const pick = (n, f) => median(results[n].loads.map(f));
    const headers = [
      'sessions',
      'data arrived ms',
      'first render ms',
      'render after data ms',
      'longest task ms',
      'heap MiB',
      'shadow nodes',
      'search ms',
      'day filter ms',
    ];
    const rows = sizes.map((n) => [
      n.toLocaleString('en'),
      ms(pick(n, (r) => r.dataArrived)),
      ms(pick(n, (r) => r.firstRender)),
      ms(pick(n, (r) => r.firstRender - r.dataArrived)),
      task(pick(n, (r) => r.longestTask)),
      mib(pick(n, (r) => r.heapMiB)),
      ms(pick(n, (r) => r.shadow.nodes)),
      ms(pick(n, (r) => r.responsiveness?.search.ms)),
      ms(pick(n, (r) => r.responsiveness?.day.ms)),
    ]);
    const args = process.argv.slice(2).join(' ');
    const command = process.env.npm_lifecycle_event === 'bench' ? `npm run bench${args ? ` -- ${args}` : ''}` : `node bench/run.mjs${args ? ` ${args}` : ''}`;
    const bundle = statSync(BUNDLE);
    console.log(`\nprogramme-elements bench: medians of ${runs} fresh loads per size (${await browser.version()}, 1280x900, headless)`);
    console.log(`command: ${command}   (cwd ${ROOT})`);
    console.log(
      `machine: load average ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')} on ${availableParallelism()} CPUs at the end (other processes running make the times noisy)`,
    );
    console.log(`bundle: dist/programme-elements.min.js, ${(bundle.size / 1024).toFixed(1)} KiB, built ${bundle.mtime.toISOString()}\n`);
    console.log(table(headers, rows));
    console.log(
      `\ndata arrived: responseEnd of the programme JSON; first render: the list's shadow root first holds a [data-session] row; both from navigation start.` +
        `\nlongest task: PerformanceObserver 'longtask' up to ${WINDOW_MS / 1000} s after first render ("<50": none). heap: JS heap used after GC.` +
        `\nsearch: "${SEARCH_WORD}" typed into the search box until the count line changes (includes the list's own 150 ms input debounce); day filter: the second day chosen.`,
    );

    const details = sizes.map((n) => {
      const r = results[n];
      return [
        n.toLocaleString('en'),
        mib(r.size / 1048576),
        ms(pick(n, (x) => x.firstFrame - x.dataArrived)),
        r.traced?.ms !== undefined ? `${ms(r.traced.ms)} (cpu ${ms(r.traced.cpuMs)}; ${r.traced.over50} >50)` : (r.traced?.error ?? '–'),
        ms(r.dataParse),
        mib(r.dataHeap),
        `${ms(pick(n, (x) => x.rowsAtFirstRender))} / ${ms(pick(n, (x) => x.rowsAfter))}`,
        ms(pick(n, (x) => x.shadow.elements)),
        ms(pick(n, (x) => x.shadow.roots)),
        ms(pick(n, (x) => x.domNodes)),
        ms(pick(n, (x) => x.responsiveness?.search.frameMs)),
        ms(pick(n, (x) => x.responsiveness?.day.frameMs)),
        ms(pick(n, (x) => x.responsiveness?.dayReset.ms)),
        `${r.loads.length}/${runs}`,
      ];
    });
    console.log('\ndetails (medians):');
    console.log(
      table(
        [
          'sessions',
          'JSON MiB',
          'frame after data ms',
          'trace longest task ms',
          'parse alone after data ms',
          'heap of data alone MiB',
          'rows first / after 2 s',
          'shadow elements',
          'shadow roots',
          'all DOM nodes',
          'search → frame ms',
          'day → frame ms',
          'all days again ms',
          'loads ok',
        ],
        details,
      ),
    );
    for (const n of sizes) {
      const r = results[n];
      if (r.traced?.inside?.length)
        console.log(
          `trace ${n}: longest task ${ms(r.traced.ms)} ms (main thread on CPU ${ms(r.traced.cpuMs)} ms) at ${ms(r.traced.at)} ms after navigation start; inside it (ms, nested events overlap): ${r.traced.inside.join(', ')}`,
        );
      const tasks = r.loads.map((l) => l.longTasks.map((t) => `${t.duration}@${t.start}`).join(' ') || 'none');
      console.log(`long tasks ${n} (duration@start ms, per load): ${tasks.join(' | ')}`);
      for (const e of r.errors) console.log(`failed load ${n}: ${e}`);
      const problems = [...new Set(r.loads.flatMap((l) => l.problems))];
      for (const p of problems) console.log(`page problem ${n}: ${p}`);
    }
    if (profile) {
      const show = (title, p) => {
        if (!p) return;
        console.log(`\n${title}: ${ms(p.busyMs)} ms of ${ms(p.totalMs)} ms sampled were busy`);
        console.log(
          table(
            ['self time: function', 'ms'],
            p.self.map(([k, us]) => [k, (us / 1000).toFixed(1)]),
          ),
        );
        console.log(
          table(
            ['total time: function of src/ (callees included)', 'ms'],
            p.inclusive.map(([k, us]) => [k, (us / 1000).toFixed(1)]),
          ),
        );
        console.log(
          table(
            ['self time: module', 'ms'],
            p.modules.map(([k, us]) => [k, (us / 1000).toFixed(1)]),
          ),
        );
      };
      const { loadResult: lr, longest, windows } = profile;
      console.log(
        `\nCPU profiles of ${profile.n} sessions: the same sources built unminified, one file per module (bench/out/profile-dist), sampled every 200 µs.`,
      );
      console.log(
        `"(program)" is the browser's own work outside JavaScript (reading and decoding the response, parsing HTML, style, layout). Raw profiles: bench/out/profile-*.cpuprofile.`,
      );
      console.log(
        `This load: data at ${ms(lr.dataArrived)} ms, first render at ${ms(lr.firstRender)} ms; longest task ${ms(longest.ms)} ms (cpu ${ms(longest.cpuMs)} ms) at ${ms(longest.at)} ms.`,
      );
      show(`load, from data arrival to first render (${ms(lr.firstRender - lr.dataArrived)} ms)`, windows.afterData);
      show(`load, inside the longest task (${ms(longest.ms)} ms)`, windows.longest);
      console.log(
        table(
          ['whole load (navigation to 2 s after first render): self time by module', 'ms'],
          windows.whole.modules.map(([k, us]) => [k, (us / 1000).toFixed(1)]),
        ),
      );
      show(
        `filters (day ${ms(profile.interaction.day.ms)} ms, all days ${ms(profile.interaction.dayReset.ms)} ms, search "${SEARCH_WORD}" ${ms(profile.interaction.search.ms)} ms with its 150 ms debounce)`,
        profile.interact,
      );
    }
    const file = flags.json ? String(flags.json) : join(OUT, 'results.json');
    writeFileSync(file, JSON.stringify({ command, date: new Date().toISOString(), sizes, runs, results, profile }, null, 1));
    console.log(`\nall numbers: ${relative(process.cwd(), file) || file}; took ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    const t = Date.now();
    await browser.close();
    server.closeAllConnections();
    server.close();
    log(`closed in ${Date.now() - t} ms`);
  }
  if (broken) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
