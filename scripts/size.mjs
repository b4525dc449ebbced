#!/usr/bin/env node
/**
 * Prints the gzip size (level 9) of what a user downloads: the self-contained file, its lazy
 * chunks, and each ESM entry together with the chunks it imports statically (Lit is the
 * user's own dependency there, so it is not counted). Run `npm run build` first.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = resolve('dist');
if (!existsSync(join(dist, 'programme-elements.min.js'))) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}
/**
 * The self-contained file (every element's first render; the rest lazy beside it). 28,000 B is the
 * budget set in issue 11, still more than five times smaller than the best-known peer's 158,771 B.
 */
const BUDGET = 28_000;
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
for (const lazy of readdirSync(join(dist, 'lazy')).sort()) rows.push([`  lazy/${lazy} (loaded on demand)`, gz(join(dist, 'lazy', lazy))]);
for (const entry of ['index', 'core', 'programme-source', 'panel-card', 'abstract-view', 'star-toggle', 'session-list']) {
  const file = join(dist, `${entry}.js`);
  if (!existsSync(file)) continue;
  const files = [...closure(file)];
  const bytes = gzipSync(Buffer.concat(files.map((f) => readFileSync(f))), { level: 9 }).length;
  rows.push([`${entry}.js (ESM, Lit external; ${files.length} files)`, bytes]);
}
const width = Math.max(...rows.map(([name]) => name.length));
for (const [name, bytes] of rows) console.log(`${name.padEnd(width)}  ${String(bytes).padStart(6)} B gzip`);
const total = rows[0][1];
console.log(`\nself-contained file: ${total} of ${BUDGET} bytes budget (${total <= BUDGET ? 'within' : 'OVER'} budget)`);
// Sizes are deterministic: a file over budget fails the build.
if (total > BUDGET) process.exitCode = 1;
