/**
 * Reading a programme's body: the bytes a server sent become a valid programme v1 and an account of
 * how it was read, or a ProgrammeLoadError that says why not. Framework-free and free of the page: the same code
 * runs in a Worker (read-worker.ts, for big bodies) and on the page (small ones, or where no Worker
 * can start), so both give the same programme and the same messages.
 */
import type { ProgrammeFormat } from '../formats.js';
import { ProgrammeLoadError } from '../load-error.js';
import { missingPart } from '../missing-part.js';
import type { ProgrammeOrigin } from '../programme-index.js';
import type { Skipped } from '../skipped.js';
import type { Programme } from '../types.js';
import { validateProgramme } from '../validate.js';

/** What to read: the body as it came, where it came from, and how the element asked for it. */
export interface ReadRequest {
  body: ArrayBuffer;
  url: string;
  status: number;
  format: ProgrammeFormat;
  /** The element's `time-zone`, for a source that names none. */
  timeZone?: string | null;
}

/** A programme v1, valid, and how it was read. */
export interface ReadResult {
  programme: Programme;
  origin: ProgrammeOrigin;
}

export interface ReadOptions {
  /** The DOMParser for XML (a Worker has none of its own). */
  DOMParser?: typeof DOMParser;
  /** Lets the page paint between the long steps, when reading on the page. */
  pause?: () => Promise<void>;
  /** Says what was left out: in the console by default (a Worker passes it on to the page's). */
  warn?: (message: string) => void;
}

const looksNative = (json: unknown) => typeof json === 'object' && json !== null && (json as { version?: unknown }).version === 1;

/**
 * Reads `request.body`: parse, import when it is another system's format, validate, and keep the
 * sound part of a partly broken one. Throws a ProgrammeLoadError that says why not.
 */
export async function readBody(request: ReadRequest, options: ReadOptions = {}): Promise<ReadResult> {
  const { url, format, status } = request;
  const { pause = async () => {}, warn = (message: string) => console.warn(`programme-elements: ${message}`) } = options;
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(request.body));
  } catch (e) {
    if (format === 'native') throw new ProgrammeLoadError('not-json', `The programme at ${url} is not JSON (${(e as Error).message}).`, url, status);
    // XML, iCalendar, a spreadsheet (or broken JSON): the importers read the body as it came, and say which.
    json = new Uint8Array(request.body);
  }
  await pause();
  let doc: unknown = json;
  let origin: ProgrammeOrigin = { format: 'native', notes: [] };
  if (!(format === 'native' || (format === 'auto' && looksNative(json)))) {
    let importers: typeof import('../importers/index.js');
    try {
      importers = await import('../importers/index.js');
    } catch (e) {
      throw new ProgrammeLoadError('network', `${url} needs an importer: ${missingPart('importers', e)}`, url, status);
    }
    ({ doc, origin } = await importers.imported(json, format, url, status, request.timeZone, options.DOMParser));
    if (origin.skipped) warn(origin.skipped.message);
    await pause();
  }
  const result = validateProgramme(doc);
  if (result.ok) return { programme: result.programme, origin };
  const as = origin.format === 'native' ? '' : ` (read as ${origin.format})`;
  // Mistakes only inside some panels: show the rest. salvage.ts says when, and loads only for such a document.
  const usable = await import('../salvage.js').then(
    async (m) => (await pause(), m.partial(doc, result, url + as)),
    () => undefined,
  );
  if (!usable) {
    const list = result.problems.map((p) => `${p.path}: ${p.message}`).join('; ');
    throw new ProgrammeLoadError('invalid', `The programme at ${url}${as} is not a valid programme: ${list}`, url, status, result.problems);
  }
  warn(usable.skipped.message);
  return { programme: usable.programme, origin: { ...origin, skipped: joinSkipped(origin.skipped, usable.skipped) } };
}

/** One account of what was left out, from the importer's and the validator's (either may be absent). */
function joinSkipped(a: Skipped | undefined, b: Skipped): Skipped {
  if (!a) return b;
  return {
    kind: 'partial',
    message: `${a.message} ${b.message}`,
    problems: [...a.problems, ...b.problems],
    items: [...a.items, ...b.items],
    ids: [...a.ids, ...b.ids],
  };
}
