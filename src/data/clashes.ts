/**
 * Which of the reader's sessions overlap: among the sessions on their schedule (starred, or
 * through their panel or a paper), each one whose time overlaps another's, with those others. One
 * sweep in time order, so a programme of thousands of sessions costs a sort of the starred few.
 */
import { starState } from './list-model.js';
import type { SessionRow } from './session-rows.js';

const NONE: ReadonlyMap<string, SessionRow[]> = new Map();

/** Session id → the other starred sessions it overlaps (in time order). Touching ends do not clash. */
export function clashes(rows: readonly SessionRow[], starred: ReadonlySet<string>): ReadonlyMap<string, SessionRow[]> {
  if (!starred.size) return NONE;
  const mine = rows.filter((row) => starState(row, starred) !== 'none').sort((a, b) => a.start - b.start || a.end - b.end);
  const out = new Map<string, SessionRow[]>();
  const add = (row: SessionRow, other: SessionRow) => {
    const list = out.get(row.session.id);
    if (list) list.push(other);
    else out.set(row.session.id, [other]);
  };
  let open: SessionRow[] = [];
  for (const row of mine) {
    open = open.filter((other) => other.end > row.start);
    for (const other of open) {
      if (other.session.id === row.session.id) continue;
      add(row, other);
      add(other, row);
    }
    open.push(row);
  }
  for (const list of out.values()) list.sort((a, b) => a.start - b.start);
  return out;
}
