#!/usr/bin/env node
/**
 * Prints the gzip size (level 9) of what a user downloads: the self-contained file, its lazy
 * chunks, and each ESM entry together with the chunks it imports statically (Lit is the
 * user's own dependency there, so it is not counted). Run `npm run build` first.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import commonjs from '@rollup/plugin-commonjs';
import resolveNode from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { rollup } from 'rollup';

const dist = resolve('dist');
if (!existsSync(join(dist, 'programme-elements.min.js'))) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}
/**
 * The self-contained file (every element's first render; the rest lazy beside it). Issue 11 set
 * 28,000 B; issue 12's list (day tabs, people, theme chips, filter counts, chips, partly stars,
 * sign-in, print) needed 1.5 KB more after everything not needed for a first render was made lazy,
 * so the budget became 30,000 B. Issue 14 (every feed format, all lazy) still costs a page of our
 * own format about 130 B: the loader hands a body that is not JSON to the importers, the element's
 * time-zone stands in for a feed that names none, and the page says so in words (needsTimeZone);
 * and the validator's bounds on text lengths and list sizes (LIMITS), which keep a hostile document
 * from holding the page, about 110 B more. Hence 30,300 B. Issue 15 (a schedule on a real server)
 * adds about 1 KB that a first render needs: a star whose change met a signed-out server keeps it
 * and says so, an unreadable schedule shows its reason above the stars and fires `schedule`, the
 * store takes the state that won from the server, the menu offers the calendar address, and the
 * slot where earlier browser-only stars are offered into the account (its code is lazy); and the
 * list marks the reader's clashing sessions (about 300 B), and its menu offers the calendar address
 * and a share link (their code is lazy; their words are not, as every string of an element is in
 * its words object), and each session of a card has "Add to calendar" (a disclosure whose links
 * load when opened). Hence 32,500 B. Issue 16: a part that cannot be loaded (a copy without its
 * lazy/ folder) is said in words and fired as `missing-code`, never a silent no-op (about 330 B,
 * LazyParts and its words). Hence 33,000 B. Issues 13 and 14 (no task over 100 ms at 5,000
 * sessions): a big body is read in a Worker; the page keeps the same reader for small bodies and
 * for pages that allow no Worker, decides which, and starts the Worker while a body the server
 * says is big still downloads, about 100 ms sooner at 5,000 sessions (about 260 B; the Worker's own
 * code and the page's side of it are lazy). Links from data are links only when written in full
 * (about 50 B). Hence 33,300 B: still about five times smaller than the best-known
 * peer's 158,771 B.
 */
const BUDGET = 33_300;
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

/** The file and every local module it imports statically, transitively. */
function closure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  for (const [, spec] of text.matchAll(/(?:\bfrom\s*|\bimport\s*)["'](\.{1,2}\/[^"']+)["']/g)) {
    closure(resolve(dirname(file), spec), seen);
  }
  return seen;
}

const rows = [];
const min = join(dist, 'programme-elements.min.js');
rows.push(['programme-elements.min.js (self-contained, every element)', gz(min)]);
for (const lazy of readdirSync(join(dist, 'lazy'), { recursive: true }).sort()) {
  if (lazy.endsWith('.js'))
    rows.push([
      `  lazy/${lazy} (loaded on demand${lazy.startsWith('worker/') || lazy.startsWith('read-worker') ? ', in the reader Worker' : ''})`,
      gz(join(dist, 'lazy', lazy)),
    ]);
}
for (const entry of ['index', 'core', 'programme-source', 'panel-card', 'abstract-view', 'star-toggle', 'session-list']) {
  const file = join(dist, `${entry}.js`);
  if (!existsSync(file)) continue;
  const files = [...closure(file)];
  const bytes = gzipSync(Buffer.concat(files.map((f) => readFileSync(f))), { level: 9 }).length;
  rows.push([`${entry}.js (ESM, Lit external; ${files.length} files)`, bytes]);
}
/**
 * A page of `<panel-card>`s and stars from the npm entries, as a site's bundler would ship it: the
 * `panel-card.js` entry with Lit, resolved and minified, everything it needs before first render
 * (lazy chunks stay apart). 20,000 B is the budget set in issue 11; issue 15's signed-out keeping,
 * unreadable-schedule reason and offer slot (above), and each session's "Add to calendar"
 * disclosure (its links lazy), and the star that takes focus when the reader is back from signing
 * in, made it 20,900 B; issue 16's missing-part message (above) 21,300 B; reading big bodies in
 * a Worker and links only when written in full (above) 21,600 B.
 */
const CARDS_BUDGET = 21_600;
/** A page of only a `<session-list>`, the same way: 28,000 B before first render (issue 12), 29,300 B with issue 15's part (clashes, calendar and share words included), 29,700 B with issue 16's missing-part message, 29,950 B with reading big bodies in a Worker. */
const LIST_BUDGET = 29_950;
async function pageOf(entry) {
  const bundle = await rollup({ input: join(dist, entry), plugins: [resolveNode({ browser: true }), commonjs()], onwarn: () => {} });
  const { output } = await bundle.generate({ format: 'es', plugins: [terser({ ecma: 2022, module: true, format: { comments: false } })] });
  await bundle.close();
  const byName = new Map(output.map((chunk) => [chunk.fileName, chunk]));
  const needed = new Set();
  const visit = (chunk) => {
    if (needed.has(chunk)) return;
    needed.add(chunk);
    for (const name of chunk.imports) visit(byName.get(name));
  };
  visit(output.find((chunk) => chunk.type === 'chunk' && chunk.isEntry));
  return gzipSync(Buffer.concat([...needed].map((chunk) => Buffer.from(chunk.code))), { level: 9 }).length;
}
const cards = await pageOf('panel-card.js');
rows.push(['panel-card.js with Lit, bundled and minified (a page of cards)', cards]);
const list = await pageOf('session-list.js');
rows.push(['session-list.js with Lit, bundled and minified (a page of a list)', list]);

const width = Math.max(...rows.map(([name]) => name.length));
for (const [name, bytes] of rows) console.log(`${name.padEnd(width)}  ${String(bytes).padStart(6)} B gzip`);
const total = rows[0][1];
const verdict = (bytes, budget) => `${bytes} of ${budget} bytes budget (${bytes <= budget ? 'within' : 'OVER'} budget)`;
console.log(`\nself-contained file: ${verdict(total, BUDGET)}`);
console.log(`a page of <panel-card>s with Lit: ${verdict(cards, CARDS_BUDGET)}`);
console.log(`a page of a <session-list> with Lit: ${verdict(list, LIST_BUDGET)}`);
// Sizes are deterministic: a file over budget fails the build.
if (total > BUDGET || cards > CARDS_BUDGET || list > LIST_BUDGET) process.exitCode = 1;
