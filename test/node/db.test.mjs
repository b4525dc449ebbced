/**
 * Does the data-access layer (server/db) keep its promises on both engines? Every test runs on
 * SQLite, in a fresh temporary file, and on PostgreSQL when TEST_DATABASE_URL is set, in a fresh
 * schema of that database (made for the test, dropped after it). Run with:
 *
 *   node --test test/node/
 *   TEST_DATABASE_URL=postgres://user:password@127.0.0.1:5432/db node --test test/node/
 */
import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import pg from 'pg';
import { openDatabase, ScheduleFullError } from '../../server/db/index.mjs';
import { MIGRATIONS } from '../../server/db/migrations.mjs';

const PG_URL = process.env.TEST_DATABASE_URL;
const sha256 = (text) => createHash('sha256').update(text).digest('hex');
const IDLE = { idleMs: 30 * 60_000, absoluteMs: 14 * 24 * 3_600_000 };
const ADA = { id: 'ada', username: 'ada', name: 'Ada Lovelace', password: 'scrypt$first' };
const BOB = { id: 'bob', username: 'bob', name: 'Bob', password: 'scrypt$bob' };

/**
 * A fresh place for one test: `open(options)` opens a database there (closed at the end if the
 * test did not), `rows(sql)` reads its tables directly, `dir` is a temporary folder for files.
 */
const engines = [
  {
    name: 'sqlite',
    skip: false,
    async place(dir) {
      const file = join(dir, 'data', 'state.sqlite');
      return {
        options: { file },
        rows: async (sql) => {
          const raw = new Database(file, { readonly: true });
          try {
            return raw.prepare(sql).all();
          } finally {
            raw.close();
          }
        },
        cleanup: async () => {},
      };
    },
  },
  {
    name: 'postgres',
    skip: PG_URL ? false : 'TEST_DATABASE_URL is not set',
    async place() {
      const schema = `test_db_${process.pid}_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      const url = new URL(PG_URL);
      url.searchParams.set('options', `-c search_path=${schema}`);
      return {
        options: { url: url.href },
        rows: async (sql) => (await admin.query(`SET search_path TO ${schema}; ${sql}`))[1].rows,
        cleanup: async () => {
          await admin.query(`DROP SCHEMA ${schema} CASCADE`);
          await admin.end();
        },
      };
    },
  },
];

/** Defines `name` once per engine; `fn` gets { open, rows, dir, kind }. */
function both(name, fn) {
  for (const engine of engines) {
    test(`${engine.name}: ${name}`, { skip: engine.skip }, async () => {
      const dir = await mkdtemp(join(tmpdir(), 'programme-db-'));
      const place = await engine.place(dir);
      const handles = [];
      const open = async (extra = {}) => {
        const db = await openDatabase({ ...place.options, ...extra });
        handles.push(db);
        return db;
      };
      try {
        await fn({ open, rows: place.rows, dir, kind: engine.name });
      } finally {
        for (const db of handles) await db.close();
        await place.cleanup();
        await rm(dir, { recursive: true, force: true });
      }
    });
  }
}

both('opens, migrates once, and opening again (or twice at once) applies nothing', async ({ open, rows, kind }) => {
  const lines = [];
  const [a, b] = await Promise.all([open({ log: (l) => lines.push(l) }), open({ log: (l) => lines.push(l) })]);
  assert.equal(a.kind, kind);
  assert.equal(lines.filter((l) => l.includes('applied migration 1')).length, 1);
  await a.close();
  await b.close();
  await a.close(); // closing twice is harmless
  const c = await open({ log: (l) => lines.push(l) });
  assert.equal(lines.filter((l) => l.includes('applied migration')).length, 1);
  await c.close();
  const versions = await rows('SELECT version, name FROM schema_migrations ORDER BY version');
  assert.deepEqual(
    versions.map((r) => ({ version: Number(r.version), name: r.name })),
    MIGRATIONS.map((m) => ({ version: m.version, name: m.name })),
  );
});

both('the secret is made once, is 32 bytes of base64url and is shared by every handle', async ({ open }) => {
  const a = await open();
  const secret = await a.secret();
  assert.match(secret, /^[A-Za-z0-9_-]{43}$/);
  assert.equal(await a.secret(), secret);
  const b = await open();
  assert.equal(await b.secret(), secret);
});

both('accounts: ensureUsers adds the missing ones and never overwrites a password', async ({ open }) => {
  const db = await open();
  assert.equal(await db.ensureUsers([ADA]), 1);
  const ada = await db.userById('ada');
  assert.equal(typeof ada.passwordChangedAt, 'number');
  assert.ok(Math.abs(ada.passwordChangedAt - Date.now()) < 60_000);
  assert.deepEqual(ada, { ...ADA, passwordChangedAt: ada.passwordChangedAt });
  assert.equal(await db.setPassword('ada', 'scrypt$second', 1_000), true);
  assert.equal(await db.ensureUsers([{ ...ADA, password: 'scrypt$first' }, BOB]), 1);
  assert.deepEqual(await db.userByUsername('ada'), { ...ADA, password: 'scrypt$second', passwordChangedAt: 1_000 });
  assert.equal((await db.userByUsername('bob')).name, 'Bob');
  assert.equal(await db.userById('nobody'), null);
  assert.equal(await db.userByUsername('nobody'), null);
  assert.equal(await db.setPassword('nobody', 'x', 1), false);
});

both('choose: an older press after a newer one is ignored and returns the winner', async ({ open }) => {
  const db = await open();
  assert.deepEqual(await db.choose('ada', 'a', true, 200.25, 10), { starred: true, at: 200.25, applied: true });
  assert.deepEqual(await db.choose('ada', 'a', false, 100.5, 10), { starred: true, at: 200.25, applied: false });
  assert.deepEqual(await db.items('ada'), ['a']);
  assert.deepEqual(await db.choose('ada', 'a', false, 300.75, 10), { starred: false, at: 300.75, applied: true });
  assert.deepEqual(await db.choose('ada', 'a', true, 300.5, 10), { starred: false, at: 300.75, applied: false });
  assert.deepEqual(await db.items('ada'), []);
  assert.deepEqual(await db.choices('ada'), [{ itemId: 'a', starred: false, at: 300.75 }]);
});

both('choose: at the same moment starring wins, and nothing else replaces a press', async ({ open }) => {
  const db = await open();
  assert.equal((await db.choose('ada', 'a', false, 100, 10)).applied, true);
  assert.deepEqual(await db.choose('ada', 'a', true, 100, 10), { starred: true, at: 100, applied: true });
  assert.deepEqual(await db.choose('ada', 'a', false, 100, 10), { starred: true, at: 100, applied: false });
  assert.deepEqual(await db.choose('ada', 'a', true, 100, 10), { starred: true, at: 100, applied: false });
  assert.deepEqual(await db.items('ada'), ['a']);
});

both('choose: after an unstar (a tombstone), an older star is ignored', async ({ open }) => {
  const db = await open();
  await db.choose('ada', 'a', true, 100, 10);
  await db.choose('ada', 'a', false, 200, 10);
  assert.deepEqual(await db.choose('ada', 'a', true, 150, 10), { starred: false, at: 200, applied: false });
  assert.deepEqual(await db.items('ada'), []);
  // A press for an item never seen is always applied, tombstone or not.
  assert.deepEqual(await db.choose('ada', 'b', false, 50, 10), { starred: false, at: 50, applied: true });
  assert.deepEqual(await db.choices('ada'), [
    { itemId: 'a', starred: false, at: 200 },
    { itemId: 'b', starred: false, at: 50 },
  ]);
});

both('items: in the order they were first starred, kept by re-starring, renewed after an unstar', async ({ open }) => {
  const db = await open();
  await db.choose('ada', 'b', true, 1, 10);
  await db.choose('ada', 'a', true, 2, 10);
  await db.choose('ada', 'c', true, 0.5, 10); // order is by when it was starred here, not by `at`
  await db.choose('bob', 'z', true, 3, 10); // another user's items neither show nor disturb the order
  assert.deepEqual(await db.items('ada'), ['b', 'a', 'c']);
  await db.choose('ada', 'b', true, 10, 10);
  assert.deepEqual(await db.items('ada'), ['b', 'a', 'c']);
  await db.choose('ada', 'b', false, 11, 10);
  await db.choose('ada', 'b', true, 12, 10);
  assert.deepEqual(await db.items('ada'), ['a', 'c', 'b']);
  assert.deepEqual(await db.items('bob'), ['z']);
  assert.deepEqual(await db.items('nobody'), []);
});

both('choose: a full schedule refuses one more item, but not a re-star, an unstar or an ignored press', async ({ open }) => {
  const db = await open();
  await db.choose('ada', 'a', true, 1, 2);
  await db.choose('ada', 'c', false, 500, 2);
  await db.choose('ada', 'b', true, 2, 2);
  await assert.rejects(db.choose('ada', 'd', true, 3, 2), (e) => e instanceof ScheduleFullError && e.message === 'A schedule holds at most 2 items.');
  assert.deepEqual(await db.choose('ada', 'a', true, 4, 2), { starred: true, at: 4, applied: true });
  assert.deepEqual(await db.choose('ada', 'c', true, 400, 2), { starred: false, at: 500, applied: false });
  assert.deepEqual(await db.items('ada'), ['a', 'b']);
  assert.equal((await db.choose('ada', 'b', false, 5, 2)).applied, true);
  assert.equal((await db.choose('ada', 'd', true, 6, 2)).applied, true);
  assert.deepEqual(await db.items('ada'), ['a', 'd']);
  assert.equal((await db.choose('bob', 'x', true, 7, 2)).applied, true); // the cap is per user
});

both('choose: bad arguments are refused before any query', async ({ open }) => {
  const db = await open();
  await assert.rejects(db.choose('ada', 'a', 'yes', 1, 10), TypeError);
  await assert.rejects(db.choose('ada', 'a', true, Number.NaN, 10), TypeError);
  await assert.rejects(db.choose('ada', 7, true, 1, 10), TypeError);
  assert.deepEqual(await db.choices('ada'), []);
});

both('sessions: created, read, deleted; only the hash of the id is stored', async ({ open, rows }) => {
  const db = await open();
  await db.ensureUsers([ADA, BOB]);
  const id = await db.createSession('ada', 1_000);
  assert.match(id, /^[A-Za-z0-9_-]{43}$/);
  assert.equal(await db.readSession(id, 2_000, IDLE), 'ada');
  const stored = await rows('SELECT * FROM sessions');
  assert.equal(stored.length, 1);
  assert.equal(stored[0].id_hash, sha256(id));
  assert.ok(!Object.values(stored[0]).some((v) => String(v).includes(id)));
  assert.equal(await db.readSession(id + 'x', 2_000, IDLE), null);
  assert.equal(await db.readSession(undefined, 2_000, IDLE), null);
  assert.equal(await db.readSession(42, 2_000, IDLE), null);
  assert.equal(await db.readSession('x'.repeat(101), 2_000, IDLE), null);
  await db.deleteSession(id);
  assert.equal(await db.readSession(id, 2_000, IDLE), null);
  await db.deleteSession({}); // nothing to do, no error
  await assert.rejects(db.createSession('nobody', 1)); // sessions belong to accounts
});

both('sessions: idle timeout, last_seen_at written at most once a minute', async ({ open, rows }) => {
  const db = await open();
  await db.ensureUsers([ADA]);
  const t0 = 1_700_000_000_000;
  const id = await db.createSession('ada', t0);
  const lastSeen = async () => Number((await rows('SELECT last_seen_at FROM sessions'))[0].last_seen_at);
  assert.equal(await db.readSession(id, t0 + 30_000, IDLE), 'ada');
  assert.equal(await lastSeen(), t0);
  assert.equal(await db.readSession(id, t0 + 61_000, IDLE), 'ada');
  assert.equal(await lastSeen(), t0 + 61_000);
  // Idle is counted from the last time it was seen, not from when it was made.
  assert.equal(await db.readSession(id, t0 + 61_000 + IDLE.idleMs, IDLE), 'ada');
  const later = t0 + 61_000 + IDLE.idleMs;
  assert.equal(await db.readSession(id, later + IDLE.idleMs + 1, IDLE), null);
  assert.deepEqual(await rows('SELECT * FROM sessions'), []);
});

both('sessions: absolute timeout, however active', async ({ open, rows }) => {
  const db = await open();
  await db.ensureUsers([ADA]);
  const limits = { idleMs: 10 * 60_000, absoluteMs: 60 * 60_000 };
  const id = await db.createSession('ada', 0);
  for (let t = 5 * 60_000; t <= limits.absoluteMs; t += 5 * 60_000) assert.equal(await db.readSession(id, t, limits), 'ada', `at ${t}`);
  assert.equal(await db.readSession(id, limits.absoluteMs + 1, limits), null);
  assert.deepEqual(await rows('SELECT * FROM sessions'), []);
});

both('sessions: deleteSessionsOf and setPassword sign a user out everywhere, and no one else', async ({ open }) => {
  const db = await open();
  await db.ensureUsers([ADA, BOB]);
  const ada1 = await db.createSession('ada', 1);
  const ada2 = await db.createSession('ada', 1);
  const bob = await db.createSession('bob', 1);
  assert.notEqual(ada1, ada2);
  assert.equal(await db.deleteSessionsOf('ada'), 2);
  assert.equal(await db.readSession(ada1, 2, IDLE), null);
  assert.equal(await db.readSession(ada2, 2, IDLE), null);
  assert.equal(await db.readSession(bob, 2, IDLE), 'bob');
  const ada3 = await db.createSession('ada', 3);
  await db.setPassword('ada', 'scrypt$new', 4);
  assert.equal(await db.readSession(ada3, 5, IDLE), null);
  assert.equal(await db.readSession(bob, 5, IDLE), 'bob');
  assert.deepEqual(await db.userById('ada'), { ...ADA, password: 'scrypt$new', passwordChangedAt: 4 });
});

both('import: the old JSON file is imported once, in order, at its mtime, and left in place', async ({ open, dir, rows }) => {
  const file = join(dir, 'schedules.json');
  const order = ['z', 'b', 'm', 'a', ...Array.from({ length: 30 }, (_, i) => `item-${(i * 7) % 30}`)];
  await writeFile(file, JSON.stringify({ secret: 'old-secret', schedules: { ada: order, ghost: ['q'], empty: [] } }));
  await utimes(file, 1_700_000_000.25, 1_700_000_000.25);
  const lines = [];
  const db = await open({ importFile: relative(process.cwd(), file), log: (l) => lines.push(l) });
  assert.deepEqual(await db.items('ada'), order);
  assert.deepEqual(await db.items('ghost'), ['q']); // no account needed
  const at = (await db.choices('ada'))[0].at;
  assert.equal(at, 1_700_000_000_250);
  assert.equal(await db.secret(), 'old-secret');
  assert.ok(lines.some((l) => l.includes(`imported ${order.length + 1} schedule items`)));
  await db.choose('ada', 'z', false, at + 1, 100);
  await db.close();

  const again = await open({ importFile: file });
  assert.deepEqual(await again.items('ada'), order.slice(1));
  assert.equal((await again.choices('ada')).length, order.length);
  assert.ok(existsSync(file));
  const meta = await rows("SELECT key FROM meta WHERE key LIKE 'imported:%'");
  assert.deepEqual(
    meta.map((r) => r.key),
    [`imported:${file}`],
  );
});

both('import: a missing file is no error and a bad one is refused', async ({ open, dir }) => {
  const db = await open({ importFile: join(dir, 'not-there.json') });
  assert.deepEqual(await db.items('ada'), []);
  await db.close();
  const bad = join(dir, 'bad.json');
  await writeFile(bad, JSON.stringify({ schedules: { ada: [1, 2] } }));
  await assert.rejects(open({ importFile: bad }), /is not a schedule data file/);
});

both('tokens: made, looked up, replaced, deleted; only the hash is stored', async ({ open, rows }) => {
  const db = await open();
  const first = await db.newToken('ada', 'reset', 1);
  assert.match(first, /^[A-Za-z0-9_-]{32}$/);
  assert.equal(await db.userOfToken('reset', first), 'ada');
  assert.equal(await db.userOfToken('api', first), null);
  assert.equal(await db.hasToken('ada', 'reset'), true);
  assert.equal(await db.hasToken('ada', 'api'), false);
  const second = await db.newToken('ada', 'reset', 2);
  assert.notEqual(second, first);
  assert.equal(await db.userOfToken('reset', first), null);
  assert.equal(await db.userOfToken('reset', second), 'ada');
  const api = await db.newToken('ada', 'api', 3);
  const bob = await db.newToken('bob', 'reset', 3);
  assert.equal(await db.userOfToken('api', api), 'ada');
  assert.equal(await db.userOfToken('reset', bob), 'bob');
  const stored = await rows("SELECT token_hash, created_at FROM tokens WHERE user_id = 'ada' AND kind = 'reset'");
  assert.deepEqual(
    stored.map((r) => ({ hash: r.token_hash, created: Number(r.created_at) })),
    [{ hash: sha256(second), created: 2 }],
  );
  assert.equal(await db.userOfToken('reset', null), null);
  assert.equal(await db.userOfToken('reset', 'x'.repeat(101)), null);
  await db.deleteToken('ada', 'reset');
  assert.equal(await db.hasToken('ada', 'reset'), false);
  assert.equal(await db.userOfToken('reset', second), null);
  assert.equal(await db.userOfToken('api', api), 'ada');
});

both('login failures: counted per key since a time, cleared, pruned', async ({ open }) => {
  const db = await open();
  for (const at of [100, 200, 300]) await db.recordFailure('ip:1', at);
  await db.recordFailure('user:ada', 150);
  assert.equal(await db.failuresSince('ip:1', 200), 2);
  assert.equal(await db.failuresSince('ip:1', 0), 3);
  assert.equal(await db.failuresSince('ip:2', 0), 0);
  assert.equal(await db.pruneFailures(250), 3);
  assert.equal(await db.failuresSince('ip:1', 0), 1);
  assert.equal(await db.failuresSince('user:ada', 0), 0);
  await db.clearFailures('ip:1');
  assert.equal(await db.failuresSince('ip:1', 0), 0);
});

both('concurrency: 200 presses at once end in the state of the latest', async ({ open }) => {
  const db = await open();
  const presses = Array.from({ length: 200 }, (_, i) => ({ starred: i % 2 === 1, at: 1_000 + i + 0.5 }));
  // Sent in a shuffled order, as retries and several devices would.
  const shuffled = [...presses].sort(() => Math.random() - 0.5);
  const results = await Promise.all(shuffled.map((p) => db.choose('ada', 'a', p.starred, p.at, 10)));
  assert.ok(results.some((r) => r.applied));
  assert.deepEqual(await db.choices('ada'), [{ itemId: 'a', starred: true, at: 1_199.5 }]);
  assert.deepEqual(await db.items('ada'), ['a']);
});

both('concurrency: presses at once on a nearly full schedule never pass the cap', async ({ open }) => {
  const db = await open();
  const outcomes = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => db.choose('ada', `item-${i}`, true, i, 5)));
  assert.equal(outcomes.filter((o) => o.status === 'fulfilled').length, 5);
  assert.ok(outcomes.filter((o) => o.status === 'rejected').every((o) => o.reason instanceof ScheduleFullError));
  assert.equal((await db.items('ada')).length, 5);
});

both('two handles on the same database see each other’s writes', async ({ open }) => {
  const a = await open();
  const b = await open();
  await a.ensureUsers([ADA]);
  await a.choose('ada', 'x', true, 1, 10);
  assert.deepEqual(await b.items('ada'), ['x']);
  const id = await b.createSession('ada', 10);
  assert.equal(await a.readSession(id, 20, IDLE), 'ada');
  await b.choose('ada', 'x', false, 2, 10);
  assert.deepEqual(await a.items('ada'), []);
  assert.deepEqual(await a.choose('ada', 'x', true, 1.5, 10), { starred: false, at: 2, applied: false });
  await a.setPassword('ada', 'scrypt$other', 30);
  assert.equal(await b.readSession(id, 40, IDLE), null);
  assert.equal((await b.userById('ada')).password, 'scrypt$other');
});

test('sqlite: the database file is private to its owner', { skip: process.platform === 'win32' ? 'no file modes on Windows' : false }, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'programme-db-'));
  try {
    const file = join(dir, 'new', 'state.sqlite');
    const db = await openDatabase({ file });
    await db.choose('ada', 'a', true, 1, 10);
    await db.close();
    assert.equal(statSync(file).mode & 0o777, 0o600);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
