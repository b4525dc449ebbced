/**
 * How does the iframe embed page (embed.html) put its one element on the page, tell its parent
 * how tall it is, and send a signed-out reader to sign in?
 *
 * - `mountEmbed` builds what src/embed/attributes.ts decided, with createElement, setAttribute and
 *   textContent only (never HTML), or a message (text, role=alert) when there is nothing to show.
 * - `postHeights` posts `{ type: 'programme-elements:height', height }` to the parent whenever the
 *   page's height changes, at most once per animation frame. It is the only message the page
 *   sends: nothing of the programme or of the reader's schedule leaves the frame.
 * - `openSignInOnTop` opens the sign-in page of an HTTP schedule in a new top-level window rather
 *   than in the frame (docs/embed.md says why).
 */
import type { LoginRequestDetail } from '../events.js';
import { readEmbedParams, type EmbedPlan } from './attributes.js';

/** The type of the one message the embed page sends its parent. */
export const HEIGHT_MESSAGE = 'programme-elements:height';

/** Translations shipped beside the self-contained file, by primary language (`dist/locales/`). */
const TRANSLATIONS: Record<string, string> = { de: 'locales/de.min.js' };

/**
 * The page's own few rules: a background of its own (a transparent frame would put its dark text
 * on whatever the host page is), no margin (the frame is exactly the content), room for focus
 * rings at its edges.
 */
const PAGE_CSS = `html { font: 100%/1.45 system-ui, sans-serif; background: Canvas; color: CanvasText; }
body { margin: 0; }
main { padding: 4px; }
.embed-problem { margin: 0; padding: 0.75rem 1rem; border: 2px solid #b3261e; border-radius: 0.375rem; overflow-wrap: anywhere; }
`;

/**
 * Shows what the query `search` asks for in `doc`'s `<main>` (replacing what it held): the
 * element, or the message saying why there is none. Parameters left out are listed once in the
 * console. Resolves to the element, or null when the message is shown instead.
 */
export async function mountEmbed(search: string, doc: Document = document): Promise<Element | null> {
  const plan = readEmbedParams(new URLSearchParams(search));
  report(plan);
  if (plan.lang) doc.documentElement.lang = plan.lang;
  const container = doc.querySelector('main') ?? doc.body;

  if (!plan.element) {
    const message = doc.createElement('p');
    message.setAttribute('role', 'alert');
    message.className = 'embed-problem';
    message.textContent = plan.problem ?? 'Nothing to show.';
    container.replaceChildren(message);
    return null;
  }

  // A translation registers its words when it runs: it has to come before the element's first render.
  if (plan.lang) await loadTranslation(plan.lang, doc);
  const element = doc.createElement(plan.element);
  for (const [name, value] of plan.attributes) element.setAttribute(name, value);
  // Through the CSSOM (the page's policy allows no style attribute from markup).
  for (const [token, colour] of plan.colours) (element as HTMLElement).style.setProperty(token, colour);
  container.replaceChildren(element);
  return element;
}

/** The parameters left out, in one console line (names are cut short; values are never echoed). */
function report(plan: EmbedPlan) {
  if (!plan.ignored.length) return;
  const list = plan.ignored.map(({ name, reason }) => `${name} (${reason})`).join('; ');
  console.warn(
    `programme-elements embed: ${plan.ignored.length === 1 ? 'one query parameter was' : `${plan.ignored.length} query parameters were`} left out: ${list}`,
  );
}

/** Loads the translation for `lang`, when one ships, from beside the self-contained file the page loads. */
async function loadTranslation(lang: string, doc: Document) {
  const file = TRANSLATIONS[lang.split('-')[0].toLowerCase()];
  const library = doc.querySelector<HTMLScriptElement>('script[src$="programme-elements.min.js"]');
  if (!file || !library) return;
  try {
    await import(/* @vite-ignore */ new URL(file, library.src).href);
  } catch (error) {
    console.warn(`programme-elements embed: the translation for ${lang} could not be loaded; the page stays in English.`, error);
  }
}

/** Gives `doc` the page's own rules, as a constructed style sheet (which `style-src 'self'` allows). */
export function stylePage(doc: Document = document): void {
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  if (!win) return;
  const sheet = new win.CSSStyleSheet();
  sheet.replaceSync(PAGE_CSS);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}

/**
 * Posts the page's height to its parent frame each time it changes: observed on the root element,
 * measured once per animation frame, sent only when the whole number of pixels differs from the
 * last one sent. The height is the root's own box (not `scrollHeight`, which is never less than
 * the frame's), so the frame can shrink as well as grow. Does nothing in a top-level window.
 * Returns a function that stops it.
 */
export function postHeights(doc: Document = document): () => void {
  const win = doc.defaultView;
  const parent = win?.parent;
  if (!win || !parent || parent === win) return () => {};
  let last = -1;
  let frame = 0;
  const send = () => {
    frame = 0;
    const height = Math.ceil(doc.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    parent.postMessage({ type: HEIGHT_MESSAGE, height }, '*');
  };
  const observer = new ResizeObserver(() => {
    frame ||= win.requestAnimationFrame(send);
  });
  observer.observe(doc.documentElement);
  return () => {
    observer.disconnect();
    if (frame) win.cancelAnimationFrame(frame);
  };
}

/**
 * A signed-out press of a star whose schedule has a sign-in page (`login-url`) opens that page in
 * a new top-level window, not in the frame: sign-in pages refuse to be framed, and a sign-in
 * inside a third-party frame would set cookies that the browser partitions or blocks. `{return}`
 * becomes this page's address with the item as its hash, as the star does outside a frame. When
 * the window cannot be opened (a sandbox without allow-popups), the star's own way is left to run.
 */
export function openSignInOnTop(doc: Document = document): void {
  doc.addEventListener('programme-login-request', (event) => {
    const { login, itemId }: Partial<LoginRequestDetail> = event.detail ?? {};
    if (typeof login !== 'string') return;
    const back = new URL(doc.location.href);
    back.hash = encodeURIComponent(itemId ?? '');
    const opened = doc.defaultView?.open(login.replace('{return}', encodeURIComponent(back.href)), '_blank');
    if (!opened) return;
    opened.opener = null;
    event.preventDefault();
  });
}
