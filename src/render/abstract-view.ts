/**
 * What does `<abstract-view>` show, as static HTML? One paper's abstract: its short abstract (when
 * it says something the full one does not start with) and then the full abstract in paragraphs,
 * with nothing to press; or the element's "no abstract" line. Used alone (`--element
 * abstract-view`) and for each paper of a static panel card.
 */
import type { Paper } from '../data/types.js';
import type { CoreWords } from '../words.js';
import type { RenderContext } from './context.js';
import { h, paragraphs, type Html } from './html.js';

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The abstract's paragraphs: what the element shows collapsed (the short abstract) and expanded
 * (the full one), both, since a static page has no button to switch; the short one only when it is
 * not already the full one's beginning.
 */
export function abstractBody(paper: Paper, words: CoreWords): Html {
  const full = paper.abstract?.trim() || paper.shortAbstract?.trim() || '';
  if (!full) return h('p', { class: 'pe-abstract pe-empty' }, words.noAbstract);
  const short = paper.shortAbstract?.trim();
  const lead = short && !normalise(full).startsWith(normalise(short)) ? h('p', { class: 'pe-short-abstract' }, short) : undefined;
  return h('div', { class: 'pe-abstract' }, lead, paragraphs(full));
}

/**
 * `<abstract-view paper-id>` as static HTML. Its wrapper carries the paper's id (a deep link's
 * target) and the language; undefined when the programme has no such paper.
 */
export function renderAbstractView(context: RenderContext, paperId: string): Html | undefined {
  const found = context.index.find(paperId);
  if (found?.kind !== 'paper') return undefined;
  const lost = context.index.skippedIn(found.panel.id);
  return h(
    'div',
    { class: 'pe-abstract-view', id: found.item.id, lang: context.locale },
    abstractBody(found.item, context.words),
    lost ? h('p', { class: 'pe-note pe-skipped' }, context.words.partlyShown(lost)) : undefined,
  );
}
