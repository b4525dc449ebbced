/**
 * Does `programme-elements render` write static HTML that holds everything the element shows, only
 * in tags and attributes WordPress keeps, and refuse bad input clearly, writing nothing? Runs the
 * command as a person does (`node bin/programme-elements.mjs render …`, on dist/cli.js: run
 * `npx rollup -c` first) and calls `render` from dist/cli.js for the fragment's contents; renders a
 * generated 5,000-session programme and prints how long that took.
 *
 *   node --test test/node/render.test.mjs
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { generateProgramme } from '../../bench/generate.mjs';
import { render } from '../../dist/cli.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const DEMO = 'demo/programme.json';
const demo = JSON.parse(await readFile(join(root, DEMO), 'utf8'));
const P021 = demo.panels.find((p) => p.id === 'P021');

/** Runs the command line; resolves with its exit code and output, and how long it took (ms). */
function cli(...args) {
  const started = performance.now();
  return new Promise((resolve) =>
    execFile(
      process.execPath,
      ['bin/programme-elements.mjs', ...args],
      { cwd: root, maxBuffer: 256 * 1024 * 1024, timeout: 120_000 },
      (error, stdout, stderr) => resolve({ code: error ? (error.code ?? 1) : 0, stdout, stderr, ms: performance.now() - started }),
    ),
  );
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
/** The text of an HTML fragment, as a reader reads it: tags gone, entities decoded, spaces collapsed. */
const textOf = (html) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, name) => ENTITIES[name])
    .replace(/\s+/g, ' ')
    .trim();
const norm = (text) => text.replace(/\s+/g, ' ').trim();

/** WordPress's `post` allow-list (wp-includes/kses.php, 6.4+), as the browser test has it: `time` is not on it. */
const WORDPRESS = JSON.parse(await readFile(join(root, 'test/fixtures/wordpress-kses.json'), 'utf8'));
const KSES = WORDPRESS.tags;
const keptByWordPress = (tag, attribute) => WORDPRESS.global.includes(attribute) || attribute.startsWith('data-') || KSES[tag]?.includes(attribute);

/** Every tag and attribute of `html` that WordPress would strip (`style` counts: no inline styles). */
function stripped(html) {
  const out = [];
  for (const [, tag, rest] of html.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)) {
    if (!(tag in KSES)) out.push(`<${tag}>`);
    for (const [, name] of rest.matchAll(/\s([^\s=]+)="[^"]*"/g)) if (name === 'style' || !keptByWordPress(tag, name)) out.push(`${tag}[${name}]`);
  }
  return out;
}

let dir;
let closedPort;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'programme-render-'));
  // A port nothing listens on: a server's, once closed.
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  closedPort = server.address().port;
  await new Promise((resolve) => server.close(resolve));
});
after(() => rm(dir, { recursive: true, force: true }));

describe('render: the seed panel (P021)', () => {
  let html;
  let text;
  before(async () => {
    const run = await cli('render', DEMO, '--element', 'panel-card', '--panel-id', 'P021');
    assert.equal(run.code, 0, run.stderr);
    html = run.stdout;
    text = textOf(html);
  });

  test('holds every field of the panel, its people, sessions and papers', () => {
    const expected = [P021.title, P021.format, P021.theme, P021.location, 'Format', 'Theme', 'Location', 'Convenors', 'Chairs', 'Discussants'];
    for (const list of [P021.convenors, P021.chairs, P021.discussants]) for (const p of list ?? []) expected.push(p.name, `(${p.affiliation})`);
    expected.push('Sessions', 'Accepted papers', 'Time zone: Asia/Almaty (UTC+05:00)');
    for (const session of P021.sessions) {
      expected.push(`${session.title}:`, 'Sunday, June 9, 2024, 9:00 AM\u2009\u2013\u200910:45 AM');
      for (const paper of session.papers) {
        expected.push(paper.title, ...paper.authors.flatMap((a) => [a.name, `(${a.affiliation})`]), norm(paper.shortAbstract));
        for (const paragraph of paper.abstract.split(/\n\s*\n/)) expected.push(norm(paragraph));
      }
    }
    for (const piece of expected) assert.ok(text.includes(norm(piece)), `missing: ${piece}`);
  });

  test('carries the deep-link ids and the instants, and is made only of what WordPress keeps', () => {
    const ids = [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]);
    const items = ['P021', ...P021.sessions.flatMap((s) => [s.id, ...s.papers.map((p) => p.id)])];
    assert.deepEqual([...ids].sort(), [...items].sort());
    assert.match(html, /<h2 class="pe-title" id="P021">/);
    assert.ok(html.includes(`data-start="${P021.sessions[0].start}" data-end="${P021.sessions[0].end}"`));
    assert.deepEqual(stripped(html), []);
    assert.doesNotMatch(html, /<time|style=|<script|star-toggle|★/i);
    assert.doesNotMatch(html, /\n\s*\n/, 'a blank line becomes a paragraph in WordPress');
  });

  test('the abstracts are paragraphs, the languages and zones those asked for', async () => {
    const paragraphs = P021.sessions[0].papers[0].abstract.split(/\n\s*\n/).length;
    const first = html.slice(html.indexOf('id="P021-1-a"'), html.indexOf('id="P021-1-b"'));
    assert.equal([...first.matchAll(/<p>/g)].length, paragraphs);
    const de = await render(join(root, DEMO), { element: 'panel-card', panelId: 'P021', lang: 'de' });
    assert.match(de.html, /lang="de"/);
    for (const word of ['Sitzungen', 'Angenommene Beiträge', 'Zeitzone: Asia/Almaty (UTC+05:00)', 'Sonntag, 9. Juni 2024, 09:00\u2009\u2013\u200910:45'])
      assert.ok(textOf(de.html).includes(norm(word)), word);
    const berlin = await render(join(root, DEMO), { element: 'panel-card', panelId: 'P021', timeZone: 'Europe/Berlin' });
    assert.ok(textOf(berlin.html).includes(norm('Sunday, June 9, 2024, 6:00 AM\u2009\u2013\u20097:45 AM')));
    assert.ok(textOf(berlin.html).includes('Time zone: Europe/Berlin (UTC+02:00)'));
  });
});

describe('render: a session list, an abstract, the stylesheet, --enhance', () => {
  test('the whole demo programme by day, with the list’s words, ids and presets', async () => {
    const run = await cli('render', DEMO, '--element=session-list');
    assert.equal(run.code, 0, run.stderr);
    const sessions = demo.panels.flatMap((p) => p.sessions ?? []);
    assert.equal([...run.stdout.matchAll(/<li class="pe-row"/g)].length, sessions.length);
    assert.deepEqual(
      [...run.stdout.matchAll(/<h2 class="pe-day-heading" id="([^"]+)">([^<]*)</g)].map((m) => [m[1], m[2]]),
      [
        ['2024-06-07', 'Friday, June 7, 2024'],
        ['2024-06-08', 'Saturday, June 8, 2024'],
        ['2024-06-09', 'Sunday, June 9, 2024'],
        ['2024-06-10', 'Monday, June 10, 2024'],
      ],
    );
    for (const s of sessions) assert.ok(run.stdout.includes(`id="${s.id}"`), s.id);
    const text = textOf(run.stdout);
    for (const piece of ['18 sessions', 'Times are in Kazakhstan Time (UTC+05:00), the conference’s time zone.', '1 h 45 min', P021.title])
      assert.ok(text.includes(piece), piece);
    assert.deepEqual(stripped(run.stdout), []);
    const ours = await cli('render', DEMO, '--element', 'session-list', '--panel-ids', 'P021,P003', '--panel-href', '/programme/{id}');
    assert.equal(ours.code, 0, ours.stderr);
    assert.ok(textOf(ours.stdout).includes('Showing 3 of 18 sessions'));
    assert.ok(ours.stdout.includes('<a href="/programme/P021">'));
  });

  test('one abstract, and text that looks like HTML stays text', async () => {
    const run = await cli('render', DEMO, '--element', 'abstract-view', '--paper-id', 'P021-1-b');
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^<div class="pe-abstract-view" id="P021-1-b" lang="en">/);
    const hostile = await cli('render', 'test/fixtures/programmes/hostile.json', '--element', 'panel-card', '--panel-id', 'HTML');
    assert.equal(hostile.code, 0, hostile.stderr);
    assert.deepEqual(stripped(hostile.stdout), []);
    assert.doesNotMatch(hostile.stdout, /<(img|script|iframe|svg|style|template|math)|href="javascript/i);
    assert.ok(hostile.stdout.includes('&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;'));
    // A blank line starts a paragraph, a single line break stays one.
    const file = join(dir, 'lines.json');
    const paper = { id: 'L-1-a', title: 'Lines', abstract: 'line one\nline two\n\n  second & last  ' };
    const session = { id: 'L-1', start: '2024-06-09T09:00:00Z', end: '2024-06-09T10:00:00Z', papers: [paper] };
    await writeFile(
      file,
      JSON.stringify({ version: 1, conference: { id: 'c', title: 'C', timeZone: 'UTC' }, panels: [{ id: 'L', title: 'L', sessions: [session] }] }),
    );
    const lines = await render(file, { element: 'abstract-view', paperId: 'L-1-a' });
    assert.ok(lines.html.includes('<p>line one<br>line two</p>\n<p>second &amp; last</p>'), lines.html);
  });

  test('--css writes the stylesheet beside --out, or prints it alone', async () => {
    const out = join(dir, 'panel.html');
    const run = await cli('render', DEMO, '--element', 'panel-card', '--panel-id', 'P021', '--out', out, '--css');
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, '');
    assert.match(await readFile(out, 'utf8'), /^<article class="pe-panel-card"/);
    const css = await readFile(join(dir, 'panel.css'), 'utf8');
    assert.match(css, /\.pe-panel-card/);
    const alone = await cli('render', '--css');
    assert.equal(alone.code, 0, alone.stderr);
    assert.equal(alone.stdout, css);
  });

  test('--enhance wraps the static copy in the element, with its attributes', async () => {
    const run = await cli(
      'render',
      DEMO,
      '--element',
      'session-list',
      '--theme',
      'History',
      '--enhance',
      '--src',
      '/programme.json',
      '--time-zone',
      'Europe/Berlin',
    );
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^<session-list src="\/programme.json" time-zone="Europe\/Berlin" theme="History">\n<div class="pe-session-list"/);
    assert.match(run.stdout, /<\/div>\n<\/session-list>\n$/);
    const card = await render(join(root, DEMO), { element: 'panel-card', panelId: 'P021', enhance: true, src: 'https://example.org/programme.json' });
    assert.match(card.html, /^<panel-card panel-id="P021" src="https:\/\/example.org\/programme.json">/);
  });
});

describe('render: bad input says why, exits non-zero and writes nothing', () => {
  const cases = [
    ['an unknown element', ['--element', 'panel-list'], 2, 'Unknown element "panel-list": use panel-card, session-list, abstract-view.'],
    ['an unknown panel id', ['--element', 'panel-card', '--panel-id', 'P999'], 1, 'Panel P999 is not in this programme.'],
    ['an unknown paper id', ['--element', 'abstract-view', '--paper-id', 'P021-9-z'], 1, 'Paper P021-9-z is not in this programme.'],
    ['an unknown format', ['--element', 'session-list', '--format', 'excel'], 2, 'Unknown format "excel"'],
    ['no panel id', ['--element', 'panel-card'], 2, '--element panel-card needs --panel-id=ID.'],
    ['a flag for another element', ['--element', 'session-list', '--paper-id', 'P021-1-a'], 2, '--paper-id is for --element abstract-view'],
    [
      '--enhance from a file without --src',
      ['--element', 'panel-card', '--panel-id', 'P021', '--enhance'],
      2,
      '--enhance needs to know where the page loads the programme from',
    ],
    ['an unknown zone', ['--element', 'session-list', '--time-zone', 'Europe/Atlantis'], 2, '"Europe/Atlantis" is not an IANA time zone'],
    ['a language without words', ['--element', 'session-list', '--lang', 'fr'], 2, 'No words for --lang "fr"'],
    [
      'a day the programme does not have',
      ['--element', 'session-list', '--day', '2024-06-11'],
      1,
      '--day "2024-06-11" is not in this programme; it has: 2024-06-07',
    ],
  ];
  for (const [what, args, code, message] of cases) {
    test(what, async () => {
      const out = join(dir, `bad-${what.replace(/\W+/g, '-')}.html`);
      const run = await cli('render', DEMO, ...args, '--out', out);
      assert.equal(run.code, code, run.stderr);
      assert.equal(run.stdout, '');
      assert.ok(run.stderr.includes(message), run.stderr);
      assert.equal(existsSync(out), false);
    });
  }

  test('a missing file, an unreachable URL, a URL that answers 404, a document that is no programme, an invalid one', async () => {
    const server = createServer((_, res) => res.writeHead(404).end('no')).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const notFound = `http://127.0.0.1:${server.address().port}/programme.json`;
    const inputs = [
      ['/nope/programme.json', '/nope/programme.json cannot be read (ENOENT)'],
      [`http://127.0.0.1:${closedPort}/programme.json`, `http://127.0.0.1:${closedPort}/programme.json could not be reached (ECONNREFUSED)`],
      [notFound, `${notFound} answered HTTP 404.`],
      ['test/fixtures/interop/other-europython2014.xml', 'not a frab/pentabarf schedule.xml'],
      ['test/fixtures/programmes/invalid.json', 'was read as native, but the result is not a valid programme:\n  panels[2].sessions[0].start'],
    ];
    try {
      for (const [input, message] of inputs) {
        const out = join(dir, 'bad-input.html');
        const run = await cli('render', input, '--element', 'session-list', '--out', out, '--css');
        assert.equal(run.code, 1, `${input}: ${run.stderr}`);
        assert.equal(run.stdout, '');
        assert.ok(run.stderr.includes(message), run.stderr);
        assert.equal(existsSync(out), false);
        assert.equal(existsSync(join(dir, 'bad-input.css')), false);
      }
    } finally {
      server.close();
    }
    assert.deepEqual(
      (await readdir(dir)).filter((f) => f.startsWith('bad')),
      [],
      'no file left behind, partial or whole',
    );
  });

  test('an --out that cannot be written leaves nothing', async () => {
    const out = join(dir, 'no-such-folder', 'panel.html');
    const run = await cli('render', DEMO, '--element', 'panel-card', '--panel-id', 'P021', '--out', out);
    assert.equal(run.code, 1);
    assert.ok(run.stderr.includes(`${out} could not be written (ENOENT)`), run.stderr);
    assert.equal(run.stdout, '');
  });

  test('convert still answers as before', async () => {
    const run = await cli('convert', DEMO);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), demo);
    const usage = await cli('convert');
    assert.equal(usage.code, 2);
    assert.ok(usage.stderr.includes('usage: programme-elements convert INPUT'));
  });
});

describe('render: a 5,000-session programme', () => {
  test('renders whole, every session under its day', { timeout: 120_000 }, async () => {
    const file = join(dir, 'programme-5000.json');
    const programme = generateProgramme({ sessions: 5000, days: 4, rooms: 20 });
    await writeFile(file, JSON.stringify(programme));
    const out = join(dir, 'list-5000.html');
    const run = await cli('render', file, '--element', 'session-list', '--out', out);
    assert.equal(run.code, 0, run.stderr);
    const html = await readFile(out, 'utf8');
    console.log(
      `render --element session-list, 5,000 sessions: ${Math.round(run.ms)} ms wall time (the command, Node's start included), ${html.length} characters of HTML`,
    );
    assert.equal([...html.matchAll(/<li class="pe-row"/g)].length, 5000);
    assert.equal([...html.matchAll(/<h2 class="pe-day-heading"/g)].length, 4);
    assert.ok(html.includes('5000 sessions'));
    const card = await cli('render', file, '--element', 'panel-card', '--panel-id', programme.panels[2500].id);
    assert.equal(card.code, 0, card.stderr);
    console.log(`render --element panel-card in the same programme: ${Math.round(card.ms)} ms wall time`);
  });
});
