/**
 * How does a static copy become the element where the script loads? It goes inside the element's
 * own tag, with the element's attributes: `<panel-card panel-id="P021" src="…">…</panel-card>`.
 * Until the script defines the tag (or where it never does) the browser shows the static copy;
 * once it does, the element's shadow root, which has no slot for it, is shown instead, and the
 * copy is neither drawn nor in the accessibility tree.
 */
import { attributesHtml, escapeHtml, type Attributes, type Html } from './html.js';

/** The elements a static copy can stand in for. */
export type StaticElement = 'panel-card' | 'session-list' | 'abstract-view';

const ATTRIBUTE = /^[a-z][a-z0-9-]*$/;

/**
 * `inner` inside `<tag …attributes>`. Not for pages that filter HTML (WordPress strips unknown
 * tags, keeping the static copy): for pages that load the script.
 */
export function enhanced(tag: StaticElement, attributes: Attributes, inner: Html): string {
  return `<${tag}${attributesHtml(attributes, (name) => ATTRIBUTE.test(name))}>\n${inner.value}</${escapeHtml(tag)}>\n`;
}
