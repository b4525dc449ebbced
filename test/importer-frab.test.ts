import { expect } from '@open-wc/testing';
import { tidyLabel } from '../src/data/importers/build.js';
import { importDocument, importProgramme } from '../src/data/importers/index.js';
import type { Programme } from '../src/data/types.js';
import { validateProgramme } from '../src/data/validate.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

const FIXTURES = '/test/fixtures/interop';

/** Imports, checks the result is a valid programme, and returns it with the notes. */
function imported(json: Json) {
  const result = importProgramme(json, 'frab');
  expect(validateProgramme(result.programme).problems, 'the imported programme validates').to.deep.equal([]);
  return { programme: result.programme as Programme, notes: result.notes };
}

const own = (el: Element, name: string) => el.querySelector(`:scope > ${name}`)?.textContent?.trim() || undefined;

/**
 * DebConf 23's schedule.xml (wafer) as a frab schedule.json v1 with the same values: every event's
 * `date`, `start`, `duration`, room, title, type and track, and each day's `date`, `day_start` and
 * `day_end` as the XML's `<day date start end>`, in UTC like the XML's, while `start` is local
 * (Asia/Kolkata). `withDates: false` leaves out the events' `date`, so that only the days say it.
 */
function debconfJson(xml: string, withDates = true): Json {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const conf = doc.querySelector('schedule > conference')!;
  const days = [...doc.querySelectorAll('schedule > day')].map((day) => {
    const rooms: Record<string, Json[]> = {};
    for (const room of day.querySelectorAll(':scope > room')) {
      rooms[room.getAttribute('name')!] = [...room.querySelectorAll(':scope > event')].map((ev) => ({
        guid: ev.getAttribute('guid'),
        id: Number(ev.getAttribute('id')),
        ...(withDates ? { date: own(ev, 'date') } : {}),
        start: own(ev, 'start'),
        duration: own(ev, 'duration'),
        room: own(ev, 'room'),
        title: ev.querySelector('title')?.textContent?.trim(),
        type: ev.querySelector('type')?.textContent?.trim(),
        track: own(ev, 'track'),
        persons: [...ev.querySelectorAll('persons > person')].map((p) => ({ public_name: p.textContent!.trim() })),
      }));
    }
    return {
      index: Number(day.getAttribute('index')),
      date: day.getAttribute('date'),
      day_start: day.getAttribute('start'),
      day_end: day.getAttribute('end'),
      rooms,
    };
  });
  return {
    schedule: {
      version: '',
      conference: { acronym: own(conf, 'acronym'), title: own(conf, 'title'), time_zone_name: own(conf, 'time_zone_name'), days },
    },
  };
}

describe('frab schedule.json', () => {
  let xml: string;
  before(async () => {
    xml = await (await fetch(`${FIXTURES}/frab-debconf23.xml`)).text();
  });

  it("DebConf 23 (wafer, the XML's values as JSON): every date in UTC while start is local; shown in Asia/Kolkata, the instants kept, as schedule.xml is", async () => {
    const json = debconfJson(xml);
    const events: Json[] = json.schedule.conference.days.flatMap((d: Json) => Object.values(d.rooms).flat());
    expect(events).to.have.length(117);
    expect(events[0]).to.deep.include({ date: '2023-09-10T05:00:00+00:00', start: '10:30' });

    const { programme, notes } = imported(json);
    expect(programme.conference.timeZone).to.equal('Asia/Kolkata');
    expect(notes.join('\n')).not.to.contain('does not have then');
    expect(notes.join('\n')).not.to.contain('does not read');
    const fromXml = (await importDocument(new TextEncoder().encode(xml), 'auto')).programme as Programme;
    const xmlStart = new Map(fromXml.panels.map((p) => [p.id, p.sessions![0]]));
    for (const ev of events) {
      const session = programme.panels.find((p) => p.id === ev.guid)!.sessions![0];
      // The same instant as its UTC date, now written on the conference's clock, which reads its start.
      expect(Date.parse(session.start), ev.title).to.equal(Date.parse(ev.date));
      expect(session.start.slice(11, 16), ev.title).to.equal(ev.start.padStart(5, '0'));
      expect(session.start.endsWith('+05:30'), session.start).to.equal(true);
      expect(session, ev.title).to.deep.equal(xmlStart.get(ev.guid));
    }
    expect(programme.panels.find((p) => p.title === 'Opening Ceremony')!.sessions![0]).to.deep.include({
      start: '2023-09-10T10:30:00+05:30',
      end: '2023-09-10T10:50:00+05:30',
    });
  });

  it('DebConf 23 without the events’ dates: each day’s UTC day_start read on the conference’s clock, as <day start> is', () => {
    const json = debconfJson(xml, false);
    const withDates = debconfJson(xml);
    const dates = new Map<string, string>(
      withDates.schedule.conference.days.flatMap((d: Json) => Object.values(d.rooms).flat()).map((e: Json) => [e.guid, e.date]),
    );
    const { programme } = imported(json);
    expect(programme.conference.timeZone).to.equal('Asia/Kolkata');
    for (const panel of programme.panels) expect(Date.parse(panel.sessions![0].start), panel.title).to.equal(Date.parse(dates.get(panel.id)!));
  });

  it("honours the conference's day_change, as schedule.xml does, when a day has no day_start", () => {
    const json = (dayChange?: string) => ({
      schedule: {
        version: 'test',
        conference: {
          acronym: 'late',
          title: 'Late',
          time_zone_name: 'Europe/Berlin',
          ...(dayChange ? { day_change: dayChange } : {}),
          days: [{ index: 1, date: '2024-01-05', rooms: { Hall: [{ id: 1, title: 'Before the change', start: '05:30', duration: '00:30', persons: [] }] } }],
        },
      },
    });
    // Days change at 06:00: 05:30 is the next morning's, still the 5th's conference day.
    expect(imported(json('06:00:00')).programme.panels[0].sessions![0].start).to.equal('2024-01-06T05:30:00+01:00');
    // Without day_change, 05:00 as before.
    expect(imported(json()).programme.panels[0].sessions![0].start).to.equal('2024-01-05T05:30:00+01:00');
  });
});

describe('a subtitle that repeats the description', () => {
  it("31C3's keynote says its subtitle once; a subtitle only mentioned in an abstract is kept", async () => {
    const xml = await (await fetch(`${FIXTURES}/frab-31c3.xml`)).text();
    const { programme } = await importDocument(new TextEncoder().encode(xml), 'auto');
    const byTitle = (title: string) => (programme as Programme).panels.find((p) => p.title === title)!;
    // <subtitle>A New Dawn</subtitle>, <abstract>The 31C3 Keynote</abstract>, <description>A New Dawn</description>.
    expect(byTitle('31C3 Keynote').description).to.equal('A New Dawn\n\nThe 31C3 Keynote');
    // "Reports from the Frontlines" is the subtitle, and the abstract names the talk it updates: both stay.
    expect(
      byTitle('Global Civil Society Under Attack').description!.startsWith('Reports from the Frontlines\n\nAn update to our Reports from the Frontlines talk'),
    ).to.equal(true);
  });

  it('drops the repetition when one is contained in the other, whitespace aside', () => {
    const json = (subtitle: string, abstract: string, description: string) => ({
      schedule: {
        conference: {
          acronym: 'r',
          title: 'R',
          time_zone_name: 'Europe/Berlin',
          days: [
            {
              date: '2024-01-05',
              rooms: { A: [{ id: 1, title: 'T', subtitle, abstract, description, date: '2024-01-05T10:00:00+01:00', duration: '00:30', persons: [] }] },
            },
          ],
        },
      },
    });
    const description = (s: string, a: string, d: string) => imported(json(s, a, d)).programme.panels[0].description;
    expect(description('A  new\ndawn', '', 'A new dawn')).to.equal('A  new\ndawn');
    expect(description('A new dawn', 'The keynote', 'A new dawn\n\nMore about it.')).to.equal('The keynote\n\nA new dawn\n\nMore about it.');
    expect(description('A new dawn for all', 'A new dawn', '')).to.equal('A new dawn for all');
    expect(description('Part two', 'The first part was last year.', '')).to.equal('Part two\n\nThe first part was last year.');
  });
});

describe('tidyLabel', () => {
  it('makes identifiers readable: lightningtalk, lightning_talk, main-track, MainTrack', () => {
    const cases: Record<string, string> = {
      lightningtalk: 'Lightning talk',
      lightning_talk: 'Lightning talk',
      LIGHTNING_TALK: 'Lightning talk',
      LIGHTNINGTALK: 'Lightning talk',
      'lightning-talk': 'Lightning talk',
      LightningTalk: 'Lightning talk',
      maintrack: 'Main track',
      'main-track': 'Main track',
      MainTrack: 'Main track',
      mainTrack: 'Main track',
      main_track: 'Main track',
      keynote: 'Keynote',
      lecture: 'Lecture',
      WORKSHOP: 'Workshop',
      // A hyphen between words it does not know stays.
      'hands-on': 'Hands-on',
    };
    for (const [raw, want] of Object.entries(cases)) expect(tidyLabel(raw), raw).to.equal(want);
  });

  it('leaves mixed case as it is', () => {
    for (const s of ['Talk', 'Lightning talk', 'Q&A', 'DevOps', 'iPhone', 'Long talk (45 minutes)', 'Vortrag']) expect(tidyLabel(s), s).to.equal(s);
  });
});
