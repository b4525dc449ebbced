/**
 * Which query parameters of the iframe embed (embed.html) become attributes, and of which element?
 *
 * `embed.html?element=panel-card&src=…&panel-id=P021&lang=de` shows ONE element. `element` names
 * it; `lang` is the page's language; every other parameter must be an attribute that README.md's
 * "Attributes" section documents for that element (the allow-list below, the one place it is
 * kept), with a value its check accepts. Anything else is left out and reported, never set: this
 * module only decides; src/embed/mount.ts builds the page from its answer, with createElement and
 * setAttribute only.
 */
import { COLOUR_TOKENS, cssColour, isColourName } from './colours.js';
import { PROGRAMME_FORMATS } from '../data/formats.js';

/** The longest value a parameter may have; longer ones are left out whole, never cut. */
export const MAX_VALUE_LENGTH = 2000;

/** What a check makes of a value: the attribute's value, `null` for a flag that is off, or why it is refused. */
type Verdict = { value: string | null } | { refused: string };
type Check = (value: string) => Verdict;

/** Any text (an id, a name, a filter): set as it is, which is always safe with setAttribute. */
const text: Check = (value) => (value ? { value } : { refused: 'empty' });

/**
 * An http(s) address, absolute or relative to the embed page (which is served over http(s)). The
 * value is checked as the browser will read it (`new URL` trims spaces and drops tabs and
 * newlines, so `java\tscript:` is `javascript:` here too) and set as it was given, so that the
 * placeholders `{id}` and `{return}` stay unencoded for the element to fill in.
 */
const url: Check = (value) => {
  if (!value) return { refused: 'empty' };
  let parsed: URL;
  try {
    // `{id}` is what a panel-href pattern gets; a scheme cannot hide in it.
    parsed = new URL(value.replaceAll('{id}', 'id').replaceAll('{return}', 'return'), pageUrl());
  } catch {
    return { refused: 'not an address' };
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? { value } : { refused: 'not an http(s) or relative address' };
};

/** `local` (this browser's storage), or the address of an HTTP schedule API. */
const schedule: Check = (value) => (value === 'local' ? { value } : url(value));

/** One of a few words. */
const oneOf =
  (...words: readonly string[]): Check =>
  (value) =>
    words.includes(value) ? { value } : { refused: `not one of ${words.join(', ')}` };

/** A boolean attribute: present (`''`, `true`, `1` or its own name) or absent (`false`, `0`). */
const flag =
  (name: string): Check =>
  (value) =>
    ['', 'true', '1', name].includes(value) ? { value: '' } : ['false', '0'].includes(value) ? { value: null } : { refused: 'not true or false' };

/** A heading level, a whole number from `min` to `max`. */
const level =
  (min: number, max: number): Check =>
  (value) =>
    /^\d$/.test(value) && Number(value) >= min && Number(value) <= max ? { value } : { refused: `not a whole number from ${min} to ${max}` };

/** A day, `yyyy-MM-dd`. */
const day: Check = (value) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? { value } : { refused: 'not a day (yyyy-MM-dd)' });

/** A moment the browser can read (ISO 8601). */
const instant: Check = (value) => (value && !Number.isNaN(Date.parse(value)) ? { value } : { refused: 'not a date and time' });

/** `src` and `format`: on every element. */
const source = { src: url, format: oneOf(...PROGRAMME_FORMATS) };
/** The stars' schedule and sign-in page. */
const stars = { schedule, 'login-url': url };

interface EmbedElement {
  /** Attributes without which the element has nothing to show. */
  readonly required: readonly string[];
  /** Every attribute the embed may set, with the check of its value. */
  readonly attributes: Readonly<Record<string, Check>>;
}

/**
 * The elements an embed can show, with their documented attributes (README.md, "Attributes").
 * `src` is required of every one: an embed page has no `<programme-source>` around it.
 */
export const EMBED_ELEMENTS: Readonly<Record<string, EmbedElement>> = {
  'panel-card': {
    required: ['panel-id', 'src'],
    attributes: { 'panel-id': text, ...source, 'time-zone': text, 'heading-level': level(1, 4), ...stars },
  },
  'session-list': {
    required: ['src'],
    attributes: {
      ...source,
      view: oneOf('list', 'grid'),
      day,
      theme: text,
      'panel-format': text,
      location: text,
      'panel-ids': text,
      person: text,
      affiliation: text,
      controls: text,
      'starred-only': flag('starred-only'),
      query: text,
      'panel-href': url,
      'time-zone': text,
      'deep-link': oneOf('hash', 'none'),
      'heading-level': level(1, 5),
      now: instant,
      ...stars,
    },
  },
  'abstract-view': {
    required: ['paper-id', 'src'],
    attributes: { 'paper-id': text, ...source, expanded: flag('expanded') },
  },
  'star-toggle': {
    required: ['item-id', 'src'],
    attributes: { 'item-id': text, 'item-title': text, ...source, ...stars, partly: flag('partly'), quiet: flag('quiet') },
  },
};

/** The element names, in the order messages list them. */
export const EMBED_ELEMENT_NAMES = Object.keys(EMBED_ELEMENTS);

/** A parameter left out, and why (for the console). */
export interface Ignored {
  name: string;
  reason: string;
}

/** What the embed page shows, read from its query. */
export interface EmbedPlan {
  /** The element to create, when there is one to show. */
  element?: string;
  /** Its attributes, in the order given; values as checked. */
  attributes: [name: string, value: string][];
  /** The page's language (`lang`), when given and valid. */
  lang?: string;
  /** Theme colours (`accent`, `surface`, `star`), as token → colour, when given and valid. */
  colours: [token: string, colour: string][];
  /** Every parameter left out, once each. */
  ignored: Ignored[];
  /** Why nothing can be shown: the text of the message on the page. */
  problem?: string;
}

/** The base for relative addresses: the embed page itself (a stand-in outside a browser). */
const pageUrl = () => (typeof location === 'undefined' ? 'https://embed.invalid/' : location.href);

/** A name or value as it may appear in a message: short, whatever was sent. */
export const shown = (name: string, max = 40) => (name.length > max ? `${name.slice(0, max)}…` : name);

/** A language tag the browser knows (`de`, `de-AT`), else undefined. */
function languageTag(value: string): string | undefined {
  if (value.length > 35) return undefined;
  try {
    return Intl.getCanonicalLocales(value)[0];
  } catch {
    return undefined;
  }
}

/**
 * Reads the embed's query: which element, with which attributes, in which language; what is left
 * out and why; and, when nothing can be shown, the message to show instead.
 */
export function readEmbedParams(params: URLSearchParams): EmbedPlan {
  const plan: EmbedPlan = { attributes: [], colours: [], ignored: [] };
  const ignored = new Map<string, string>();
  const ignore = (name: string, reason: string) => {
    const key = shown(name);
    if (!ignored.has(key)) ignored.set(key, reason);
  };
  const seen = new Set<string>();
  const given = new Map<string, string>();
  for (const [rawName, rawValue] of params) {
    const name = rawName.trim().toLowerCase();
    if (seen.has(name)) {
      ignore(name, 'given more than once (the first is used)');
      continue;
    }
    seen.add(name);
    if (rawValue.length > MAX_VALUE_LENGTH) {
      ignore(name, `longer than ${MAX_VALUE_LENGTH} characters`);
      continue;
    }
    given.set(name, rawValue.trim());
  }

  const tag = given.get('element')?.toLowerCase();
  const lang = given.get('lang');
  if (lang !== undefined) {
    plan.lang = languageTag(lang);
    if (!plan.lang) ignore('lang', 'not a language tag');
  }
  // Page-level like lang: the theme's colours, each a plain CSS colour.
  for (const [name, value] of given) {
    if (!isColourName(name)) continue;
    const colour = cssColour(value);
    if (colour) plan.colours.push([COLOUR_TOKENS[name], colour]);
    else ignore(name, 'not a CSS colour');
  }
  const pageLevel = (name: string) => name === 'element' || name === 'lang' || isColourName(name);
  // Own properties only: `constructor` or `__proto__` is no element.
  const definition = tag && Object.hasOwn(EMBED_ELEMENTS, tag) ? EMBED_ELEMENTS[tag] : undefined;
  const names = EMBED_ELEMENT_NAMES.join(', ');
  if (!definition) {
    plan.problem = tag
      ? `“${shown(tag)}” is not something this embed can show: element= must be one of ${names}.`
      : ignored.has('element')
        ? `The element= of this embed is too long: it must be one of ${names}.`
        : `This embed does not say what to show: its address needs element= with one of ${names}.`;
    for (const name of given.keys()) if (!pageLevel(name)) ignore(name, 'no element to set it on');
    plan.ignored = [...ignored].map(([name, reason]) => ({ name, reason }));
    return plan;
  }

  plan.element = tag;
  const refusedRequired = new Map<string, string>();
  for (const [name, value] of given) {
    if (pageLevel(name)) continue;
    const check = Object.hasOwn(definition.attributes, name) ? definition.attributes[name] : undefined;
    if (!check) {
      ignore(name, `not an attribute of <${tag}>`);
      continue;
    }
    const verdict = check(value);
    if ('refused' in verdict) {
      ignore(name, verdict.refused);
      if (definition.required.includes(name)) refusedRequired.set(name, verdict.refused);
    } else if (verdict.value !== null) plan.attributes.push([name, verdict.value]);
  }
  // The stars of an embed keep to this browser unless told otherwise: see docs/embed.md.
  if (definition.attributes.schedule && !plan.attributes.some(([name]) => name === 'schedule')) plan.attributes.push(['schedule', 'local']);

  const missing = definition.required.filter((name) => !plan.attributes.some(([set]) => set === name));
  if (missing.length) {
    const why = (name: string) => {
      const tooLong = ignored.get(name)?.startsWith('longer than');
      const refused = refusedRequired.get(name) ?? (tooLong ? ignored.get(name) : undefined);
      return refused ? `${name} (given, but ${refused})` : name;
    };
    plan.problem = `Nothing to show: <${tag}> needs ${missing.map(why).join(' and ')} in the embed’s address.`;
    delete plan.element;
    plan.attributes = [];
  }
  plan.ignored = [...ignored].map(([name, reason]) => ({ name, reason }));
  return plan;
}
