/**
 * iCalendar (RFC 5545) export of session rows: one VEVENT per session, with instants in UTC so
 * the file needs no VTIMEZONE data. Pure string work: no DOM, no dependencies, safe to run
 * anywhere (session-list loads it lazily when a reader asks for a calendar file).
 */
import { displayTitle } from '../data/list-model.js';
import { allowedUrl } from '../data/safe-url.js';
import { webUrl } from '../data/data-url.js';
import type { SessionRow } from '../data/session-rows.js';
import type { Conference, Person } from '../data/types.js';
import type { Words } from '../words.js';

export interface ICalendarOptions {
  conference: Conference;
  /** The DTSTAMP of every event (when the file was made); defaults to the current time. */
  now?: Date;
  /** The calendar's PRODID; defaults to `-//programme-elements//EN`. */
  productId?: string;
  /**
   * The URL of a row's event (e.g. a deep link to it); defaults to its panel's `url`. Only http(s)
   * URLs are written: the option's may be relative to the page (when there is one); the panel's, from
   * the data, must be absolute (data-url.ts dataUrl).
   */
  url?: (row: SessionRow) => string | undefined;
  /** The labels of the description's lines, e.g. the element's `words`; English by default. */
  words?: Partial<Pick<Words, 'format' | 'theme' | 'acceptedPapers'>>;
}

const CRLF = '\r\n';
const DEFAULT_PRODUCT_ID = '-//programme-elements//EN';

/** The rows as an iCalendar document (CRLF line endings, lines folded at 75 octets). */
export function toICalendar(rows: SessionRow[], options: ICalendarOptions): string {
  const { conference } = options;
  const stamp = utc((options.now ?? new Date()).getTime()) ?? utc(Date.now())!;
  const words = { format: 'Format', theme: 'Theme', acceptedPapers: 'Accepted papers', ...options.words };
  const out: string[] = [];
  const line = (name: string, value: string) => out.push(foldLine(`${name}:${value}`));

  line('BEGIN', 'VCALENDAR');
  line('VERSION', '2.0');
  line('PRODID', escapeText(options.productId || DEFAULT_PRODUCT_ID));
  line('CALSCALE', 'GREGORIAN');
  line('METHOD', 'PUBLISH');
  line('X-WR-CALNAME', escapeText(conference.title));
  line('X-WR-TIMEZONE', escapeText(conference.timeZone));

  const seen = new Set<string>();
  for (const row of rows) {
    const start = utc(row.start);
    if (start === undefined || seen.has(row.session.id)) continue;
    seen.add(row.session.id);
    const { panel, session } = row;
    line('BEGIN', 'VEVENT');
    line('UID', escapeText(`${session.id}@${conference.id}.programme-elements`));
    line('DTSTAMP', stamp);
    line('DTSTART', start);
    // DTEND must be later than DTSTART; without it the event is the instant DTSTART.
    const end = row.end > row.start ? utc(row.end) : undefined;
    if (end) line('DTEND', end);
    line('SUMMARY', escapeText(displayTitle(row)));
    if (filled(row.location)) line('LOCATION', escapeText(row.location));
    const description = describe(row, words);
    if (description) line('DESCRIPTION', escapeText(description));
    if (filled(panel.theme)) line('CATEGORIES', escapeText(panel.theme));
    const url = options.url ? pageUrl(options.url(row)) : webUrl(panel.url);
    if (url) line('URL', url);
    line('END', 'VEVENT');
  }

  line('END', 'VCALENDAR');
  return out.join('');
}

/** Format, theme and the papers (title — authors), one per line. */
function describe(row: SessionRow, words: { format: string; theme: string; acceptedPapers: string }): string {
  const lines: string[] = [];
  if (filled(row.panel.format)) lines.push(`${words.format}: ${row.panel.format}`);
  if (filled(row.panel.theme)) lines.push(`${words.theme}: ${row.panel.theme}`);
  const papers = row.session.papers ?? [];
  if (papers.length) {
    if (lines.length) lines.push('');
    lines.push(`${words.acceptedPapers}:`);
    for (const paper of papers) {
      const authors = names(paper.authors);
      lines.push(authors ? `${paper.title} \u2014 ${authors}` : paper.title);
    }
  }
  return lines.join('\n');
}

function names(people: Person[] | undefined): string {
  return (people ?? [])
    .map((p) => p.name?.trim())
    .filter(Boolean)
    .join(', ');
}

function filled(value: string | undefined): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** An http(s) URL the host gives, resolved against the page when there is one, in its serialised (ASCII) form; else undefined. */
const pageUrl = (url: string | undefined) => allowedUrl(url, ['http:', 'https:'], typeof document !== 'undefined' ? document.baseURI : undefined);

/** An instant as an iCalendar UTC DATE-TIME (`20240609T040000Z`), or undefined if it has none. */
function utc(ms: number): string | undefined {
  if (!Number.isFinite(ms)) return undefined;
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  if (year < 0 || year > 9999) return undefined;
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    String(year).padStart(4, '0') +
    two(d.getUTCMonth() + 1) +
    two(d.getUTCDate()) +
    'T' +
    two(d.getUTCHours()) +
    two(d.getUTCMinutes()) +
    two(d.getUTCSeconds()) +
    'Z'
  );
}

/**
 * A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, each line break
 * (CRLF, CR or LF) written as `\n`, other control characters (which TEXT may not hold) dropped.
 */
export function escapeText(value: string): string {
  return (
    value
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex -- control characters are what is removed here
      .replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '')
      .replace(/[\\;,\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`))
  );
}

/**
 * One content line, folded so no physical line exceeds 75 octets of UTF-8 (the CRLF not
 * counted), never inside a character; continuation lines begin with a space. Ends with CRLF.
 */
export function foldLine(line: string): string {
  // Each UTF-16 unit is at most 3 octets, so a line this short cannot need folding.
  if (line.length <= 25) return line + CRLF;
  let out = '';
  let octets = 0;
  for (const char of line) {
    const cp = char.codePointAt(0)!;
    // A lone surrogate is written as U+FFFD: 3 octets.
    const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (octets + size > 75) {
      out += CRLF + ' ';
      octets = 1;
    }
    out += char;
    octets += size;
  }
  return out + CRLF;
}
