const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * A schedule API with faults on demand, for the star tests. Each test uses its own namespace:
 * base URL `/schedule-api/NS`, so counts and state never leak between tests.
 *
 * GET/PUT/DELETE /schedule-api/NS/{me,items,items/ID}   the HTTP adapter's contract
 * POST /schedule-api/NS/__control  JSON: { signedIn, fail: { status, count }, hang: count,
 *                                  drop: count (close the connection unanswered),
 *                                  delay: ms, randomDelay: ms, starred: [ids],
 *                                  hostile: { answer, count, only } }: the next `count` requests
 *                                  (of kind `only`: me, items, put, delete; default any) get a broken
 *                                  answer: `redirect` (302 to a login page here), `away` (307 to
 *                                  another origin), `html` (200 text/html), `empty` (200, no body),
 *                                  `garbage` (200 application/json that is not JSON)
 * GET  /schedule-api/NS/__stats    { requests: { me, items, put, delete }, starred, order }
 */
export function scheduleApiMiddleware() {
  const spaces = new Map();
  const space = (ns) => {
    if (!spaces.has(ns)) {
      spaces.set(ns, {
        signedIn: true,
        starred: new Set(),
        fail: null,
        hang: 0,
        drop: 0,
        delay: 0,
        randomDelay: 0,
        hostile: null,
        requests: { me: 0, items: 0, put: 0, delete: 0 },
        order: [],
      });
    }
    return spaces.get(ns);
  };
  const readJson = async (req) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    return body ? JSON.parse(body) : {};
  };

  return async (ctx, next) => {
    const url = new URL(ctx.url, 'http://localhost');
    const m = url.pathname.match(/^\/schedule-api\/([\w-]+)\/(.*)$/);
    if (!m) return next();
    const [, ns, rest] = m;
    const s = space(ns);
    const json = (status, body) => {
      ctx.status = status;
      if (body !== undefined) {
        ctx.type = 'application/json';
        ctx.body = JSON.stringify(body);
      }
    };

    if (rest === '__control' && ctx.method === 'POST') {
      const c = await readJson(ctx.req);
      if ('signedIn' in c) s.signedIn = c.signedIn;
      if ('fail' in c) s.fail = c.fail;
      if ('hang' in c) s.hang = c.hang;
      if ('drop' in c) s.drop = c.drop;
      if ('delay' in c) s.delay = c.delay;
      if ('randomDelay' in c) s.randomDelay = c.randomDelay;
      if ('starred' in c) s.starred = new Set(c.starred);
      if ('hostile' in c) s.hostile = c.hostile;
      return json(204);
    }
    if (rest === '__stats') return json(200, { requests: s.requests, starred: [...s.starred].sort(), order: s.order });

    if (ctx.get('x-requested-with') !== 'programme-elements') return json(403, { error: 'missing X-Requested-With' });
    const kind =
      rest === 'me'
        ? 'me'
        : rest === 'items'
          ? 'items'
          : rest.startsWith('items/')
            ? ctx.method === 'PUT'
              ? 'put'
              : ctx.method === 'DELETE'
                ? 'delete'
                : null
            : null;
    if (!kind) return json(404, { error: 'no such route' });
    s.requests[kind]++;

    if (s.drop > 0 && kind !== 'me' && kind !== 'items') {
      s.drop--;
      ctx.req.socket.destroy();
      ctx.respond = false;
      return;
    }
    if (s.hang > 0) {
      s.hang--;
      await sleep(5000);
      return json(504, { error: 'hung' });
    }
    if (s.hostile?.count > 0 && (!s.hostile.only || s.hostile.only === kind)) {
      s.hostile.count--;
      const answer = s.hostile.answer;
      if (answer === 'redirect') return ctx.redirect('/reference/signed-in');
      if (answer === 'away') {
        ctx.status = 307;
        ctx.set('location', `http://127.0.0.1:${ctx.req.socket.localPort}/schedule-api/${ns}-away/${rest}`);
        return;
      }
      ctx.status = 200;
      if (answer === 'html') {
        ctx.type = 'text/html';
        ctx.body = '<!doctype html><title>Sign in</title><form>…</form>';
      } else if (answer === 'garbage') {
        ctx.type = 'application/json';
        ctx.body = '<html>not json';
      } else ctx.body = '';
      return;
    }
    const delay = s.delay + Math.round(Math.random() * s.randomDelay);
    if (delay) await sleep(delay);
    if (s.fail && s.fail.count > 0) {
      s.fail.count--;
      return json(s.fail.status, { error: `failing on purpose with ${s.fail.status}` });
    }
    if (!s.signedIn) return json(401, { error: 'signed out' });
    if (kind === 'me') return json(200, { id: 'u1', name: 'Ada Lovelace' });
    if (kind === 'items') return json(200, { items: [...s.starred] });
    const id = decodeURIComponent(rest.slice('items/'.length));
    if (kind === 'put') s.starred.add(id);
    else s.starred.delete(id);
    s.order.push(`${kind} ${id}`);
    return json(204);
  };
}
