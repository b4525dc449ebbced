import { fold } from './fold.js';
import type { SessionRow } from './session-rows.js';

/** What a reader (or the host, through attributes) narrowed the list to. Empty means "any". */
export interface SessionFilters {
  day?: string;
  theme?: string;
  /** The panel's format (`Roundtable`). */
  panelFormat?: string;
  location?: string;
  starredOnly?: boolean;
  query?: string;
  /** Only these panels (a host's preset: "our panels"). */
  panelIds?: readonly string[];
  /** Only sessions naming this person (convenor, chair, discussant or author), ignoring case and accents. */
  person?: string;
  /** Only sessions naming someone of this affiliation, ignoring case and accents. */
  affiliation?: string;
}

export const hasFilters = (f: SessionFilters) =>
  !!(f.day || f.theme || f.panelFormat || f.location || f.starredOnly || f.query?.trim() || f.panelIds?.length || f.person?.trim() || f.affiliation?.trim());

/** Everybody a row names: its panel's convenors, chairs and discussants, and its papers' authors. */
function everyone(row: SessionRow) {
  const people = [...(row.panel.convenors ?? []), ...(row.panel.chairs ?? []), ...(row.panel.discussants ?? [])];
  for (const paper of row.session.papers ?? []) people.push(...(paper.authors ?? []));
  return people;
}

/** Whether someone the row names has `field` containing `value` (folded both ways). */
function names(field: 'name' | 'affiliation', value: string | undefined): ((row: SessionRow) => boolean) | undefined {
  const wanted = fold(value ?? '').trim();
  if (!wanted) return undefined;
  return (row) => everyone(row).some((p) => fold(p[field] ?? '').includes(wanted));
}

const MAX_WORD = 200;

/**
 * Each row's searchable text, folded once, the first time anyone searches (about 140 ms at 5,000
 * sessions, once), not on every keystroke; folding it ahead on every page would hold ~20 MiB more
 * at 5,000 sessions for readers who never search.
 */
const searchTexts = new WeakMap<SessionRow, string>();

function searchText(row: SessionRow): string {
  let text = searchTexts.get(row);
  if (text === undefined) {
    const { panel, session } = row;
    const texts: (string | undefined)[] = [panel.title, panel.theme, panel.format, row.location, panel.description, session.title];
    for (const list of [panel.convenors, panel.chairs, panel.discussants]) for (const p of list ?? []) texts.push(p.name, p.affiliation);
    for (const paper of session.papers ?? []) {
      texts.push(paper.title, paper.shortAbstract, paper.abstract);
      for (const a of paper.authors ?? []) texts.push(a.name, a.affiliation);
    }
    // One line per field, so that no word is found across two fields.
    text = fold(texts.filter((t) => t !== undefined).join('\n'));
    searchTexts.set(row, text);
  }
  return text;
}

/**
 * Whether the row mentions every word of the query, in titles, people, affiliations, abstracts,
 * theme, format or location, ignoring case and accents both ways.
 */
function matcher(query: string): ((row: SessionRow) => boolean) | undefined {
  // A word longer than any title is cut: a pasted novel must not cost more than a title does.
  const words = fold(query)
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.slice(0, MAX_WORD));
  if (!words.length) return undefined;
  return (row) => {
    const text = searchText(row);
    return words.every((w) => text.includes(w));
  };
}

/**
 * The rows that pass every filter. `days` is each row's calendar day in the zone shown
 * (see `rowDays`); `starred` the ids on the reader's schedule (a session counts when it, its
 * panel or one of its papers is starred).
 */
export function filterRows(rows: SessionRow[], days: string[], filters: SessionFilters, starred: ReadonlySet<string>): SessionRow[] {
  const matches = matcher(filters.query ?? '');
  const person = names('name', filters.person);
  const affiliation = names('affiliation', filters.affiliation);
  const panels = filters.panelIds?.length ? new Set(filters.panelIds) : undefined;
  const out: SessionRow[] = [];
  rows.forEach((row, i) => {
    if (filters.day && days[i] !== filters.day) return;
    if (filters.theme && row.panel.theme !== filters.theme) return;
    if (filters.panelFormat && row.panel.format !== filters.panelFormat) return;
    if (filters.location && row.location !== filters.location) return;
    if (panels && !panels.has(row.panel.id)) return;
    if (filters.starredOnly && !isStarredRow(row, starred)) return;
    if (person && !person(row)) return;
    if (affiliation && !affiliation(row)) return;
    if (matches && !matches(row)) return;
    out.push(row);
  });
  return out;
}

export function isStarredRow(row: SessionRow, starred: ReadonlySet<string>): boolean {
  return starred.has(row.session.id) || starred.has(row.panel.id) || !!row.session.papers?.some((p) => starred.has(p.id));
}
