/**
 * The spreadsheet layout (docs/csv-format.md): one row per paper, for conferences whose systems
 * publish no feed (NomadIT, All Academic, Oxford Abstracts, Ex Ordo, ConfTool) but whose
 * organisers have a spreadsheet. Rows are grouped into panels, sessions and papers; every row
 * that cannot be placed is reported through `notes.skip`, every other problem as a note naming
 * its line and column.
 *
 * The records are split by papaparse (`,` `;` or tab guessed, quoted cells with line breaks);
 * the header, the line numbers and the mistakes (a quote never closed, text after a closing
 * quote, too many or too few cells) are this file's, each reported by line.
 */
import Papa from 'papaparse';
import { columnName } from './sniff.js';
import type { Panel, Paper, Person, Programme, Session } from '../types.js';
import { feedLink } from './link.js';
import { isKnownTimeZone } from '../validate.js';
import { instantInZone, zoneOffset } from '../../time/zone.js';
import type { Notes } from './notes.js';
import { zoneNeeded, type DraftOptions } from './options.js';
import { plainText } from './text.js';
import { formatInstant, instantOf, parseDateTime, type DateTime } from './time.js';
import { chooseZone, type Sample } from './zone.js';

/** The columns of the layout, in the order the template has them. Header names are matched case-insensitively. */
export const CSV_COLUMNS = [
  'conference_id',
  'conference_title',
  'time_zone',
  'panel_id',
  'panel_title',
  'panel_format',
  'panel_theme',
  'panel_location',
  'panel_convenors',
  'panel_chairs',
  'panel_discussants',
  'panel_description',
  'panel_url',
  'session_id',
  'session_title',
  'session_start',
  'session_end',
  'session_location',
  'paper_id',
  'paper_title',
  'paper_authors',
  'paper_short_abstract',
  'paper_abstract',
] as const;

/** A column of the layout. */
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Without these the file is refused. */
const REQUIRED: readonly CsvColumn[] = ['panel_title', 'session_start', 'session_end'];
/** With any of these, paper_title is required too. */
const PAPER_COLUMNS: readonly CsvColumn[] = ['paper_id', 'paper_authors', 'paper_short_abstract', 'paper_abstract'];
const PANEL_FIELDS = [
  'panel_title',
  'panel_format',
  'panel_theme',
  'panel_location',
  'panel_convenors',
  'panel_chairs',
  'panel_discussants',
  'panel_description',
  'panel_url',
] as const;
type PanelField = (typeof PANEL_FIELDS)[number];
const TITLE = PANEL_FIELDS.indexOf('panel_title');

const DELIMITERS = [',', ';', '\t'];
/** How much of a document the header is looked for in. */
const HEAD_LOOKS = 65_536;
/** Row problems listed one by one; past this they are counted. */
const MAX_ROW_NOTES = 50;
const TIME_FORMAT = 'YYYY-MM-DD HH:MM';

const COLUMN_SET: ReadonlySet<string> = new Set(CSV_COLUMNS);
/** Each column's position in CSV_COLUMNS. */
const COL = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, i])) as Record<CsvColumn, number>;
/** The trimmed text of cell `k` of a row; '' when the file has no such column or the row no such cell. */
const cellAt = (cells: string[], k: number) => (k < 0 ? '' : (cells[k] ?? '').trim());
const isColumn = (name: string): name is CsvColumn => COLUMN_SET.has(name);
/** True when `s` has white space other than single spaces: what tidying changes. */
const UNTIDY = /\s\s|[^\S ]/;
const untidy = (s: string) => UNTIDY.test(s);
/** Text on one line: runs of white space (line breaks too) become one space. */
const oneLine = (s: string) => (untidy(s) ? s.replace(/\s+/g, ' ').trim() : s.trim());
const MARKUP = /<\/?[a-z][a-z\d-]*(?:\s[^<>]*)?\/?>|&(?:#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,31});/i;
/**
 * A cell of running text (description, abstract): plain text as written, its line ends and blank
 * lines tidied; a cell with HTML tags or entities in it (as some systems export) becomes plain text
 * as in the other importers. Markdown is not read: `*` and `_` in a spreadsheet cell are text.
 */
function cellText(s: string): string | undefined {
  if (!s) return undefined;
  if ((s.includes('<') || s.includes('&')) && MARKUP.test(s)) return plainText(s);
  const t = untidy(s)
    ? s
        .replace(/[ \t\f\v]+/g, ' ')
        .replace(/^ +| +$/gm, '')
        .replace(/\n{3,}/g, '\n\n')
        .trim()
    : s.trim();
  return t || undefined;
}
const show = (s: string) => {
  const j = JSON.stringify(s);
  return j.length > 62 ? `${j.slice(0, 58)}…"` : j;
};
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const slug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

// ---------------------------------------------------------------------------------------------
// Reading the file: header, delimiter, records (split by papaparse).

/** Excel's first line naming the delimiter: `sep=;`. */
const SEP_LINE = /^"?sep=(.)"?[,;\t]*$/i;
const QUOTE = 34;

interface Head {
  delimiter: string;
  /** Where the header line starts in the (BOM-less, LF) text, and its line number. */
  begin: number;
  line: number;
  cells: string[];
}

/**
 * The header: the first non-empty line (after an optional Excel `sep=;` line). Papa guesses the
 * delimiter among `,` `;` and tab from the first rows (the one that splits them most evenly).
 */
function headOf(src: string): Head | undefined {
  let pos = 0;
  let line = 1;
  let forced: string | undefined;
  while (pos < src.length) {
    let end = src.indexOf('\n', pos);
    if (end < 0) end = src.length;
    const text = src.slice(pos, end);
    if (text.trim()) {
      const sep = forced === undefined ? SEP_LINE.exec(text) : null;
      if (!sep) {
        const { data, meta } = Papa.parse<string[]>(src.slice(pos, pos + HEAD_LOOKS), {
          delimiter: forced ?? '',
          delimitersToGuess: DELIMITERS,
          newline: '\n',
          skipEmptyLines: 'greedy',
          preview: 1,
        });
        return { delimiter: meta.delimiter, begin: pos, line, cells: data[0] ?? [] };
      }
      forced = sep[1];
    }
    pos = end + 1;
    line++;
  }
  return undefined;
}

/** Each distinct text read once: the rows of a session repeat its times. */
function timeReader(): (raw: string) => DateTime | undefined {
  const seen = new Map<string, DateTime | null>();
  return (raw) => {
    let t = seen.get(raw);
    if (t === undefined) seen.set(raw, (t = parseTime(raw) ?? null));
    return t ?? undefined;
  };
}

interface CsvRecord {
  /** The line the record starts on (a quoted cell may span lines). */
  line: number;
  cells: string[];
}

interface CellProblem {
  line: number;
  /** Index of the cell in its record. */
  cell: number;
  message: string;
}

/** The most text handed to Papa at once: a cell whose quote is not closed costs Papa a look to the end of what it was given. */
const WINDOW = 1 << 20;

/**
 * The records of `src` (LF line ends) from `begin` (on line `firstLine`), split by Papa.parse,
 * each with the line it starts on; records whose cells are all blank are left out. Lines are
 * counted as Papa's cursor moves on, so the time stays linear in the length of the text.
 *
 * A quoted cell whose quote is not closed where the cell ends (`"Quoted" and not,…`, or a quote
 * never closed) Papa reads on to the next quote that ends a cell, or to the end of the text. Such
 * a cell is read here as a spreadsheet does: up to its first lone quote, keeping the text after it
 * up to the cell's end, or, with no quote after it at all, as written up to the cell's end; each
 * is noted, and Papa goes on after the cell. Papa is given the text a window of whole lines at a
 * time, one line just after such a cell and twice as much after each window without one, so
 * that a file with many of them is still read in linear time. A record cut by a window's end
 * (Papa: a quote not closed) is read again with a window twice the size.
 */
function readRecords(src: string, begin: number, firstLine: number, delimiter: string, problems: CellProblem[]): CsvRecord[] {
  const records: CsvRecord[] = [];
  const n = src.length;
  const keep = (record: CsvRecord) => {
    if (record.cells.some((c) => c.trim() !== '')) records.push(record);
  };
  let line = firstLine;
  let nl = src.indexOf('\n', begin);
  /** The line `to` is on; `to` only moves forward. */
  const lineAt = (to: number) => {
    while (nl >= 0 && nl < to) {
      line++;
      nl = src.indexOf('\n', nl + 1);
    }
    return line;
  };
  /** Where the cell from `i` ends: at the next delimiter or line break. */
  const cellEnd = (i: number) => {
    let eol = src.indexOf('\n', i);
    if (eol < 0) eol = n;
    const d = src.slice(i, eol).indexOf(delimiter);
    return d < 0 ? eol : i + d;
  };
  /** A record that goes on after a cell read again. */
  let pending: CsvRecord | undefined;
  let size = WINDOW;
  let pos = begin;
  while (pos < n) {
    const from = pos;
    const eol = from + size >= n ? -1 : src.indexOf('\n', from + size);
    const to = eol < 0 ? n : eol + 1;
    pos = to;
    size = Math.min(WINDOW, Math.max(256, size * 2));
    let rowStart = from;
    Papa.parse<string[]>(src.slice(from, to), {
      delimiter,
      newline: '\n',
      step: ({ data, errors, meta }, parser) => {
        const start = pending?.line ?? lineAt(rowStart);
        const quote = errors.find((e) => e.type === 'Quotes');
        if (!quote) {
          keep({ line: start, cells: pending ? pending.cells.concat(data) : data });
          pending = undefined;
          rowStart = from + meta.cursor;
          return;
        }
        parser.abort();
        if (quote.code === 'MissingQuotes' && to < n) {
          // Perhaps only cut by the window's end: read the record again with more text.
          pos = rowStart;
          size = 2 * (to - from);
          return;
        }
        // The quote error names where the cell's text begins, just after its opening quote;
        // the cells before it are as Papa read them.
        const q = from + quote.index! - 1;
        const before = q > rowStart ? Papa.parse<string[]>(src.slice(rowStart, q), { delimiter, newline: '\n' }).data[0].slice(0, -1) : [];
        const cells = pending ? pending.cells.concat(before) : before;
        const cellLine = lineAt(q);
        let close = src.indexOf('"', q + 1);
        while (close >= 0 && src.charCodeAt(close + 1) === QUOTE) close = src.indexOf('"', close + 2);
        let end: number;
        if (close < 0) {
          end = cellEnd(q);
          cells.push(src.slice(q, end));
          problems.push({
            line: cellLine,
            cell: cells.length - 1,
            message: 'opens a quote that is never closed; the cell is read as written, up to the end of its line',
          });
        } else {
          end = cellEnd(close + 1);
          const extra = src.slice(close + 1, end);
          cells.push(src.slice(q + 1, close).replaceAll('""', '"') + extra);
          if (extra.trim()) {
            problems.push({
              line: cellLine,
              cell: cells.length - 1,
              message: 'has text after the closing quote of a quoted cell; it is kept as part of the cell',
            });
          }
        }
        pos = end + 1;
        size = 0;
        if (end < n && src[end] === delimiter) pending = { line: start, cells };
        else {
          keep({ line: start, cells });
          pending = undefined;
        }
      },
    });
  }
  // A delimiter at the very end: one more, empty, cell.
  if (pending) keep({ line: pending.line, cells: [...pending.cells, ''] });
  return records;
}

// ---------------------------------------------------------------------------------------------
// From rows to drafts of panels, sessions and papers.

interface Value {
  value: string;
  line: number;
  /** The cell as written, when `value` is tidied from it. */
  raw?: string;
}

interface Timed {
  t: DateTime;
  raw: string;
  line: number;
}

// Drafts are made with every field present, so that they all share one shape.
interface PaperDraft {
  line: number;
  /** Set when its own id is the first use of that id in the file. */
  owns: boolean;
  id: string | undefined;
  title: string;
  authors: Value | undefined;
  shortAbstract: string | undefined;
  abstract: string | undefined;
}

interface SessionDraft {
  line: number;
  owns: boolean;
  id: string | undefined;
  start: Timed | undefined;
  end: Timed | undefined;
  badStarts: Value[];
  /** session_title, session_location. */
  fields: (Value | undefined)[];
  papers: PaperDraft[];
}

interface PanelDraft {
  line: number;
  owns: boolean;
  rows: number;
  id: string | undefined;
  /** By position in PANEL_FIELDS. */
  fields: (Value | undefined)[];
  /** Set once the panel is found by its title. */
  titled: boolean;
  sessions: SessionDraft[];
  byId: Map<string, SessionDraft>;
  byTimes: Map<string, SessionDraft>;
  byStart: Map<string, SessionDraft>;
}

/** `2024-6-9 9:30` is read as `2024-06-09 09:30`: spreadsheets often drop the leading zeros. */
function parseTime(raw: string): DateTime | undefined {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})[ T]+(\d{1,2}):(\d{2})(.*)$/.exec(raw);
  const pad = (s: string) => s.padStart(2, '0');
  return parseDateTime(m ? `${m[1]}-${pad(m[2])}-${pad(m[3])}T${pad(m[4])}:${m[5]}${m[6]}` : raw);
}

/** How a cell's text becomes a field's value; '' for none. */
type Tidy = (raw: string, line: number) => string;
const keep: Tidy = (s) => s;
const timeKey = (t: DateTime) => `${t.wall}/${t.offset ?? ''}`;
const notADate = (raw: string) => `${show(raw)} is not a date and time (${TIME_FORMAT})`;

/** `a; b (x; y)` → `a`, `b (x; y)`: split at `;` and line breaks that are not inside parentheses. */
const PEOPLE_SEPARATOR = /[;\n](?![^()]*\))/;

interface Problem {
  line: number;
  column?: string;
  message: string;
}

/**
 * Reads a spreadsheet of the layout in docs/csv-format.md (CSV, with `,`, `;` or tab between
 * cells) into a programme v1 object, still to be checked with validateProgramme.
 *
 * Throws an Error with a reader-facing message when the file lacks a required column (naming it
 * and listing the columns found), when its times carry no offset and neither a `time_zone` column
 * nor `options.timeZone` names the zone (zoneNeeded), or when the zone named is unknown. Rows that
 * cannot be placed are reported through `notes.skip`; every other problem is a note naming the
 * line and column. `options.url` names the conference when the file does not.
 */
export function csvProgramme(text: string, notes: Notes, options: DraftOptions = {}): unknown {
  const src = String(text)
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n');
  const head = headOf(src);
  const cellProblems: CellProblem[] = [];
  const records = head ? readRecords(src, head.begin, head.line, head.delimiter, cellProblems) : [];
  const header = records[0];
  if (!head || !header) {
    throw new Error(`This CSV file is empty: it has no header row naming its columns (${REQUIRED.join(', ')}, …; see docs/csv-format.md).`);
  }

  // The header: which cell holds which column.
  const index = new Map<CsvColumn, number>();
  const names: string[] = [];
  const unknown: string[] = [];
  const repeated: string[] = [];
  const unnamed: number[] = [];
  header.cells.forEach((raw, k) => {
    const name = columnName(raw);
    names.push(name || `column ${k + 1}`);
    if (!name) unnamed.push(k);
    else if (!isColumn(name)) unknown.push(raw.trim());
    else if (index.has(name)) repeated.push(name);
    else index.set(name, k);
  });
  const missing = REQUIRED.filter((c) => !index.has(c));
  const paperColumns = PAPER_COLUMNS.filter((c) => index.has(c));
  if (!index.has('paper_title') && paperColumns.length) missing.push('paper_title');
  if (missing.length) {
    const found = header.cells.map((c) => show(c.trim())).join(', ');
    const separator = head.delimiter === '\t' ? 'tabs' : `"${head.delimiter}"`;
    const papers = missing.includes('paper_title') && paperColumns.length ? ` (it has ${paperColumns.join(', ')}, which need paper_title)` : '';
    throw new Error(
      `This CSV file has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''}${papers}, which the programme layout requires ` +
        `(see docs/csv-format.md). The columns found in its header (line ${header.line}, cells separated by ${separator}) are: ${found}.`,
    );
  }
  const width = header.cells.length;
  const readTime = timeReader();

  const problems: Problem[] = [];
  const problem = (line: number, column: string | undefined, message: string) => problems.push({ line, column, message });

  /** conference_id, conference_title, time_zone. */
  const conference: (Value | undefined)[] = [undefined, undefined, undefined];
  const panels: PanelDraft[] = [];
  const panelsById = new Map<string, PanelDraft>();
  const panelsByTitle = new Map<string, PanelDraft>();
  /** The first value of a field wins; a different one later is noted. Cells repeated as written are not read again. */
  const merge = (into: (Value | undefined)[], slot: number, key: string, raw: string, line: number, what: string, tidy: Tidy = oneLine) => {
    if (!raw) return;
    const seen = into[slot];
    if (seen?.raw === raw) return;
    const value = tidy(raw, line);
    if (!value) return;
    if (!seen) into[slot] = { value, line, raw };
    else if (seen.value !== value) problem(line, key, `${show(value)} differs from ${show(seen.value)} on line ${seen.line} for ${what}; the first is kept`);
  };
  const urlBase = (() => {
    try {
      return options.url ? new URL(options.url, globalThis.location?.href).href : undefined;
    } catch {
      return undefined;
    }
  })();
  const urls = new Map<string, string>();
  /** The address when it is http(s) (relative ones resolved against the file's), else '' with a note. */
  const urlOf: Tidy = (raw, line) => {
    let url = urls.get(raw);
    if (url === undefined) urls.set(raw, (url = feedLink(raw, urlBase) ?? ''));
    if (!url) problem(line, 'panel_url', `${show(raw)} is not an http(s) address; it is left out`);
    return url;
  };
  const newPanel = (line: number, id: string | undefined): PanelDraft => {
    const panel: PanelDraft = {
      line,
      owns: false,
      rows: 0,
      id,
      fields: [],
      titled: false,
      sessions: [],
      byId: new Map(),
      byTimes: new Map(),
      byStart: new Map(),
    };
    panels.push(panel);
    if (id) panelsById.set(id, panel);
    return panel;
  };
  const newSession = (panel: PanelDraft, line: number, id?: string): SessionDraft => {
    const session: SessionDraft = { line, owns: false, id, start: undefined, end: undefined, badStarts: [], fields: [undefined, undefined], papers: [] };
    panel.sessions.push(session);
    if (id) panel.byId.set(id, session);
    return session;
  };
  /** Lets rows without a session_id find the session by its times. */
  const register = (panel: PanelDraft, s: SessionDraft) => {
    if (!s.start) return;
    const k = timeKey(s.start.t);
    if (!panel.byStart.has(k)) panel.byStart.set(k, s);
    if (s.end && !panel.byTimes.has(`${k}>${timeKey(s.end.t)}`)) panel.byTimes.set(`${k}>${timeKey(s.end.t)}`, s);
  };
  /** True when the session had no such time yet. */
  const setTime = (s: SessionDraft, which: 'start' | 'end', t: DateTime, raw: string, line: number) => {
    const seen = s[which];
    if (!seen) {
      s[which] = { t, raw, line };
      return true;
    }
    if (seen.t !== t && (seen.t.wall !== t.wall || seen.t.offset !== t.offset)) {
      problem(line, `session_${which}`, `${show(raw)} differs from ${show(seen.raw)} on line ${seen.line} for the same session; the first is kept`);
    }
    return false;
  };

  // Column positions by number, and what the previous row found: a spreadsheet's rows of one
  // panel and session come together, so most rows need no look-up at all.
  const at = new Int32Array(CSV_COLUMNS.length).fill(-1);
  for (const [c, k] of index) at[COL[c]] = k;
  const panelCells = PANEL_FIELDS.map((c) => at[COL[c]]);
  let last: { panelId: string; panelTitle: string; panel: PanelDraft; sessionId: string; session: SessionDraft | undefined } | undefined;
  const lastTime = { start: '', startT: undefined as DateTime | undefined, end: '', endT: undefined as DateTime | undefined };
  const skipRow = (line: number, hasPaper: boolean, paperId: string, sessionId: string, reason: string) =>
    notes.skip({
      path: `line ${line}`,
      kind: hasPaper ? 'paper' : 'session',
      ...(hasPaper && paperId ? { id: paperId } : sessionId ? { id: sessionId } : {}),
      reason,
    });
  const whatOf = (hasPaper: boolean, paperTitle: string) => (hasPaper ? (paperTitle ? `its paper ${show(paperTitle)}` : 'its paper') : 'its session');

  let rowCount = 0;
  for (let r = 1; r < records.length; r++) {
    const record = records[r];
    rowCount++;
    const { line, cells } = record;
    if (cells.length > width && cells.slice(width).some((c) => c.trim())) {
      problem(line, undefined, `the row has ${cells.length} cells, but the header names ${width} columns; the cells after column ${width} are ignored`);
    } else if (cells.length < width) {
      problem(line, undefined, `the row has ${cells.length} cells, but the header names ${width} columns; the missing cells are read as empty`);
    }
    if (unnamed.length) {
      const lost = unnamed.find((k) => cells[k]?.trim());
      if (lost !== undefined) problem(line, `column ${lost + 1}`, 'the column has no name in the header, so its cell is ignored');
    }

    const fileWide = 'the file (it must be the same on every row)';
    const conferenceId = cellAt(cells, at[COL.conference_id]);
    const conferenceTitle = cellAt(cells, at[COL.conference_title]);
    const timeZoneCell = cellAt(cells, at[COL.time_zone]);
    merge(conference, 0, 'conference_id', conferenceId, line, fileWide);
    merge(conference, 1, 'conference_title', conferenceTitle, line, fileWide);
    merge(conference, 2, 'time_zone', timeZoneCell, line, fileWide);

    const panelId = oneLine(cellAt(cells, at[COL.panel_id]));
    const panelTitle = oneLine(cellAt(cells, at[COL.panel_title]));
    const paperTitle = oneLine(cellAt(cells, at[COL.paper_title]));
    const paperId = oneLine(cellAt(cells, at[COL.paper_id]));
    const authors = cellAt(cells, at[COL.paper_authors]);
    const abstract = cellAt(cells, at[COL.paper_abstract]);
    const shortAbstract = cellAt(cells, at[COL.paper_short_abstract]);
    const hasPaper = !!(paperTitle || paperId || authors || abstract || shortAbstract);
    const sessionId = oneLine(cellAt(cells, at[COL.session_id]));
    const startRaw = cellAt(cells, at[COL.session_start]);
    const endRaw = cellAt(cells, at[COL.session_end]);
    const sessionTitle = cellAt(cells, at[COL.session_title]);
    const sessionLocation = cellAt(cells, at[COL.session_location]);
    const hasSession = hasPaper || !!(sessionId || startRaw || endRaw || sessionTitle || sessionLocation);

    if (!panelId && !panelTitle) {
      const details = panelCells.some((k) => cellAt(cells, k));
      if (hasSession) {
        skipRow(
          line,
          hasPaper,
          paperId,
          sessionId,
          `line ${line}: the row names no panel (panel_title and panel_id are empty), so ${whatOf(hasPaper, paperTitle)} is not shown`,
        );
      } else if (details) {
        problem(line, undefined, 'the row has panel details but no panel_title or panel_id to say which panel; it is ignored');
      } else if (!conferenceId && !conferenceTitle && !timeZoneCell) {
        problem(line, undefined, 'the row has no panel, session or paper in it; it is ignored');
      }
      continue;
    }

    let panel: PanelDraft | undefined;
    if (last && (panelId ? panelId === last.panelId : !last.panelId && panelTitle === last.panelTitle)) panel = last.panel;
    else {
      panel = (panelId ? panelsById.get(panelId) : panelsByTitle.get(panelTitle)) ?? newPanel(line, panelId || undefined);
      last = { panelId, panelTitle, panel, sessionId: '', session: undefined };
    }
    panel.rows++;
    for (let f = 0; f < PANEL_FIELDS.length; f++) {
      const c = PANEL_FIELDS[f];
      merge(panel.fields, f, c, cellAt(cells, panelCells[f]), line, 'the same panel', c === 'panel_description' ? keep : c === 'panel_url' ? urlOf : oneLine);
    }
    const title = panel.titled ? undefined : panel.fields[TITLE]?.value;
    if (title) {
      panel.titled = true;
      if (!panelsByTitle.has(title)) panelsByTitle.set(title, panel);
    }
    if (!hasSession) continue;

    if (startRaw !== lastTime.start) {
      lastTime.start = startRaw;
      lastTime.startT = startRaw ? readTime(startRaw) : undefined;
    }
    if (endRaw !== lastTime.end) {
      lastTime.end = endRaw;
      lastTime.endT = endRaw ? readTime(endRaw) : undefined;
    }
    const start = lastTime.startT;
    const end = lastTime.endT;
    if (endRaw && !end) problem(line, 'session_end', notADate(endRaw));
    let session: SessionDraft | undefined;
    let changed = false;
    if (sessionId) {
      session = last.session && last.sessionId === sessionId ? last.session : (panel.byId.get(sessionId) ?? newSession(panel, line, sessionId));
      last.sessionId = sessionId;
      last.session = session;
      if (startRaw && !start) session.badStarts.push({ value: startRaw, line });
      if (start && setTime(session, 'start', start, startRaw, line)) changed = true;
      if (end && setTime(session, 'end', end, endRaw, line)) changed = true;
    } else {
      last.sessionId = '';
      last.session = undefined;
      if (!start) {
        const what = whatOf(hasPaper, paperTitle);
        skipRow(
          line,
          hasPaper,
          paperId,
          sessionId,
          startRaw
            ? `line ${line}, session_start: ${notADate(startRaw)}, so ${what} is not in the schedule`
            : `line ${line}: the row has no session_start (and no session_id), so ${what} is not in the schedule`,
        );
        continue;
      }
      const k = timeKey(start);
      if (end) {
        session = panel.byTimes.get(`${k}>${timeKey(end)}`);
        const open = session ? undefined : panel.byStart.get(k);
        if (open && !open.end) {
          session = open;
          open.end = { t: end, raw: endRaw, line };
          changed = true;
        }
      } else session = panel.byStart.get(k);
      if (!session) {
        session = newSession(panel, line);
        session.start = { t: start, raw: startRaw, line };
        if (end) session.end = { t: end, raw: endRaw, line };
        changed = true;
      }
    }
    if (changed) register(panel, session);
    merge(session.fields, 0, 'session_title', sessionTitle, line, 'the same session');
    merge(session.fields, 1, 'session_location', sessionLocation, line, 'the same session');

    if (!hasPaper) continue;
    if (!paperTitle) {
      notes.skip({
        path: `line ${line}`,
        kind: 'paper',
        ...(paperId ? { id: paperId } : {}),
        reason: `line ${line}: the paper${paperId ? ` ${show(paperId)}` : ''} has no paper_title, so it is not listed`,
      });
      continue;
    }
    session.papers.push({
      line,
      owns: false,
      id: paperId || undefined,
      title: paperTitle,
      authors: authors ? { value: authors, line } : undefined,
      shortAbstract: cellText(shortAbstract),
      abstract: cellText(abstract),
    });
  }

  for (const p of cellProblems) problem(p.line, names[p.cell] ?? `column ${p.cell + 1}`, p.message);

  // The panels that can be shown, and their sessions that have a start.
  const placed: PanelDraft[] = [];
  for (const p of panels) {
    if (p.fields[TITLE]) {
      placed.push(p);
      continue;
    }
    const inside = p.sessions.length ? ` and its ${plural(p.sessions.length, 'session')}` : '';
    const rows = p.rows === 1 ? 'its row' : `any of its ${p.rows} rows`;
    notes.skip({
      path: `line ${p.line}`,
      kind: 'panel',
      ...(p.id ? { id: p.id } : {}),
      reason: `line ${p.line}: panel ${show(p.id ?? '')} has no panel_title on ${rows}, so it${inside} ${inside ? 'are' : 'is'} not shown`,
    });
  }
  for (const p of placed) {
    p.sessions = p.sessions.filter((s) => {
      if (s.start) {
        for (const bad of s.badStarts) problem(bad.line, 'session_start', `${notADate(bad.value)}; the session's start is taken from line ${s.start.line}`);
        return true;
      }
      const inside = s.papers.length ? ` and its ${plural(s.papers.length, 'paper')}` : '';
      const bad = s.badStarts[0];
      notes.skip({
        path: `line ${s.line}`,
        kind: 'session',
        ...(s.id ? { id: s.id } : {}),
        reason: bad
          ? `line ${bad.line}, session_start: ${notADate(bad.value)}, and no other row of session ${show(s.id ?? '')} gives its start, so the session${inside} ${inside ? 'are' : 'is'} not in the schedule`
          : `line ${s.line}: session ${show(s.id ?? '')} has no session_start on any of its rows, so the session${inside} ${inside ? 'are' : 'is'} not in the schedule`,
      });
      return false;
    });
  }

  // The zone: the file's time_zone column, else the host's; refused rather than guessed.
  const samples: Sample[] = [];
  let local = false;
  for (const p of placed) {
    for (const s of p.sessions) {
      for (const t of [s.start, s.end]) {
        if (!t) continue;
        if (t.t.offset === undefined) local = true;
        else samples.push({ epoch: instantOf(t.t as DateTime & { offset: number }), offset: t.t.offset });
      }
    }
  }
  const column = conference[2];
  let stated = column?.value ?? options.timeZone;
  let field = column ? 'time_zone column' : 'the time-zone attribute';
  if (column && !isKnownTimeZone(column.value) && local) {
    if (options.timeZone && isKnownTimeZone(options.timeZone)) {
      notes.add(
        `line ${column.line}, time_zone: ${show(column.value)} is not a time zone this browser knows; the times are read in the element's time-zone, ${options.timeZone}.`,
      );
      stated = options.timeZone;
      field = 'the time-zone attribute';
    } else {
      throw new Error(
        `line ${column.line}, time_zone: ${show(column.value)} is not a time zone this browser knows; write an IANA name such as Europe/London, ` +
          'or set time-zone="Area/City" on the element.',
      );
    }
  }
  if (local && !stated) zoneNeeded('time_zone column');
  if (local && stated && !isKnownTimeZone(stated)) {
    throw new Error(
      `time-zone=${show(stated)} is not a time zone this browser knows, and the file's times carry no offset; use an IANA name such as Europe/London.`,
    );
  }
  let timeZone: string;
  if (stated || samples.length) timeZone = chooseZone(stated, samples, notes, field);
  else {
    timeZone = 'UTC';
    if (rowCount > 0) notes.add('The file names no time zone and has no sessions with times; the programme is shown in UTC.');
  }
  const instants = new Map<number, number>();
  const offsets = new Map<number, number>();
  const epochOf = (t: DateTime) => {
    if (t.offset !== undefined) return instantOf(t as DateTime & { offset: number });
    let epoch = instants.get(t.wall);
    if (epoch === undefined) instants.set(t.wall, (epoch = instantInZone(t.wall, timeZone)));
    return epoch;
  };
  const offsetOf = (t: DateTime, epoch: number) => {
    if (t.offset !== undefined) return t.offset;
    let offset = offsets.get(epoch);
    if (offset === undefined) offsets.set(epoch, (offset = zoneOffset(timeZone, epoch)));
    return offset;
  };

  // Ids: the file's own first (the first use of each wins), then ones made up from position.
  const taken = new Set<string>();
  const claim = (owner: { id: string | undefined; owns: boolean }) => {
    if (owner.id && !taken.has(owner.id)) {
      taken.add(owner.id);
      owner.owns = true;
    }
  };
  for (const p of placed) {
    claim(p);
    for (const s of p.sessions) {
      claim(s);
      for (const paper of s.papers) claim(paper);
    }
  }
  const counters = new Map<string, number>();
  const fresh = (base: string) => {
    if (!taken.has(base)) {
      taken.add(base);
      return base;
    }
    let n = counters.get(base) ?? 2;
    while (taken.has(`${base}-${n}`)) n++;
    counters.set(base, n + 1);
    taken.add(`${base}-${n}`);
    return `${base}-${n}`;
  };
  const made = { panel: 0, session: 0, paper: 0 };
  /** The item's own id, or one made unique from it, or one from its position (`base-n`). */
  const idOf = (owner: { id: string | undefined; owns: boolean }, base: string, n: number, kind: keyof typeof made, line: number) => {
    const wanted = owner.id;
    if (wanted && owner.owns) return wanted;
    if (!wanted) {
      made[kind]++;
      return fresh(`${base}-${n}`);
    }
    const id = fresh(wanted);
    problem(line, `${kind}_id`, `${show(wanted)} is already the id of an earlier panel, session or paper; this ${kind} is given the id ${show(id)}`);
    return id;
  };

  /** `Name (Affiliation)`: the last parenthesised part at the end of an entry is the affiliation. */
  const person = (entry: string, line: number, c: string): Person | undefined => {
    const e = oneLine(entry);
    if (!e) return undefined;
    if (e.charCodeAt(e.length - 1) !== 41 /* ) */) return { name: e };
    let depth = 0;
    let k = e.length - 1;
    for (; k >= 0; k--) {
      const ch = e.charCodeAt(k);
      if (ch === 41) depth++;
      else if (ch === 40 /* ( */ && --depth === 0) break;
    }
    if (k < 0) {
      problem(line, c, `${show(e)} has a ")" without its "("; it is read as a name`);
      return { name: e };
    }
    const name = e.slice(0, k).trim();
    const affiliation = e.slice(k + 1, -1).trim();
    if (!name) {
      problem(line, c, `${show(e)} names no one, only an affiliation; it is left out`);
      return undefined;
    }
    return affiliation ? { name, affiliation } : { name };
  };
  const people = (v: Value | undefined, c: string): Person[] | undefined => {
    if (!v) return undefined;
    const list: Person[] = [];
    for (const entry of v.value.split(PEOPLE_SEPARATOR)) {
      const one = person(entry, v.line, c);
      if (one) list.push(one);
    }
    return list.length ? list : undefined;
  };

  const out: Panel[] = placed.map((p, pi) => {
    const f = (c: PanelField) => p.fields[PANEL_FIELDS.indexOf(c)]?.value;
    const id = idOf(p, 'panel', pi + 1, 'panel', p.line);
    const panel: Panel = { id, title: f('panel_title')! };
    const format = f('panel_format');
    const theme = f('panel_theme');
    const location = f('panel_location');
    const description = cellText(f('panel_description') ?? '');
    const url = f('panel_url');
    if (format) panel.format = format;
    if (theme) panel.theme = theme;
    if (location) panel.location = location;
    if (description) panel.description = description;
    if (url) panel.url = url;
    for (const [key, c] of [
      ['convenors', 'panel_convenors'],
      ['chairs', 'panel_chairs'],
      ['discussants', 'panel_discussants'],
    ] as const) {
      const list = people(p.fields[PANEL_FIELDS.indexOf(c)], c);
      if (list) panel[key] = list;
    }
    const sessions = p.sessions.map((s, si): Session => {
      const sid = idOf(s, id, si + 1, 'session', s.line);
      const start = s.start!;
      const startAt = epochOf(start.t);
      const startOffset = offsetOf(start.t, startAt);
      let endAt = startAt;
      let endOffset = startOffset;
      let zulu = start.t.zulu;
      if (!s.end) {
        problem(s.line, 'session_end', 'the session has no end that can be read; it is shown as ending when it starts');
      } else {
        const at = epochOf(s.end.t);
        if (at < startAt) {
          const where = s.end.line !== start.line ? ` (line ${start.line})` : '';
          problem(
            s.end.line,
            'session_end',
            `${show(s.end.raw)} is before the session's start ${show(start.raw)}${where}; the session is shown as ending when it starts`,
          );
        } else {
          endAt = at;
          endOffset = offsetOf(s.end.t, at);
          zulu = s.end.t.zulu;
        }
      }
      const session: Session = {
        id: sid,
        ...(s.fields[0] ? { title: s.fields[0].value } : {}),
        start: formatInstant(startAt, startOffset, start.t.zulu),
        end: formatInstant(endAt, endOffset, zulu),
        ...(s.fields[1] ? { location: s.fields[1].value } : {}),
      };
      const papers = s.papers.map((d, k): Paper => {
        const paper: Paper = { id: idOf(d, sid, k + 1, 'paper', d.line), title: d.title };
        const authors = people(d.authors, 'paper_authors');
        if (authors) paper.authors = authors;
        if (d.shortAbstract) paper.shortAbstract = d.shortAbstract;
        if (d.abstract) paper.abstract = d.abstract;
        return paper;
      });
      if (papers.length) session.papers = papers;
      return session;
    });
    if (sessions.length) panel.sessions = sessions;
    return panel;
  });

  // The conference: its own columns, else the file's name.
  let id = conference[0]?.value;
  let title = conference[1]?.value;
  if (!id && title) {
    id = slug(title) || 'programme';
    notes.add(`The file has no conference_id; the programme's id is ${show(id)}, from its conference_title.`);
  } else if (id && !title) {
    title = id;
    notes.add(`The file has no conference_title; the programme is called ${show(title)}, after its conference_id.`);
  } else if (!id || !title) {
    const stem = fileStem(options.url);
    id = (stem && slug(stem)) || 'programme';
    title = stem?.replace(/[-_]+/g, ' ').trim() || 'Programme';
    notes.add(
      `The file names no conference (no conference_id or conference_title column); the programme's id is ${show(id)} and its title ${show(title)}, ` +
        (stem ? 'from the file name.' : 'as there is no file name to take them from.'),
    );
  }

  // Notes: the header first, then the rows' problems in line order, then what was made up.
  if (unknown.length) notes.add(`These columns are not part of the layout and were ignored: ${unknown.map(show).join(', ')}.`);
  for (const c of new Set(repeated)) notes.add(`The column ${c} appears more than once in the header; only the first is read.`);
  if (rowCount === 0) notes.add('The file has a header but no rows; the programme has no panels.');
  problems.sort((a, b) => a.line - b.line);
  for (const p of problems.slice(0, MAX_ROW_NOTES)) notes.add(`line ${p.line}${p.column ? `, ${p.column}` : ''}: ${p.message}.`);
  if (problems.length > MAX_ROW_NOTES) {
    notes.add(`${problems.length - MAX_ROW_NOTES} more problems in the file's rows are not listed; fix the ones above and import it again to see them.`);
  }
  for (const kind of ['panel', 'session', 'paper'] as const) {
    const n = made[kind];
    if (!n) continue;
    notes.add(
      index.has(`${kind}_id` as CsvColumn)
        ? `${plural(n, kind)} ${n === 1 ? 'has' : 'have'} no ${kind}_id and ${n === 1 ? 'was' : 'were'} given one from ${n === 1 ? 'its' : 'their'} position.`
        : `The file has no ${kind}_id column; ${kind}s are given ids from their position.`,
    );
  }

  const programme: Programme = { version: 1, conference: { id, title: title!, timeZone }, panels: out };
  return programme;
}

/** `easa-2024` from `https://example.org/files/easa-2024.csv?v=2`. */
function fileStem(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const last = new URL(url, 'http://host.invalid/').pathname.split('/').filter(Boolean).pop();
    return last
      ? decodeURIComponent(last)
          .replace(/\.[^.]*$/, '')
          .trim() || undefined
      : undefined;
  } catch {
    return undefined;
  }
}
