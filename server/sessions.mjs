/**
 * Sign-in sessions kept on the server (in the database): the cookie holds only a random id, the
 * database only its hash. A session ends when the reader signs out, when their password changes,
 * after `idleMs` without a request and after `absoluteMs` in all; signing in always makes a new id.
 */

/** A session unused for this long ends. */
export const IDLE_MS = 7 * 24 * 60 * 60 * 1000;
/** No session lasts longer than this, used or not. */
export const ABSOLUTE_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * The cookie's name: over HTTPS the `__Host-` prefix pins it to this host and path / (the browser
 * refuses it otherwise); over plain HTTP, as in the demo, a prefix-free name.
 */
export const cookieName = (secure) => (secure ? '__Host-programme-session' : 'programme-session');

/** The value of one cookie from a Cookie header, or undefined. */
function readCookie(header = '', name) {
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * Sessions for requests. `secure` (a server behind HTTPS, whose stars may be embedded by other
 * sites) gives the cookie `__Host-`, `Secure` and `SameSite=None`; otherwise it is `SameSite=Lax`,
 * enough when the pages with the stars are on the same site as this server. Always `HttpOnly`.
 */
export function serverSessions({ db, secure = false, idleMs = IDLE_MS, absoluteMs = ABSOLUTE_MS, now = () => Date.now() }) {
  const name = cookieName(secure);
  const attributes = `Path=/; HttpOnly; ${secure ? 'Secure; SameSite=None' : 'SameSite=Lax'}`;
  const idOf = (req) => readCookie(req.headers.cookie, name);

  return {
    /** A new session for this user; the Set-Cookie header value that carries it. */
    async issue(userId) {
      const id = await db.createSession(userId, now());
      return `${name}=${id}; Max-Age=${Math.floor(absoluteMs / 1000)}; ${attributes}`;
    },

    /** The Set-Cookie header value that removes the cookie. */
    clear() {
      return `${name}=; Max-Age=0; ${attributes}`;
    },

    /** The id of the user this request is signed in as, or null (no cookie, ended or unknown session). */
    async read(req) {
      const id = idOf(req);
      return id ? db.readSession(id, now(), { idleMs, absoluteMs }) : null;
    },

    /** Ends the session this request carries (signing out): its cookie reads nothing from now on. */
    async end(req) {
      const id = idOf(req);
      if (id) await db.deleteSession(id);
    },
  };
}
