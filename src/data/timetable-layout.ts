import { peopleOf, titleParts } from './list-model.js';
import type { ProgrammeIndex } from './programme-index.js';
import type { SessionRow } from './session-rows.js';

/** The timetable's line: a quarter of an hour. */
export const QUARTER = 900_000;
const DAY = 86_400_000;
/**
 * A time block closes at the first quarter that no session runs across once it holds this many
 * sessions. Blocks are drawn as they come near the reader, so a day of 1,250 sessions costs what
 * a screenful does; a real conference's breaks are where its blocks end.
 */
const BLOCK_SESSIONS = 40;

/** A session in its block: its room's column, its lines, and its lane when sessions overlap in that room. */
export interface PlacedSession {
  row: SessionRow;
  /** The room ('' when the programme names none). */
  room: string;
  /** Its room's place in the day's `rooms` (0-based; the grid's column is this + 2). */
  column: number;
  /** 1-based grid lines of the block: the session covers rows `from` to `to` (exclusive). */
  from: number;
  to: number;
  /** Sessions that overlap in one room share its column: this one is lane `lane` of `lanes`. */
  lane: number;
  lanes: number;
}

/** One day of the timetable: its rooms (the columns) and its blocks of time. */
export interface TimetableDay {
  /** The day's key (yyyy-mm-dd in the zone shown). */
  day: string;
  /** The day's first session starts here. */
  start: number;
  /** The rooms in use that day, in the programme's order ('' last: no room named). */
  rooms: string[];
  /** For each room, the most sessions that run at once there: its column is that much wider. */
  lanes: number[];
  blocks: TimetableBlock[];
}

/** A run of quarters no session crosses into or out of: drawn (or stood in for) as one grid. */
export interface TimetableBlock {
  day: TimetableDay;
  /** The block's first and last instants (quarter-aligned). */
  first: number;
  last: number;
  /** Quarter lines in the block. */
  slots: number;
  /** Its sessions in time order (then programme order): the reading and tab order. */
  sessions: PlacedSession[];
  /** Its height in px before it has been drawn. */
  estimate: number;
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

const layouts = new WeakMap<SessionRow[], TimetableBlock[]>();
/** Each programme's days as last laid out, with the rows they were laid out from. */
const dayLayouts = new WeakMap<ProgrammeIndex, Map<string, { rows: SessionRow[]; day: TimetableDay }>>();
/**
 * The timetable of the rows shown: every day in turn, each cut into blocks of time. The same
 * array comes back for the same rows, so the row window that draws the blocks keeps its state;
 * a day whose rows are the same as last time (the reader went from one day to another and back,
 * or to "All days") is not laid out again, and keeps its blocks.
 * `days[i]` is the day of `rows[i]` in the zone shown.
 */
export function timetable(rows: SessionRow[], days: string[], index: ProgrammeIndex): TimetableBlock[] {
  let blocks = layouts.get(rows);
  if (!blocks) {
    const byDay = new Map<string, SessionRow[]>();
    rows.forEach((row, i) => {
      if (!byDay.has(days[i])) byDay.set(days[i], []);
      byDay.get(days[i])!.push(row);
    });
    const order = roomsOf(index);
    let laid = dayLayouts.get(index);
    if (!laid) dayLayouts.set(index, (laid = new Map()));
    blocks = [];
    for (const [key, dayRows] of byDay) {
      const last = laid.get(key);
      const same = last && last.rows.length === dayRows.length && last.rows.every((row, i) => row === dayRows[i]);
      const day = same ? last.day : layDay(key, dayRows, order);
      if (!same) laid.set(key, { rows: dayRows, day });
      blocks.push(...day.blocks);
    }
    layouts.set(rows, blocks);
  }
  return blocks;
}

function layDay(key: string, rows: SessionRow[], order: string[]): TimetableDay {
  const start = rows.reduce((min, r) => Math.min(min, r.start), Infinity);
  const first = Math.floor(start / QUARTER) * QUARTER;
  // One day's timetable: a session running on for days (or years) is cut at 24 hours.
  const last = Math.min(Math.ceil(rows.reduce((max, r) => Math.max(max, r.end), -Infinity) / QUARTER) * QUARTER, first + DAY);
  const slots = Math.max(1, (last - first) / QUARTER);
  const placed = rows
    .map((row, i): PlacedSession & { i: number } => {
      const from = Math.min(Math.floor((row.start - first) / QUARTER), slots - 1);
      const to = Math.max(from + 1, Math.ceil((Math.min(row.end, last) - first) / QUARTER));
      return { row, room: row.location ?? '', column: 0, from, to, lane: 0, lanes: 1, i };
    })
    .sort((a, b) => a.from - b.from || a.to - b.to || a.i - b.i);

  const byRoom = new Map<string, PlacedSession[]>();
  for (const p of placed) {
    if (!byRoom.has(p.room)) byRoom.set(p.room, []);
    byRoom.get(p.room)!.push(p);
  }
  const rooms = [...order.filter((r) => byRoom.has(r)), ...(byRoom.has('') ? [''] : [])];
  const lanes = rooms.map((room, column) => {
    const inRoom = byRoom.get(room)!;
    for (const p of inRoom) p.column = column;
    return shareLanes(inRoom);
  });
  const day: TimetableDay = { day: key, start, rooms, lanes, blocks: [] };

  // Cut where no session runs across a quarter line, once a block holds enough sessions.
  let blockStart = 0;
  let reach = 0;
  let current: PlacedSession[] = [];
  const close = (end: number) => {
    const height = end - blockStart;
    // A line is as tall as the tallest cell that starts on it; a line where none starts, a quarter's least.
    const tallest = new Map<number, number>();
    for (const p of current) tallest.set(p.from, Math.max(tallest.get(p.from) ?? 0, cellHeight(p, lanes[p.column])));
    let estimate = (height - tallest.size) * SLOT_PX + height * 2;
    for (const h of tallest.values()) estimate += h;
    day.blocks.push({
      day,
      first: first + blockStart * QUARTER,
      last: first + end * QUARTER,
      slots: height,
      sessions: current.map((p) => ({ ...p, from: p.from - blockStart + 1, to: p.to - blockStart + 1 })),
      estimate,
    });
    blockStart = end;
    current = [];
  };
  for (const p of placed) {
    if (p.from >= reach && current.length >= BLOCK_SESSIONS) close(p.from);
    current.push(p);
    reach = Math.max(reach, p.to);
  }
  close(slots);
  return day;
}

/** A quarter line where no session starts: `--session-list-grid-slot`, 1.25rem. */
const SLOT_PX = 20;
/** A cell's line of text (0.875em of 16px, line-height about 1.4) and the width of an average character. */
const LINE_PX = 20;
const CHAR_PX = 7.5;

/**
 * How tall a cell is expected to be before it has been drawn, from the length of what it says and
 * the width of its lane: the blocks of time are drawn as they come near by this estimate, so an
 * estimate too small draws far more than a screenful at first.
 */
function cellHeight(p: PlacedSession, roomLanes: number): number {
  // The room's column (11em, 8em more for each lane) shared by the session's lanes, less padding and border.
  const width = ((11 + (roomLanes - 1) * 8) * 16 - (p.lanes - 1) * 4) / p.lanes - 16;
  const perLine = Math.max(6, Math.floor(width / CHAR_PX));
  const lines = (chars: number, less = 0) => Math.max(1, Math.ceil(chars / Math.max(6, perLine - less)));
  const { panel, session } = titleParts(p.row);
  const people = peopleOf(p.row);
  // The title beside the star; the time and room; the first names of the people.
  const title = lines(panel.length + (session ? session.length + 2 : 0), 4);
  const meta = lines(22 + p.room.length);
  const names = people.length ? lines(people.slice(0, 4).join(', ').length) : 0;
  return 16 + (title + meta + names) * LINE_PX + (names ? 3 : 0);
}

/**
 * Gives each session of one room its lane: sessions that overlap (on the quarter lines) form a
 * group whose members share the column side by side. Returns the room's widest group.
 */
function shareLanes(sessions: PlacedSession[]): number {
  let widest = 1;
  let group: PlacedSession[] = [];
  let ends: number[] = [];
  const settle = () => {
    for (const p of group) p.lanes = ends.length;
    widest = Math.max(widest, ends.length);
  };
  let reach = 0;
  for (const p of sessions) {
    if (group.length && p.from >= reach) {
      settle();
      group = [];
      ends = [];
    }
    let lane = ends.findIndex((end) => end <= p.from);
    if (lane < 0) lane = ends.push(0) - 1;
    ends[lane] = p.to;
    reach = Math.max(reach, p.to);
    p.lane = lane;
    group.push(p);
  }
  if (group.length) settle();
  return widest;
}
