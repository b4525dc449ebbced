#!/usr/bin/env node
/**
 * `npm run bench:importers`: the same 5,000 sessions (bench/out/programme-5000.json) written as
 * the feeds other systems publish (frab schedule.xml, iCalendar, Sessionize, CSV, and our own JSON
 * for comparison), each loaded into a <session-list> in headless Chromium, medians of 3 fresh
 * loads: when the feed arrived, the first render after it, the longest main-thread task and how
 * many tasks took over 100 ms. It prints figures; it never fails on a time.
 *
 *   node bench/importers.mjs [--n=5000] [--runs=3]
 */
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from '../scripts/chromium.mjs';
import { writeProgrammes } from './generate.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = join(BENCH, '..');
const OUT = join(BENCH, 'out');
const FEEDS = join(OUT, 'feeds');
const flags = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const n = Number(flags.n ?? 5000);
const runs = Number(flags.runs ?? 3);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const esc = (s) => String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const icsText = (s) =>
  String(s ?? '')
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n');
const wall = (iso) => iso.slice(0, 19); // the clock time as written, without its offset
const compact = (epoch) => new Date(epoch).toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
const fold = (line) => (line.length <= 75 ? line : line.match(/.{1,74}/g).join('\r\n '));

/** Every session of the programme, flattened, with its panel. */
function sessionsOf(doc) {
  return doc.panels.flatMap((panel) => (panel.sessions ?? []).map((session) => ({ panel, session, room: session.location ?? panel.location ?? 'Hall' })));
}

function writeFeeds(doc) {
  mkdirSync(FEEDS, { recursive: true });
  const all = sessionsOf(doc);
  const zone = doc.conference.timeZone;
  const people = (panel) => (panel.convenors ?? []).map((p) => p.name);
  const title = ({ panel, session }) => (session.title ? `${panel.title}: ${session.title}` : panel.title);
  const minutes = (s) => Math.round((Date.parse(s.end) - Date.parse(s.start)) / 60_000);
  const hhmm = (m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

  // frab/pentabarf schedule.xml: days → rooms → events.
  const days = new Map();
  for (const item of all) {
    const day = item.session.start.slice(0, 10);
    if (!days.has(day)) days.set(day, new Map());
    const rooms = days.get(day);
    if (!rooms.has(item.room)) rooms.set(item.room, []);
    rooms.get(item.room).push(item);
  }
  let xml = `<?xml version="1.0" encoding="UTF-8"?>\n<schedule><conference><acronym>${esc(doc.conference.id)}</acronym><title>${esc(doc.conference.title)}</title><time_zone_name>${zone}</time_zone_name></conference>\n`;
  let d = 0;
  for (const [day, rooms] of days) {
    xml += `<day index="${++d}" date="${day}">\n`;
    for (const [room, items] of rooms) {
      xml += `<room name="${esc(room)}">\n`;
      for (const item of items) {
        const { session, panel } = item;
        xml += `<event guid="${esc(session.id)}" id="${esc(session.id)}"><date>${session.start}</date><start>${session.start.slice(11, 16)}</start><duration>${hhmm(minutes(session))}</duration><room>${esc(room)}</room><title>${esc(title(item))}</title><track>${esc(panel.theme)}</track><type>${esc(panel.format)}</type><abstract>${esc(panel.description)}</abstract><persons>${people(
          panel,
        )
          .map((p) => `<person>${esc(p)}</person>`)
          .join('')}</persons></event>\n`;
      }
      xml += '</room>\n';
    }
    xml += '</day>\n';
  }
  writeFileSync(join(FEEDS, 'schedule.xml'), `${xml}</schedule>\n`);

  // iCalendar, UTC times and the conference's zone named once.
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//programme-elements//bench//EN',
    `X-WR-CALNAME:${icsText(doc.conference.title)}`,
    `X-WR-TIMEZONE:${zone}`,
  ];
  for (const item of all) {
    const { session, panel } = item;
    lines.push(
      'BEGIN:VEVENT',
      `UID:${session.id}@bench`,
      `DTSTAMP:${compact(Date.parse(session.start))}`,
      `DTSTART:${compact(Date.parse(session.start))}`,
      `DTEND:${compact(Date.parse(session.end))}`,
    );
    lines.push(fold(`SUMMARY:${icsText(title(item))}`), fold(`LOCATION:${icsText(item.room)}`));
    if (panel.theme) lines.push(fold(`CATEGORIES:${icsText(panel.theme)}`));
    if (panel.description) lines.push(fold(`DESCRIPTION:${icsText(panel.description)}`));
    for (const p of people(panel)) lines.push(fold(`ATTENDEE;CN=${JSON.stringify(p)}:mailto:bench@example.org`));
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  writeFileSync(join(FEEDS, 'schedule.ics'), `${lines.join('\r\n')}\r\n`);

  // Sessionize view/All: local wall times, speakers and rooms by id.
  const rooms = [...new Set(all.map((i) => i.room))];
  const speakers = [...new Set(all.flatMap((i) => people(i.panel)))];
  writeFileSync(
    join(FEEDS, 'sessionize.json'),
    JSON.stringify({
      sessions: all.map((item) => ({
        id: item.session.id,
        title: title(item),
        description: item.panel.description ?? null,
        startsAt: wall(item.session.start),
        endsAt: wall(item.session.end),
        isServiceSession: false,
        speakers: people(item.panel).map((p) => String(speakers.indexOf(p))),
        categoryItems: [],
        roomId: rooms.indexOf(item.room),
      })),
      speakers: speakers.map((fullName, id) => ({ id: String(id), fullName })),
      questions: [],
      categories: [],
      rooms: rooms.map((name, id) => ({ id, name })),
    }),
  );

  // The documented CSV layout: a row per paper (or per session without papers).
  const cell = (v) => (/[",\n;]/.test(v ?? '') ? `"${String(v).replace(/"/g, '""')}"` : (v ?? ''));
  const rows = [
    'panel_id,panel_title,panel_theme,panel_location,panel_convenors,session_id,session_start,session_end,paper_id,paper_title,paper_authors,time_zone',
  ];
  for (const { panel, session, room } of all) {
    const base = [
      panel.id,
      panel.title,
      panel.theme,
      room,
      people(panel).join('; '),
      session.id,
      wall(session.start).replace('T', ' ').slice(0, 16),
      wall(session.end).replace('T', ' ').slice(0, 16),
    ];
    const papers = session.papers?.length ? session.papers : [undefined];
    for (const paper of papers) rows.push([...base, paper?.id, paper?.title, (paper?.authors ?? []).map((a) => a.name).join('; '), zone].map(cell).join(','));
  }
  writeFileSync(join(FEEDS, 'programme.csv'), `${rows.join('\n')}\n`);
  writeFileSync(join(FEEDS, 'programme.json'), JSON.stringify(doc));
}

const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.ics': 'text/calendar',
  '.csv': 'text/csv',
};

function serve() {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file =
      path === '/'
        ? join(BENCH, 'page.html')
        : path.startsWith('/out/')
          ? join(OUT, normalize(path.slice(5)))
          : path.startsWith('/dist/')
            ? join(ROOT, 'dist', normalize(path.slice(6)))
            : undefined;
    const inside = file && [OUT, join(ROOT, 'dist'), BENCH].some((dir) => !relative(dir, file).startsWith('..') && !relative(dir, file).startsWith(sep));
    if (!inside || !existsSync(file) || !statSync(file).isFile()) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const source = join(OUT, `programme-${n}.json`);
if (!existsSync(source)) await writeProgrammes([n]);
if (!existsSync(join(ROOT, 'dist', 'programme-elements.min.js'))) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}
const doc = JSON.parse(readFileSync(source, 'utf8'));
writeFeeds(doc);
const sessions = sessionsOf(doc).length;
const server = await serve();
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await puppeteer.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
const FORMATS = [
  ['our JSON (for comparison)', 'programme.json'],
  ['frab schedule.xml', 'schedule.xml'],
  ['iCalendar', 'schedule.ics'],
  ['Sessionize (time-zone given)', 'sessionize.json', doc.conference.timeZone],
  ['CSV', 'programme.csv'],
];
const rows = [];
try {
  for (const [name, file, tz] of FORMATS) {
    const results = [];
    for (let run = 0; run < runs; run++) {
      const page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      const query = new URLSearchParams({ src: `/out/feeds/${file}`, ...(tz ? { tz } : {}) });
      await page.goto(`${base}/?${query}`);
      await page.waitForFunction(() => window.__bench.firstRender, { timeout: 120_000, polling: 100 });
      await new Promise((r) => setTimeout(r, 2000));
      results.push(
        await page.evaluate((file) => {
          const b = window.__bench;
          const entry = performance.getEntriesByType('resource').find((e) => e.name.includes(file));
          const after = b.longtasks.filter((t) => t.start + t.duration >= (entry?.responseEnd ?? 0));
          return {
            data: entry?.responseEnd ?? 0,
            render: b.firstRender - (entry?.responseEnd ?? 0),
            longest: Math.max(0, ...after.map((t) => t.duration)),
            over100: after.filter((t) => t.duration > 100).length,
            count: b.firstRender ? document.querySelector('session-list').shadowRoot.querySelector('[part=count]')?.textContent.trim() : '',
          };
        }, file),
      );
      await page.close();
    }
    const size = statSync(join(FEEDS, file)).size;
    rows.push(
      `| ${name} | ${(size / 1048576).toFixed(1)} MiB | ${Math.round(median(results.map((r) => r.render)))} | ${Math.round(median(results.map((r) => r.longest)))} | ${median(results.map((r) => r.over100))} | ${results[0].count} |`,
    );
    console.error(`${name}: done`);
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`programme-elements importer bench: ${sessions.toLocaleString('en')} sessions as each feed, medians of ${runs} fresh loads (1280x900, headless Chromium)
command: node bench/importers.mjs --n=${n} --runs=${runs}

| feed | size | first render after the feed arrived ms | longest task ms | tasks over 100 ms | the list says |
|:-----|-----:|---------------------------------------:|----------------:|------------------:|:--------------|
${rows.join('\n')}`);
