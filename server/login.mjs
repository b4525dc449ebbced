import { randomBytes } from 'node:crypto';
import { HttpError, readBody, redirect, sendHtml } from './http.mjs';
import { loginPage, signedInPage } from './login-page.mjs';

const WRONG_CREDENTIALS = 'That username and password do not match an account. Check both and try again.';

/**
 * Signing in and out with a form, as a person does:
 *
 *   GET  /login?return=URL   the form (or, when signed in already, who you are and a sign-out button)
 *   POST /login              username, password, return: 303 to `return` with a session cookie, or
 *                            401 with the form and the error
 *   POST /logout             return: clears the cookie, 303 to `return`
 *
 * `return` is followed only when it is on this server or on an allowed origin; otherwise the
 * browser goes to "/". Posts from any other origin are refused (403), so another site cannot sign
 * a reader in or out behind their back.
 */
export function loginRoutes({ sessions, users, cors, credentials = [] }) {
  /** The CSP of every page here: no script at all, styles by nonce, forms and framing only by us and allowed origins. */
  const csp = (nonce) => {
    const others = cors.origins.join(' ');
    return [
      "default-src 'none'",
      `style-src 'nonce-${nonce}'`,
      "base-uri 'none'",
      `form-action 'self' ${others}`.trim(),
      `frame-ancestors 'self' ${others}`.trim(),
    ].join('; ');
  };
  const html = (res, status, render, options) => {
    const nonce = randomBytes(16).toString('base64');
    sendHtml(res, status, render({ nonce, credentials, ...options }), { csp: csp(nonce) });
  };

  async function readForm(req) {
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/x-www-form-urlencoded') throw new HttpError(415, 'Send the form as application/x-www-form-urlencoded.');
    return new URLSearchParams(await readBody(req));
  }

  function refuseForeignPost(req) {
    const origin = req.headers.origin;
    if (origin !== undefined && !cors.allows(req, origin)) throw new HttpError(403, 'Forms from other sites cannot sign you in or out here.');
  }

  /** The page shown at a URL: the form when signed out, the account when signed in. */
  function showAccount(req, res, returnTo) {
    const user = users.find(sessions.read(req));
    const back = cors.returnLocation(req, returnTo);
    if (user) return html(res, 200, signedInPage, { user, returnTo, back });
    return html(res, 200, loginPage, { returnTo, back });
  }

  return async function handle(req, res, url) {
    if (url.pathname === '/login' && (req.method === 'GET' || req.method === 'HEAD')) {
      return showAccount(req, res, url.searchParams.get('return') ?? '');
    }

    if (url.pathname === '/login' && req.method === 'POST') {
      refuseForeignPost(req);
      const form = await readForm(req);
      const username = form.get('username') ?? '';
      const returnTo = form.get('return') ?? '';
      const user = await users.verify(username, form.get('password') ?? '');
      if (!user) {
        return html(res, 401, loginPage, { returnTo, back: cors.returnLocation(req, returnTo), error: WRONG_CREDENTIALS, username });
      }
      return redirect(res, cors.returnLocation(req, returnTo) ?? '/', { 'set-cookie': sessions.issue(user.id) });
    }

    if (url.pathname === '/logout' && req.method === 'POST') {
      refuseForeignPost(req);
      const form = await readForm(req);
      return redirect(res, cors.returnLocation(req, form.get('return') ?? '') ?? '/', { 'set-cookie': sessions.clear() });
    }

    if (url.pathname === '/logout' && req.method === 'GET') {
      // Signing out changes state, so it takes a POST; a link here leads to the button.
      return redirect(res, `/login?return=${encodeURIComponent(url.searchParams.get('return') ?? '')}`);
    }

    if (url.pathname === '/' && (req.method === 'GET' || req.method === 'HEAD')) return showAccount(req, res, '');

    return false;
  };
}
