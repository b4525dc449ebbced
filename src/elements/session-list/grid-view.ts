import { css, html, noChange, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import { Directive, directive, type ElementPart } from 'lit/directive.js';
import { setStyles } from '../shared/set-styles.js';
import { peopleOf, titleParts } from '../../data/list-model.js';
import { themeColor } from '../../data/theme-colors.js';
import { QUARTER, type PlacedSession, type TimetableBlock, type TimetableDay } from '../../data/timetable-layout.js';
import type { Conference } from '../../data/types.js';
import type { SessionRow } from '../../data/session-rows.js';
import { formatDay, formatTime } from '../../time/format.js';
import type { Words } from '../../words.js';
import { peopleText } from './list-rows.js';
import type { Chunk, RowWindow } from './row-window.js';

export { timetable } from '../../data/timetable-layout.js';

export interface GridInput {
  /** The element that shows the timetable: drawn again when the reader scrolls sideways to rooms not drawn yet. */
  host: ReactiveElement;
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

/**
 * What of a day is drawn: the cells of the rooms `from` to `to` (exclusive, places in `rooms`)
 * in every block drawn, and every cell of the blocks next to `focus` (a chunk's index), where the
 * keyboard is. The rooms drawn only widen as the reader scrolls sideways, so rows keep the height
 * they had and a cell once seen stays; a new day (or new filters: new days) starts again.
 */
interface Drawn {
  from: number;
  to: number;
  focus: number;
}
const drawnOf = new WeakMap<TimetableDay, Drawn>();

/** The time column's width, in em; a room's least width, in em (11, and 8 more for each extra lane it needs that day); the gap after each room, in px. */
const TIME_COLUMN = 4.5;
const roomWidths = (day: TimetableDay) => day.lanes.map((lanes) => 11 + (lanes - 1) * 8);
const COLUMN_GAP = 4;
/** How far beside the visible rooms cells are drawn ahead of the reader, in px. */
const SIDE_MARGIN = 320;

/**
 * The rooms of `day` near what `box` (the day's scrolling grid, or the element before it exists)
 * shows: [first, end). The columns are at their least width whenever the grid is wider than its box.
 */
function roomsInView(day: TimetableDay, box: Element, margin = SIDE_MARGIN): [number, number] {
  const width = box.clientWidth || window.innerWidth;
  const em = Number.parseFloat(getComputedStyle(box).fontSize) || 16;
  const widths = roomWidths(day).map((w) => w * em + COLUMN_GAP);
  if (widths.reduce((sum, w) => sum + w, TIME_COLUMN * em) <= width) return [0, widths.length];
  // Right to left, scrollLeft counts down from 0.
  const left = Math.abs(box.scrollLeft) - margin;
  const right = left + width + 2 * margin;
  let x = TIME_COLUMN * em;
  let from = -1;
  let to = 0;
  widths.forEach((w, i) => {
    if (x + w > left && x < right) {
      if (from < 0) from = i;
      to = i + 1;
    }
    x += w;
  });
  return [Math.max(from, 0), to];
}

/** Widens what is drawn of `day` to the rooms `box` shows now; says whether that draws more. */
function widen(day: TimetableDay, box: Element, margin?: number): boolean {
  const drawn = drawnOf.get(day);
  if (!drawn) return false;
  const [from, to] = roomsInView(day, box, margin);
  if (from >= drawn.from && to <= drawn.to) return false;
  drawn.from = Math.min(drawn.from, from);
  drawn.to = Math.max(drawn.to, to);
  return true;
}

/** The keyboard is in block `index` of `day` (its place in `day.blocks`): it and the blocks beside it are drawn whole. Says whether they were not. */
function focusBlock(day: TimetableDay, index: number, host: ReactiveElement): boolean {
  const drawn = drawnOf.get(day);
  if (!drawn || drawn.focus === index) return false;
  const whole = Math.abs(drawn.focus - index) <= 1 || (drawn.from === 0 && drawn.to >= day.rooms.length);
  drawn.focus = index;
  host.requestUpdate();
  return !whole;
}

/** The sessions whose cells have been drawn with their star (the star comes in the task after the cell's first frame). */
const withStar = new WeakSet<PlacedSession>();
/** Paper is not drawn in frames: stars at once. */
let printing = false;
addEventListener('beforeprint', () => (printing = true));
addEventListener('afterprint', () => (printing = false));

/**
 * Calls `job` once the next frame has been drawn and the page has nothing more pressing to do
 * (at most 300 ms later; where there is no requestIdleCallback, in a task after the frame's).
 */
const afterFrame = (job: () => void) =>
  requestAnimationFrame(() => ('requestIdleCallback' in window ? requestIdleCallback(job, { timeout: 300 }) : setTimeout(job, 1)));

const chunkOf = (e: Event) => (e.target as Element).closest<HTMLElement>('[data-chunk]');
/** The place in its day of the block drawn as `chunk`, the day's first block being chunk `first`. */
const blockOf = (chunk: HTMLElement, first: number) => Number(chunk.dataset.chunk) - first;

/**
 * Tab in a block: before the browser moves focus (the update runs first, as a microtask), the
 * blocks beside it are drawn whole, so that the next cell in time order is there whatever its room.
 */
function keyInGrid(e: KeyboardEvent, day: TimetableDay, first: number, host: ReactiveElement) {
  const chunk = e.key === 'Tab' && chunkOf(e);
  if (chunk) focusBlock(day, blockOf(chunk, first), host);
}

/**
 * The keyboard came into a block from outside the timetable: the block is drawn whole, and when the
 * browser had only the rooms drawn to choose from, focus goes on to the first (or, going back, the
 * last) control of the block in time order, where Tab (or Shift+Tab) would have gone.
 */
async function focusInGrid(e: FocusEvent, day: TimetableDay, first: number, host: ReactiveElement) {
  const target = e.target as HTMLElement;
  const chunk = chunkOf(e);
  const related = e.relatedTarget as Node | null;
  if (!chunk || (related && chunk.contains(related)) || !target.matches(':focus-visible')) return;
  if (!focusBlock(day, blockOf(chunk, first), host)) return;
  // A cell's title, then its star: the block's controls in tab order.
  const controls = () => [...chunk.querySelectorAll<HTMLElement>('.title-button, .title-link, star-toggle')];
  const back =
    !!related && !!((related.getRootNode() === chunk.getRootNode() ? chunk : host).compareDocumentPosition(related) & Node.DOCUMENT_POSITION_FOLLOWING);
  const edge = (list: HTMLElement[]) => (back ? list[list.length - 1] : list[0]);
  if (target !== edge(controls())) return;
  await host.updateComplete;
  const next = edge(controls());
  if (next && next !== target && host.shadowRoot?.activeElement === target) (next.shadowRoot?.querySelector('button') ?? next).focus();
}

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
  const { all, now, words, host } = input;
  const live = all.length > 0 && all[0].start - QUARTER * 4 <= now && now < all.reduce((max, r) => Math.max(max, r.end), -Infinity);
  // A day drawn for the first time: the rooms in view of the grid that will show it (Lit draws each
  // day in the section at its place), or of the element before there is one. (Read before Lit
  // changes anything, the layout is the last frame's: nothing is laid out for it.) The rooms beside
  // the view come once the day has been shown (WatchWidth), so that its first frame comes sooner.
  const boxes = host.renderRoot.querySelectorAll('.grid-scroll');
  days.forEach(({ day }, i) => {
    if (drawnOf.has(day)) return;
    const [from, to] = roomsInView(day, boxes[i] ?? host, 0);
    drawnOf.set(day, { from, to, focus: -2 });
  });
  // So do the stars of cells drawn for the first time (a custom element each, most of what a cell
  // costs): a stand-in as wide keeps each star's place until then.
  const pending: PlacedSession[] = [];
  const view = html`${live ? html`<button type="button" class="jump-now" @click=${input.jump}>${words.jumpToNow}</button>` : nothing}
    <div class="grid-days">${days.map(({ day, chunks }) => dayView(day, chunks, input, pending))}</div>`;
  if (pending.length)
    afterFrame(() => {
      for (const p of pending) withStar.add(p);
      host.requestUpdate();
    });
  return view;
}

/** The grid's columns: the times, then each room, wider where sessions share it. */
function columns(day: TimetableDay) {
  const widths = roomWidths(day);
  const total = widths.reduce((sum, w) => sum + w, TIME_COLUMN);
  return {
    'grid-template-columns': `${TIME_COLUMN}em ${widths.map((w) => `minmax(${w}em, 1fr)`).join(' ')}`,
    // The same width for the heading row and every block, so that their columns line up.
    width: `max(100%, calc(${total}em + ${widths.length * COLUMN_GAP}px))`,
  };
}

function dayView(day: TimetableDay, chunks: Chunk<TimetableBlock>[], input: GridInput, pending: PlacedSession[]) {
  const { zone, locale, level, words } = input;
  const title = formatDay(new Date(day.start), zone, locale);
  const id = `grid-title-${day.day}`;
  const layout = columns(day);
  const first = chunks[0].index;
  return html`<section part="grid" class="grid-wrap" aria-labelledby=${id}>
    <div role="heading" aria-level=${level} id=${id} class="day grid-day">${words.timetableFor(title)}</div>
    <div class="grid-head" aria-hidden="true">
      <div class="grid" ${setStyles(layout)}>
        <div class="corner"></div>
        ${day.rooms.map((room) => html`<div class="room">${room || words.noRoom}</div>`)}
      </div>
    </div>
    <div class="grid-scroll" @scroll=${(e: Event) => followSideways(e, day, input.host)} ${watchWidth(day, input.host)}>
      <div
        class="grid-body"
        @keydown=${(e: KeyboardEvent) => keyInGrid(e, day, first, input.host)}
        @focusin=${(e: FocusEvent) => focusInGrid(e, day, first, input.host)}
      >
        ${chunks.map((chunk) =>
          chunk.rendered
            ? html`<div data-chunk=${chunk.index} class="grid" ${setStyles(layout)}>${blockView(chunk.items[0], chunk.index - first, title, input, pending)}</div>`
            : html`<div data-chunk=${chunk.index} class="placeholder" aria-hidden="true" ${setStyles({ height: `${chunk.height}px` })}></div>`,
        )}
      </div>
    </div>
  </section>`;
}

/** The room names follow the grid when the reader scrolls it sideways, and the rooms coming into view are drawn. */
function followSideways(e: Event, day: TimetableDay, host: ReactiveElement) {
  const body = e.currentTarget as HTMLElement;
  (body.previousElementSibling as HTMLElement).scrollLeft = body.scrollLeft;
  if (widen(day, body)) host.requestUpdate();
}

/** A grid that grows wider (the window, or the page's column), or shows another day, shows more rooms: they are drawn. */
class WatchWidth extends Directive {
  render(_day: TimetableDay, _host: ReactiveElement) {
    return noChange;
  }

  override update(part: ElementPart, [day, host]: [TimetableDay, ReactiveElement]) {
    const box = part.element;
    // Observed again when it shows another day: the observer says its size once it has been laid
    // out, and the rooms then in view (it may have been scrolled sideways) are drawn.
    if (watched.get(box)?.day !== day) {
      watched.set(box, { day, host });
      resizes.unobserve(box);
      resizes.observe(box);
    }
    return noChange;
  }
}
const watchWidth = directive(WatchWidth);
const watched = new WeakMap<Element, { day: TimetableDay; host: ReactiveElement }>();
const resizes = new ResizeObserver((entries) => {
  for (const { target } of entries) {
    const seen = watched.get(target);
    // A grid taken out of the page (its size is then nothing) is let go.
    if (!target.isConnected) resizes.unobserve(target);
    else if (seen) {
      // What is in view at once; what is beside it once that has been shown.
      if (widen(seen.day, target, 0)) seen.host.requestUpdate();
      afterFrame(() => watched.get(target) === seen && widen(seen.day, target) && seen.host.requestUpdate());
    }
  }
});

function blockView(
  block: TimetableBlock,
  index: number,
  dayTitle: string,
  { zone, locale, level, words, now, themes, star, open, href }: GridInput,
  pending: PlacedSession[],
) {
  const ticks: number[] = [block.first];
  for (let t = Math.ceil((block.first + 1) / (4 * QUARTER)) * 4 * QUARTER; t < block.last; t += 4 * QUARTER) ticks.push(t);
  const live = now >= block.first && now < block.last;
  const drawn = drawnOf.get(block.day)!;
  const whole = Math.abs(drawn.focus - index) <= 1;
  const standIns = new Map<string, number>();
  return html`<div class="time-col" aria-hidden="true" ${setStyles({ 'grid-row': `1 / ${block.slots + 1}` })}></div>
    ${ticks.map(
      (t) =>
        html`<div class="tick" aria-hidden="true" ${setStyles({ 'grid-row': `${(t - block.first) / QUARTER + 1}` })}>${formatTime(new Date(t), zone, locale)}</div>`,
    )}
    ${live ? html`<div class="now-line" aria-hidden="true" ${setStyles({ 'grid-column': '1 / -1', 'grid-row': `${Math.floor((now - block.first) / QUARTER) + 1}` })}></div>` : nothing}
    ${block.sessions.map((placed) => {
      const { row, room, column, from, to, lane, lanes } = placed;
      if (!whole && (column < drawn.from || column >= drawn.to)) {
        // A room not drawn yet. Each of its sessions stands in at the block's end, once for all
        // those on the same lines, as tall as an undrawn cell: the rows are as they would be.
        standIns.set(`${from} / ${to}`, column + 2);
        return nothing;
      }
      const grid = { 'grid-column': `${column + 2}`, 'grid-row': `${from} / ${to}` };
      const isLive = row.start <= now && now < row.end;
      const { panel, session } = titleParts(row);
      const people = peopleOf(row);
      const time = `${formatTime(new Date(row.start), zone, locale)}\u2009\u2013\u2009${formatTime(new Date(row.end), zone, locale)}`;
      const link = href(row);
      const name = html`<span class="panel-title">${panel}</span>${session ? html`: <span class="session-title">${session}</span>` : nothing}`;
      const theme = row.panel.theme ? themeColor(row.panel.theme, themes) : undefined;
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
          ${withStar.has(placed) || printing || whole ? star(row) : (pending.push(placed), html`<span class="star-space"></span>`)}
        </div>
        <p class="meta">
          <span class="visually-hidden">${dayTitle}, </span><time datetime=${row.session.start}>${time}</time>, <span class="where">${room || words.noRoom}</span>
          ${isLive ? html`<span part="now" class="now">${words.happeningNow}</span>` : nothing}
        </p>
        ${people.length ? html`<p class="people">${peopleText(people, words)}</p>` : nothing}
      </div>`;
    })}${[...standIns].map(([rows, column]) => html`<div class="stand-in" aria-hidden="true" ${setStyles({ 'grid-column': `${column}`, 'grid-row': rows })}></div>`)}`;
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
  const block = blocks.items[position];
  // Every room of its block, whichever the session of now is in.
  const drawn = drawnOf.get(block.day);
  if (drawn) drawn.focus = block.day.blocks.indexOf(block);
  blocks.reveal(position);
  host.requestUpdate();
  await host.updateComplete;
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
  /* A cell of a room not drawn yet (far to the side): as tall as a cell not laid out yet. */
  .stand-in {
    font-size: 0.875em;
    min-block-size: calc(6.6em + 2px);
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
  /* Where a cell's star comes, in the task after the cell is first shown: as wide as the star. */
  .star-space {
    flex: none;
    inline-size: max(24px, calc(var(--star-toggle-size, 1.25rem) + 0.4em + 2px));
    block-size: max(24px, calc(var(--star-toggle-size, 1.25rem) + 0.4em + 2px));
  }
  .cell .title {
    font-size: 1em;
    /* A long word in a narrow lane breaks rather than pushing the star out of the cell. */
    min-width: 0;
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
