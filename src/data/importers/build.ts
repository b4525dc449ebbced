import type { Panel, Person, Programme, Session } from '../types.js';
import { events, Notes } from './notes.js';
import { joinAbstract } from './text.js';
import { instantInZone, zoneOffset } from '../../time/zone.js';
import { formatInstant, instantOf, parseDateTime, parseDuration, type DateTime } from './time.js';
import { chooseZone, type Sample } from './zone.js';
import { zoneNeeded, type DraftOptions } from './options.js';

/**
 * One talk, workshop or other event as a source describes it, before it becomes a panel with one
 * session. Each importer only says where its format keeps these things; everything else
 * (time zone, instants, ids, text, notes) is worked out here, the same way for every format.
 */
export interface TalkDraft {
  /** Candidate ids, best first (a guid, a numeric id, a code). */
  ids: unknown[];
  title?: string;
  subtitle?: string;
  /** The kind of event ("lecture", "Workshop"). */
  format?: string;
  /** The track. */
  theme?: string;
  /** The room. */
  location?: string;
  /** Rich text (HTML or Markdown) allowed in both. */
  abstract?: string;
  description?: string;
  convenors: string[];
  chairs?: string[];
  /** A date-time, with an offset or (read in the conference zone) without. */
  start?: string;
  end?: string;
  duration?: unknown;
  url?: string;
  language?: string;
  /** Where the event is in the source (`schedule.conference.days[0].rooms["Hall A"][2]`), for reports. */
  path?: string;
}

export interface ConferenceDraft {
  id?: string;
  title?: string;
  timeZone?: string;
  /** Where the source keeps its zone, for notes ("time_zone_name"). */
  zoneField: string;
  url?: string;
  /** The source's default language, used when its events do not all say the same. */
  locale?: string;
}

export interface Draft {
  /** Prefix for ids made up or made unique ("frab" → `frab-12`). */
  prefix: string;
  conference: ConferenceDraft;
  talks: TalkDraft[];
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\w]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** "lecture" → "Lecture", "LIGHTNING_TALK" → "Lightning talk"; mixed case ("Talk", "Q&A") stays. */
export function tidyLabel(s: string | undefined): string | undefined {
  if (!s || !/^[a-z_ -]+$|^[A-Z_ -]+$/.test(s)) return s;
  const words = s.toLowerCase().replace(/_/g, ' ');
  return words[0].toUpperCase() + words.slice(1);
}

/**
 * A title cut short ("… for Need for Speed:") is completed with its subtitle; otherwise the title
 * stays as the source has it and the subtitle leads the description (the model has no subtitle).
 */
function titled(title: string | undefined, subtitle: string | undefined): { title?: string; lead?: string } {
  if (!subtitle || subtitle === title) return { title };
  if (!title) return { title: subtitle };
  return /[:–—-]$/.test(title) ? { title: `${title} ${subtitle}` } : { title, lead: subtitle };
}

function people(names: string[]): Person[] | undefined {
  const unique = [...new Set(names.map((n) => n.trim()).filter(Boolean))];
  return unique.length ? unique.map((name) => ({ name })) : undefined;
}

interface Timed {
  start?: DateTime;
  end?: DateTime;
}

/** Hands out ids unique across the document: a taken one becomes `prefix-id`, then `prefix-id-2`, … */
function idTaker(prefix: string) {
  const taken = new Set<string>();
  return (wanted: string): string => {
    let id = wanted;
    if (taken.has(id)) {
      const base = wanted.startsWith(`${prefix}-`) ? wanted : `${prefix}-${wanted}`;
      id = base;
      for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    }
    taken.add(id);
    return id;
  };
}

const idText = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? String(v) : typeof v === 'string' ? v.trim() : '');

/**
 * The programme v1 document for a draft: one panel per event, each with one session and no papers.
 * The zone is the source's own, else the host's (`options.timeZone`); a source whose times carry no
 * offset and that no one names a zone for is refused (zoneNeeded) rather than read in a guessed zone.
 */
export function buildProgramme(draft: Draft, notes: Notes, options: DraftOptions = {}): Programme {
  const { prefix, conference: c, talks } = draft;

  // 1. Read every date-time; those that carry an offset decide (or check) the conference zone.
  const timed: Timed[] = talks.map((t) => ({ start: parseDateTime(t.start), end: parseDateTime(t.end) }));
  const samples: Sample[] = [];
  for (const { start, end } of timed) {
    for (const t of [start, end]) if (t?.offset !== undefined) samples.push({ epoch: instantOf(t as DateTime & { offset: number }), offset: t.offset });
  }
  const stated = c.timeZone ?? options.timeZone;
  if (!stated && !samples.length && timed.some((t) => t.start)) zoneNeeded(c.zoneField);
  const timeZone = chooseZone(stated, samples, notes, c.timeZone ? c.zoneField : 'the time-zone attribute');
  const epochOf = (t: DateTime) => (t.offset !== undefined ? instantOf(t as DateTime & { offset: number }) : instantInZone(t.wall, timeZone));
  const offsetOf = (t: DateTime, epoch: number) => t.offset ?? zoneOffset(timeZone, epoch);

  // 2. Panel ids first, so that an event's own id wins over a session id made up for another.
  const take = idTaker(prefix);
  const panelIds = talks.map((t, i) => {
    const wanted = t.ids.map(idText).find(Boolean);
    const id = take(wanted ?? `${prefix}-${i + 1}`);
    const label = t.title ?? `#${i + 1}`;
    if (!wanted) notes.tally('no-id', label, (n) => `${events(n)} no id and ${n === 1 ? 'was' : 'were'} given one from ${n === 1 ? 'its' : 'their'} position`);
    else if (id !== wanted)
      notes.tally(
        'renamed',
        `${wanted} → ${id}`,
        (n) => `${events(n, 'shares', 'share')} an id with an earlier event and ${n === 1 ? 'was' : 'were'} given a new one`,
      );
    return id;
  });

  const panels: Panel[] = talks.map((t, i) => {
    const id = panelIds[i];
    const named = titled(t.title, t.subtitle);
    let title = named.title;
    if (!title) {
      title = 'Untitled';
      notes.tally('untitled', id, (n) => `${events(n)} no title and ${n === 1 ? 'is' : 'are'} called "Untitled"`);
    }
    const panel: Panel = { id, title };
    const format = tidyLabel(t.format);
    if (format) panel.format = format;
    if (t.theme) panel.theme = t.theme;
    if (t.location) panel.location = t.location;
    const description = [named.lead, joinAbstract(t.abstract, t.description)].filter(Boolean).join('\n\n');
    if (description) panel.description = description;
    if (t.url) panel.url = t.url;
    const convenors = people(t.convenors);
    if (convenors) panel.convenors = convenors;
    const chairs = people(t.chairs ?? []);
    if (chairs) panel.chairs = chairs;

    const { start, end } = timed[i];
    if (!start) {
      notes.tally('no-start', title, (n) => `${events(n)} no start time that can be read, so ${n === 1 ? 'it is' : 'they are'} listed without a session`);
      const when = t.start === undefined ? 'has no start time' : `has a start time that cannot be read (${JSON.stringify(t.start.slice(0, 40))})`;
      notes.skip({ path: t.path ?? `events[${i}]`, kind: 'event', id, reason: `"${title}" ${when}, so it is not in the schedule` });
      return panel;
    }
    if (start.offset === undefined) {
      notes.tally('local', title, (n) => `${events(n)} a start time without an offset, read as ${timeZone} time`);
    }
    const startAt = epochOf(start);
    const startOffset = offsetOf(start, startAt);
    let endAt: number | undefined;
    let endOffset = startOffset;
    if (end) {
      endAt = epochOf(end);
      endOffset = offsetOf(end, endAt);
      if (endAt < startAt) {
        notes.tally('end-before', title, (n) => `${events(n)} an end before ${n === 1 ? 'its' : 'their'} start; the end was ignored`);
        endAt = undefined;
      }
    }
    if (endAt === undefined) {
      let duration = parseDuration(t.duration);
      if (duration === undefined) {
        duration = 0;
        notes.tally(
          'no-duration',
          title,
          (n) => `${events(n)} no duration (or one that cannot be read), so ${n === 1 ? 'it ends' : 'they end'} when ${n === 1 ? 'it starts' : 'they start'}`,
        );
      }
      endAt = startAt + duration;
      // Keep the start's offset unless the conference zone agrees with it and says otherwise at the end (DST).
      endOffset = zoneOffset(timeZone, startAt) === startOffset ? zoneOffset(timeZone, endAt) : startOffset;
    }
    const session: Session = {
      id: take(`${id}-1`),
      start: formatInstant(startAt, startOffset, start.zulu),
      end: formatInstant(endAt, endOffset, end?.zulu ?? start.zulu),
    };
    panel.sessions = [session];
    return panel;
  });

  // 3. The conference.
  let id = c.id;
  let title = c.title;
  if (!id) {
    id = (title && slug(title)) || prefix;
    notes.add(`The source names no conference acronym or id; the programme's id is ${JSON.stringify(id)}.`);
  }
  if (!title) {
    title = id;
    notes.add(`The source names no conference title; the programme is called ${JSON.stringify(title)}.`);
  }
  const languages = new Set(talks.map((t) => t.language?.trim()).filter(Boolean));
  const locale = languages.size === 1 ? [...languages][0] : c.locale;
  const conference: Programme['conference'] = { id, title, timeZone };
  if (locale) conference.locale = locale;
  if (c.url) conference.url = c.url;
  if (!talks.length) notes.add('The source holds no events; the programme has no panels.');
  return { version: 1, conference, panels };
}
