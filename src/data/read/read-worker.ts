/**
 * The reader's Worker: reads a big programme's body off the page's thread (readBody, the same code
 * the page runs for small ones) and sends the programme back in parts, so that no single task on
 * the page has to take in the whole of it.
 *
 * Messages: it says `{ type: 'ready' }` once it runs; it takes one ReadRequest; it answers
 * `{ type: 'result', result, panels, warnings }`, where the programme comes without its panels,
 * then `{ type: 'panels', panels }` until `panels` of them have been sent; or
 * `{ type: 'failure', failure, warnings }`, a ProgrammeLoadError's fields. `{ type: 'broken',
 * message, body }` means the Worker itself failed: it gives the body back and the page reads it.
 */
import { ProgrammeLoadError } from '../load-error.js';
import type { Panel } from '../types.js';
import { readBody, type ReadRequest } from './read-body.js';

/** About this many bytes of the body per message, so that the page takes each in a few milliseconds. */
const PART_BYTES = 512 * 1024;

const scope = globalThis as unknown as {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<ReadRequest>) => void) | null;
};

/** A Worker has no DOMParser: XML is read with @xmldom/xmldom, loaded only for a body that begins like XML. */
async function parserFor(body: ArrayBuffer): Promise<typeof DOMParser | undefined> {
  if (globalThis.DOMParser) return globalThis.DOMParser;
  const start = new TextDecoder()
    .decode(body.slice(0, 64))
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (!start.startsWith('<')) return undefined;
  const xmldom = await import('@xmldom/xmldom');
  return xmldom.DOMParser as unknown as typeof DOMParser;
}

scope.onmessage = async ({ data: request }) => {
  const warnings: string[] = [];
  const warn = (message: string) => void warnings.push(message);
  try {
    const result = await readBody(request, { DOMParser: await parserFor(request.body), warn });
    const panels: Panel[] = result.programme.panels;
    scope.postMessage({ type: 'result', result: { ...result, programme: { ...result.programme, panels: [] } }, panels: panels.length, warnings });
    const size = Math.max(1, Math.floor((PART_BYTES * panels.length) / Math.max(1, request.body.byteLength)));
    for (let i = 0; i < panels.length; i += size) scope.postMessage({ type: 'panels', panels: panels.slice(i, i + size) });
  } catch (e) {
    if (e instanceof ProgrammeLoadError) {
      const { kind, message, problems } = e;
      scope.postMessage({ type: 'failure', failure: { kind, message, problems, reason: (e as { reason?: string }).reason }, warnings });
    } else {
      // The body goes back, so that the page can read it itself.
      scope.postMessage({ type: 'broken', message: (e as Error)?.message ?? String(e), body: request.body }, [request.body]);
    }
  }
};

scope.postMessage({ type: 'ready' });
