import { missingPart } from './missing-part.js';
import type { ProgrammeFormat } from './importers/index.js';
import { ProgrammeLoadError } from './load-error.js';
import type { Imported } from './importers/index.js';
import { ProgrammeIndex } from './programme-index.js';
import type { Skipped } from './skipped.js';
import { validateProgramme } from './validate.js';

interface Entry {
  promise: Promise<ProgrammeIndex>;
  controller: AbortController;
  waiting: number;
  settled: boolean;
}

/**
 * One entry per absolute URL and format: every element on the page that names it shares one fetch
 * and one parse.
 */
const entries = new Map<string, Entry>();

const loads = new EventTarget();

/**
 * Calls `listener` with the URL of every programme that loads, so that elements which failed on
 * that URL recover when a neighbour's retry succeeds. Returns the unsubscribe function.
 */
export function onProgrammeLoaded(listener: (url: string) => void): () => void {
  const handler = (e: Event) => listener((e as CustomEvent<string>).detail);
  loads.addEventListener('loaded', handler);
  return () => loads.removeEventListener('loaded', handler);
}

/** Resolves `src` against the page, as the browser would for a link. */
export function absoluteUrl(src: string): string {
  return new URL(src, document.baseURI).href;
}

const looksNative = (json: unknown) => typeof json === 'object' && json !== null && (json as { version?: unknown }).version === 1;

/**
 * A programme v1 from the document: as it is when it is one, else through the importers, which are
 * loaded only then (and say themselves what they could not read).
 */
async function toProgramme(json: unknown, format: ProgrammeFormat, url: string, status: number, timeZone?: string | null): Promise<Imported> {
  if (format === 'native' || (format === 'auto' && looksNative(json))) return { doc: json, read: 'native', notes: [] };
  let importers: typeof import('./importers/index.js');
  try {
    importers = await import('./importers/index.js');
  } catch (e) {
    throw new ProgrammeLoadError('network', `${url} needs an importer: ${missingPart('importers', e)}`, url, status);
  }
  return importers.imported(json, format, url, status, timeZone);
}

/**
 * Lets the browser paint and handle input between the long steps of reading a big programme
 * (parse, validate, index), so no single task holds the page for all of them.
 */
const yieldToPage = () =>
  new Promise<void>((resolve) => {
    const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
    if (scheduler?.yield) void scheduler.yield().then(resolve);
    else setTimeout(resolve, 0);
  });

/**
 * A server that never answers, or trickles, fails after `timeoutMs` (default 30 s; the reader can
 * retry). A host, or a test, may change it before elements load.
 */
export const loadSettings = { timeoutMs: 30_000 };

async function fetchProgramme(url: string, signal: AbortSignal, format: ProgrammeFormat, timeZone?: string | null): Promise<ProgrammeIndex> {
  const limit = loadSettings.timeoutMs;
  const timeout = AbortSignal.timeout(limit);
  const both = AbortSignal.any([signal, timeout]);
  const unreachable = (e: unknown) => {
    if (signal.aborted) return e;
    const why = timeout.aborted ? `did not answer within ${limit / 1000} s` : `could not be reached (${(e as Error).message})`;
    return new ProgrammeLoadError('network', `The programme at ${url} ${why}.`, url);
  };
  let response: Response;
  let body: ArrayBuffer;
  try {
    response = await fetch(url, { signal: both, headers: { accept: 'application/json' } });
  } catch (e) {
    throw unreachable(e);
  }
  if (!response.ok) {
    throw new ProgrammeLoadError(
      'http',
      `The programme at ${url} answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`,
      url,
      response.status,
    );
  }
  try {
    body = await response.arrayBuffer();
  } catch (e) {
    throw unreachable(e);
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(body));
  } catch (e) {
    if (format === 'native') throw new ProgrammeLoadError('not-json', `The programme at ${url} is not JSON (${(e as Error).message}).`, url, response.status);
    // XML, iCalendar, a spreadsheet (or broken JSON): the importers read the body as it came, and say which.
    json = new Uint8Array(body);
  }
  await yieldToPage();
  const { doc, read, notes, zone, skipped } = await toProgramme(json, format, url, response.status, timeZone);
  await yieldToPage();
  const result = validateProgramme(doc);
  const as = read === 'native' ? '' : ` (read as ${read})`;
  // Mistakes only inside some panels: show the rest. salvage.ts says when, and loads only for such a document.
  const usable = result.ok
    ? result
    : await import('./salvage.js').then(
        (m) => m.partial(doc, result, url + as),
        () => {},
      );
  if (!usable) {
    const list = result.problems.map((p) => `${p.path}: ${p.message}`).join('; ');
    throw new ProgrammeLoadError('invalid', `The programme at ${url}${as} is not a valid programme: ${list}`, url, response.status, result.problems);
  }
  await yieldToPage();
  const index = new ProgrammeIndex(usable.programme, { format: read, notes, skipped: joinSkipped(skipped, (usable as { skipped?: Skipped }).skipped), zone });
  await yieldToPage();
  return index;
}

/** One account of what was left out, from the importer's and the validator's (either may be absent). */
function joinSkipped(a: Skipped | undefined, b: Skipped | undefined): Skipped | undefined {
  if (!a || !b) return a ?? b;
  return {
    kind: 'partial',
    message: `${a.message} ${b.message}`,
    problems: [...a.problems, ...b.problems],
    items: [...a.items, ...b.items],
    ids: [...a.ids, ...b.ids],
  };
}

/**
 * Loads, validates and indexes the programme at `src`. A document whose mistakes all lie inside
 * some panels, sessions or papers loads without them: `index.source.skipped` says what was left
 * out (see `salvageProgramme`), and the console gets one warning. Callers asking for the same URL (and
 * format) share one request; the request is aborted only when every caller waiting for it has
 * aborted. A failed load is forgotten, so the next call tries again; a successful one is kept
 * for the page.
 *
 * `format` says what the document is: `auto` (the default) reads a programme v1 as it is and
 * tells other systems' exports apart by their shape; `native`, `frab`, `c3voc2` or `pretalx`
 * say it outright. Other formats go through the importers, loaded only when needed. `timeZone`
 * (the element's `time-zone`) is the zone of a source that names none and whose times carry no
 * offset: it is only used when the document, read without it, asks for a zone, so elements with
 * different zones still share one request for a document that names its own.
 */
export function loadProgramme(src: string, signal?: AbortSignal, format: ProgrammeFormat = 'auto', timeZone?: string | null): Promise<ProgrammeIndex> {
  const first = shared(src, signal, format);
  return timeZone ? first.catch((e: { reason?: string }) => (e.reason === 'needsTimeZone' ? shared(src, signal, format, timeZone) : Promise.reject(e))) : first;
}

function shared(src: string, signal: AbortSignal | undefined, format: ProgrammeFormat, timeZone?: string): Promise<ProgrammeIndex> {
  const url = absoluteUrl(src);
  const key = `${url}|${format}|${timeZone}`;
  let entry = entries.get(key);
  if (!entry) {
    const controller = new AbortController();
    const created: Entry = {
      controller,
      waiting: 0,
      settled: false,
      promise: fetchProgramme(url, controller.signal, format, timeZone).then(
        (index) => {
          created.settled = true;
          loads.dispatchEvent(new CustomEvent('loaded', { detail: url }));
          return index;
        },
        (error) => {
          created.settled = true;
          if (entries.get(key) === created) entries.delete(key);
          throw error;
        },
      ),
    };
    created.promise.catch(() => {}); // a caller may have gone; do not report it as unhandled
    entries.set(key, created);
    entry = created;
  }
  if (!signal) return entry.promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  const shared = entry;
  shared.waiting++;
  return new Promise<ProgrammeIndex>((resolve, reject) => {
    const onAbort = () => {
      reject(signal.reason);
      if (--shared.waiting === 0 && !shared.settled) {
        shared.controller.abort();
        if (entries.get(key) === shared) entries.delete(key);
      }
    };
    signal.addEventListener('abort', onAbort, { once: true });
    shared.promise.then(
      (v) => (signal.removeEventListener('abort', onAbort), shared.waiting--, resolve(v)),
      (e) => (signal.removeEventListener('abort', onAbort), shared.waiting--, reject(e)),
    );
  });
}

/** Forgets every loaded programme (for tests, and for hosts that replace the data behind a URL). */
export function clearProgrammeCache(): void {
  entries.clear();
}
