import type { Panel, Paper, Person, Programme, Session } from '../types.js';
import type { Notes } from './notes.js';
import { joinParts, plainText } from './text.js';
import { instantInZone, zoneOffset } from '../../time/zone.js';
import { formatInstant, instantOf, parseDateTime, parseDuration, type DateTime } from './time.js';
import { chooseZone, type Sample } from './zone.js';
import { zoneNeeded, type DraftOptions } from './options.js';
import { webUrl } from '../data-url.js';
import { feedLink } from './link.js';

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
  convenors: PersonDraft[];
  chairs?: PersonDraft[];
  /** A date-time, with an offset or (read in the conference zone) without. */
  start?: string;
  end?: string;
  duration?: unknown;
  /**
   * The event's web page as the source writes it: absolute, or relative to the source's `linkBase`,
   * else to the address the document was loaded from (`options.url`); resolved in buildProgramme.
   */
  url?: string;
  language?: string;
  /** Where the event is in the source (`schedule.conference.days[0].rooms["Hall A"][2]`), for reports. */
  path?: string;
  /**
   * The panel's sessions, for a source that schedules a panel in several blocks or lists papers in
   * them (Indico). When given, the talk's own `start`, `end` and `duration` are not read: each session
   * has its own. When absent, the panel has one session from those three, as before.
   */
  sessions?: SessionDraft[];
}

/** A person as a source names them: a bare name, or a name with an affiliation. */
export type PersonDraft = string | { name?: string; affiliation?: string };

/** One block of time of a panel, as a source describes it. */
export interface SessionDraft {
  /** Candidate ids, best first; one is made up from the panel's id when there is none. */
  ids: unknown[];
  /** The block's own title ("Coffee & Exhibition"), when it has one beside the panel's. */
  title?: string;
  /** A date-time, with an offset or (read in the conference zone) without. */
  start?: string;
  end?: string;
  duration?: unknown;
  /** The room, kept on the session only when it is not the panel's. */
  location?: string;
  /** The contributions presented in it, in the order they are presented. */
  papers?: PaperDraft[];
  /** Where the block is in the source, for reports. */
  path?: string;
}

/** One paper, poster or contribution presented in a session. */
export interface PaperDraft {
  /** Candidate ids, best first; one is made up from the session's id when there is none. */
  ids: unknown[];
  title?: string;
  authors: PersonDraft[];
  /** Rich text (HTML or Markdown) allowed; it becomes plain text. */
  abstract?: string;
}

export interface ConferenceDraft {
  id?: string;
  title?: string;
  timeZone?: string;
  /** Where the source keeps its zone, for notes ("time_zone_name"). */
  zoneField: string;
  url?: string;
  /** The source's own base for its events' relative links (frab's `base_url`), tried before the document's address. */
  linkBase?: string;
  /** The source's default language, used when its events do not all say the same. */
  locale?: string;
}

export interface Draft {
  /** Prefix for ids made up or made unique ("frab" → `frab-12`). */
  prefix: string;
  conference: ConferenceDraft;
  talks: TalkDraft[];
  /** What the source calls its events, for the notes ("session" for Sessionize); "event" by default. */
  noun?: string;
  /**
   * For a format whose times never carry an offset (Sessionize): the one note said instead of
   * "N events have a start time without an offset", given how many were read in `zone`.
   */
  localTimes?: (count: number, zone: string) => string;
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    // Accents go with their letter ("Kraków" → "krakow", not "krako-w").
    .replace(/\p{M}+/gu, '')
    .replace(/[^\p{L}\p{N}_]+/gu, '-')
    .replace(/^-+|-+$/g, '');

/** Words a kind of event is named with, run together in identifiers ("lightningtalk", "MainTrack"). */
const TAILS = 'talk|talks|track|session|sessions|workshop|stage|panel|presentation';
const HEADS =
  'lightning|main|short|long|side|keynote|invited|plenary|poster|contributed|regular|full|demo|special|opening|closing|parallel|breakout|panel|round|tech';
/** A known head and tail run together ("lightningtalk"), or one of them alone. */
const COMPOUND = new RegExp(`^(${HEADS})(${TAILS})$`);
const KNOWN = new RegExp(`^(?:${HEADS}|${TAILS})$`);

/**
 * A kind of event as a label: an identifier in one case made a phrase ("lecture" → "Lecture",
 * "LIGHTNING_TALK", "lightning_talk", "lightningtalk", "main-track", "MainTrack" → "Lightning talk",
 * "Main track"). Other mixed case ("Talk", "Q&A", "DevOps") stays, and so do hyphens between words
 * that are not known ones ("hands-on").
 */
export function tidyLabel(s: string | undefined): string | undefined {
  if (!s) return s;
  // "MainTrack", "lightningTalk": words by their capitals, when the last is a known kind of event.
  const camel = /^[A-Z]?[a-z]+(?:[A-Z][a-z]+)+$/.test(s) && KNOWN.test(s.replace(/^.*(?=[A-Z])/, '').toLowerCase());
  if (!camel && !/^[a-z_ -]+$|^[A-Z_ -]+$/.test(s)) return s;
  const words = (camel ? s.replace(/(?<=[a-z])(?=[A-Z])/g, ' ') : s)
    .toLowerCase()
    .split(/[_\s]+/)
    .filter(Boolean)
    .flatMap((w) => {
      const parts = w.split('-');
      const joined = COMPOUND.exec(w);
      return joined ? joined.slice(1) : parts.length > 1 && parts.every((p) => KNOWN.test(p)) ? parts : [w];
    })
    .join(' ');
  return words && words[0].toUpperCase() + words.slice(1);
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

/** Each person once (by name, the first mention winning), trimmed; undefined when there is nobody. */
function people(drafts: PersonDraft[]): Person[] | undefined {
  const seen = new Set<string>();
  const out: Person[] = [];
  for (const draft of drafts) {
    const name = (typeof draft === 'string' ? draft : (draft.name ?? '')).trim();
    if (!name || seen.has(name)) continue;
    seen.add(name);
    const affiliation = typeof draft === 'string' ? undefined : draft.affiliation?.trim();
    out.push(affiliation ? { name, affiliation } : { name });
  }
  return out.length ? out : undefined;
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

/** Where the source's date-times put the programme: its zone, and every start and end read. */
interface Zoned {
  timeZone: string;
  /** Per talk, per session (one for a talk without `sessions`). */
  timed: Timed[][];
  epochOf: (t: DateTime) => number;
  offsetOf: (t: DateTime, epoch: number) => number;
  /** How many starts carried no offset, when the format never writes one (`Draft.localTimes`), so that one note says it. */
  local?: { count: number };
}

/**
 * Reads every date-time; those that carry an offset decide (or check) the conference zone. Refuses
 * (zoneNeeded) a source whose times carry no offset when neither it nor the host names a zone.
 */
function zoneOf(draft: Draft, notes: Notes, options: DraftOptions): Zoned {
  const { conference: c, talks } = draft;
  const timed = talks.map((t) => (t.sessions ?? [t]).map((s): Timed => ({ start: parseDateTime(s.start), end: parseDateTime(s.end) })));
  const samples: Sample[] = [];
  for (const slots of timed) {
    for (const { start, end } of slots) {
      for (const t of [start, end]) if (t?.offset !== undefined) samples.push({ epoch: instantOf(t as DateTime & { offset: number }), offset: t.offset });
    }
  }
  const stated = c.timeZone ?? options.timeZone;
  if (!stated && !samples.length && timed.some((slots) => slots.some((t) => t.start))) zoneNeeded(c.zoneField);
  const timeZone = chooseZone(stated, samples, notes, options.timeZone && !c.timeZone ? 'time-zone attribute' : c.zoneField);
  return {
    timeZone,
    timed,
    epochOf: (t) => (t.offset !== undefined ? instantOf(t as DateTime & { offset: number }) : instantInZone(t.wall, timeZone)),
    offsetOf: (t, epoch) => t.offset ?? zoneOffset(timeZone, epoch),
    local: draft.localTimes ? { count: 0 } : undefined,
  };
}

/**
 * The start and end instants of a session that has a start: the end is its own when it can be read
 * and is not before the start, else the start plus the duration, else the start itself; each case noted.
 */
function instants(zoned: Zoned, notes: Notes, time: Timed & { start: DateTime }, duration: unknown, label: string): { start: string; end: string } {
  const { timeZone, epochOf, offsetOf, local } = zoned;
  const { start, end } = time;
  if (start.offset === undefined && local) local.count++;
  else if (start.offset === undefined) {
    notes.tally('local', label, (n) => `${notes.events(n)} a start time without an offset, read as ${timeZone} time`);
  }
  const startAt = epochOf(start);
  const startOffset = offsetOf(start, startAt);
  let endAt: number | undefined;
  let endOffset = startOffset;
  if (end) {
    endAt = epochOf(end);
    endOffset = offsetOf(end, endAt);
    if (endAt < startAt) {
      notes.tally('end-before', label, (n) => `${notes.events(n)} an end before ${n === 1 ? 'its' : 'their'} start; the end was ignored`);
      endAt = undefined;
    }
  }
  if (endAt === undefined) {
    let ms = parseDuration(duration);
    if (ms === undefined) {
      ms = 0;
      notes.tally(
        'no-duration',
        label,
        (n) =>
          `${notes.events(n)} no duration (or one that cannot be read), so ${n === 1 ? 'it ends' : 'they end'} when ${n === 1 ? 'it starts' : 'they start'}`,
      );
    }
    endAt = startAt + ms;
    // Keep the start's offset unless the conference zone agrees with it and says otherwise at the end (DST).
    endOffset = zoneOffset(timeZone, startAt) === startOffset ? zoneOffset(timeZone, endAt) : startOffset;
  }
  return { start: formatInstant(startAt, startOffset, start.zulu), end: formatInstant(endAt, endOffset, end?.zulu ?? start.zulu) };
}

/** What the sessions and papers of one document share while they are built. */
interface Builder {
  zoned: Zoned;
  notes: Notes;
  take: (wanted: string) => string;
}

/** The source's own id when it has one (made unique, with a note when that changed it), else `fallback`. */
function ownId(b: Builder, ids: unknown[], fallback: string): { id: string; wanted?: string } {
  const wanted = ids.map(idText).find(Boolean);
  const id = b.take(wanted ?? fallback);
  if (wanted && id !== wanted) {
    b.notes.tally(
      'renamed-part',
      `${wanted} → ${id}`,
      (n) =>
        `${n === 1 ? '1 session or paper shares' : `${n} sessions or papers share`} an id with an earlier item and ${n === 1 ? 'was' : 'were'} given a new one`,
    );
  }
  return { id, wanted };
}

/** A paper of the programme: a unique id, a title (or "Untitled"), its authors and a plain-text abstract. */
function paperOf(b: Builder, draft: PaperDraft, sessionId: string, n: number): Paper {
  const { id, wanted } = ownId(b, draft.ids, `${sessionId}-${n}`);
  let title = draft.title?.trim();
  if (!wanted)
    b.notes.tally('paper-no-id', title ?? id, (k) => `${k === 1 ? '1 paper has' : `${k} papers have`} no id and ${k === 1 ? 'was' : 'were'} given one`);
  if (!title) {
    title = 'Untitled';
    b.notes.tally('untitled-paper', id, (k) => `${k === 1 ? '1 paper has' : `${k} papers have`} no title and ${k === 1 ? 'is' : 'are'} called "Untitled"`);
  }
  const paper: Paper = { id, title };
  const authors = people(draft.authors);
  if (authors) paper.authors = authors;
  const abstract = plainText(draft.abstract);
  if (abstract) paper.abstract = abstract;
  return paper;
}

/**
 * The sessions of a panel whose source lists them (`TalkDraft.sessions`), with their papers. A session
 * without a start that can be read is left out with its papers, and reported (notes.skip).
 */
function sessionsOf(b: Builder, talk: TalkDraft, panel: Panel, timed: Timed[], path: string): Session[] {
  const sessions: Session[] = [];
  (talk.sessions ?? []).forEach((draft, k) => {
    const { id } = ownId(b, draft.ids, `${panel.id}-${k + 1}`);
    const label = draft.title ? `${panel.title}: ${draft.title}` : panel.title;
    const time = timed[k];
    if (!time.start) {
      b.notes.tally(
        'session-no-start',
        label,
        (n) => `${n === 1 ? '1 session has' : `${n} sessions have`} no start time that can be read and ${n === 1 ? 'is' : 'are'} left out`,
      );
      const when = draft.start === undefined ? 'has no start time' : `has a start time that cannot be read (${JSON.stringify(draft.start.slice(0, 40))})`;
      const papers = draft.papers?.length ? ` with its ${draft.papers.length === 1 ? 'paper' : `${draft.papers.length} papers`}` : '';
      b.notes.skip({
        path: draft.path ?? `${path}.sessions[${k}]`,
        kind: 'session',
        id,
        reason: `a session of "${panel.title}" ${when}, so it is not in the schedule${papers}`,
      });
      return;
    }
    const title = draft.title?.trim();
    const session: Session = { id, ...(title ? { title } : {}), ...instants(b.zoned, b.notes, time as Timed & { start: DateTime }, draft.duration, label) };
    const location = draft.location?.trim();
    if (location && location !== panel.location) session.location = location;
    const papers = (draft.papers ?? []).map((p, n) => paperOf(b, p, id, n + 1));
    if (papers.length) session.papers = papers;
    sessions.push(session);
  });
  return sessions;
}

/** The one session of a talk without `sessions`, from its start, end and duration; undefined (and reported) without a start. */
function talkSession(b: Builder, talk: TalkDraft, panel: Panel, time: Timed, path: string): Session | undefined {
  const { id, title } = panel;
  if (!time.start) {
    b.notes.tally(
      'no-start',
      title,
      (n) => `${b.notes.events(n)} no start time that can be read, so ${n === 1 ? 'it is' : 'they are'} listed without a session`,
    );
    const when = talk.start === undefined ? 'has no start time' : `has a start time that cannot be read (${JSON.stringify(talk.start.slice(0, 40))})`;
    b.notes.skip({ path, kind: 'event', id, reason: `"${title}" ${when}, so it is not in the schedule` });
    return undefined;
  }
  const at = instants(b.zoned, b.notes, time as Timed & { start: DateTime }, talk.duration, title);
  return { id: b.take(`${id}-1`), ...at };
}

/**
 * The http(s) address of an event's link as the source writes it (`TalkDraft.url`): absolute, or
 * relative to the source's own base (`linkBase`), else to the document's address, and then only on
 * that host (link.ts: never `//host`, `\\host`, `https:host`). Anything else is no
 * link, with a note: a relative one is never left for the page to resolve against its own address.
 */
function linker(draft: Draft, notes: Notes, options: DraftOptions): (raw: string | undefined, label: string) => string | undefined {
  const document = webUrl(options.url);
  const base = feedLink(draft.conference.linkBase, document) ?? document;
  return (raw, label) => {
    if (!raw?.trim()) return undefined;
    const url = feedLink(raw, base);
    if (!url) {
      notes.tally(
        base ? 'url' : 'url-no-base',
        `${label}: ${raw.trim().slice(0, 60)}`,
        (n) =>
          `${notes.events(n)} a link that is not ${base ? `an http(s) address, absolute or on the host of ${base}` : 'an absolute http(s) address (the address the feed was loaded from is not known)'}; ${n === 1 ? 'it was' : 'they were'} left out`,
      );
    }
    return url;
  };
}

/** A panel's own fields (all but its sessions) from a talk: title, format, theme, room, text, link and people. */
function panelOf(talk: TalkDraft, id: string, notes: Notes, link: ReturnType<typeof linker>): Panel {
  const named = titled(talk.title, talk.subtitle);
  let title = named.title;
  if (!title) {
    title = 'Untitled';
    notes.tally('untitled', id, (n) => `${notes.events(n)} no title and ${n === 1 ? 'is' : 'are'} called "Untitled"`);
  }
  const panel: Panel = { id, title };
  const format = tidyLabel(talk.format);
  if (format) panel.format = format;
  if (talk.theme) panel.theme = talk.theme;
  if (talk.location) panel.location = talk.location;
  const description = joinParts([named.lead, plainText(talk.abstract), plainText(talk.description)]);
  if (description) panel.description = description;
  const url = link(talk.url, title);
  if (url) panel.url = url;
  const convenors = people(talk.convenors);
  if (convenors) panel.convenors = convenors;
  const chairs = people(talk.chairs ?? []);
  if (chairs) panel.chairs = chairs;
  return panel;
}

/** The panels' ids, in order: each talk's own id made unique, or one from its position; both noted. */
function panelIds(talks: TalkDraft[], prefix: string, take: (wanted: string) => string, notes: Notes): string[] {
  return talks.map((t, i) => {
    const wanted = t.ids.map(idText).find(Boolean);
    const id = take(wanted ?? `${prefix}-${i + 1}`);
    const label = t.title ?? `#${i + 1}`;
    if (!wanted)
      notes.tally('no-id', label, (n) => `${notes.events(n)} no id and ${n === 1 ? 'was' : 'were'} given one from ${n === 1 ? 'its' : 'their'} position`);
    else if (id !== wanted)
      notes.tally(
        'renamed',
        `${wanted} → ${id}`,
        (n) => `${notes.events(n, 'shares', 'share')} an id with an earlier ${notes.noun} and ${n === 1 ? 'was' : 'were'} given a new one`,
      );
    return id;
  });
}

/** The conference of the programme: an id and a title (made up, with a note, when the source has none), the zone, a locale. */
function conferenceOf(draft: Draft, timeZone: string, notes: Notes): Programme['conference'] {
  const { prefix, conference: c, talks } = draft;
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
  return conference;
}

/**
 * The programme v1 document for a draft: one panel per event, each with one session and no papers,
 * or with the sessions and papers its draft lists (`TalkDraft.sessions`). Every id is unique across
 * panels, sessions and papers; rich text becomes plain text.
 * The zone is the source's own, else the host's (`options.timeZone`); a source whose times carry no
 * offset and that no one names a zone for is refused (zoneNeeded) rather than read in a guessed zone.
 */
export function buildProgramme(draft: Draft, notes: Notes, options: DraftOptions = {}): Programme {
  const { prefix, talks } = draft;
  notes.noun = draft.noun ?? 'event';
  // 1. Read every date-time; those that carry an offset decide (or check) the conference zone.
  const zoned = zoneOf(draft, notes, options);
  // 2. Panel ids first, so that an event's own id wins over a session id made up for another.
  const take = idTaker(prefix);
  const ids = panelIds(talks, prefix, take, notes);
  const builder: Builder = { zoned, notes, take };
  const link = linker(draft, notes, options);

  const panels: Panel[] = talks.map((t, i) => {
    const panel = panelOf(t, ids[i], notes, link);
    const path = t.path ?? `events[${i}]`;
    if (t.sessions) {
      const sessions = sessionsOf(builder, t, panel, zoned.timed[i], path);
      if (sessions.length) panel.sessions = sessions;
    } else {
      const session = talkSession(builder, t, panel, zoned.timed[i][0], path);
      if (session) panel.sessions = [session];
    }
    return panel;
  });

  // 3. The conference.
  const conference = conferenceOf(draft, zoned.timeZone, notes);
  if (zoned.local?.count) notes.add(draft.localTimes!(zoned.local.count, zoned.timeZone));
  if (!talks.length) notes.add(`The source holds no ${notes.noun}s; the programme has no panels.`);
  return { version: 1, conference, panels };
}
