import { css, html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import { setStyles } from '../shared/set-styles.js';
import { peopleOf, titleParts } from '../../data/list-model.js';
import { themeColor } from '../../data/theme-colors.js';
import { QUARTER, type TimetableBlock, type TimetableDay } from '../../data/timetable-layout.js';
import type { Conference } from '../../data/types.js';
import type { SessionRow } from '../../data/session-rows.js';
import { formatDay, formatTime } from '../../time/format.js';
import type { Words } from '../../words.js';
import { peopleText } from './list-rows.js';
import type { Chunk, RowWindow } from './row-window.js';

export { timetable } from '../../data/timetable-layout.js';

export interface GridInput {
  /** The blocks of time shown, one per chunk: each is drawn when it comes near the reader (RowWindow). */
  chunks: Chunk<TimetableBlock>[];
  /** Every session of the programme: while it runs, a control jumps to now. */
  all: SessionRow[];
  zone: string;
  locale: string;
  level: number;
  words: Words;
  now: number;
  themes: Conference['themes'];
  star: (row: SessionRow) => TemplateResult;
  /** The reader opened a cell: show its panel (panelDialog). */
  open: (row: SessionRow) => void;
  /** The link of a panel's title, when the host gives `panel-href`. */
  href: (row: SessionRow) => string | undefined;
  /** The reader asked for now. */
  jump: () => void;
}

/** The cell whose panel is open: focus goes back to it when the dialog closes (one modal dialog at a time). */
let opener: HTMLElement | undefined;

/** A timetable cell's panel, in a modal dialog: focus stays inside, and returns to the cell on close (`closed`). */
export function panelDialog(card: TemplateResult, title: string, words: Words, closed: () => void) {
  return html`<dialog class="panel-dialog" aria-label=${title} @close=${() => (closed(), opener?.focus())}>
    <button type="button" class="dialog-close" @click=${(e: Event) => ((e.target as HTMLElement).closest('dialog') as HTMLDialogElement).close()}>${words.close}</button>
    ${card}
  </dialog>`;
}

/**
 * The timetable: for each day shown (one, or every day in turn), a column per room in the
 * programme's order and a line per quarter hour, drawn a block of time at a time as the reader
 * comes near. Rows grow to fit what their cells say, so no text is ever cut; sessions that overlap
 * in one room share its column side by side. The room names stay at the top of the page while
 * the day is in view, and follow the grid when it scrolls sideways. The DOM keeps time order (then
 * room), so reading order and tab order follow the clock, not the columns.
 */
export function gridView(input: GridInput) {
  const days: Array<{ day: TimetableDay; chunks: Chunk<TimetableBlock>[] }> = [];
  for (const chunk of input.chunks) {
    const day = chunk.items[0].day;
    if (days[days.length - 1]?.day !== day) days.push({ day, chunks: [] });
    days[days.length - 1].chunks.push(chunk);
  }
  const { all, now, words } = input;
  const live = all.length > 0 && all[0].start - QUARTER * 4 <= now && now < Math.max(...all.map((r) => r.end));
  return html`${live ? html`<button type="button" class="jump-now" @click=${input.jump}>${words.jumpToNow}</button>` : nothing}
    <div class="grid-days">${days.map(({ day, chunks }) => dayView(day, chunks, input))}</div>`;
}

/** The grid's columns: the times, then each room, wider where sessions share it. */
function columns(day: TimetableDay) {
  const widths = day.lanes.map((lanes) => 11 + (lanes - 1) * 8);
  const total = widths.reduce((sum, w) => sum + w, 4.5);
  return {
    'grid-template-columns': `4.5em ${widths.map((w) => `minmax(${w}em, 1fr)`).join(' ')}`,
    // The same width for the heading row and every block, so that their columns line up.
    width: `max(100%, calc(${total}em + ${widths.length * 4}px))`,
  };
}

function dayView(day: TimetableDay, chunks: Chunk<TimetableBlock>[], input: GridInput) {
  const { zone, locale, level, words } = input;
  const title = formatDay(new Date(day.start), zone, locale);
  const id = `grid-title-${day.day}`;
  const layout = columns(day);
  return html`<section part="grid" class="grid-wrap" aria-labelledby=${id}>
    <div role="heading" aria-level=${level} id=${id} class="day grid-day">${words.timetableFor(title)}</div>
    <div class="grid-head" aria-hidden="true">
      <div class="grid" ${setStyles(layout)}>
        <div class="corner"></div>
        ${day.rooms.map((room) => html`<div class="room">${room || words.noRoom}</div>`)}
      </div>
    </div>
    <div class="grid-scroll" @scroll=${followSideways}>
      <div class="grid-body">
        ${chunks.map((chunk) =>
          chunk.rendered
            ? html`<div data-chunk=${chunk.index} class="grid" ${setStyles(layout)}>${blockView(chunk.items[0], title, input)}</div>`
            : html`<div data-chunk=${chunk.index} class="placeholder" aria-hidden="true" ${setStyles({ height: `${chunk.height}px` })}></div>`,
        )}
      </div>
    </div>
  </section>`;
}

/** The room names follow the grid when the reader scrolls it sideways. */
function followSideways(e: Event) {
  const body = e.currentTarget as HTMLElement;
  (body.previousElementSibling as HTMLElement).scrollLeft = body.scrollLeft;
}

function blockView(block: TimetableBlock, dayTitle: string, { zone, locale, level, words, now, themes, star, open, href }: GridInput) {
  const ticks: number[] = [block.first];
  for (let t = Math.ceil((block.first + 1) / (4 * QUARTER)) * 4 * QUARTER; t < block.last; t += 4 * QUARTER) ticks.push(t);
  const live = now >= block.first && now < block.last;
  const rooms = block.day.rooms;
  return html`<div class="time-col" aria-hidden="true" ${setStyles({ 'grid-row': `1 / ${block.slots + 1}` })}></div>
    ${ticks.map(
      (t) =>
        html`<div class="tick" aria-hidden="true" ${setStyles({ 'grid-row': `${(t - block.first) / QUARTER + 1}` })}>${formatTime(new Date(t), zone, locale)}</div>`,
    )}
    ${live ? html`<div class="now-line" aria-hidden="true" ${setStyles({ 'grid-column': '1 / -1', 'grid-row': `${Math.floor((now - block.first) / QUARTER) + 1}` })}></div>` : nothing}
    ${block.sessions.map(({ row, room, from, to, lane, lanes }) => {
      const isLive = row.start <= now && now < row.end;
      const { panel, session } = titleParts(row);
      const people = peopleOf(row);
      const time = `${formatTime(new Date(row.start), zone, locale)}\u2009\u2013\u2009${formatTime(new Date(row.end), zone, locale)}`;
      const link = href(row);
      const name = html`<span class="panel-title">${panel}</span>${session ? html`: <span class="session-title">${session}</span>` : nothing}`;
      const theme = row.panel.theme ? themeColor(row.panel.theme, themes) : undefined;
      const grid = { 'grid-column': `${rooms.indexOf(room) + 2}`, 'grid-row': `${from} / ${to}` };
      return html`<div
        class="cell ${isLive ? 'live' : ''} ${lanes > 1 ? 'shared' : ''}"
        ${setStyles({ ...grid, ...(lanes > 1 ? { '--lane': `${lane}`, '--lanes': `${lanes}` } : {}), ...(theme ? { '--chip': theme } : {}) })}
        data-session=${row.session.id}
      >
        <div class="cell-head">
          <div role="heading" aria-level=${level + 1} class="title">
            ${
              link
                ? html`<a class="title-link" href=${link}>${name}</a>`
                : html`<button type="button" class="title-button" aria-haspopup="dialog" @click=${(e: Event) => ((opener = e.currentTarget as HTMLElement), open(row))}>${name}</button>`
            }
          </div>
          ${star(row)}
        </div>
        <p class="meta">
          <span class="visually-hidden">${dayTitle}, </span><time datetime=${row.session.start}>${time}</time>, <span class="where">${room || words.noRoom}</span>
          ${isLive ? html`<span part="now" class="now">${words.happeningNow}</span>` : nothing}
        </p>
        ${people.length ? html`<p class="people">${peopleText(people, words)}</p>` : nothing}
      </div>`;
    })}`;
}

/** Opens the panel's dialog as a modal once it is in the page. */
export function showDialog(root: ParentNode) {
  const dialog = root.querySelector<HTMLDialogElement>('dialog.panel-dialog');
  if (dialog && !dialog.open) dialog.showModal();
}

/**
 * Brings now into view: the day of what is on now (or next) when one day is shown, then the block
 * that holds now (or the next to come) drawn and scrolled to, and focus on its first session
 * running now (or the next), so that a keyboard reader is there too. `days[i]` is the day of `all[i]`.
 */
export async function showNow(
  now: number,
  all: SessionRow[],
  days: string[],
  day: string | undefined,
  chooseDay: (day: string | undefined) => void,
  blocks: RowWindow<TimetableBlock>,
  host: ReactiveElement,
) {
  if (day) chooseDay(days[all.findIndex((row) => row.end > now)]);
  await host.updateComplete;
  const position = blocks.items.findIndex((b) => now < b.last);
  if (position < 0) return;
  blocks.reveal(position);
  await host.updateComplete;
  const block = blocks.items[position];
  const target = block.sessions.find(({ row }) => row.start <= now && now < row.end) ?? block.sessions.find(({ row }) => row.start >= now) ?? block.sessions[0];
  const cell = host.renderRoot.querySelector<HTMLElement>(`[data-chunk="${position}"] [data-session="${CSS.escape(target.row.session.id)}"]`);
  cell?.scrollIntoView({ block: 'center', inline: 'nearest' });
  cell?.querySelector<HTMLElement>('.title-button, .title-link')?.focus({ preventScroll: true });
}

/** The timetable's styles, adopted by the list's shadow root when the timetable loads. */
export const gridStyles = css`
  .grid-wrap + .grid-wrap {
    margin-block-start: 1.5rem;
  }
  /* The room names stay at the top of the page while their day is in view. */
  .grid-head {
    position: sticky;
    top: 0;
    z-index: 3;
    overflow: hidden;
    background: var(--programme-surface, Canvas);
  }
  /* Many rooms scroll sideways inside the element; the page alone scrolls down. */
  .grid-scroll {
    overflow-x: auto;
  }
  .grid {
    display: grid;
    gap: 2px 4px;
    grid-auto-rows: minmax(var(--session-list-grid-slot, 1.25rem), auto);
  }
  .grid-body > .grid + .grid {
    margin-block-start: 2px;
  }
  .room {
    font-weight: 600;
    font-size: 0.9em;
    padding: 0.25em;
    border-block-end: 2px solid var(--_border);
  }
  .time-col {
    grid-column: 1;
    position: sticky;
    inset-inline-start: 0;
    z-index: 1;
    background: var(--programme-surface, Canvas);
  }
  .tick {
    grid-column: 1;
    position: sticky;
    inset-inline-start: 0;
    z-index: 2;
    font-size: 0.8em;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
    border-block-start: 1px solid var(--_border);
  }
  .jump-now {
    margin-block-end: 0.75rem;
    min-height: 2.25em;
    padding: 0.25em 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: transparent;
    color: inherit;
    font: inherit;
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
    /* Cells scrolled off to the side are not laid out until they come into view. */
    content-visibility: auto;
    contain-intrinsic-size: auto 6em;
  }
  /* Sessions that overlap in one room share its column, side by side. */
  .cell.shared {
    justify-self: start;
    width: calc((100% - (var(--lanes) - 1) * 4px) / var(--lanes));
    margin-inline-start: calc(var(--lane) * ((100% - (var(--lanes) - 1) * 4px) / var(--lanes) + 4px));
    box-sizing: border-box;
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
