import { randomBytes } from 'node:crypto';
import { HttpError, readBody, redirect, sendHtml } from './http.mjs';
import { loginPage, messagePage, signedInPage } from './login-page.mjs';
import { ThrottledError } from './throttle.mjs';

const WRONG_CREDENTIALS = 'That username and password do not match an account. Check both and try again.';

/**
 * Signing in and out with a form, as a person does:
 *
 *   GET  /login?return=URL   the form (or, when signed in already, who you are and a sign-out button)
 *   POST /login              username, password, return: 303 to `return` with a session cookie, or
 *                            401 with the form and the error
 *   POST /logout             return: ends the session on the server, clears the cookie, 303 to `return`
 *   POST /account/password   current, next, return: changes the password, ends every other session
 *
 * Sign-in attempts are throttled per account and per address (throttle.mjs): past the limit the
 * answer is 429 with Retry-After, whatever the password. Signing in always starts a new session.
 *
 * `return` is followed only when it is on this server or on an allowed origin; otherwise the
 * browser goes to "/". Posts from any other origin are refused (403), so another site cannot sign
 * a reader in or out behind their back.
 */
export function loginRoutes({ sessions, users, cors, throttle, credentials = [], trustProxy = false }) {
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
  const html = (res, status, render, options, headers) => {
    const nonce = randomBytes(16).toString('base64');
    sendHtml(res, status, render({ nonce, credentials, ...options }), { csp: csp(nonce), headers });
  };
  const tooMany = (res, e, back) =>
    html(res, 429, messagePage, { title: 'Error: Too many attempts to sign in', message: e.message, back }, { 'retry-after': String(e.retryAfter) });
  /** Who is signing in, for throttling: the peer, or behind a trusted proxy the address it saw. */
  const address = (req) => {
    const forwarded = trustProxy
      ? String(req.headers['x-forwarded-for'] ?? '')
          .split(',')
          .pop()
          .trim()
      : '';
    return forwarded || (req.socket.remoteAddress ?? 'unknown');
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
  async function showAccount(req, res, returnTo) {
    const user = await users.find(await sessions.read(req));
    const back = cors.returnLocation(req, returnTo);
    if (user) return html(res, 200, signedInPage, { user, returnTo, back });
    return html(res, 200, loginPage, { returnTo, back });
  }

  async function signIn(req, res) {
    refuseForeignPost(req);
    const form = await readForm(req);
    const username = form.get('username') ?? '';
    const returnTo = form.get('return') ?? '';
    const back = cors.returnLocation(req, returnTo);
    let user;
    let attempt;
    try {
      attempt = await throttle.begin(username, address(req));
      user = await users.verify(username, form.get('password') ?? '');
    } catch (e) {
      if (e instanceof ThrottledError) return tooMany(res, e, back);
      throw e;
    } finally {
      attempt?.end();
    }
    if (!user) {
      await throttle.failed(username, address(req));
      return html(res, 401, loginPage, { returnTo, back, error: WRONG_CREDENTIALS, username });
    }
    await throttle.succeeded(username);
    // A new session id at every sign-in: one planted before (session fixation) is worth nothing.
    await sessions.end(req);
    return redirect(res, back ?? '/', { 'set-cookie': await sessions.issue(user.id) });
  }

  async function changePassword(req, res) {
    refuseForeignPost(req);
    const form = await readForm(req);
    const returnTo = form.get('return') ?? '';
    const back = cors.returnLocation(req, returnTo);
    const user = await users.find(await sessions.read(req));
    if (!user) return html(res, 401, loginPage, { returnTo, back, error: 'Sign in to change your password.' });
    let error;
    try {
      error = await users.changePassword(user.id, form.get('current') ?? '', form.get('next') ?? '');
    } catch (e) {
      if (e instanceof ThrottledError) return tooMany(res, e, back);
      throw e;
    }
    if (error) return html(res, 400, signedInPage, { user, returnTo, back, error });
    // Every session ended with the old password; this browser goes on in a new one.
    const cookie = await sessions.issue(user.id);
    return html(
      res,
      200,
      signedInPage,
      { user, returnTo, back, notice: 'Your password is changed. You are signed out everywhere else.' },
      { 'set-cookie': cookie },
    );
  }

  return async function handle(req, res, url) {
    if (url.pathname === '/login' && (req.method === 'GET' || req.method === 'HEAD')) {
      return showAccount(req, res, url.searchParams.get('return') ?? '');
    }
    if (url.pathname === '/login' && req.method === 'POST') return signIn(req, res);
    if (url.pathname === '/account/password' && req.method === 'POST') return changePassword(req, res);

    if (url.pathname === '/logout' && req.method === 'POST') {
      refuseForeignPost(req);
      const form = await readForm(req);
      await sessions.end(req);
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
