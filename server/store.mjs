import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** At most this many items on one person's schedule, so that the file cannot grow without bound. */
export const MAX_ITEMS_PER_USER = 10000;

/** Thrown by `add` when a schedule is full. */
export class ScheduleFullError extends Error {}

async function load(dataFile) {
  let text;
  try {
    text = await readFile(dataFile, 'utf8');
  } catch (e) {
    if (e.code === 'ENOENT') return null;
    throw e;
  }
  const data = JSON.parse(text);
  if (typeof data?.secret !== 'string' || typeof data.schedules !== 'object' || data.schedules === null) {
    throw new Error(`${dataFile} is not a schedule data file ({ "secret", "schedules" }).`);
  }
  return data;
}

/** Writes the whole file next to its final place, then renames it: a reader never sees half a file. */
async function writeAtomically(dataFile, data) {
  const temp = `${dataFile}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await mkdir(dirname(dataFile), { recursive: true });
    await writeFile(temp, JSON.stringify(data, null, 2) + '\n', { mode: 0o600 });
    await rename(temp, dataFile);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
}

/**
 * The server's persistent state, one JSON file: `{ "secret": "…", "schedules": { userId: [ids] } }`.
 * The secret signs session cookies; it is made on first start.
 *
 * Changes are applied one at a time: each one reads the state the previous one left, writes the
 * whole file atomically, and only then becomes visible to readers. So no two writes race, and a
 * change that did not reach the disk is never reported as made.
 */
export async function openStore(dataFile) {
  let state = await load(dataFile);
  if (!state) {
    state = { secret: randomBytes(32).toString('base64url'), schedules: {} };
    await writeAtomically(dataFile, state);
  }

  let queue = Promise.resolve();
  /** Runs `change` (state → new state, or null for "nothing to do") after every earlier change. */
  const update = (change) => {
    const run = queue.then(async () => {
      const next = change(state);
      if (!next) return;
      await writeAtomically(dataFile, next);
      state = next;
    });
    queue = run.catch(() => {});
    return run;
  };
  const withSchedule = (s, userId, ids) => ({ ...s, schedules: { ...s.schedules, [userId]: ids } });

  return {
    secret: state.secret,

    /** The ids on this user's schedule, in the order they were added. */
    items(userId) {
      return [...(Object.hasOwn(state.schedules, userId) ? state.schedules[userId] : [])];
    },

    /** Adds an id; resolves once it is on disk. Adding one already there changes nothing. */
    add(userId, itemId) {
      return update((s) => {
        const ids = Object.hasOwn(s.schedules, userId) ? s.schedules[userId] : [];
        if (ids.includes(itemId)) return null;
        if (ids.length >= MAX_ITEMS_PER_USER) throw new ScheduleFullError(`A schedule holds at most ${MAX_ITEMS_PER_USER} items.`);
        return withSchedule(s, userId, [...ids, itemId]);
      });
    },

    /** Removes an id; resolves once that is on disk. Removing one not there changes nothing. */
    remove(userId, itemId) {
      return update((s) => {
        const ids = Object.hasOwn(s.schedules, userId) ? s.schedules[userId] : [];
        if (!ids.includes(itemId)) return null;
        return withSchedule(
          s,
          userId,
          ids.filter((id) => id !== itemId),
        );
      });
    },

    /** Resolves when every change asked for so far has been written (or has failed). */
    flush() {
      return queue;
    },
  };
}
