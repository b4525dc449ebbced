/**
 * What does `<session-list>` show, as static HTML? The whole programme (every session the preset
 * filters leave, not the window of rows the element draws near the viewport), by day: how many
 * sessions it shows, a heading per day, and per session its time range and length, title, people,
 * theme, location and format, then the line naming the time zone. The element's controls (search,
 * filters, day tabs, zone switch, downloads, stars) have no static form and are left out.
 */
import { filtersFrom, peopleOf, shownList, titleParts, type ListPresets } from '../data/list-model.js';
import { allowedUrl } from '../data/safe-url.js';
import { rowDays, sessionRows, type SessionRow } from '../data/session-rows.js';
import { wellFormed } from '../elements/session-list/deep-link.js';
import { zoneNote } from '../elements/shared/zone-note.js';
import { formatDay, timeRange, zoneName } from '../time/format.js';
import type { Words } from '../words.js';
import { panelHref, type RenderContext } from './context.js';
import { h, heading, type Html } from './html.js';
import { staticHref, timeAttributes } from './panel-card.js';

/** How many people a row names before "and N more" (the list's rule, elements/session-list/list-rows.ts). */
const PEOPLE_SHOWN = 3;

/** "Ada Lovelace, Alan Turing, Grace Hopper and 2 more", as the list's rows say it. */
function peopleText(names: string[], words: Words): string {
  if (names.length <= PEOPLE_SHOWN + 1) return names.join(', ');
  return `${names.slice(0, PEOPLE_SHOWN).join(', ')} ${words.andMore(names.length - PEOPLE_SHOWN)}`;
}

/** The preset filters of `<session-list>` (its attributes), without the reader's own (starred only). */
export type StaticListPresets = Omit<ListPresets, 'starredOnly'> & {
  /** Where a panel's title leads, `{id}` standing for its id (the element's `panel-href`). */
  panelHref?: string;
};

/** A relative or absolute link a host gives (`panel-href`), when its scheme is http(s) or mailto. */
function hostHref(url: string | undefined): string | undefined {
  return url && allowedUrl(url, ['http:', 'https:', 'mailto:'], 'https://host.invalid/') ? url : undefined;
}

/** The day headings' ids are the days the hash names (`#2024-06-09`); an item whose id reads as a day keeps none. */
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function rowView(row: SessionRow, context: RenderContext, level: number, presets: StaticListPresets, firstOfPanel: boolean): Html {
  const { panel, session } = row;
  const { zone, locale, words } = context;
  const title = titleParts(row);
  const people = peopleOf(row);
  const minutes = Math.round((row.end - row.start) / 60_000);
  const href = hostHref(panelHref(presets.panelHref, wellFormed(panel.id))) ?? staticHref(panel.url);
  const titleText = [
    h('span', { class: 'pe-panel-title' }, title.panel),
    title.session ? [': ', h('span', { class: 'pe-session-title' }, title.session)] : undefined,
  ];
  return h(
    'li',
    { class: 'pe-row', id: DAY.test(session.id) ? undefined : session.id },
    h(
      'p',
      { class: 'pe-when' },
      h('span', timeAttributes(session), timeRange(row.start, row.end, zone, locale)),
      ' ',
      h('span', { class: 'pe-duration' }, words.duration(minutes)),
    ),
    // A deep link to a panel leads to its first session's row: its heading carries the panel's id.
    heading(
      level + 1,
      { class: 'pe-row-title', id: firstOfPanel && !DAY.test(panel.id) ? panel.id : undefined },
      href ? h('a', { href }, titleText) : titleText,
    ),
    people.length ? h('p', { class: 'pe-people' }, peopleText(people, words)) : undefined,
    panel.theme || row.location || panel.format
      ? h(
          'p',
          { class: 'pe-meta' },
          panel.theme ? h('span', { class: 'pe-theme' }, panel.theme) : undefined,
          row.location ? [' ', h('span', { class: 'pe-where' }, row.location)] : undefined,
          panel.format ? [' ', h('span', { class: 'pe-format' }, panel.format)] : undefined,
        )
      : undefined,
  );
}

/** What a static list shows: the fragment, and how many of the programme's sessions it holds. */
export interface RenderedList {
  html: Html;
  shown: number;
  total: number;
}

/**
 * `<session-list>` as static HTML, with its preset filters: a section per day whose heading
 * carries the day as its id (`2024-06-09`, as the list's hash names a day), and per session a row
 * whose id is the session's, the row of each panel's first session carrying the panel's id on
 * its heading (where the list's deep link to a panel leads).
 */
export function renderSessionList(context: RenderContext, presets: StaticListPresets = {}): RenderedList {
  const { index, zone, locale, words } = context;
  const level = Math.min(Math.max(context.headingLevel || 2, 1), 5);
  const all = sessionRows(index);
  const days = rowDays(all, zone);
  const filters = filtersFrom(presets);
  const { rows, items } = shownList(all, days, filters, new Set());
  const at = all[0]?.start;
  const conference = index.conference;

  const sections: Html[] = [];
  let current: { day: string; heading: string; rows: Html[] } | undefined;
  const flush = () => {
    if (!current) return;
    sections.push(
      h(
        'section',
        { class: 'pe-day' },
        heading(level, { class: 'pe-day-heading', id: current.day }, current.heading),
        h('ol', { class: 'pe-rows' }, current.rows),
      ),
    );
  };
  for (const item of items) {
    if (item.kind === 'day') {
      flush();
      current = { day: item.day, heading: formatDay(new Date(item.first.start), zone, locale), rows: [] };
      continue;
    }
    const first = item.row.panel.sessions?.[0] === item.row.session;
    current!.rows.push(rowView(item.row, context, level, presets, first));
  }
  flush();

  const note = zoneNote(index.source.zone, zone, conference.timeZone, words);
  const html = h(
    'div',
    { class: 'pe-session-list', lang: locale },
    index.source.skipped ? h('p', { class: 'pe-note pe-skipped' }, words.skipped(index.source.skipped.items.length)) : undefined,
    h('p', { class: 'pe-count' }, words.showing(rows.length, all.length)),
    rows.length ? sections : h('p', { class: 'pe-empty' }, all.length ? words.noMatch : words.noSessionsInProgramme),
    h('p', { class: 'pe-note pe-time-zone' }, `${words.timesIn(zoneName(zone, locale, at), zone === conference.timeZone)}${note ? ` ${note}` : ''}`),
  );
  return { html, shown: rows.length, total: all.length };
}
