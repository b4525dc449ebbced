import { createHash, randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';

/**
 * Where does the server keep its state? In a database: SQLite in one file by default, or
 * PostgreSQL when a `postgres://` URL is given (several server processes can then share it).
 * `openDatabase` picks the engine, brings the schema up to date (migrations.mjs) and, once per
 * database, imports the schedules of the old JSON data file (store.mjs).
 *
 * Both engines return the same object; every method is async and returns plain values:
 *
 *   kind                                   'sqlite' | 'postgres'
 *   secret()                               the server's random secret, made on first use
 *   ensureUsers(users)                     adds the accounts not there yet (by id)
 *   userById(id), userByUsername(name)     { id, username, name, password, passwordChangedAt } | null
 *   setPassword(userId, hash, now)         and signs that user out everywhere
 *   createSession(userId, now)             a new session id (only its SHA-256 is stored)
 *   readSession(id, now, { idleMs, absoluteMs })   the user id, or null when unknown or expired
 *   deleteSession(id), deleteSessionsOf(userId)
 *   items(userId)                          the starred item ids, in the order they were starred
 *   choose(userId, itemId, starred, at, maxItems)  { starred, at, applied }; a later press wins
 *   choices(userId)                        every row, tombstones too: [{ itemId, starred, at }]
 *   recordFailure(key, now), failuresSince(key, since), clearFailures(key), pruneFailures(before)
 *   newToken(userId, kind, now), userOfToken(kind, token), hasToken(userId, kind), deleteToken(userId, kind)
 *   close()
 *
 * The engines are loaded only when asked for, so a server on SQLite does not need `pg`
 * installed and one on PostgreSQL does not need `better-sqlite3`.
 */

/** Thrown by `choose` when starring one more item would take a schedule past `maxItems`. */
export class ScheduleFullError extends Error {
  name = 'ScheduleFullError';
}

/** How long a session id or token may be before it is refused unlooked-at (ours are 43 and 32 characters). */
const MAX_ID_LENGTH = 100;

/** A random id of `bytes` bytes, base64url: session ids, tokens and the secret. */
export const randomId = (bytes) => randomBytes(bytes).toString('base64url');

/** What is stored instead of a session id or token: its SHA-256, hex. A copy of the database then lets no one sign in. */
export const hashOf = (id) => createHash('sha256').update(id).digest('hex');

/** Whether a session id or token from a request is worth a query: a string of at most MAX_ID_LENGTH characters. */
export const plausibleId = (id) => typeof id === 'string' && id.length > 0 && id.length <= MAX_ID_LENGTH;

/**
 * Whether a press (`starred`, `at`) should replace the one on record (`row`, or none). Later
 * wins; of two at the same moment, starring wins, so a tie cannot lose an item. Every press
 * carries its own `at`, so presses that arrive out of order (retries, two devices) still end in
 * the state of the last one made.
 */
export const isLater = (starred, at, row) => !row || at > row.at || (at === row.at && starred && !row.starred);

/** Checks the arguments of `choose` before any query, so that a bad call fails the same way on both engines. */
export function checkChoice(userId, itemId, starred, at, maxItems) {
  if (typeof userId !== 'string' || typeof itemId !== 'string') throw new TypeError('choose: userId and itemId must be strings.');
  if (typeof starred !== 'boolean') throw new TypeError('choose: starred must be a boolean.');
  if (!Number.isFinite(at)) throw new TypeError('choose: at must be a finite number of milliseconds.');
  if (!(maxItems >= 0)) throw new TypeError('choose: maxItems must be a number.');
}

/** The error `choose` throws when a schedule is full. */
export const scheduleFull = (maxItems) => new ScheduleFullError(`A schedule holds at most ${maxItems} items.`);

/**
 * Reads the old data file, `{ "secret": "…", "schedules": { userId: [itemId, …] } }`, for the
 * import: null when it is not there, an error when it is something else.
 */
async function readOldDataFile(path) {
  let text, info;
  try {
    info = await stat(path);
    text = await readFile(path, 'utf8');
  } catch (e) {
    if (e.code === 'ENOENT') return null;
    throw e;
  }
  const data = JSON.parse(text);
  const schedules = data?.schedules;
  const valid =
    typeof data?.secret === 'string' &&
    typeof schedules === 'object' &&
    schedules !== null &&
    !Array.isArray(schedules) &&
    Object.values(schedules).every((ids) => Array.isArray(ids) && ids.every((id) => typeof id === 'string'));
  if (!valid) throw new Error(`${path} is not a schedule data file ({ "secret", "schedules": { userId: [itemIds] } }).`);
  return { secret: data.secret, schedules, at: info.mtimeMs };
}

/**
 * Opens (and creates, and migrates) the database: PostgreSQL when `url` is given, otherwise
 * SQLite in `file`. When `importFile` names an old JSON data file that this database has not
 * imported yet (meta key `imported:<absolute path>`), its schedules become starred rows, each at
 * the file's modification time, in their order; its secret becomes the database's secret unless
 * there is one already, so that what it signed stays valid. The file itself is left alone. The
 * import happens once: opening again later does not bring back an item unstarred since.
 *
 * `log` (a function of one line), when given, hears about migrations and the import.
 */
export async function openDatabase({ file, url, importFile, log } = {}) {
  const say = typeof log === 'function' ? log : () => {};
  let db;
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) throw new Error('The database URL must start with postgres:// or postgresql://.'); // not echoed: it may hold a password
    const { openPostgres } = await import('./postgres.mjs');
    db = await openPostgres({ url, log: say });
  } else {
    if (!file) throw new Error('openDatabase needs a file (SQLite) or a url (PostgreSQL).');
    const { openSqlite } = await import('./sqlite.mjs');
    db = await openSqlite({ file, log: say });
  }
  if (importFile) {
    const path = resolve(importFile);
    try {
      const count = await db.importOnce(`imported:${path}`, () => readOldDataFile(path));
      if (count !== null) say(`database: imported ${count} schedule items from ${path}`);
    } catch (e) {
      await db.close();
      throw e;
    }
  }
  return db;
}
