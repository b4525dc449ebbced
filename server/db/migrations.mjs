/**
 * What shape is the database in, and how does it get there? The schema as an ordered list of
 * migrations, each with its SQL for SQLite and for PostgreSQL, and the code that applies the ones
 * a database has not had yet.
 *
 * A migration is never edited once released: a change to the schema is a new entry at the end.
 * Each database records what it has had in `schema_migrations(version, name, applied_at)`, so
 * opening it again applies nothing, and all missing migrations go in one transaction: a start-up
 * that fails half-way leaves the database as it was.
 *
 * Conventions shared by both engines: times of a press (`at`) are float milliseconds since 1970
 * (REAL / double precision, fractions kept); other times are integer milliseconds (INTEGER /
 * BIGINT). `choices` keeps a row for every item ever pressed, unstarred ones too (tombstones), so
 * that a press that arrives late can be recognised as older and ignored. It has no foreign key to
 * `users`: schedules imported from the old JSON file may belong to people not in `users` yet.
 */

/** @typedef {{ version: number, name: string, sqlite: string, postgres: string }} Migration */

/** @type {Migration[]} */
export const MIGRATIONS = [
  {
    version: 1,
    name: 'accounts, sessions, schedules, login failures and tokens',
    sqlite: `
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        password TEXT NOT NULL,
        password_changed_at INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE sessions (
        id_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL,
        last_seen_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX sessions_user_id ON sessions (user_id);
      CREATE TABLE choices (
        user_id TEXT NOT NULL,
        item_id TEXT NOT NULL,
        starred INTEGER NOT NULL,
        at REAL NOT NULL,
        seq INTEGER,
        PRIMARY KEY (user_id, item_id)
      ) STRICT;
      CREATE INDEX choices_starred ON choices (user_id, seq) WHERE starred = 1;
      CREATE INDEX choices_seq ON choices (seq);
      CREATE TABLE login_failures (key TEXT NOT NULL, at INTEGER NOT NULL) STRICT;
      CREATE INDEX login_failures_key_at ON login_failures (key, at);
      CREATE TABLE tokens (
        kind TEXT NOT NULL,
        user_id TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (kind, user_id)
      ) STRICT;
    `,
    postgres: `
      CREATE TABLE meta (key text PRIMARY KEY, value text NOT NULL);
      CREATE TABLE users (
        id text PRIMARY KEY,
        username text NOT NULL UNIQUE,
        name text NOT NULL,
        password text NOT NULL,
        password_changed_at bigint NOT NULL
      );
      CREATE TABLE sessions (
        id_hash text PRIMARY KEY,
        user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        created_at bigint NOT NULL,
        last_seen_at bigint NOT NULL
      );
      CREATE INDEX sessions_user_id ON sessions (user_id);
      CREATE SEQUENCE choices_seq;
      CREATE TABLE choices (
        user_id text NOT NULL,
        item_id text NOT NULL,
        starred boolean NOT NULL,
        at double precision NOT NULL,
        seq bigint,
        PRIMARY KEY (user_id, item_id)
      );
      CREATE INDEX choices_starred ON choices (user_id, seq) WHERE starred;
      CREATE TABLE login_failures (key text NOT NULL, at bigint NOT NULL);
      CREATE INDEX login_failures_key_at ON login_failures (key, at);
      CREATE TABLE tokens (
        kind text NOT NULL,
        user_id text NOT NULL,
        token_hash text NOT NULL UNIQUE,
        created_at bigint NOT NULL,
        PRIMARY KEY (kind, user_id)
      );
    `,
  },
];

/**
 * The key of the PostgreSQL advisory lock held while migrating (any constant will do, as long as
 * nothing else in the database uses it): two server processes starting together take turns, and
 * the second finds the work done.
 */
export const MIGRATION_LOCK = 7_305_121_984_001;

const CREATE_TABLE = 'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)';

/** The migrations not among `done` (a set of versions), in order; warns when the database is newer than this code. */
function missing(done, log) {
  const newest = Math.max(0, ...done);
  const known = MIGRATIONS.at(-1)?.version ?? 0;
  if (newest > known) log(`database schema is at version ${newest}, newer than this server knows (${known}); carrying on`);
  return MIGRATIONS.filter((m) => !done.has(m.version));
}

/**
 * Brings a better-sqlite3 database up to date. Runs as one IMMEDIATE transaction: it takes the
 * write lock before reading what has been applied, so a second process opening the same file
 * waits (busy_timeout) and then sees the migrations done. Returns the versions applied.
 */
export function migrateSqlite(db, log = () => {}) {
  return db
    .transaction(() => {
      db.exec(CREATE_TABLE);
      const done = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all());
      const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
      const applied = [];
      for (const m of missing(done, log)) {
        db.exec(m.sqlite);
        record.run(m.version, m.name, Date.now());
        applied.push(m.version);
        log(`database: applied migration ${m.version} (${m.name})`);
      }
      return applied;
    })
    .immediate();
}

/**
 * Brings a PostgreSQL database up to date, on one client of `pool`, in one transaction that
 * first takes `pg_advisory_xact_lock(MIGRATION_LOCK)` (released at COMMIT or ROLLBACK): a
 * second process starting at the same time waits there, then finds nothing left to do.
 * PostgreSQL's DDL is transactional, so a failed migration leaves no half-made tables.
 * Returns the versions applied.
 */
export async function migratePostgres(pool, log = () => {}) {
  const client = await pool.connect();
  let broken;
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(CREATE_TABLE);
    const { rows } = await client.query('SELECT version FROM schema_migrations');
    const applied = [];
    for (const m of missing(new Set(rows.map((r) => Number(r.version))), log)) {
      await client.query(m.postgres);
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, Date.now()]);
      applied.push(m.version);
      log(`database: applied migration ${m.version} (${m.name})`);
    }
    await client.query('COMMIT');
    return applied;
  } catch (e) {
    await client.query('ROLLBACK').catch((rollbackError) => (broken = rollbackError));
    throw e;
  } finally {
    client.release(broken);
  }
}
