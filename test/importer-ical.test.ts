import { expect } from '@open-wc/testing';
import { buildProgramme } from '../src/data/importers/build.js';
import { icalDraft, isICal } from '../src/data/importers/ical.js';
import { Notes } from '../src/data/importers/notes.js';
import type { DraftOptions } from '../src/data/importers/options.js';
import type { Panel, Programme } from '../src/data/types.js';
import { validateProgramme } from '../src/data/validate.js';

const FIXTURES = '/test/fixtures/interop';
type RealFile = 'ical-jres2022.ics' | 'ical-lca2020.ics' | 'ical-iclr2020.ics';

/** SHA-256 of each file as published (data/interop/), so that a test reads exactly those bytes. */
const SHA256: Record<RealFile, string> = {
  'ical-jres2022.ics': 'b0471700d219bbc8325f5b82a1aaac2a7b1c6b8d3ff5316f80a76bce438ea449',
  'ical-lca2020.ics': 'bf28cf0ceafc5fde408f8adacf88fffb6d9c2e143d22e89281cb99bd245140b9',
  'ical-iclr2020.ics': '72ff9e242e9bd4e8f04414644989f6628e6de2c4db5af9c27149bbb9d89fbeb2',
};

const sha256 = async (bytes: Uint8Array) =>
  [...new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint8Array(bytes)))].map((b) => b.toString(16).padStart(2, '0')).join('');

/**
 * The test server (@web/dev-server's transform step) decodes every body that looks like text as
 * UTF-8 and encodes it again, so the three bytes of the ’ that JRES's feed splits with a fold
 * (E2 | CRLF SP | 80 99) arrive as three U+FFFD. A real server sends the bytes as they are: put them
 * back, and check that the result is the published file to the byte.
 */
function undoTestServer(bytes: Uint8Array): Uint8Array {
  const bad = [0xef, 0xbf, 0xbd, 0x0d, 0x0a, 0x20, 0xef, 0xbf, 0xbd, 0xef, 0xbf, 0xbd];
  const good = [0xe2, 0x0d, 0x0a, 0x20, 0x80, 0x99];
  for (let i = 0; i + bad.length <= bytes.length; i++) {
    if (bad.every((b, k) => bytes[i + k] === b)) return new Uint8Array([...bytes.subarray(0, i), ...good, ...bytes.subarray(i + bad.length)]);
  }
  return bytes;
}

const files: Partial<Record<RealFile, Uint8Array>> = {};

/** The bytes of a real feed as published, fetched once (copied unchanged from data/interop/). */
async function bytesOf(name: RealFile): Promise<Uint8Array> {
  if (!files[name]) {
    let bytes: Uint8Array = new Uint8Array(await (await fetch(`${FIXTURES}/${name}`)).arrayBuffer());
    if ((await sha256(bytes)) !== SHA256[name]) bytes = undoTestServer(bytes);
    expect(await sha256(bytes), `${name} as published`).to.equal(SHA256[name]);
    files[name] = bytes;
  }
  return files[name]!;
}

/** Drafts, builds and validates a feed; the programme and what the importer noted. */
function imported(input: string | Uint8Array, options: DraftOptions = {}) {
  const notes = new Notes();
  const draft = icalDraft(input, notes, options);
  const programme = buildProgramme(draft, notes, options);
  const validation = validateProgramme(programme);
  expect(validation.problems, 'the imported programme validates').to.deep.equal([]);
  return { programme: programme as Programme, draft, notes: notes.list(), skipped: notes.skipped() };
}

/** VEVENTs in a feed, counted from its text (`BEGIN:VEVENT` is never folded). */
const veventCount = (bytes: Uint8Array) => (new TextDecoder().decode(bytes).match(/^BEGIN:VEVENT\r*$/gim) ?? []).length;

const byId = (p: Programme, id: string): Panel => {
  const panel = p.panels.find((x) => x.id === id);
  if (!panel) throw new Error(`no panel ${id}`);
  return panel;
};
const startOf = (p: Panel) => p.sessions?.[0]?.start;
const endOf = (p: Panel) => p.sessions?.[0]?.end;
const instant = (s: string | undefined) => (s ? new Date(s).toISOString() : undefined);
const rooms = (p: Programme) => new Set(p.panels.map((x) => x.location).filter(Boolean));

/** A feed around the given lines (CRLF line ends, as RFC 5545 wants). */
const feed = (body: string, head = '') =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//example.org//tests//EN', 'X-WR-CALNAME:Test feed', head, body, 'END:VCALENDAR'].filter(Boolean).join('\r\n') +
  '\r\n';
/** A VEVENT from lines written one per line (leading spaces are trimmed). */
const vevent = (lines: string) =>
  [
    'BEGIN:VEVENT',
    ...lines
      .trim()
      .split('\n')
      .map((l) => l.trim()),
    'END:VEVENT',
  ].join('\r\n');

const BERLIN_ZONE = `BEGIN:VTIMEZONE
TZID:Custom Berlin
BEGIN:STANDARD
DTSTART:19701025T030000
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:19700329T020000
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
END:VTIMEZONE`.replace(/\n/g, '\r\n');

describe('iCalendar importer', () => {
  describe('telling a feed by its content', () => {
    it('knows BEGIN:VCALENDAR after a byte-order mark and white space, in any case, in bytes and text', () => {
      const enc = (s: string) => new TextEncoder().encode(s);
      expect(isICal('BEGIN:VCALENDAR\r\nEND:VCALENDAR')).to.equal(true);
      expect(isICal('\ufeff \r\n begin:vcalendar\n')).to.equal(true);
      expect(isICal(new Uint8Array([0xef, 0xbb, 0xbf, 0x0d, 0x0a, ...enc('Begin:VCalendar\r\n')]))).to.equal(true);
      expect(isICal(enc('{"BEGIN":"VCALENDAR"}'))).to.equal(false);
      expect(isICal('<html>BEGIN:VCALENDAR')).to.equal(false);
      expect(isICal(enc('BEGIN;VCALENDAR'))).to.equal(false);
      expect(() => icalDraft('BEGIN:VCARD\r\nEND:VCARD', new Notes(), {})).to.throw(/not an iCalendar file/);
    });
  });

  describe('the real feeds', () => {
    it('JRES 2022: TZID=Europe/Paris without VTIMEZONE, vCalendar 1.0 parameters, CR CR LF, a fold inside a UTF-8 character', async () => {
      const bytes = await bytesOf('ical-jres2022.ics');
      const { programme: p, skipped, notes } = imported(bytes);
      const count = veventCount(bytes);
      expect(count).to.equal(120);
      expect(skipped).to.deep.equal([]);
      expect(p.panels.length).to.equal(count);
      expect(p.panels.every((x) => x.sessions?.length === 1)).to.equal(true);
      expect(p.conference).to.include({ title: 'JRES 2021/22', id: 'jres-2021-22', timeZone: 'Europe/Paris' });
      // Summer time in Paris: every time is +02:00.
      expect(p.panels.every((x) => startOf(x)!.endsWith('+02:00') && endOf(x)!.endsWith('+02:00'))).to.equal(true);
      const first = byId(p, 'presentation_94@conf-ng.jres.org');
      expect(first).to.include({ title: 'Accueil congressistes', location: 'Accueil Parc Chanot' });
      expect(first.sessions?.[0]).to.include({ start: '2022-05-17T11:00:00+02:00', end: '2022-05-17T12:30:00+02:00' });
      expect(instant(startOf(first))).to.equal('2022-05-17T09:00:00.000Z');
      expect(rooms(p)).to.include('Amphithéâtre 1600').and.to.include('Salle Endoume').and.to.include('Amphithéâtre Callelongue');
      expect(rooms(p).size).to.equal(15);
      // The ’ split by a fold (E2 | 80 99) comes out whole, and nothing anywhere is U+FFFD.
      const split = byId(p, 'presentation_209@conf-ng.jres.org');
      expect(startOf(split)).to.equal('2022-05-18T18:15:00+02:00');
      expect(split.description).to.include('sans effort sur différents systèmes d’exploitation.');
      expect(JSON.stringify(p)).not.to.include('\ufffd');
      expect(notes.join('\n')).not.to.match(/UTF-8|cannot be read/);
      // CR CR LF before a fold leaves no stray CR in the text.
      expect(JSON.stringify(p)).not.to.include('\\r');
    });

    it('linux.conf.au 2020: TZID=Australia/Brisbane;VALUE=DATE-TIME and X-WR-TIMEZONE, speakers in the DESCRIPTION, many folds', async () => {
      const bytes = await bytesOf('ical-lca2020.ics');
      const { programme: p, skipped, notes } = imported(bytes);
      expect(veventCount(bytes)).to.equal(262);
      expect(skipped).to.deep.equal([]);
      expect(p.panels.length).to.equal(262);
      expect(p.conference).to.include({ title: 'linux.conf.au 2020', timeZone: 'Australia/Brisbane' });
      expect(p.panels.every((x) => startOf(x)!.endsWith('+10:00'))).to.equal(true);
      const welcome = byId(p, '94@lca2020.linux.org.au');
      expect(welcome).to.deep.include({
        title: 'Wednesday Welcome',
        location: 'Arena',
        url: 'http://lca2020.linux.org.au/schedule/presentation/221/',
        convenors: [{ name: 'Joel Addison' }],
        description: 'Opening Remarks and Housekeeping',
      });
      expect(welcome.sessions?.[0]).to.include({ start: '2020-01-15T09:00:00+10:00', end: '2020-01-15T09:10:00+10:00' });
      expect(instant(startOf(welcome))).to.equal('2020-01-14T23:00:00.000Z');
      expect(p.panels.filter((x) => !x.location).length).to.equal(17);
      expect([...rooms(p)].sort()).to.deep.equal(['Arena', 'Arena, Room 8, Room 5, Room 6, Room 7', 'Room 5', 'Room 6', 'Room 7', 'Room 8', 'Room 9']);
      expect(p.panels.filter((x) => x.convenors?.length).length).to.equal(190);
      expect(notes.join('\n')).to.include('190 events have their speakers named in the first line of the DESCRIPTION');
      // A folded HTML DESCRIPTION is unfolded before its markup is removed.
      expect(byId(p, '201@lca2020.linux.org.au').description).to.include('Women of Open Technology Breakfast, Presented by ThoughtWorks');
    });

    it('linux.conf.au 2020 read as text gives the same programme as its bytes', async () => {
      const bytes = await bytesOf('ical-lca2020.ics');
      expect(imported(new TextDecoder().decode(bytes)).programme).to.deep.equal(imported(bytes).programme);
    });

    it('ICLR 2020: UTC times with X-WR-TIMEZONE America/New_York, a VALARM in every event, links as LOCATION', async () => {
      const bytes = await bytesOf('ical-iclr2020.ics');
      const { programme: p, skipped, notes } = imported(bytes);
      expect(veventCount(bytes)).to.equal(56);
      expect(skipped).to.deep.equal([]);
      // The VALARMs (with UIDs of their own) are not events.
      expect(p.panels.length).to.equal(56);
      expect(p.conference).to.include({ title: 'ICLR 2020', timeZone: 'America/New_York' });
      const poster = byId(p, '6sp7iritkvpksb7uuorjc3qrsk@google.com');
      expect(poster.title).to.equal('Poster Day 1 Session 3 (P1S3)');
      expect(instant(startOf(poster))).to.equal('2020-04-27T12:00:00.000Z');
      expect(instant(endOf(poster))).to.equal('2020-04-27T14:00:00.000Z');
      expect(startOf(poster)).to.equal('2020-04-27T08:00:00-04:00');
      expect(poster.url).to.equal('https://iclr.cc/virtual/papers.html?session=Mon+Session+3&filter=keywords');
      // Links are not rooms: no event has a location; the two relative ones are dropped, with a note.
      expect(rooms(p).size).to.equal(0);
      expect(p.panels.filter((x) => x.url).length).to.equal(26);
      expect(notes.join('\n')).to.include('2 events have a relative link as LOCATION, and the address the feed was loaded from is not known');
      expect(p.panels.some((x) => x.description)).to.equal(false);
    });

    it('ICLR 2020 loaded from its address: the relative links resolve against it', async () => {
      const { programme: p } = imported(await bytesOf('ical-iclr2020.ics'), { url: 'https://iclr.cc/virtual/calendar.ics' });
      expect(p.panels.filter((x) => x.url).length).to.equal(28);
      expect(p.panels.map((x) => x.url)).to.include('https://iclr.cc/virtual/papers.html?session=Tues+Session+1&filter=keywords');
    });
  });

  describe('bytes and line ends', () => {
    const body = vevent('UID:u\nSUMMARY:Café ’quoted’\nDTSTART:20240105T100000Z\nDTEND:20240105T110000Z');

    it('unfolds bytes before decoding them, so a fold inside a UTF-8 character is harmless', () => {
      const bytes = new TextEncoder().encode(feed(body));
      // Fold right after the first byte of the first ’ (E2 80 99).
      const at = bytes.indexOf(0xe2);
      const folded = new Uint8Array([...bytes.subarray(0, at + 1), 0x0d, 0x0a, 0x20, ...bytes.subarray(at + 1)]);
      const { programme: p, notes } = imported(folded);
      expect(p.panels[0].title).to.equal('Café ’quoted’');
      expect(notes.join('\n')).not.to.include('UTF-8');
    });

    it('reads LF, CR and CR CR LF line ends and a byte-order mark as it reads CRLF', () => {
      const crlf = imported(feed(body)).programme;
      for (const end of ['\n', '\r', '\r\r\n']) {
        const text = feed(body).replace(/\r\n/g, end);
        expect(imported(text).programme, JSON.stringify(end)).to.deep.equal(crlf);
        expect(imported(new TextEncoder().encode(`\ufeff${text}`)).programme, JSON.stringify(end)).to.deep.equal(crlf);
      }
    });

    it('says so when the bytes are not UTF-8', () => {
      const bytes = new TextEncoder().encode(feed(body.replace('Café', 'Caf#')));
      bytes[bytes.indexOf(0x23)] = 0xe9; // é in Latin-1
      const { programme: p, notes } = imported(bytes);
      expect(p.panels[0].title).to.equal('Caf\ufffd ’quoted’');
      expect(notes.join('\n')).to.include('not UTF-8');
    });
  });

  describe('times', () => {
    it('reads a TZID with the feed’s own VTIMEZONE, even when it is not an IANA name', () => {
      const { programme: p } = imported(
        feed(
          [
            BERLIN_ZONE,
            vevent(`UID:summer
              SUMMARY:Summer
              DTSTART;TZID=Custom Berlin:20240705T100000
              DTEND;TZID="Custom Berlin":20240705T110000`),
            vevent(`UID:winter
              SUMMARY:Winter
              DTSTART;TZID=Custom Berlin:20240105T100000
              DURATION:PT45M`),
          ].join('\r\n'),
        ),
      );
      expect(instant(startOf(byId(p, 'summer')))).to.equal('2024-07-05T08:00:00.000Z');
      expect(instant(endOf(byId(p, 'summer')))).to.equal('2024-07-05T09:00:00.000Z');
      expect(instant(startOf(byId(p, 'winter')))).to.equal('2024-01-05T09:00:00.000Z');
      expect(instant(endOf(byId(p, 'winter')))).to.equal('2024-01-05T09:45:00.000Z');
    });

    it('reads floating times in X-WR-TIMEZONE, else in the host’s time-zone, else refuses them', () => {
      const body = vevent(`UID:f
        SUMMARY:Floating
        DTSTART:20240705T100000
        DTEND:20240705T110000`);
      const named = imported(feed(body, 'X-WR-TIMEZONE:Europe/Lisbon')).programme;
      expect(named.conference.timeZone).to.equal('Europe/Lisbon');
      expect(byId(named, 'f').sessions?.[0]).to.include({ start: '2024-07-05T10:00:00+01:00', end: '2024-07-05T11:00:00+01:00' });
      const hosted = imported(feed(body), { timeZone: 'Asia/Kolkata' }).programme;
      expect(hosted.conference.timeZone).to.equal('Asia/Kolkata');
      expect(startOf(byId(hosted, 'f'))).to.equal('2024-07-05T10:00:00+05:30');
      expect(() => icalDraft(feed(body), new Notes(), {})).to.throw(/time-zone=/);
    });

    it('keeps UTC times as instants and shows them in X-WR-TIMEZONE', () => {
      const { programme: p } = imported(feed(vevent('UID:u\nSUMMARY:UTC\nDTSTART:20240115T150000Z\nDTEND:20240115T160000Z'), 'X-WR-TIMEZONE:America/Chicago'));
      expect(p.conference.timeZone).to.equal('America/Chicago');
      expect(startOf(byId(p, 'u'))).to.equal('2024-01-15T09:00:00-06:00');
    });

    it('refuses a broken VTIMEZONE with a message that names it and its line', () => {
      const broken = BERLIN_ZONE.replace('TZOFFSETTO:+0100', 'TZOFFSETTO:banana');
      const text = feed([broken, vevent('UID:b\nSUMMARY:B\nDTSTART;TZID=Custom Berlin:20240105T100000')].join('\r\n'));
      expect(() => icalDraft(text, new Notes(), {})).to.throw(
        /^This iCalendar file cannot be read: .*"Custom Berlin".*TZOFFSETTO that is not an offset \("banana"\) \(line 10\)\.$/,
      );
      const empty = feed(['BEGIN:VTIMEZONE', 'TZID:Nowhere', 'END:VTIMEZONE', vevent('UID:b\nDTSTART;TZID=Nowhere:20240105T100000')].join('\r\n'));
      expect(() => icalDraft(empty, new Notes(), {})).to.throw(/cannot be read: .*neither a STANDARD nor a DAYLIGHT part \(line 5\)/);
    });

    it('reads a TZID that the feed does not define as the IANA zone of that name, and says so for one no one knows', () => {
      const { programme: p, notes } = imported(
        feed(
          [
            vevent('UID:a\nSUMMARY:A\nDTSTART;TZID=/mozilla.org/20050126_1/Asia/Tokyo:20240105T100000'),
            vevent('UID:b\nSUMMARY:B\nDTSTART;TZID=Mars/Olympus:20240105T100000'),
          ].join('\r\n'),
          'X-WR-TIMEZONE:Asia/Tokyo',
        ),
      );
      expect(startOf(byId(p, 'a'))).to.equal('2024-01-05T10:00:00+09:00');
      expect(startOf(byId(p, 'b'))).to.equal('2024-01-05T10:00:00+09:00');
      expect(notes.join('\n')).to.include('"Mars/Olympus", which the file does not define').and.to.include('read as the time zone Asia/Tokyo');
    });
  });

  describe('repeating events', () => {
    it('expands a weekly series without end to two years, numbering occurrences UID-n, and says it was cut', () => {
      const { programme: p, notes } = imported(
        feed(
          vevent(`UID:weekly
            SUMMARY:Weekly call
            DTSTART;TZID=Europe/Berlin:20240105T100000
            DTEND;TZID=Europe/Berlin:20240105T110000
            RRULE:FREQ=WEEKLY`),
        ),
      );
      // 5 Jan 2024 to 2 Jan 2026: 105 Fridays.
      expect(p.panels.length).to.equal(105);
      expect(p.panels.map((x) => x.id).slice(0, 3)).to.deep.equal(['weekly-1', 'weekly-2', 'weekly-3']);
      expect(byId(p, 'weekly-105').sessions?.[0]).to.include({ start: '2026-01-02T10:00:00+01:00', end: '2026-01-02T11:00:00+01:00' });
      // Summer time is the zone's, at the same wall-clock time.
      expect(byId(p, 'weekly-27').sessions?.[0]).to.include({ start: '2024-07-05T10:00:00+02:00' });
      expect(notes.join('\n')).to.include(
        '1 repeating event repeats beyond what is listed (at most 500 occurrences each, within 2 years of the first): "Weekly call"',
      );
    });

    it('lists at most 500 occurrences of one event', () => {
      const { programme: p, notes } = imported(feed(vevent('UID:d\nSUMMARY:Daily\nDTSTART:20240105T100000Z\nDURATION:PT1H\nRRULE:FREQ=DAILY;COUNT=1000')));
      expect(p.panels.length).to.equal(500);
      expect(p.panels.at(-1)!.id).to.equal('d-500');
      expect(notes.join('\n')).to.include('repeats beyond what is listed');
    });

    it('leaves out EXDATEs, keeping the numbers of the other occurrences, and does not call a finished series cut', () => {
      const { programme: p, notes } = imported(
        feed(
          vevent(`UID:ex
            SUMMARY:Stand-up
            DTSTART;TZID=America/New_York:20240304T090000
            DURATION:PT15M
            RRULE:FREQ=DAILY;COUNT=5
            EXDATE;TZID=America/New_York:20240305T090000,20240306T090000`),
        ),
      );
      expect(p.panels.map((x) => x.id)).to.deep.equal(['ex-1', 'ex-4', 'ex-5']);
      expect(byId(p, 'ex-4').sessions?.[0]).to.include({ start: '2024-03-07T09:00:00-05:00', end: '2024-03-07T09:15:00-05:00' });
      expect(notes.join('\n')).not.to.include('repeats beyond');
    });

    it('puts an override (RECURRENCE-ID) in its occurrence’s place', () => {
      const { programme: p } = imported(
        feed(
          [
            vevent('UID:s\nSUMMARY:Seminar\nDTSTART:20240105T100000Z\nDURATION:PT1H\nRRULE:FREQ=WEEKLY;COUNT=3'),
            vevent('UID:s\nRECURRENCE-ID:20240112T100000Z\nSUMMARY:Seminar (moved)\nDTSTART:20240112T140000Z\nDURATION:PT1H'),
          ].join('\r\n'),
        ),
      );
      expect(p.panels.map((x) => [x.id, x.title, startOf(x)])).to.deep.equal([
        ['s-1', 'Seminar', '2024-01-05T10:00:00Z'],
        ['s-2', 'Seminar (moved)', '2024-01-12T14:00:00Z'],
        ['s-3', 'Seminar', '2024-01-19T10:00:00Z'],
      ]);
    });

    it('stops a rule no day satisfies, and lists an unreadable rule’s first occurrence with a note', () => {
      const never = imported(feed(vevent('UID:n\nSUMMARY:Never\nDTSTART:20240105T100000Z\nRRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30')));
      expect(never.programme.panels.map((x) => x.id)).to.deep.equal(['n-1']);
      const bad = imported(feed(vevent('UID:r\nSUMMARY:Bad rule\nDTSTART:20240105T100000Z\nRRULE:FREQ=FORTNIGHTLY')));
      expect(bad.programme.panels.map((x) => x.id)).to.deep.equal(['r']);
      expect(bad.notes.join('\n')).to.match(/a repeat rule \(RRULE\) that cannot be read.*line 9: invalid frequency/);
    });
  });

  describe('what is left out, and why', () => {
    it('skips all-day, cancelled and start-less events with a reason', () => {
      const {
        programme: p,
        skipped,
        notes,
      } = imported(
        feed(
          [
            vevent('UID:day\nSUMMARY:Excursion\nDTSTART;VALUE=DATE:20240105\nDTEND;VALUE=DATE:20240106'),
            vevent('UID:talk\nSUMMARY:Talk\nDTSTART:20240105T100000Z\nDTEND:20240105T110000Z'),
            vevent('UID:gone\nSUMMARY:Gone\nSTATUS:CANCELLED\nDTSTART:20240105T120000Z'),
            vevent('UID:when\nSUMMARY:Some day'),
          ].join('\r\n'),
        ),
      );
      expect(p.panels.map((x) => x.id)).to.deep.equal(['talk']);
      expect(skipped.map((s) => [s.id, s.kind])).to.deep.equal([
        ['day', 'event'],
        ['gone', 'event'],
        ['when', 'event'],
      ]);
      expect(skipped[0].path).to.equal('VEVENT[0] (line 5)');
      expect(skipped[0].problems[0].message).to.equal(
        '"Excursion" is an all-day event (its DTSTART is a date without a time), and the programme lists only timed sessions, so it is not in the schedule',
      );
      expect(skipped[1].problems[0].message).to.include('is cancelled');
      expect(skipped[2].problems[0].message).to.include('has no start time (DTSTART)');
      expect(notes.join('\n')).to.include('1 event is left out: it is an all-day event');
    });

    it('refuses a file whose BEGIN and END do not nest, naming the lines', () => {
      const open = feed('BEGIN:VEVENT\r\nUID:x\r\nDTSTART:20240105T100000Z');
      expect(() => icalDraft(open, new Notes(), {})).to.throw('This iCalendar file cannot be read: BEGIN:VEVENT (line 5) is closed by END:VCALENDAR (line 8).');
      expect(() => icalDraft('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20240105T100000Z\r\n', new Notes(), {})).to.throw(
        /BEGIN:VEVENT \(line 2\) is never closed/,
      );
    });

    it('leaves out a line that is not a content line, with its line number, and keeps the event', () => {
      const { programme: p, notes } = imported(feed(vevent('UID:l\nSUMMARY:Fine\nthis line lost its fold\nDTSTART:20240105T100000Z')));
      expect(p.panels.map((x) => x.title)).to.deep.equal(['Fine']);
      expect(notes.join('\n')).to.include('1 line of the file cannot be read and was left out: "line 8: it has no \\":\\"');
    });
  });

  describe('fields', () => {
    it('maps SUMMARY, DESCRIPTION, LOCATION, CATEGORIES, ORGANIZER/ATTENDEE, URL and UID, and unfolds text lines', () => {
      const { programme: p, notes } = imported(
        feed(
          vevent(`UID:talk-1@example.org
            SUMMARY;LANGUAGE=en:Rust in the kernel
            DESCRIPTION:First line\\nSecond line\\, with a comma
            LOCATION:Hall A
            CATEGORIES:Systems,Security
            ORGANIZER;CN="Lovelace, Ada":mailto:ada@example.org
            ATTENDEE;ROLE=REQ-PARTICIPANT:mailto:grace@example.org
            ATTENDEE;ROLE=CHAIR;CN=Chair Person:mailto:chair@example.org
            ATTENDEE;ROLE=NON-PARTICIPANT;CN=Observer:mailto:o@example.org
            ATTENDEE;CUTYPE=ROOM;CN=Hall B:mailto:hall-b@example.org
            URL:/talks/1
            DTSTART:20240105T100000Z
            DTEND:20240105T110000Z`),
        ).replace('Rust in the kernel', 'Rust in the \r\n kernel'),
        { url: 'https://example.org/feeds/programme.ics' },
      );
      expect(p.panels[0]).to.deep.include({
        id: 'talk-1@example.org',
        title: 'Rust in the kernel',
        description: 'First line\nSecond line, with a comma',
        location: 'Hall A',
        theme: 'Systems',
        // grace@example.org has no CN: her address is not published as her name.
        convenors: [{ name: 'Lovelace, Ada' }],
        chairs: [{ name: 'Chair Person' }],
        url: 'https://example.org/talks/1',
      });
      expect(p.conference.title).to.equal('Test feed');
      expect(notes.join('\n')).to.include('1 event has more than one category (CATEGORIES); the first is taken as its track');
      expect(notes.join('\n')).to.include('1 attendee (ATTENDEE or ORGANIZER) without a name (CN) was left out');
      expect(notes.join('\n')).not.to.contain('grace@');
    });

    it('never publishes an email address as a name: a person without a CN (or with an address as CN) is left out and counted', () => {
      const { programme: p, notes } = imported(
        feed(
          [
            vevent(`UID:a
              SUMMARY:A
              ORGANIZER:mailto:organiser@example.org
              ATTENDEE;CN=Ada Lovelace:mailto:ada@example.org
              ATTENDEE;ROLE=CHAIR:mailto:chair@example.org
              DTSTART:20240105T100000Z`),
            vevent(`UID:b
              SUMMARY:B
              ATTENDEE;CN=grace@example.org:mailto:grace@example.org
              ATTENDEE:grace.h@example.org
              ATTENDEE;CN=Calendar:mailto:abc@group.calendar.google.com
              DTSTART:20240105T110000Z`),
          ].join('\r\n'),
        ),
      );
      expect(p.panels.map((x) => [x.convenors ?? [], x.chairs ?? []])).to.deep.equal([
        [[{ name: 'Ada Lovelace' }], []],
        [[{ name: 'Calendar' }], []],
      ]);
      const said = notes.join('\n');
      expect(said).to.include(
        '4 attendees (ATTENDEE or ORGANIZER) without a name (CN) were left out, so that no email address is published as a name: "A", "A", "B", …',
      );
      expect(JSON.stringify(p)).not.to.contain('@');
    });

    it('drops a relative URL when the feed’s address is not known, and a non-web one, each with a note', () => {
      const { programme: p, notes } = imported(
        feed(
          [
            vevent('UID:a\nSUMMARY:A\nURL:talks/a.html\nDTSTART:20240105T100000Z'),
            vevent('UID:b\nSUMMARY:B\nURL:ftp://example.org/b\nDTSTART:20240105T100000Z'),
            vevent('UID:c\nSUMMARY:C\nURL:https://example.org/c\nDTSTART:20240105T100000Z'),
          ].join('\r\n'),
        ),
      );
      expect(p.panels.map((x) => x.url)).to.deep.equal([undefined, undefined, 'https://example.org/c']);
      const said = notes.join('\n');
      expect(said).to.include('1 event has a relative link as URL, and the address the feed was loaded from is not known, so it was left out');
      expect(said).to.include('1 event has a URL that is not a web address (http or https); it was left out');
    });
  });

  describe('size', () => {
    it('reads a 2 MB DESCRIPTION in well under a second, and the validator then says it is too long to show', () => {
      const description = 'Lorem ipsum dolor sit amet\\, consectetur <b>adipiscing</b> elit; **sed** do eiusmod. '.repeat(24_000);
      expect(description.length).to.be.greaterThan(2_000_000);
      const text = feed(vevent(`UID:big\nSUMMARY:Big\nDTSTART:20240105T100000Z\nDESCRIPTION:${description}`));
      const started = performance.now();
      const notes = new Notes();
      const p = buildProgramme(icalDraft(text, notes), notes) as Programme;
      const ms = performance.now() - started;
      expect(p.panels[0].description!.length).to.be.greaterThan(1_500_000);
      expect(ms, `${Math.round(ms)} ms`).to.be.lessThan(1000);
      // Past the bound no real programme reaches: the loader leaves this panel out, and says why.
      expect(validateProgramme(p).problems.map((x) => x.message)).to.deep.equal([
        `is ${p.panels[0].description!.length} characters long; at most 1000000 are read`,
      ]);
    });

    it('takes time in proportion to the number of events', function () {
      this.timeout(60_000);
      const events = (n: number) => {
        const parts: string[] = [];
        for (let i = 0; i < n; i++) {
          const h = String(8 + (i % 10)).padStart(2, '0');
          parts.push(
            `BEGIN:VEVENT\r\nUID:e${i}\r\nDTSTART;TZID=Europe/Berlin:2024060${1 + (i % 5)}T${h}0000\r\nDURATION:PT1H\r\nSUMMARY:Talk ${i}\r\nLOCATION:Room ${i % 7}\r\nEND:VEVENT`,
          );
        }
        return new TextEncoder().encode(feed(parts.join('\r\n')));
      };
      const time = (bytes: Uint8Array) => {
        const started = performance.now();
        const draft = icalDraft(bytes, new Notes(), {});
        const ms = performance.now() - started;
        return { ms, talks: draft.talks.length };
      };
      time(events(2_000)); // warm up
      const small = time(events(10_000));
      const large = time(events(40_000));
      expect(large.talks).to.equal(40_000);
      // Four times the events: far less than sixteen times the time (what a quadratic step would take).
      expect(large.ms, `10,000 events: ${Math.round(small.ms)} ms; 40,000: ${Math.round(large.ms)} ms`).to.be.lessThan(8 * small.ms + 500);
    });
  });
});
