import { css, html, nothing, type TemplateResult } from 'lit';
import { setStyles } from '../shared/set-styles.js';
import { peopleOf, titleParts } from '../../data/list-model.js';
import { themeColor } from '../../data/theme-colors.js';
import type { ProgrammeIndex } from '../../data/programme-index.js';
import type { SessionRow } from '../../data/session-rows.js';
import { formatDay, formatTime } from '../../time/format.js';
import type { Words } from '../../words.js';
import { peopleText } from './list-rows.js';
import type { Chunk } from './row-window.js';

const QUARTER = 900_000;
const DAY = 86_400_000;

export interface GridInput {
  /** The days shown, one per chunk: a day's grid is drawn when it comes near the reader (RowWindow). */
  chunks: Chunk<string>[];
  rows: SessionRow[];
  /** Each row's day in the zone shown. */
  days: string[];
  zone: string;
  locale: string;
  level: number;
  words: Words;
  now: number;
  /** The programme: its rooms, in the order it names them, are the columns. */
  index: ProgrammeIndex;
  star: (row: SessionRow) => TemplateResult;
  /** The reader opened a cell: show its panel. */
  open: (row: SessionRow, from: HTMLElement) => void;
  /** The link of a panel's title, when the host gives `panel-href`. */
  href: (row: SessionRow) => string | undefined;
}

const roomsByIndex = new WeakMap<ProgrammeIndex, string[]>();
/** The rooms in the order the programme names them: the timetable's columns. */
export function roomsOf(index: ProgrammeIndex): string[] {
  let rooms = roomsByIndex.get(index);
  if (!rooms) {
    const seen = new Set<string>();
    for (const panel of index.programme.panels)
      for (const session of panel.sessions ?? []) {
        const room = session.location ?? panel.location;
        if (room) seen.add(room);
      }
    roomsByIndex.set(index, (rooms = [...seen]));
  }
  return rooms;
}

const dayLists = new WeakMap<string[], string[]>();
/** The days shown, each once, the same array for the same rows (so the row window keeps its state). */
export function dayList(shownDays: string[]): string[] {
  let days = dayLists.get(shownDays);
  if (!days) dayLists.set(shownDays, (days = [...new Set(shownDays)]));
  return days;
}

/** A timetable cell's panel, in a modal dialog: focus stays inside, and returns to the cell on close (`closed`). */
export function panelDialog(card: TemplateResult, title: string, words: Words, closed: () => void) {
  return html`<dialog class="panel-dialog" aria-label=${title} @close=${closed}>
    <button type="button" class="dialog-close" @click=${(e: Event) => ((e.target as HTMLElement).closest('dialog') as HTMLDialogElement).close()}>${words.close}</button>
    ${card}
  </dialog>`;
}

/** Each session of a room, with the lane it sits in: sessions that overlap in one room sit side by side. */
function lanes(rows: SessionRow[]): Map<SessionRow, number> & { count: number } {
  const ends: number[] = [];
  const out = new Map<SessionRow, number>() as Map<SessionRow, number> & { count: number };
  for (const row of [...rows].sort((a, b) => a.start - b.start || a.end - b.end)) {
    let lane = ends.findIndex((end) => end <= row.start);
    if (lane < 0) lane = ends.push(0) - 1;
    ends[lane] = Math.max(row.end, row.start + QUARTER);
    out.set(row, lane);
  }
  out.count = Math.max(1, ends.length);
  return out;
}

/**
 * The timetable: for each day shown (one, or every day in turn, each drawn as it comes near), a column per room in the
 * programme's order and a line per quarter hour. Rows grow to fit what their cells say, so no
 * text is ever cut; sessions that overlap in one room sit side by side. The DOM keeps time
 * order (then room), so reading order and tab order follow the clock, not the columns.
 */
export function gridView(input: GridInput) {
  return html`<div class="grid-days">
    ${input.chunks.map((chunk) =>
      chunk.rendered
        ? html`<div data-chunk=${chunk.index}>${dayGrid(chunk.items[0], input)}</div>`
        : html`<div data-chunk=${chunk.index} class="placeholder" aria-hidden="true" ${setStyles({ height: `${chunk.height}px` })}></div>`,
    )}
  </div>`;
}

function dayGrid(day: string, { rows, days, zone, locale, level, words, now, index, star, open, href }: GridInput) {
  const order = roomsOf(index);
  const themes = index.conference.themes;
  const dayRows = rows.filter((_, i) => days[i] === day);
  const byRoom = new Map<string, SessionRow[]>();
  for (const row of dayRows) {
    const room = row.location ?? words.noRoom;
    if (!byRoom.has(room)) byRoom.set(room, []);
    byRoom.get(room)!.push(row);
  }
  const rooms = [...order.filter((r) => byRoom.has(r)), ...[...byRoom.keys()].filter((r) => !order.includes(r))];
  const laneOf = new Map(rooms.map((room) => [room, lanes(byRoom.get(room)!)]));
  // Each room's first grid column (after the time column), and its number of lanes.
  const firstColumn = new Map<string, number>();
  let column = 2;
  for (const room of rooms) {
    firstColumn.set(room, column);
    column += laneOf.get(room)!.count;
  }
  const first = Math.floor(Math.min(...dayRows.map((r) => r.start)) / QUARTER) * QUARTER;
  // One day's timetable: a session running on for days (or years) is cut at 24 hours.
  const last = Math.min(Math.ceil(Math.max(...dayRows.map((r) => r.end)) / QUARTER) * QUARTER, first + DAY);
  const slots = Math.max(1, (last - first) / QUARTER);
  const ticks: number[] = [];
  for (let t = Math.ceil(first / (4 * QUARTER)) * 4 * QUARTER; t < last; t += 4 * QUARTER) ticks.push(t);
  const title = formatDay(new Date(dayRows[0].start), zone, locale);
  const id = `grid-title-${day}`;
  const live = now >= first && now < last;
  const nowRow = Math.floor((now - first) / QUARTER) + 2;
  const lanesTotal = column - 2;

  return html`<section part="grid" class="grid-wrap" aria-labelledby=${id}>
    <div role="heading" aria-level=${level} id=${id} class="day grid-day">${words.timetableFor(title)}</div>
    <div class="grid-scroll">
      <div
        class="grid"
        ${setStyles({
          'grid-template-columns': `4.5em repeat(${lanesTotal}, minmax(11em, 1fr))`,
          'grid-template-rows': `auto repeat(${slots}, minmax(var(--session-list-grid-slot, 1.25rem), auto))`,
        })}
      >
        ${rooms.map(
          (room) =>
            html`<div class="room" aria-hidden="true" ${setStyles({ 'grid-column': `${firstColumn.get(room)} / span ${laneOf.get(room)!.count}`, 'grid-row': '1' })}>
              ${room}
            </div>`,
        )}
        ${ticks.map(
          (t) =>
            html`<div class="tick" aria-hidden="true" ${setStyles({ 'grid-column': '1', 'grid-row': `${(t - first) / QUARTER + 2}` })}>${formatTime(new Date(t), zone, locale)}</div>`,
        )}
        ${live ? html`<div class="now-line" aria-hidden="true" ${setStyles({ 'grid-column': '1 / -1', 'grid-row': `${nowRow}` })}></div>` : nothing}
        ${dayRows.map((row) => {
          const room = row.location ?? words.noRoom;
          const col = firstColumn.get(room)! + laneOf.get(room)!.get(row)!;
          const from = Math.floor((row.start - first) / QUARTER) + 2;
          const to = Math.max(from + 1, Math.ceil((Math.min(row.end, last) - first) / QUARTER) + 2);
          const isLive = row.start <= now && now < row.end;
          const { panel, session } = titleParts(row);
          const people = peopleOf(row);
          const time = `${formatTime(new Date(row.start), zone, locale)}\u2009\u2013\u2009${formatTime(new Date(row.end), zone, locale)}`;
          const link = href(row);
          const name = html`<span class="panel-title">${panel}</span>${session ? html`: <span class="session-title">${session}</span>` : nothing}`;
          const theme = row.panel.theme ? themeColor(row.panel.theme, themes) : undefined;
          return html`<div
            class="cell ${isLive ? 'live' : ''}"
            ${setStyles({ 'grid-column': `${col}`, 'grid-row': `${from} / ${to}`, ...(theme ? { '--chip': theme } : {}) })}
            data-session=${row.session.id}
          >
            <div class="cell-head">
              <div role="heading" aria-level=${level + 1} class="title">
                ${
                  link
                    ? html`<a class="title-link" href=${link}>${name}</a>`
                    : html`<button type="button" class="title-button" aria-haspopup="dialog" @click=${(e: Event) => open(row, e.currentTarget as HTMLElement)}>${name}</button>`
                }
              </div>
              ${star(row)}
            </div>
            <p class="meta">
              <span class="visually-hidden">${title}, </span><time datetime=${row.session.start}>${time}</time>, <span class="where">${room}</span>
              ${isLive ? html`<span part="now" class="now">${words.happeningNow}</span>` : nothing}
            </p>
            ${people.length ? html`<p class="people">${peopleText(people, words)}</p>` : nothing}
          </div>`;
        })}
      </div>
    </div>
  </section>`;
}

/** The timetable's styles, adopted by the list's shadow root when the timetable loads. */
export const gridStyles = css`
  .grid-wrap + .grid-wrap {
    margin-block-start: 1.5rem;
  }
  /* Many rooms scroll sideways inside the element; the page alone scrolls down. */
  .grid-scroll {
    overflow-x: auto;
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
    position: sticky;
    inset-inline-start: 0;
    z-index: 1;
    font-size: 0.8em;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
    border-block-start: 1px solid var(--_border);
    background: var(--programme-surface, Canvas);
  }
  .now-line {
    border-block-start: 2px solid var(--_now);
    align-self: start;
    z-index: 2;
    pointer-events: none;
  }
  .cell {
    /* Rows grow to fit: nothing is cut, and words break only where they must. */
    overflow-wrap: break-word;
    hyphens: auto;
    padding: 0.3em 0.4em;
    border: 1px solid var(--_border);
    /* The theme's colour marks the cell; its name is in the filters and the panel. */
    border-inline-start: 4px solid var(--chip, var(--_accent));
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
  .cell .title {
    font-size: 1em;
  }
  .cell .meta,
  .cell .people {
    display: block;
    margin: 0.2em 0 0;
  }
  .panel-dialog {
    width: min(48rem, calc(100vw - 2rem));
    max-height: calc(100vh - 2rem);
    padding: 1rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: Canvas;
    color: CanvasText;
  }
  .panel-dialog::backdrop {
    background: color-mix(in srgb, CanvasText 40%, transparent);
  }
  .dialog-close {
    float: inline-end;
    min-height: 2.25em;
    padding: 0.25em 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: transparent;
  }
`;
