/**
 * The embed builder (demo/builder.html): a web editor pastes a programme's address, sees it load
 * (or its problems, by path), picks an element and what it shows, a zone, a language and two or
 * three colours, sees it live, and copies the snippet: a script tag, an iframe, or static HTML.
 * Plain DOM over the page's own form; the preview is the library's element, made with
 * createElement and setAttribute, never from HTML.
 */
import { ProgrammeLoadError } from '../data/load-error.js';
import { loadProgramme } from '../data/load.js';
import type { ProgrammeIndex } from '../data/programme-index.js';
import { STATIC_STYLESHEET, staticSnippet } from './static-snippet.js';
import { cssColour, embedUrl, iframeSnippet, scriptSnippet, tokenDeclarations, type BuilderElement, type EmbedChoice } from './snippets.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** Which controls each element uses (the rest are hidden). */
const CONTROLS: Record<BuilderElement, string[]> = {
  'panel-card': ['panel'],
  'session-list': ['day', 'theme', 'panel-format', 'location', 'view'],
  'abstract-view': ['paper'],
  'star-toggle': ['item'],
};

let index: ProgrammeIndex | undefined;
let programmeUrl = '';

function options(select: HTMLSelectElement, values: [string, string][], any?: string): void {
  select.replaceChildren(...(any !== undefined ? [new Option(any, '')] : []), ...values.map(([value, label]) => new Option(label, value)));
}

const unique = (values: (string | undefined)[]) => [...new Set(values.filter((v): v is string => !!v))].sort((a, b) => a.localeCompare(b));

/** Fills the pickers from the programme just loaded. */
function fillPickers(ix: ProgrammeIndex): void {
  const panels = ix.programme.panels;
  options(
    $('panel'),
    panels.map((p) => [p.id, `${p.id}: ${p.title}`]),
  );
  const papers = panels.flatMap((p) => (p.sessions ?? []).flatMap((s) => s.papers ?? []));
  options(
    $('paper'),
    papers.map((p) => [p.id, `${p.id}: ${p.title}`]),
  );
  options($('item'), [
    ...panels.map((p): [string, string] => [p.id, `${p.id}: ${p.title}`]),
    ...papers.map((p): [string, string] => [p.id, `${p.id}: ${p.title}`]),
  ]);
  const days = unique(panels.flatMap((p) => (p.sessions ?? []).map((s) => s.start.slice(0, 10))));
  options(
    $('day'),
    days.map((d) => [d, d]),
    'every day',
  );
  options(
    $('theme'),
    unique(panels.map((p) => p.theme)).map((t) => [t, t]),
    'every theme',
  );
  options(
    $('panel-format'),
    unique(panels.map((p) => p.format)).map((f) => [f, f]),
    'every format',
  );
  options(
    $('location'),
    unique(panels.flatMap((p) => [p.location, ...(p.sessions ?? []).map((s) => s.location)])).map((l) => [l, l]),
    'every location',
  );
}

/** Reads the programme at the address typed: says what it holds, or what is wrong with it, by path. */
async function load(): Promise<void> {
  const status = $('load-status');
  const problems = $<HTMLUListElement>('problems');
  problems.replaceChildren();
  const typed = $<HTMLInputElement>('programme-url').value.trim();
  let url: URL;
  try {
    url = new URL(typed, document.baseURI);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http');
  } catch {
    status.textContent = 'Type the address of a programme: it starts with https:// (or http://).';
    $('programme-url').setAttribute('aria-invalid', 'true');
    return;
  }
  $('programme-url').removeAttribute('aria-invalid');
  status.textContent = 'Loading…';
  try {
    index = await loadProgramme(url.href);
    programmeUrl = url.href;
    const panels = index.programme.panels;
    const sessions = panels.reduce((n, p) => n + (p.sessions?.length ?? 0), 0);
    const read = index.source.format === 'native' ? '' : ` (read as ${index.source.format})`;
    const skipped = index.source.skipped;
    const left = skipped ? ` ${skipped.items.length} item(s) have mistakes and are left out; fix them at the source:` : '';
    status.textContent = `Loaded${read}: ${index.conference.title}, ${panels.length} panels, ${sessions} sessions, times in ${index.conference.timeZone}.${left}`;
    if (skipped) listProblems(skipped.problems);
    fillPickers(index);
    $<HTMLTextAreaElement>('snippet-static-css').value = STATIC_STYLESHEET;
    $('choices').hidden = false;
    update();
  } catch (e) {
    index = undefined;
    $('choices').hidden = true;
    status.textContent = `This programme cannot be shown: ${(e as Error).message}`;
    if (e instanceof ProgrammeLoadError) listProblems(e.problems);
  }
}

/** The problems of a document, by path (at most 50: the rest are in the console). */
function listProblems(list: { path: string; message: string }[]): void {
  $('problems').replaceChildren(
    ...list.slice(0, 50).map((p) => {
      const li = document.createElement('li');
      const path = document.createElement('code');
      path.textContent = p.path;
      li.append(path, `: ${p.message}`);
      return li;
    }),
  );
}

const value = (id: string) => ($<HTMLInputElement | HTMLSelectElement>(id)?.value ?? '').trim();

/** The choice as the form says it now. */
export function currentChoice(): EmbedChoice {
  const element = value('element') as BuilderElement;
  const attributes: Record<string, string> = {};
  if (element === 'panel-card') attributes['panel-id'] = value('panel');
  if (element === 'abstract-view') attributes['paper-id'] = value('paper');
  if (element === 'star-toggle') attributes['item-id'] = value('item');
  if (element === 'session-list') {
    for (const name of ['day', 'theme', 'panel-format', 'location']) if (value(name)) attributes[name] = value(name);
    if (value('view') === 'grid') attributes.view = 'grid';
    attributes['deep-link'] = 'hash';
  }
  if (value('time-zone')) attributes['time-zone'] = value('time-zone');
  return {
    element,
    src: programmeUrl,
    attributes,
    lang: value('lang') || undefined,
    colours: { accent: value('accent'), surface: value('surface'), star: value('star') },
    filesUrl: new URL(value('files-url') || '../dist/', document.baseURI).href,
  };
}

/** The preview and the snippets, from the form. */
function update(): void {
  if (!index) return;
  const choice = currentChoice();
  for (const [element, ids] of Object.entries(CONTROLS)) for (const id of ids) $(`field-${id}`).hidden = element !== choice.element;
  for (const id of ['accent', 'surface', 'star']) {
    const typed = value(id);
    $(id).setAttribute('aria-invalid', typed && !cssColour(typed) ? 'true' : 'false');
  }
  const preview = $('preview');
  const el = document.createElement(choice.element);
  el.setAttribute('src', choice.src);
  for (const [name, v] of Object.entries(choice.attributes)) el.setAttribute(name, name === 'deep-link' ? 'none' : v);
  if (choice.lang) el.setAttribute('lang', choice.lang);
  el.setAttribute('style', tokenDeclarations(choice.colours));
  preview.replaceChildren(el);
  $<HTMLTextAreaElement>('snippet-script').value = scriptSnippet(choice);
  $<HTMLTextAreaElement>('snippet-iframe').value = iframeSnippet(choice, `${index.conference.title}: programme`);
  $<HTMLAnchorElement>('embed-link').href = embedUrl(choice);
  const rendered = staticSnippet(index, choice);
  $<HTMLTextAreaElement>('snippet-static').value = rendered.html ?? '';
  $('snippet-static-note').textContent =
    rendered.why ??
    `Paste it as HTML (in WordPress, a Custom HTML block), and add the stylesheet below to the site once. The same from the command line: npx programme-elements render ${choice.src} --element=${choice.element}${Object.entries(
      choice.attributes,
    )
      .filter(([name]) => name !== 'deep-link' && name !== 'view')
      .map(([name, v]) => ` --${name}=${JSON.stringify(v)}`)
      .join('')}. Times are in the conference's zone unless you chose another.`;
}

/** Copies a snippet and says so next to its button. */
async function copy(id: string, said: HTMLElement): Promise<void> {
  const area = $<HTMLTextAreaElement>(id);
  try {
    await navigator.clipboard.writeText(area.value);
    said.textContent = 'Copied.';
  } catch {
    area.select();
    said.textContent = 'Selected: press Ctrl+C (⌘C on a Mac) to copy.';
  }
}

export function startBuilder(): void {
  $('load-form').addEventListener('submit', (e) => {
    e.preventDefault();
    void load();
  });
  $('choices').addEventListener('input', update);
  $('choices').addEventListener('change', update);
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-copy]')) {
    button.addEventListener('click', () => void copy(button.dataset.copy!, button.nextElementSibling as HTMLElement));
  }
  const given = new URLSearchParams(location.search).get('src');
  if (given) {
    $<HTMLInputElement>('programme-url').value = given;
    void load();
  }
}

startBuilder();
