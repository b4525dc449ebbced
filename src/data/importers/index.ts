/**
 * Importers: other systems' programme exports mapped to the programme format v1. Loaded on demand
 * by loadProgramme when a document is not already a programme v1. The output is to be checked
 * with validateProgramme; nothing here validates it.
 *
 * Every format becomes one panel per event (talk, workshop, …) with one session and no papers:
 * these systems schedule talks, not panels of papers.
 */
import type { ProgrammeOrigin } from '../programme-index.js';
import { ProgrammeLoadError } from '../load-error.js';
import { resultOf, unknownFormat, type ImportResult } from './result.js';
import { importText } from './text-formats.js';
import { buildProgramme, type Draft } from './build.js';
import { c3voc2Draft } from './c3voc2.js';
import { PROGRAMME_FORMATS, isProgrammeFormat, type ProgrammeFormat } from '../formats.js';
import { detectFormat } from './detect.js';
import { frabDraft } from './frab.js';
import { indicoDraft } from './indico.js';
import type { Obj } from './json.js';
import { sessionizeDraft } from './sessionize.js';
import { Notes } from './notes.js';
import type { DraftOptions } from './options.js';
import { pretalxDraft } from './pretalx.js';

export { detectFormat };

/**
 * `native`: the programme format v1. `frab`: frab/c3voc schedule.json v1. `c3voc2`: c3voc schedule v2
 * (flat events). `pretalx`: pretalx's schedule.json (frab v1 with pretalx's quirks) or its widget JSON.
 * `auto`: tell from the document's shape.
 */
export type { ProgrammeFormat };

export type { ImportResult };

/** Where the document was loaded from (pretalx's widget JSON takes the event's slug from it), and the host's zone. */
export type ImportOptions = DraftOptions & {
  /** The DOMParser for XML: the browser's by default (the converter passes @xmldom/xmldom's in Node). */
  DOMParser?: typeof DOMParser;
};

/** How each JSON format becomes a draft (the text formats are read in text-formats.ts). */
const drafts: Partial<Record<ProgrammeFormat, (json: Obj, notes: Notes, options: ImportOptions) => Draft>> = {
  frab: (json, notes) => frabDraft(json, notes),
  c3voc2: (json, notes) => c3voc2Draft(json, notes),
  pretalx: (json, notes, options) => pretalxDraft(json, notes, options.url),
  sessionize: sessionizeDraft,
  indico: indicoDraft,
};

/**
 * Maps a parsed document in another system's format to the programme format v1.
 * Throws an Error with a reader-facing message when the format cannot be told or the document
 * lacks what its format requires.
 */
export function importProgramme(json: unknown, format: ProgrammeFormat = 'auto', options: ImportOptions = {}): ImportResult {
  if (!isProgrammeFormat(format)) throw new Error(`Unknown programme format ${JSON.stringify(format)}: use one of ${PROGRAMME_FORMATS.join(', ')}.`);
  const read = format === 'auto' ? detectFormat(json) : format;
  if (!read) {
    throw new Error(
      'Could not tell the format of this programme: it is neither a programme v1 (version 1, conference, panels), ' +
        'nor a frab/c3voc schedule.json v1 (schedule.conference.days with rooms), nor a c3voc schedule v2 (a flat events list), ' +
        "nor pretalx's schedule.json or widget JSON (talks, rooms, speakers), nor Sessionize's view/All (sessions, speakers, rooms), " +
        'nor an Indico export (results); ' +
        'set format="native", "frab", "c3voc2", "pretalx", "sessionize" or "indico" to say which.',
    );
  }
  if (read === 'native') return { programme: json, format: read, notes: [] };
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new Error(`This is not a ${read} programme: it is not a JSON object.`);
  }
  const notes = new Notes();
  const draft = drafts[read]?.(json as Obj, notes, options);
  if (!draft) throw new Error(`This is not a ${read} programme: it is JSON, and ${read === 'ical' ? 'iCalendar' : 'CSV'} is text.`);
  return resultOf(buildProgramme(draft, notes, options), read, notes, options.url);
}

/**
 * Maps a document in any format the importers read to the programme format v1: parsed JSON as
 * importProgramme does, or the raw bytes of a body that is not JSON (XML, iCalendar, a spreadsheet),
 * told apart by content, never by file name. A body in no format known is refused with an Error
 * marked `unknown`.
 */
export async function importDocument(input: unknown, format: ProgrammeFormat = 'auto', options: ImportOptions = {}): Promise<ImportResult> {
  if (!(input instanceof Uint8Array)) return importProgramme(input, format, options);
  const text = new TextDecoder().decode(input);
  // Broken JSON: say what is wrong with it, as for our own format.
  if (/^\s*[[{]/.test(text)) {
    try {
      JSON.parse(text);
    } catch (e) {
      throw unknownFormat(`It is not JSON (${(e as Error).message}).`);
    }
  }
  return importText(input, text, format, options, options.DOMParser);
}

/** A document read for the loader: the programme v1 still to be validated, and what the reading found. */
export interface Imported {
  doc: unknown;
  origin: ProgrammeOrigin;
}

/**
 * For readBody: the document at `url` read in `format`, or a ProgrammeLoadError that says why
 * not (`not-json` for a body in no format known, such as an HTML page; `invalid` otherwise).
 * `skipped` says what was left out; the caller says it in the page's console.
 */
export async function imported(
  json: unknown,
  format: ProgrammeFormat,
  url: string,
  status: number,
  timeZone?: string | null,
  Parser?: typeof DOMParser,
): Promise<Imported> {
  try {
    // `conference` and `viewer` say how to show times, not where the programme is.
    const zone = timeZone && timeZone !== 'conference' && timeZone !== 'viewer' ? timeZone : undefined;
    const { programme, format: read, notes, zone: guess, skipped } = await importDocument(json, format, { url, timeZone: zone, DOMParser: Parser });
    return { doc: programme, origin: { format: read, notes, zone: guess, skipped } };
  } catch (e) {
    const kind = (e as { unknown?: boolean }).unknown ? 'not-json' : 'invalid';
    const error = new ProgrammeLoadError(kind, `The programme at ${url} could not be read: ${(e as Error).message}`, url, status);
    throw Object.assign(error, { reason: (e as { reason?: string }).reason });
  }
}
