/**
 * What does every static renderer need to know beside the programme? The zone and language to show
 * times and words in, and how deep its headings start: the same choices an element makes from its
 * attributes (`time-zone`, the closest `[lang]`, `heading-level`).
 */
import type { ProgrammeIndex } from '../data/programme-index.js';
import type { Words } from '../words.js';

/** The choices a static rendering is made with. */
export interface RenderContext {
  index: ProgrammeIndex;
  /** IANA zone the times are shown in (the conference's unless asked otherwise). */
  zone: string;
  /** BCP 47 tag for dates and times, and the fragment's `lang`. */
  locale: string;
  /** The elements' own strings in that language (words.ts, words-list.ts, locales/). */
  words: Words;
  /** Level of the first heading; clamped as the element clamps its `heading-level`. */
  headingLevel?: number;
}

/** Where a panel's title leads in a list: the host's `panel-href` pattern, `{id}` standing for the panel's id. */
export function panelHref(pattern: string | undefined, panelId: string): string | undefined {
  return pattern ? pattern.replaceAll('{id}', encodeURIComponent(panelId)) : undefined;
}
