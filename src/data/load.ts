import type { ProgrammeFormat } from './importers/index.js';
import { ProgrammeLoadError } from './load-error.js';
import { ProgrammeIndex } from './programme-index.js';
import { readBody, type ReadRequest, type ReadResult } from './read/read-body.js';

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
 * retry). A body of `workerFrom` bytes or more (default 128 KiB) is read in a Worker, so that the
 * page stays responsive while megabytes are parsed; `Infinity` reads every body on the page. A
 * host, or a test, may change them before elements load.
 */
export const loadSettings = { timeoutMs: 30_000, workerFrom: 128 * 1024 };

/**
 * The body read in a Worker when it is big (off-thread.ts, loaded only then), else on the page,
 * pausing between the steps; on the page too where no Worker can start. A body the server says is
 * big (`content-length`) has its Worker started while it downloads.
 */
async function read(body: Promise<ArrayBuffer>, declared: number, meta: Omit<ReadRequest, 'body'>, signal: AbortSignal): Promise<ReadResult> {
  const offThread = (request: ReadRequest | Promise<ReadRequest>) =>
    import('./read/off-thread.js').then(
      (m) => m.readOffThread(request, signal),
      () => undefined,
    );
  const request = body.then((bytes) => ({ ...meta, body: bytes }));
  const early = declared >= loadSettings.workerFrom ? offThread(request) : undefined;
  early?.catch(() => {}); // when the body fails, that is said below
  const { body: bytes } = await request;
  const answer = await (early ?? (bytes.byteLength && bytes.byteLength >= loadSettings.workerFrom ? offThread(request) : undefined));
  return answer ?? readBody(await request, { pause: yieldToPage });
}

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
  const body = response.arrayBuffer().catch((e) => Promise.reject(unreachable(e)));
  const declared = Number(response.headers.get('content-length'));
  const { programme, origin } = await read(body, declared, { url, status: response.status, format, timeZone }, signal);
  await yieldToPage();
  const index = new ProgrammeIndex(programme, origin);
  await yieldToPage();
  return index;
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
