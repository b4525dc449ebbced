/**
 * What the embed builder hands a web editor to paste: the same choice (an element, its attributes,
 * two or three theme colours) written as a script tag with the element, as an iframe of the embed
 * page with its one host script, or as the programme rendered to static HTML. Pure string work:
 * every value is escaped for the attribute or text it lands in.
 */

import { COLOUR_TOKENS, cssColour, type ColourName } from '../embed/colours.js';

/** The elements a builder can make, and their attributes as a web editor sets them. */
export type BuilderElement = 'panel-card' | 'session-list' | 'abstract-view' | 'star-toggle';

export interface EmbedChoice {
  element: BuilderElement;
  /** The programme's URL (absolute). */
  src: string;
  /** The element's attributes besides `src` (panel-id, day, theme, time-zone…), only those set. */
  attributes: Record<string, string>;
  /** The page's language for the element (`lang` on a wrapper), when not the page's own. */
  lang?: string;
  /** Theme tokens: `--programme-accent` and friends, CSS colours. */
  colours: Partial<Record<ColourName, string>>;
  /** Where the package's files are served: the folder holding programme-elements.min.js, lazy/ and embed.html. */
  filesUrl: string;
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export { cssColour };

/** `--programme-accent: #7a0019; …` for the colours chosen. */
export function tokenDeclarations(colours: EmbedChoice['colours']): string {
  return (Object.keys(COLOUR_TOKENS) as ColourName[])
    .map((key) => [COLOUR_TOKENS[key], cssColour(colours[key])] as const)
    .filter(([, value]) => value)
    .map(([token, value]) => `${token}: ${value};`)
    .join(' ');
}

/** The folder URL with one trailing slash. */
const folder = (url: string) => url.replace(/\/*$/, '/');

/** The element's start tag with its attributes, `src` first. */
function startTag(choice: EmbedChoice): string {
  const attributes = [['src', choice.src], ...Object.entries(choice.attributes)].filter(([, v]) => v !== '');
  const style = tokenDeclarations(choice.colours);
  const all = [...attributes, ...(style ? [['style', style]] : []), ...(choice.lang ? [['lang', choice.lang]] : [])];
  return `<${choice.element}${all.map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`).join('')}>`;
}

/** A script tag and the element: for pages that allow scripts. */
export function scriptSnippet(choice: EmbedChoice): string {
  return `<script type="module" src="${escapeAttribute(`${folder(choice.filesUrl)}programme-elements.min.js`)}"></script>
${startTag(choice)}</${choice.element}>`;
}

/** The embed page's address for this choice: every attribute a query parameter. */
export function embedUrl(choice: EmbedChoice): string {
  const url = new URL(`${folder(choice.filesUrl)}embed.html`);
  url.searchParams.set('element', choice.element);
  url.searchParams.set('src', choice.src);
  for (const [name, value] of Object.entries(choice.attributes)) if (value !== '') url.searchParams.set(name, value);
  if (choice.lang) url.searchParams.set('lang', choice.lang);
  for (const [name, value] of Object.entries(choice.colours)) if (cssColour(value)) url.searchParams.set(name, cssColour(value)!);
  return url.href;
}

/** An iframe of the embed page, titled, and the one host script that sizes it to its content. */
export function iframeSnippet(choice: EmbedChoice, title: string): string {
  return `<iframe src="${escapeAttribute(embedUrl(choice))}" title="${escapeAttribute(title)}" data-programme-embed style="width: 100%; border: 0; min-height: 20rem" loading="lazy"></iframe>
<script src="${escapeAttribute(`${folder(choice.filesUrl)}embed-host.js`)}" async></script>`;
}
