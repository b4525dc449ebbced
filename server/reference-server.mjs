#!/usr/bin/env node
/**
 * The reference schedule server: what a host stands up so that `<star-toggle>`s keep a person's
 * schedule in their account. Plain Node (node:http, node:crypto), no dependencies.
 *
 *   GET  /programme.json          the programme, public, with an ETag          (programme.mjs)
 *   GET  /login?return=URL        the sign-in form; POST /login, POST /logout   (login.mjs, login-page.mjs)
 *   /api/schedule/me, /items, /items/{id}   the HTTP adapter's API              (schedule-api.mjs)
 *   /api/schedule/calendar, /calendar/{token}.ics   a person's calendar feed   (calendar.mjs)
 *   GET  /, /demo/*, /dist/*, /schema/*     the demo's files, with `staticRoot` (static.mjs)
 *
 * Accounts, sign-in sessions and schedules live in a database (db/): a SQLite file by default,
 * PostgreSQL when `databaseUrl` is given, so several server processes can share one. Sessions are
 * kept on the server (sessions.mjs); sign-in is throttled (throttle.mjs) and password checks are
 * rationed (hash-gate.mjs). Other origins may call the API with credentials only when listed in
 * `allowedOrigins` (cors.mjs).
 *
 * As a command: `node server/reference-server.mjs`, configured by environment variables
 * PORT (8080), HOST (127.0.0.1), DATABASE_URL (postgres://…; else the SQLite file DATABASE_FILE),
 * DATA_FILE (a schedules.json of the earlier JSON store, imported once), PROGRAMME_FILE,
 * ALLOWED_ORIGINS (comma-separated), STATIC_ROOT, SECURE_COOKIES=1 (behind HTTPS, for pages on
 * other sites), PUBLIC_URL (the https://… origin readers reach it at, for calendar URLs),
 * USERS_FILE (a JSON list of accounts { id, username, name, password } with hashed passwords, in
 * place of the demo's), TRUST_PROXY=1 (behind a reverse proxy: the reader's address, which sign-in
 * throttling counts by, is the last one the proxy adds to X-Forwarded-For) and LOG_REQUESTS=1 (a
 * line per request; errors are always logged).
 */
import { createServer } from 'node:http';
import { once } from 'node:events';
import { resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { calendarRoutes } from './calendar.mjs';
import { originPolicy } from './cors.mjs';
import { HttpError, sendJson } from './http.mjs';
import { loginRoutes } from './login.mjs';
import { programmeRoute } from './programme.mjs';
import { openDatabase } from './db/index.mjs';
import { hashGate } from './hash-gate.mjs';
import { scheduleApi } from './schedule-api.mjs';
import { serverSessions } from './sessions.mjs';
import { serveFile } from './static.mjs';
import { signInThrottle } from './throttle.mjs';
import { DEMO_CREDENTIALS, DEMO_USERS, userDirectory } from './users.mjs';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
/** The JSON file of the earlier store: imported into the database on first start, when there. */
export const DEFAULT_DATA_FILE = resolve(repoRoot, 'demo/.data/schedules.json');
export const DEFAULT_DATABASE_FILE = resolve(repoRoot, 'demo/.data/schedules.sqlite');
export const DEFAULT_PROGRAMME_FILE = resolve(repoRoot, 'demo/programme.json');

const API_PREFIX = '/api/schedule';
const STATIC_FOLDERS = ['/demo/', '/dist/', '/schema/'];

/** Serves the demo's own files below `root`; never a dot-file or dot-folder (the data file lives in demo/.data). */
async function serveStatic(req, res, root, pathname) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const path = pathname === '/' ? '/demo/index.html' : pathname;
  if (!STATIC_FOLDERS.some((folder) => path.startsWith(folder))) return false;
  let decoded;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return false;
  }
  if (decoded.split(/[\\/]/).some((segment) => segment.startsWith('.'))) return false;
  return serveFile(req, res, root, path);
}

/**
 * Starts the server. Resolves once it listens, with its URL (on `host`), its port and `close()`,
 * which stops accepting requests, ends open connections and waits for pending writes.
 */
export async function startReferenceServer({
  port = 0,
  host = '127.0.0.1',
  databaseFile = DEFAULT_DATABASE_FILE,
  databaseUrl,
  dataFile = DEFAULT_DATA_FILE,
  programmeFile = DEFAULT_PROGRAMME_FILE,
  allowedOrigins = [],
  staticRoot,
  secureCookies = false,
  trustProxy = false,
  logRequests = true,
  publicUrl,
  users: accounts = DEMO_USERS,
  credentials = accounts === DEMO_USERS ? DEMO_CREDENTIALS : [],
  log,
} = {}) {
  const say = typeof log === 'function' ? log : () => {};
  const db = await openDatabase({ file: resolve(databaseFile), url: databaseUrl, importFile: dataFile && resolve(dataFile), log: say });
  await db.ensureUsers(accounts);
  const sessions = serverSessions({ db, secure: secureCookies });
  const users = userDirectory({ db, gate: hashGate() });
  const throttle = signInThrottle({ db });
  const cors = originPolicy(allowedOrigins);
  const api = scheduleApi({ db, sessions, users, cors, log: say });
  const calendar = calendarRoutes({ db, sessions, users, cors, programmeFile: resolve(programmeFile), publicUrl, log: say });
  const programme = programmeRoute(resolve(programmeFile));
  const login = loginRoutes({ sessions, users, cors, throttle, credentials, trustProxy });
  const root = staticRoot ? resolve(staticRoot) + sep : null;

  async function route(req, res) {
    if (!req.url?.startsWith('/')) throw new HttpError(400, 'Bad request target.');
    const url = new URL(`http://server${req.url}`);
    const rawPath = req.url.split('?')[0];

    if ((await calendar(req, res, url)) !== false) return;
    if (rawPath === API_PREFIX || rawPath.startsWith(`${API_PREFIX}/`)) return api(req, res, rawPath.slice(API_PREFIX.length));
    if (url.pathname === '/programme.json') return programme(req, res);
    if (root && (await serveStatic(req, res, root, url.pathname))) return;
    if ((await login(req, res, url)) !== false) return;
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
  }

  const server = createServer(async (req, res) => {
    // A calendar URL is a secret: the log shows that one was asked for, not which.
    if (log && logRequests) res.on('finish', () => say(`${req.method} ${req.url?.replace(/^\/calendar\/[^/?]+/, '/calendar/…')} ${res.statusCode}`));
    try {
      await route(req, res);
    } catch (e) {
      const status = e instanceof HttpError ? e.status : 500;
      if (status === 500) say(`error on ${req.method} ${req.url}: ${e.stack ?? e}`);
      if (res.headersSent) return res.destroy();
      const message = status === 500 ? 'Something went wrong on the server.' : e.message;
      if (req.url?.startsWith(API_PREFIX)) return sendJson(res, status, { error: message });
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end(message);
    }
  });

  server.listen(port, host);
  await once(server, 'listening');
  const actualPort = server.address().port;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${actualPort}`,
    port: actualPort,
    async close() {
      const closed = new Promise((done) => server.close(() => done()));
      server.closeAllConnections();
      await closed;
      await db.close();
    },
  };
}

/** The command-line entry: configuration from the environment. */
async function main() {
  const env = process.env;
  // USERS_FILE: a JSON list of accounts, { id, username, name, password } with the password already hashed (hashPassword in users.mjs).
  let accounts = {};
  if (env.USERS_FILE) {
    const { readFile } = await import('node:fs/promises');
    const users = JSON.parse(await readFile(env.USERS_FILE, 'utf8'));
    const fields = ['id', 'username', 'name', 'password'];
    if (!Array.isArray(users) || !users.every((u) => fields.every((f) => typeof u?.[f] === 'string' && u[f] !== ''))) {
      throw new Error(`USERS_FILE ${env.USERS_FILE} must hold a JSON list of { "id", "username", "name", "password" } (the password hashed).`);
    }
    accounts = { users, credentials: [] };
  }
  const server = await startReferenceServer({
    ...accounts,
    port: Number(env.PORT ?? 8080),
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    databaseFile: env.DATABASE_FILE ?? DEFAULT_DATABASE_FILE,
    dataFile: env.DATA_FILE ?? DEFAULT_DATA_FILE,
    programmeFile: env.PROGRAMME_FILE ?? DEFAULT_PROGRAMME_FILE,
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    staticRoot: env.STATIC_ROOT || undefined,
    secureCookies: env.SECURE_COOKIES === '1' || env.SECURE_COOKIES === 'true',
    publicUrl: env.PUBLIC_URL || undefined,
    trustProxy: env.TRUST_PROXY === '1',
    logRequests: env.LOG_REQUESTS === '1',
    log: (line) => console.log(line),
  });
  console.log(`reference schedule server: ${server.url}/ (${env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`);
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
