import { dayKey } from '../time/format.js';
import type { ProgrammeIndex } from './programme-index.js';
import type { Panel, Session } from './types.js';

/** One session as a list shows it: with its panel, its instants, and where it happens. */
export interface SessionRow {
  session: Session;
  panel: Panel;
  start: number;
  end: number;
  /** The session's own location, else its panel's. */
  location?: string;
}

const rowsByIndex = new WeakMap<ProgrammeIndex, SessionRow[]>();
const daysByRows = new WeakMap<SessionRow[], Map<string, string[]>>();

/** Every session of the programme in time order (then panel title), built once per programme. */
export function sessionRows(index: ProgrammeIndex): SessionRow[] {
  let rows = rowsByIndex.get(index);
  if (!rows) {
    rows = [];
    for (const panel of index.programme.panels) {
      for (const session of panel.sessions ?? []) {
        rows.push({ session, panel, start: Date.parse(session.start), end: Date.parse(session.end), location: session.location ?? panel.location });
      }
    }
    rows.sort((a, b) => a.start - b.start || a.end - b.end || a.panel.title.localeCompare(b.panel.title));
    rowsByIndex.set(index, rows);
  }
  return rows;
}

/** The calendar day of each row in `timeZone` (same order as `rows`), computed once per zone. */
export function rowDays(rows: SessionRow[], timeZone: string): string[] {
  let byZone = daysByRows.get(rows);
  if (!byZone) daysByRows.set(rows, (byZone = new Map()));
  let days = byZone.get(timeZone);
  if (!days) {
    // Every zone offset is a whole number of quarter hours, so all instants in one quarter hour
    // share a calendar day: convert once per quarter hour, not once per session.
    const perQuarter = new Map<number, string>();
    days = rows.map((row) => {
      const quarter = Math.floor(row.start / 900_000);
      let day = perQuarter.get(quarter);
      if (day === undefined) perQuarter.set(quarter, (day = dayKey(new Date(quarter * 900_000), timeZone)));
      return day;
    });
    byZone.set(timeZone, days);
  }
  return days;
}

type Facets = { themes: string[]; formats: string[]; locations: string[] };
const facetsByRows = new WeakMap<SessionRow[], Facets>();

const dayMaps = new WeakMap<string[], Map<SessionRow, string>>();

/** Each row's day (from `rowDays`) by row, built once per zone. */
export function dayOfRow(rows: SessionRow[], days: string[]): Map<SessionRow, string> {
  let map = dayMaps.get(days);
  if (!map) dayMaps.set(days, (map = new Map(rows.map((row, i) => [row, days[i]]))));
  return map;
}

/** The values a reader can filter by, each sorted, without blanks; worked out once per programme. */
export function facets(rows: SessionRow[]): Facets {
  let found = facetsByRows.get(rows);
  if (!found) facetsByRows.set(rows, (found = collectFacets(rows)));
  return found;
}

function collectFacets(rows: SessionRow[]): Facets {
  const collect = (pick: (row: SessionRow) => string | undefined) =>
    [...new Set(rows.map(pick).filter((v): v is string => !!v && v.trim() !== ''))].sort((a, b) => a.localeCompare(b));
  return { themes: collect((r) => r.panel.theme), formats: collect((r) => r.panel.format), locations: collect((r) => r.location) };
}
