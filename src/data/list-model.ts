/**
 * What `<session-list>` shows, without Lit: the filters its attributes preset, the rows and day
 * headings they leave, how many sessions each filter option would leave, which rows a download
 * takes, where a deep link leads, and how a row is titled, peopled and starred.
 */
import type { ProgrammeIndex } from './programme-index.js';
import { filterRows, isStarredRow, type SessionFilters } from './session-filter.js';
import { dayOfRow, facets, type SessionRow } from './session-rows.js';

/** A day heading or a session, in the order the list shows them. */
export type ListItem = { kind: 'day'; day: string; first: SessionRow } | { kind: 'row'; row: SessionRow; position: number };

/** The attributes that preset the filters, as the element has them. */
export interface ListPresets {
  day?: string | null;
  theme?: string | null;
  panelFormat?: string | null;
  location?: string | null;
  starredOnly?: boolean;
  query?: string | null;
  /** Panel ids separated by spaces or commas. */
  panelIds?: string | null;
  person?: string | null;
  affiliation?: string | null;
}

/** The filters the attributes preset (blank values mean "any"). */
export function filtersFrom(presets: ListPresets): SessionFilters {
  const text = (v: string | null | undefined) => (v?.trim() ? v : undefined);
  const panelIds = presets.panelIds?.split(/[\s,]+/).filter(Boolean);
  return {
    day: text(presets.day),
    theme: text(presets.theme),
    panelFormat: text(presets.panelFormat),
    location: text(presets.location),
    starredOnly: !!presets.starredOnly,
    query: text(presets.query),
    panelIds: panelIds?.length ? panelIds : undefined,
    person: text(presets.person),
    affiliation: text(presets.affiliation),
  };
}

/**
 * How a row is titled: its panel's title, and the session's own title when the panel has several
 * sessions and this one has a title (a panel of one session is named by the panel alone).
 */
export function titleParts(row: SessionRow): { panel: string; session?: string } {
  const several = (row.panel.sessions?.length ?? 0) > 1 && !!row.session.title?.trim();
  return several ? { panel: row.panel.title, session: row.session.title } : { panel: row.panel.title };
}

/** The row's title as one line: "Panel: Session" or "Panel". */
export function displayTitle(row: SessionRow): string {
  const { panel, session } = titleParts(row);
  return session ? `${panel}: ${session}` : panel;
}

/** Who a row presents: its panel's convenors, else its papers' authors, each name once. */
export function peopleOf(row: SessionRow): string[] {
  const convenors = row.panel.convenors ?? [];
  const people = convenors.length ? convenors : (row.session.papers ?? []).flatMap((p) => p.authors ?? []);
  return [...new Set(people.map((p) => p.name.trim()).filter(Boolean))];
}

/**
 * What a row's star shows. The star stands for the session: `self` when the session itself is
 * starred; `partly` when only its panel or one of its papers is (the session is in the reader's
 * schedule through them); `none` otherwise.
 */
export type StarState = 'self' | 'partly' | 'none';

export function starState(row: SessionRow, starred: ReadonlySet<string>): StarState {
  if (starred.has(row.session.id)) return 'self';
  return isStarredRow(row, starred) ? 'partly' : 'none';
}

/** The rows the filters leave, and the list items (a heading before each day's first row). */
export function shownList(all: SessionRow[], days: string[], filters: SessionFilters, starred: ReadonlySet<string>) {
  const rows = filterRows(all, days, filters, starred);
  const dayOf = dayOfRow(all, days);
  const shownDays = rows.map((row) => dayOf.get(row)!);
  const items: ListItem[] = [];
  let current = '';
  rows.forEach((row, position) => {
    const day = shownDays[position];
    if (day !== current) items.push({ kind: 'day', day: (current = day), first: row });
    items.push({ kind: 'row', row, position });
  });
  return { rows, items, days: shownDays };
}

/** The filters a reader chooses from a list of options. */
export type Facet = 'day' | 'theme' | 'panelFormat' | 'location';
export const FACETS: readonly Facet[] = ['day', 'theme', 'panelFormat', 'location'];

export interface FacetOption {
  value: string;
  /** How many sessions choosing it would leave, with every other filter as it is. */
  count: number;
  /** The first of those sessions (a day's label is formatted from it). */
  first?: SessionRow;
}

/**
 * For each facet, the options a reader can choose, each with the number of sessions it would
 * leave given every other filter: the options narrow each other. An option that would leave
 * nothing is left out, unless it is the one chosen.
 */
export function facetOptions(all: SessionRow[], days: string[], filters: SessionFilters, starred: ReadonlySet<string>): Record<Facet, FacetOption[]> {
  const values = facets(all);
  const dayOf = dayOfRow(all, days);
  const valueOf: Record<Facet, (row: SessionRow) => string | undefined> = {
    day: (row) => dayOf.get(row),
    theme: (row) => row.panel.theme,
    panelFormat: (row) => row.panel.format,
    location: (row) => row.location,
  };
  const order: Record<Facet, string[]> = { day: [...new Set(days)], theme: values.themes, panelFormat: values.formats, location: values.locations };
  const out = {} as Record<Facet, FacetOption[]>;
  for (const facet of FACETS) {
    const counts = new Map<string, FacetOption>();
    for (const row of filterRows(all, days, { ...filters, [facet]: undefined }, starred)) {
      const value = valueOf[facet](row);
      if (!value) continue;
      const option = counts.get(value);
      if (option) option.count++;
      else counts.set(value, { value, count: 1, first: row });
    }
    out[facet] = order[facet].flatMap((value) => counts.get(value) ?? (filters[facet] === value ? [{ value, count: 0 }] : []));
  }
  return out;
}

/** A filter in force, as a chip shows it: which one, and its value as text. */
export interface ActiveFilter {
  key: Exclude<keyof SessionFilters, 'query'>;
  value: string;
}

/** The filters in force other than the search text (which stays in its box), in a fixed order. */
export function activeFilters(filters: SessionFilters): ActiveFilter[] {
  const out: ActiveFilter[] = [];
  for (const key of ['day', 'theme', 'panelFormat', 'location', 'person', 'affiliation'] as const) {
    const value = filters[key]?.trim();
    if (value) out.push({ key, value });
  }
  if (filters.panelIds?.length) out.push({ key: 'panelIds', value: filters.panelIds.join(', ') });
  if (filters.starredOnly) out.push({ key: 'starredOnly', value: '' });
  return out;
}

/**
 * Where a deep link to `id` leads: the session to scroll to (a panel's first, a paper's own), and
 * the paper to bring into view inside it. Undefined when the programme has no such item.
 */
export function linkTarget(index: ProgrammeIndex, id: string): { sessionId: string; paperId?: string } | undefined {
  const found = index.find(id);
  if (!found) return undefined;
  if (found.kind === 'panel') {
    const first = found.item.sessions?.[0];
    return first && { sessionId: first.id };
  }
  if (found.kind === 'session') return { sessionId: found.item.id };
  return { sessionId: found.session.id, paperId: found.item.id };
}

/** The rows a download takes: those shown, or every row on the reader's schedule (its star pressed or partly). */
export function rowsToDownload(all: SessionRow[], shown: SessionRow[], starred: ReadonlySet<string>, which: 'shown' | 'starred'): SessionRow[] {
  return which === 'starred' ? all.filter((row) => isStarredRow(row, starred)) : shown;
}
