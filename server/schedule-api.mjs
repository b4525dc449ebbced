import { ScheduleFullError } from './store.mjs';
import { sendEmpty, sendJson } from './http.mjs';

/** The header (and value) every API request must carry. A form cannot send it, so a cross-site
 * change always needs a CORS preflight, which only allowed origins pass. */
export const REQUIRED_HEADER = 'x-requested-with';
export const REQUIRED_HEADER_VALUE = 'programme-elements';
/** Longest item id accepted, in characters after URL-decoding. */
export const MAX_ID_LENGTH = 200;

/**
 * The schedule API that the HTTP adapter speaks, mounted under /api/schedule:
 *
 *   GET    /me          200 { "id", "name" }  | 401 { "error" }
 *   GET    /items       200 { "items": [ids] } | 401
 *   PUT    /items/{id}  204 (idempotent)       | 401
 *   DELETE /items/{id}  204 (idempotent)       | 401
 *
 * `{id}` is URL-encoded, 1 to 200 characters once decoded, else 400. Every request other than a
 * preflight must carry `X-Requested-With: programme-elements`, else 403. A request whose Origin
 * is neither this server's nor an allowed one gets 403 with no CORS headers.
 */
export function scheduleApi({ store, sessions, users, cors, log = () => {} }) {
  return async function handle(req, res, path) {
    const origin = req.headers.origin;
    if (origin !== undefined && !cors.allows(req, origin)) {
      return sendJson(res, 403, { error: 'This origin may not use the schedule API.' }, { vary: 'Origin' });
    }

    if (req.method === 'OPTIONS') return sendEmpty(res, 204, { ...cors.preflightHeaders(req), allow: 'GET, PUT, DELETE, OPTIONS' });

    const headers = cors.responseHeaders(req);
    const fail = (status, error, extra = {}) => sendJson(res, status, { error }, { ...headers, ...extra });

    if (req.headers[REQUIRED_HEADER] !== REQUIRED_HEADER_VALUE) {
      return fail(403, `Requests to the schedule API must carry the header X-Requested-With: ${REQUIRED_HEADER_VALUE}.`);
    }

    const route = path === '/me' ? 'me' : path === '/items' ? 'items' : path.startsWith('/items/') ? 'item' : null;
    if (!route) return fail(404, 'No such API path.');
    const methods = route === 'item' ? ['PUT', 'DELETE'] : ['GET', 'HEAD'];
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

    const user = users.find(sessions.read(req));
    if (!user) return fail(401, 'Not signed in.');

    switch (route) {
      case 'me':
        return sendJson(res, 200, user, headers);
      case 'items':
        return sendJson(res, 200, { items: store.items(user.id) }, headers);
      case 'item':
        try {
          await (req.method === 'PUT' ? store.add(user.id, itemId) : store.remove(user.id, itemId));
        } catch (e) {
          if (e instanceof ScheduleFullError) return fail(409, e.message);
          log(`schedule change for ${user.id} not saved: ${e.message}`);
          return fail(500, 'The change could not be saved. Please try again.');
        }
        return sendEmpty(res, 204, { ...headers, 'cache-control': 'no-store' });
    }
  };
}
