import { html } from 'lit';

/** Splits plain text into paragraphs at blank lines; single line breaks stay as line breaks. */
export function splitParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** Plain text as `<p>` elements. Text only: nothing in it is ever read as HTML. */
export function paragraphs(text: string) {
  return splitParagraphs(text).map((p) => html`<p>${p}</p>`);
}
