import type { Draft, PaperDraft, PersonDraft, SessionDraft, TalkDraft } from './build.js';
import { httpUrl, isObject, list, obj, text, type Obj } from './json.js';
import { feedLink } from './link.js';
import type { Notes } from './notes.js';
import type { DraftOptions } from './options.js';
import { formatInstant, parseDateTime } from './time.js';
import { instantInZone, zoneOffset } from '../../time/zone.js';
import { isKnownTimeZone } from '../validate.js';

/**
 * Indico's HTTP API exports: the timetable (`/export/timetable/ID.json`) and the event with its
 * contributions or sessions (`/export/event/ID.json?detail=contributions|sessions`). Indico's
 * sessions are our panels: a session's blocks are the panel's sessions, its contributions their
 * papers. A contribution outside any session is a talk of its own (a panel with one session).
 */

const PREFIX = 'indico';
const DAY = /^\d{8}$/;

/**
 * True for an Indico timetable export: `results` is an object of event ids, each an object of days
 * (`YYYYMMDD`) holding the day's entries by id.
 */
export function isIndicoTimetable(json: unknown): boolean {
  const o = obj(json);
  if (!isObject(o.results)) return false;
  const events = Object.values(o.results);
  if (!events.length || !events.every((days) => isObject(days) && Object.keys(days).every((k) => DAY.test(k)))) return false;
  return o._type === 'HTTPAPIResult' || events.some((days) => Object.keys(days as Obj).length > 0);
}

/** True for an Indico event export: `results[0]` is the event, with its `contributions` or `sessions`. */
export function isIndicoEvent(json: unknown): boolean {
  const results = obj(json).results;
  if (!Array.isArray(results) || !isObject(results[0])) return false;
  const event = results[0];
  if (event._type === 'Conference' || /^conferenceMetadata/.test(text(event._fossil) ?? '')) return true;
  return (Array.isArray(event.contributions) || Array.isArray(event.sessions)) && isObject(event.startDate) && typeof event.startDate.date === 'string';
}

const known = new Map<string, boolean>();
/** isKnownTimeZone, asked once per name. */
function knownZone(zone: string | undefined): zone is string {
  if (!zone) return false;
  let ok = known.get(zone);
  if (ok === undefined) known.set(zone, (ok = isKnownTimeZone(zone)));
  return ok;
}

/**
 * A date-time for the draft from Indico's `{ date, time, tz }`: the instant its own zone names,
 * written at the offset the conference's zone has then (so that every time agrees with that zone even
 * if the export was made in a reader's zone). Without a zone this browser knows, the local time is
 * kept, for the conference zone to be applied (or asked for) when the programme is built.
 */
function dateTime(v: unknown, conferenceZone: string | undefined): string | undefined {
  if (typeof v === 'string') return text(v);
  const o = obj(v);
  const date = text(o.date);
  const time = text(o.time);
  if (!date || !time) return undefined;
  const local = `${date}T${time}`;
  const wall = parseDateTime(local);
  const own = text(o.tz);
  const from = knownZone(own) ? own : knownZone(conferenceZone) ? conferenceZone : undefined;
  if (!wall || wall.offset !== undefined || !from) return local;
  const epoch = instantInZone(wall.wall, from);
  return formatInstant(epoch, zoneOffset(knownZone(conferenceZone) ? conferenceZone : from, epoch));
}

/** "Blasetti, Cecilia" → "Cecilia Blasetti"; other names as they are. */
const unreversed = (name: string | undefined) => name?.replace(/^([^,]+),\s*([^,\s][^,]*)$/, '$2 $1');

/** A person of either export: first and last names (`first_name`/`firstName`, `last_name`/`familyName`), and the affiliation. */
function person(p: unknown): PersonDraft | undefined {
  const o = obj(p);
  const first = text(o.first_name) ?? text(o.firstName);
  const last = text(o.last_name) ?? text(o.familyName) ?? text(o.lastName);
  const name = ([first, last].filter(Boolean).join(' ') || unreversed(text(o.fullName)) || text(o.name))?.replace(/\s+/g, ' ');
  if (!name) return undefined;
  const affiliation = text(o.affiliation);
  return affiliation ? { name, affiliation } : { name };
}

/** The people of several lists, in order (the programme names each once). */
const persons = (...lists: unknown[]): PersonDraft[] => lists.flatMap((l) => list(l).map(person)).filter((p): p is PersonDraft => !!p);

const nameOf = (p: PersonDraft) => (typeof p === 'string' ? p : (p.name ?? ''));

/** A name or a `{ title | name }` object (tracks, contribution types). */
const label = (v: unknown) => (isObject(v) ? (text(v.title) ?? text(v.name)) : text(v));

/** Where something happens: its room, else the venue. */
const whereOf = (o: Obj) => text(o.room) ?? text(o.roomFullname) ?? text(o.location);

/** A link, absolute or relative to the Indico server the export came from (and then on that host: safe-url.ts dataUrl). */
const link = (v: unknown, base: string | undefined): string | undefined => feedLink(text(v), base);

/** An id for a contribution, the same in both exports where Indico gives the database id. */
const contributionId = (c: Obj) => {
  const id = text(c.db_id) ?? text(c.contributionId) ?? text(c.objId) ?? text(c.id);
  return id === undefined ? undefined : `contribution-${id}`;
};

/** What the reading of one document shares. */
interface Reader {
  notes: Notes;
  zone: string | undefined;
  base: string | undefined;
}

/** A contribution with what orders it: its start instant, then its code (`MOP5` before `MOP19`), then document order. */
interface Placed {
  paper: PaperDraft;
  start?: string;
  end?: string;
  code?: string;
  track?: string;
  where?: string;
}

const epochOf = (s: string | undefined) => {
  const t = s ? Date.parse(s) : NaN;
  return Number.isNaN(t) ? Infinity : t;
};
const codes = new Intl.Collator('en', { numeric: true });

/** A copy ordered by start (unreadable or missing last), then code; equal ones keep their order (the sort is stable). */
function inOrder<T extends { start?: string; code?: string }>(items: T[]): T[] {
  const keyed = items.map((item) => ({ item, at: epochOf(item.start) }));
  keyed.sort((a, b) => a.at - b.at || codes.compare(a.item.code ?? '', b.item.code ?? ''));
  return keyed.map((k) => k.item);
}

/** A contribution as a paper: title, authors (primary, co-authors, then speakers not among them) and abstract. */
function placed(r: Reader, c: Obj): Placed {
  if (list(c.subContributions).length) {
    r.notes.tally(
      'indico-subcontributions',
      text(c.title) ?? '?',
      (n) => `${n === 1 ? '1 contribution has' : `${n} contributions have`} subcontributions, which are left out`,
    );
  }
  return {
    paper: {
      ids: [contributionId(c)],
      title: text(c.title),
      authors: persons(c.primaryauthors, c.coauthors, c.authors, c.speakers, c.presenters, c.personLinks),
      abstract: text(c.description),
    },
    start: dateTime(c.startDate, r.zone),
    end: dateTime(c.endDate, r.zone),
    code: text(c.code),
    track: label(c.track),
    where: whereOf(c),
  };
}

/** The one value all share, if they do. */
function shared(values: (string | undefined)[]): string | undefined {
  const first = values[0];
  return first !== undefined && values.every((v) => v === first) ? first : undefined;
}

/** A block of a panel from its own times (or, missing, its papers' first start and last end) and its papers in order. */
function block(
  ids: unknown[],
  fields: { title?: string; start?: string; end?: string; duration?: unknown; location?: string; path: string },
  papers: Placed[],
): SessionDraft {
  const ordered = inOrder(papers);
  let { start, end } = fields;
  if (!start) start = ordered.find((p) => p.start)?.start;
  if (!end) {
    let latest = -Infinity;
    for (const p of papers) {
      const t = epochOf(p.end);
      if (t !== Infinity && t > latest) [latest, end] = [t, p.end];
    }
  }
  return { ids, title: fields.title, start, end, duration: fields.duration, location: fields.location, papers: ordered.map((p) => p.paper), path: fields.path };
}

/** An Indico session as a panel being filled: its talk, and the tracks of its contributions. */
interface Group {
  talk: TalkDraft & { sessions: SessionDraft[] };
  tracks: (string | undefined)[];
  /** The names of the conveners the session names itself; the blocks' own are then its chairs (those not among them). */
  convenorNames?: Set<string>;
}

/** Orders a panel's blocks by start; its theme is the track all its contributions share, its room the one all its blocks share. */
function finish(groups: Iterable<Group>): void {
  for (const { talk, tracks } of groups) {
    talk.sessions = inOrder(talk.sessions);
    talk.theme = shared(tracks);
    talk.location = shared(talk.sessions.map((s) => s.location));
  }
}

/** A contribution outside any session: a talk of its own, its speakers (else its authors) the convenors. */
function contributionTalk(r: Reader, c: Obj, path: string): TalkDraft {
  const speakers = persons(c.speakers, c.presenters);
  return {
    ids: [contributionId(c)],
    title: text(c.title),
    format: label(c.type),
    theme: label(c.track),
    location: whereOf(c),
    abstract: text(c.description),
    convenors: speakers.length ? speakers : persons(c.primaryauthors, c.coauthors, c.authors, c.personLinks),
    start: dateTime(c.startDate, r.zone),
    end: dateTime(c.endDate, r.zone),
    duration: c.duration,
    url: link(c.url, r.base),
    path,
  };
}

/** The first `tz` of any time in a document (a timetable names no zone of its own); it stops at the first. */
function firstZone(value: unknown, depth = 0): string | undefined {
  if (depth > 6 || typeof value !== 'object' || value === null) return undefined;
  const tz = text(obj(obj(value).startDate).tz);
  if (tz) return tz;
  for (const v of Object.values(value)) {
    const z = firstZone(v, depth + 1);
    if (z) return z;
  }
  return undefined;
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\w]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** The event of `/export/event/ID.json`: its sessions[] (blocks, or sessions) and its contributions. */
function eventDraft(doc: Obj, notes: Notes): Draft {
  const results = list(doc.results);
  const event = obj(results[0]);
  const eventId = text(event.id);
  const zone = text(event.timezone) ?? firstZone(event);
  const r: Reader = { notes, zone, base: httpUrl(event.url) ?? httpUrl(doc.url) };
  if (results.length > 1) notes.add(`The export holds ${results.length} events; only the first (${JSON.stringify(text(event.title) ?? eventId)}) is read.`);

  const talks: TalkDraft[] = [];
  const groups = new Map<string, Group>();
  const seen = new Set<string>();
  const papersOf = (contributions: unknown, path: string, group: Group): Placed[] =>
    list(contributions).flatMap((c, k) => {
      if (!isObject(c)) {
        notes.skip({ path: `${path}.contributions[${k}]`, kind: 'paper', reason: 'a contribution that is not an object cannot be read' });
        return [];
      }
      const p = placed(r, c);
      const id = contributionId(c);
      if (id) seen.add(id);
      group.tracks.push(p.track);
      return [p];
    });

  // sessions[]: blocks (SessionSlot, with their `session`), or sessions that are their own block (older Indico).
  list(event.sessions).forEach((value, i) => {
    const path = `results[0].sessions[${i}]`;
    if (!isObject(value)) {
      notes.skip({ path, kind: 'panel', reason: 'a session that is not an object cannot be read' });
      return;
    }
    const isSlot = isObject(value.session);
    const session = isSlot ? (value.session as Obj) : value;
    const key = text(session.db_id) ?? text(session.id) ?? `#${i}`;
    let group = groups.get(key);
    if (!group) {
      const convenors = persons(session.sessionConveners);
      group = {
        convenorNames: convenors.length ? new Set(convenors.map(nameOf)) : undefined,
        talk: {
          ids: [`session-${key}`],
          title: text(session.title) ?? text(value.title),
          format: label(session.type) ?? (session.isPoster === true ? 'Poster session' : undefined),
          abstract: text(session.description) ?? text(value.description),
          convenors,
          chairs: [],
          url: link(session.url, r.base) ?? link(value.url, r.base),
          path,
          sessions: [],
        },
        tracks: [],
      };
      groups.set(key, group);
      talks.push(group.talk);
    }
    const { talk } = group;
    // Block conveners: the panel's convenors when the session names none, else its chairs where they differ.
    const conveners = isSlot ? persons(value.conveners) : [];
    const own = group.convenorNames;
    if (own) talk.chairs!.push(...conveners.filter((p) => !own.has(nameOf(p))));
    else talk.convenors.push(...conveners);
    const papers = papersOf(value.contributions, path, group);
    talk.sessions.push(
      block(
        isSlot ? [`block-${text(value.id) ?? i}`] : [],
        {
          title: isSlot ? text(value.slotTitle) : undefined,
          start: dateTime(value.startDate, zone),
          end: dateTime(value.endDate, zone),
          duration: value.duration,
          location: whereOf(value),
          path,
        },
        papers,
      ),
    );
  });

  // contributions[]: outside any session (detail=sessions), or every contribution (detail=contributions).
  const named = new Map<string, { group: Group; days: Map<string, { papers: Placed[]; path: string }> }>();
  let repeated = 0;
  list(event.contributions).forEach((c, i) => {
    const path = `results[0].contributions[${i}]`;
    if (!isObject(c)) {
      notes.skip({ path, kind: 'event', reason: 'a contribution that is not an object cannot be read' });
      return;
    }
    const id = contributionId(c);
    if (id && seen.has(id)) {
      repeated++;
      return;
    }
    if (id) seen.add(id);
    const sessionTitle = label(c.session);
    if (!sessionTitle) {
      talks.push(contributionTalk(r, c, path));
      return;
    }
    // A contribution in a session the export does not describe: grouped by session and day.
    let made = named.get(sessionTitle);
    if (!made) {
      const talk: Group['talk'] = { ids: [`session-${slug(sessionTitle) || named.size + 1}`], title: sessionTitle, convenors: [], path, sessions: [] };
      made = { group: { talk, tracks: [] }, days: new Map() };
      named.set(sessionTitle, made);
      talks.push(talk);
    }
    const p = placed(r, c);
    made.group.tracks.push(p.track);
    const day = obj(c.startDate).date;
    const dayKey = typeof day === 'string' ? day : '';
    let slot = made.days.get(dayKey);
    if (!slot) made.days.set(dayKey, (slot = { papers: [], path }));
    slot.papers.push(p);
  });
  for (const { group, days } of named.values()) {
    group.talk.sessions = [...days.values()].map(({ papers, path }) => block([], { location: shared(papers.map((p) => p.where)), path }, papers));
  }
  if (named.size) {
    const n = [...named.values()].reduce((sum, m) => sum + m.group.tracks.length, 0);
    notes.add(
      `${n === 1 ? '1 contribution names a session' : `${n} contributions name sessions`} the export does not describe (it was made with detail=contributions); ` +
        `each such session is one panel, with one block a day from its first contribution's start to its last one's end. Export with detail=sessions for the real blocks.`,
    );
  }
  if (repeated)
    notes.add(
      `${repeated === 1 ? '1 contribution is' : `${repeated} contributions are`} listed both in a session and on its own; ${repeated === 1 ? 'it is' : 'they are'} shown once, in the session.`,
    );
  finish([...groups.values(), ...[...named.values()].map((m) => m.group)]);

  return {
    prefix: PREFIX,
    conference: { id: eventId ? `${PREFIX}-${eventId}` : undefined, title: text(event.title), timeZone: zone, zoneField: 'timezone', url: r.base },
    talks,
  };
}

/** The event's page from a timetable export's address: `https://host/export/timetable/42.json?…` → `https://host/event/42/`. */
function eventPage(url: unknown, eventId: string): string | undefined {
  const s = httpUrl(url);
  if (!s) return undefined;
  try {
    const u = new URL(s);
    return /\/export\/timetable\//.test(u.pathname) ? httpUrl(new URL(`/event/${encodeURIComponent(eventId)}/`, u.origin).href) : undefined;
  } catch {
    return undefined;
  }
}

/** The timetable of `/export/timetable/ID.json`: days of entries (Session blocks with nested entries, Contributions, Breaks). */
function timetableDraft(doc: Obj, notes: Notes): Draft {
  const events = Object.entries(obj(doc.results));
  const [eventId, days] = events[0] ?? ['', {}];
  if (events.length > 1) notes.add(`The export holds the timetables of ${events.length} events; only the first (${JSON.stringify(eventId)}) is read.`);
  const zone = firstZone(days);
  const r: Reader = { notes, zone, base: httpUrl(doc.url) };

  const talks: TalkDraft[] = [];
  const groups = new Map<string, Group>();
  const seen = new Set<string>();
  let breaksInBlocks = 0;
  for (const [day, entries] of Object.entries(obj(days))) {
    for (const [key, value] of Object.entries(obj(entries))) {
      const path = `results[${JSON.stringify(eventId)}][${JSON.stringify(day)}][${JSON.stringify(key)}]`;
      if (!isObject(value)) {
        notes.skip({ path, kind: 'event', reason: 'a timetable entry that is not an object cannot be read' });
        continue;
      }
      // A block that runs past midnight is listed on both days.
      const entryId = text(value.id) ?? key;
      if (seen.has(entryId)) continue;
      seen.add(entryId);
      const type = text(value.entryType);
      if (type === 'Contribution') {
        talks.push(contributionTalk(r, value, path));
      } else if (type === 'Break') {
        talks.push({
          ids: [`break-${entryId.replace(/^b/, '')}`],
          title: text(value.title),
          format: 'Break',
          location: whereOf(value),
          abstract: text(value.description),
          convenors: [],
          start: dateTime(value.startDate, zone),
          end: dateTime(value.endDate, zone),
          duration: value.duration,
          path,
        });
      } else if (type === 'Session') {
        // Older Indico: title is the session's, slotTitle the block's; newer: sessionTitle and title.
        const sessionTitle = text(value.sessionTitle);
        const sessionId = text(value.sessionId) ?? entryId;
        let group = groups.get(sessionId);
        if (!group) {
          group = {
            talk: {
              ids: [`session-${sessionId}`],
              title: sessionTitle ?? text(value.title),
              format: value.isPoster === true ? 'Poster session' : undefined,
              abstract: text(value.description),
              convenors: [],
              url: link(value.url, r.base),
              path,
              sessions: [],
            },
            tracks: [],
          };
          groups.set(sessionId, group);
          talks.push(group.talk);
        }
        group.talk.convenors.push(...persons(value.conveners, value.personLinks));
        const papers: Placed[] = [];
        for (const [childKey, child] of Object.entries(obj(value.entries))) {
          const childType = text(obj(child).entryType);
          if (childType === 'Contribution') {
            const p = placed(r, child as Obj);
            group.tracks.push(p.track);
            papers.push(p);
          } else if (childType === 'Break') breaksInBlocks++;
          else
            notes.skip({
              path: `${path}.entries[${JSON.stringify(childKey)}]`,
              kind: 'paper',
              reason: `an entry of type ${JSON.stringify(childType ?? null)} inside a session block cannot be read`,
            });
        }
        group.talk.sessions.push(
          block(
            [`block-${text(value.sessionSlotId) ?? text(value.objId) ?? entryId.replace(/^s/, '')}`],
            {
              title: sessionTitle ? text(value.title) : text(value.slotTitle),
              start: dateTime(value.startDate, zone),
              end: dateTime(value.endDate, zone),
              duration: value.duration,
              location: whereOf(value),
              path,
            },
            papers,
          ),
        );
      } else {
        notes.skip({ path, kind: 'event', id: entryId, reason: `a timetable entry of type ${JSON.stringify(type ?? null)} cannot be read` });
      }
    }
  }
  finish(groups.values());
  if (breaksInBlocks) {
    notes.add(
      `${breaksInBlocks === 1 ? '1 break inside a session block is' : `${breaksInBlocks} breaks inside session blocks are`} left out: the block's time already covers ${breaksInBlocks === 1 ? 'it' : 'them'}.`,
    );
  }
  return {
    prefix: PREFIX,
    conference: { id: eventId ? `${PREFIX}-${eventId}` : undefined, timeZone: zone, zoneField: 'tz', url: eventPage(doc.url, eventId) },
    talks,
  };
}

/**
 * An Indico export as a draft: the timetable (`results` → event id → day → entries) or the event
 * (`results[0]` with `sessions` and `contributions`). A session becomes a panel (title, description,
 * conveners, `isPoster` as the format "Poster session" or its type, the track all its contributions
 * share as the theme) whose sessions are its blocks (their own title, times and room), in time order;
 * its contributions become papers, in time order then by code: title, authors with affiliations
 * (primary authors, co-authors, then speakers), and the description as the abstract. A contribution
 * outside any session is a talk of its own. Times `{ date, time, tz }` are read in the zone they name;
 * the conference zone is the event's `timezone` (or the entries' `tz`) as the file says it.
 */
export function indicoDraft(json: unknown, notes: Notes, _options: DraftOptions = {}): Draft {
  const doc = obj(json);
  if (isIndicoEvent(json)) return eventDraft(doc, notes);
  if (isIndicoTimetable(json)) return timetableDraft(doc, notes);
  throw new Error(
    'This is not an Indico export: it has neither results[0] with contributions or sessions (/export/event) nor results by event and day (/export/timetable).',
  );
}
