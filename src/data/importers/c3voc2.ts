import type { Draft, TalkDraft } from './build.js';
import type { Notes } from './notes.js';
import { names, personName, scheduleOf } from './frab.js';
import { httpUrl, isObject, list, obj, text, type Obj } from './json.js';

/** The flat `events[]` of a c3voc schedule v2, under `schedule` or at the top level. */
export const eventsOf = (json: unknown): unknown[] | undefined => {
  const events = scheduleOf(json).events ?? obj(json).events;
  return Array.isArray(events) ? events : undefined;
};

/** True for a c3voc schedule v2: a `$schema` naming schedule v2, or a flat events list with start instants. */
export function isC3voc2(json: unknown): boolean {
  const schema = text(obj(json).$schema) ?? '';
  if (/schedule2|schema2|schedule[-_/]?v2/i.test(schema)) return true;
  const events = eventsOf(json);
  return !!events?.length && events.some((e) => typeof obj(e).start === 'string' && /\d{4}-\d{2}-\d{2}T/.test(obj(e).start as string));
}

/** Entries of a list by each of the keys they can be referred to by (guid, slug, name, id). */
function lookup(items: unknown, keys: string[]): Map<string, Obj> {
  const map = new Map<string, Obj>();
  for (const item of list(items)) {
    if (!isObject(item)) continue;
    for (const k of keys) {
      const v = text(item[k]);
      if (v && !map.has(v)) map.set(v, item);
    }
  }
  return map;
}

/** A room or track given as a name, or as a reference `{ guid | slug | name }` to the conference's list. */
function named(ref: unknown, known: Map<string, Obj>, languages: (string | undefined)[]): string | undefined {
  if (!isObject(ref)) {
    const s = text(ref);
    return s && (text(known.get(s)?.name, languages) ?? s);
  }
  for (const k of ['guid', 'slug', 'id']) {
    const hit = known.get(text(ref[k]) ?? '');
    if (hit) return text(hit.name, languages) ?? text(ref.name, languages);
  }
  return text(ref.name, languages) ?? text(ref.slug);
}

const CHAIR = /^(moderator|host|chair)$/i;

/**
 * The c3voc schedule v2 (the hub's export): conference metadata, then one flat list of events with
 * start and end instants, rooms and tracks as references, participants with roles, and text that
 * may be translated (`{ "en": …, "de": … }`).
 */
export function c3voc2Draft(json: unknown, notes: Notes): Draft {
  const schedule = scheduleOf(json);
  const events = eventsOf(json);
  if (!events) throw new Error('This is not a c3voc schedule v2: it has no events list.');
  const conf = obj(schedule.conference);
  const defaultLanguage = text(obj(conf.defaults).language);
  const languages = [defaultLanguage, ...list(conf.languages).map((l) => text(l))];
  const rooms = lookup(conf.rooms, ['guid', 'slug', 'name']);
  const tracks = lookup(conf.tracks, ['slug', 'guid', 'name']);
  const persons = lookup(schedule.persons, ['guid']);

  const base = Array.isArray(obj(obj(json).schedule).events) ? 'schedule.events' : 'events';
  const talks: TalkDraft[] = [];
  events.forEach((value, i) => {
    if (!isObject(value)) {
      notes.skip({ path: `${base}[${i}]`, kind: 'event', reason: 'an event that is not an object cannot be read' });
      return;
    }
    const ev = value;
    const participants = list(ev.participants).map(obj);
    const nameOf = (p: Obj) => personName(p) ?? personName(persons.get(text(p.guid) ?? ''));
    const byRole = (chair: boolean) =>
      participants
        .filter((p) => CHAIR.test(text(p.role) ?? '') === chair)
        .map(nameOf)
        .filter((n): n is string => !!n);
    talks.push({
      ids: [ev.guid, ev.id, ev.code, ev.slug],
      title: text(ev.title, languages),
      subtitle: text(ev.subtitle, languages),
      format: text(ev.type),
      theme: named(ev.track, tracks, languages),
      location: named(ev.room, rooms, languages),
      abstract: text(ev.abstract, languages),
      description: text(ev.description, languages),
      convenors: participants.length ? byRole(false) : names(ev.persons),
      chairs: byRole(true),
      start: text(ev.start) ?? text(ev.date),
      end: text(ev.end),
      duration: ev.duration,
      url: text(ev.url),
      language: text(ev.language),
      path: `${base}[${i}]`,
    });
  });
  return {
    prefix: 'c3voc',
    conference: {
      id: text(conf.acronym),
      title: text(conf.title, languages),
      timeZone: text(conf.time_zone_name),
      zoneField: 'time_zone_name',
      url: httpUrl(conf.url) ?? httpUrl(schedule.url) ?? httpUrl(schedule.base_url),
      linkBase: text(schedule.base_url),
      locale: defaultLanguage,
    },
    talks,
  };
}
