/** What a document that is not JSON looks like from its first characters, without parsing it. */
export type TextKind = 'xml' | 'ical' | 'csv';

/** The first line that holds something, at most its first 4,000 characters. */
function firstLine(text: string): string {
  const start = text.search(/\S/);
  if (start < 0) return '';
  const end = text.indexOf('\n', start);
  return text.slice(start, Math.min(end < 0 ? text.length : end, start + 4000));
}

/**
 * XML by its `<`, iCalendar by `BEGIN:VCALENDAR`, and our spreadsheet layout by a header row that
 * names `panel_title` and `session_start` (docs/csv-format.md); undefined for anything else (an
 * HTML page is XML-like, and the XML reader says what it found).
 */
export function sniff(text: string): TextKind | undefined {
  const line = firstLine(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (line.startsWith('<')) return 'xml';
  if (/^BEGIN:VCALENDAR/i.test(line)) return 'ical';
  if (/(^|[,;\t"])\s*panel_title\s*("?)([,;\t]|$)/i.test(line) && /session_start/i.test(line)) return 'csv';
  return undefined;
}
