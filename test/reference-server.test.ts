import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

/**
 * The reference schedule server (server/reference-server.mjs), run for real by the test server's
 * reference middleware (test/server/reference.mjs) on http://localhost:PORT. This page is
 * http://localhost:8000: another origin on the same site, as a host's page and its account server
 * usually are, so these are real credentialed CORS requests with a SameSite=Lax cookie.
 */

const HEADER = { 'X-Requested-With': 'programme-elements' };
const ADA = { username: 'ada', password: 'lovelace' };

let base = '';

interface NodeAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A request made from Node (any Origin, every header readable, redirects not followed). */
async function fromNode(request: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<NodeAnswer> {
  const response = await fetch('/reference/node-fetch', { method: 'POST', body: JSON.stringify(request) });
  return response.json();
}

/** A schedule API request with the browser's credentials, as the HTTP adapter makes it. */
function api(method: string, path: string, headers: Record<string, string> = HEADER): Promise<Response> {
  return fetch(`${base}/api/schedule${path}`, { method, credentials: 'include', headers });
}

async function me(): Promise<{ status: number; body: { id?: string; name?: string; error?: string } }> {
  const response = await api('GET', '/me');
  return { status: response.status, body: await response.json() };
}

async function items(): Promise<string[]> {
  const response = await api('GET', '/items');
  expect(response.status).to.equal(200);
  return (await response.json()).items;
}

const loaded = (frame: HTMLIFrameElement) => new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));

/**
 * Signs in the way a person does: the server's own login page in a frame, focus moved into it
 * with Tab, the username and password typed, Enter pressed. The frame is on the server's origin,
 * so the test cannot reach into it; the keyboard can. Resolves with the frame once the page the
 * form led to has loaded.
 */
async function signInWithForm({ username, password }: { username: string; password: string }): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.title = 'Sign in';
  frame.style.cssText = 'width: 40rem; height: 40rem';
  frame.src = `${base}/login?return=${encodeURIComponent(`${location.origin}/reference/signed-in`)}`;
  const first = loaded(frame);
  document.body.append(frame);
  await first;
  frame.focus();
  await sendKeys({ press: 'Tab' });
  await sendKeys({ type: username });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ type: password });
  const next = loaded(frame);
  await sendKeys({ press: 'Enter' });
  await next;
  return frame;
}

/** Signs out with the server's sign-out form post (no-cors: only the cookie it clears matters). */
async function signOut(): Promise<void> {
  await fetch(`${base}/logout`, { method: 'POST', mode: 'no-cors', credentials: 'include', body: new URLSearchParams({ return: '/' }) });
}

async function signIn(): Promise<void> {
  (await signInWithForm(ADA)).remove();
  expect((await me()).status, 'signed in').to.equal(200);
}

describe('reference schedule server', () => {
  before(async () => {
    base = (await (await fetch('/reference/config')).json()).url;
  });

  beforeEach(signOut);
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  it('answers /me with 401 and an error when nobody is signed in', async () => {
    const { status, body } = await me();
    expect(status).to.equal(401);
    expect(body.error).to.be.a('string');
    expect((await api('GET', '/items')).status).to.equal(401);
    expect((await api('PUT', '/items/P021')).status).to.equal(401);
    expect((await api('DELETE', '/items/P021')).status).to.equal(401);
  });

  it('serves an accessible login form that says it is a demo and gives the credentials', async () => {
    const answer = await fromNode({ path: '/login?return=%2F' });
    expect(answer.status).to.equal(200);
    expect(answer.headers['content-type']).to.match(/^text\/html/);
    const page = new DOMParser().parseFromString(answer.body, 'text/html');
    expect(page.documentElement.lang).to.equal('en');
    expect(page.title).to.not.equal('');
    const username = page.querySelector<HTMLInputElement>('input[name=username]')!;
    const password = page.querySelector<HTMLInputElement>('input[name=password]')!;
    expect(username.autocomplete).to.equal('username');
    expect(password.autocomplete).to.equal('current-password');
    expect(password.type).to.equal('password');
    expect(page.querySelector(`label[for=${username.id}]`)?.textContent).to.contain('Username');
    expect(page.querySelector(`label[for=${password.id}]`)?.textContent).to.contain('Password');
    const note = page.querySelector('.note')?.textContent ?? '';
    expect(note).to.contain('demo');
    expect(note).to.contain('ada').and.contain('lovelace');

    const el = await fixture(html`<div></div>`);
    el.append(...Array.from(page.body.childNodes).map((n) => document.importNode(n, true)));
    await expect(el).to.be.accessible();
  });

  it('signs a person in through its login form and returns them to the page they came from', async () => {
    const frame = await signInWithForm(ADA);
    expect(frame.contentWindow!.location.href).to.equal(`${location.origin}/reference/signed-in`);
    const { status, body } = await me();
    expect(status).to.equal(200);
    expect(body).to.deep.equal({ id: 'ada', name: 'Ada Lovelace' });
  });

  it('refuses a wrong password and tells the reader why, keeping them on the form', async () => {
    const frame = await signInWithForm({ username: 'ada', password: 'babbage' });
    // Still on the server's origin (the form again), not sent on to the return page.
    expect(frame.contentDocument).to.equal(null);
    expect((await me()).status).to.equal(401);

    // What that page says, read from Node since the frame's origin is not ours.
    const answer = await fromNode({
      method: 'POST',
      path: '/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: 'ada', password: 'babbage', return: '/' }).toString(),
    });
    expect(answer.status).to.equal(401);
    expect(answer.headers['set-cookie']).to.equal(undefined);
    const page = new DOMParser().parseFromString(answer.body, 'text/html');
    const alert = page.querySelector('[role=alert]');
    expect(alert?.textContent).to.match(/do not match/);
    expect(page.querySelector('input[name=username]')?.getAttribute('value')).to.equal('ada');
    expect(page.querySelector('input[name=password]')?.getAttribute('aria-invalid')).to.equal('true');
    expect(page.querySelector('input[name=password]')?.getAttribute('aria-describedby')).to.equal(alert?.id);
  });

  it('returns after sign-in only to this server or an allowed origin', async () => {
    const post = (returnTo: string) =>
      fromNode({
        method: 'POST',
        path: '/login',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ ...ADA, return: returnTo }).toString(),
      });
    expect((await post(`${location.origin}/page`)).headers.location).to.equal(`${location.origin}/page`);
    expect((await post('/somewhere?x=1')).headers.location).to.equal('/somewhere?x=1');
    for (const evil of ['https://evil.example/', '//evil.example/', '/\\evil.example/', 'javascript:alert(1)']) {
      const answer = await post(evil);
      expect(answer.status, evil).to.equal(303);
      expect(answer.headers.location, evil).to.equal('/');
    }
    // Paths on this server that normalise to two slashes: never a Location another host can be read from.
    for (const evil of ['/.//evil.example/', '/..//evil.example/', './/evil.example/', '/%2e//evil.example/', '/./\\evil.example/', '/.//\\evil.example/']) {
      const location = (await post(evil)).headers.location;
      expect(location, evil).to.match(/^\/(?![/\\])/);
      expect(new URL(location, 'http://here.example/').host, evil).to.equal('here.example');
    }
    const cookie = (await post('/')).headers['set-cookie'];
    expect(cookie).to.match(/^programme-session=[\w-]{43};/);
    expect(cookie).to.contain('HttpOnly').and.contain('Path=/').and.contain('SameSite=Lax');
  });

  it('refuses a login form posted from another site', async () => {
    const answer = await fromNode({
      method: 'POST',
      path: '/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      body: new URLSearchParams({ ...ADA, return: '/' }).toString(),
    });
    expect(answer.status).to.equal(403);
    expect(answer.headers['set-cookie']).to.equal(undefined);
  });

  it('stars and unstars items, each change idempotent', async () => {
    await signIn();
    expect(await items()).to.deep.equal([]);
    expect((await api('PUT', '/items/P021')).status).to.equal(200);
    expect((await api('PUT', '/items/P021')).status).to.equal(200);
    expect((await api('PUT', '/items/P021-1-a')).status).to.equal(200);
    expect(await items()).to.deep.equal(['P021', 'P021-1-a']);
    expect((await api('DELETE', '/items/P021')).status).to.equal(200);
    expect((await api('DELETE', '/items/P021')).status).to.equal(200);
    expect(await items()).to.deep.equal(['P021-1-a']);
    expect((await api('DELETE', '/items/P021-1-a')).status).to.equal(200);
    expect(await items()).to.deep.equal([]);
  });

  it('takes URL-encoded ids of up to 200 characters and refuses others with 400', async () => {
    await signIn();
    const odd = 'panel 7/b?ä#1';
    expect((await api('PUT', `/items/${encodeURIComponent(odd)}`)).status).to.equal(200);
    expect(await items()).to.deep.equal([odd]);
    expect((await api('DELETE', `/items/${encodeURIComponent(odd)}`)).status).to.equal(200);

    expect((await api('PUT', `/items/${'x'.repeat(200)}`)).status).to.equal(200);
    expect((await api('DELETE', `/items/${'x'.repeat(200)}`)).status).to.equal(200);
    const tooLong = await api('PUT', `/items/${'x'.repeat(201)}`);
    expect(tooLong.status).to.equal(400);
    expect((await tooLong.json()).error).to.be.a('string');
    expect((await api('PUT', '/items/%E0%A4%A')).status).to.equal(400);
    expect((await api('PUT', '/items/')).status).to.equal(400);
    expect(await items()).to.deep.equal([]);
  });

  it('refuses with 403 any API request without the X-Requested-With header', async () => {
    await signIn();
    for (const [method, path] of [
      ['GET', '/me'],
      ['GET', '/items'],
      ['PUT', '/items/P021'],
      ['DELETE', '/items/P021'],
    ]) {
      const response = await api(method, path, {});
      expect(response.status, `${method} ${path}`).to.equal(403);
      expect((await response.json()).error).to.contain('X-Requested-With');
    }
    const wrongValue = await api('PUT', '/items/P021', { 'X-Requested-With': 'XMLHttpRequest' });
    expect(wrongValue.status).to.equal(403);
    expect(await items()).to.deep.equal([]);
  });

  it('answers this page with credentialed CORS, and another origin with 403 and no CORS headers', async () => {
    // From the browser: an answer that can be read at all, with credentials, proves the
    // Access-Control-Allow-Origin and -Credentials headers matched this page.
    expect((await me()).status).to.equal(401);

    const preflight = await fromNode({
      method: 'OPTIONS',
      path: '/api/schedule/items/P021',
      headers: { origin: location.origin, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'x-requested-with' },
    });
    expect(preflight.status).to.equal(204);
    expect(preflight.headers).to.include({
      'access-control-allow-origin': location.origin,
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'GET, POST, PUT, DELETE',
      'access-control-allow-headers': 'X-Requested-With, X-Choice-At, Content-Type',
      vary: 'Origin',
    });
    expect(Number(preflight.headers['access-control-max-age'])).to.be.greaterThan(0);

    const actual = await fromNode({ path: '/api/schedule/me', headers: { origin: location.origin, ...HEADER } });
    expect(actual.status).to.equal(401);
    expect(actual.headers).to.include({ 'access-control-allow-origin': location.origin, 'access-control-allow-credentials': 'true', vary: 'Origin' });

    for (const origin of ['https://evil.example', 'null', 'http://localhost:1']) {
      const refusedPreflight = await fromNode({
        method: 'OPTIONS',
        path: '/api/schedule/items/P021',
        headers: { origin, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'x-requested-with' },
      });
      expect(refusedPreflight.status, origin).to.equal(403);
      expect(
        Object.keys(refusedPreflight.headers).filter((h) => h.startsWith('access-control-')),
        origin,
      ).to.deep.equal([]);

      const refused = await fromNode({ method: 'PUT', path: '/api/schedule/items/P021', headers: { origin, ...HEADER } });
      expect(refused.status, origin).to.equal(403);
      expect(
        Object.keys(refused.headers).filter((h) => h.startsWith('access-control-')),
        origin,
      ).to.deep.equal([]);
    }
  });

  it('keeps stars and the session across a restart', async () => {
    await signIn();
    expect((await api('PUT', '/items/P021-2')).status).to.equal(200);
    expect((await fetch('/reference/restart', { method: 'POST' })).status).to.equal(204);
    const { status, body } = await me();
    expect(status).to.equal(200);
    expect(body.id).to.equal('ada');
    expect(await items()).to.deep.equal(['P021-2']);
    expect((await api('DELETE', '/items/P021-2')).status).to.equal(200);
  });

  it('signs out with its sign-out form post', async () => {
    await signIn();
    await signOut();
    expect((await me()).status).to.equal(401);
  });

  it('serves /programme.json to any origin with a strong ETag, and 304 when it has not changed', async () => {
    const first = await fetch(`${base}/programme.json`, { cache: 'no-store' });
    expect(first.status).to.equal(200);
    expect(first.headers.get('cache-control')).to.equal('no-cache');
    const etag = first.headers.get('etag');
    expect(etag).to.match(/^"[^"]+"$/);
    expect((await first.json()).version).to.equal(1);

    const second = await fetch(`${base}/programme.json`, { cache: 'no-store', headers: { 'If-None-Match': etag! } });
    expect(second.status).to.equal(304);

    const other = await fetch(`${base}/programme.json`, { cache: 'no-store', headers: { 'If-None-Match': '"something-else"' } });
    expect(other.status).to.equal(200);

    const fromAnywhere = await fromNode({ path: '/programme.json', headers: { origin: 'https://evil.example' } });
    expect(fromAnywhere.headers['access-control-allow-origin']).to.equal('*');
    expect(fromAnywhere.headers['access-control-allow-credentials']).to.equal(undefined);
  });

  describe('sessions, sign-in and the time of each press', () => {
    const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
    const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
    /** Signs in from Node: the session cookie (name=value), or the answer when it was refused. */
    async function login(username: string, password: string): Promise<{ cookie?: string; answer: NodeAnswer }> {
      const answer = await fromNode({ method: 'POST', path: '/login', headers: FORM, body: form({ username, password, return: '/' }) });
      return { cookie: answer.headers['set-cookie']?.split(';')[0], answer };
    }
    const asUser = (cookie: string, method: string, path: string, headers: Record<string, string> = {}) =>
      fromNode({ method, path: `/api/schedule${path}`, headers: { 'x-requested-with': 'programme-elements', cookie, ...headers } });

    it('signing out ends the session on the server: the old cookie reads and writes nothing', async () => {
      const { cookie } = await login('ada', 'lovelace');
      expect((await asUser(cookie!, 'GET', '/me')).status).to.equal(200);
      const out = await fromNode({ method: 'POST', path: '/logout', headers: { ...FORM, cookie: cookie! }, body: form({ return: '/' }) });
      expect(out.status).to.equal(303);
      expect((await asUser(cookie!, 'GET', '/me')).status, 'the old cookie still reads').to.equal(401);
      expect((await asUser(cookie!, 'PUT', '/items/P021')).status, 'the old cookie still writes').to.equal(401);
    });

    it('gives a new session id at every sign-in, and a cookie that is HttpOnly, Path=/ and SameSite', async () => {
      const first = await login('ada', 'lovelace');
      const second = await login('ada', 'lovelace');
      expect(first.cookie).to.not.equal(second.cookie);
      expect(first.answer.headers['set-cookie']).to.contain('HttpOnly').and.contain('Path=/').and.contain('SameSite=Lax');
    });

    it('throttles guessing: after 5 wrong passwords the account answers 429 with Retry-After, even to the right one', async () => {
      for (let i = 0; i < 5; i++) expect((await login('guess', `wrong-${i}`)).answer.status).to.equal(401);
      const refused = await login('guess', 'guess-me-right');
      expect(refused.answer.status).to.equal(429);
      expect(Number(refused.answer.headers['retry-after'])).to.be.greaterThan(0);
      expect(refused.cookie).to.equal(undefined);
      expect(refused.answer.body).to.contain('Too many attempts to sign in');
      // Another account from the same address is not locked by it.
      expect((await login('member', 'member')).answer.status).to.equal(303);
    });

    it('a password change ends every other session of the account and keeps this one going', async () => {
      const other = await login('changer', 'change-me-1');
      const here = await login('changer', 'change-me-1');
      const change = (cookie: string, current: string, next: string) =>
        fromNode({ method: 'POST', path: '/account/password', headers: { ...FORM, cookie }, body: form({ current, next, return: '/' }) });
      const wrong = await change(here.cookie!, 'not-it', 'a-new-password');
      expect(wrong.status).to.equal(400);
      expect(wrong.body).to.contain('Your current password is not right.');
      const changed = await change(here.cookie!, 'change-me-1', 'a-new-password');
      expect(changed.status).to.equal(200);
      const fresh = changed.headers['set-cookie'].split(';')[0];
      expect((await asUser(other.cookie!, 'GET', '/me')).status, 'the other session survived').to.equal(401);
      expect((await asUser(here.cookie!, 'GET', '/me')).status, 'the old id of this one survived').to.equal(401);
      expect((await asUser(fresh, 'GET', '/me')).status).to.equal(200);
      expect((await login('changer', 'change-me-1')).answer.status).to.equal(401);
      expect((await login('changer', 'a-new-password')).answer.status).to.equal(303);
    });

    it('keeps the later press: an older write that arrives last is ignored, and the answer says what won', async () => {
      const { cookie } = await login('mover', 'move-me-1');
      const t = Date.now() - 10_000;
      const unstar = await asUser(cookie!, 'DELETE', '/items/P9', { 'x-choice-at': String(t + 2) });
      expect(JSON.parse(unstar.body)).to.deep.equal({ id: 'P9', starred: false, at: t + 2, applied: true });
      // The star pressed before the unstar, delayed and retried, arrives after it.
      const late = await asUser(cookie!, 'PUT', '/items/P9', { 'x-choice-at': String(t + 1) });
      expect(late.status).to.equal(200);
      expect(JSON.parse(late.body)).to.deep.equal({ id: 'P9', starred: false, at: t + 2, applied: false });
      expect(JSON.parse((await asUser(cookie!, 'GET', '/items')).body).items).to.deep.equal([]);
      // A press from a clock far ahead counts as now: it cannot outlast every later press.
      await asUser(cookie!, 'PUT', '/items/P9', { 'x-choice-at': String(Date.now() + 3_600_000) });
      const next = await asUser(cookie!, 'DELETE', '/items/P9', { 'x-choice-at': String(Date.now() + 1000) });
      expect(JSON.parse(next.body).applied).to.equal(true);
    });
  });
});
