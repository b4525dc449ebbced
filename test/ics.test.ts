import { expect } from '@open-wc/testing';
import ICAL from 'ical.js';
import { ProgrammeIndex } from '../src/data/programme-index.js';
import { sessionRows, type SessionRow } from '../src/data/session-rows.js';
import type { Conference, Panel, Programme, Session } from '../src/data/types.js';
import { toICalendar } from '../src/ics/ics.js';
import { calendarFileName, downloadICalendar } from '../src/ics/download.js';

const conference: Conference = { id: 'test-conf', title: 'Test, Conference; 2024', timeZone: 'Asia/Almaty' };
const now = new Date('2024-05-01T12:34:56.789Z');

function row(session: Partial<Session> & { id: string }, panel: Partial<Panel> = {}): SessionRow {
  const s: Session = { start: '2024-06-09T09:00:00+05:00', end: '2024-06-09T10:45:00+05:00', ...session };
  const p: Panel = { id: `panel-${s.id}`, title: 'A panel', sessions: [s], ...panel };
  return { session: s, panel: p, start: Date.parse(s.start), end: Date.parse(s.end), location: s.location ?? p.location };
}

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return { calendar, events: calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}

/** The physical lines, checking every one ends in CRLF and holds no stray CR or LF. */
function physicalLines(text: string): string[] {
  expect(text.endsWith('\r\n'), 'ends with CRLF').to.equal(true);
  const lines = text.slice(0, -2).split('\r\n');
  for (const l of lines) expect(/[\r\n]/.test(l), `stray line break in ${JSON.stringify(l)}`).to.equal(false);
  return lines;
}

function expectFolded(text: string) {
  const encoder = new TextEncoder();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const bytes = encoder.encode(text);
  // Split the octets themselves at CRLF: each piece must be whole UTF-8 and at most 75 octets.
  let from = 0;
  for (let i = 0; i < bytes.length - 1; i++) {
    if (bytes[i] === 13 && bytes[i + 1] === 10) {
      const piece = bytes.subarray(from, i);
      expect(piece.length, `line of ${piece.length} octets: ${decoder.decode(piece)}`).to.be.at.most(75);
      expect(() => decoder.decode(piece)).not.to.throw();
      from = i + 2;
    }
  }
  expect(from, 'final CRLF').to.equal(bytes.length);
  for (const l of physicalLines(text)) expect(encoder.encode(l).length).to.be.at.most(75);
}

function eventLines(text: string, uidStart: string): string[] {
  const unfolded = text.replace(/\r\n[ \t]/g, '');
  const events = unfolded.split('BEGIN:VEVENT\r\n').slice(1);
  const event = events.find((e) => e.startsWith(`UID:${uidStart}`) || e.includes(`\r\nUID:${uidStart}`));
  expect(event, `event ${uidStart}`).to.exist;
  return event!.split('END:VEVENT')[0].split('\r\n').filter(Boolean);
}

describe('toICalendar', () => {
  let programme: Programme;
  let rows: SessionRow[];

  before(async () => {
    programme = await (await fetch('/demo/programme.json')).json();
    rows = sessionRows(new ProgrammeIndex(programme));
    expect(rows.length).to.be.greaterThan(10);
  });

  it('writes every demo session as an event that ical.js reads back exactly', () => {
    const text = toICalendar(rows, { conference: programme.conference, now });
    const { calendar, events } = parse(text);
    expect(events).to.have.length(rows.length);
    events.forEach((event, i) => {
      const { session, panel } = rows[i];
      expect(event.uid).to.equal(`${session.id}@cess-2024.programme-elements`);
      const several = (panel.sessions?.length ?? 0) > 1 && session.title;
      expect(event.summary).to.equal(several ? `${panel.title}: ${session.title}` : panel.title);
      expect(event.location ?? undefined).to.equal(rows[i].location);
      expect(event.startDate.toJSDate().getTime()).to.equal(Date.parse(session.start));
      expect(event.endDate.toJSDate().getTime()).to.equal(Date.parse(session.end));
      expect(event.startDate.zone?.tzid).to.equal('UTC');
      const v = event.component;
      expect(v.getFirstPropertyValue('dtstamp')!.toString()).to.equal('2024-05-01T12:34:56Z');
      if (panel.theme) expect(v.getFirstProperty('categories')!.getValues()).to.deep.equal([panel.theme]);
      for (const paper of session.papers ?? []) {
        const authors = (paper.authors ?? []).map((a) => a.name).join(', ');
        expect(event.description).to.contain(authors ? `${paper.title} \u2014 ${authors}` : paper.title);
      }
      if (panel.format) expect(event.description).to.contain(`Format: ${panel.format}`);
    });
    expect(calendar.getFirstPropertyValue('version')).to.equal('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).to.equal('-//programme-elements//EN');
    expect(calendar.getFirstPropertyValue('calscale')).to.equal('GREGORIAN');
    expect(calendar.getFirstPropertyValue('method')).to.equal('PUBLISH');
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).to.equal('Asia/Almaty');
    expect(text).to.contain('\r\nX-WR-CALNAME:Central Eurasian Studies Society 2024 Regional Conference\r\n');
    expectFolded(text);
  });

  it('writes the seed session in UTC form, with the panel theme as one category', () => {
    const text = toICalendar(rows, { conference: programme.conference, now });
    const lines = eventLines(text, 'P021-1@');
    expect(lines).to.include('DTSTART:20240609T040000Z');
    expect(lines).to.include('DTEND:20240609T054500Z');
    expect(lines).to.include('DTSTAMP:20240501T123456Z');
    expect(lines).to.include('CATEGORIES:Political Science\\, International Relations\\, and Law');
    expect(lines).to.include('LOCATION:702 (Floor 7)');
  });

  it('is stable: the same rows give the same file, whatever the order of calls', () => {
    const a = toICalendar(rows, { conference: programme.conference, now });
    const b = toICalendar(rows, { conference: programme.conference, now });
    expect(a).to.equal(b);
    const later = toICalendar(rows, { conference: programme.conference, now: new Date('2025-01-01T00:00:00Z') });
    expect(later.replace(/DTSTAMP:\w+/g, '')).to.equal(a.replace(/DTSTAMP:\w+/g, ''));
  });

  it('keeps hostile text exactly through a round trip', () => {
    const hostile = [
      'Commas, semicolons; and a back\\slash\\',
      'Line one\nline two\n\nafter a blank line',
      'Emoji 🎉👩🏽‍🔬 and CJK 中央ユーラシア研究 한국어',
      '\\n is not a newline; \\, is not a comma',
      'x'.repeat(150) + '🎉'.repeat(50) + '中'.repeat(100) + ';,'.repeat(25),
      'Trailing backslash \\',
    ];
    expect(hostile[4]).to.have.length(400);
    const input = hostile.map((title, i) =>
      row(
        {
          id: `S${i}`,
          title: `Session ${title}`,
          location: `Room ${title}`,
          papers: [{ id: `S${i}-a`, title: `Paper ${title}`, authors: [{ name: 'Müller, Anna; 王' }] }],
        },
        { title, theme: `Theme, ${title}`, sessions: [] },
      ),
    );
    const text = toICalendar(input, { conference, now, productId: '-//Host, Inc.//Schedule;1//EN' });
    expectFolded(text);
    const { calendar, events } = parse(text);
    expect(events).to.have.length(hostile.length);
    events.forEach((event, i) => {
      expect(event.summary).to.equal(hostile[i]);
      expect(event.location).to.equal(`Room ${hostile[i]}`);
      expect(event.description).to.contain(`Paper ${hostile[i]} \u2014 Müller, Anna; 王`);
      expect(event.component.getFirstProperty('categories')!.getValues()).to.deep.equal([`Theme, ${hostile[i]}`]);
    });
    expect(calendar.getFirstPropertyValue('prodid')).to.equal('-//Host, Inc.//Schedule;1//EN');
    expect(text).to.contain('X-WR-CALNAME:Test\\, Conference\\; 2024\r\n');
  });

  it('writes line breaks as \\n: CRLF and lone CR become one newline, control characters go', () => {
    const text = toICalendar([row({ id: 'S1' }, { title: 'a\r\nb\rc\nd\u0007e\tf' })], { conference, now });
    expect(eventLines(text, 'S1@')).to.include('SUMMARY:a\\nb\\nc\\nd' + 'e\tf');
    expect(parse(text).events[0].summary).to.equal('a\nb\nc\nde\tf');
  });

  it('folds at 75 octets without splitting a character, continuation lines starting with a space', () => {
    // 'SUMMARY:' is 8 octets; 22 three-octet characters reach 74, so the 23rd cannot fit on the line.
    const title = '中'.repeat(22) + '🎉' + 'é'.repeat(60) + 'a'.repeat(200);
    const text = toICalendar([row({ id: 'F' }, { title })], { conference, now });
    expectFolded(text);
    const physical = physicalLines(text);
    const at = physical.findIndex((l) => l.startsWith('SUMMARY:'));
    expect(physical[at]).to.equal('SUMMARY:' + '中'.repeat(22));
    expect(physical[at + 1].startsWith(' 🎉é')).to.equal(true);
    expect(new TextEncoder().encode(physical[at + 2]).length).to.be.oneOf([74, 75]);
    expect(parse(text).events[0].summary).to.equal(title);
    // A line of exactly 75 octets is not folded.
    const exact = 'b'.repeat(75 - 'SUMMARY:'.length);
    expect(physicalLines(toICalendar([row({ id: 'E' }, { title: exact })], { conference, now }))).to.include(`SUMMARY:${exact}`);
  });

  it('keeps the instants of a session that crosses midnight', () => {
    const late = row({ id: 'LATE', start: '2024-06-09T23:30:00+05:00', end: '2024-06-10T01:15:00+05:00' });
    const text = toICalendar([late], { conference, now });
    const lines = eventLines(text, 'LATE@');
    expect(lines).to.include('DTSTART:20240609T183000Z');
    expect(lines).to.include('DTEND:20240609T201500Z');
    const crossingUtc = row({ id: 'UTC', start: '2024-06-10T04:30:00+05:00', end: '2024-06-10T05:30:00+05:00' });
    const [event] = parse(toICalendar([crossingUtc], { conference, now })).events;
    expect(event.startDate.toJSDate().getTime()).to.equal(Date.parse('2024-06-09T23:30:00Z'));
    expect(event.endDate.toJSDate().getTime()).to.equal(Date.parse('2024-06-10T00:30:00Z'));
    expect(event.startDate.toString()).to.equal('2024-06-09T23:30:00Z');
  });

  it('leaves out what a row does not have', () => {
    const bare = row({ id: 'BARE' }, { title: 'Bare' });
    const blank = row({ id: 'BLANK', location: '   ' }, { title: 'Blank', theme: ' ', format: '' });
    const text = toICalendar([bare, blank], { conference, now });
    for (const id of ['BARE@', 'BLANK@']) {
      const names = eventLines(text, id).map((l) => l.split(/[:;]/)[0]);
      expect(names).to.deep.equal(['UID', 'DTSTAMP', 'DTSTART', 'DTEND', 'SUMMARY']);
    }
    expect(text).not.to.match(/LOCATION|CATEGORIES|DESCRIPTION|URL/);
  });

  it('writes only absolute http(s) URLs', () => {
    const urls: Record<string, string | undefined> = {
      JS: 'javascript:alert(1)',
      JS2: ' JavaScript:alert(document.cookie)',
      DATA: 'data:text/html,<script>alert(1)</script>',
      MAIL: 'mailto:someone@example.org',
      HTTP: 'https://example.org/panels/P021?a=1,2;b',
      REL: '/programme#session=REL',
      NONE: undefined,
    };
    const input = Object.entries(urls).map(([id, url]) => row({ id }, { title: id, url }));
    const text = toICalendar(input, { conference, now });
    const urlOf = (id: string) => eventLines(text, `${id}@`).find((l) => l.startsWith('URL'));
    for (const id of ['JS', 'JS2', 'DATA', 'MAIL', 'NONE']) expect(urlOf(id), id).to.equal(undefined);
    expect(urlOf('HTTP')).to.equal('URL:https://example.org/panels/P021?a=1,2;b');
    // A relative url in the data is not resolved against the page that happens to show it (data-url.ts dataUrl).
    expect(urlOf('REL')).to.equal(undefined);
    expect(text).not.to.match(/javascript|data:/i);
    const { events } = parse(text);
    expect(events.find((e) => e.uid.startsWith('HTTP@'))!.component.getFirstPropertyValue('url')).to.equal('https://example.org/panels/P021?a=1,2;b');
  });

  it('takes the URL of each row from the url option when given', () => {
    const input = [row({ id: 'A' }, { url: 'https://example.org/panel' }), row({ id: 'B' })];
    const text = toICalendar(input, {
      conference,
      now,
      url: (r) => (r.session.id === 'A' ? `https://example.org/#session=${r.session.id}` : 'javascript:void 0'),
    });
    expect(eventLines(text, 'A@')).to.include('URL:https://example.org/#session=A');
    expect(eventLines(text, 'B@').some((l) => l.startsWith('URL'))).to.equal(false);
  });

  it('names a session by its panel, adding its own title only when the panel has several', () => {
    const one = row({ id: 'ONE', title: 'Session 1' }, { title: 'Single' });
    const s1: Session = { id: 'M1', title: 'Session 1', start: '2024-06-09T09:00:00+05:00', end: '2024-06-09T10:00:00+05:00' };
    const s2: Session = { id: 'M2', start: '2024-06-09T11:00:00+05:00', end: '2024-06-09T12:00:00+05:00' };
    const panel: Panel = { id: 'M', title: 'Multi', sessions: [s1, s2] };
    const multi = [s1, s2].map((s) => ({ session: s, panel, start: Date.parse(s.start), end: Date.parse(s.end) }));
    const summaries = parse(toICalendar([one, ...multi], { conference, now })).events.map((e) => e.summary);
    expect(summaries).to.deep.equal(['Single', 'Multi: Session 1', 'Multi']);
  });

  it('writes each session once, skips rows without a valid start, and drops a DTEND not after DTSTART', () => {
    const a = row({ id: 'A' });
    const broken = row({ id: 'BROKEN', start: 'not a date' });
    const instant = row({ id: 'INSTANT', start: '2024-06-09T09:00:00+05:00', end: '2024-06-09T09:00:00+05:00' });
    const text = toICalendar([a, a, broken, instant], { conference, now });
    const { events } = parse(text);
    expect(events.map((e) => e.uid)).to.deep.equal(['A@test-conf.programme-elements', 'INSTANT@test-conf.programme-elements']);
    expect(eventLines(text, 'INSTANT@').some((l) => l.startsWith('DTEND'))).to.equal(false);
  });

  it('writes an empty calendar for no rows, and labels the description with the given words', () => {
    const empty = toICalendar([], { conference, now });
    expect(parse(empty).events).to.have.length(0);
    expect(empty.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).to.equal(true);
    expect(empty.endsWith('END:VCALENDAR\r\n')).to.equal(true);
    const r = row({ id: 'W', papers: [{ id: 'W-a', title: 'Paper' }] }, { format: 'Roundtable', theme: 'History' });
    const [event] = parse(toICalendar([r], { conference, now, words: { format: 'Formát', acceptedPapers: 'Beiträge' } })).events;
    expect(event.description).to.equal('Formát: Roundtable\nTheme: History\n\nBeiträge:\nPaper');
  });
});

describe('calendarFileName', () => {
  it('makes a file name of safe characters only', () => {
    expect(calendarFileName('cess-2024', 'starred')).to.equal('cess-2024-starred.ics');
    expect(calendarFileName('cess-2024', 'filtered')).to.equal('cess-2024-filtered.ics');
    expect(calendarFileName('cess-2024')).to.equal('cess-2024.ics');
    expect(calendarFileName('Crème Brûlée/2024', 'My starred: sessions!')).to.equal('creme-brulee-2024-my-starred-sessions.ics');
    expect(calendarFileName('../../etc/passwd', '')).to.equal('etc-passwd.ics');
    expect(calendarFileName('中文', '🎉')).to.equal('programme.ics');
    expect(calendarFileName('a'.repeat(300), 'starred')).to.match(/^a{100}\.ics$/);
    for (const name of [calendarFileName('x<>:"|?*\\y', 'z\u0000'), calendarFileName(' ', ' ')]) expect(name).to.match(/^[a-z0-9][a-z0-9._-]*\.ics$/);
  });
});

describe('downloadICalendar', () => {
  const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
  afterEach(() => {
    URL.createObjectURL = original.create;
    URL.revokeObjectURL = original.revoke;
  });

  it('clicks a temporary download link to a text/calendar blob, and revokes its URL later', async () => {
    const blobs: Blob[] = [];
    const revoked: string[] = [];
    URL.createObjectURL = (blob: Blob | MediaSource) => (blobs.push(blob as Blob), 'blob:stub-calendar');
    URL.revokeObjectURL = (url: string) => void revoked.push(url);
    const clicks: HTMLAnchorElement[] = [];
    const onClick = (e: Event) => {
      const link = e.composedPath()[0] as HTMLAnchorElement;
      clicks.push(link);
      expect(link.isConnected).to.equal(true);
      e.preventDefault(); // no real download in the test browser
    };
    document.addEventListener('click', onClick, { capture: true });
    try {
      downloadICalendar('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n', 'cess-2024-starred.ics');
    } finally {
      document.removeEventListener('click', onClick, { capture: true });
    }
    expect(clicks).to.have.length(1);
    expect(clicks[0].localName).to.equal('a');
    expect(clicks[0].download).to.equal('cess-2024-starred.ics');
    expect(clicks[0].getAttribute('href')).to.equal('blob:stub-calendar');
    expect(clicks[0].isConnected, 'link removed after the click').to.equal(false);
    expect(blobs).to.have.length(1);
    expect(blobs[0].type).to.equal('text/calendar;charset=utf-8');
    expect(await blobs[0].text()).to.equal('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
    expect(revoked, 'not revoked while the browser may still read it').to.deep.equal([]);
  });
});
