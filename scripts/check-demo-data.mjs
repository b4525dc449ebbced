#!/usr/bin/env node
// Checks the demo programme (demo/programme.json by default, or the file given as the first
// argument) against the basic shape of the programme format v1 and prints counts.
// Plain Node, no dependencies: the full validator (src/data/validate.ts) is TypeScript.
// Exits with status 1 when a problem is found.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const file = process.argv[2] ? resolve(process.argv[2]) : resolve(root, 'demo/programme.json');

// Same pattern as DATE_TIME_WITH_OFFSET in src/data/validate.ts.
const DATE_TIME_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
// Anything that looks like markup: the data must be plain text.
const LOOKS_LIKE_HTML = /<\/?[a-z][\s\S]*?>|&[a-z]+;|&#\d+;/i;

const problems = [];
const fail = (path, message) => problems.push(`${path.replace(/^\./, '')}: ${message}`);
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

const ids = new Map();
const counts = { panels: 0, sessions: 0, papers: 0, people: 0 };
const days = new Map();
const locations = new Set();
const themes = new Set();
const formats = new Set();

function str(o, key, path, required) {
  const v = o[key];
  if (v === undefined) {
    if (required) fail(`${path}.${key}`, 'is required');
    return undefined;
  }
  if (typeof v !== 'string') return fail(`${path}.${key}`, 'is not a string');
  if (required && v.trim() === '') return fail(`${path}.${key}`, 'must not be empty');
  if (LOOKS_LIKE_HTML.test(v)) fail(`${path}.${key}`, 'looks like HTML; text must be plain');
  return v;
}

function id(o, path) {
  const v = str(o, 'id', path, true);
  if (v === undefined) return;
  if (ids.has(v)) fail(`${path}.id`, `"${v}" is already the id of ${ids.get(v)}`);
  else ids.set(v, path.replace(/^\./, ''));
}

function list(o, key, path, each) {
  const v = o[key];
  if (v === undefined) return;
  if (!Array.isArray(v)) return fail(`${path}.${key}`, 'is not an array');
  v.forEach((item, i) => {
    const p = `${path}.${key}[${i}]`;
    if (!isObject(item)) fail(p, 'is not an object');
    else each(item, p);
  });
}

function person(p, path) {
  counts.people++;
  str(p, 'name', path, true);
  str(p, 'affiliation', path, false);
}

function instant(o, key, path) {
  const v = str(o, key, path, true);
  if (v === undefined) return undefined;
  const t = Date.parse(v);
  if (!DATE_TIME_WITH_OFFSET.test(v) || Number.isNaN(t)) {
    fail(`${path}.${key}`, `"${v}" is not an ISO 8601 date-time with an offset`);
    return undefined;
  }
  return t;
}

function paper(p, path) {
  counts.papers++;
  id(p, path);
  str(p, 'title', path, true);
  list(p, 'authors', path, person);
  str(p, 'shortAbstract', path, false);
  str(p, 'abstract', path, false);
}

function session(s, path, panel) {
  counts.sessions++;
  id(s, path);
  str(s, 'title', path, false);
  const start = instant(s, 'start', path);
  const end = instant(s, 'end', path);
  if (start !== undefined && end !== undefined && !(start < end)) fail(`${path}.end`, 'is not after start');
  const location = str(s, 'location', path, false) ?? panel.location;
  if (location) locations.add(location);
  if (start !== undefined) {
    const day = s.start.slice(0, 10); // the local date as written, in the session's own offset
    days.set(day, (days.get(day) ?? 0) + 1);
  }
  list(s, 'papers', path, paper);
}

function panel(p, path) {
  counts.panels++;
  id(p, path);
  str(p, 'title', path, true);
  for (const key of ['format', 'theme', 'location', 'description', 'url']) str(p, key, path, false);
  if (typeof p.theme === 'string') themes.add(p.theme);
  if (typeof p.format === 'string') formats.add(p.format);
  for (const key of ['convenors', 'chairs', 'discussants']) list(p, key, path, person);
  list(p, 'sessions', path, (s, sp) => session(s, sp, p));
}

let doc;
try {
  doc = JSON.parse(readFileSync(file, 'utf8'));
} catch (error) {
  console.error(`${file}: ${error.message}`);
  process.exit(1);
}

if (!isObject(doc)) fail('(document)', 'is not an object');
else {
  if (doc.version !== 1) fail('version', 'must be 1');
  if (!isObject(doc.conference)) fail('conference', 'is required and must be an object');
  else {
    const c = doc.conference;
    str(c, 'id', 'conference', true);
    str(c, 'title', 'conference', true);
    const tz = str(c, 'timeZone', 'conference', true);
    if (tz !== undefined) {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
      } catch {
        fail('conference.timeZone', `"${tz}" is not an IANA time zone`);
      }
    }
    str(c, 'locale', 'conference', false);
    str(c, 'url', 'conference', false);
  }
  if (!Array.isArray(doc.panels)) fail('panels', 'is required and must be an array');
  else list(doc, 'panels', '', panel);
}

const rel = file.startsWith(root + '/') ? file.slice(root.length + 1) : file;
if (problems.length) {
  console.error(`${rel}: ${problems.length} problem(s)`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}

console.log(`${rel}: ok`);
console.log(`  panels ${counts.panels}, sessions ${counts.sessions}, papers ${counts.papers}, people named ${counts.people}, ids ${ids.size}`);
console.log(`  days ${days.size}: ${[...days].sort().map(([d, n]) => `${d} (${n})`).join(', ')}`);
console.log(`  locations ${locations.size}: ${[...locations].sort().join(', ')}`);
console.log(`  themes ${themes.size}, formats ${formats.size}: ${[...formats].sort().join(', ')}`);
