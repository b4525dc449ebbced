/**
 * Does the reference schedule server lose a star? The server runs as a real child process
 * (server-child.mjs) and these tests assert that nothing acknowledged is lost: not among many
 * writes with many in flight at once, not to a late or retried older press, not through kill -9
 * and a restart, and (with TEST_DATABASE_URL) not between two processes sharing one PostgreSQL
 * database. They assert no times; `node bench/schedule-server.mjs` measures those.
 *
 *   node --test test/node/
 *   TEST_DATABASE_URL=postgres://programme:programme@127.0.0.1:5432/programme_faults node --test test/node/
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  api,
  choiceLog,
  choose,
  leftoverFiles,
  makeAccounts,
  pressClock,
  random,
  resetPostgres,
  signIn,
  starredItems,
  startChild,
  writeUsersFile,
} from './server-child.mjs';

const TIMEOUT = 120_000;
const sorted = (ids) => [...ids].sort();

describe('the reference server, run as a process, loses nothing', () => {
  const accounts = makeAccounts(5, 'fault');
  let dir;
  let usersFile;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'programme-faults-'));
    usersFile = join(dir, 'users.json');
    await writeUsersFile(usersFile, accounts);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** A server of its own in `${dir}/${name}` (SQLite), stopped after the test, and a cookie per account. */
  async function serverFor(t, name, options = {}) {
    const server = await startChild({ dir: join(dir, name), usersFile, ...options });
    const handle = { server };
    t.after(() => handle.server.stop());
    const cookies = {};
    for (const a of accounts) cookies[a.id] = await signIn(server.url, a.username, a.password);
    return { handle, cookies };
  }

  test('300 writes from 5 accounts, 50 of them in flight at once: GET /items is each account’s last choice', { timeout: TIMEOUT }, async (t) => {
    const { handle, cookies } = await serverFor(t, 'many');
    const { url } = handle.server;
    const log = choiceLog();
    const at = pressClock();

    // 250 one after another in each account, the five accounts at the same time.
    await Promise.all(
      accounts.map(async (a, k) => {
        const rand = random(100 + k);
        for (let i = 0; i < 50; i++) await log.send(url, cookies[a.id], a.id, `item-${Math.floor(rand() * 4)}`, rand() < 0.5, at(a.id));
      }),
    );
    // Then 50 at once, 10 per account on its 4 items, made in order and sent together: they arrive in any order.
    const rand = random(7);
    const burst = [];
    for (let i = 0; i < 10; i++) for (const a of accounts) burst.push({ a, item: `item-${Math.floor(rand() * 4)}`, starred: rand() < 0.5, at: at(a.id) });
    await Promise.all(burst.map(({ a, item, starred, at: when }) => log.send(url, cookies[a.id], a.id, item, starred, when)));

    assert.deepEqual(log.errors, []);
    assert.equal(log.counts.acked, 300);
    for (const a of accounts) {
      const items = await starredItems(url, cookies[a.id]);
      assert.deepEqual(sorted(items), sorted(log.expected(a.id)), `the schedule of ${a.id}`);
      assert.deepEqual(log.lost(a.id, items, 'item-'), []);
    }
  });

  test('a late press older than the one saved is ignored (applied: false), also when it is a retry of the same request', { timeout: TIMEOUT }, async (t) => {
    const { handle, cookies } = await serverFor(t, 'stale');
    const { url } = handle.server;
    const cookie = cookies[accounts[0].id];
    const t0 = Date.now() - 60_000 + 0.125;
    const [t1, t2] = [t0 + 1.25, t0 + 2.5];

    // Starred at t0, unstarred at t2; the star pressed at t1 arrives last.
    assert.equal((await choose(url, cookie, 'x', true, t0)).json.applied, true);
    assert.deepEqual((await choose(url, cookie, 'x', false, t2)).json, { id: 'x', starred: false, at: t2, applied: true });
    const late = await choose(url, cookie, 'x', true, t1);
    assert.equal(late.status, 200);
    assert.deepEqual(late.json, { id: 'x', starred: false, at: t2, applied: false });

    // Never starred: the unstar at t2 leaves a record, and the star from t1 that arrives after it loses to it.
    assert.equal((await choose(url, cookie, 'y', false, t2)).json.applied, true);
    assert.deepEqual((await choose(url, cookie, 'y', true, t1)).json, { id: 'y', starred: false, at: t2, applied: false });

    // A retry: the star at t1 was saved, then unstarred at t2; the same star request sent again changes nothing, nor does the unstar sent again.
    assert.deepEqual((await choose(url, cookie, 'z', true, t1)).json, { id: 'z', starred: true, at: t1, applied: true });
    assert.equal((await choose(url, cookie, 'z', false, t2)).json.applied, true);
    assert.deepEqual((await choose(url, cookie, 'z', true, t1)).json, { id: 'z', starred: false, at: t2, applied: false });
    assert.deepEqual((await choose(url, cookie, 'z', false, t2)).json, { id: 'z', starred: false, at: t2, applied: false });

    // Both in flight at once, in either order of arrival: the later press (unstar) wins every time.
    const ids = Array.from({ length: 10 }, (_, i) => `both-${i}`);
    await Promise.all(
      ids.map((id, i) =>
        Promise.all(
          i % 2
            ? [choose(url, cookie, id, true, t1), choose(url, cookie, id, false, t2)]
            : [choose(url, cookie, id, false, t2), choose(url, cookie, id, true, t1)],
        ),
      ),
    );

    assert.deepEqual(await starredItems(url, cookie), []);
  });

  test('3 × kill -9 during writes: every acknowledged write survives, the server restarts, no temp files are left', { timeout: TIMEOUT }, async (t) => {
    const { handle, cookies } = await serverFor(t, 'kill');
    const log = choiceLog();
    const at = pressClock();
    const rand = random(3);

    for (let cycle = 0; cycle < 3; cycle++) {
      const { url } = handle.server;
      const ackedBefore = log.counts.acked;
      let running = true;
      // Three writers per account, each sending its next press as soon as the last one is answered.
      const writers = accounts.flatMap((a) =>
        [0, 1, 2].map(async () => {
          while (running) await log.send(url, cookies[a.id], a.id, `item-${Math.floor(rand() * 6)}`, rand() < 0.5, at(a.id), { timeout: 5000 });
        }),
      );
      const waitedSince = Date.now();
      while (log.counts.acked - ackedBefore < 40 && Date.now() - waitedSince < 20_000) await sleep(5);
      assert.ok(log.counts.acked - ackedBefore >= 40, `cycle ${cycle}: writes are acknowledged before the kill`);
      await sleep(Math.floor(rand() * 50));
      // No new writes from here; those in flight die with the server.
      running = false;
      await handle.server.kill();
      await Promise.all(writers);
      assert.deepEqual(leftoverFiles(handle.server.dataDir), [], `cycle ${cycle}: after kill -9`);

      handle.server = await handle.server.restart();
      for (const a of accounts) {
        const me = await api(handle.server.url, cookies[a.id], '/me');
        assert.equal(me.status, 200, `cycle ${cycle}: the session of ${a.id} outlives the restart`);
        assert.deepEqual(log.lost(a.id, await starredItems(handle.server.url, cookies[a.id]), 'item-'), [], `cycle ${cycle}: ${a.id}`);
      }
      assert.deepEqual(leftoverFiles(handle.server.dataDir), [], `cycle ${cycle}: after the restart`);
    }
    assert.ok(log.counts.acked >= 120);
  });

  const databaseUrl = process.env.TEST_DATABASE_URL;
  test(
    'two server processes on one PostgreSQL database: writes to either, the same schedule from both, a session of one valid on the other',
    { timeout: TIMEOUT, ...(databaseUrl ? {} : { skip: 'TEST_DATABASE_URL is not set' }) },
    async (t) => {
      await resetPostgres(databaseUrl);
      // Started together: the second waits for the first's migrations (advisory lock) or finds them done.
      const [one, two] = await Promise.all(['pg-one', 'pg-two'].map((name) => startChild({ dir: join(dir, name), usersFile, databaseUrl })));
      t.after(() => Promise.all([one.stop(), two.stop()]));
      const servers = [one, two];
      assert.notEqual(one.port, two.port);

      // Signed in on one, each account's session works on the other; and the other way round.
      const cookies = {};
      for (const [i, a] of accounts.entries()) {
        cookies[a.id] = await signIn(servers[i % 2].url, a.username, a.password);
        const me = await api(servers[(i + 1) % 2].url, cookies[a.id], '/me');
        assert.equal(me.status, 200);
        assert.deepEqual(me.json, { id: a.id, name: a.name });
      }

      const log = choiceLog();
      const at = pressClock();
      // 60 presses per account, alternating between the servers, one after another; the accounts at the same time.
      await Promise.all(
        accounts.map(async (a, k) => {
          const rand = random(200 + k);
          for (let i = 0; i < 60; i++) await log.send(servers[i % 2].url, cookies[a.id], a.id, `item-${Math.floor(rand() * 4)}`, rand() < 0.5, at(a.id));
        }),
      );
      // Then 40 at once, to both servers.
      const rand = random(11);
      const burst = [];
      for (let i = 0; i < 8; i++)
        for (const a of accounts) burst.push({ a, server: servers[i % 2], item: `item-${Math.floor(rand() * 4)}`, starred: rand() < 0.5, at: at(a.id) });
      await Promise.all(burst.map((b) => log.send(b.server.url, cookies[b.a.id], b.a.id, b.item, b.starred, b.at)));

      assert.deepEqual(log.errors, []);
      assert.equal(log.counts.acked, 340);
      for (const a of accounts) {
        const [fromOne, fromTwo] = await Promise.all(servers.map((s) => starredItems(s.url, cookies[a.id])));
        assert.deepEqual(fromOne, fromTwo, `both servers show the same schedule of ${a.id}, in the same order`);
        assert.deepEqual(sorted(fromOne), sorted(log.expected(a.id)), `the schedule of ${a.id}`);
      }
    },
  );
});
