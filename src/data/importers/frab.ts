import type { Draft, TalkDraft } from './build.js';
import type { Notes } from './notes.js';
import { httpUrl, isObject, list, obj, text, type Obj } from './json.js';
import { dayChangeOf, dayStartOf, eventStart } from './frab-time.js';
import { isKnownTimeZone } from '../validate.js';

/** The `schedule` object of a schedule.json, or the document itself when it is not wrapped in one. */
export const scheduleOf = (json: unknown): Obj => {
  const root = obj(json);
  return isObject(root.schedule) ? root.schedule : root;
};

/** True for a frab-shaped schedule.json v1: `schedule.conference.days[]`, each with a `rooms` object. */
export function isFrabShaped(json: unknown): boolean {
  const days = obj(scheduleOf(json).conference).days;
  return Array.isArray(days) && (days.length === 0 || days.some((d) => isObject(obj(d).rooms)));
}

/** A person's name as frab (`public_name`), pretalx (`name`) and c3voc (`name`) write it. */
export function personName(p: unknown): string | undefined {
  if (typeof p === 'string') return text(p);
  const o = obj(p);
  return text(o.public_name) ?? text(o.name) ?? text(o.full_name) ?? text(o.display_name);
}

export const names = (people: unknown): string[] =>
  list(people)
    .map(personName)
    .filter((n): n is string => !!n);

/**
 * The frab/c3voc schedule.json v1 (also what pretalx exports): days, then rooms by name, then
 * events. An event's `date` is its real instant, even when it falls after midnight of its day; when
 * only the conference zone's clock reads its `start` (wafer writes every `date` in UTC), it is
 * written at the zone's offset. Without a `date`, its day's date and `start`, a start before the
 * day's own start (`day_start`, else the conference's `day_change`, else 05:00) falling on the next
 * calendar day. The rules are schedule.xml's (frab-time.ts).
 */
export function frabDraft(json: unknown, notes: Notes, prefix = 'frab'): Draft {
  const schedule = scheduleOf(json);
  const conf = obj(schedule.conference);
  if (!Array.isArray(conf.days)) throw new Error('This is not a frab schedule.json v1: it has no schedule.conference.days.');
  const base = isObject(obj(json).schedule) ? 'schedule.conference.days' : 'conference.days';
  const stated = text(conf.time_zone_name);
  const zone = stated && isKnownTimeZone(stated) ? stated : undefined;
  const dayChange = dayChangeOf(text(conf.day_change));
  const talks: TalkDraft[] = [];
  conf.days.forEach((dayValue, d) => {
    const dayPath = `${base}[${d}]`;
    const day = obj(dayValue);
    const dayName = text(day.date) ?? `day ${d + 1}`;
    if (!isObject(dayValue) || !isObject(day.rooms)) {
      const what = !isObject(dayValue) ? 'is not an object' : day.rooms === undefined ? 'has no rooms' : 'has rooms that are not an object of room names';
      notes.skip({ path: dayPath, kind: 'day', id: text(day.date), reason: `${dayName} ${what}, so none of its events can be read` });
      return;
    }
    const dayStart = dayStartOf(text(day.date), text(day.day_start) ?? text(day.start), dayChange, zone);
    for (const [room, roomEvents] of Object.entries(day.rooms)) {
      const roomPath = `${dayPath}.rooms[${JSON.stringify(room)}]`;
      if (!Array.isArray(roomEvents)) {
        notes.skip({
          path: roomPath,
          kind: 'room',
          id: room,
          reason: `room ${JSON.stringify(room)} on ${dayName} is not a list of events, so none of its events can be read`,
        });
        continue;
      }
      roomEvents.forEach((value, e) => {
        if (!isObject(value)) {
          notes.skip({ path: `${roomPath}[${e}]`, kind: 'event', reason: `an event in room ${JSON.stringify(room)} on ${dayName} is not an object` });
          return;
        }
        const ev = value;
        const label = text(ev.title) ?? `#${talks.length + 1}`;
        const start = eventStart({ date: text(ev.date), start: text(ev.start), day: dayStart, zone, label }, notes, { date: 'date', start: 'start' });
        talks.push({
          ids: [ev.guid, ev.id, ev.code],
          title: text(ev.title),
          subtitle: text(ev.subtitle),
          format: text(ev.type),
          theme: text(ev.track),
          location: text(ev.room) ?? text(room),
          abstract: text(ev.abstract),
          description: text(ev.description),
          convenors: names(ev.persons),
          start,
          duration: ev.duration,
          url: text(ev.url),
          language: text(ev.language),
          path: `${roomPath}[${e}]`,
        });
      });
    }
  });
  return {
    prefix,
    conference: {
      id: text(conf.acronym),
      title: text(conf.title),
      timeZone: text(conf.time_zone_name),
      zoneField: 'time_zone_name',
      url: httpUrl(conf.url) ?? httpUrl(schedule.url) ?? httpUrl(schedule.base_url),
      linkBase: text(schedule.base_url) ?? text(conf.base_url),
    },
    talks,
  };
}
