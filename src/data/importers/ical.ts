/**
 * iCalendar feeds (RFC 5545: `.ics` files, `webcal:` subscriptions) as a draft programme: one talk
 * per VEVENT (per occurrence, for a repeating one).
 *
 * The bytes are unfolded before they are decoded (real feeds fold lines in the middle of a UTF-8
 * character), and the BEGIN/END structure is checked with line numbers. The content lines an
 * event's mapping needs are read by ical.js (`ICAL.parse.property`: parameters, quoting, RFC 6868,
 * text escapes, lists); a line without parameters is split at its `:` here, which is all ical.js
 * would do with it. Lines nothing here uses (DTSTAMP, X-…, VALARM, …) are never parsed, and one
 * unreadable line costs that line (or that event), not the feed. Time zones the feed defines
 * (VTIMEZONE) are ical.js `Timezone`s; other TZIDs are read as IANA names; repeating events are
 * expanded with ical.js's recurrence iterator, within bounds. Everything is one pass over the
 * text plus work per event, so a 100,000-event feed or a 2 MB DESCRIPTION stays fast.
 */
import ICAL from 'ical.js';
import type { Draft, TalkDraft } from './build.js';
import { events, type Notes } from './notes.js';
import { zoneNeeded, type DraftOptions } from './options.js';
import { formatInstant } from './time.js';
import { webUrl } from '../data-url.js';
import { feedLink } from './link.js';
import { isKnownTimeZone } from '../validate.js';
import { instantInZone, zoneOffset } from '../../time/zone.js';

type Recur = InstanceType<typeof ICAL.Recur>;
type IcalTime = InstanceType<typeof ICAL.Time>;
type IcalTimezone = InstanceType<typeof ICAL.Timezone>;

/** A repeating event lists at most this many occurrences… */
export const MAX_OCCURRENCES = 500;
/** …and only those that start within this many years of its first. */
export const MAX_YEARS = 2;
/** All repeating events of a feed together add at most this many occurrences beyond their first. */
const MAX_EXPANDED = 50_000;
/** Steps of ical.js's recurrence iterator allowed for one event, and for the whole feed. */
const MAX_STEPS = 20_000;
const MAX_STEPS_TOTAL = 1_000_000;
/** At most this many RDATE (and EXDATE) values of one event are read. */
const MAX_DATES = 5_000;
/** A content line with more parameters than this is not one a calendar program wrote. */
const MAX_PARAMS = 32;

const DAY = 86_400_000;
const ERROR = 'This iCalendar file cannot be read';

// ---------------------------------------------------------------------------------------------
// Telling and unfolding

const CALENDAR = 'BEGIN:VCALENDAR';

/**
 * True when the document is an iCalendar file: after an optional byte-order mark and white space
 * it starts with `BEGIN:VCALENDAR` (in any case). Told by content only, never by file name or type.
 */
export function isICal(input: string | Uint8Array): boolean {
  if (typeof input === 'string') {
    const s = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    const start = s.search(/\S/);
    return start >= 0 && s.slice(start, start + CALENDAR.length).toUpperCase() === CALENDAR;
  }
  let i = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf ? 3 : 0;
  while (i < input.length && (input[i] === 32 || input[i] === 9 || input[i] === 10 || input[i] === 13)) i++;
  if (input.length - i < CALENDAR.length) return false;
  for (let k = 0; k < CALENDAR.length; k++) {
    const c = input[i + k];
    if ((c >= 97 && c <= 122 ? c - 32 : c) !== CALENDAR.charCodeAt(k)) return false;
  }
  return true;
}

/** The feed with its folds removed. */
interface Unfolded {
  /** The text; its lines end with `\n`, maybe after CRs (a feed with CR-only line ends has them made `\n`). */
  text: string;
  /** For each fold removed, the index of the (unfolded) line it was in, in order: to give line numbers as published. */
  folds: number[];
  /** Some bytes were not UTF-8 and became U+FFFD. */
  notUtf8: boolean;
}

/**
 * Removes folds (a line end followed by one space or tab) from a text or byte array whose line
 * ends all contain LF (`\n`, `\r\n`, and the JRES feed's `\r\r\n`): only the LFs are searched, and
 * the CRs before a folding LF go with it. `keep(from, to)` is called for each run kept.
 */
function unfoldLf(length: number, at: (i: number) => number, findLf: (from: number) => number, keep: (from: number, to: number) => void): number[] {
  const folds: number[] = [];
  let line = 0;
  let from = 0;
  for (let lf = findLf(0); lf >= 0; lf = findLf(lf + 1)) {
    const next = lf + 1 < length ? at(lf + 1) : -1;
    if (next !== 32 && next !== 9) {
      line++;
      continue;
    }
    let k = lf;
    while (k > from && at(k - 1) === 13) k--;
    keep(from, k);
    folds.push(line);
    from = lf + 2;
  }
  keep(from, length);
  return folds;
}

/**
 * The same for a feed with CR-only line ends somewhere: every line end (`\r*\n`, or a run of `\r`)
 * becomes `\n` (`newline()`), and one followed by a space or tab is removed with it.
 */
function unfoldAny(length: number, at: (i: number) => number, keep: (from: number, to: number) => void, newline: () => void): number[] {
  const folds: number[] = [];
  let line = 0;
  let from = 0;
  for (let i = 0; i < length; i++) {
    const c = at(i);
    if (c !== 10 && c !== 13) continue;
    keep(from, i);
    let j = i;
    while (j < length && at(j) === 13) j++;
    if (j < length && at(j) === 10) j++;
    const next = j < length ? at(j) : -1;
    if (next === 32 || next === 9) {
      folds.push(line);
      from = j + 1;
    } else {
      newline();
      line++;
      from = j;
    }
    i = from - 1;
  }
  keep(from, length);
  return folds;
}

/** True when some CR ends a line by itself (neither followed by LF nor part of a run ending in one). */
function loneCr(at: (i: number) => number, findCr: (from: number) => number, length: number): boolean {
  for (let cr = findCr(0); cr >= 0; cr = findCr(cr + 1)) {
    const next = cr + 1 < length ? at(cr + 1) : 10;
    if (next !== 10 && next !== 13) return true;
  }
  return false;
}

function unfoldBytes(bytes: Uint8Array): Unfolded {
  const src = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const at = (i: number) => src[i];
  const runs: number[] = [];
  const keep = (from: number, to: number) => {
    if (to > from) runs.push(from, to);
  };
  let body: Uint8Array;
  let folds: number[];
  if (!loneCr(at, (from) => src.indexOf(13, from), src.length)) {
    folds = unfoldLf(src.length, at, (from) => src.indexOf(10, from), keep);
    if (!folds.length) body = src;
    else {
      let size = 0;
      for (let r = 0; r < runs.length; r += 2) size += runs[r + 1] - runs[r];
      body = new Uint8Array(size);
      for (let r = 0, o = 0; r < runs.length; r += 2) {
        body.set(src.subarray(runs[r], runs[r + 1]), o);
        o += runs[r + 1] - runs[r];
      }
    }
  } else {
    const out = new Uint8Array(src.length);
    let o = 0;
    folds = unfoldAny(
      src.length,
      at,
      (from, to) => {
        out.set(src.subarray(from, to), o);
        o += to - from;
      },
      () => (out[o++] = 10),
    );
    body = out.subarray(0, o);
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), folds, notUtf8: false };
  } catch {
    return { text: new TextDecoder('utf-8').decode(body), folds, notUtf8: true };
  }
}

function unfoldText(input: string): Unfolded {
  const src = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const at = (i: number) => src.charCodeAt(i);
  const parts: string[] = [];
  const keep = (from: number, to: number) => {
    if (to > from) parts.push(src.slice(from, to));
  };
  const folds = loneCr(at, (from) => src.indexOf('\r', from), src.length)
    ? unfoldAny(src.length, at, keep, () => parts.push('\n'))
    : unfoldLf(src.length, at, (from) => src.indexOf('\n', from), keep);
  return { text: parts.length === 1 ? parts[0] : parts.join(''), folds, notUtf8: false };
}

// ---------------------------------------------------------------------------------------------
// Content lines and properties

/** One content line, unfolded. */
interface Line {
  text: string;
  /** Its line number in the file. */
  no: number;
  /** The property name, upper case. */
  name: string;
  /** Where its value starts (just after the `:` that ends the name and parameters). */
  valueAt: number;
  /** It has parameters (`;…`). */
  params: boolean;
}

const cut = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * Finds the value of a content line whose name (upper case) ends at `nameEnd`; a reason when it is
 * not a content line.
 */
function contentLine(text: string, no: number, name: string, nameEnd: number): Line | string {
  if (nameEnd === text.length) return `it has no ":" (${JSON.stringify(cut(text))})`;
  if (!name.trim()) return `it has no property name (${JSON.stringify(cut(text))})`;
  if (text.charCodeAt(nameEnd) === 58) return { text, no, name: name.trim(), valueAt: nameEnd + 1, params: false };
  // Parameters: the value starts after the first ':' outside quotes.
  let count = 0;
  let quoted = false;
  for (let k = nameEnd; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 34) quoted = !quoted;
    else if (!quoted && c === 59 && ++count > MAX_PARAMS) return `it has more than ${MAX_PARAMS} parameters`;
    else if (!quoted && c === 58) return { text, no, name: name.trim(), valueAt: k + 1, params: true };
  }
  return `its parameters never end with ":" (${JSON.stringify(cut(text))})`;
}

/** The name of a content line (upper case) and where it ends (at its first `:` or `;`, else at the end). */
function nameOf(text: string, from: number, end: number): [string, number] {
  let i = from;
  let lower = false;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 58 || c === 59) break;
    if (c >= 97 && c <= 122) lower = true;
    i++;
  }
  const name = text.slice(from, i);
  return [lower ? name.toUpperCase() : name, i];
}

/** A property as ical.js reads it, with its raw value (date-times are read from that). */
interface Prop {
  name: string;
  params: Record<string, unknown>;
  values: unknown[];
  raw: string;
  no: number;
}

/** Unescapes TEXT (`\,` `\;` `\\` `\n`) as ical.js does. */
const unescapeText = (s: string) => (s.includes('\\') ? s.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c)) : s);

/** Splits a TEXT list at the commas that are not escaped, unescaping each item. */
function textList(s: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 44) {
      out.push(unescapeText(s.slice(from, i)));
      from = i + 1;
    }
  }
  out.push(unescapeText(s.slice(from)));
  return out;
}

/** Properties whose value is TEXT, as ical.js types them (X- and RFC 7986 ones it leaves raw; here they are unescaped too). */
const TEXT = new Set(['SUMMARY', 'DESCRIPTION', 'LOCATION', 'UID', 'STATUS', 'NAME', 'PRODID', 'X-WR-CALNAME', 'X-WR-CALDESC', 'X-WR-TIMEZONE']);
/** Properties whose value is read here from the raw text (dates, durations) or kept as it is (addresses, URIs). */
const RAW = new Set(['DTSTART', 'DTEND', 'DURATION', 'RDATE', 'EXDATE', 'RECURRENCE-ID', 'URL', 'SOURCE', 'X-ORIGINAL-URL', 'ORGANIZER', 'ATTENDEE']);

/**
 * The property on a content line, or why it cannot be read. A line with parameters (or an RRULE)
 * goes to ical.js; one without is split at its `:`, which is all ical.js would do with it.
 */
function readProp(line: Line): Prop | string {
  const raw = line.text.slice(line.valueAt);
  if (!line.params && line.name !== 'RRULE') {
    const values = TEXT.has(line.name) ? [unescapeText(raw)] : line.name === 'CATEGORIES' ? textList(raw) : [raw];
    return { name: line.name, params: {}, values, raw, no: line.no };
  }
  try {
    const jcal = ICAL.parse.property(line.text) as unknown[];
    const params = (jcal[1] ?? {}) as Record<string, unknown>;
    let values = jcal.slice(3);
    if (line.name.startsWith('X-') || line.name === 'NAME') values = values.map((v) => (typeof v === 'string' ? unescapeText(v) : v));
    if (RAW.has(line.name)) values = [raw];
    return { name: line.name, params, values, raw, no: line.no };
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** A parameter's value as one string (ical.js gives a list for a repeated one). */
function param(p: Prop | undefined, name: string): string | undefined {
  const v = p?.params[name];
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' && s.trim() ? s.trim() : undefined;
}

/** The first value as trimmed text; newlines and runs of space made one space when `oneLine`. */
function textOf(p: Prop | undefined, oneLine = true): string | undefined {
  const v = p?.values[0];
  if (typeof v !== 'string') return undefined;
  const t = oneLine ? v.replace(/\s+/g, ' ').trim() : v.trim();
  return t || undefined;
}

/** Notes a line left out, with its number and why. */
const badLine = (notes: Notes, no: number, why: string) =>
  notes.tally(
    'ical-bad-line',
    `line ${no}: ${why}`,
    (n) => `${n === 1 ? '1 line' : `${n} lines`} of the file cannot be read and ${n === 1 ? 'was' : 'were'} left out`,
  );

// ---------------------------------------------------------------------------------------------
// Structure: BEGIN/END nesting, and the lines each component needs

/** A component directly inside a VCALENDAR that is read: a VEVENT (its own lines) or a VTIMEZONE (all of them). */
interface Block {
  name: string;
  no: number;
  /** Its position among the calendar's components of the same name. */
  index: number;
  lines: Line[];
  /** VTIMEZONE: its TZID as written. */
  tzid?: string;
}

interface Calendar {
  no: number;
  props: Line[];
  zones: Block[];
  /** Components neither read nor needed (VTODO, VJOURNAL, …), by name: how many. */
  others: Map<string, number>;
}

/** The properties of a VEVENT read here; all others are never parsed. */
const EVENT_PROPS = new Set([
  'UID',
  'SUMMARY',
  'DESCRIPTION',
  'LOCATION',
  'CATEGORIES',
  'ORGANIZER',
  'ATTENDEE',
  'URL',
  'DTSTART',
  'DTEND',
  'DURATION',
  'RRULE',
  'RDATE',
  'EXDATE',
  'RECURRENCE-ID',
  'STATUS',
]);
const CALENDAR_PROPS = new Set(['NAME', 'X-WR-CALNAME', 'X-WR-CALDESC', 'X-WR-TIMEZONE', 'PRODID', 'URL', 'SOURCE', 'X-ORIGINAL-URL']);

const unquote = (s: string) => (s.length > 1 && s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1) : s);

/**
 * One pass over the lines: the calendars with their properties and time zones, each VEVENT handed
 * to `onEvent` as soon as it ends (so that its lines need not be kept). A line nothing reads is
 * looked at only as far as its name. Throws, with line numbers, when BEGIN and END do not nest:
 * nothing after such a break can be trusted.
 */
function structure(u: Unfolded, notes: Notes, onEvent: (block: Block, calendar: number) => void): Calendar[] {
  const { text, folds } = u;
  const calendars: Calendar[] = [];
  const stack: { name: string; no: number }[] = [];
  let calendar: Calendar | undefined;
  let block: Block | undefined;
  let eventCount = 0;
  let outside = 0;
  let foldsBefore = 0;
  let pos = 0;
  for (let k = 0; pos <= text.length; k++) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const from = pos;
    pos = end + 1;
    while (end > from && text.charCodeAt(end - 1) === 13) end--;
    if (end === from) continue;
    // The line as published: this line's index, plus the lines folds joined before it.
    while (foldsBefore < folds.length && folds[foldsBefore] < k) foldsBefore++;
    const no = 1 + k + foldsBefore;
    const [name, nameEnd] = nameOf(text, from, end);
    const depth = stack.length;
    const needed =
      nameEnd === end ||
      name === 'BEGIN' ||
      name === 'END' ||
      block?.name === 'VTIMEZONE' ||
      (depth === 1 && CALENDAR_PROPS.has(name)) ||
      (depth === 2 && block !== undefined && EVENT_PROPS.has(name));
    if (!needed) {
      if (depth === 0) outside++;
      continue;
    }
    const raw = text.slice(from, end);
    if (nameEnd === end && !raw.trim()) continue;
    const line = contentLine(raw, no, name, nameEnd - from);
    if (typeof line === 'string') {
      if (block?.name === 'VTIMEZONE')
        throw new Error(`${ERROR}: its time zone definition (VTIMEZONE, line ${block.no}) has a line that is not a content line: ${line} (line ${no}).`);
      if (depth === 0) outside++;
      else badLine(notes, no, line);
      continue;
    }
    if (line.name === 'BEGIN' || line.name === 'END') {
      const what = raw.slice(line.valueAt).trim().toUpperCase();
      if (!what) {
        badLine(notes, no, `${line.name} names no component`);
        continue;
      }
      if (line.name === 'BEGIN') {
        stack.push({ name: what, no });
        if (depth === 0 && what === 'VCALENDAR') calendars.push((calendar = { no, props: [], zones: [], others: new Map() }));
        else if (depth === 1 && calendar) {
          if (what === 'VEVENT') block = { name: what, no, index: eventCount++, lines: [] };
          else if (what === 'VTIMEZONE') calendar.zones.push((block = { name: what, no, index: calendar.zones.length, lines: [] }));
          else calendar.others.set(what, (calendar.others.get(what) ?? 0) + 1);
        }
        if (block?.name === 'VTIMEZONE') block.lines.push(line);
        continue;
      }
      const open = stack.pop();
      if (!open) throw new Error(`${ERROR}: END:${what} closes nothing that was begun (line ${no}).`);
      if (open.name !== what) throw new Error(`${ERROR}: BEGIN:${open.name} (line ${open.no}) is closed by END:${what} (line ${no}).`);
      if (block?.name === 'VTIMEZONE') block.lines.push(line);
      if (stack.length === 1) {
        if (block?.name === 'VEVENT') onEvent(block, calendars.length - 1);
        block = undefined;
      }
      if (stack.length === 0) {
        calendar = undefined;
        eventCount = 0;
      }
      continue;
    }
    if (depth === 0 || !calendar) outside++;
    else if (depth === 1) calendar.props.push(line);
    else if (block?.name === 'VTIMEZONE') {
      block.lines.push(line);
      if (depth === 2 && line.name === 'TZID') block.tzid ??= unquote(raw.slice(line.valueAt).trim());
    } else if (block) block.lines.push(line);
  }
  if (stack.length > 1) {
    const open = stack[stack.length - 1];
    throw new Error(`${ERROR}: BEGIN:${open.name} (line ${open.no}) is never closed; the file may be cut short (line ${open.no}).`);
  }
  if (stack.length === 1) notes.add(`The file ends without END:${stack[0].name}; it may be cut short.`);
  if (!calendars.length) throw new Error(`${ERROR}: it holds no BEGIN:VCALENDAR … END:VCALENDAR.`);
  if (outside)
    notes.add(
      `${outside === 1 ? '1 line' : `${outside} lines`} outside the calendar (BEGIN:VCALENDAR … END:VCALENDAR) ${outside === 1 ? 'was' : 'were'} ignored.`,
    );
  return calendars;
}

// ---------------------------------------------------------------------------------------------
// Times and zones

/** Where a date-time's wall clock is read. */
type Zone =
  | { kind: 'utc' }
  | { kind: 'floating' }
  | { kind: 'iana'; name: string; epochs: Map<number, number> }
  | { kind: 'vtz'; tzid: string; tz: IcalTimezone; iana?: string; offsets: Map<number, number> };

const UTC: Zone = { kind: 'utc' };
const FLOATING: Zone = { kind: 'floating' };

/** A DATE or DATE-TIME as written: its wall-clock reading (ms, as if UTC), and what says its zone. */
interface When {
  wall: number;
  date: boolean;
  utc: boolean;
  /** Its TZID, when it names one (and is not UTC). */
  tzid?: string;
  /** Set once the feed's zones are known. */
  zone: Zone;
}

const DATE_VALUE = /^(\d{4})-?(\d{2})-?(\d{2})(?:T(\d{2}):?(\d{2})(?::?(\d{2}))?(Z)?)?$/i;

/** The number written by `n` digits of `s` from `from`; -1 when one is not a digit. */
function digits(s: string, from: number, n: number): number {
  let v = 0;
  for (let i = from; i < from + n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** `20220517T110000`, `20220517T110000Z` or `20220517` (with its TZID); undefined when it names no real day and time. */
function whenOf(value: string, tzid: string | undefined): When | undefined {
  const v = value.length && (value.charCodeAt(0) <= 32 || value.charCodeAt(value.length - 1) <= 32) ? value.trim() : value;
  let f: number[];
  let date: boolean;
  let utc = false;
  if (v.length === 8 || ((v.length === 15 || v.length === 16) && (v.charCodeAt(8) | 32) === 116)) {
    // The basic form every calendar program writes.
    date = v.length === 8;
    f = date
      ? [digits(v, 0, 4), digits(v, 4, 2), digits(v, 6, 2), 0, 0, 0]
      : [digits(v, 0, 4), digits(v, 4, 2), digits(v, 6, 2), digits(v, 9, 2), digits(v, 11, 2), digits(v, 13, 2)];
    if (v.length === 16) {
      if ((v.charCodeAt(15) | 32) !== 122) return undefined;
      utc = true;
    }
    if (f.includes(-1)) return undefined;
  } else {
    const m = DATE_VALUE.exec(v);
    if (!m) return undefined;
    date = m[4] === undefined;
    utc = !date && !!m[7];
    f = m.slice(1, 7).map((x) => Number(x ?? 0));
  }
  const [y, mo, d, h, mi, s] = f;
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(wall);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return undefined;
  return { wall, date, utc, ...(tzid && !date && !utc ? { tzid } : {}), zone: utc ? UTC : FLOATING };
}

/** ical.js's floating Time for a wall reading. */
function icalTime(wall: number): IcalTime {
  const d = new Date(wall);
  return ICAL.Time.fromData({
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    isDate: false,
  });
}

const wallOfTime = (t: IcalTime) => Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);

/** Keeps a computed value per key, forgetting all once it holds many (a feed repeats its start times). */
function remember(map: Map<number, number>, key: number, compute: (key: number) => number): number {
  let v = map.get(key);
  if (v === undefined) {
    v = compute(key);
    if (map.size > 20_000) map.clear();
    map.set(key, v);
  }
  return v;
}

/** The offset (ms) the feed's own VTIMEZONE gives a wall reading. */
const vtzOffset = (zone: Extract<Zone, { kind: 'vtz' }>, wall: number) => remember(zone.offsets, wall, (w) => zone.tz.utcOffset(icalTime(w)) * 1000);

/** The IANA name a TZID stands for: itself, or its `Area/City` tail (`/mozilla.org/20050126_1/Europe/Berlin`). */
function ianaName(tzid: string): string | undefined {
  const t = tzid.trim();
  if (!t) return undefined;
  if (isKnownTimeZone(t)) return t;
  const parts = t.split('/').filter(Boolean);
  for (let k = Math.min(3, parts.length - 1); k >= 2; k--) {
    const tail = parts.slice(-k).join('/');
    if (/^[A-Za-z]/.test(tail) && isKnownTimeZone(tail)) return tail;
  }
  return undefined;
}

const known = (zone: string | undefined) => (zone && isKnownTimeZone(zone) ? zone : undefined);

/** The TZIDs of a feed: its own VTIMEZONEs first, then the IANA names the browser knows. */
class Zones {
  #defined = new Map<string, Block>();
  #resolved = new Map<string, Zone>();

  constructor(
    calendars: Calendar[],
    private notes: Notes,
  ) {
    for (const c of calendars) for (const z of c.zones) if (z.tzid && !this.#defined.has(z.tzid)) this.#defined.set(z.tzid, z);
  }

  /** The zone a TZID names; FLOATING when neither the feed nor the browser knows it. */
  get(tzid: string): Zone {
    let zone = this.#resolved.get(tzid);
    if (zone) return zone;
    const block = this.#defined.get(tzid);
    if (block) zone = this.#fromBlock(tzid, block);
    else {
      const iana = ianaName(tzid);
      zone = iana ? { kind: 'iana', name: iana, epochs: new Map() } : FLOATING;
      if (iana && iana !== tzid) this.notes.add(`The TZID ${JSON.stringify(tzid)} is read as the time zone ${iana}.`);
    }
    this.#resolved.set(tzid, zone);
    return zone;
  }

  /** The feed's own definition, checked well enough that ical.js can compute offsets from it. Throws when it is broken. */
  #fromBlock(tzid: string, block: Block): Zone {
    const broken = (why: string, no = block.no): never => {
      throw new Error(`${ERROR}: its time zone ${JSON.stringify(tzid)} (VTIMEZONE, line ${block.no}) is broken: ${why} (line ${no}).`);
    };
    let jcal: unknown;
    try {
      jcal = ICAL.parse(block.lines.map((l) => l.text).join('\n'));
    } catch (e) {
      const line = block.lines.find((l) => l.name !== 'BEGIN' && l.name !== 'END' && typeof readProp({ ...l, params: true }) === 'string');
      broken(e instanceof Error ? e.message : String(e), line?.no);
    }
    const component = new ICAL.Component(jcal as unknown[]);
    const rules = component.getAllSubcomponents().filter((c) => c.name === 'standard' || c.name === 'daylight');
    if (!rules.length) broken('it has neither a STANDARD nor a DAYLIGHT part');
    // Each STANDARD/DAYLIGHT part's lines by name, in order, for the messages.
    const partLines: { no: number; byName: Map<string, Line> }[] = [];
    let depth = 0;
    for (const l of block.lines) {
      if (l.name === 'BEGIN' && ++depth === 2) partLines.push({ no: l.no, byName: new Map() });
      else if (l.name === 'END') depth--;
      else if (depth === 2) partLines[partLines.length - 1].byName.set(l.name, partLines[partLines.length - 1].byName.get(l.name) ?? l);
    }
    rules.forEach((rule, i) => {
      const lines = partLines[i];
      const part = rule.name.toUpperCase();
      const value = (name: string) => rule.getFirstProperty(name)?.jCal[3] as unknown;
      const fail = (name: string, why: string): never => {
        const line = lines?.byName.get(name);
        const written = line ? ` (${JSON.stringify(cut(line.text.slice(line.valueAt).trim(), 30))})` : '';
        return broken(`its ${part} ${line ? `has ${why}${written}` : `has no ${name}`}`, line?.no ?? lines?.no);
      };
      for (const name of ['TZOFFSETFROM', 'TZOFFSETTO']) {
        const v = value(name.toLowerCase());
        if (typeof v !== 'string' || !/^[+-]\d{2}:[0-5]\d(?::[0-5]\d)?$/.test(v) || Number(v.slice(1, 3)) > 18) fail(name, `a ${name} that is not an offset`);
      }
      const start = value('dtstart');
      if (typeof start !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(start) || !whenOf(start, undefined))
        fail('DTSTART', 'a DTSTART that is not a date and time');
      const rrule = value('rrule') as Record<string, unknown> | undefined;
      if (rrule && typeof rrule === 'object') {
        if (rrule.freq !== 'YEARLY' && rrule.freq !== 'MONTHLY') fail('RRULE', 'an RRULE that does not repeat yearly');
        if (rrule.byhour !== undefined || rrule.byminute !== undefined || rrule.bysecond !== undefined)
          fail('RRULE', 'an RRULE that repeats at more than one time of day');
      }
    });
    const location = component.getFirstProperty('x-lic-location')?.jCal[3];
    let tz: IcalTimezone;
    try {
      tz = new ICAL.Timezone({ component, tzid });
      if (!Number.isFinite(tz.utcOffset(icalTime(Date.UTC(2024, 0, 1))))) throw new Error('no number');
    } catch (e) {
      return broken(`its offsets cannot be computed (${e instanceof Error ? e.message : String(e)})`);
    }
    const iana = ianaName(tzid) ?? (typeof location === 'string' ? ianaName(location) : undefined);
    return { kind: 'vtz', tzid, tz, iana, offsets: new Map() };
  }
}

// ---------------------------------------------------------------------------------------------
// Events

interface Person {
  name: string;
  chair: boolean;
}

/** What a VEVENT says, read once. */
interface EventData {
  no: number;
  path: string;
  uid?: string;
  title?: string;
  description?: string;
  location?: string;
  categories: string[];
  people: Person[];
  /** A room named as an attendee (CUTYPE=ROOM). */
  room?: string;
  url?: string;
  start?: When;
  startProblem?: string;
  end?: When;
  /** DURATION: whole days (counted on the wall clock) and exact ms. */
  duration?: { days: number; ms: number };
  rrule?: Recur;
  rdates: When[];
  exdates: When[];
  recurrenceId?: When;
  cancelled: boolean;
  language?: string;
}

/** An instant and the offset it was written at; or, for a floating time no zone is known for, its wall reading. */
type Stamp = { epoch: number; offset: number; zulu: boolean } | { wall: number };

interface Pending {
  talk: TalkDraft;
  start: Stamp;
  end?: Stamp;
}

/** Addresses of calendars and rooms, which are not people. */
const SYSTEM_ADDRESS = /@(?:group|import|resource)\.calendar\.google\.com$/i;
/** "Speaker: Ada Lovelace" as the first line of a DESCRIPTION (linux.conf.au's feed, and others). */
const SPEAKER_LINE = /^\s*(?:speakers?|presenters?|referent(?:in|en|innen)?|intervenant(?:e|s|es)?)\s*:\s*(.+?)\s*$/i;

/** Text that is an email address (`ada@example.org`, `mailto:ada@example.org`), which is never published as a name. */
const EMAIL = /^(?:mailto:)?[^\s:@]+@[^\s:@]+$/i;

/**
 * The name of an ORGANIZER or ATTENDEE: its CN, when it is a name and not an email address; else
 * undefined, `nameless` when that leaves out a person (not a calendar's or a room's address).
 */
function personOf(p: Prop): { name?: string; nameless?: boolean } {
  const cn = param(p, 'cn')?.replace(/\s+/g, ' ').trim();
  if (cn && !EMAIL.test(cn)) return { name: cn };
  const address = p.raw.trim().replace(/^mailto:/i, '');
  return { nameless: !SYSTEM_ADDRESS.test(address) && !SYSTEM_ADDRESS.test(cn ?? '') };
}

/** A LOCATION that is a link (`https://…`, `papers.html?session=…`), not a room. */
function looksLikeLink(s: string): boolean {
  if (/\s/.test(s)) return false;
  if (/^https?:\/\//i.test(s)) return true;
  return /^(?:\/|\.\.?\/)|[?#]|\.(?:s?html?|php|aspx?|jsp)(?:$|[?#])/i.test(s);
}

const labelOf = (ev: EventData) => ev.title ?? ev.uid ?? `the event at line ${ev.no}`;

/** The bounds on repeating events, in the words of the notes. */
const BOUNDS = `at most ${MAX_OCCURRENCES} occurrences each, within ${MAX_YEARS} years of the first`;

/** Turns a feed's events into talks. */
class Reader {
  zones!: Zones;
  readonly talks: Pending[] = [];
  /** The zone floating times are read in, when one is known. */
  floatZone?: string;
  /** The zone the programme is shown in, when one is known: every time is written at its offset. */
  display?: string;
  expanded = 0;
  budgetSpent = false;
  steps = 0;

  constructor(
    readonly notes: Notes,
    readonly options: DraftOptions,
  ) {}

  /** Every value of a DATE/DATE-TIME list (EXDATE, RDATE; a PERIOD by its start), up to `limit`. */
  whens(p: Prop, limit: number): When[] {
    const out: When[] = [];
    const tzid = param(p, 'tzid');
    for (const raw of p.raw.split(',')) {
      if (out.length >= limit) break;
      const w = whenOf(raw.split('/')[0], tzid);
      if (w) out.push(w);
    }
    return out;
  }

  /** What a VEVENT says; its times' zones are set later, once every VTIMEZONE has been seen. */
  read(block: Block, path: string): EventData {
    const { notes } = this;
    const ev: EventData = { no: block.no, path, categories: [], people: [], rdates: [], exdates: [], cancelled: false };
    const first = new Map<string, Prop>();
    const props: Prop[] = [];
    for (const line of block.lines) {
      const p = readProp(line);
      if (typeof p === 'string') {
        if (line.name === 'DTSTART') ev.startProblem = `has a DTSTART that cannot be read (${p}, line ${line.no})`;
        else if (line.name === 'RRULE') this.badRule(line.no, p);
        else badLine(notes, line.no, `${line.name}: ${p}`);
        continue;
      }
      props.push(p);
      if (!first.has(p.name)) first.set(p.name, p);
    }
    const summary = first.get('SUMMARY');
    ev.uid = textOf(first.get('UID'));
    ev.title = textOf(summary);
    ev.language = param(summary, 'language');
    ev.description = textOf(first.get('DESCRIPTION'), false);
    ev.location = textOf(first.get('LOCATION'));
    ev.url = textOf(first.get('URL'));
    ev.cancelled = textOf(first.get('STATUS'))?.toUpperCase() === 'CANCELLED';
    for (const p of props) {
      if (p.name === 'CATEGORIES') {
        for (const v of p.values) if (typeof v === 'string' && v.trim()) ev.categories.push(v.replace(/\s+/g, ' ').trim());
      } else if (p.name === 'ORGANIZER' || p.name === 'ATTENDEE') {
        const cutype = param(p, 'cutype')?.toUpperCase();
        const role = param(p, 'role')?.toUpperCase();
        if (cutype === 'ROOM' || cutype === 'RESOURCE') {
          if (cutype === 'ROOM') ev.room ??= param(p, 'cn');
          continue;
        }
        if (role === 'NON-PARTICIPANT') continue;
        const { name, nameless } = personOf(p);
        if (name) ev.people.push({ name, chair: role === 'CHAIR' });
        else if (nameless)
          this.notes.tally(
            'ical-nameless',
            ev.title ?? path,
            (n) =>
              `${n === 1 ? '1 attendee' : `${n} attendees`} (ATTENDEE or ORGANIZER) without a name (CN) ${n === 1 ? 'was' : 'were'} left out, so that no email address is published as a name`,
          );
      } else if (p.name === 'RDATE' && ev.rdates.length < MAX_DATES) {
        ev.rdates.push(...this.whens(p, MAX_DATES - ev.rdates.length));
      } else if (p.name === 'EXDATE' && ev.exdates.length < MAX_DATES) {
        ev.exdates.push(...this.whens(p, MAX_DATES - ev.exdates.length));
      }
    }
    const dtstart = first.get('DTSTART');
    if (dtstart) {
      ev.start = whenOf(dtstart.raw, param(dtstart, 'tzid'));
      if (!ev.start) ev.startProblem = `has a DTSTART that is not a date and time (${JSON.stringify(cut(dtstart.raw.trim(), 40))}, line ${dtstart.no})`;
    }
    const dtend = first.get('DTEND');
    if (dtend) {
      ev.end = whenOf(dtend.raw, param(dtend, 'tzid'));
      if (!ev.end) notes.tally('ical-bad-end', labelOf(ev), (n) => `${events(n)} a DTEND that cannot be read; it was ignored`);
    }
    const duration = first.get('DURATION');
    if (duration && !ev.end) {
      try {
        const d = ICAL.Duration.fromString(duration.raw.trim());
        if (d.isNegative) throw new Error('negative');
        ev.duration = { days: d.weeks * 7 + d.days, ms: ((d.hours * 60 + d.minutes) * 60 + d.seconds) * 1000 };
      } catch {
        notes.tally('ical-bad-duration', labelOf(ev), (n) => `${events(n)} a DURATION that cannot be read; it was ignored`);
      }
    }
    const rid = first.get('RECURRENCE-ID');
    if (rid) ev.recurrenceId = whenOf(rid.raw, param(rid, 'tzid'));
    const rrule = first.get('RRULE');
    if (rrule) {
      try {
        const data = rrule.values[0];
        ev.rrule = ICAL.Recur.fromData(data && typeof data === 'object' ? (data as Parameters<typeof ICAL.Recur.fromData>[0]) : {});
        if (!ev.rrule.freq) throw new Error('it has no FREQ');
      } catch (e) {
        ev.rrule = undefined;
        this.badRule(rrule.no, e instanceof Error ? e.message : String(e));
      }
    }
    return ev;
  }

  badRule(no: number, why: string) {
    this.notes.tally(
      'ical-bad-rrule',
      `line ${no}: ${why}`,
      (n) => `${events(n)} a repeat rule (RRULE) that cannot be read; only ${n === 1 ? 'its' : 'their'} first occurrence is listed`,
    );
  }

  /** Sets the zone of each of an event's times; notes a TZID no one knows. */
  place(ev: EventData) {
    let unknown: string | undefined;
    for (const w of [ev.start, ev.end, ev.recurrenceId, ...ev.rdates, ...ev.exdates]) {
      if (!w?.tzid) continue;
      w.zone = this.zones.get(w.tzid);
      if (w.zone === FLOATING) unknown ??= w.tzid;
    }
    if (unknown) {
      this.notes.tally(
        `ical-tzid ${unknown}`,
        labelOf(ev),
        (n) =>
          `${events(n)} times in the zone ${JSON.stringify(unknown)}, which the file does not define (no VTIMEZONE) and this browser does not know; ` +
          `they are read as floating times`,
      );
    }
  }

  /** The instant of a wall reading in a zone; undefined for a floating one no zone is known for. */
  epoch(wall: number, zone: Zone): number | undefined {
    switch (zone.kind) {
      case 'utc':
        return wall;
      case 'iana':
        return remember(zone.epochs, wall, (w) => instantInZone(w, zone.name));
      case 'vtz':
        return wall - vtzOffset(zone, wall);
      case 'floating':
        return this.floatZone ? instantInZone(wall, this.floatZone) : undefined;
    }
  }

  /** What clocks in `zone` read at `epoch`. */
  wallIn(zone: Zone, epoch: number): number {
    switch (zone.kind) {
      case 'utc':
        return epoch;
      case 'iana':
        return epoch + zoneOffset(zone.name, epoch) * 60_000;
      case 'vtz': {
        let wall = epoch;
        for (let k = 0; k < 2; k++) wall = epoch + vtzOffset(zone, wall);
        return wall;
      }
      case 'floating':
        return this.floatZone ? epoch + zoneOffset(this.floatZone, epoch) * 60_000 : epoch;
    }
  }

  /** `w` as a wall reading in `zone`, to compare EXDATE, RDATE and RECURRENCE-ID with a series. */
  wallInZoneOf(w: When, zone: Zone): number {
    if (w.zone === zone || w.zone.kind === 'floating') return w.wall;
    const epoch = this.epoch(w.wall, w.zone);
    return epoch === undefined ? w.wall : this.wallIn(zone, epoch);
  }

  /** The offset (minutes) a time in `zone` is written at: the display zone's, else its own. */
  offsetAt(zone: Zone, epoch: number): number {
    if (this.display) return zoneOffset(this.display, epoch);
    if (zone.kind === 'utc') return 0;
    if (zone.kind === 'iana') return zoneOffset(zone.name, epoch);
    return Math.round((this.wallIn(zone, epoch) - epoch) / 60_000);
  }

  /** A wall reading in `zone` as an instant to write; a floating one no zone is known for stays a wall reading. */
  stamp(wall: number, zone: Zone): Stamp {
    const epoch = this.epoch(wall, zone);
    return epoch === undefined ? { wall } : { epoch, offset: this.offsetAt(zone, epoch), zulu: zone.kind === 'utc' };
  }

  /** An instant `ms` after `s` (an end after its start), written at the offset of then. */
  later(s: Stamp, ms: number, zone: Zone): Stamp {
    return 'wall' in s ? { wall: s.wall + ms } : { epoch: s.epoch + ms, offset: this.offsetAt(zone, s.epoch + ms), zulu: s.zulu };
  }

  /** The end of an event that starts at `startWall` in `zone`: its DTEND, else its start plus DURATION. */
  endOf(ev: EventData, startWall: number, zone: Zone): Stamp | undefined {
    if (ev.end && !ev.end.date) return this.stamp(ev.end.wall, ev.end.zone);
    if (!ev.duration) return undefined;
    const s = this.stamp(startWall + ev.duration.days * DAY, zone);
    return this.later(s, ev.duration.ms, zone);
  }

  /** The talk for an event (or one occurrence of it), without its times. */
  talk(ev: EventData, ids: string[], path: string): TalkDraft {
    const { notes } = this;
    const label = labelOf(ev);
    let description = ev.description;
    let convenors = ev.people.filter((p) => !p.chair).map((p) => p.name);
    const chairs = ev.people.filter((p) => p.chair).map((p) => p.name);
    if (!convenors.length && !chairs.length && description) {
      const nl = description.indexOf('\n');
      const m = SPEAKER_LINE.exec(nl < 0 ? description : description.slice(0, nl));
      if (m && m[1].length <= 300) {
        convenors = m[1].split(/\s*(?:,|;|\s&\s|\sand\s)\s*/i).filter(Boolean);
        description = nl < 0 ? undefined : description.slice(nl + 1).trim() || undefined;
        notes.tally(
          'ical-speaker-line',
          label,
          (n) =>
            `${events(n)} ${n === 1 ? 'its speaker' : 'their speakers'} named in the first line of the DESCRIPTION ("Speaker: …"); those are the convenors`,
        );
      }
    }
    if (new Set(ev.categories).size > 1) {
      notes.tally(
        'ical-categories',
        label,
        (n) => `${events(n)} more than one category (CATEGORIES); the first is taken as ${n === 1 ? 'its' : 'their'} track`,
      );
    }
    let location = ev.location ?? ev.room;
    let url = this.link(ev.url, label, 'URL');
    if (location && looksLikeLink(location)) {
      const link = this.link(location, label, 'LOCATION');
      if (link && !url) {
        url = link;
        notes.tally(
          'ical-location-link',
          label,
          (n) => `${events(n)} a web address as ${n === 1 ? 'its' : 'their'} LOCATION; it is taken as ${n === 1 ? 'its' : 'their'} link, not a room`,
        );
      } else if (link) {
        notes.tally(
          'ical-location-link-dropped',
          label,
          (n) => `${events(n)} a web address as LOCATION beside a URL of ${n === 1 ? 'its' : 'their'} own; the LOCATION was left out`,
        );
      }
      location = undefined;
    }
    const talk: TalkDraft = { ids, convenors, path };
    if (ev.title) talk.title = ev.title;
    if (chairs.length) talk.chairs = chairs;
    if (ev.categories[0]) talk.theme = ev.categories[0];
    if (location) talk.location = location;
    if (description) talk.abstract = description;
    if (url) talk.url = url;
    if (ev.language) talk.language = ev.language;
    return talk;
  }

  /** An absolute http(s) link, or a relative one resolved against the feed's own address; else undefined, with a note. */
  link(value: string | undefined, label: string, field: string): string | undefined {
    if (!value) return undefined;
    if (/^[a-z][a-z\d+.-]*:/i.test(value)) {
      const url = webUrl(value);
      if (!url)
        this.notes.tally(`ical-url-scheme ${field}`, label, (n) => `${events(n)} a ${field} that is not a web address (http or https); it was left out`);
      return url;
    }
    const url = this.options.url ? feedLink(value, this.options.url) : undefined;
    if (!url) {
      const why = this.options.url ? 'it does not resolve to a web address' : 'the address the feed was loaded from is not known';
      this.notes.tally(
        `ical-url-relative ${field}`,
        `${label}: ${cut(value, 50)}`,
        (n) => `${events(n)} a relative link as ${field}, and ${why}, so it was left out`,
      );
    }
    return url;
  }

  /** Why an event cannot be listed, or undefined when it can. */
  problem(ev: EventData): string | undefined {
    if (ev.cancelled) return 'is cancelled (STATUS:CANCELLED)';
    if (!ev.start) return ev.startProblem ?? 'has no start time (DTSTART)';
    if (ev.start.date) return 'is an all-day event (its DTSTART is a date without a time), and the programme lists only timed sessions';
    return undefined;
  }

  skip(ev: EventData, reason: string, id = ev.uid, what = `"${labelOf(ev)}"`) {
    this.notes.tally(`ical-skip ${reason}`, labelOf(ev), (n) => `${events(n, 'is', 'are')} left out: ${n === 1 ? 'it' : 'each'} ${reason}`);
    this.notes.skip({ path: ev.path, kind: 'event', ...(id ? { id } : {}), reason: `${what} ${reason}, so it is not in the schedule` });
  }

  /** Lists one event: one talk, or one per occurrence of a repeating one (`overrides` replace some, by wall reading). */
  emit(ev: EventData, overrides?: Map<number, EventData>) {
    const reason = this.problem(ev);
    if (reason) return this.skip(ev, reason);
    const start = ev.start!;
    if (!ev.rrule && !ev.rdates.length) {
      this.talks.push({
        talk: this.talk(ev, ev.uid ? [ev.uid] : [], ev.path),
        start: this.stamp(start.wall, start.zone),
        end: this.endOf(ev, start.wall, start.zone),
      });
      return;
    }
    const { walls, cut: wasCut } = this.occurrences(ev);
    const excluded = new Set(ev.exdates.filter((w) => !w.date).map((w) => this.wallInZoneOf(w, start.zone)));
    const excludedDays = new Set(ev.exdates.filter((w) => w.date).map((w) => Math.floor(w.wall / DAY)));
    // Every occurrence lasts as long as the first.
    const first = this.stamp(start.wall, start.zone);
    const firstEnd = this.endOf(ev, start.wall, start.zone);
    const length = !firstEnd
      ? undefined
      : 'epoch' in firstEnd && 'epoch' in first
        ? firstEnd.epoch - first.epoch
        : 'wall' in firstEnd && 'wall' in first
          ? firstEnd.wall - first.wall
          : undefined;
    let listed = 0;
    let more = false;
    walls.forEach((wall, i) => {
      const n = i + 1;
      if (excluded.has(wall) || excludedDays.has(Math.floor(wall / DAY))) return;
      if (listed >= MAX_OCCURRENCES) {
        more = true;
        return;
      }
      listed++;
      const id = ev.uid ? `${ev.uid}-${n}` : undefined;
      const override = overrides?.get(wall);
      if (override) {
        overrides!.delete(wall);
        const why = this.problem(override);
        if (why) return this.skip(override, why, id, `Occurrence ${n} of "${labelOf(ev)}"`);
        const s = override.start!;
        this.talks.push({
          talk: this.talk(override, id ? [id] : [], override.path),
          start: this.stamp(s.wall, s.zone),
          end: this.endOf(override, s.wall, s.zone),
        });
        return;
      }
      const at = this.stamp(wall, start.zone);
      const end = length === undefined ? undefined : this.later(at, length, start.zone);
      this.talks.push({ talk: this.talk(ev, id ? [id] : [], `${ev.path}, occurrence ${n}`), start: at, end });
    });
    if (wasCut || more) {
      this.notes.tally(
        'ical-series-cut',
        labelOf(ev),
        (n) => `${n === 1 ? '1 repeating event repeats' : `${n} repeating events repeat`} beyond what is listed (${BOUNDS})`,
      );
    }
  }

  /**
   * The start of every occurrence of a repeating event, as wall readings in its DTSTART's zone and
   * in order: DTSTART itself, the RRULE's occurrences and the RDATEs, within the bounds. EXDATEs
   * are still in: they keep the numbers of the other occurrences stable.
   */
  occurrences(ev: EventData): { walls: number[]; cut: boolean } {
    const start = ev.start!;
    const d = new Date(start.wall);
    const horizon = Date.UTC(d.getUTCFullYear() + MAX_YEARS, d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds());
    const budget = Math.max(0, MAX_EXPANDED - this.expanded);
    // Enough candidates that MAX_OCCURRENCES remain once the EXDATEs are out, and one more to tell whether there are more.
    const wanted = Math.min(MAX_OCCURRENCES + ev.exdates.length, budget) + 1;
    const set = new Set<number>([start.wall]);
    let cut = false;
    for (const r of ev.rdates) {
      if (r.date) continue;
      const wall = this.wallInZoneOf(r, start.zone);
      if (wall >= horizon) cut = true;
      else if (wall > start.wall) set.add(wall);
    }
    const rule = ev.rrule;
    if (rule) {
      const until = rule.until;
      if (until?.isDate) rule.until = icalTime(Date.UTC(until.year, until.month - 1, until.day, 23, 59, 59));
      else if (until && until.zone === ICAL.Timezone.utcTimezone && start.zone.kind !== 'utc')
        rule.until = icalTime(this.wallIn(start.zone, wallOfTime(until)));
      let steps = 0;
      let stopped = false;
      try {
        const it = rule.iterator(icalTime(start.wall));
        const check = it.check_contracting_rules.bind(it);
        // ical.js loops until a candidate satisfies every BY… part, which a contradictory rule
        // (FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30) never does: stop it at the horizon, or after too many steps.
        it.check_contracting_rules = () => {
          if (++steps > MAX_STEPS || this.steps + steps > MAX_STEPS_TOTAL || wallOfTime(it.last) >= horizon) {
            stopped = true;
            return true;
          }
          return check();
        };
        let count = 0;
        for (let t = it.next(); t && !stopped; t = it.next()) {
          const wall = wallOfTime(t);
          if (wall >= horizon) {
            cut = true;
            break;
          }
          if (wall >= start.wall) set.add(wall);
          if (++count >= wanted) {
            cut = true;
            break;
          }
        }
        // Stopped at the horizon: cut, unless the rule would have ended before it anyway.
        if (stopped && (steps > MAX_STEPS || !rule.isFinite() || (rule.count ? count < rule.count : wallOfTime(rule.until!) >= horizon))) cut = true;
      } catch (e) {
        this.notes.tally(
          'ical-rrule-failed',
          `${labelOf(ev)}: ${e instanceof Error ? e.message : String(e)}`,
          (n) => `${events(n)} a repeat rule (RRULE) that ical.js cannot follow to the end; the occurrences found before it failed are listed`,
        );
      }
      this.steps += steps;
    }
    const walls = [...set].sort((a, b) => a - b);
    if (walls.length > budget + 1) {
      cut = true;
      walls.length = budget + 1;
      if (!this.budgetSpent) {
        this.budgetSpent = true;
        this.notes.add(
          `The feed's repeating events have more than ${MAX_EXPANDED.toLocaleString('en')} occurrences in all; past that, they list only their first occurrence.`,
        );
      }
    }
    this.expanded += Math.max(0, Math.min(walls.length, MAX_OCCURRENCES) - 1);
    return { walls, cut };
  }
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\w]+/g, '-')
    .replace(/^-+|-+$/g, '');

/** `linux.conf.au` from `-//linux.conf.au/schedule//EN`; undefined when the PRODID's owner is not a host name. */
function prodidHost(prodid: string | undefined): string | undefined {
  const owner = prodid?.split('//')[1]?.split('/')[0]?.trim();
  return owner && /^(?:[a-z\d](?:[a-z\d-]*[a-z\d])?\.)+[a-z]{2,}$/i.test(owner) ? owner.toLowerCase() : undefined;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A wall reading as a date-time without offset, for buildProgramme to read in the conference zone. */
function localText(wall: number): string {
  const d = new Date(wall);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/**
 * An iCalendar feed (RFC 5545) as a draft programme (prefix `ical`): one talk per VEVENT, or per
 * occurrence of a repeating one (RRULE and RDATE less EXDATE, at most 500 within two years of the
 * first, ids `UID-n`). `input` is the feed's raw bytes (unfolded before they are decoded as UTF-8)
 * or its text. Times keep their instants and are written with offsets: a TZID is read with the
 * feed's VTIMEZONE, else as an IANA name; UTC times as they are; floating times in X-WR-TIMEZONE,
 * else `options.timeZone`, else the one zone the feed's TZIDs name, else refused (zoneNeeded).
 * All-day, cancelled and start-less events are skipped with a reason (`notes.skip`).
 * Throws an Error a reader understands ("This iCalendar file cannot be read: … (line N)") when the
 * BEGIN/END structure is broken, or a VTIMEZONE an event uses is.
 */
export function icalDraft(input: string | Uint8Array, notes: Notes, options: DraftOptions = {}): Draft {
  if (!isICal(input)) throw new Error('This is not an iCalendar file: it does not start with BEGIN:VCALENDAR.');
  const unfolded = typeof input === 'string' ? unfoldText(input) : unfoldBytes(input);
  if (unfolded.notUtf8) notes.add('Some bytes of the file are not UTF-8; they show as "\uFFFD".');

  // 1. Read every event, as the structure is walked.
  const reader = new Reader(notes, options);
  const all: EventData[] = [];
  let multiple = false;
  const calendars = structure(unfolded, notes, (block, c) => {
    multiple ||= c > 0;
    all.push(reader.read(block, `${c > 0 ? `VCALENDAR[${c}].` : ''}VEVENT[${block.index}] (line ${block.no})`));
  });
  if (multiple && all[0] && !all[0].path.startsWith('VCALENDAR'))
    for (const ev of all) if (!ev.path.startsWith('VCALENDAR')) ev.path = `VCALENDAR[0].${ev.path}`;
  for (const c of calendars) {
    for (const [name, count] of c.others)
      notes.add(`The calendar also holds ${count} ${name} component${count === 1 ? '' : 's'}; only events (VEVENT) are read.`);
  }

  // The calendar's own properties (the first calendar's, when a file joins several).
  const cal = new Map<string, Prop>();
  for (const c of calendars) {
    for (const line of c.props) {
      const p = readProp(line);
      if (typeof p === 'string') badLine(notes, line.no, `${line.name}: ${p}`);
      else if (!cal.has(p.name)) cal.set(p.name, p);
    }
  }
  const caldesc = textOf(cal.get('X-WR-CALDESC'));
  const title = textOf(cal.get('NAME')) ?? textOf(cal.get('X-WR-CALNAME')) ?? (caldesc && caldesc.length <= 100 ? caldesc : undefined);
  const xwr = textOf(cal.get('X-WR-TIMEZONE'));

  // 2. The zones: every TZID resolved (a broken VTIMEZONE throws here); the one zone they name, if one.
  reader.zones = new Zones(calendars, notes);
  const named = new Set<string>();
  for (const ev of all) {
    reader.place(ev);
    if (reader.problem(ev)) continue;
    for (const w of [ev.start, ev.end]) {
      if (!w?.tzid || w.date) continue;
      const z = w.zone;
      named.add(z.kind === 'iana' ? z.name : z.kind === 'vtz' ? (z.iana ?? `VTIMEZONE ${z.tzid}`) : `unknown ${w.tzid}`);
    }
  }
  const single = named.size === 1 ? known([...named][0]) : undefined;
  const xwrKnown = known(xwr);
  if (xwr && !xwrKnown) notes.add(`The calendar's X-WR-TIMEZONE ${JSON.stringify(xwr)} is not a time zone this browser knows; it was ignored.`);
  if (single && xwrKnown && single !== xwrKnown) {
    notes.add(`The calendar's X-WR-TIMEZONE says ${xwrKnown}, but its events' times are all in ${single} (TZID); the programme is shown in ${single}.`);
  }
  reader.floatZone = xwrKnown ?? known(options.timeZone) ?? single;
  const floating = (w: When | undefined) => !!w && !w.date && w.zone.kind === 'floating';
  if (all.some((ev) => !reader.problem(ev) && (floating(ev.start) || floating(ev.end)))) {
    if (!reader.floatZone && !xwr && !options.timeZone) zoneNeeded('X-WR-TIMEZONE');
    if (reader.floatZone && reader.floatZone === single && !xwrKnown && !known(options.timeZone)) {
      notes.add(
        `Some events' times carry no zone (floating times), and the calendar names none (X-WR-TIMEZONE); they are read as ${single} times, the zone of its other events.`,
      );
    }
    // A zone named but not known leaves floating times as wall readings, for buildProgramme to read.
  }

  const sourceZone = single ?? xwrKnown;
  reader.display = sourceZone ?? known(options.timeZone);

  // 3. The talks. An override of one occurrence (RECURRENCE-ID) takes that occurrence's place.
  const masters = new Map<string, EventData>();
  for (const ev of all) if (ev.uid && !ev.recurrenceId && (ev.rrule || ev.rdates.length) && !masters.has(ev.uid)) masters.set(ev.uid, ev);
  const overrides = new Map<string, Map<number, EventData>>();
  for (const ev of all) {
    const master = ev.uid && ev.recurrenceId ? masters.get(ev.uid) : undefined;
    if (!master?.start || master.start.date) continue;
    let map = overrides.get(ev.uid!);
    if (!map) overrides.set(ev.uid!, (map = new Map()));
    map.set(reader.wallInZoneOf(ev.recurrenceId!, master.start.zone), ev);
  }
  /** An override listed on its own is `UID-20240112T100000` (its RECURRENCE-ID), not its series' UID. */
  const alone = (o: EventData) => {
    if (o.uid && o.recurrenceId) o.uid = `${o.uid}-${localText(o.recurrenceId.wall).replace(/[-:]/g, '')}`;
    reader.emit(o);
  };
  for (const ev of all) {
    if (ev.recurrenceId && ev.uid) {
      if (!overrides.has(ev.uid)) alone(ev);
    } else reader.emit(ev, ev.uid && masters.get(ev.uid) === ev ? overrides.get(ev.uid) : undefined);
  }
  // Overrides of an occurrence the series does not have are events of their own.
  for (const map of overrides.values()) for (const o of map.values()) alone(o);

  // 4. Their times, each written at the offset of the zone the programme is shown in (or its own, when none is known).
  const talks = reader.talks.map(({ talk, start, end }) => {
    talk.start = 'wall' in start ? localText(start.wall) : formatInstant(start.epoch, start.offset, start.zulu);
    if (end) talk.end = 'wall' in end ? localText(end.wall) : formatInstant(end.epoch, end.offset, end.zulu);
    return talk;
  });

  let id: string | undefined;
  const host = title ? undefined : prodidHost(textOf(cal.get('PRODID')));
  if (host) {
    id = slug(host);
    notes.add(`The calendar names itself nowhere (X-WR-CALNAME); the programme's id ${JSON.stringify(id)} is taken from its PRODID.`);
  }
  const url = ['URL', 'SOURCE', 'X-ORIGINAL-URL'].map((name) => webUrl(textOf(cal.get(name)))).find(Boolean);
  return {
    prefix: 'ical',
    conference: {
      ...(id ? { id } : {}),
      ...(title ? { title } : {}),
      ...(sourceZone ? { timeZone: sourceZone } : {}),
      zoneField: single ? 'TZID' : 'X-WR-TIMEZONE',
      ...(url ? { url } : {}),
    },
    talks,
  };
}
