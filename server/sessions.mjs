import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long a sign-in lasts. */
export const SESSION_DAYS = 14;

/** The cookie's name: with Secure, the `__Host-` prefix also pins it to this host and path /. */
const cookieName = (secure) => (secure ? '__Host-programme-session' : 'programme-session');

/** The value of one cookie from a Cookie header, or undefined. */
function readCookie(header = '', name) {
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * Sessions held in a signed cookie: `userId.expiry.mac`, where userId is base64url, expiry is in
 * seconds since the epoch and mac is HMAC-SHA256 of the first two parts with the server's secret.
 * Nothing is kept on the server, so a session survives a restart as long as the secret does.
 *
 * `secure` (for a server behind HTTPS whose pages are embedded by other sites) gives the cookie
 * `Secure; SameSite=None`; otherwise it is `SameSite=Lax`, which is enough when the pages that
 * embed the stars are on the same site as this server.
 */
export function sessionCookies({ secret, secure = false, now = () => Date.now() }) {
  const name = cookieName(secure);
  const mac = (payload) => createHmac('sha256', secret).update(payload).digest('base64url');
  const attributes = `Path=/; HttpOnly; ${secure ? 'Secure; SameSite=None' : 'SameSite=Lax'}`;

  return {
    /** The Set-Cookie header value that signs this user in. */
    issue(userId) {
      const expiry = Math.floor(now() / 1000) + SESSION_DAYS * 24 * 60 * 60;
      const payload = `${Buffer.from(userId).toString('base64url')}.${expiry}`;
      return `${name}=${payload}.${mac(payload)}; Max-Age=${SESSION_DAYS * 24 * 60 * 60}; ${attributes}`;
    },

    /** The Set-Cookie header value that signs out. */
    clear() {
      return `${name}=; Max-Age=0; ${attributes}`;
    },

    /** The id of the user this request is signed in as, or null (no cookie, bad signature, expired). */
    read(req) {
      const value = readCookie(req.headers.cookie, name);
      const parts = value?.split('.');
      if (parts?.length !== 3) return null;
      const [id, expiry, signature] = parts;
      const expected = Buffer.from(mac(`${id}.${expiry}`));
      const actual = Buffer.from(signature);
      if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
      if (!/^\d+$/.test(expiry) || Number(expiry) * 1000 <= now()) return null;
      return Buffer.from(id, 'base64url').toString('utf8');
    },
  };
}
