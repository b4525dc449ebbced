import { ScheduleFullError } from './db/index.mjs';
import { sendEmpty, sendJson } from './http.mjs';
import { shareToken, userOfShareToken } from './share.mjs';

/** The header (and value) every API request must carry. A form cannot send it, so a cross-site
 * change always needs a CORS preflight, which only allowed origins pass. */
export const REQUIRED_HEADER = 'x-requested-with';
export const REQUIRED_HEADER_VALUE = 'programme-elements';
/** Longest item id accepted, in characters after URL-decoding. */
export const MAX_ID_LENGTH = 200;
/** At most this many items on one person's schedule. */
export const MAX_ITEMS_PER_USER = 10000;
/** The request header with the time of the press, in ms since 1970 (the HTTP adapter sends it). */
export const CHOICE_AT_HEADER = 'x-choice-at';

/**
 * When the press was made: the request's X-Choice-At, else now. A time ahead of the server's clock
 * counts as now, so that a device whose clock runs fast cannot win against every later press.
 */
export function choiceTime(req, now = Date.now()) {
  const at = Number(req.headers[CHOICE_AT_HEADER]);
  return Number.isFinite(at) && at > 0 ? Math.min(at, now) : now;
}

/**
 * The schedule API that the HTTP adapter speaks, mounted under /api/schedule:
 *
 *   GET    /me          200 { "id", "name" }  | 401 { "error" }
 *   GET    /items       200 { "items": [ids] } | 401
 *   POST   /share       200 { "token" }: the person's share token (share.mjs) | 401
 *   GET    /shared/{token}  200 { "name", "items": [ids] }: someone's schedule, read only, no
 *                       sign-in needed | 404
 *   PUT    /items/{id}  200 { "id", "starred", "at", "applied" } | 401
 *   DELETE /items/{id}  200 { "id", "starred", "at", "applied" } | 401
 *
 * A change carries the time of the press (X-Choice-At); the server keeps, per person and item, the
 * time of the change it applied, and ignores an older one: `applied: false`, with the state and
 * time that won, which the page then shows. So a retried or delayed request never undoes a later one.
 *
 * `{id}` is URL-encoded, 1 to 200 characters once decoded, else 400. Every request other than a
 * preflight must carry `X-Requested-With: programme-elements`, else 403. A request whose Origin
 * is neither this server's nor an allowed one gets 403 with no CORS headers.
 */
export function scheduleApi({ db, sessions, users, cors, log = () => {} }) {
  return async function handle(req, res, path) {
    const origin = req.headers.origin;
    if (origin !== undefined && !cors.allows(req, origin)) {
      return sendJson(res, 403, { error: 'This origin may not use the schedule API.' }, { vary: 'Origin' });
    }

    if (req.method === 'OPTIONS') return sendEmpty(res, 204, { ...cors.preflightHeaders(req), allow: 'GET, POST, PUT, DELETE, OPTIONS' });

    const headers = cors.responseHeaders(req);
    const fail = (status, error, extra = {}) => sendJson(res, status, { error }, { ...headers, ...extra });

    if (req.headers[REQUIRED_HEADER] !== REQUIRED_HEADER_VALUE) {
      return fail(403, `Requests to the schedule API must carry the header X-Requested-With: ${REQUIRED_HEADER_VALUE}.`);
    }

    const route =
      path === '/me'
        ? 'me'
        : path === '/items'
          ? 'items'
          : path.startsWith('/items/')
            ? 'item'
            : path === '/share'
              ? 'share'
              : path.startsWith('/shared/')
                ? 'shared'
                : null;
    if (!route) return fail(404, 'No such API path.');
    const methods = route === 'item' ? ['PUT', 'DELETE'] : route === 'share' ? ['POST'] : ['GET', 'HEAD'];
    if (!methods.includes(req.method)) return fail(405, `Use ${methods.join(' or ')}.`, { allow: `${methods.join(', ')}, OPTIONS` });

    let itemId;
    if (route === 'item') {
      try {
        itemId = decodeURIComponent(path.slice('/items/'.length));
      } catch {
        return fail(400, 'The item id is not correctly URL-encoded.');
      }
      if (itemId.length < 1 || itemId.length > MAX_ID_LENGTH) {
        return fail(400, `An item id has 1 to ${MAX_ID_LENGTH} characters.`);
      }
    }

    if (route === 'shared') {
      const owner = await users.find(userOfShareToken(await db.secret(), path.slice('/shared/'.length)));
      if (!owner) return fail(404, 'This link to a schedule is not known here.');
      return sendJson(res, 200, { name: owner.name ?? '', items: await db.items(owner.id) }, headers);
    }

    const user = await users.find(await sessions.read(req));
    if (!user) return fail(401, 'Not signed in.');

    switch (route) {
      case 'me':
        return sendJson(res, 200, user, headers);
      case 'items':
        return sendJson(res, 200, { items: await db.items(user.id) }, headers);
      case 'share':
        return sendJson(res, 200, { token: shareToken(await db.secret(), user.id) }, headers);
      case 'item': {
        let held;
        try {
          held = await db.choose(user.id, itemId, req.method === 'PUT', choiceTime(req), MAX_ITEMS_PER_USER);
        } catch (e) {
          if (e instanceof ScheduleFullError) return fail(409, e.message);
          log(`schedule change for ${user.id} not saved: ${e.message}`);
          return fail(500, 'The change could not be saved. Please try again.');
        }
        return sendJson(res, 200, { id: itemId, ...held }, headers);
      }
    }
  };
}
