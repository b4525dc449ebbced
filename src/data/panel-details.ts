/**
 * Which details a card shows for a panel, in which order, under which label: the one list both
 * the live `<panel-card>` and its static HTML (src/render) draw, so the two never drift apart.
 */
import type { Panel, Person } from './types.js';
import type { CoreWords } from '../words.js';

/** One line of a panel's details: a label and either a text or a list of people. */
export type PanelDetail = { label: string; text: string; people?: undefined } | { label: string; people: Person[]; text?: undefined };

/** The details the panel has (format, theme, location, convenors, chairs, discussants), empty ones left out. */
export function panelDetails(panel: Panel, words: Pick<CoreWords, 'format' | 'theme' | 'location' | 'convenors' | 'chairs' | 'discussants'>): PanelDetail[] {
  const out: PanelDetail[] = [];
  const text = (label: string, value: string | undefined) => value && out.push({ label, text: value });
  const people = (label: string, list: Person[] | undefined) => list?.length && out.push({ label, people: list });
  text(words.format, panel.format);
  text(words.theme, panel.theme);
  text(words.location, panel.location);
  people(words.convenors, panel.convenors);
  people(words.chairs, panel.chairs);
  people(words.discussants, panel.discussants);
  return out;
}
