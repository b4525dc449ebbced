/**
 * How do the fault tests and the schedule-server benchmark drive a real reference server? As a
 * child process (`node server/reference-server.mjs`, configured by environment variables) on a
 * free port of its own, which they can `kill -9` and start again on the same database. Shared by
 * test/node/server-faults.test.mjs and bench/schedule-server.mjs:
 *
 *   startChild({ dir, databaseUrl, usersFile })   a server process; its url, kill(), stop(), restart()
 *   makeAccounts(), writeUsersFile()             accounts with plain passwords, and the USERS_FILE of their hashes
 *   request(), signIn(), tryLogin(), choose(), starredItems()   HTTP as the HTTP adapter speaks it
 *   choiceLog()                                  what was pressed and acknowledged, and what the server must hold
 *   leftoverFiles(), resetPostgres(), percentiles(), random(), pressClock()
 *
 * Requests go out without keep-alive: one connection each, so that no request fails because the
 * server closed an idle connection just as it was reused.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { hashPassword } from '../../server/users.mjs';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SERVER_SCRIPT = join(REPO_ROOT, 'server/reference-server.mjs');
export const API = '/api/schedule';
export const API_HEADERS = { 'x-requested-with': 'programme-elements' };
/** The database file's name inside a child's data folder. */
export const DATABASE_NAME = 'schedules.sqlite';
/** The tables a test empties on PostgreSQL (schema_migrations stays). */
export const POSTGRES_TABLES = ['meta', 'users', 'sessions', 'choices', 'login_failures', 'tokens'];

const agent = new Agent({ keepAlive: false, maxSockets: Infinity });
const children = new Set();
// A test or benchmark that dies must not leave its servers running.
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

/** A TCP port that was free a moment ago on `host`. */
export async function freePort(host = '127.0.0.1') {
  const server = createServer();
  server.listen(0, host);
  await once(server, 'listening');
  const { port } = server.address();
  await new Promise((done) => server.close(done));
  return port;
}

/**
 * One HTTP request from Node, redirects not followed: { status, headers, text, json, ms }, where
 * `ms` runs from sending to the end of the answer. Rejects on a network error or when no answer
 * comes within `timeout` ms. `localAddress` (any 127.x.y.z) makes the request come from that
 * address, which the server's sign-in throttle counts separately.
 */
export function request(base, path, { method = 'GET', headers = {}, body, localAddress, timeout = 30_000 } = {}) {
  const url = new URL(path, base);
  const allHeaders = body === undefined ? headers : { 'content-length': Buffer.byteLength(body), ...headers };
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = httpRequest(url, { method, headers: allHeaders, agent, localAddress, timeout }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json;
        if (String(res.headers['content-type']).startsWith('application/json')) json = JSON.parse(text);
        resolve({ status: res.statusCode, headers: res.headers, text, json, ms: performance.now() - started });
      });
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${path}: no answer within ${timeout} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** POST /login with the form a person sends: the answer (303 with a cookie, 401, 429 …). */
export function tryLogin(base, username, password, { localAddress } = {}) {
  const body = new URLSearchParams({ username, password, return: '/' }).toString();
  return request(base, '/login', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body, localAddress });
}

/** Signs in; resolves to the Cookie header value (`programme-session=…`) that carries the session. */
export async function signIn(base, username, password, options) {
  const res = await tryLogin(base, username, password, options);
  const cookie = [res.headers['set-cookie'] ?? []].flat().find((c) => c.startsWith('programme-session='));
  if (res.status !== 303 || !cookie) throw new Error(`sign-in as ${username}: ${res.status} ${res.text.slice(0, 200)}`);
  return cookie.split(';')[0];
}

/** A request to the schedule API as the signed-in `cookie`. */
export function api(base, cookie, path, { method = 'GET', headers = {}, ...options } = {}) {
  return request(base, `${API}${path}`, { method, headers: { ...API_HEADERS, cookie, ...headers }, ...options });
}

/** Stars (PUT) or unstars (DELETE) an item, pressed at `at` (ms since 1970, a float): the answer, { id, starred, at, applied } in `json`. */
export function choose(base, cookie, itemId, starred, at, options = {}) {
  return api(base, cookie, `/items/${encodeURIComponent(itemId)}`, { method: starred ? 'PUT' : 'DELETE', headers: { 'x-choice-at': String(at) }, ...options });
}

/** The ids on the signed-in person's schedule (GET /items); throws unless 200. */
export async function starredItems(base, cookie) {
  const res = await api(base, cookie, '/items');
  if (res.status !== 200) throw new Error(`GET /items: ${res.status} ${res.text.slice(0, 200)}`);
  return res.json.items;
}

/** `count` accounts with plain passwords: ids `${prefix}01`, `${prefix}02`, … */
export function makeAccounts(count, prefix = 'user') {
  return Array.from({ length: count }, (_, i) => {
    const id = `${prefix}${String(i + 1).padStart(2, '0')}`;
    return { id, username: id, name: `Test ${id}`, password: `${id}-password` };
  });
}

/** Writes the USERS_FILE of `accounts`: the same list with each password hashed (hashPassword). */
export async function writeUsersFile(file, accounts) {
  const users = await Promise.all(accounts.map(async (a) => ({ ...a, password: await hashPassword(a.password) })));
  writeFileSync(file, JSON.stringify(users, null, 2));
}

/** The last `lines` lines of a text file, for telling why a server did not start. */
const tail = (file, lines = 20) => {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
};

/**
 * Starts `node server/reference-server.mjs` on 127.0.0.1 and a free port, with its database in
 * `${dir}/data/` (SQLite; on PostgreSQL when `databaseUrl` is given, and then nothing should be
 * written there), the accounts of `usersFile`, no old JSON data file to import, and its output
 * appended to `${dir}/server.log`. Resolves once it answers HTTP, with:
 *
 *   url, port, dataDir, pid, startMs (spawn to first answer)
 *   kill()     kill -9, resolves when it is gone
 *   stop()     SIGTERM (a clean shutdown), SIGKILL after 5 s
 *   restart()  a new process on the same port and database; resolves to its handle
 */
export async function startChild({ dir, databaseUrl, usersFile, port, env = {}, timeout = 20_000 }) {
  const dataDir = join(dir, 'data');
  mkdirSync(dataDir, { recursive: true });
  const logFile = join(dir, 'server.log');
  port ??= await freePort();
  const started = performance.now();
  const log = openSync(logFile, 'a');
  let child;
  try {
    child = spawn(process.execPath, [SERVER_SCRIPT], {
      cwd: REPO_ROOT,
      stdio: ['ignore', log, log],
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: databaseUrl ?? '',
        DATABASE_FILE: join(dataDir, DATABASE_NAME),
        DATA_FILE: join(dir, 'no-old-data-file.json'),
        USERS_FILE: usersFile ?? '',
        ...env,
      },
    });
  } finally {
    closeSync(log);
  }
  children.add(child);
  const exited = once(child, 'exit').then(
    ([code, signal]) => ({ code, signal }),
    (error) => ({ code: null, signal: null, error }),
  );
  exited.then(() => children.delete(child));
  let gone;
  exited.then((how) => (gone = how));

  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (gone) throw new Error(`the server exited (${gone.signal ?? gone.code}) before it answered:\n${tail(logFile)}`);
    if (performance.now() - started > timeout) {
      child.kill('SIGKILL');
      throw new Error(`the server did not answer within ${timeout} ms:\n${tail(logFile)}`);
    }
    try {
      await request(url, `${API}/me`, { headers: API_HEADERS, timeout: 1000 });
      break;
    } catch {
      await sleep(10);
    }
  }
  const startMs = performance.now() - started;

  const handle = {
    url,
    port,
    dir,
    dataDir,
    logFile,
    pid: child.pid,
    startMs,
    exited,
    async kill() {
      if (!gone) child.kill('SIGKILL');
      return exited;
    },
    async stop() {
      if (gone) return gone;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      const how = await exited;
      clearTimeout(timer);
      return how;
    },
    async restart() {
      await handle.kill();
      return startChild({ dir, databaseUrl, usersFile, port, env, timeout });
    },
  };
  return handle;
}

/**
 * Names in a data folder other than the SQLite database file `databaseName` and SQLite's own -wal
 * and -shm: leftovers (temp files). With `databaseName` null (a server on PostgreSQL), every name.
 */
export function leftoverFiles(dataDir, databaseName = DATABASE_NAME) {
  const own = new Set(databaseName ? [databaseName, `${databaseName}-wal`, `${databaseName}-shm`] : []);
  return readdirSync(dataDir).filter((name) => !own.has(basename(name)));
}

/** Empties the server's tables in a PostgreSQL database (not schema_migrations); a database with no tables yet is left as it is. */
export async function resetPostgres(url) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`TRUNCATE ${POSTGRES_TABLES.join(', ')}`);
  } catch (e) {
    if (e.code !== '42P01') throw e; // undefined_table: never migrated, nothing to empty
  } finally {
    await client.end();
  }
}

/** A seeded random number generator (mulberry32): the same `seed`, the same numbers in [0, 1). */
export function random(seed = 1) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Times of presses, as the HTTP adapter sends them (float ms since 1970), strictly increasing per
 * key (an account), and `behindMs` behind the clock: the server counts a time ahead of its own
 * clock as now, which would round two presses in the same millisecond to one time.
 */
export function pressClock(behindMs = 60_000) {
  const last = new Map();
  return (key) => {
    const at = Math.max(performance.timeOrigin + performance.now() - behindMs, (last.get(key) ?? 0) + 0.001);
    last.set(key, at);
    return at;
  };
}

/** p50, p90, p99 and max of a list of numbers (nearest rank), or nulls when empty. */
export function percentiles(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : null);
  return { count: sorted.length, p50: at(50), p90: at(90), p99: at(99), max: sorted.length ? sorted.at(-1) : null };
}

/**
 * The record of every press sent and how it ended, and the check of what the server holds.
 * `send(…)` makes a press through `choose` and records it: acknowledged when the answer is 200
 * (the server says it is saved, or that a later press won), in doubt when there was no answer or
 * another one (it may have been saved or not). For each item the server must then show the state
 * of the acknowledged press with the latest time (of two at the same time, starring wins, as on
 * the server), or of a press in doubt made later still; with no press acknowledged, unstarred or a
 * press in doubt.
 */
export function choiceLog() {
  /** user id → item id → [{ starred, at, acked }] */
  const presses = new Map();
  const counts = { sent: 0, acked: 0, doubtful: 0, notApplied: 0 };
  const latencies = [];
  const errors = [];
  const later = (a, b) => !b || a.at > b.at || (a.at === b.at && a.starred && !b.starred);

  const record = (userId, itemId, starred, at, acked) => {
    if (!presses.has(userId)) presses.set(userId, new Map());
    const items = presses.get(userId);
    if (!items.has(itemId)) items.set(itemId, []);
    items.get(itemId).push({ starred, at, acked });
  };

  return {
    counts,
    latencies,
    errors,
    record,

    /** Sends one press as `cookie` (of `userId`) and records how it ended; resolves to the answer, or null when there was none. */
    async send(base, cookie, userId, itemId, starred, at, options) {
      counts.sent++;
      let res = null;
      try {
        res = await choose(base, cookie, itemId, starred, at, options);
      } catch (e) {
        errors.push(e.message);
      }
      const acked = res?.status === 200;
      if (acked) {
        counts.acked++;
        latencies.push(res.ms);
        if (res.json.applied === false) counts.notApplied++;
      } else {
        counts.doubtful++;
        if (res) errors.push(`${res.status} ${res.text.slice(0, 120)}`);
      }
      record(userId, itemId, starred, at, acked);
      return res;
    },

    /** The states item `itemId` of `userId` may be in now: a set of booleans (starred?). */
    allowed(userId, itemId) {
      const list = presses.get(userId)?.get(itemId) ?? [];
      const best = list.filter((p) => p.acked).reduce((a, p) => (later(p, a) ? p : a), null);
      const states = new Set([best ? best.starred : false]);
      for (const p of list) if (!p.acked && later(p, best)) states.add(p.starred);
      return states;
    },

    /**
     * The acknowledged presses that `items` (GET /items of `userId`) does not reflect, and the
     * items starting with `prefix` that are starred though never pressed: [{ userId, itemId, expected, got }].
     */
    lost(userId, items, prefix) {
      const starred = new Set(items);
      const pressed = presses.get(userId) ?? new Map();
      const out = [];
      for (const itemId of pressed.keys()) {
        const allowed = this.allowed(userId, itemId);
        const got = starred.has(itemId);
        if (!allowed.has(got)) out.push({ userId, itemId, expected: [...allowed], got });
      }
      if (prefix !== undefined) {
        for (const itemId of starred) if (itemId.startsWith(prefix) && !pressed.has(itemId)) out.push({ userId, itemId, expected: [false], got: true });
      }
      return out;
    },

    /** The items `userId` must have starred now, when no press of theirs is in doubt. */
    expected(userId) {
      return [...(presses.get(userId)?.keys() ?? [])].filter((itemId) => {
        const allowed = this.allowed(userId, itemId);
        return allowed.size === 1 && allowed.has(true);
      });
    },

    /** Every user id with a press on record. */
    users: () => [...presses.keys()],
    /** The item ids `userId` pressed. */
    itemsOf: (userId) => [...(presses.get(userId)?.keys() ?? [])],
  };
}
