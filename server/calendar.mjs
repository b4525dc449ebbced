/**
 * How does a person see their schedule in Google Calendar, Outlook or Apple Calendar, and keep it
 * current? Through a secret calendar URL that those apps subscribe to (webcal:// or https://):
 *
 *   GET    /api/schedule/calendar   200 { "exists": boolean }                  | 401 | 403
 *   POST   /api/schedule/calendar   200 { "url": "https://…/calendar/T.ics", "webcal": "webcal://…" }
 *                                   a new URL; the one before stops working    | 401 | 403
 *   DELETE /api/schedule/calendar   204; the URL stops working                 | 401 | 403
 *   GET    /calendar/T.ics          200 text/calendar, the starred sessions     | 404 | 503
 *
 * The API paths follow schedule-api.mjs: a signed-in session, the X-Requested-With header (so a
 * cross-site request needs a preflight, which only allowed origins pass) and CORS for allowed
 * origins. The feed needs no cookie, as calendar apps send none: the random token in its path is
 * the secret, and only its hash is stored (db/), so an existing URL cannot be shown again, only
 * replaced. The feed is made on each request from the programme file (parsed again when its
 * modification time changes) and the person's stars, so it is always current.
 */
import { stat, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sendEmpty, sendJson } from './http.mjs';
import { REQUIRED_HEADER, REQUIRED_HEADER_VALUE } from './schedule-api.mjs';

/** The API path, and the kind of token the database keeps for it. */
export const CALENDAR_API_PATH = '/api/schedule/calendar';
export const TOKEN_KIND = 'calendar';
/** The feed's path: `/calendar/` + token + `.ics`. */
const FEED_PATH = /^\/calendar\/([^/]*)\.ics$/;
/** A token as the database makes them (base64url); anything else, or longer, is refused unlooked-at. */
const TOKEN = /^[A-Za-z0-9_-]{1,100}$/;
/** A Host header fit to build a URL from: a name or IPv4 address, or a bracketed IPv6 address, and a port. */
const HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;
const API_METHODS = 'GET, POST, DELETE';
const FEED_METHODS = 'GET, HEAD';

/** The built feed module (npm run build makes it from src/server/calendar-feed.ts). */
export const DEFAULT_FEED_MODULE = new URL('../dist/server/calendar-feed.js', import.meta.url);

/** A plain-text answer (the feed's errors: a calendar app shows at most the status). */
function sendText(res, status, text, headers = {}) {
  res
    .writeHead(status, {
      'content-type': 'text/plain; charset=utf-8',
      'content-length': Buffer.byteLength(text),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      ...headers,
    })
    .end(text);
}

/**
 * The calendar routes. `publicUrl` (`https://schedule.example.org`, perhaps with a path the server
 * is mounted under) is where calendar apps reach this server; without it the URL is built from the
 * request's Host header over http:, as for the demo. `feedModule` (a URL or path) is for tests.
 * Returns `handle(req, res, url)`, which answers and resolves to undefined for its own paths, and
 * resolves to false for every other path. It must come before the schedule API in the routing.
 */
export function calendarRoutes({ db, sessions, users, cors, programmeFile, publicUrl, feedModule = DEFAULT_FEED_MODULE, log = () => {} }) {
  const base = publicUrl ? publicBase(publicUrl) : null;
  const programmePath = resolve(programmeFile);

  /** The feed module, imported once it is there: a server started before the build finds it later. */
  let feed;
  const loadFeed = () =>
    (feed ??= import(feedModule instanceof URL ? feedModule.href : pathToFileURL(resolve(String(feedModule))).href).catch((e) => {
      feed = undefined;
      throw e;
    }));

  /** The parsed programme, kept while the file's modification time and size stay the same. */
  let programme = { key: null, json: null };
  async function readProgramme() {
    const info = await stat(programmePath);
    const key = `${info.mtimeMs}:${info.size}`;
    if (programme.key !== key) {
      const pending = readFile(programmePath, 'utf8').then((text) => JSON.parse(text));
      programme = { key, json: pending };
      pending.catch(() => {
        if (programme.json === pending) programme = { key: null, json: null };
      });
    }
    return programme.json;
  }

  /** Where this server is reached, without a trailing slash; null when the Host header is unfit. */
  const originOf = (req) => base ?? (HOST.test(req.headers.host ?? '') ? `http://${req.headers.host}` : null);

  async function api(req, res) {
    const origin = req.headers.origin;
    if (origin !== undefined && !cors.allows(req, origin)) {
      return sendJson(res, 403, { error: 'This origin may not use the schedule API.' }, { vary: 'Origin' });
    }
    if (req.method === 'OPTIONS') {
      return sendEmpty(res, 204, { ...cors.preflightHeaders(req), 'access-control-allow-methods': API_METHODS, allow: `${API_METHODS}, OPTIONS` });
    }
    const headers = cors.responseHeaders(req);
    const fail = (status, error, extra = {}) => sendJson(res, status, { error }, { ...headers, ...extra });
    if (req.headers[REQUIRED_HEADER] !== REQUIRED_HEADER_VALUE) {
      return fail(403, `Requests to the schedule API must carry the header X-Requested-With: ${REQUIRED_HEADER_VALUE}.`);
    }
    if (!['GET', 'HEAD', 'POST', 'DELETE'].includes(req.method)) return fail(405, `Use ${API_METHODS}.`, { allow: `${API_METHODS}, OPTIONS` });

    const user = await users.find(await sessions.read(req));
    if (!user) return fail(401, 'Not signed in.');

    if (req.method === 'GET' || req.method === 'HEAD') return sendJson(res, 200, { exists: await db.hasToken(user.id, TOKEN_KIND) }, headers);
    if (req.method === 'DELETE') {
      await db.deleteToken(user.id, TOKEN_KIND);
      return sendEmpty(res, 204, { ...headers, 'cache-control': 'no-store' });
    }
    const at = originOf(req);
    if (!at) return fail(400, 'The request has no usable Host header.');
    const token = await db.newToken(user.id, TOKEN_KIND, Date.now());
    const url = `${at}/calendar/${token}.ics`;
    return sendJson(res, 200, { url, webcal: url.replace(/^https?:/, 'webcal:') }, headers);
  }

  async function calendar(req, res, token) {
    const headers = { 'referrer-policy': 'no-referrer' };
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, `Use ${FEED_METHODS}.`, { ...headers, allow: FEED_METHODS });
    const notFound = () => sendText(res, 404, 'No such calendar: the link is wrong, or was replaced or turned off.', headers);
    if (!TOKEN.test(token)) return notFound();
    const userId = await db.userOfToken(TOKEN_KIND, token);
    const user = userId === null ? null : await users.find(userId);
    if (!user) return notFound();

    let module;
    try {
      module = await loadFeed();
    } catch (e) {
      log(`calendar feed: ${e.message}`);
      return sendText(res, 503, 'The calendar feed is not built on this server: run `npm run build` and ask again.', headers);
    }
    let json;
    try {
      json = await readProgramme();
    } catch (e) {
      log(`calendar feed: the programme file ${programmePath} cannot be read: ${e.message}`);
      return sendText(res, 503, 'The programme cannot be read just now.', headers);
    }
    let text;
    try {
      text = module.calendarFeed(json, await db.items(user.id), { now: new Date() });
    } catch (e) {
      log(`calendar feed: ${e.message}`);
      return sendText(res, 503, 'The programme cannot be read just now.', headers);
    }
    res
      .writeHead(200, {
        ...headers,
        'content-type': 'text/calendar; charset=utf-8',
        'content-length': Buffer.byteLength(text),
        'cache-control': 'no-cache',
        'content-disposition': 'inline; filename="schedule.ics"',
        'x-content-type-options': 'nosniff',
      })
      .end(req.method === 'HEAD' ? undefined : text);
  }

  return async function handle(req, res, url) {
    if (url.pathname === CALENDAR_API_PATH) return api(req, res);
    const feedPath = FEED_PATH.exec(url.pathname);
    if (feedPath) return calendar(req, res, feedPath[1]);
    return false;
  };
}

/** `https://example.org/schedule/` → `https://example.org/schedule`; throws on anything but an http(s) URL. */
function publicBase(value) {
  const url = new URL(String(value).trim());
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`publicUrl must be an http(s) URL (got ${value}).`);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
