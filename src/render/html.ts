/**
 * How does the static renderer write HTML that is safe, and that WordPress keeps? A tiny builder,
 * `h(tag, attributes, ...children)`: every string child and attribute value is escaped (data is
 * text, never HTML), and only the tags and attributes below can be written, all of them on
 * WordPress's `post` allow-list for an editor without `unfiltered_html` (`$allowedposttags` and
 * `_wp_add_global_attributes()` in wp-includes/kses.php). Framework-free: runs in Node and browsers.
 */

/** The tags the renderer writes: all kept by WordPress's `post` allow-list (`time` is not on it). */
export type Tag = 'article' | 'section' | 'div' | 'p' | 'span' | 'br' | 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6' | 'ul' | 'ol' | 'li' | 'dl' | 'dt' | 'dd' | 'a';

/**
 * Attributes WordPress keeps on every tag (the global ones since WordPress 5.0; `lang` only on the
 * sectioning tags and `p`, `span`, `div` before 6.0) and on links. No `style`: the stylesheet
 * (`--css`) styles the `pe-…` classes instead.
 */
const GLOBAL_ATTRIBUTES = new Set(['class', 'id', 'lang', 'title', 'aria-label', 'aria-labelledby', 'aria-hidden']);
const TAG_ATTRIBUTES: Partial<Record<Tag, Set<string>>> = { a: new Set(['href', 'rel']) };

const BLOCK = new Set<Tag>(['article', 'section', 'div', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd']);
const VOID = new Set<Tag>(['br']);

/** Markup the renderer built itself: the only thing ever inserted without escaping. */
export class Html {
  constructor(
    readonly value: string,
    /** Whether it is a block (ends a line), so that its parent starts one before it. */
    readonly block = false,
  ) {}

  toString(): string {
    return this.value;
  }
}

/** What a tag may hold: text (escaped), markup from `h`, lists of either, or nothing. */
export type Child = string | Html | undefined | null | false | readonly Child[];

/** Attribute values; `undefined` and `false` leave the attribute out. */
export type Attributes = Record<string, string | number | undefined | false>;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** `text` as HTML text or attribute value: `& < > " '` escaped, so nothing in it is read as markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

function attributeAllowed(tag: Tag, name: string): boolean {
  return GLOBAL_ATTRIBUTES.has(name) || /^data-[a-z][a-z0-9-]*$/.test(name) || !!TAG_ATTRIBUTES[tag]?.has(name);
}

/** The attributes as ` name="value"`, escaped; throws for one WordPress would strip (a bug here, not in the data). */
export function attributesHtml(attributes: Attributes, allowed: (name: string) => boolean = () => true): string {
  let out = '';
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (!allowed(name)) throw new Error(`programme-elements: the static HTML may not carry the attribute ${name}`);
    out += ` ${name}="${escapeHtml(String(value))}"`;
  }
  return out;
}

function flatten(children: readonly Child[], out: (string | Html)[] = []): (string | Html)[] {
  for (const child of children) {
    if (child === undefined || child === null || child === false || child === '') continue;
    if (Array.isArray(child)) flatten(child as readonly Child[], out);
    else out.push(child as string | Html);
  }
  return out;
}

/** Children as HTML: text escaped, markup kept. A block child starts on a new line. */
export function childrenHtml(children: readonly Child[]): { html: string; blocks: boolean } {
  // Pieces joined once, and the line's end tracked rather than read back: a list of 5,000 rows
  // would otherwise flatten the growing string at every row.
  const parts: string[] = [];
  let lineEnded = true;
  let blocks = false;
  for (const child of flatten(children)) {
    const value = child instanceof Html ? child.value : escapeHtml(child);
    if (!value) continue;
    if (child instanceof Html && child.block) {
      if (!lineEnded) parts.push('\n');
      blocks = true;
    }
    parts.push(value);
    lineEnded = value.endsWith('\n');
  }
  return { html: parts.join(''), blocks };
}

/**
 * One element: `h('p', { class: 'pe-note' }, text)`. Blocks end their line, and a block holding
 * blocks puts them on lines of their own; inline content stays on one line (WordPress's classic
 * editor turns a blank line into a paragraph, so none is ever written).
 */
export function h(tag: Tag, attributes: Attributes = {}, ...children: Child[]): Html {
  const open = `<${tag}${attributesHtml(attributes, (name) => attributeAllowed(tag, name))}>`;
  if (VOID.has(tag)) return new Html(open);
  const inner = childrenHtml(children);
  const block = BLOCK.has(tag);
  const body = inner.blocks ? `\n${inner.html}${inner.html.endsWith('\n') ? '' : '\n'}` : inner.html;
  return new Html(`${open}${body}</${tag}>${block ? '\n' : ''}`, block);
}

/**
 * Plain text as paragraphs, as the elements show it (elements/shared/paragraphs.ts, whose rule
 * this is): a blank line starts a paragraph, a single line break stays one (`<br>`, where the
 * elements use `white-space: pre-line`).
 */
export function paragraphs(text: string, attributes: Attributes = {}): Html[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) =>
      h(
        'p',
        attributes,
        p.split('\n').map((line, i) => (i ? [h('br'), line] : line)),
      ),
    );
}

/** A heading of level 1–6 (clamped). */
export function heading(level: number, attributes: Attributes, ...children: Child[]): Html {
  const n = Math.min(Math.max(Math.round(level) || 2, 1), 6);
  return h(`h${n}` as Tag, attributes, ...children);
}
