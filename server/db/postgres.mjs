import pg from 'pg';
import { checkChoice, hashOf, isLater, plausibleId, randomId, scheduleFull } from './index.mjs';
import { migratePostgres } from './migrations.mjs';

/**
 * How is the state kept in PostgreSQL? In the tables of migrations.mjs, through a pool of at
 * most 10 connections, so that several server processes can share one database.
 *
 * No write may be lost to another process writing at the same time. So every operation that
 * reads and then writes what it read runs in one transaction that locks first: `choose` takes a
 * per-user advisory lock (which also covers rows that do not exist yet and the count of starred
 * items, which row locks cannot) and then reads the row FOR UPDATE. Operations that need no read
 * are single statements (INSERT … ON CONFLICT, UPDATE, DELETE), atomic by themselves.
 *
 * BIGINT columns arrive from pg as strings; they are turned back into Numbers here (milliseconds
 * since 1970 fit easily in a double).
 */

/** The first key of the advisory lock `choose` takes per user (the second is a hash of the user id). */
const CHOICE_LOCK = 730_512_198;

export async function openPostgres({ url, log = () => {} }) {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection that drops (database restart) must not take the server down; the pool replaces it.
  pool.on('error', (e) => log(`database: idle connection failed: ${e.message}`));
  try {
    await migratePostgres(pool, log);
  } catch (e) {
    await pool.end();
    throw e;
  }

  const one = async (sql, params) => (await pool.query(sql, params)).rows[0];
  /** Runs `work(client)` in one transaction on one connection: committed when it returns, rolled back when it throws. */
  const transaction = async (work) => {
    const client = await pool.connect();
    let broken;
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (e) {
      // A connection that cannot even roll back is not handed out again.
      await client.query('ROLLBACK').catch((rollbackError) => (broken = rollbackError));
      throw e;
    } finally {
      client.release(broken);
    }
  };
  const user = (row) =>
    row ? { id: row.id, username: row.username, name: row.name, password: row.password, passwordChangedAt: Number(row.password_changed_at) } : null;
  const USER = 'SELECT id, username, name, password, password_changed_at FROM users';

  let secret;
  let closed = false;
  return {
    kind: 'postgres',

    /** The server's secret: made (32 random bytes, base64url) and stored on first use; every process reads the one stored first. */
    secret() {
      secret ??= (async () => {
        await pool.query("INSERT INTO meta (key, value) VALUES ('secret', $1) ON CONFLICT (key) DO NOTHING", [randomId(32)]);
        return (await one("SELECT value FROM meta WHERE key = 'secret'")).value;
      })().catch((e) => {
        secret = undefined;
        throw e;
      });
      return secret;
    },

    /** Adds the accounts in `users` whose id is not there yet; an existing account (and its password) is left as it is. Returns how many were added. */
    async ensureUsers(users, now = Date.now()) {
      return transaction(async (c) => {
        let added = 0;
        for (const u of users) {
          const r = await c.query(
            'INSERT INTO users (id, username, name, password, password_changed_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING',
            [u.id, u.username, u.name, u.password, now],
          );
          added += r.rowCount;
        }
        return added;
      });
    },

    async userById(id) {
      return user(await one(`${USER} WHERE id = $1`, [id]));
    },

    async userByUsername(username) {
      return user(await one(`${USER} WHERE username = $1`, [username]));
    },

    /** Sets a password and ends every session of that user, in one transaction. Returns whether the user exists. */
    async setPassword(userId, hash, now) {
      return transaction(async (c) => {
        const r = await c.query('UPDATE users SET password = $1, password_changed_at = $2 WHERE id = $3', [hash, now, userId]);
        await c.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
        return r.rowCount > 0;
      });
    },

    /** Starts a session: returns its id, of which only the SHA-256 is stored. */
    async createSession(userId, now) {
      const id = randomId(32);
      await pool.query('INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at) VALUES ($1, $2, $3, $3)', [hashOf(id), userId, now]);
      return id;
    },

    /**
     * The user of a session, or null when it is unknown or has expired (idle for longer than
     * `idleMs`, or older than `absoluteMs`; an expired one is deleted). last_seen_at is written
     * at most once a minute, so most requests cost one SELECT and no transaction. The touch
     * only moves last_seen_at forward (GREATEST) and answers whether the row is still there, so
     * two processes touching at once lose nothing, and a session deleted in between reads as null.
     */
    async readSession(id, now, { idleMs = Infinity, absoluteMs = Infinity } = {}) {
      if (!plausibleId(id)) return null;
      const idHash = hashOf(id);
      const row = await one('SELECT user_id, created_at, last_seen_at FROM sessions WHERE id_hash = $1', [idHash]);
      if (!row) return null;
      const lastSeen = Number(row.last_seen_at);
      if (now - lastSeen > idleMs || now - Number(row.created_at) > absoluteMs) {
        await pool.query('DELETE FROM sessions WHERE id_hash = $1', [idHash]);
        return null;
      }
      if (now - lastSeen <= 60_000) return row.user_id;
      const touched = await one('UPDATE sessions SET last_seen_at = GREATEST(last_seen_at, $1) WHERE id_hash = $2 RETURNING user_id', [now, idHash]);
      return touched?.user_id ?? null;
    },

    async deleteSession(id) {
      if (plausibleId(id)) await pool.query('DELETE FROM sessions WHERE id_hash = $1', [hashOf(id)]);
    },

    /** Ends every session of a user; returns how many there were. */
    async deleteSessionsOf(userId) {
      return (await pool.query('DELETE FROM sessions WHERE user_id = $1', [userId])).rowCount;
    },

    /** The ids on a user's schedule, in the order they were (last) starred. */
    async items(userId) {
      const { rows } = await pool.query('SELECT item_id FROM choices WHERE user_id = $1 AND starred ORDER BY seq', [userId]);
      return rows.map((r) => r.item_id);
    },

    /**
     * Records a press, unless the one on record is later (see isLater): returns the state that
     * won and whether this press changed anything. Throws ScheduleFullError when it would star
     * one item more than `maxItems`. One transaction under the user's advisory lock: presses of
     * one user are applied one at a time, whichever process receives them.
     */
    async choose(userId, itemId, starred, at, maxItems) {
      checkChoice(userId, itemId, starred, at, maxItems);
      return transaction(async (c) => {
        await c.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [CHOICE_LOCK, userId]);
        const row = (await c.query('SELECT starred, at, seq FROM choices WHERE user_id = $1 AND item_id = $2 FOR UPDATE', [userId, itemId])).rows[0];
        if (!isLater(starred, at, row)) return { starred: row.starred, at: row.at, applied: false };
        const becomesStarred = starred && !row?.starred;
        if (becomesStarred) {
          const { count } = (await c.query('SELECT count(*)::integer AS count FROM choices WHERE user_id = $1 AND starred', [userId])).rows[0];
          if (count >= maxItems) throw scheduleFull(maxItems);
        }
        await c.query(
          `INSERT INTO choices (user_id, item_id, starred, at, seq)
           VALUES ($1, $2, $3, $4, CASE WHEN $5::boolean THEN nextval('choices_seq') ELSE $6::bigint END)
           ON CONFLICT (user_id, item_id) DO UPDATE SET starred = excluded.starred, at = excluded.at, seq = excluded.seq`,
          [userId, itemId, starred, at, becomesStarred, row?.seq ?? null],
        );
        return { starred, at, applied: true };
      });
    },

    /** Every row of a user's choices, unstarred ones too, by item id: for tests and debugging. */
    async choices(userId) {
      const { rows } = await pool.query('SELECT item_id, starred, at FROM choices WHERE user_id = $1 ORDER BY item_id', [userId]);
      return rows.map((r) => ({ itemId: r.item_id, starred: r.starred, at: r.at }));
    },

    async recordFailure(key, now) {
      await pool.query('INSERT INTO login_failures (key, at) VALUES ($1, $2)', [key, now]);
    },

    /** How many failures `key` has had at or after `since`. */
    async failuresSince(key, since) {
      return (await one('SELECT count(*)::integer AS count FROM login_failures WHERE key = $1 AND at >= $2', [key, since])).count;
    },

    async clearFailures(key) {
      await pool.query('DELETE FROM login_failures WHERE key = $1', [key]);
    },

    /** Forgets failures older than `before`; returns how many. */
    async pruneFailures(before) {
      return (await pool.query('DELETE FROM login_failures WHERE at < $1', [before])).rowCount;
    },

    /** A new token (24 random bytes, base64url) of `kind` for a user, replacing the one before; only its SHA-256 is stored. */
    async newToken(userId, kind, now) {
      const token = randomId(24);
      await pool.query(
        `INSERT INTO tokens (kind, user_id, token_hash, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (kind, user_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at`,
        [kind, userId, hashOf(token), now],
      );
      return token;
    },

    async userOfToken(kind, token) {
      if (!plausibleId(token)) return null;
      return (await one('SELECT user_id FROM tokens WHERE kind = $1 AND token_hash = $2', [kind, hashOf(token)]))?.user_id ?? null;
    },

    async hasToken(userId, kind) {
      return (await one('SELECT 1 FROM tokens WHERE user_id = $1 AND kind = $2', [userId, kind])) !== undefined;
    },

    async deleteToken(userId, kind) {
      await pool.query('DELETE FROM tokens WHERE user_id = $1 AND kind = $2', [userId, kind]);
    },

    /**
     * For openDatabase: imports an old data file unless `key` says it has been already. `load`
     * reads it (null when there is none). The transaction inserts `key` first (ON CONFLICT DO
     * NOTHING): a second process importing at the same time waits on that row, then finds it
     * taken and rolls back. Returns the number of rows added, or null.
     */
    async importOnce(key, load) {
      if (await one('SELECT 1 FROM meta WHERE key = $1', [key])) return null;
      const data = await load();
      if (!data) return null;
      const { secret, schedules, at } = data;
      return transaction(async (c) => {
        const claimed = await c.query('INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [key, '']);
        if (claimed.rowCount === 0) return null;
        let count = 0;
        for (const [userId, ids] of Object.entries(schedules)) {
          if (ids.length === 0) continue;
          // One statement per user. PostgreSQL evaluates nextval() after the ORDER BY, so the seq numbers keep the file's order.
          const r = await c.query(
            `INSERT INTO choices (user_id, item_id, starred, at, seq)
             SELECT $1, item_id, true, $3, nextval('choices_seq') FROM unnest($2::text[]) WITH ORDINALITY AS t (item_id, n) ORDER BY n
             ON CONFLICT (user_id, item_id) DO NOTHING`,
            [userId, ids, at],
          );
          count += r.rowCount;
        }
        await c.query("INSERT INTO meta (key, value) VALUES ('secret', $1) ON CONFLICT (key) DO NOTHING", [secret]);
        await c.query('UPDATE meta SET value = $2 WHERE key = $1', [key, JSON.stringify({ importedAt: Date.now(), items: count })]);
        return count;
      });
    },

    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
