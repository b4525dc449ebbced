import { expect } from '@open-wc/testing';
import { buildProgramme, type Draft } from '../src/data/importers/build.js';
import { indicoDraft, isIndicoEvent, isIndicoTimetable } from '../src/data/importers/indico.js';
import { Notes } from '../src/data/importers/notes.js';
import { isSessionize } from '../src/data/importers/sessionize.js';
import type { Panel, Paper, Programme } from '../src/data/types.js';
import { validateProgramme } from '../src/data/validate.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

const FIXTURES = '/test/fixtures/interop';
type Name = 'indico-fel2022-sessions' | 'indico-docs-timetable-137346' | 'indico-docs-event-137346-contributions' | 'indico-docs-event-137346-sessions';
const files: Record<string, Json> = {};

/** The real files, fetched once from the test server (copied unchanged from data/interop/). */
async function real(name: Name): Promise<Json> {
  files[name] ??= await (await fetch(`${FIXTURES}/${name}.json`)).json();
  return structuredClone(files[name]);
}

/** Draft → programme → validation (no problems), with the notes and what was skipped. */
function imported(json: Json) {
  const notes = new Notes();
  const programme: Programme = buildProgramme(indicoDraft(json, notes), notes);
  expect(validateProgramme(programme).problems, 'the imported programme validates').to.deep.equal([]);
  return { programme, notes: notes.list(), skipped: notes.skipped() };
}

const papersOf = (p: Programme): Paper[] => p.panels.flatMap((x) => (x.sessions ?? []).flatMap((s) => s.papers ?? []));
const counts = (p: Programme) => ({
  panels: p.panels.length,
  sessions: p.panels.reduce((n, x) => n + (x.sessions?.length ?? 0), 0),
  papers: papersOf(p).length,
});
const panel = (p: Programme, id: string): Panel => {
  const found = p.panels.find((x) => x.id === id);
  if (!found) throw new Error(`no panel ${id}`);
  return found;
};

/** An Indico `{ date, time, tz }` as the instant it names in a zone with the offset given. */
const at = (t: Json, offset: string) => `${t.date}T${t.time}${offset}`;
/** A person of the raw export as the programme names them. */
const named = (p: Json) => {
  const name = `${p.first_name} ${p.last_name}`.replace(/\s+/g, ' ').trim();
  const affiliation = p.affiliation.trim();
  return affiliation ? { name, affiliation } : { name };
};
const ascending = (xs: number[]) => xs.every((x, i) => i === 0 || xs[i - 1] <= x);

describe('Indico event export: indico-fel2022-sessions.json (detail=sessions, real)', () => {
  it('is told apart from the other formats', async () => {
    const json = await real('indico-fel2022-sessions');
    expect(isIndicoEvent(json)).to.equal(true);
    expect(isIndicoTimetable(json)).to.equal(false);
    expect(isSessionize(json)).to.equal(false);
  });

  it('each session is a panel, its blocks the sessions, its 256 contributions papers; Europe/Zurich as the file says', async () => {
    const json = await real('indico-fel2022-sessions');
    const event = json.results[0];
    const { programme, notes, skipped } = imported(json);
    const contributions = event.sessions.reduce((n: number, s: Json) => n + s.contributions.length, 0);
    expect(event.contributions).to.deep.equal([]);
    expect(contributions).to.equal(256);
    expect(counts(programme)).to.deep.equal({
      panels: new Set(event.sessions.map((s: Json) => s.session.db_id)).size,
      sessions: event.sessions.length,
      papers: contributions,
    });
    expect(counts(programme)).to.deep.equal({ panels: 21, sessions: 21, papers: 256 });
    expect(notes).to.deep.equal([]);
    expect(skipped).to.deep.equal([]);
    expect(programme.conference).to.deep.equal({ id: 'indico-44', title: 'FEL2022', timeZone: 'Europe/Zurich', url: 'https://indico.jacow.org/event/44/' });

    // Every block: its times (Zurich is +02:00 in August, as is Trieste), its room, its contributions in time order.
    for (const slot of event.sessions) {
      const p = panel(programme, `session-${slot.session.db_id}`);
      expect(p.title).to.equal(slot.session.title);
      const s = p.sessions!.find((x) => x.id === `block-${slot.id}`)!;
      expect(s).to.deep.include({ start: at(slot.startDate, '+02:00'), end: at(slot.endDate, '+02:00') });
      expect(s.location ?? p.location).to.equal(slot.room);
      expect(s.papers!.map((x) => x.id).sort()).to.deep.equal(slot.contributions.map((c: Json) => `contribution-${c.db_id}`).sort());
      const starts = s.papers!.map((x) => Date.parse(at(slot.contributions.find((c: Json) => `contribution-${c.db_id}` === x.id).startDate, '+02:00')));
      expect(ascending(starts), `${p.title} in time order`).to.equal(true);
      expect(p.convenors).to.deep.equal(slot.session.sessionConveners.length ? slot.session.sessionConveners.map(named) : undefined);
    }
    // Blocks come in the file out of time order; the panels keep the file's order.
    expect(programme.panels.map((p) => p.id).slice(0, 3)).to.deep.equal(['session-104', 'session-100', 'session-101']);
    expect(panel(programme, 'session-104')).to.deep.include({
      title: 'Tutorial 1: How to expand your research network and write a successful  project proposal',
      location: 'Auditorium Generali',
      url: 'https://indico.jacow.org/event/44/sessions/104/',
      convenors: [{ name: 'Cecilia Blasetti', affiliation: 'Elettra-Sincrotrone Trieste S.C.p.A.' }],
    });
    expect(panel(programme, 'session-104').sessions![0]).to.deep.include({
      id: 'block-115',
      start: '2022-08-22T17:30:00+02:00',
      end: '2022-08-22T19:00:00+02:00',
    });
    expect(Date.parse('2022-08-22T17:30:00+02:00')).to.equal(Date.UTC(2022, 7, 22, 15, 30));
    expect(new Set(programme.panels.map((p) => p.location))).to.deep.equal(new Set(['Auditorium Generali', 'Exhibition Hall']));
  });

  it('papers carry authors with affiliations (primary, co-authors, then other speakers) and plain-text abstracts', async () => {
    const json = await real('indico-fel2022-sessions');
    const { programme } = imported(json);
    const papers = new Map(papersOf(programme).map((p) => [p.id, p]));
    expect(papers.size).to.equal(256);
    for (const c of json.results[0].sessions.flatMap((s: Json) => s.contributions)) {
      const paper = papers.get(`contribution-${c.db_id}`)!;
      expect(paper.title).to.equal(c.title);
      const people = [...c.primaryauthors, ...c.coauthors, ...c.speakers].map(named);
      const once = people.filter((p, i) => people.findIndex((q) => q.name === p.name) === i);
      expect(paper.authors ?? [], c.title).to.deep.equal(once);
      if (c.description)
        expect(paper.abstract, c.title)
          .to.be.a('string')
          .and.not.match(/\r|<\/?(p|br|div)\b/);
      else expect(paper.abstract).to.equal(undefined);
    }
    const withAffiliation = [...papers.values()].flatMap((p) => p.authors ?? []).filter((a) => a.affiliation);
    expect(withAffiliation.length).to.be.greaterThan(1000);
  });

  it('poster blocks of many contributions sharing a start are one session each, papers ordered by start then code', async () => {
    const json = await real('indico-fel2022-sessions');
    const { programme } = imported(json);
    const posters = json.results[0].sessions.filter((s: Json) => s.contributions.length >= 56);
    expect(posters.map((s: Json) => s.contributions.length)).to.deep.equal([56, 72, 58]);
    for (const slot of posters) {
      const p = panel(programme, `session-${slot.session.db_id}`);
      expect(p).to.deep.include({ format: 'Poster Presentation', location: 'Exhibition Hall' });
      expect(p.sessions).to.have.length(1);
      expect(p.sessions![0]).to.deep.include({ title: 'Coffee & Exhibition', start: at(slot.startDate, '+02:00') });
      const byId = new Map(slot.contributions.map((c: Json) => [`contribution-${c.db_id}`, c]));
      const order = p.sessions![0].papers!.map((x) => byId.get(x.id) as Json);
      const first = [...slot.contributions].sort(
        (a: Json, b: Json) => a.startDate.time.localeCompare(b.startDate.time) || a.code.localeCompare(b.code, 'en', { numeric: true }),
      )[0];
      expect(order[0].code).to.equal(first.code);
    }
  });

  it('makes the track all its contributions share the theme of a panel', async () => {
    const { programme } = imported(await real('indico-fel2022-sessions'));
    expect(panel(programme, 'session-103')).to.deep.include({ title: 'SASE FELs', theme: 'SASE FEL' });
    expect(panel(programme, 'session-120').theme).to.equal(undefined);
  });
});

describe("Indico's documentation examples", () => {
  it('timetable: one contribution outside any session, a talk of its own at 16:00 Zurich time', async () => {
    const json = await real('indico-docs-timetable-137346');
    expect(isIndicoTimetable(json)).to.equal(true);
    expect(isIndicoEvent(json)).to.equal(false);
    const { programme, notes } = imported(json);
    expect(counts(programme)).to.deep.equal({ panels: 1, sessions: 1, papers: 0 });
    expect(programme.conference).to.deep.equal({
      id: 'indico-137346',
      title: 'indico-137346',
      timeZone: 'Europe/Zurich',
      url: 'https://indico.server/event/137346/',
    });
    expect(programme.panels[0]).to.deep.equal({
      id: 'contribution-0',
      title: 'Contrib 1',
      location: '160-1-009',
      sessions: [{ id: 'contribution-0-1', start: '2013-04-29T16:00:00+02:00', end: '2013-04-29T16:30:00+02:00' }],
    });
    expect(notes).to.deep.equal(['The source names no conference title; the programme is called "indico-137346".']);
  });

  it('event, detail=sessions: the session is a panel with its contribution; the other three are talks', async () => {
    const json = await real('indico-docs-event-137346-sessions');
    const event = json.results[0];
    const { programme, notes } = imported(json);
    expect(counts(programme)).to.deep.equal({ panels: 1 + event.contributions.length, sessions: 4, papers: event.sessions[0].contributions.length });
    const session = panel(programme, 'session-0');
    // The session has no end of its own: its block ends with its last contribution.
    expect(session.sessions).to.deep.equal([
      { id: 'session-0-1', start: '2011-06-24T14:00:00+02:00', end: '2011-06-24T14:20:00+02:00', papers: [{ id: 'contribution-3', title: 'd2s1c1' }] },
    ]);
    expect(panel(programme, 'contribution-2').sessions![0]).to.deep.include({ start: '2011-06-24T12:00:00+02:00', end: '2011-06-24T14:00:00+02:00' });
    expect(programme.conference).to.deep.include({ id: 'indico-137346', title: 'Export Test', timeZone: 'Europe/Zurich' });
    expect(notes).to.deep.equal([]);
  });

  it('event, detail=contributions: a contribution naming a session is grouped into a panel for it, and that is said', async () => {
    const json = await real('indico-docs-event-137346-contributions');
    const { programme, notes } = imported(json);
    expect(counts(programme)).to.deep.equal({ panels: 4, sessions: 4, papers: 1 });
    const made = programme.panels.find((p) => p.title === 'd2s1')!;
    expect(made.sessions).to.deep.equal([
      { id: `${made.id}-1`, start: '2011-06-24T14:00:00+02:00', end: '2011-06-24T14:20:00+02:00', papers: [{ id: 'contribution-3', title: 'd2s1c1' }] },
    ]);
    expect(notes.join(' ')).to.contain('1 contribution names a session the export does not describe').and.contain('detail=sessions');
  });
});

describe('Indico: shapes the real files do not show', () => {
  const t = (date: string, time: string, tz = 'Europe/Zurich') => ({ date, time, tz });
  const person = (first: string, last: string, affiliation = '') => ({ first_name: first, last_name: last, fullName: `${last}, ${first}`, affiliation });

  it('timetable: blocks of one session become one panel, in time order; breaks in blocks are left out, others kept', () => {
    const contribution = (id: number, time: string, title: string) => ({
      entryType: 'Contribution',
      id: `c${id}`,
      contributionId: id,
      title,
      description: '<p>About it</p>',
      startDate: t('2024-10-27', time),
      endDate: t('2024-10-27', time),
      presenters: [{ firstName: 'Ada', familyName: 'Lovelace', affiliation: 'Analytical', name: 'Ada Lovelace' }],
      room: 'A',
    });
    const block = (slot: number, start: string, end: string, entries: Json) => ({
      entryType: 'Session',
      id: `s${slot}`,
      sessionId: 5,
      sessionSlotId: slot,
      title: 'Engines',
      slotTitle: `Part ${slot}`,
      startDate: t('2024-10-27', start),
      endDate: t('2024-10-27', end),
      room: 'A',
      conveners: [{ firstName: 'Charles', familyName: 'Babbage', affiliation: 'Cambridge' }],
      isPoster: false,
      entries,
    });
    const json = {
      _type: 'HTTPAPIResult',
      url: 'https://indico.example/export/timetable/9.json?ak=secret',
      results: {
        '9': {
          '20241027': {
            s2: block(2, '14:00', '15:00', {
              c3: contribution(3, '14:30', 'Late'),
              c2: contribution(2, '14:00', 'Early'),
              b1: { entryType: 'Break', title: 'Tea' },
            }),
            s1: block(1, '01:30', '03:30', { c1: contribution(1, '02:30', 'Across the change') }),
            b9: { entryType: 'Break', id: 'b9', title: 'Lunch', startDate: t('2024-10-27', '12:00'), endDate: t('2024-10-27', '13:00'), room: 'Foyer' },
          },
          '20241028': { s2: block(2, '14:00', '15:00', {}) },
        },
      },
    };
    expect(isIndicoTimetable(json)).to.equal(true);
    const { programme, notes } = imported(json);
    expect(programme.conference.url).to.equal('https://indico.example/event/9/');
    const engines = panel(programme, 'session-5');
    expect(engines).to.deep.include({ title: 'Engines', location: 'A', convenors: [{ name: 'Charles Babbage', affiliation: 'Cambridge' }] });
    // 27 October 2024: Zurich leaves summer time at 03:00, so the first block runs from +02:00 into +01:00.
    expect(engines.sessions!.map((s) => [s.id, s.title, s.start, s.end])).to.deep.equal([
      ['block-1', 'Part 1', '2024-10-27T01:30:00+02:00', '2024-10-27T03:30:00+01:00'],
      ['block-2', 'Part 2', '2024-10-27T14:00:00+01:00', '2024-10-27T15:00:00+01:00'],
    ]);
    expect(engines.sessions![1].papers).to.deep.equal([
      { id: 'contribution-2', title: 'Early', authors: [{ name: 'Ada Lovelace', affiliation: 'Analytical' }], abstract: 'About it' },
      { id: 'contribution-3', title: 'Late', authors: [{ name: 'Ada Lovelace', affiliation: 'Analytical' }], abstract: 'About it' },
    ]);
    expect(panel(programme, 'break-9')).to.deep.include({ title: 'Lunch', format: 'Break', location: 'Foyer' });
    expect(notes.join(' ')).to.contain('1 break inside a session block is left out');
  });

  it('event: a session of two blocks, conveners and chairs, times exported in another zone, a contribution listed twice', () => {
    const contribution = (db: number, time: string, extra: Json = {}) => ({
      _type: 'Contribution',
      id: String(db - 100),
      db_id: db,
      title: `Paper ${db}`,
      startDate: t('2023-07-03', time, 'UTC'),
      endDate: t('2023-07-03', time, 'UTC'),
      duration: 20,
      room: 'Aula',
      description: '',
      primaryauthors: [person('Emmy', 'Noether', 'Göttingen')],
      coauthors: [person('David', 'Hilbert')],
      speakers: [person('Emmy', 'Noether', 'Göttingen'), person('Hermann', 'Weyl', 'ETH')],
      track: { id: 1, title: 'Algebra' },
      session: 'Rings',
      ...extra,
    });
    const ring = {
      db_id: 7,
      id: '2',
      title: 'Rings',
      type: null,
      isPoster: false,
      sessionConveners: [person('Emil', 'Artin', 'Hamburg')],
      url: '/event/3/sessions/7/',
    };
    const slot = (id: number, start: string, end: string, conveners: Json[], contributions: Json[]) => ({
      _type: 'SessionSlot',
      id,
      session: ring,
      title: 'Rings',
      slotTitle: '',
      startDate: t('2023-07-03', start, 'UTC'),
      endDate: t('2023-07-03', end, 'UTC'),
      room: 'Aula',
      conveners,
      contributions,
    });
    const json = {
      results: [
        {
          _type: 'Conference',
          id: '3',
          title: 'Algebra Days',
          timezone: 'Europe/Berlin',
          url: 'https://indico.example/event/3/',
          startDate: t('2023-07-03', '08:00'),
          sessions: [
            slot(21, '12:00', '13:00', [person('Hermann', 'Weyl', 'ETH')], [contribution(202, '12:20'), contribution(201, '12:00')]),
            slot(20, '07:00', '08:00', [person('Emil', 'Artin', 'Hamburg')], [contribution(200, '07:00', { track: null })]),
          ],
          contributions: [contribution(201, '12:00', { session: null }), contribution(300, '09:00', { session: null, type: 'Keynote', speakers: [] })],
        },
      ],
    };
    const { programme, notes } = imported(json);
    expect(counts(programme)).to.deep.equal({ panels: 2, sessions: 3, papers: 3 });
    const rings = panel(programme, 'session-7');
    expect(rings).to.deep.include({
      title: 'Rings',
      location: 'Aula',
      url: 'https://indico.example/event/3/sessions/7/',
      convenors: [{ name: 'Emil Artin', affiliation: 'Hamburg' }],
      chairs: [{ name: 'Hermann Weyl', affiliation: 'ETH' }],
    });
    expect(rings.theme).to.equal(undefined);
    // Exported in UTC, shown at Berlin's summer offset: the same instants.
    expect(rings.sessions!.map((s) => [s.id, s.start, s.end])).to.deep.equal([
      ['block-20', '2023-07-03T09:00:00+02:00', '2023-07-03T10:00:00+02:00'],
      ['block-21', '2023-07-03T14:00:00+02:00', '2023-07-03T15:00:00+02:00'],
    ]);
    expect(rings.sessions![1].papers!.map((p) => p.id)).to.deep.equal(['contribution-201', 'contribution-202']);
    expect(rings.sessions![1].papers![0].authors).to.deep.equal([
      { name: 'Emmy Noether', affiliation: 'Göttingen' },
      { name: 'David Hilbert' },
      { name: 'Hermann Weyl', affiliation: 'ETH' },
    ]);
    // A contribution without speakers, outside any session: its authors present it.
    expect(panel(programme, 'contribution-300')).to.deep.include({
      format: 'Keynote',
      theme: 'Algebra',
      convenors: [{ name: 'Emmy Noether', affiliation: 'Göttingen' }, { name: 'David Hilbert' }],
    });
    expect(programme.conference.timeZone).to.equal('Europe/Berlin');
    expect(notes).to.deep.equal(['1 contribution is listed both in a session and on its own; it is shown once, in the session.']);
  });

  it('refuses a document that is not Indico', () => {
    expect(() => indicoDraft({ results: 'x' }, new Notes())).to.throw(/not an Indico export/);
    expect(isIndicoTimetable({ results: { 1: { notaday: {} } } })).to.equal(false);
  });
});

describe('buildProgramme: sessions and papers from a draft', () => {
  const draft = (talks: Draft['talks']): Draft => ({ prefix: 'x', conference: { id: 'c', title: 'C', timeZone: 'UTC', zoneField: 'tz' }, talks });

  it('makes every id unique across panels, sessions and papers, and says so', () => {
    const notes = new Notes();
    const programme = buildProgramme(
      draft([
        {
          ids: ['p'],
          title: 'P',
          convenors: [],
          sessions: [
            {
              ids: ['p'],
              start: '2024-01-01T10:00:00Z',
              duration: 30,
              papers: [
                { ids: ['p'], title: 'Q', authors: ['Ann', { name: 'Ann' }, { name: ' ' }] },
                { ids: [], authors: [] },
              ],
            },
          ],
        },
      ]),
      notes,
    );
    expect(validateProgramme(programme).problems).to.deep.equal([]);
    const s = programme.panels[0].sessions![0];
    expect([programme.panels[0].id, s.id, ...s.papers!.map((p) => p.id)]).to.deep.equal(['p', 'x-p', 'x-p-2', 'x-p-2-2']);
    expect(s.papers![0].authors).to.deep.equal([{ name: 'Ann' }]);
    expect(s.papers![1].title).to.equal('Untitled');
    expect(s).to.deep.include({ start: '2024-01-01T10:00:00Z', end: '2024-01-01T10:30:00Z' });
    const all = notes.list().join('\n');
    expect(all).to.contain('2 sessions or papers share an id with an earlier item').and.contain('1 paper has no id').and.contain('1 paper has no title');
  });
});
