/**
 * Which other origins may call this server with the browser's credentials, and the CORS headers
 * that say so. Same-origin requests are always allowed; an origin in `allowedOrigins` is allowed;
 * every other origin is refused.
 */

/** `https://example.org/` → `https://example.org`; throws on anything that is not an http(s) origin. */
export function normalizeOrigin(value) {
  const url = new URL(String(value).trim());
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`Not an http(s) origin: ${value}`);
  return url.origin;
}

/** The methods and request headers the schedule API accepts from another origin. */
export const API_METHODS = 'GET, POST, PUT, DELETE';
export const API_REQUEST_HEADERS = 'X-Requested-With, X-Choice-At, Content-Type';
/** Seconds a browser may remember a preflight answer. */
export const PREFLIGHT_MAX_AGE = 600;

export function originPolicy(allowedOrigins = []) {
  const allowed = new Set(allowedOrigins.map(normalizeOrigin));

  /** True when `origin` is the origin the request was addressed to (its Host header). */
  const isSameOrigin = (req, origin) => {
    try {
      const url = new URL(origin);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.host === req.headers.host;
    } catch {
      return false;
    }
  };

  return {
    /** The origins allowed besides this server's own (for CSP and the start-up message). */
    origins: [...allowed],

    isSameOrigin,

    /** True for a same-origin request or an allowed origin; false for any other, `null` included. */
    allows(req, origin) {
      return isSameOrigin(req, origin) || allowed.has(origin);
    },

    /**
     * Where a sign-in may send the browser back to: `target` made safe when it is on this server
     * or on an allowed origin, else null. Relative targets stay relative (path, query, fragment).
     */
    returnLocation(req, target) {
      if (typeof target !== 'string' || !target) return null;
      const base = `http://${req.headers.host}`;
      let url;
      try {
        url = new URL(target, base);
      } catch {
        return null;
      }
      // `/.//evil.example/` is a path on this server, `//evil.example/` once normalised: a browser
      // reads a Location starting with two slashes (or slash and backslash) as another host.
      if (url.origin === new URL(base).origin) return `/${url.pathname.replace(/^[/\\]+/, '')}${url.search}${url.hash}`;
      return this.allows(req, url.origin) ? url.href : null;
    },

    /** The headers that let an allowed cross-origin caller read a credentialed answer. */
    responseHeaders(req) {
      const origin = req.headers.origin;
      if (!origin || isSameOrigin(req, origin) || !allowed.has(origin)) return { vary: 'Origin' };
      return { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true', vary: 'Origin' };
    },

    /** The answer to a preflight from an allowed origin. */
    preflightHeaders(req) {
      return {
        ...this.responseHeaders(req),
        'access-control-allow-methods': API_METHODS,
        'access-control-allow-headers': API_REQUEST_HEADERS,
        'access-control-max-age': String(PREFLIGHT_MAX_AGE),
      };
    },
  };
}
