import type { Draft, TalkDraft } from './build.js';
import { httpUrl, isObject, list, obj, text, type Obj } from './json.js';
import type { Notes } from './notes.js';
import type { DraftOptions } from './options.js';

/**
 * Sessionize's public API (`https://sessionize.com/api/v2/{code}/view/All`, and the grouped
 * `view/Sessions`). Its sessions refer to speakers, rooms and category items by id; its times are
 * local wall times without an offset, and nothing in the file names the zone, nor the event.
 */

const PREFIX = 'sessionize';

/** A session of either view: with `startsAt` (null while it is not scheduled). */
const isSession = (s: unknown) => isObject(s) && 'startsAt' in s;

/** The grouped `view/Sessions` shape: `[{ groupId, groupName, sessions: [...] }]`. */
function isGrouped(json: unknown): json is Obj[] {
  return (
    Array.isArray(json) &&
    json.length > 0 &&
    json.every((g) => isObject(g) && Array.isArray(g.sessions) && ('groupId' in g || 'groupName' in g)) &&
    json.some((g) => list(obj(g).sessions).some(isSession))
  );
}

/**
 * True for a Sessionize export: the `view/All` document (an object with `sessions`, `speakers` and
 * `rooms` arrays whose sessions have `startsAt`), or the grouped `view/Sessions` list.
 */
export function isSessionize(json: unknown): boolean {
  if (isGrouped(json)) return true;
  const o = obj(json);
  if (!Array.isArray(o.sessions) || !Array.isArray(o.speakers) || !Array.isArray(o.rooms)) return false;
  return o.sessions.length === 0 ? Array.isArray(o.categories) : o.sessions.some(isSession);
}

/** Entries of a list by their `id` (as text: Sessionize mixes numbers and strings). */
function byId(items: unknown): Map<string, Obj> {
  const map = new Map<string, Obj>();
  for (const item of list(items)) {
    if (!isObject(item)) continue;
    const id = text(item.id);
    if (id !== undefined && !map.has(id)) map.set(id, item);
  }
  return map;
}

const TRACK = /track/i;
const FORMAT = /format|type/i;

/** A category item as either view gives it: its name, and the title of its category. */
interface Item {
  name: string;
  category: string;
}

/**
 * What each category item id names in `view/All` (`categories[].items[]`), and which category
 * is the track and which the format: the first whose title says so.
 */
function categoriesOf(categories: unknown): { items: Map<string, Item>; track?: string; format?: string } {
  const items = new Map<string, Item>();
  let track: string | undefined;
  let format: string | undefined;
  for (const c of list(categories).map(obj)) {
    const category = text(c.title) ?? text(c.name);
    if (!category) continue;
    if (!track && TRACK.test(category)) track = category;
    else if (!format && FORMAT.test(category)) format = category;
    for (const item of list(c.items).map(obj)) {
      const id = text(item.id);
      const name = text(item.name);
      if (id !== undefined && name && !items.has(id)) items.set(id, { name, category });
    }
  }
  return { items, track, format };
}

/** The event's code from an API address: `https://sessionize.com/api/v2/jl4ktls0/view/All` → `jl4ktls0`. */
function codeFromUrl(url: string | undefined): string | undefined {
  try {
    const m = /\/api\/v\d+\/([^/]+)\/view\//i.exec(new URL(url ?? '').pathname);
    return m ? decodeURIComponent(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** A speaker's `fullName`, else their first and last names. */
function speakerName(speaker: Obj | undefined): string | undefined {
  if (!speaker) return undefined;
  return text(speaker.fullName) ?? ([text(speaker.firstName), text(speaker.lastName)].filter(Boolean).join(' ') || undefined);
}

/** The sessions of either view, each with where it is in the document. */
function sessionsOf(json: unknown): Array<{ session: unknown; path: string }> {
  const out: Array<{ session: unknown; path: string }> = [];
  const push = (items: unknown[], base: string) => items.forEach((session, i) => out.push({ session, path: `${base}[${i}]` }));
  if (isGrouped(json)) json.forEach((g, i) => push(list(g.sessions), `[${i}].sessions`));
  else push(list(obj(json).sessions), 'sessions');
  return out;
}

/**
 * A Sessionize export as a draft. Sessions become talks: title; description as the abstract;
 * `startsAt`/`endsAt` as local times (the zone comes from the host's `time-zone`, or the import is
 * refused); speakers by id (`fullName`) as convenors; `roomId` as the room's name; the item of the
 * first category titled like "Track" as the theme and of one titled like "Session format" as the
 * format (other categories, such as "Language" or "Level", have no place and are noted);
 * `recordingUrl`, else `liveUrl`, as the link when it is http(s).
 *
 * Service sessions (`isServiceSession`: registration, lunch, coffee) are kept, with the format
 * "Service" unless a format category names one: Sessionize's own schedule shows them, and a reader
 * planning a day needs to see when and where lunch is. Leaving them out through `notes.skip` would
 * also report the programme as partly broken, which it is not.
 *
 * Sessionize names neither the event nor its zone: the programme's id is the event's code when the
 * file was loaded from its API address, else "sessionize", with a note either way.
 */
export function sessionizeDraft(json: unknown, notes: Notes, options: DraftOptions = {}): Draft {
  if (!isSessionize(json)) {
    throw new Error('This is not a Sessionize export: it has no sessions, speakers and rooms lists (view/All), nor groups of sessions (view/Sessions).');
  }
  const doc = obj(json);
  const speakers = byId(doc.speakers);
  const rooms = byId(doc.rooms);
  const { items, track, format } = categoriesOf(doc.categories);
  /** Categories with no place in the programme, and the items of them sessions use. */
  const leftOut = new Map<string, Set<string>>();

  const talks: TalkDraft[] = [];
  for (const { session: s, path } of sessionsOf(json)) {
    if (!isObject(s)) {
      notes.skip({ path, kind: 'event', reason: 'a session that is not an object cannot be read' });
      continue;
    }
    const title = text(s.title);
    const label = title ?? path;

    // Category items: ids into categories[].items (view/All), or the categories themselves (view/Sessions).
    const chosen: Item[] = list(s.categoryItems).flatMap((ref) => {
      const item = items.get(text(ref) ?? '');
      return item ? [item] : [];
    });
    for (const c of list(s.categories).map(obj)) {
      const category = text(c.name) ?? text(c.title);
      if (!category) continue;
      for (const item of list(c.categoryItems).map(obj)) {
        const name = text(item.name);
        if (name) chosen.push({ name, category });
      }
    }
    const trackName = track ?? chosen.find((i) => TRACK.test(i.category))?.category;
    const formatName = format ?? chosen.find((i) => !TRACK.test(i.category) && FORMAT.test(i.category))?.category;
    const inTrack = chosen.filter((i) => i.category === trackName);
    if (inTrack.length > 1) {
      notes.tally('sessionize-tracks', label, (n) => `${n === 1 ? '1 session is' : `${n} sessions are`} in more than one track; the first is its theme`);
    }
    for (const i of chosen) {
      if (i.category === trackName || i.category === formatName) continue;
      let names = leftOut.get(i.category);
      if (!names) leftOut.set(i.category, (names = new Set()));
      names.add(i.name);
    }

    // Speakers: ids into speakers[] (view/All), or `{ id, name }` (view/Sessions).
    const convenors: string[] = [];
    for (const ref of list(s.speakers)) {
      const name = speakerName(speakers.get(text(isObject(ref) ? ref.id : ref) ?? '')) ?? (isObject(ref) ? text(ref.name) : undefined);
      if (name) convenors.push(name);
      else
        notes.tally(
          'sessionize-speaker',
          label,
          (n) => `${n === 1 ? '1 speaker reference names' : `${n} speaker references name`} no speaker in the file and ${n === 1 ? 'is' : 'are'} left out`,
        );
    }

    const roomId = text(s.roomId);
    const room = text(rooms.get(roomId ?? '')?.name) ?? text(s.room);
    if (roomId !== undefined && !room)
      notes.tally('sessionize-room', label, (n) => `${n === 1 ? '1 session is' : `${n} sessions are`} in a room the file does not list`);

    const service = s.isServiceSession === true;
    talks.push({
      ids: [s.id],
      title,
      format: chosen.find((i) => i.category === formatName)?.name ?? (service ? 'Service' : undefined),
      theme: inTrack[0]?.name,
      location: room,
      abstract: text(s.description),
      convenors,
      start: text(s.startsAt),
      end: text(s.endsAt),
      // An absolute one first; else a relative one, which buildProgramme resolves against the file's address.
      url: httpUrl(s.recordingUrl) ?? httpUrl(s.liveUrl) ?? text(s.recordingUrl) ?? text(s.liveUrl),
      path,
    });
  }

  for (const [category, names] of leftOut) {
    notes.add(
      `The Sessionize category ${JSON.stringify(category)} (${[...names].map((n) => JSON.stringify(n)).join(', ')}) has no place in the programme and was left out.`,
    );
  }
  const code = codeFromUrl(options.url);
  notes.add(
    code
      ? `Sessionize's export names neither the event nor its title; both are the event's code from its URL (${JSON.stringify(code)}).`
      : `Sessionize's export names neither the event nor its title, and its URL does not say which event it is; the programme is called "Sessionize".`,
  );
  return {
    prefix: PREFIX,
    conference: { id: code ?? PREFIX, title: code ?? 'Sessionize', zoneField: 'time-zone field: Sessionize exports have none' },
    talks,
    noun: 'session',
    // Sessionize never writes an offset: saying so of every session helps no one; what the zone is, and where it comes from, does.
    localTimes: (n, zone) =>
      `Sessionize's times carry no time zone: ${n === 1 ? 'the session is' : `the ${n} sessions are`} read as ${zone} time, the time-zone given (time-zone="${zone}"); if the event is elsewhere, set time-zone to its zone.`,
  };
}
