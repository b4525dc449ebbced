import { ProgrammeLoadError } from './load-error.js';
import { ProgrammeIndex } from './programme-index.js';
import { validateProgramme } from './validate.js';

interface Entry {
  promise: Promise<ProgrammeIndex>;
  controller: AbortController;
  waiting: number;
  settled: boolean;
}

/** One entry per absolute URL: every element on the page that names it shares one fetch and one parse. */
const entries = new Map<string, Entry>();

/** Resolves `src` against the page, as the browser would for a link. */
export function absoluteUrl(src: string): string {
  return new URL(src, document.baseURI).href;
}

async function fetchProgramme(url: string, signal: AbortSignal): Promise<ProgrammeIndex> {
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { accept: 'application/json' } });
  } catch (e) {
    if (signal.aborted) throw e;
    throw new ProgrammeLoadError('network', `The programme at ${url} could not be reached (${(e as Error).message}).`, url);
  }
  if (!response.ok) {
    throw new ProgrammeLoadError('http', `The programme at ${url} answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`, url, response.status);
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ProgrammeLoadError('not-json', `The programme at ${url} is not JSON (${(e as Error).message}).`, url, response.status);
  }
  const result = validateProgramme(json);
  if (!result.ok) {
    const list = result.problems.map((p) => `${p.path}: ${p.message}`).join('; ');
    throw new ProgrammeLoadError('invalid', `The programme at ${url} is not a valid programme: ${list}`, url, response.status, result.problems);
  }
  return new ProgrammeIndex(result.programme);
}

/**
 * Loads, validates and indexes the programme at `src`. Callers asking for the same URL share
 * one request; the request is aborted only when every caller waiting for it has aborted.
 * A failed load is forgotten, so the next call tries again; a successful one is kept for the page.
 */
export function loadProgramme(src: string, signal?: AbortSignal): Promise<ProgrammeIndex> {
  const url = absoluteUrl(src);
  let entry = entries.get(url);
  if (!entry) {
    const controller = new AbortController();
    const created: Entry = {
      controller,
      waiting: 0,
      settled: false,
      promise: fetchProgramme(url, controller.signal).then(
        (index) => ((created.settled = true), index),
        (error) => {
          created.settled = true;
          if (entries.get(url) === created) entries.delete(url);
          throw error;
        },
      ),
    };
    created.promise.catch(() => {}); // a caller may have gone; do not report it as unhandled
    entries.set(url, created);
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
        if (entries.get(url) === shared) entries.delete(url);
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
