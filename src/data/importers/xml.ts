/**
 * Parsing XML from other systems safely, with the browser's DOMParser or, in Node, with
 * `@xmldom/xmldom`'s. Nothing is ever fetched and no entity is ever expanded beyond the five that
 * XML predefines: a document whose DOCTYPE declares entities or names an external DTD is refused
 * before any parser sees it. Only DOM calls both parsers have are used here and by the importers
 * (getElementsByTagName, childNodes, textContent, getAttribute, nodeType).
 */

/** What xmldom's DOMParser accepts as options (the browser's ignores any argument). */
interface XmldomOptions {
  onError?: (level: 'warning' | 'error' | 'fatalError', message: string, context?: { locator?: Locator }) => void;
}

interface Locator {
  lineNumber?: number;
  columnNumber?: number;
}

interface XmlProblem {
  message: string;
  line?: number;
  column?: number;
}

const ELEMENT_NODE = 1;
const XHTML = 'http://www.w3.org/1999/xhtml';
const MOZILLA_PARSER_ERROR = 'http://www.mozilla.org/newlayout/xml/parsererror.xml';

const position = (line?: number, column?: number) => (line && line > 0 ? ` (line ${line}${column && column > 0 ? `, column ${column}` : ''})` : '');

function notWellFormed(problem: XmlProblem): Error {
  const reason = problem.message.replace(/\s+/g, ' ').trim();
  const stop = /[.!?]$/.test(reason) ? '' : '.';
  return new Error(`This document is not well-formed XML${position(problem.line, problem.column)}${reason ? `: ${reason}${stop}` : '.'}`);
}

/** The line (1-based) of `index` in `text`. */
function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * The end (index just past `>`) of the DOCTYPE declaration that starts at `from`, skipping quoted
 * strings, comments, processing instructions and the internal subset in brackets; the text's
 * length when it never ends.
 */
function doctypeEnd(text: string, from: number): number {
  let depth = 0;
  for (let i = from + 2; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      const close = text.indexOf(c, i + 1);
      if (close === -1) return text.length;
      i = close;
    } else if (c === '<' && text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i + 4);
      if (close === -1) return text.length;
      i = close + 2;
    } else if (c === '<' && text[i + 1] === '?') {
      const close = text.indexOf('?>', i + 2);
      if (close === -1) return text.length;
      i = close + 1;
    } else if (c === '[') depth++;
    else if (c === ']') depth = Math.max(0, depth - 1);
    else if (c === '>' && depth === 0) return i + 1;
  }
  return text.length;
}

/** Whether `word` occurs in `s` as a whole word (letters around it do not count), case-insensitively. */
function hasWord(s: string, word: string): boolean {
  const upper = s.toUpperCase();
  const isLetter = (ch: string | undefined) => !!ch && /[A-Z0-9_.:-]/.test(ch);
  for (let i = upper.indexOf(word); i !== -1; i = upper.indexOf(word, i + 1)) {
    if (!isLetter(upper[i - 1]) && !isLetter(upper[i + word.length])) return true;
  }
  return false;
}

const entitiesRefused = (line: number) =>
  new Error(
    `This XML document declares entities in its DOCTYPE (line ${line}). Documents that declare entities are refused, ` +
      'so that nothing is expanded or fetched; a programme export never needs them.',
  );

/**
 * Throws when the document has a DOCTYPE that declares entities (`<!ENTITY`, which is how
 * entity-expansion bombs and external entities are made) or names an external DTD (SYSTEM or
 * PUBLIC). One pass over the text: comments, CDATA sections and processing instructions are
 * skipped whole, so `<!ENTITY` written inside a talk's CDATA description does not count.
 */
function refuseDangerousDoctype(text: string): void {
  for (let i = text.indexOf('<'); i !== -1; i = text.indexOf('<', i + 1)) {
    const next = text[i + 1];
    if (next === '?') {
      const close = text.indexOf('?>', i + 2);
      if (close === -1) return;
      i = close + 1;
    } else if (next === '!') {
      if (text.startsWith('<!--', i)) {
        const close = text.indexOf('-->', i + 4);
        if (close === -1) return;
        i = close + 2;
      } else if (text.startsWith('<![CDATA[', i)) {
        const close = text.indexOf(']]>', i + 9);
        if (close === -1) return;
        i = close + 2;
      } else if (text.slice(i + 2, i + 8).toUpperCase() === 'ENTITY') {
        // Outside any DOCTYPE this is not well-formed, but no parser gets the chance to think otherwise.
        throw entitiesRefused(lineOf(text, i));
      } else if (text.slice(i + 2, i + 9).toUpperCase() === 'DOCTYPE') {
        const end = doctypeEnd(text, i);
        const doctype = text.slice(i, end);
        const bracket = doctype.indexOf('[');
        const head = bracket === -1 ? doctype : doctype.slice(0, bracket);
        if (doctype.toUpperCase().includes('<!ENTITY')) throw entitiesRefused(lineOf(text, i));
        if (hasWord(head, 'SYSTEM') || hasWord(head, 'PUBLIC')) {
          throw new Error(
            `This XML document's DOCTYPE refers to an external DTD (SYSTEM or PUBLIC) (line ${lineOf(text, i)}). External references are never fetched, ` +
              'so the document is refused; a programme export never needs one.',
          );
        }
        i = end - 1;
      }
    }
  }
}

/**
 * What a `<parsererror>` says: Blink and WebKit write "error on line 3 at column 14: reason" in its
 * first `<div>`; Firefox writes "XML Parsing Error: reason", the location, then "Line Number 3, Column 14:".
 */
function problemOf(error: Element): XmlProblem {
  const div = error.getElementsByTagName('div').item(0);
  const s = (div ?? error).textContent ?? '';
  const m = /line(?: number)? (\d{1,9})(?:,| at) column (\d{1,9}):?/i.exec(s);
  const newline = s.indexOf('\n');
  const firstLine = (newline === -1 ? s : s.slice(0, newline)).replace(/^\s*XML Parsing Error:\s*/i, '');
  if (!m) return { message: firstLine.trim().slice(0, 300) };
  const rest = s.slice(m.index + m[0].length);
  const end = rest.indexOf('\n');
  const reason = error.namespaceURI === MOZILLA_PARSER_ERROR ? firstLine : end === -1 ? rest : rest.slice(0, end);
  return { message: reason.trim().slice(0, 300), line: Number(m[1]), column: Number(m[2]) };
}

/** Blink and WebKit put a `<parsererror>` (XHTML) inside the result; Firefox makes it the root. */
function parserErrorOf(doc: Document): Element | undefined {
  const found = doc.getElementsByTagName('parsererror');
  for (let i = 0; i < found.length; i++) {
    const el = found.item(i);
    if (el && el.nodeType === ELEMENT_NODE && (el.namespaceURI === XHTML || el.namespaceURI === MOZILLA_PARSER_ERROR)) return el;
  }
  return undefined;
}

/**
 * The DOM of an XML document given as text. Refuses, with an Error saying why, a document whose
 * DOCTYPE declares entities or names an external DTD (checked on the text first, in linear time,
 * so entity bombs never reach the parser), and a document that is not well-formed (the message
 * names the line and column when the parser tells them). Works with the browser's DOMParser and
 * with `@xmldom/xmldom`'s, passed as `Parser`; xmldom's warnings (unquoted attributes and the
 * like, which it repairs) are not errors.
 */
export function parseXml(text: string, Parser: typeof DOMParser = globalThis.DOMParser): Document {
  if (typeof text !== 'string') throw new TypeError('parseXml expects the document as a string.');
  if (!Parser) throw new Error('There is no XML parser here: pass a DOMParser (in Node, the one from @xmldom/xmldom).');
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  refuseDangerousDoctype(source);

  let first: XmlProblem | undefined;
  const options: XmldomOptions = {
    onError: (level, message, context) => {
      if (level === 'warning') return;
      const locator = context?.locator;
      first ??= { message, line: locator?.lineNumber, column: locator?.columnNumber };
      throw new Error(message);
    },
  };
  let doc: Document;
  try {
    // The browser's constructor takes no arguments and ignores this one; xmldom's reads its onError.
    const parser = new (Parser as unknown as new (options: XmldomOptions) => DOMParser)(options);
    doc = parser.parseFromString(source, 'application/xml');
  } catch (e) {
    const thrown = e as { message?: unknown; locator?: Locator };
    throw notWellFormed(
      first ?? {
        message: typeof thrown?.message === 'string' ? thrown.message : String(e),
        line: thrown?.locator?.lineNumber,
        column: thrown?.locator?.columnNumber,
      },
    );
  }
  if (first) throw notWellFormed(first);
  const error = parserErrorOf(doc);
  if (error) throw notWellFormed(problemOf(error));
  if (!doc.documentElement) throw notWellFormed({ message: 'it has no root element' });
  return doc;
}
