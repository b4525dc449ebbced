import { expect } from '@open-wc/testing';
import { buildProgramme } from '../src/data/importers/build.js';
import { isIndicoEvent, isIndicoTimetable } from '../src/data/importers/indico.js';
import { Notes } from '../src/data/importers/notes.js';
import type { DraftOptions } from '../src/data/importers/options.js';
import { isSessionize, sessionizeDraft } from '../src/data/importers/sessionize.js';
import type { Panel, Programme } from '../src/data/types.js';
import { validateProgramme } from '../src/data/validate.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

const FIXTURES = '/test/fixtures/interop';
const API = 'https://sessionize.com/api/v2/jl4ktls0/view/All';
let gab: Json;

/** The real file, fetched once (copied unchanged from data/interop/). */
async function real(): Promise<Json> {
  gab ??= await (await fetch(`${FIXTURES}/sessionize-gab2022.json`)).json();
  return structuredClone(gab);
}

/** Draft → programme → validation (no problems), with the notes and what was skipped. */
function imported(json: Json, options: DraftOptions = { timeZone: 'Europe/Vienna' }) {
  const notes = new Notes();
  const programme: Programme = buildProgramme(sessionizeDraft(json, notes, options), notes, options);
  expect(validateProgramme(programme).problems, 'the imported programme validates').to.deep.equal([]);
  return { programme, notes: notes.list(), skipped: notes.skipped() };
}

const sessionCount = (p: Programme) => p.panels.reduce((n, x) => n + (x.sessions?.length ?? 0), 0);
const panel = (p: Programme, id: string): Panel => {
  const found = p.panels.find((x) => x.id === id);
  if (!found) throw new Error(`no panel ${id}`);
  return found;
};

/** A minimal view/All document around the given sessions. */
function doc(sessions: Json[], extra: Json = {}): Json {
  return {
    sessions,
    speakers: [
      { id: 'sp-1', firstName: 'Ada', lastName: 'Lovelace', fullName: 'Ada Lovelace' },
      { id: 'sp-2', firstName: 'Grace', lastName: 'Hopper' },
    ],
    questions: [],
    categories: [
      { id: 1, title: 'Session format', items: [{ id: 10, name: 'Workshop' }] },
      {
        id: 2,
        title: 'Track',
        items: [
          { id: 20, name: 'Cloud' },
          { id: 21, name: 'Data' },
        ],
      },
      { id: 3, title: 'Level', items: [{ id: 30, name: 'Beginner' }] },
    ],
    rooms: [{ id: 7, name: 'Hall A', sort: 0 }],
    ...extra,
  };
}

const session = (fields: Json = {}): Json => ({
  id: '1',
  title: 'A session',
  description: 'Text',
  startsAt: '2025-03-30T09:00:00',
  endsAt: '2025-03-30T10:00:00',
  isServiceSession: false,
  isPlenumSession: false,
  speakers: ['sp-1'],
  categoryItems: [],
  questionAnswers: [],
  roomId: 7,
  liveUrl: null,
  recordingUrl: null,
  ...fields,
});

describe('Sessionize view/All: sessionize-gab2022.json', () => {
  it('is told apart from the other formats', async () => {
    const json = await real();
    expect(isSessionize(json)).to.equal(true);
    expect(isIndicoEvent(json)).to.equal(false);
    expect(isIndicoTimetable(json)).to.equal(false);
    for (const other of [{ sessions: [] }, { schedule: { conference: { days: [] } } }, { results: [] }, [], null, 'x'])
      expect(isSessionize(other)).to.equal(false);
  });

  it('every session is a panel with one session, in its room, track and speakers, at Vienna time', async () => {
    const json = await real();
    const { programme, notes, skipped } = imported(json, { timeZone: 'Europe/Vienna', url: API });
    expect(json.sessions).to.have.length(24);
    expect(programme.panels).to.have.length(json.sessions.length);
    expect(sessionCount(programme)).to.equal(json.sessions.length);
    expect(programme.panels.every((p) => !p.sessions![0].papers)).to.equal(true);
    expect(skipped).to.deep.equal([]);
    expect(programme.conference).to.deep.equal({ id: 'jl4ktls0', title: 'jl4ktls0', timeZone: 'Europe/Vienna' });

    const rooms = new Map(json.rooms.map((r: Json) => [r.id, r.name]));
    const speakers = new Map(json.speakers.map((s: Json) => [s.id, s.fullName]));
    const items = new Map(json.categories.flatMap((c: Json) => c.items.map((i: Json) => [i.id, { category: c.title, name: i.name }])));
    for (const s of json.sessions) {
      const p = panel(programme, s.id);
      expect(p.title).to.equal(s.title);
      expect(p.location).to.equal(rooms.get(s.roomId));
      expect(p.convenors).to.deep.equal(s.speakers.map((id: string) => ({ name: speakers.get(id) })));
      const track = s.categoryItems.map((id: number) => items.get(id)).find((i: Json) => i.category === 'Track');
      expect(p.theme).to.equal(track.name);
      expect(p.format).to.equal(undefined);
      // 6 May 2022 in Vienna is summer time: the wall time at +02:00.
      expect(p.sessions![0]).to.deep.include({ start: `${s.startsAt}+02:00`, end: `${s.endsAt}+02:00` });
      expect(p.description ?? '').not.to.contain('\r');
    }
    expect(panel(programme, '335022').sessions![0]).to.deep.equal({ id: '335022-1', start: '2022-05-06T09:00:00+02:00', end: '2022-05-06T09:10:00+02:00' });
    expect(Date.parse(panel(programme, '335022').sessions![0].start)).to.equal(Date.UTC(2022, 4, 6, 7, 0));

    // 29 speakers, each named where they speak; 7 sessions have more than one.
    const named = new Set(programme.panels.flatMap((p) => (p.convenors ?? []).map((c) => c.name)));
    expect(named.size).to.equal(json.speakers.length);
    expect(named.size).to.equal(29);
    expect(programme.panels.filter((p) => (p.convenors?.length ?? 0) > 1)).to.have.length(7);
    expect(new Set(programme.panels.map((p) => p.location))).to.deep.equal(new Set(json.rooms.map((r: Json) => r.name)));

    expect(notes.join('\n')).to.contain('The Sessionize category "Language" ("English", "German") has no place in the programme');
    expect(notes.join('\n')).to.contain('the event\'s code from its URL ("jl4ktls0")');
    // Sessionize never writes an offset: one note says in which zone its sessions are read and how to change it, not a tally of "events".
    expect(notes.join('\n')).to.contain(
      'Sessionize\'s times carry no time zone: the 24 sessions are read as Europe/Vienna time, the time-zone given (time-zone="Europe/Vienna"); if the event is elsewhere, set time-zone to its zone.',
    );
    expect(notes.join('\n')).not.to.contain('without an offset');
    expect(notes.join('\n')).not.to.match(/\bevents? (has|have)\b/);
  });

  it('without a zone from the host, is refused with a message that says how to set one', async () => {
    const json = await real();
    const notes = new Notes();
    const draft = sessionizeDraft(json, notes, {});
    expect(draft.conference.timeZone).to.equal(undefined);
    expect(() => buildProgramme(draft, notes, {})).to.throw(/does not say its time zone .*Sessionize.*time-zone="Area\/City"/);
  });

  it('without an API address, is called "Sessionize", and says so', async () => {
    const { programme, notes } = imported(await real(), { timeZone: 'Europe/Vienna', url: 'https://example.org/data/sessionize.json' });
    expect(programme.conference).to.deep.include({ id: 'sessionize', title: 'Sessionize' });
    expect(notes.join(' ')).to.contain('its URL does not say which event it is; the programme is called "Sessionize"');
  });
});

describe('Sessionize: what each field becomes', () => {
  it('maps the format and track categories, notes the others, and links only http(s)', () => {
    const { programme, notes } = imported(
      doc([
        session({
          id: '1',
          categoryItems: [10, 20, 30],
          speakers: ['sp-1', 'sp-2'],
          recordingUrl: 'https://video.example/1',
          liveUrl: 'https://live.example/1',
        }),
        session({ id: '2', categoryItems: [20, 21], liveUrl: 'javascript:alert(1)' }),
        session({ id: '3', liveUrl: 'https://live.example/3', description: '<p>Hello &amp; <b>welcome</b></p>' }),
      ]),
    );
    const [a, b, c] = programme.panels;
    expect(a).to.deep.include({
      format: 'Workshop',
      theme: 'Cloud',
      location: 'Hall A',
      url: 'https://video.example/1',
      convenors: [{ name: 'Ada Lovelace' }, { name: 'Grace Hopper' }],
    });
    expect(b.url).to.equal(undefined);
    expect(b.theme).to.equal('Cloud');
    expect(c.url).to.equal('https://live.example/3');
    expect(c.description).to.equal('Hello & welcome');
    // 30 March 2025 in Vienna: clocks go forward at 02:00, so 09:00 is +02:00.
    expect(a.sessions![0].start).to.equal('2025-03-30T09:00:00+02:00');
    const all = notes.join('\n');
    expect(all).to.contain('"Level" ("Beginner") has no place');
    expect(all).to.contain('1 session is in more than one track; the first is its theme: "A session"');
  });

  it('keeps service sessions as the format "Service", lists an unscheduled session without a time, and notes unknown ids', () => {
    const { programme, notes, skipped } = imported(
      doc([
        session({
          id: 'lunch',
          title: 'Lunch',
          isServiceSession: true,
          speakers: [],
          description: null,
          startsAt: '2025-03-30T12:00:00',
          endsAt: '2025-03-30T13:00:00',
        }),
        session({ id: 'later', title: 'Not yet', startsAt: null, endsAt: null }),
        session({ id: 'ghost', speakers: ['sp-404'], roomId: 99 }),
        'not a session',
      ]),
    );
    expect(panel(programme, 'lunch')).to.deep.include({ title: 'Lunch', format: 'Service', location: 'Hall A' });
    expect(panel(programme, 'lunch').sessions![0]).to.deep.include({ start: '2025-03-30T12:00:00+02:00', end: '2025-03-30T13:00:00+02:00' });
    expect(panel(programme, 'later').sessions).to.equal(undefined);
    expect(panel(programme, 'ghost')).not.to.have.property('location');
    expect(panel(programme, 'ghost')).not.to.have.property('convenors');
    expect(skipped.map((s) => [s.path, s.kind])).to.have.deep.members([
      ['sessions[1]', 'event'],
      ['sessions[3]', 'event'],
    ]);
    const all = notes.join('\n');
    expect(all).to.contain('1 speaker reference names no speaker in the file');
    expect(all).to.contain('1 session is in a room the file does not list');
    expect(all).to.contain('no start time that can be read');
  });

  it('reads the grouped view/Sessions shape: speakers and categories inside each session', () => {
    const grouped = [
      {
        groupId: null,
        groupName: 'All',
        isDefault: true,
        sessions: [
          session({
            id: '9',
            speakers: [{ id: 'x', name: 'Lin Yu' }],
            categories: [{ id: 2, name: 'Track', categoryItems: [{ id: 20, name: 'Cloud' }], sort: 1 }],
            categoryItems: undefined,
            roomId: 7,
            room: 'Hall B',
          }),
        ],
      },
    ];
    expect(isSessionize(grouped)).to.equal(true);
    const { programme } = imported(grouped);
    expect(programme.panels[0]).to.deep.include({ id: '9', theme: 'Cloud', location: 'Hall B', convenors: [{ name: 'Lin Yu' }] });
  });

  it('refuses a document that is not Sessionize', () => {
    expect(() => sessionizeDraft({ foo: 1 }, new Notes(), {})).to.throw(/not a Sessionize export/);
  });
});
