import type { ProgrammeFormat } from '../formats.js';
import type { ZoneGuess } from '../programme-index.js';
import { skippedOf, type Skipped } from '../skipped.js';
import type { Notes } from './notes.js';

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

/** The result of reading a document as `read`: the programme and what the notes say about it. */
export function resultOf(programme: unknown, read: ImportResult['format'], notes: Notes, url: string | undefined): ImportResult {
  const items = notes.skipped();
  const skipped = items.length ? skippedOf(`${url ?? 'this document'} (read as ${read})`, items) : undefined;
  return { programme, format: read, notes: notes.list(), ...(skipped ? { skipped } : {}), ...(notes.zone ? { zone: notes.zone } : {}) };
}

/** An Error for a document in no format the importers know (the loader calls it "not JSON"). */
export const unknownFormat = (message: string) => Object.assign(new Error(message), { unknown: true });
