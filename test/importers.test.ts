import { expect } from '@open-wc/testing';
import { detectFormat, importProgramme, type ProgrammeFormat } from '../src/data/importers/index.js';
import { plainText } from '../src/data/importers/text.js';
import { clearProgrammeCache, loadProgramme } from '../src/data/load.js';
import { ProgrammeLoadError } from '../src/data/load-error.js';
import type { Panel, Programme } from '../src/data/types.js';
import { validateProgramme } from '../src/data/validate.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

const FIXTURES = '/test/fixtures/interop';
const files: Record<string, Json> = {};

/** The real files, fetched once from the test server (copied unchanged from data/interop/). */
async function real(name: 'frab-camp2019' | 'pretalx-democon' | 'hub-schedule2'): Promise<Json> {
  files[name] ??= await (await fetch(`${FIXTURES}/${name}.json`)).json();
  return structuredClone(files[name]);
}

/** Imports, checks the result is a valid programme, and returns it with the notes. */
function imported(json: Json, format: ProgrammeFormat = 'auto', url?: string) {
  const result = importProgramme(json, format, { url });
  const validation = validateProgramme(result.programme);
  expect(validation.problems, 'the imported programme validates').to.deep.equal([]);
  expect(validation.ok).to.equal(true);
  return { ...result, programme: result.programme as Programme };
}

const counts = (p: Programme) => ({
  panels: p.panels.length,
  sessions: p.panels.reduce((n, x) => n + (x.sessions?.length ?? 0), 0),
  papers: p.panels.reduce((n, x) => n + (x.sessions ?? []).reduce((m, s) => m + (s.papers?.length ?? 0), 0), 0),
});

/** Every event of a frab v1 document, in document order. */
const frabEvents = (json: Json): Json[] => json.schedule.conference.days.flatMap((d: Json) => Object.values(d.rooms).flat());

const byTitle = (p: Programme, title: string): Panel => {
  const panel = p.panels.find((x) => x.title === title);
  if (!panel) throw new Error(`no panel called ${title}`);
  return panel;
};

/** The wall-clock time of an instant in a zone, "HH:MM". */
const clockIn = (instant: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant));

/** A minimal frab schedule.json v1 around the given events, all in one room of one day. */
function frab(events: Json[], conference: Json = {}, day: Json = {}): Json {
  return {
    schedule: {
      version: 'test',
      conference: {
        acronym: 'test',
        title: 'Test conference',
        time_zone_name: 'Europe/Berlin',
        days: [{ index: 1, date: '2019-08-21', day_start: '2019-08-21T10:00:00+02:00', day_end: '2019-08-22T04:00:00+02:00', rooms: { Hall: events }, ...day }],
        ...conference,
      },
    },
  };
}

const event = (fields: Json = {}): Json => ({
  guid: `g-${Math.random().toString(36).slice(2)}`,
  id: 1,
  date: '2019-08-21T11:00:00+02:00',
  start: '11:00',
  duration: '00:45',
  room: 'Hall',
  title: 'A talk',
  type: 'lecture',
  track: 'Security',
  abstract: '',
  description: '',
  persons: [{ id: 1, public_name: 'Ada' }],
  ...fields,
});

describe('importers: the real files', () => {
  it('frab-camp2019.json: frab v1, 79 events → 79 panels with one session each, no papers', async () => {
    const json = await real('frab-camp2019');
    expect(detectFormat(json)).to.equal('frab');
    const { programme, format, notes } = imported(json);
    expect(format).to.equal('frab');
    expect(counts(programme)).to.deep.equal({ panels: 79, sessions: 79, papers: 0 });
    expect(notes).to.deep.equal([]);
    expect(programme.conference).to.deep.equal({
      id: 'Camp2019',
      title: 'Chaos Communication Camp 2019',
      timeZone: 'Europe/Berlin',
      url: 'https://fahrplan.events.ccc.de/camp/2019/Fahrplan/',
    });

    const opening = byTitle(programme, 'Opening Ceremony');
    expect(opening).to.deep.include({
      id: 'a0a0fcfe-b7fb-46e3-84b6-97a5406016b4',
      format: 'Lecture',
      theme: 'CCC',
      location: 'Curie',
      description: 'A hearty welcome me lasses and lads!',
      url: 'https://fahrplan.events.ccc.de/camp/2019/Fahrplan/events/10386.html',
      convenors: [{ name: 'jinxx' }, { name: 'smtw' }],
    });
    expect(opening.sessions).to.deep.equal([
      { id: 'a0a0fcfe-b7fb-46e3-84b6-97a5406016b4-1', start: '2019-08-21T11:00:00+02:00', end: '2019-08-21T11:30:00+02:00' },
    ]);

    // Every event: its panel is in its room, starts at the source's instant and lasts its duration.
    for (const ev of frabEvents(json)) {
      const panel = programme.panels.find((p) => p.id === ev.guid)!;
      expect(panel.location).to.equal(ev.room);
      const [start, end] = [panel.sessions![0].start, panel.sessions![0].end];
      expect(start).to.equal(ev.date);
      const [h, m] = ev.duration.split(':').map(Number);
      expect(Date.parse(end) - Date.parse(start)).to.equal((h * 60 + m) * 60_000, ev.title);
    }
  });

  it('frab-camp2019.json: HTML, Markdown and CRLF in descriptions end up as plain text', async () => {
    const { programme } = imported(await real('frab-camp2019'));
    for (const p of programme.panels) {
      expect(p.description ?? '', p.title).not.to.match(/<\/?[a-z][^>]*>|&[a-z]+;|&#\d+;|\r|\*\*/i);
    }
    // The subtitle leads the description; the HTML link keeps its address in parentheses.
    expect(byTitle(programme, 'spispy: SPI flash device emulation').description).to.match(
      /^Open source tools for flash emulation and research\n\nspispy \(https:\/\/github\.com\/osresearch\/spispy\) is an open source hardware tool/,
    );
    const show = byTitle(programme, 'Achtung, Datenpannen!').description!;
    expect(show).to.contain('Die große Datenschutz- und DSGVO-Show vermittelt');
    expect(show).to.contain('\n- Welche Verschlüsselungs-Verfahren muss ein Datenverarbeiter verwenden, um kein Bußgeld zu riskieren?\n- Erfüllt');
    // Markdown link: its text, with the address kept in parentheses.
    expect(byTitle(programme, 'Deaths per TWh').description).to.contain(
      'The Paris agreement (https://ec.europa.eu/clima/policies/international/negotiations/paris_en) sets out',
    );
    // An abstract repeated at the start of the description is not shown twice.
    const deaths = byTitle(programme, 'Deaths per TWh').description!;
    expect(deaths.indexOf('Climate change and the discussion')).to.equal(deaths.lastIndexOf('Climate change and the discussion'));
  });

  it('pretalx-democon.json: pretalx schedule.json, 36 events; its UTC zone contradicts its +01:00 dates', async () => {
    const json = await real('pretalx-democon');
    expect(detectFormat(json)).to.equal('pretalx');
    const { programme, format, notes } = imported(json);
    expect(format).to.equal('pretalx');
    expect(counts(programme)).to.deep.equal({ panels: 36, sessions: 36, papers: 0 });
    expect(programme.conference).to.deep.include({ id: 'democon', title: 'DemoCon', timeZone: 'Etc/GMT-1', locale: 'en' });
    expect(notes).to.have.length(1);
    expect(notes[0]).to.contain('time_zone_name says "UTC"').and.contain('+01:00').and.contain('Etc/GMT-1');

    for (const ev of frabEvents(json)) {
      const panel = programme.panels.find((p) => p.id === ev.guid)!;
      expect(panel.sessions![0].start).to.equal(ev.date);
      // Shown in the chosen zone, the clock reads what the source's `start` says.
      expect(clockIn(panel.sessions![0].start, programme.conference.timeZone)).to.equal(ev.start);
    }
    const first = byTitle(programme, 'Focused 5thgeneration hardware');
    expect(first).to.deep.include({
      format: 'Talk',
      theme: 'Phased',
      location: 'Gray Room',
      convenors: [{ name: 'Brian Robinson' }],
      url: 'http://localhost/democon/talk/G9JGWY/',
    });
    expect(first.description).to.equal(
      'Brand back-end models!\n\nStation provide certain mean. Toward region beautiful language blood.\nProfessional economic pattern a. Human plan institution thus.',
    );
    const workshop = programme.panels.find((p) => p.format === 'Workshop')!;
    expect(Date.parse(workshop.sessions![0].end) - Date.parse(workshop.sessions![0].start)).to.equal(90 * 60_000);
  });

  it('hub-schedule2.json: c3voc v2, a flat list of 2 events with references to rooms and tracks', async () => {
    const json = await real('hub-schedule2');
    expect(detectFormat(json)).to.equal('c3voc2');
    const { programme, format, notes } = imported(json);
    expect(format).to.equal('c3voc2');
    expect(counts(programme)).to.deep.equal({ panels: 2, sessions: 2, papers: 0 });
    expect(notes).to.deep.equal([]);
    expect(programme.conference).to.deep.equal({
      id: '38c3',
      title: '38C3',
      timeZone: 'Europe/Berlin',
      locale: 'en',
      url: 'https://events.ccc.de/congress/2024/',
    });

    const [opening, ai] = programme.panels;
    expect(opening).to.deep.include({
      id: '270fa44c-821a-577f-8ca3-33e8d4a8c2a7',
      title: '38C3: Opening Ceremony',
      format: 'Other',
      theme: 'CCC',
      location: 'Saal 1',
      convenors: [{ name: 'Gabriela Bogk' }, { name: 'Aline Blankertz' }, { name: 'Senficon' }],
    });
    expect(opening.sessions![0]).to.deep.include({ start: '2024-12-27T10:30:00+01:00', end: '2024-12-27T11:00:00+01:00' });
    // Title and subtitle together; the track is a slug into conference.tracks; after midnight of day 1.
    expect(ai).to.deep.include({
      title: 'A Competitive Time-Trial AI for Need for Speed: Most Wanted Using Deep Reinforcement Learning',
      format: 'Talk',
      theme: 'Hardware & Making',
      location: 'Saal ZIGZAG',
    });
    expect(ai.sessions![0]).to.deep.include({ start: '2024-12-28T00:15:00+01:00', end: '2024-12-28T00:55:00+01:00' });
    expect(ai.description).not.to.contain('\r');
    expect(ai.description).to.contain('open source.').and.contain('"How hard can it possibly be?".\n\nThis talk will present');
  });
});

describe('importers: time zones', () => {
  it('picks a zone that matches the offsets when the stated one contradicts them, and says so', () => {
    const { programme, notes } = imported(frab([event({ date: '2024-07-01T09:00:00+05:00', start: '09:00' })], { time_zone_name: 'Europe/London' }));
    expect(programme.conference.timeZone).to.equal('Etc/GMT-5');
    expect(programme.panels[0].sessions![0].start).to.equal('2024-07-01T09:00:00+05:00');
    expect(notes).to.have.length(1);
    expect(notes[0]).to.contain('"Europe/London"').and.contain('+05:00').and.contain('Etc/GMT-5');
  });

  it('across a daylight saving change, picks a region zone that has both offsets', () => {
    const json = frab([event({ guid: 'before', date: '2024-10-26T10:00:00+02:00' }), event({ guid: 'after', date: '2024-10-28T10:00:00+01:00' })], {
      time_zone_name: 'UTC',
    });
    const { programme, notes } = imported(json);
    const zone = programme.conference.timeZone;
    expect(zone.startsWith('Etc/')).to.equal(false);
    expect(clockIn('2024-10-26T10:00:00+02:00', zone)).to.equal('10:00');
    expect(clockIn('2024-10-28T10:00:00+01:00', zone)).to.equal('10:00');
    expect(notes[0]).to.contain('"UTC"').and.contain(zone);
  });

  it('derives the zone from the offsets when time_zone_name is missing (Etc signs are inverted)', () => {
    const { programme, notes } = imported(frab([event({ date: '2020-12-14T09:00:00+01:00' })], { time_zone_name: undefined }));
    expect(programme.conference.timeZone).to.equal('Etc/GMT-1');
    expect(notes[0]).to.contain('names no time zone').and.contain('Etc/GMT-1');

    const west = imported(frab([event({ date: '2020-12-14T09:00:00-05:00' })], { time_zone_name: undefined }));
    expect(west.programme.conference.timeZone).to.equal('Etc/GMT+5');

    // Half-hour offsets have no Etc zone: a region zone with that offset is found instead.
    const india = imported(frab([event({ date: '2020-12-14T09:00:00+05:30' })], { time_zone_name: undefined }));
    expect(clockIn('2020-12-14T09:00:00+05:30', india.programme.conference.timeZone)).to.equal('09:00');
  });

  it('keeps a stated zone that agrees with the offsets, without a note', () => {
    const { programme, notes } = imported(frab([event({ date: '2019-12-21T11:00:00+01:00' }), event({ date: '2019-08-21T11:00:00+02:00' })]));
    expect(programme.conference.timeZone).to.equal('Europe/Berlin');
    expect(notes).to.deep.equal([]);
  });

  it('reads date-times without an offset in the stated zone, and says so', () => {
    const { programme, notes } = imported(frab([event({ date: '2019-08-21T11:00:00' })]));
    expect(programme.panels[0].sessions![0]).to.deep.include({ start: '2019-08-21T11:00:00+02:00', end: '2019-08-21T11:45:00+02:00' });
    expect(notes.join(' ')).to.contain('without an offset, read as Europe/Berlin time');
  });
});

describe('importers: events after midnight', () => {
  it('keeps the real instant of an event dated after midnight of its conference day', () => {
    const { programme } = imported(frab([event({ date: '2019-08-22T01:30:00+02:00', start: '01:30', duration: '01:00' })]));
    expect(programme.panels[0].sessions![0]).to.deep.include({ start: '2019-08-22T01:30:00+02:00', end: '2019-08-22T02:30:00+02:00' });
  });

  it('puts an event without a date, whose start is before its day starts, on the next calendar day', () => {
    const json = frab([event({ date: undefined, start: '01:30' }), event({ date: undefined, start: '23:30', duration: '01:00' })]);
    const { programme } = imported(json);
    expect(programme.panels[0].sessions![0].start).to.equal('2019-08-22T01:30:00+02:00');
    expect(programme.panels[1].sessions![0]).to.deep.include({ start: '2019-08-21T23:30:00+02:00', end: '2019-08-22T00:30:00+02:00' });
  });
});

describe('importers: missing and odd fields', () => {
  it('fills in what is missing and says what it did', () => {
    const bare = { date: '2019-08-21T12:00:00+02:00' };
    const { programme, notes } = imported(frab([bare, { ...bare }], { acronym: undefined, title: undefined, time_zone_name: 'Europe/Berlin' }));
    expect(programme.conference).to.deep.include({ id: 'frab', title: 'frab' });
    const [a, b] = programme.panels;
    expect(a).to.deep.equal({
      id: 'frab-1',
      title: 'Untitled',
      location: 'Hall',
      sessions: [{ id: 'frab-1-1', start: '2019-08-21T12:00:00+02:00', end: '2019-08-21T12:00:00+02:00' }],
    });
    expect(b.id).to.equal('frab-2');
    const all = notes.join('\n');
    expect(all).to.contain('2 events have no title');
    expect(all).to.contain('2 events have no duration');
    expect(all).to.contain('end when they start');
    expect(all).to.contain('2 events have no id');
    expect(all).to.contain('no conference acronym');
    expect(all).to.contain('no conference title');
  });

  it('lists an event whose start cannot be read without a session', () => {
    const { programme, notes } = imported(frab([event({ title: 'When?', date: 'soon', start: 'later' })]));
    expect(programme.panels[0].title).to.equal('When?');
    expect(programme.panels[0].sessions).to.equal(undefined);
    expect(notes.join(' ')).to.contain('1 event has no start time that can be read').and.contain('"When?"');
  });

  it('makes repeated ids unique with a prefix, and numeric ids strings', () => {
    const { programme, notes } = imported(frab([event({ guid: 'same' }), event({ guid: 'same' }), event({ guid: undefined, id: 42 })]));
    expect(programme.panels.map((p) => p.id)).to.deep.equal(['same', 'frab-same', '42']);
    expect(notes.join(' ')).to.contain('shares an id').and.contain('same → frab-same');
  });

  it('reads durations as h:mm, h:mm:ss and ISO 8601; a subtitle completes a cut title or leads the description', () => {
    const { programme } = imported(
      frab([
        event({ duration: '1:30:00', title: 'Main', subtitle: 'and more' }),
        event({ duration: '01:30', title: 'Question:', subtitle: 'answered' }),
        event({ duration: 'PT45M' }),
      ]),
    );
    const lengths = programme.panels.map((p) => (Date.parse(p.sessions![0].end) - Date.parse(p.sessions![0].start)) / 60_000);
    expect(lengths).to.deep.equal([90, 90, 45]);
    expect(programme.panels.slice(0, 2).map((p) => p.title)).to.deep.equal(['Main', 'Question: answered']);
    expect(programme.panels[0].description).to.equal('and more');
  });

  it('drops links that are not http(s), and takes persons from any of the name fields', () => {
    const { programme } = imported(frab([event({ url: 'javascript:alert(1)', persons: [{ name: 'Bo' }, { full_name: 'Cy' }, 'Di', { id: 3 }] })]));
    expect(programme.panels[0].url).to.equal(undefined);
    expect(programme.panels[0].convenors).to.deep.equal([{ name: 'Bo' }, { name: 'Cy' }, { name: 'Di' }]);
  });
});

describe('importers: rich text becomes plain text', () => {
  it('strips HTML tags, keeps paragraphs and link addresses, decodes entities, drops scripts', () => {
    const html =
      '<p>Hello &amp; <strong>welcome</strong> &#8211; caf&eacute;</p>\r\n<p>Second<br/>line with <a href="https://x.org/a?b=1&amp;c=2">a link</a>.</p><script>alert(1)</script><ul><li>one</li>\n<li>two</li></ul>';
    expect(plainText(html)).to.equal('Hello & welcome – café\n\nSecond\nline with a link (https://x.org/a?b=1&c=2).\n\n- one\n- two');
    const { programme } = imported(frab([event({ abstract: html })]));
    expect(programme.panels[0].description).not.to.match(/[<>]/);
  });

  it('turns Markdown into text: no emphasis markers, headings or bullets, links keep their address', () => {
    const md =
      '# Heading\r\n\r\n**Bold** and *em* and __strong__ and [a link](https://example.org) and `code`.\r\n\r\n* one\r\n* two\r\n\r\n> quoted\r\n\r\n---\r\n![logo](https://x.org/l.png)';
    expect(plainText(md)).to.equal('Heading\n\nBold and em and strong and a link (https://example.org) and code.\n\n- one\n- two\n\nquoted\n\nlogo');
  });

  it('leaves text that only looks a little like markup alone', () => {
    expect(plainText('a < b and c > d, mail <ada@example.org>, 2*3 is 6, snake_case_name, [good|bad]')).to.equal(
      'a < b and c > d, mail <ada@example.org>, 2*3 is 6, snake_case_name, [good|bad]',
    );
    expect(plainText('  \r\n  ')).to.equal(undefined);
  });
});

describe('importers: telling formats apart', () => {
  it('refuses a shape it does not know, with a message that says how to choose', () => {
    for (const doc of [{ foo: 1 }, [], null, 'text', { schedule: { conference: {} } }]) {
      expect(detectFormat(doc)).to.equal(undefined);
      expect(() => importProgramme(doc)).to.throw(/^Could not tell the format of this programme: it is neither .* nor .*; set format=/);
    }
  });

  it('passes a programme v1 through untouched, and a broken one too, for validation to explain', () => {
    const native = { version: 1, conference: { id: 'x', title: 'X', timeZone: 'UTC' }, panels: [] };
    expect(detectFormat(native)).to.equal('native');
    expect(importProgramme(native).programme).to.equal(native);
    expect(detectFormat({ conference: {}, panels: [] })).to.equal('native');
  });

  it('tells pretalx by its generator, frab otherwise; a named format overrides detection', async () => {
    const base = frab([event()]);
    expect(detectFormat(base)).to.equal('frab');
    expect(detectFormat({ ...base, generator: { name: 'pretalx', version: '2025.1.0' } })).to.equal('pretalx');
    expect(importProgramme(await real('pretalx-democon'), 'frab').format).to.equal('frab');
  });

  it('says what is missing when a named format does not fit the document', () => {
    expect(() => importProgramme({ foo: 1 }, 'frab')).to.throw(/not a frab schedule\.json v1: it has no schedule\.conference\.days/);
    expect(() => importProgramme({ schedule: {} }, 'c3voc2')).to.throw(/not a c3voc schedule v2: it has no events list/);
    expect(() => importProgramme({ foo: 1 }, 'oops' as ProgrammeFormat)).to.throw(/Unknown programme format "oops"/);
  });
});

describe("importers: pretalx's widget JSON", () => {
  // The shape of /{event}/schedule/widgets/schedule.json (pretalx's Schedule.build_data): talks refer to
  // rooms and tracks by id and to speakers by code; names may be translated; breaks have no code.
  const widget = {
    version: 'v1.0',
    timezone: 'Europe/Vienna',
    event_start: '2025-05-06',
    event_end: '2025-05-07',
    content_locales: ['de', 'en'],
    talks: [
      {
        code: 'ABCDEF',
        id: 11,
        title: 'Schedules for everyone',
        abstract: 'Short **Markdown** abstract.',
        description: 'Longer text.',
        speakers: ['SPK1', 'SPK2'],
        track: 3,
        start: '2025-05-06T10:00:00+02:00',
        end: '2025-05-06T10:45:00+02:00',
        room: 7,
        duration: 45,
        updated: '2025-04-01T12:00:00+00:00',
        state: null,
        session_type: { de: 'Vortrag', en: 'Talk' },
        content_locale: 'en',
      },
      {
        code: 'GHIJKL',
        id: 12,
        title: 'Late night hacking',
        abstract: null,
        speakers: ['SPK2'],
        track: null,
        start: '2025-05-07T00:30:00+02:00',
        end: '2025-05-07T02:00:00+02:00',
        room: 8,
        duration: 90,
      },
      { id: 13, title: { en: 'Coffee break' }, start: '2025-05-06T10:45:00+02:00', end: '2025-05-06T11:15:00+02:00', room: 7 },
    ],
    tracks: [{ id: 3, name: { en: 'Tooling', de: 'Werkzeuge' }, description: {}, color: '#123456' }],
    rooms: [
      { id: 7, name: { en: 'Main hall', de: 'Großer Saal' }, description: {} },
      { id: 8, name: 'Basement', description: '' },
    ],
    speakers: [
      { code: 'SPK1', name: 'Ada Lovelace', avatar: null },
      { code: 'SPK2', name: 'Grace Hopper', avatar: null },
    ],
  };

  it('maps talks, rooms, tracks and speakers, leaves breaks out, and names the event from its URL', () => {
    expect(detectFormat(widget)).to.equal('pretalx');
    const { programme, format, notes } = imported(widget, 'auto', 'https://pretalx.example/fooconf/schedule/widgets/schedule.json');
    expect(format).to.equal('pretalx');
    expect(counts(programme)).to.deep.equal({ panels: 2, sessions: 2, papers: 0 });
    expect(programme.conference).to.deep.equal({
      id: 'fooconf',
      title: 'fooconf',
      timeZone: 'Europe/Vienna',
      locale: 'en',
      url: 'https://pretalx.example/fooconf/',
    });
    expect(programme.panels[0]).to.deep.equal({
      id: 'ABCDEF',
      title: 'Schedules for everyone',
      format: 'Vortrag',
      theme: 'Werkzeuge',
      location: 'Großer Saal',
      description: 'Short Markdown abstract.\n\nLonger text.',
      url: 'https://pretalx.example/fooconf/talk/ABCDEF/',
      convenors: [{ name: 'Ada Lovelace' }, { name: 'Grace Hopper' }],
      sessions: [{ id: 'ABCDEF-1', start: '2025-05-06T10:00:00+02:00', end: '2025-05-06T10:45:00+02:00' }],
    });
    expect(programme.panels[1]).to.deep.include({ location: 'Basement', convenors: [{ name: 'Grace Hopper' }] });
    expect(programme.panels[1].sessions![0]).to.deep.include({ start: '2025-05-07T00:30:00+02:00', end: '2025-05-07T02:00:00+02:00' });
    expect(notes.join(' ')).to.contain('1 break was left out').and.contain('"fooconf"');
  });

  it('without a URL, still gives the conference an id and title, and says so', () => {
    const { programme, notes } = imported(widget, 'pretalx');
    expect(programme.conference).to.deep.include({ id: 'pretalx', title: 'pretalx' });
    expect(notes.join(' ')).to.contain('no conference acronym');
  });
});

describe('loadProgramme with a format', () => {
  afterEach(() => clearProgrammeCache());

  async function failure(src: string, format?: ProgrammeFormat): Promise<ProgrammeLoadError> {
    try {
      await loadProgramme(src, undefined, format);
    } catch (e) {
      expect(e).to.be.instanceOf(ProgrammeLoadError);
      return e as ProgrammeLoadError;
    }
    throw new Error(`${src} loaded, but should have failed`);
  }

  it('reads each real file through its importer, detected or named', async () => {
    const camp = await loadProgramme(`${FIXTURES}/frab-camp2019.json`);
    expect(camp.panel('a0a0fcfe-b7fb-46e3-84b6-97a5406016b4')?.title).to.equal('Opening Ceremony');
    expect(camp.session('a0a0fcfe-b7fb-46e3-84b6-97a5406016b4-1')?.start).to.equal('2019-08-21T11:00:00+02:00');

    const democon = await loadProgramme(`${FIXTURES}/pretalx-democon.json`, undefined, 'pretalx');
    expect(democon.conference.timeZone).to.equal('Etc/GMT-1');
    expect(democon.programme.panels).to.have.length(36);

    const hub = await loadProgramme(`${FIXTURES}/hub-schedule2.json`, undefined, 'c3voc2');
    expect(hub.panel('b1740c2f-0c44-5f1b-89ed-456a9eecf0b8')?.location).to.equal('Saal ZIGZAG');
  });

  it('keeps one cache entry per URL and format', async () => {
    const src = `${FIXTURES}/pretalx-democon.json`;
    const [a, b] = await Promise.all([loadProgramme(src), loadProgramme(src, undefined, 'auto')]);
    expect(a).to.equal(b);
    const c = await loadProgramme(src, undefined, 'frab');
    expect(c).not.to.equal(a);
    expect(c.programme.panels).to.have.length(36);
  });

  it("reports a shape no importer knows as an invalid programme, with the importer's message", async () => {
    const e = await failure('/package.json?t=importers');
    expect(e.kind).to.equal('invalid');
    expect(e.message).to.contain('Could not tell the format of this programme').and.contain('set format=');
  });

  it('validates a document named native as it is', async () => {
    const e = await failure(`${FIXTURES}/hub-schedule2.json`, 'native');
    expect(e.kind).to.equal('invalid');
    expect(e.problems.map((p) => p.path)).to.include.members(['version', 'conference', 'panels']);
  });

  it('reports a named format that does not fit as invalid', async () => {
    const e = await failure(`${FIXTURES}/frab-camp2019.json`, 'c3voc2');
    expect(e.kind).to.equal('invalid');
    expect(e.message).to.contain('not a c3voc schedule v2');
  });
});
