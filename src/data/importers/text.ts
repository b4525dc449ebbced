/**
 * Turns the rich text of other systems (HTML fragments, Markdown, CRLF line ends) into the plain
 * text the programme format holds: paragraphs separated by a blank line, no markup. Nothing is
 * ever parsed as HTML by the browser: tags are removed by pattern, entities decoded from a table.
 */

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  shy: '',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  bull: '•',
  middot: '·',
  times: '×',
  deg: '°',
  lsquo: '‘',
  rsquo: '’',
  sbquo: '‚',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  laquo: '«',
  raquo: '»',
  auml: 'ä',
  ouml: 'ö',
  uuml: 'ü',
  Auml: 'Ä',
  Ouml: 'Ö',
  Uuml: 'Ü',
  szlig: 'ß',
  aacute: 'á',
  agrave: 'à',
  acirc: 'â',
  eacute: 'é',
  egrave: 'è',
  ecirc: 'ê',
  iacute: 'í',
  oacute: 'ó',
  uacute: 'ú',
  ccedil: 'ç',
  ntilde: 'ñ',
  oslash: 'ø',
  aring: 'å',
  aelig: 'æ',
  copy: '©',
  reg: '®',
  trade: '™',
  euro: '€',
  pound: '£',
  sect: '§',
  para: '¶',
};

/** Decodes `&amp;`, `&#8211;`, `&#x2013;` and the common named entities; unknown names stay as written. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#\d{1,7}|#x[\da-f]{1,6}|[a-z][a-z\d]{1,31});/gi, (whole, e: string) => {
    if (e[0] !== '#') return NAMED[e] ?? whole;
    const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : '\ufffd';
  });
}

/** Something that is surely a tag: `<p>`, `</a>`, `<br/>`, `<a href="…">`; not `a < b` nor `<mail@x.org>`. */
const TAG = /<\/?[a-z][a-z\d-]*(?:\s[^<>]*)?\/?>/gi;
const LOOKS_LIKE_HTML = new RegExp(TAG.source, 'i');
const BLOCK = 'p|div|h[1-6]|ul|ol|blockquote|pre|table|section|article|header|footer|figure|hr';

const isHttp = (href: string) => /^https?:\/\//i.test(href);
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

function htmlToText(s: string): string {
  return (
    s
      // Each of these stops at the next opening of its kind, so unclosed ones cost a scan each, not the rest of the text.
      .replace(/<!--(?:(?!<!--)[\s\S])*?-->/g, '')
      .replace(/<(script|style|template)\b[^>]*>(?:(?!<\1\b)[\s\S])*?<\/\1\s*>/gi, '')
      .replace(/<a\b[^>]*?\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>((?:(?!<a\b)[\s\S])*?)<\/a\s*>/gi, (_, h1, h2, h3, inner: string) => {
        const href = decodeEntities(h1 ?? h2 ?? h3 ?? '').trim();
        const label = squash(decodeEntities(inner.replace(TAG, '')));
        return isHttp(href) && label !== href && label !== href.replace(/^https?:\/\//i, '') ? `${inner} (${href})` : inner;
      })
      .replace(/<\/?br\s*\/?>/gi, '\n')
      .replace(/<\/li\s*>\s*/gi, '')
      .replace(/\s*<li\b[^>]*>\s*/gi, '\n- ')
      .replace(/<\/tr\s*>/gi, '\n')
      .replace(new RegExp(`</?(?:${BLOCK})\\b[^>]*>`, 'gi'), '\n\n')
      .replace(TAG, '')
  );
}

function markdownToText(s: string): string {
  return (
    s
      .split('\n')
      .map(
        (line) =>
          // A "line" of thousands of characters is prose, not a heading or a rule.
          line.length > 4000
            ? line
            : line
                .replace(/^\s{0,3}(`{3,}|~{3,}).*$/, '') // code fences
                .replace(/^\s{0,3}([-*_])(\s*\1){2,}\s*$/, '') // horizontal rules
                .replace(/^\s{0,3}#{1,6}\s+(.*?)(\s+#+)?\s*$/, '$1') // headings
                .replace(/^\s{0,3}>\s?/, '') // block quotes
                .replace(/^(\s*)[*+]\s+/, '$1- '), // bullets
      )
      .join('\n')
      .replace(/!\[([^\][\n]*)\]\([^)\s]*(?:\s+"[^"\n]*")?\)/g, '$1') // images: their alt text
      .replace(/\[([^\][\n]+)\]\(([^)\s]+)(?:\s+"[^"\n]*")?\)/g, (_, label: string, url: string) =>
        label === url || !isHttp(url) ? label : `${label} (${url})`,
      )
      .replace(/<(https?:\/\/[^\s<>]+)>/gi, '$1') // autolinks
      // strong: what is inside holds no marker of its own kind, so a scan ends at the next one
      .replace(/\*\*(?=\S)((?:[^*\n]|\*(?!\*))*?\S)\*\*/g, '$1')
      .replace(/__(?=\S)((?:[^_\n]|_(?!_))*?\S)__/g, '$1')
      .replace(/(^|[\s(["'])\*(?=\S)([^*\n]*?\S)\*(?=$|[\s.,;:!?)\]"'])/gm, '$1$2') // *emphasis*
      .replace(/(^|[\s(["'])_(?=\S)([^_\n]*?\S)_(?=$|[\s.,;:!?)\]"'])/gm, '$1$2') // _emphasis_
      .replace(/`([^`\n]+)`/g, '$1') // code spans
      .replace(/\\([\\`*_{}[\]()#+\-.!>])/g, '$1')
  ); // escapes
}

/**
 * Plain text from a description written in HTML, Markdown or plain text: tags removed (links keep
 * their address in parentheses), entities decoded, Markdown markers dropped, line ends normalised,
 * runs of blank lines reduced to one. Undefined when nothing is left.
 */
export function plainText(input: string | undefined): string | undefined {
  if (!input) return undefined;
  let s = input.replace(/\r\n?/g, '\n');
  if (LOOKS_LIKE_HTML.test(s)) s = htmlToText(s);
  s = decodeEntities(markdownToText(s))
    .replace(/[ \t\f\v]+/g, ' ')
    .replace(/^ +| +$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return s || undefined;
}

/**
 * One description from an abstract and a longer description, either of which may be missing or
 * repeat the other (frab exports often start the description with the abstract).
 */
export function joinAbstract(abstract: string | undefined, description: string | undefined): string | undefined {
  return joinParts([plainText(abstract), plainText(description)]);
}

/** True when `big` says `small` again: whitespace aside, it is the same, starts with it, or has it as a paragraph. */
function repeats(big: string, small: string): boolean {
  const s = squash(small);
  const b = squash(big);
  return b.startsWith(s) || big.split(/\n\s*\n/).some((p) => squash(p) === s);
}

/**
 * One text from parts in order (a subtitle, an abstract, a description), each part that another
 * repeats left out (repeats: a frab subtitle that is also the description, as 31C3's keynote has;
 * a description that starts with the abstract), the longer kept in its own place. Undefined when
 * nothing is left.
 */
export function joinParts(parts: (string | undefined)[]): string | undefined {
  const kept: string[] = [];
  for (const part of parts) {
    if (!part?.trim() || kept.some((k) => repeats(k, part))) continue;
    for (let i = kept.length - 1; i >= 0; i--) if (repeats(part, kept[i])) kept.splice(i, 1);
    kept.push(part);
  }
  return kept.length ? kept.join('\n\n') : undefined;
}
