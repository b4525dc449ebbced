/**
 * The builder's third snippet, for sites that allow neither scripts nor iframes: the element's
 * content rendered to static HTML right in the page, with the same renderer as
 * `npx programme-elements render` (src/render), and its small stylesheet to add once to the site.
 */
import type { ProgrammeIndex } from '../data/programme-index.js';
import { germanWords } from '../locales/de.js';
import { renderAbstractView } from '../render/abstract-view.js';
import { renderPanelCard } from '../render/panel-card.js';
import { renderSessionList } from '../render/session-list.js';
import { STATIC_STYLESHEET } from '../render/stylesheet.js';
import { englishWords } from '../words-list.js';
import type { EmbedChoice } from './snippets.js';

export { STATIC_STYLESHEET };

/** The static HTML of the choice, or why there is none (a star has no static form). */
export function staticSnippet(index: ProgrammeIndex, choice: EmbedChoice): { html?: string; why?: string } {
  const a = choice.attributes;
  const lang = choice.lang || 'en';
  const words = lang.startsWith('de') ? { ...englishWords, ...germanWords } : englishWords;
  // A static page cannot know its reader's zone: "viewer" is written in the conference's.
  const zone = a['time-zone'] && a['time-zone'] !== 'viewer' ? a['time-zone'] : index.conference.timeZone;
  const context = { index, zone, locale: lang, words };
  if (choice.element === 'panel-card') return { html: renderPanelCard(context, a['panel-id'])?.value };
  if (choice.element === 'abstract-view') return { html: renderAbstractView(context, a['paper-id'])?.value };
  if (choice.element === 'session-list') {
    return { html: renderSessionList(context, { day: a.day, theme: a.theme, panelFormat: a['panel-format'], location: a.location }).html.value };
  }
  return { why: 'A star needs a script: it has no static form.' };
}
