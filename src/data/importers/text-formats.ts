import type { ProgrammeFormat } from '../formats.js';
import { buildProgramme } from './build.js';
import { frabXmlDraft, isFrabXml } from './frab-xml.js';
import { Notes } from './notes.js';
import type { DraftOptions } from './options.js';
import { resultOf, unknownFormat, type ImportResult } from './result.js';
import { sniff } from './sniff.js';
import { parseXml } from './xml.js';

/** The formats that are JSON only. */
const JSON_FORMATS = new Set<ProgrammeFormat>(['native', 'c3voc2', 'pretalx', 'sessionize', 'indico']);

/**
 * Reads a body that is not JSON: a frab/pentabarf schedule.xml, an iCalendar feed or a spreadsheet
 * in the documented layout (docs/csv-format.md), told apart by content. iCalendar and CSV load
 * their readers (ical.js, papaparse) only for such a document. `Parser` is the DOMParser to use
 * (the browser's; the converter passes @xmldom/xmldom's in Node). `text` is `bytes` decoded as UTF-8
 * (iCalendar reads the bytes themselves: a fold may split a character).
 */
export async function importText(
  bytes: Uint8Array,
  text: string,
  format: ProgrammeFormat,
  options: DraftOptions,
  Parser?: typeof DOMParser,
): Promise<ImportResult> {
  if (JSON_FORMATS.has(format)) throw new Error(`This is not a ${format} programme: it is not JSON.`);
  const kind = sniff(text);
  const wanted = format === 'frab' ? 'xml' : format === 'ical' || format === 'csv' ? format : kind;
  if (!kind || kind !== wanted) {
    const said = format === 'auto' ? '' : ` (format="${format}")`;
    throw unknownFormat(
      `It is not JSON, nor a frab/pentabarf schedule.xml, an iCalendar feed or a spreadsheet in the documented layout${said}. ` +
        `It starts: ${JSON.stringify(text.trimStart().slice(0, 60))}.`,
    );
  }
  const notes = new Notes();
  if (kind === 'xml') {
    // A web page where the programme should be (a login page, a "not found" page served as 200).
    if (/^\s*<(!doctype\s+html|html[\s>])/i.test(text))
      throw unknownFormat(`It is a web page (${JSON.stringify(text.trimStart().slice(0, 60))}), not a programme.`);
    const doc = parseXml(text, Parser);
    if (!isFrabXml(doc)) {
      const root = doc.documentElement?.nodeName ?? '?';
      throw unknownFormat(`It is XML with a root <${root}>, but not a frab/pentabarf schedule.xml, whose <schedule> holds <day>s of <room>s of <event>s.`);
    }
    return resultOf(buildProgramme(frabXmlDraft(doc, notes, options), notes, options), 'frab', notes, options.url);
  }
  if (kind === 'ical') {
    const { icalDraft } = await import('./ical.js');
    return resultOf(buildProgramme(icalDraft(bytes, notes, options), notes, options), 'ical', notes, options.url);
  }
  const { csvProgramme } = await import('./csv.js');
  return resultOf(csvProgramme(text, notes, options), 'csv', notes, options.url);
}
