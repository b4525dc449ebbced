/**
 * frab / pentabarf `schedule.xml`, the de-facto standard export of CCC's frab, FOSDEM's pentabarf,
 * DebConf's wafer and pretalx: `<schedule>` → `<conference>`, then `<day>` → `<room name>` →
 * `<event>`. The fields are those of frab's schedule.json and are mapped the same way (frab.ts).
 */
import type { Draft, TalkDraft } from './build.js';
import type { Notes } from './notes.js';
import type { DraftOptions } from './options.js';
import { text } from './json.js';
import { dayChangeOf, dayStartOf, eventStart } from './frab-time.js';
import { webUrl } from '../data-url.js';
import { isKnownTimeZone } from '../validate.js';

const ELEMENT_NODE = 1;

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

/** The names of an event's `<persons><person>…</person></persons>`. */
const persons = (event: Element): string[] =>
  children(child(event, 'persons') ?? event, 'person')
    .map((p) => text(p.textContent ?? undefined))
    .filter((n): n is string => !!n);

/**
 * The draft of a frab/pentabarf schedule.xml: conference `acronym` (id), `title`, `time_zone_name`,
 * `url` or `base_url`; then every `<day>` → `<room>` → `<event>` with its title, subtitle, abstract,
 * description, track (theme), type (format), language, room, persons (convenors), url, guid/id, and
 * its `<date>` (an instant when it carries an offset) or else its day's date and `<start>`, with its
 * `<duration>`. A file that names no zone and whose times carry no offset (FOSDEM) leaves the zone
 * to `options.timeZone`, or buildProgramme refuses it. `<links>`, `<attachments>`, `<recording>` and
 * `<slug>` are not read (as frab.ts does not read them in the JSON). Throws when the root is not a
 * `<schedule>`, or when its days hold something other than rooms (EuroPython's `<entry>`).
 * Relative event URLs resolve against `<base_url>`, else `options.url` (in buildProgramme).
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
  const dayChange = dayChangeOf(field(conf, 'day_change'));
  const baseUrl = field(conf, 'base_url') ?? field(schedule, 'base_url');

  const talks: TalkDraft[] = [];
  days.forEach((day, d) => {
    const dayPath = `schedule.day[${d}]`;
    const dayStart = dayStartOf(attr(day, 'date'), attr(day, 'start'), dayChange, zone);
    children(day, 'room').forEach((room, r) => {
      const roomName = attr(room, 'name');
      const roomPath = `${dayPath}.room[${roomName !== undefined ? JSON.stringify(roomName) : r}]`;
      children(room, 'event').forEach((event, e) => {
        const f = fieldsOf(event);
        const title = f('title');
        const label = title ?? `#${talks.length + 1}`;
        const start = eventStart({ date: f('date'), start: f('start'), day: dayStart, zone, label }, notes, { date: '<date>', start: '<start>' });
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
          start,
          duration: f('duration'),
          url: f('url'),
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
      url: webUrl(field(conf, 'url')) ?? webUrl(baseUrl) ?? webUrl(field(schedule, 'url')),
      linkBase: baseUrl,
    },
    talks,
  };
}
