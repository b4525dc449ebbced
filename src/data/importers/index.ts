/**
 * Importers: other systems' programme exports mapped to the programme format v1. Loaded on demand
 * by loadProgramme when a document is not already a programme v1. The output is to be checked
 * with validateProgramme; nothing here validates it.
 *
 * Every format becomes one panel per event (talk, workshop, …) with one session and no papers:
 * these systems schedule talks, not panels of papers.
 */
import type { ZoneGuess } from '../programme-index.js';
import { skippedOf, type Skipped } from '../skipped.js';
import { buildProgramme, type Draft } from './build.js';
import { c3voc2Draft } from './c3voc2.js';
import { PROGRAMME_FORMATS, isProgrammeFormat, type ProgrammeFormat } from '../formats.js';
import { detectFormat } from './detect.js';
import { frabDraft } from './frab.js';
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

export interface ImportResult {
  /** The document in the programme format v1, still to be validated. */
  programme: unknown;
  /** The format it was read as. */
  format: Exclude<ProgrammeFormat, 'auto'>;
  /** What was guessed, changed or left out, for the person who publishes the programme. */
  notes: string[];
  /** Set when the document did not itself name the zone it is shown in. */
  zone?: ZoneGuess;
  /**
   * The source's items that are not in the programme's schedule, each with the reason; for the
   * reader's "not shown" line and the `partial` programme-error. Undefined when there are none.
   */
  skipped?: Skipped;
}

/** Where the document was loaded from (pretalx's widget JSON takes the event's slug from it), and the host's zone. */
export type ImportOptions = DraftOptions;

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
        "nor pretalx's schedule.json or widget JSON (talks, rooms, speakers); " +
        'set format="native", "frab", "c3voc2" or "pretalx" to say which.',
    );
  }
  if (read === 'native') return { programme: json, format: read, notes: [] };
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new Error(`This is not a ${read} programme: it is not a JSON object.`);
  }
  const notes = new Notes();
  const draft: Draft = read === 'frab' ? frabDraft(json, notes) : read === 'c3voc2' ? c3voc2Draft(json, notes) : pretalxDraft(json, notes, options.url);
  const programme = buildProgramme(draft, notes, options);
  const items = notes.skipped();
  const skipped = items.length ? skippedOf(`${options.url ?? 'this document'} (read as ${read})`, items) : undefined;
  return { programme, format: read, notes: notes.list(), ...(skipped ? { skipped } : {}), ...(notes.zone ? { zone: notes.zone } : {}) };
}
