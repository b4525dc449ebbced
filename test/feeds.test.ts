import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/index.js';
import type { SessionList } from '../src/elements/session-list/session-list.js';
import type { ProgrammeErrorDetail } from '../src/events.js';
import { record, visibleText } from './helpers.js';

/**
 * What conferences publish, pointed at by an element as a web editor would: a schedule.xml, an
 * iCalendar feed, a spreadsheet, Sessionize's and Indico's JSON, each told by its content (never
 * its file name). A feed that does not say its zone asks for time-zone=… in words.
 */
document.documentElement.lang = 'en-GB';
let counter = 0;
const real = (name: string) => `/test/fixtures/interop/${name}?t=${Date.now()}-${++counter}`;
const count = (el: Element) => el.shadowRoot!.querySelector('[part=count]')?.textContent?.trim();

async function listOf(src: string, attrs: Record<string, string> = {}) {
  const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 900px"></div>`);
  const el = document.createElement('session-list') as SessionList;
  el.setAttribute('deep-link', 'none');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  const errors = record<ProgrammeErrorDetail>(el, 'programme-error');
  el.setAttribute('src', src);
  wrapper.append(el);
  await waitUntil(() => count(el) || el.shadowRoot?.querySelector('[part=status][role=alert], [role=alert]'), 'never loaded nor failed', { timeout: 15000 });
  return { el, errors };
}

describe('feeds in other formats, in an element', function () {
  this.timeout(60_000);

  it('reads a frab schedule.xml by its content: every event of 31C3, at the offsets the file writes', async () => {
    const { el } = await listOf(real('frab-31c3.xml'));
    expect(count(el)).to.equal('138 sessions');
    const text = visibleText(el.shadowRoot!);
    expect(text).to.contain('Times are in');
  });

  it('asks for time-zone=… when a schedule.xml names no zone (FOSDEM), and reads it once given', async () => {
    const { el, errors } = await listOf(real('frab-fosdem2021.xml'));
    await waitUntil(() => errors.length > 0, 'no programme-error');
    expect(errors[0].detail.kind).to.equal('invalid');
    expect(visibleText(el.shadowRoot!)).to.contain('This schedule does not say its time zone: set time-zone="Area/City" on this element');
    expect(errors[0].detail.message).to.contain('(no time_zone_name)');
    const given = await listOf(real('frab-fosdem2021.xml'), { 'time-zone': 'Europe/Brussels' });
    expect(count(given.el)).to.equal('773 sessions');
  });

  it('refuses an XML file that is not a schedule.xml, and a JSON format asked for an XML body, in words', async () => {
    const other = await listOf(real('other-europython2014.xml'));
    await waitUntil(() => other.errors.length > 0, 'no programme-error');
    // The page says it in short; the event and the console say what was found.
    expect(visibleText(other.el.shadowRoot!)).to.contain('The programme could not be loaded.');
    expect(other.errors[0].detail.message).to.contain('XML with a root <schedule>, but not a frab/pentabarf schedule.xml');
    expect(other.errors[0].detail.kind).to.equal('not-json');
    const wrong = await listOf(real('frab-31c3.xml'), { format: 'pretalx' });
    await waitUntil(() => wrong.errors.length > 0, 'no programme-error');
    expect(wrong.errors[0].detail.message).to.contain('not a pretalx programme: it is not JSON');
  });
});

describe('JSON feeds of other systems, in an element', function () {
  this.timeout(60_000);

  it('reads Sessionize’s view/All by its shape once told the zone, and asks for it otherwise', async () => {
    const without = await listOf(real('sessionize-gab2022.json'));
    await waitUntil(() => without.errors.length > 0, 'no programme-error');
    expect(visibleText(without.el.shadowRoot!)).to.contain('This schedule does not say its time zone');
    const { el } = await listOf(real('sessionize-gab2022.json'), { 'time-zone': 'Europe/Vienna' });
    expect(count(el)).to.equal('24 sessions');
  });

  it('reads an Indico export with sessions, blocks and contributions (FEL2022)', async () => {
    const { el } = await listOf(real('indico-fel2022-sessions.json'));
    expect(count(el)).to.equal('21 sessions');
  });
});

describe('iCalendar feeds, in an element', function () {
  this.timeout(60_000);

  it('reads linux.conf.au 2020’s feed by its content: every event, in Brisbane time (TZID with no VTIMEZONE)', async () => {
    const { el } = await listOf(real('ical-lca2020.ics'));
    expect(count(el)).to.equal('262 sessions');
    expect(visibleText(el.shadowRoot!)).to.contain('Australian Eastern Standard Time');
  });
});

describe('a spreadsheet, in an element', function () {
  this.timeout(60_000);

  it('reads the documented CSV template once told the zone', async () => {
    const { el } = await listOf(`/docs/programme-template.csv?t=${++counter}`, { 'time-zone': 'Europe/London' });
    expect(count(el)).to.equal('3 sessions');
  });
});

describe('hostile or huge documents, bounded', function () {
  this.timeout(60_000);
  const blob = (doc: unknown) => URL.createObjectURL(new Blob([JSON.stringify(doc)], { type: 'application/json' }));
  const base = (panels: unknown[]) => ({ version: 1, conference: { id: `bounds-${++counter}`, title: 'Bounds', timeZone: 'UTC' }, panels });
  const good = { id: 'OK', title: 'A panel that is fine', sessions: [{ id: 'OK-1', start: '2025-03-01T09:00:00Z', end: '2025-03-01T10:00:00Z' }] };

  const cases: Array<[string, unknown, string]> = [
    [
      'a title that is one unbroken word of a million letters',
      { id: 'W', title: 'a'.repeat(1_000_000), sessions: [{ id: 'W-1', start: '2025-03-01T11:00:00Z', end: '2025-03-01T12:00:00Z' }] },
      'panels[0].title is 1000000 characters long; at most 200000 are read',
    ],
    [
      'a session with 10,000 papers',
      {
        id: 'M',
        title: 'Many papers',
        sessions: [
          {
            id: 'M-1',
            start: '2025-03-01T11:00:00Z',
            end: '2025-03-01T12:00:00Z',
            papers: Array.from({ length: 10_000 }, (_, i) => ({ id: `M-1-${i}`, title: `Paper ${i}` })),
          },
        ],
      },
      'panels[0].sessions[0].papers has 10000 items; at most 300 are read',
    ],
  ];
  for (const [name, bad, problem] of cases) {
    it(`shows the rest within a second and says what it left out: ${name}`, async () => {
      const started = performance.now();
      const { el, errors } = await listOf(blob(base([bad, good])));
      expect(count(el)).to.equal('1 session');
      const ms = performance.now() - started;
      console.log(`${name}: first render after ${Math.round(ms)} ms`);
      expect(ms, 'ms to the first render').to.be.below(2000);
      await waitUntil(() => errors.length > 0, 'no programme-error');
      expect(errors[0].detail.kind).to.equal('partial');
      expect(errors[0].detail.message).to.contain(problem);
    });
  }
});

describe('telling a spreadsheet by its header', () => {
  it('knows the layout after an Excel sep= line, with spaces or hyphens and any case in the names, as the CSV reader does', async () => {
    const { sniff } = await import('../src/data/importers/sniff.js');
    expect(sniff('panel_title,session_start,session_end\nA,2025-01-01 09:00,2025-01-01 10:00\n')).to.equal('csv');
    expect(sniff('\ufeffsep=;\n"Panel Title";Session-Start;Session End\n')).to.equal('csv');
    expect(sniff('title,start\n')).to.equal(undefined);
    expect(sniff('  <schedule/>')).to.equal('xml');
    expect(sniff('begin:vcalendar\r\n')).to.equal('ical');
  });
});
