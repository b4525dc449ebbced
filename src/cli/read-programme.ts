/**
 * Which programme does a file or URL hold? Reads INPUT (a file, or an http(s) or webcal URL) with
 * the importers the elements use, in whatever format it is or `--format` says, and checks the
 * result: a valid programme v1 and what reading it found, or a UsageError that says why not. The
 * converter and the renderer both start here.
 */
import { DOMParser } from '@xmldom/xmldom';
import { readFile } from 'node:fs/promises';
import { isProgrammeFormat, PROGRAMME_FORMATS, type ProgrammeFormat } from '../data/formats.js';
import { importDocument } from '../data/importers/index.js';
import type { ProgrammeOrigin } from '../data/programme-index.js';
import type { Programme } from '../data/types.js';
import { validateProgramme } from '../data/validate.js';
import { UsageError } from './usage-error.js';

/** How to read the input. */
export interface ReadOptions {
  /** `auto` (default) or one of PROGRAMME_FORMATS. */
  format?: string;
  /** The zone of a source that names none and whose times carry no offset. */
  timeZone?: string;
}

/** A programme read from an input: valid, with what reading it found (its format, notes, what was left out). */
export interface ReadProgramme {
  programme: Programme;
  origin: ProgrammeOrigin & { format: Exclude<ProgrammeFormat, 'auto'> };
}

/** Whether the input names a URL rather than a file. */
export const isUrl = (input: string) => /^(https?|webcal):\/\//i.test(input);

/** The URL to fetch for an input URL (webcal is https). */
export const fetchUrl = (input: string) => input.replace(/^webcal:/i, 'https:');

/** Checks a `--format` value before anything is read. */
export function checkFormat(format: string): ProgrammeFormat {
  if (!isProgrammeFormat(format)) throw new UsageError(`Unknown format ${JSON.stringify(format)}: use one of ${PROGRAMME_FORMATS.join(', ')}.`, 2);
  return format;
}

async function bytesOf(input: string): Promise<Uint8Array> {
  if (isUrl(input)) {
    const url = fetchUrl(input);
    let response: Response;
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
    } catch (e) {
      // fetch says only "fetch failed": the reason (ECONNREFUSED, ENOTFOUND, "bad port") is its cause.
      const cause = (e as { cause?: { code?: string; message?: string } }).cause;
      throw new UsageError(`${url} could not be reached (${cause?.code ?? cause?.message ?? (e as Error).message}).`, 1);
    }
    if (!response.ok) throw new UsageError(`${url} answered HTTP ${response.status}.`, 1);
    return new Uint8Array(await response.arrayBuffer());
  }
  try {
    return new Uint8Array(await readFile(input));
  } catch (e) {
    throw new UsageError(`${input} cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`, 1);
  }
}

/** Reads and checks the programme in `input`. */
export async function readProgramme(input: string, options: ReadOptions = {}): Promise<ReadProgramme> {
  const format = checkFormat(options.format ?? 'auto');
  const bytes = await bytesOf(input);
  let json: unknown = bytes;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    // Not JSON: the importers read the bytes (XML, iCalendar, CSV) or say what is wrong.
  }
  let result;
  try {
    result = await importDocument(json, format, {
      url: /^https?:/i.test(input) ? input : undefined,
      timeZone: options.timeZone,
      DOMParser: DOMParser as unknown as typeof globalThis.DOMParser,
    });
  } catch (e) {
    throw new UsageError(`${input} could not be read: ${(e as Error).message}`, 1);
  }
  const checked = validateProgramme(result.programme);
  if (!checked.ok) {
    const problems = checked.problems.slice(0, 20).map((p) => `  ${p.path}: ${p.message}`);
    throw new UsageError(`${input} was read as ${result.format}, but the result is not a valid programme:\n${problems.join('\n')}`, 1);
  }
  return { programme: checked.programme, origin: { format: result.format, notes: result.notes, skipped: result.skipped, zone: result.zone } };
}

const counts = (p: Programme) => {
  const sessions = p.panels.flatMap((panel) => panel.sessions ?? []);
  return `${p.panels.length} panels, ${sessions.length} sessions, ${sessions.reduce((n, s) => n + (s.papers?.length ?? 0), 0)} papers`;
};

/** What reading found, for standard error: the format and counts, the importer's notes, what was left out. */
export function readReport(input: string, read: ReadProgramme): string[] {
  const { programme, origin } = read;
  return [
    `${input}: read as ${origin.format}; ${counts(programme)}; times in ${programme.conference.timeZone}.`,
    ...origin.notes.map((n) => `note: ${n}`),
    ...(origin.skipped ? [`left out: ${origin.skipped.message}`] : []),
  ];
}
