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
/**
 * The timetable of the rows shown: every day in turn, each cut into blocks of time. The same
 * array comes back for the same rows, so the row window that draws the blocks keeps its state.
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
    blocks = [...byDay].flatMap(([day, dayRows]) => layDay(day, dayRows, order).blocks);
    layouts.set(rows, blocks);
  }
  return blocks;
}

function layDay(key: string, rows: SessionRow[], order: string[]): TimetableDay {
  const start = Math.min(...rows.map((r) => r.start));
  const first = Math.floor(start / QUARTER) * QUARTER;
  // One day's timetable: a session running on for days (or years) is cut at 24 hours.
  const last = Math.min(Math.ceil(Math.max(...rows.map((r) => r.end)) / QUARTER) * QUARTER, first + DAY);
  const slots = Math.max(1, (last - first) / QUARTER);
  const placed = rows
    .map((row, i): PlacedSession & { i: number } => {
      const from = Math.min(Math.floor((row.start - first) / QUARTER), slots - 1);
      const to = Math.max(from + 1, Math.ceil((Math.min(row.end, last) - first) / QUARTER));
      return { row, room: row.location ?? '', from, to, lane: 0, lanes: 1, i };
    })
    .sort((a, b) => a.from - b.from || a.to - b.to || a.i - b.i);

  const inUse = new Set(placed.map((p) => p.room));
  const rooms = [...order.filter((r) => inUse.has(r)), ...(inUse.has('') ? [''] : [])];
  const lanes = rooms.map((room) => shareLanes(placed.filter((p) => p.room === room)));
  const day: TimetableDay = { day: key, start, rooms, lanes, blocks: [] };

  // Cut where no session runs across a quarter line, once a block holds enough sessions.
  let blockStart = 0;
  let reach = 0;
  let current: PlacedSession[] = [];
  const close = (end: number) => {
    const height = end - blockStart;
    const starts = new Set(current.map((p) => p.from)).size;
    day.blocks.push({
      day,
      first: first + blockStart * QUARTER,
      last: first + end * QUARTER,
      slots: height,
      sessions: current.map((p) => ({ ...p, from: p.from - blockStart + 1, to: p.to - blockStart + 1 })),
      estimate: starts * 96 + (height - starts) * 20,
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
  for (const p of sessions) {
    if (group.length && p.from >= Math.max(...ends)) {
      settle();
      group = [];
      ends = [];
    }
    let lane = ends.findIndex((end) => end <= p.from);
    if (lane < 0) lane = ends.push(0) - 1;
    ends[lane] = p.to;
    p.lane = lane;
    group.push(p);
  }
  if (group.length) settle();
  return widest;
}
