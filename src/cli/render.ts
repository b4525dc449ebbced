/**
 * `programme-elements render PROGRAMME --element …`: what an element shows, as static HTML written
 * ahead of time, for pages that allow no scripts (WordPress for editors without `unfiltered_html`)
 * and for search engines. Reads PROGRAMME as `convert` does (read-programme.ts), renders it with
 * src/render/, and writes the fragment to standard output or `--out` FILE, the stylesheet with
 * `--css`. Checks the whole command line before reading anything, and writes nothing on failure.
 */
import { facets, rowDays, sessionRows } from '../data/session-rows.js';
import { filtersFrom } from '../data/list-model.js';
import { ProgrammeIndex } from '../data/programme-index.js';
import { allowedUrl } from '../data/safe-url.js';
import { isKnownTimeZone } from '../data/validate.js';
import { germanWords } from '../locales/de.js';
import { renderAbstractView } from '../render/abstract-view.js';
import type { RenderContext } from '../render/context.js';
import { enhanced, type StaticElement } from '../render/enhance.js';
import type { Attributes, Html } from '../render/html.js';
import { renderPanelCard } from '../render/panel-card.js';
import { renderSessionList, type StaticListPresets } from '../render/session-list.js';
import { STATIC_STYLESHEET } from '../render/stylesheet.js';
import type { Words } from '../words.js';
import { englishWords } from '../words-list.js';
import { writeFiles, type OutputFile } from './output.js';
import { checkFormat, fetchUrl, isUrl, readProgramme, readReport } from './read-programme.js';
import { UsageError } from './usage-error.js';

const ELEMENTS: readonly StaticElement[] = ['panel-card', 'session-list', 'abstract-view'];

/** The list's preset filters, flag by flag (each the element's attribute of the same name). */
const LIST_FLAGS = {
  day: 'day',
  theme: 'theme',
  'panel-format': 'panelFormat',
  location: 'location',
  'panel-ids': 'panelIds',
  person: 'person',
  affiliation: 'affiliation',
  query: 'query',
  'panel-href': 'panelHref',
} as const satisfies Record<string, keyof StaticListPresets>;

/** Flags for one element only. */
const ELEMENT_FLAGS: Record<StaticElement, readonly string[]> = {
  'panel-card': ['panel-id'],
  'abstract-view': ['paper-id'],
  'session-list': Object.keys(LIST_FLAGS),
};

/** The flags `render` knows that take a value (`--css` and `--enhance` are switches; `--css=PATH` names the stylesheet's file). */
export const RENDER_VALUE_FLAGS: ReadonlySet<string> = new Set([
  'element',
  'time-zone',
  'lang',
  'format',
  'heading-level',
  'out',
  'src',
  ...Object.values(ELEMENT_FLAGS).flat(),
]);
const SWITCHES = new Set(['css', 'enhance']);

/** What to render, as the command line says it. */
export interface RenderOptions {
  element: StaticElement;
  panelId?: string;
  paperId?: string;
  /** IANA zone to show times in; the conference's by default. */
  timeZone?: string;
  /** `en` (default) or `de`, with a region if wanted (`de-AT`). */
  lang?: string;
  format?: string;
  headingLevel?: number;
  presets?: StaticListPresets;
  /** Wrap the static copy in the element's own tag, loading `src`. */
  enhance?: boolean;
  /** Where the page loads the programme from (`src`); PROGRAMME itself when it is a URL. */
  src?: string;
}

/** The elements' words in the language asked for: English, or German (locales/de.ts). */
export function wordsIn(lang: string): Words {
  const language = lang.toLowerCase().split('-')[0];
  if (language === 'en') return englishWords;
  if (language === 'de') return { ...englishWords, ...germanWords };
  throw new UsageError(`No words for --lang ${JSON.stringify(lang)}: use en or de (a region may follow, as in de-AT).`, 2);
}

function checkLang(lang: string): string {
  try {
    if (Intl.getCanonicalLocales(lang).length !== 1) throw new Error();
  } catch {
    throw new UsageError(`--lang ${JSON.stringify(lang)} is not a language tag: use en or de.`, 2);
  }
  wordsIn(lang);
  return lang;
}

function checkZone(zone: string | undefined): string | undefined {
  if (zone === undefined || zone === 'conference') return undefined;
  if (zone === 'viewer')
    throw new UsageError('--time-zone viewer has no meaning ahead of time: name an IANA zone (Europe/Berlin), or leave it out for the conference’s.', 2);
  if (!isKnownTimeZone(zone)) throw new UsageError(`--time-zone ${JSON.stringify(zone)} is not an IANA time zone (for example Europe/Berlin).`, 2);
  return zone;
}

/** The `src` the enhanced element loads: http(s), or a path the page resolves. */
function checkSrc(src: string): string {
  if (!src.trim() || !allowedUrl(src, ['http:', 'https:'], 'https://page.invalid/')) {
    throw new UsageError(`--src ${JSON.stringify(src)} is not an http(s) URL or a path the page can load the programme from.`, 2);
  }
  return src;
}

const listOf = (values: readonly string[], max = 12) =>
  values.length > max ? `${values.slice(0, max).join(', ')} and ${values.length - max} more` : values.join(', ') || '(none)';

/** Refuses a preset that can only be a typo: a day, theme, format, location or panel the programme does not have. */
function checkPresets(context: RenderContext, presets: StaticListPresets): void {
  const all = sessionRows(context.index);
  const days = rowDays(all, context.zone);
  const known = facets(all);
  const facetChecks: Array<[string, string | null | undefined, readonly string[]]> = [
    ['--day', presets.day, [...new Set(days)]],
    ['--theme', presets.theme, known.themes],
    ['--panel-format', presets.panelFormat, known.formats],
    ['--location', presets.location, known.locations],
  ];
  for (const [flag, value, values] of facetChecks) {
    if (value?.trim() && !values.includes(value))
      throw new UsageError(`${flag} ${JSON.stringify(value)} is not in this programme; it has: ${listOf(values)}.`, 1);
  }
  for (const id of filtersFrom(presets).panelIds ?? []) {
    if (!context.index.panel(id)) throw new UsageError(`--panel-ids: ${context.words.notInProgramme('Panel', id)}`, 1);
  }
}

/** The element's attributes for `--enhance`: what it needs to show the same thing. */
function elementAttributes(options: RenderOptions, src: string): Attributes {
  const presets = options.presets ?? {};
  const attributes: Attributes = {
    'panel-id': options.panelId,
    'paper-id': options.paperId,
    src,
    format: options.format && options.format !== 'auto' ? options.format : undefined,
    'time-zone': options.timeZone,
    lang: options.lang,
    'heading-level': options.headingLevel,
  };
  for (const [flag, key] of Object.entries(LIST_FLAGS)) attributes[flag] = presets[key] ?? undefined;
  return attributes;
}

/** What `render` wrote, and what to say on standard error. */
export interface Rendered {
  html: string;
  report: string[];
}

/** Renders `input` as `options` say; throws a UsageError when it cannot (nothing is written here). */
export async function render(input: string, options: RenderOptions): Promise<Rendered> {
  const element = options.element;
  if (!ELEMENTS.includes(element)) throw new UsageError(`Unknown element ${JSON.stringify(element)}: use ${ELEMENTS.join(', ')}.`, 2);
  const format = checkFormat(options.format ?? 'auto');
  const lang = checkLang(options.lang ?? 'en');
  const zone = checkZone(options.timeZone);
  if (options.headingLevel !== undefined && !(Number.isInteger(options.headingLevel) && options.headingLevel >= 1 && options.headingLevel <= 6)) {
    throw new UsageError('--heading-level is a whole number from 1 to 6.', 2);
  }
  if (options.presets?.day && !/^\d{4}-\d{2}-\d{2}$/.test(options.presets.day))
    throw new UsageError(`--day is a date written yyyy-MM-dd, not ${JSON.stringify(options.presets.day)}.`, 2);
  const src = options.src !== undefined ? checkSrc(options.src) : isUrl(input) ? fetchUrl(input) : undefined;
  if (options.enhance && !src)
    throw new UsageError('--enhance needs to know where the page loads the programme from: give --src=URL (PROGRAMME is a file).', 2);
  if (element === 'panel-card' && !options.panelId) throw new UsageError('--element panel-card needs --panel-id=ID.', 2);
  if (element === 'abstract-view' && !options.paperId) throw new UsageError('--element abstract-view needs --paper-id=ID.', 2);

  const read = await readProgramme(input, { format, timeZone: zone });
  const index = new ProgrammeIndex(read.programme, read.origin);
  const context: RenderContext = { index, zone: zone ?? index.conference.timeZone, locale: lang, words: wordsIn(lang), headingLevel: options.headingLevel };
  const report = readReport(input, read);

  let fragment: Html | undefined;
  if (element === 'panel-card') {
    fragment = renderPanelCard(context, options.panelId!);
    if (!fragment)
      throw new UsageError(`${context.words.notInProgramme('Panel', options.panelId!)} Its panels: ${listOf(index.programme.panels.map((p) => p.id))}.`, 1);
    report.push(`rendered <panel-card> ${options.panelId}.`);
  } else if (element === 'abstract-view') {
    fragment = renderAbstractView(context, options.paperId!);
    if (!fragment) throw new UsageError(context.words.notInProgramme('Paper', options.paperId!), 1);
    report.push(`rendered <abstract-view> ${options.paperId}.`);
  } else {
    const presets = options.presets ?? {};
    checkPresets(context, presets);
    const list = renderSessionList(context, presets);
    fragment = list.html;
    report.push(`rendered <session-list>: ${list.shown} of ${list.total} sessions.`);
    if (!list.shown && list.total) report.push('warning: no session matches these filters; the fragment says so.');
  }
  const html = options.enhance ? enhanced(element, elementAttributes(options, src!), fragment) : fragment.value;
  return { html, report };
}

/** Where `--css` puts the stylesheet beside `--out` FILE: FILE without its .html, plus .css. */
export const stylesheetPath = (out: string) => `${out.replace(/\.html?$/i, '')}.css`;

/** `render` on the command line: writes the fragment (and the stylesheet) and the report. Throws a UsageError when it cannot. */
export async function runRender(inputs: string[], flags: Map<string, string>): Promise<void> {
  const unknown = [...flags.keys()].find((k) => !RENDER_VALUE_FLAGS.has(k) && !SWITCHES.has(k));
  if (unknown) throw new UsageError(`render has no --${unknown}.`, 2);
  for (const name of SWITCHES) {
    if (name !== 'css' && flags.has(name) && flags.get(name) !== '') throw new UsageError(`--${name} takes no value.`, 2);
  }
  const out = flags.get('out');
  const css = flags.get('css');

  // The stylesheet alone.
  if (!inputs.length && !flags.has('element')) {
    if (css === undefined) throw new UsageError('render needs a PROGRAMME and --element, or --css alone for the stylesheet.', 2);
    const others = [...flags.keys()].filter((k) => k !== 'css' && k !== 'out');
    if (others.length) throw new UsageError(`--css alone writes the stylesheet; --${others[0]} needs a PROGRAMME and --element.`, 2);
    const path = css || out;
    if (path) await writeFiles([{ path, text: STATIC_STYLESHEET }]);
    else process.stdout.write(STATIC_STYLESHEET);
    return;
  }

  if (inputs.length !== 1)
    throw new UsageError(inputs.length ? `render reads one PROGRAMME, not ${inputs.length}.` : 'render needs a PROGRAMME (a file or an http(s) URL).', 2);
  const element = flags.get('element');
  if (!element) throw new UsageError(`render needs --element: ${ELEMENTS.join(', ')}.`, 2);
  if (!ELEMENTS.includes(element as StaticElement)) throw new UsageError(`Unknown element ${JSON.stringify(element)}: use ${ELEMENTS.join(', ')}.`, 2);
  for (const [other, names] of Object.entries(ELEMENT_FLAGS)) {
    const misplaced = other !== element && names.find((name) => flags.has(name) && !ELEMENT_FLAGS[element as StaticElement].includes(name));
    if (misplaced) throw new UsageError(`--${misplaced} is for --element ${other}, not ${element}.`, 2);
  }
  if (flags.has('src') && !flags.has('enhance'))
    throw new UsageError('--src says where an --enhance’d element loads the programme from: give --enhance too.', 2);
  if (css === '' && !out)
    throw new UsageError('--css beside an element writes the stylesheet to FILE.css beside --out FILE, or to --css=PATH: give one of them.', 2);
  if (css && out && css === out) throw new UsageError('--css=PATH and --out name the same file.', 2);
  const level = flags.get('heading-level');

  const presets: StaticListPresets = {};
  for (const [flag, key] of Object.entries(LIST_FLAGS)) if (flags.has(flag)) presets[key] = flags.get(flag);
  const { html, report } = await render(inputs[0], {
    element: element as StaticElement,
    panelId: flags.get('panel-id'),
    paperId: flags.get('paper-id'),
    timeZone: flags.get('time-zone'),
    lang: flags.get('lang'),
    format: flags.get('format'),
    headingLevel: level === undefined ? undefined : Number(level),
    presets,
    enhance: flags.has('enhance'),
    src: flags.get('src'),
  });

  const files: OutputFile[] = [];
  if (out) files.push({ path: out, text: html });
  if (css !== undefined) files.push({ path: css || stylesheetPath(out!), text: STATIC_STYLESHEET });
  await writeFiles(files);
  if (!out) process.stdout.write(html);
  report.push(
    `${Buffer.byteLength(html)} bytes of HTML${out ? ` in ${out}` : ''}${css !== undefined ? `; the stylesheet in ${files[files.length - 1].path}` : ''}.`,
  );
  process.stderr.write(`${report.join('\n')}\n`);
}
