/**
 * Reading a big programme in a Worker (read-worker.ts), so that parsing megabytes of JSON, XML or
 * iCalendar never holds the page: the page only takes in the programme, a part at a time.
 */
import { ProgrammeLoadError, type LoadFailure } from '../load-error.js';
import type { Panel } from '../types.js';
import type { ValidationProblem } from '../validate.js';
import type { ReadRequest, ReadResult } from './read-body.js';
import { readWorkerUrl } from './worker-url.js';

interface Failure {
  kind: LoadFailure;
  message: string;
  problems: ValidationProblem[];
  reason?: string;
}

type FromWorker =
  | { type: 'ready' }
  | { type: 'result'; result: ReadResult; panels: number; warnings: string[] }
  | { type: 'failure'; failure: Failure; warnings: string[] }
  | { type: 'panels'; panels: Panel[] }
  | { type: 'broken'; message: string; body: ArrayBuffer };

interface TrustedTypes {
  createPolicy(name: string, rules: { createScriptURL(url: string): string }): { createScriptURL(url: string): string };
}

/**
 * False once the page has refused a Worker (its policy forbids them) or its script could not be had
 * (a copy without lazy/): then every body is read on the page, with no more refusals reported.
 */
let allowed = true;

/** Lets the next big body try a Worker again (for tests). */
export const tryWorkersAgain = () => void (allowed = true);

/**
 * A page that enforces Trusted Types takes a Worker's script only as a TrustedScriptURL: this
 * policy, named `programme-elements`, vouches for the one URL it is given, the reader's own
 * script. A page whose policy does not name it refuses it (and reports that once).
 */
let policy: { createScriptURL(url: string): string } | undefined;
const trusted = (url: string): string => {
  const types = (globalThis as { trustedTypes?: TrustedTypes }).trustedTypes;
  policy ??= types?.createPolicy('programme-elements', { createScriptURL: (u) => u }) ?? { createScriptURL: (u) => u };
  return policy.createScriptURL(url);
};

/**
 * A module Worker running the reader. A Worker must come from the page's origin: for a library
 * served from elsewhere (a CDN), a one-line module from a blob imports it. Undefined where no
 * Worker can start (no Worker at all, or a policy that forbids it).
 */
function startWorker(): Worker | undefined {
  if (typeof Worker !== 'function' || !allowed) return undefined;
  const url = readWorkerUrl();
  const options: WorkerOptions = { type: 'module', name: 'programme-elements reader' };
  try {
    const script =
      url.origin === location.origin ? url.href : URL.createObjectURL(new Blob([`import ${JSON.stringify(url.href)};`], { type: 'text/javascript' }));
    return new Worker(trusted(script), options);
  } catch {
    allowed = false;
    return undefined;
  }
}

/**
 * What readBody makes of `request`, read in a Worker; undefined when the Worker could not start or
 * failed (then the caller reads the body itself, so nothing depends on Workers). Between the parts
 * it sends, the page handles input and paints. What was left out is said in the page's console.
 * `request.body` is moved to the Worker only once it runs, and given back when it fails; only a
 * Worker that dies while reading (out of memory, say) keeps it, and then the error says so.
 */
export async function readOffThread(asked: ReadRequest | Promise<ReadRequest>, signal: AbortSignal): Promise<ReadResult | undefined> {
  const answer = await inWorker(asked, signal);
  const request = await asked;
  const size = request.body.byteLength;
  if (answer && 'kind' in answer) {
    const { kind, message, problems, reason } = answer;
    throw Object.assign(new ProgrammeLoadError(kind, message, request.url, request.status, problems), { reason });
  }
  if (answer || size) return answer;
  const message = `The programme at ${request.url} could not be read: the browser stopped reading it, perhaps for want of memory.`;
  throw new ProgrammeLoadError('invalid', message, request.url, request.status);
}

function inWorker(asked: ReadRequest | Promise<ReadRequest>, signal: AbortSignal): Promise<ReadResult | Failure | undefined> {
  const worker = startWorker();
  if (!worker) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    let sent: ReadRequest | undefined;
    let result: ReadResult | undefined;
    let expected = 0;
    const panels: Panel[] = [];
    const stop = () => {
      worker.terminate();
      signal.removeEventListener('abort', onAbort);
    };
    const end = (value?: ReadResult | Failure) => (stop(), resolve(value));
    const onAbort = () => (stop(), reject(signal.reason));
    signal.addEventListener('abort', onAbort, { once: true });
    worker.onerror = (e) => {
      e.preventDefault();
      allowed = false;
      end(undefined);
    };
    worker.onmessageerror = () => end(undefined);
    worker.onmessage = ({ data }: MessageEvent<FromWorker>) => {
      if (data.type === 'ready') {
        // The body may still be on its way: the Worker started while it downloads.
        return void Promise.resolve(asked).then(
          (request) => worker.postMessage((sent = request), [request.body]),
          (e) => (stop(), reject(e)),
        );
      }
      if (data.type === 'broken') {
        if (sent) sent.body = data.body;
        return end(undefined);
      }
      if (data.type === 'panels') for (const panel of data.panels) panels.push(panel);
      else {
        for (const warning of data.warnings) console.warn(`programme-elements: ${warning}`);
        if (data.type === 'failure') return end(data.failure);
        result = data.result;
        expected = data.panels;
      }
      if (result && panels.length === expected) {
        result.programme.panels = panels;
        end(result);
      }
    };
  });
}
