/** What a document that is not JSON looks like from its first characters, without parsing it. */
export type TextKind = 'xml' | 'ical' | 'csv';

/** The first line that holds something from `from` on, at most its first 4,000 characters, and where it ends. */
function lineAt(text: string, from: number): { line: string; end: number } {
  const start = text.slice(from).search(/\S/);
  if (start < 0) return { line: '', end: text.length };
  const at = from + start;
  const nl = text.indexOf('\n', at);
  const end = nl < 0 ? text.length : nl;
  return { line: text.slice(at, Math.min(end, at + 4000)).trimEnd(), end };
}

/** `Panel Title`, `PANEL-TITLE` and `panel_title` name the same column (csv.ts reads them so too). */
export const columnName = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/**
 * XML by its `<`, iCalendar by `BEGIN:VCALENDAR`, and our spreadsheet layout by a header row that
 * names `panel_title` and `session_start` (docs/csv-format.md; after an Excel `sep=;` line, in any
 * case, with spaces or hyphens for `_`); undefined for anything else (an HTML page is XML-like, and
 * the XML reader says what it found).
 */
export function sniff(text: string): TextKind | undefined {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const first = lineAt(body, 0);
  let line = first.line;
  if (line.startsWith('<')) return 'xml';
  if (/^BEGIN:VCALENDAR/i.test(line)) return 'ical';
  // Excel's `sep=|` line names the separator of the rows after it.
  const sep = /^"?sep=(.?)"?$/i.exec(line);
  if (sep) line = lineAt(body, first.end).line;
  const names = new Set(line.split(sep?.[1] || /[,;\t]/).map((cell) => columnName(cell.replace(/^\s*"|"\s*$/g, ''))));
  return names.has('panel_title') && names.has('session_start') ? 'csv' : undefined;
}
