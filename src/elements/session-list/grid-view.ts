import { css, html, nothing, type TemplateResult } from 'lit';
import { setStyles } from '../shared/set-styles.js';
import { titleParts } from '../../data/list-model.js';
import type { SessionRow } from '../../data/session-rows.js';
import { formatDay, formatTime } from '../../time/format.js';
import type { Words } from '../../words.js';

const QUARTER = 900_000;
const DAY = 86_400_000;

export interface GridInput {
  rows: SessionRow[];
  /** Each row's day in the zone shown. */
  days: string[];
  /** The day asked for; else the first day that has sessions. */
  day?: string;
  zone: string;
  locale: string;
  level: number;
  words: Words;
  now: number;
  star: (row: SessionRow) => TemplateResult;
}

/**
 * A timetable for one day: a column per room, a grid line per quarter hour. The DOM keeps time
 * order (then room), so reading order and tab order follow the clock, not the columns.
 */
export function gridView({ rows, days, day, zone, locale, level, words, now, star }: GridInput) {
  const shownDay = day && days.includes(day) ? day : days[0];
  const dayRows = rows.filter((_, i) => days[i] === shownDay);
  const rooms = [...new Set(dayRows.map((r) => r.location ?? words.noRoom))].sort((a, b) => a.localeCompare(b));
  const first = Math.floor(Math.min(...dayRows.map((r) => r.start)) / QUARTER) * QUARTER;
  // One day's timetable: a session running on for days (or years) is cut at 24 hours.
  const last = Math.min(Math.ceil(Math.max(...dayRows.map((r) => r.end)) / QUARTER) * QUARTER, first + DAY);
  const slots = Math.max(1, (last - first) / QUARTER);
  const ticks: number[] = [];
  for (let t = first; t < last; t += 4 * QUARTER) ticks.push(t);
  const title = formatDay(new Date(dayRows[0].start), zone, locale);

  return html`<section part="grid" class="grid-wrap" aria-labelledby="grid-title">
    <div role="heading" aria-level=${level} id="grid-title" class="day">${words.timetableFor(title)}</div>
    <div
      class="grid"
      ${setStyles({
        'grid-template-columns': `4.5em repeat(${rooms.length}, minmax(9em, 1fr))`,
        'grid-template-rows': `auto repeat(${slots}, var(--session-list-grid-slot, 1.25rem))`,
      })}
    >
      ${rooms.map((room, i) => html`<div class="room" aria-hidden="true" ${setStyles({ 'grid-column': `${i + 2}`, 'grid-row': '1' })}>${room}</div>`)}
      ${ticks.map((t) => html`<div class="tick" aria-hidden="true" ${setStyles({ 'grid-column': '1', 'grid-row': `${(t - first) / QUARTER + 2}` })}>${formatTime(new Date(t), zone, locale)}</div>`)}
      ${dayRows.map((row) => {
        const column = rooms.indexOf(row.location ?? words.noRoom) + 2;
        const from = Math.floor((row.start - first) / QUARTER) + 2;
        const to = Math.max(from + 1, Math.ceil((Math.min(row.end, last) - first) / QUARTER) + 2);
        const live = row.start <= now && now < row.end;
        return html`<div class="cell ${live ? 'live' : ''}" ${setStyles({ 'grid-column': `${column}`, 'grid-row': `${from} / ${to}` })} data-session=${row.session.id}>
          <div class="cell-head">
            <div role="heading" aria-level=${level + 1} class="title">
              <span class="panel-title">${titleParts(row).panel}</span>${titleParts(row).session ? html`: <span class="session-title">${titleParts(row).session}</span>` : nothing}
            </div>
            ${star(row)}
          </div>
          <p class="meta">
            <time datetime=${row.session.start}>${formatTime(new Date(row.start), zone, locale)}\u2009\u2013\u2009${formatTime(new Date(row.end), zone, locale)}</time>,
            ${row.location ?? words.noRoom}${live ? html` <span part="now" class="now">${words.happeningNow}</span>` : nothing}
          </p>
        </div>`;
      })}
    </div>
  </section>`;
}

/** The timetable's styles, adopted by the list's shadow root when the timetable loads. */
export const gridStyles = css`
    .grid-wrap {
      /* Its own scroller both ways, so the room headings stick to its top. */
      overflow: auto;
      max-height: min(80vh, 60rem);
    }
    .grid {
      display: grid;
      gap: 2px 4px;
      min-width: min-content;
    }
    .room {
      position: sticky;
      top: 0;
      font-weight: 600;
      font-size: 0.9em;
      padding: 0.25em;
      background: var(--programme-surface, Canvas);
      border-block-end: 2px solid var(--_border);
    }
    .tick {
      font-size: 0.8em;
      color: var(--_muted);
      font-variant-numeric: tabular-nums;
      border-block-start: 1px solid var(--_border);
    }
    .cell {
      overflow: hidden;
      padding: 0.3em 0.4em;
      border: 1px solid var(--_border);
      border-inline-start: 4px solid var(--_accent);
      border-radius: var(--_radius);
      background: var(--programme-surface, Canvas);
      font-size: 0.875em;
    }
    .cell-head {
      display: flex;
      gap: 0.25em;
      justify-content: space-between;
      align-items: flex-start;
    }
    .cell .meta {
      margin: 0.2em 0 0;
    }
`;
