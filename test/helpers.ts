import { waitUntil } from '@open-wc/testing';

let counter = 0;

/** A URL for a programme the test server serves, unique to the caller so requests can be counted. */
export function programmeUrl(name: string, query: Record<string, string | number> = {}): string {
  const params = new URLSearchParams({ t: `${Date.now()}-${++counter}`, ...Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])) });
  return `/programmes/${name}.json?${params}`;
}

/** How many times the test server has been asked for exactly this path and query. */
export async function hits(url: string): Promise<number> {
  const response = await fetch(`/hits?key=${encodeURIComponent(url)}`);
  return (await response.json()).count;
}

/** All the text a reader would see in an element, looking through nested shadow roots. */
export function visibleText(node: Node): string {
  const parts: string[] = [];
  const walk = (n: Node) => {
    if (n instanceof Element && n.shadowRoot) walk(n.shadowRoot);
    if (n.nodeType === Node.TEXT_NODE) parts.push(n.textContent ?? '');
    if (n instanceof HTMLSlotElement) n.assignedNodes({ flatten: true }).forEach(walk);
    if (n instanceof HTMLStyleElement) return;
    n.childNodes.forEach(walk);
  };
  walk(node);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** Waits until the element's shadow root holds text other than the loading line. */
export async function settled(el: HTMLElement, message = 'element never finished loading'): Promise<void> {
  await waitUntil(() => el.shadowRoot && !el.shadowRoot.querySelector('[part="status"]') && el.shadowRoot.childElementCount > 0, message, { timeout: 5000 });
}

/** Collects the events of one name fired on a target. */
export function record<T = unknown>(target: EventTarget, name: string): CustomEvent<T>[] {
  const seen: CustomEvent<T>[] = [];
  target.addEventListener(name, (e) => seen.push(e as CustomEvent<T>));
  return seen;
}

/**
 * Collects what would reach the console as uncaught errors and rejections, test by test, in the
 * `describe` that calls it: `const uncaught = watchUncaught(); … expect(uncaught.errors).to.deep.equal([])`.
 */
export function watchUncaught(): { errors: string[] } {
  const watched = { errors: [] as string[] };
  const onError = (e: ErrorEvent) => watched.errors.push(`error: ${e.message}`);
  const onRejection = (e: PromiseRejectionEvent) => watched.errors.push(`unhandledrejection: ${e.reason?.stack ?? e.reason}`);
  before(() => {
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
  });
  after(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  });
  beforeEach(() => (watched.errors = []));
  return watched;
}
