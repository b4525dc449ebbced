/**
 * frab / pentabarf `schedule.xml`, the de-facto standard export of CCC's frab, FOSDEM's pentabarf,
 * DebConf's wafer and pretalx: `<schedule>` → `<conference>`, then `<day>` → `<room name>` →
 * `<event>`. The fields are those of frab's schedule.json and are mapped the same way (frab.ts).
 */
import type { Draft, TalkDraft } from './build.js';
import { events, type Notes } from './notes.js';
import type { DraftOptions } from './options.js';
import { text } from './json.js';
import { formatInstant, instantOf, parseDateTime, parseDuration } from './time.js';
import { webUrl } from '../safe-url.js';
import { isKnownTimeZone } from '../validate.js';
import { zoneOffset } from '../../time/zone.js';

const ELEMENT_NODE = 1;
const DAY = 1440;

const nameOf = (el: Element) => el.localName || el.nodeName;

/** The element children of `el` (all, or those called `name`), in document order. */
function children(el: Element, name?: string): Element[] {
  const out: Element[] = [];
  const nodes = el.childNodes;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes.item(i);
    if (node && node.nodeType === ELEMENT_NODE && (name === undefined || nameOf(node as Element) === name)) out.push(node as Element);
  }
  return out;
}

const child = (el: Element | undefined, name: string): Element | undefined => (el ? children(el, name)[0] : undefined);

/** The trimmed text of the first child called `name`; undefined when there is none or it is empty. */
const field = (el: Element | undefined, name: string): string | undefined => text(child(el, name)?.textContent ?? undefined);

/** A reader of the trimmed text of `el`'s first child called `name` (one pass over its children for all names). */
function fieldsOf(el: Element): (name: string) => string | undefined {
  const first = new Map<string, Element>();
  for (const c of children(el)) if (!first.has(nameOf(c))) first.set(nameOf(c), c);
  return (name) => text(first.get(name)?.textContent ?? undefined);
}

const attr = (el: Element, name: string): string | undefined => text(el.getAttribute(name) ?? undefined);

/** The document's root element when it is a `<schedule>`. */
const scheduleOf = (doc: Document): Element | undefined => {
  const root = doc.documentElement;
  return root && nameOf(root) === 'schedule' ? root : undefined;
};

/**
 * True for a frab/pentabarf schedule.xml: a `<schedule>` root whose `<day>` children hold `<room>`
 * elements with `<event>`s (or, beside a `<conference>`, only empty rooms: a schedule not filled in
 * yet). EuroPython's own `<schedule><day><entry>` is not one.
 */
export function isFrabXml(doc: Document): boolean {
  const schedule = scheduleOf(doc);
  if (!schedule) return false;
  const rooms = children(schedule, 'day').flatMap((day) => children(day, 'room'));
  return rooms.some((room) => children(room, 'event').length > 0) || (rooms.length > 0 && !!child(schedule, 'conference'));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Minutes after midnight of a clock time `HH:MM` or `HH:MM:SS` (seconds dropped); undefined otherwise. */
function clockMinutes(s: string | undefined): number | undefined {
  const m = s ? /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(s) : null;
  if (!m) return undefined;
  const [h, min] = [Number(m[1]), Number(m[2])];
  return h < 24 && min < 60 ? h * 60 + min : undefined;
}

/** Where a day begins: its calendar date and the minute of that date at which it begins. */
interface DayStart {
  date: string;
  minutes: number;
}

/**
 * A `<day>`'s start. Its `start` attribute, when it is a date-time, read on the conference's clock
 * when it carries an offset and the zone is known (wafer writes it in UTC); else its `date` and the
 * conference's `day_change` (pentabarf), else 05:00, as frab.ts assumes without a `day_start`.
 */
function dayStartOf(day: Element, dayChange: number | undefined, zone: string | undefined): DayStart | undefined {
  const start = parseDateTime(attr(day, 'start'));
  if (start) {
    let wall = start.wall;
    if (start.offset !== undefined && zone) {
      const epoch = instantOf({ ...start, offset: start.offset });
      wall = epoch + zoneOffset(zone, epoch) * 60_000;
    }
    return { date: new Date(wall).toISOString().slice(0, 10), minutes: Math.floor(wall / 60_000) % DAY };
  }
  const date = attr(day, 'date');
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) return undefined;
  return { date, minutes: clockMinutes(attr(day, 'start')) ?? dayChange ?? 5 * 60 };
}

/**
 * For an event without a `<date>`: its day's date and its `<start>` as a local date-time, read in
 * the conference zone later. A start before the day's start (days run past midnight, 10:00 to
 * 04:00) belongs to the next calendar day.
 */
function startFromDay(day: DayStart | undefined, start: string | undefined): string | undefined {
  const minutes = clockMinutes(start);
  if (!day || minutes === undefined) return undefined;
  const d = new Date(`${day.date}T00:00:00Z`);
  if (minutes < day.minutes) d.setUTCDate(d.getUTCDate() + 1);
  return `${d.toISOString().slice(0, 10)}T${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}:00`;
}

/**
 * An event's `<date>`, as written; or, when it carries an offset whose clock does not read the
 * event's `<start>` while the conference zone's clock does (wafer writes every `<date>` in UTC and
 * `<start>` in local time), the same instant written at the zone's offset, so that the zone the
 * file names is not contradicted by offsets that are only UTC. The instant never changes.
 * `agrees` is false when neither clock reads the `<start>`.
 */
function dated(date: string, start: string | undefined, zone: string | undefined): { date: string; agrees: boolean } {
  const t = parseDateTime(date);
  const clock = clockMinutes(start);
  if (!t || clock === undefined || Math.floor(t.wall / 60_000) % DAY === clock) return { date, agrees: true };
  if (t.offset === undefined || !zone) return { date, agrees: false };
  const epoch = instantOf({ ...t, offset: t.offset });
  const offset = zoneOffset(zone, epoch);
  const local = Math.floor((epoch + offset * 60_000) / 60_000) % DAY;
  return local === clock ? { date: formatInstant(epoch, offset), agrees: true } : { date, agrees: false };
}

/** The names of an event's `<persons><person>…</person></persons>`. */
const persons = (event: Element): string[] =>
  children(child(event, 'persons') ?? event, 'person')
    .map((p) => text(p.textContent ?? undefined))
    .filter((n): n is string => !!n);

/** An http(s) URL, absolute or resolved against the first of `bases` that is absolute. */
function urlFrom(raw: string | undefined, bases: (string | undefined)[]): string | undefined {
  if (!raw) return undefined;
  const absolute = webUrl(raw);
  if (absolute) return absolute;
  const base = bases.find((b) => !!webUrl(b));
  return base ? webUrl(raw, base) : undefined;
}

/**
 * The draft of a frab/pentabarf schedule.xml: conference `acronym` (id), `title`, `time_zone_name`,
 * `url` or `base_url`; then every `<day>` → `<room>` → `<event>` with its title, subtitle, abstract,
 * description, track (theme), type (format), language, room, persons (convenors), url, guid/id, and
 * its `<date>` (an instant when it carries an offset) or else its day's date and `<start>`, with its
 * `<duration>`. A file that names no zone and whose times carry no offset (FOSDEM) leaves the zone
 * to `options.timeZone`, or buildProgramme refuses it. `<links>`, `<attachments>`, `<recording>` and
 * `<slug>` are not read (as frab.ts does not read them in the JSON). Throws when the root is not a
 * `<schedule>`, or when its days hold something other than rooms (EuroPython's `<entry>`).
 * `options.url` is a base for relative event URLs when the file has no `<base_url>`.
 */
export function frabXmlDraft(doc: Document, notes: Notes, options: DraftOptions = {}): Draft {
  const schedule = scheduleOf(doc);
  if (!schedule) {
    const root = doc.documentElement ? `<${nameOf(doc.documentElement)}>` : 'nothing';
    throw new Error(`This is not a frab schedule.xml: its root element is ${root}, not <schedule>.`);
  }
  const days = children(schedule, 'day');
  const foreign = days.flatMap((day) => children(day)).find((el) => nameOf(el) !== 'room');
  if (foreign && !days.some((day) => children(day, 'room').length)) {
    throw new Error(`This is not a frab schedule.xml: its <day> elements hold <${nameOf(foreign)}> elements, not <room> elements with <event>s.`);
  }
  const conf = child(schedule, 'conference');
  const timeZone = field(conf, 'time_zone_name');
  const stated = timeZone ?? options.timeZone;
  const zone = stated && isKnownTimeZone(stated) ? stated : undefined;
  const change = parseDuration(field(conf, 'day_change'));
  const dayChange = change !== undefined && change < DAY * 60_000 ? Math.floor(change / 60_000) : undefined;
  const baseUrl = field(conf, 'base_url') ?? field(schedule, 'base_url');

  const talks: TalkDraft[] = [];
  days.forEach((day, d) => {
    const dayPath = `schedule.day[${d}]`;
    const dayStart = dayStartOf(day, dayChange, zone);
    children(day, 'room').forEach((room, r) => {
      const roomName = attr(room, 'name');
      const roomPath = `${dayPath}.room[${roomName !== undefined ? JSON.stringify(roomName) : r}]`;
      children(room, 'event').forEach((event, e) => {
        const f = fieldsOf(event);
        const title = f('title');
        const start = f('start');
        let date = f('date');
        if (date && parseDateTime(date)) {
          const read = dated(date, start, zone);
          date = read.date;
          if (!read.agrees) {
            notes.tally(
              'frab-xml-start',
              `${title ?? '#' + (talks.length + 1)}: ${date} / ${start}`,
              (n) => `${events(n)} a <start> that ${n === 1 ? 'its' : 'their'} <date> does not read; the <date> was taken`,
            );
          }
        }
        talks.push({
          ids: [attr(event, 'guid'), f('guid'), attr(event, 'id'), attr(event, 'code')],
          title,
          subtitle: f('subtitle'),
          format: f('type'),
          theme: f('track'),
          location: f('room') ?? roomName,
          abstract: f('abstract'),
          description: f('description'),
          convenors: persons(event),
          start: date && parseDateTime(date) ? date : (startFromDay(dayStart, start) ?? date ?? start),
          duration: f('duration'),
          url: urlFrom(f('url'), [baseUrl, options.url]),
          language: f('language'),
          path: `${roomPath}.event[${e}]`,
        });
      });
    });
  });

  return {
    prefix: 'frab',
    conference: {
      id: field(conf, 'acronym'),
      title: field(conf, 'title'),
      timeZone,
      zoneField: 'time_zone_name',
      url: urlFrom(field(conf, 'url'), []) ?? urlFrom(baseUrl, []) ?? urlFrom(field(schedule, 'url'), []),
    },
    talks,
  };
}
