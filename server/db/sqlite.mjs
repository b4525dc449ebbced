import Database from 'better-sqlite3';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { checkChoice, hashOf, isLater, plausibleId, randomId, scheduleFull } from './index.mjs';
import { migrateSqlite } from './migrations.mjs';

/**
 * How is the state kept in SQLite? One file, opened with better-sqlite3 (synchronous; the
 * methods are async only to match PostgreSQL's). The file is in WAL mode with synchronous=FULL,
 * so a write is on disk (fsync'd) before it is acknowledged, and readers never wait for writers;
 * busy_timeout lets a second process on the same file wait its turn rather than fail.
 *
 * Every write that depends on a read runs in an IMMEDIATE transaction: it holds the write lock
 * from the start, so no other connection can change what it read (and it cannot fail half-way
 * with SQLITE_BUSY when it comes to write). Writes that depend on nothing are single statements.
 */
export async function openSqlite({ file, log = () => {} }) {
  if (file !== ':memory:') {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    // Create the file ourselves so that it is private from the start; SQLite gives its -wal and -shm files the same mode.
    closeSync(openSync(file, 'a', 0o600));
  }
  const db = new Database(file);
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    migrateSqlite(db, log);
  } catch (e) {
    db.close();
    throw e;
  }

  const q = (sql) => db.prepare(sql);
  const s = {
    getMeta: q('SELECT value FROM meta WHERE key = ?').pluck(),
    addMeta: q('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING'),
    addUser: q('INSERT INTO users (id, username, name, password, password_changed_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING'),
    userById: q('SELECT id, username, name, password, password_changed_at FROM users WHERE id = ?'),
    userByUsername: q('SELECT id, username, name, password, password_changed_at FROM users WHERE username = ?'),
    setPassword: q('UPDATE users SET password = ?, password_changed_at = ? WHERE id = ?'),
    addSession: q('INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)'),
    session: q('SELECT user_id, created_at, last_seen_at FROM sessions WHERE id_hash = ?'),
    touchSession: q('UPDATE sessions SET last_seen_at = max(last_seen_at, ?) WHERE id_hash = ? RETURNING user_id').pluck(),
    deleteSession: q('DELETE FROM sessions WHERE id_hash = ?'),
    deleteSessionsOf: q('DELETE FROM sessions WHERE user_id = ?'),
    items: q('SELECT item_id FROM choices WHERE user_id = ? AND starred = 1 ORDER BY seq').pluck(),
    countStarred: q('SELECT count(*) FROM choices WHERE user_id = ? AND starred = 1').pluck(),
    choice: q('SELECT starred, at, seq FROM choices WHERE user_id = ? AND item_id = ?'),
    // A new seq is one more than any so far: the write lock of the transaction keeps it unique.
    putChoice: q(`
      INSERT INTO choices (user_id, item_id, starred, at, seq)
      VALUES (?, ?, ?, ?, CASE WHEN ? THEN (SELECT coalesce(max(seq), 0) + 1 FROM choices) ELSE ? END)
      ON CONFLICT (user_id, item_id) DO UPDATE SET starred = excluded.starred, at = excluded.at, seq = excluded.seq
    `),
    importChoice: q(`
      INSERT INTO choices (user_id, item_id, starred, at, seq)
      VALUES (?, ?, 1, ?, (SELECT coalesce(max(seq), 0) + 1 FROM choices))
      ON CONFLICT (user_id, item_id) DO NOTHING
    `),
    choices: q('SELECT item_id, starred, at FROM choices WHERE user_id = ? ORDER BY item_id'),
    addFailure: q('INSERT INTO login_failures (key, at) VALUES (?, ?)'),
    failuresSince: q('SELECT count(*) FROM login_failures WHERE key = ? AND at >= ?').pluck(),
    clearFailures: q('DELETE FROM login_failures WHERE key = ?'),
    pruneFailures: q('DELETE FROM login_failures WHERE at < ?'),
    putToken: q(`
      INSERT INTO tokens (kind, user_id, token_hash, created_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (kind, user_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at
    `),
    userOfToken: q('SELECT user_id FROM tokens WHERE kind = ? AND token_hash = ?').pluck(),
    hasToken: q('SELECT 1 FROM tokens WHERE user_id = ? AND kind = ?').pluck(),
    deleteToken: q('DELETE FROM tokens WHERE user_id = ? AND kind = ?'),
  };
  /** `fn` as an IMMEDIATE transaction: called with its arguments, committed when it returns, rolled back when it throws. */
  const transaction = (fn) => {
    const tx = db.transaction(fn);
    return (...args) => tx.immediate(...args);
  };
  const user = (row) => row && { id: row.id, username: row.username, name: row.name, password: row.password, passwordChangedAt: row.password_changed_at };

  const ensureUsers = transaction((users, now) => {
    let added = 0;
    for (const u of users) added += s.addUser.run(u.id, u.username, u.name, u.password, now).changes;
    return added;
  });
  const setPassword = transaction((userId, hash, now) => {
    const changed = s.setPassword.run(hash, now, userId).changes > 0;
    s.deleteSessionsOf.run(userId);
    return changed;
  });
  const choose = transaction((userId, itemId, starred, at, maxItems) => {
    const row = s.choice.get(userId, itemId);
    const was = row && { starred: row.starred === 1, at: row.at };
    if (!isLater(starred, at, was)) return { starred: was.starred, at: was.at, applied: false };
    const becomesStarred = starred && !was?.starred;
    if (becomesStarred && s.countStarred.get(userId) >= maxItems) throw scheduleFull(maxItems);
    s.putChoice.run(userId, itemId, starred ? 1 : 0, at, becomesStarred ? 1 : 0, row?.seq ?? null);
    return { starred, at, applied: true };
  });
  const importOnce = transaction((key, { secret, schedules, at }) => {
    if (s.getMeta.get(key) !== undefined) return null;
    let count = 0;
    for (const [userId, ids] of Object.entries(schedules)) {
      for (const itemId of ids) count += s.importChoice.run(userId, itemId, at).changes;
    }
    s.addMeta.run('secret', secret);
    s.addMeta.run(key, JSON.stringify({ importedAt: Date.now(), items: count }));
    return count;
  });

  let secret;
  let closed = false;
  return {
    kind: 'sqlite',

    /** The server's secret: made (32 random bytes, base64url) and stored on first use, the same for every process after. */
    async secret() {
      if (secret === undefined) {
        s.addMeta.run('secret', randomId(32));
        secret = s.getMeta.get('secret');
      }
      return secret;
    },

    /** Adds the accounts in `users` whose id is not there yet; an existing account (and its password) is left as it is. Returns how many were added. */
    async ensureUsers(users, now = Date.now()) {
      return ensureUsers(users, now);
    },

    async userById(id) {
      return user(s.userById.get(id)) ?? null;
    },

    async userByUsername(username) {
      return user(s.userByUsername.get(username)) ?? null;
    },

    /** Sets a password and ends every session of that user, in one transaction. Returns whether the user exists. */
    async setPassword(userId, hash, now) {
      return setPassword(userId, hash, now);
    },

    /** Starts a session: returns its id, of which only the SHA-256 is stored. */
    async createSession(userId, now) {
      const id = randomId(32);
      s.addSession.run(hashOf(id), userId, now, now);
      return id;
    },

    /**
     * The user of a session, or null when it is unknown or has expired (idle for longer than
     * `idleMs`, or older than `absoluteMs`; an expired one is deleted). last_seen_at is written
     * at most once a minute, not on every request. The touch only moves last_seen_at forward
     * and answers whether the row is still there, so it needs no transaction: a session deleted
     * in between (sign-out, new password) reads as null.
     */
    async readSession(id, now, { idleMs = Infinity, absoluteMs = Infinity } = {}) {
      if (!plausibleId(id)) return null;
      const idHash = hashOf(id);
      const row = s.session.get(idHash);
      if (!row) return null;
      if (now - row.last_seen_at > idleMs || now - row.created_at > absoluteMs) {
        s.deleteSession.run(idHash);
        return null;
      }
      if (now - row.last_seen_at <= 60_000) return row.user_id;
      return s.touchSession.get(now, idHash) ?? null;
    },

    async deleteSession(id) {
      if (plausibleId(id)) s.deleteSession.run(hashOf(id));
    },

    /** Ends every session of a user; returns how many there were. */
    async deleteSessionsOf(userId) {
      return s.deleteSessionsOf.run(userId).changes;
    },

    /** The ids on a user's schedule, in the order they were (last) starred. */
    async items(userId) {
      return s.items.all(userId);
    },

    /**
     * Records a press, unless the one on record is later (see isLater): returns the state that
     * won and whether this press changed anything. Throws ScheduleFullError when it would star
     * one item more than `maxItems`.
     */
    async choose(userId, itemId, starred, at, maxItems) {
      checkChoice(userId, itemId, starred, at, maxItems);
      return choose(userId, itemId, starred, at, maxItems);
    },

    /** Every row of a user's choices, unstarred ones too, by item id: for tests and debugging. */
    async choices(userId) {
      return s.choices.all(userId).map((r) => ({ itemId: r.item_id, starred: r.starred === 1, at: r.at }));
    },

    async recordFailure(key, now) {
      s.addFailure.run(key, now);
    },

    /** How many failures `key` has had at or after `since`. */
    async failuresSince(key, since) {
      return s.failuresSince.get(key, since);
    },

    async clearFailures(key) {
      s.clearFailures.run(key);
    },

    /** Forgets failures older than `before`; returns how many. */
    async pruneFailures(before) {
      return s.pruneFailures.run(before).changes;
    },

    /** A new token (24 random bytes, base64url) of `kind` for a user, replacing the one before; only its SHA-256 is stored. */
    async newToken(userId, kind, now) {
      const token = randomId(24);
      s.putToken.run(kind, userId, hashOf(token), now);
      return token;
    },

    async userOfToken(kind, token) {
      return plausibleId(token) ? (s.userOfToken.get(kind, hashOf(token)) ?? null) : null;
    },

    async hasToken(userId, kind) {
      return s.hasToken.get(userId, kind) !== undefined;
    },

    async deleteToken(userId, kind) {
      s.deleteToken.run(userId, kind);
    },

    /**
     * For openDatabase: imports an old data file unless `key` says it has been already. `load`
     * reads it (null when there is none); the check is made again inside the transaction, so
     * two processes cannot both import. Returns the number of rows added, or null.
     */
    async importOnce(key, load) {
      if (s.getMeta.get(key) !== undefined) return null;
      const data = await load();
      return data ? importOnce(key, data) : null;
    },

    async close() {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
}
