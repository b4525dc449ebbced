import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startReferenceServer } from '../../server/reference-server.mjs';
import { DEMO_CREDENTIALS, DEMO_USERS, hashPassword } from '../../server/users.mjs';
import { startFaultProxy } from './fault-proxy.mjs';
import pg from 'pg';

const readJson = async (req) => {
  let body = '';
  for await (const chunk of req) body += chunk;
  return body ? JSON.parse(body) : {};
};

/**
 * The reference schedule server (server/reference-server.mjs), run for real beside the test
 * server: on 127.0.0.1, on a port of its own, with a fresh SQLite database, allowing the test
 * page's origin, with the demo's accounts and three more (TEST_ACCOUNTS) that tests may lock out
 * or change the password of. It is started on the first request below.
 *
 * The same server on PostgreSQL answers under /reference-pg/ (every route below), when the
 * environment has TEST_DATABASE_URL: on a schema of its own, made fresh for the run.
 * GET  /reference/engines     ["sqlite"] or ["sqlite", "postgres"]: the instances there are
 *
 * GET  /reference/config      { "url": "http://localhost:PORT", "faulty": "http://localhost:PORT2" }:
 *                             `localhost`, so that the test page (http://localhost:8000) and the
 *                             server are the same site and its SameSite=Lax session cookie goes
 *                             along with credentialed fetches. `faulty` is the same server behind
 *                             a proxy that misbehaves as told (test/server/fault-proxy.mjs)
 * POST /reference/faults      JSON settings of that proxy ({ delay, fail, drop, lose, down }); 200
 *                             with them. GET: what it did so far ({ requests, failed, … })
 * POST /reference/restart     stops the server and starts it again, same port, same database,
 *                             after `?pause=MS` (default 0) with nothing listening; 204
 * POST /reference/node-fetch  JSON { method, path, headers, body }: makes that request from Node,
 *                             where any Origin can be sent and every header read, without following
 *                             redirects; answers { status, headers, body }
 * GET  /reference/signed-in   a small page on the test origin for the login form to return to
 * GET  /reference/star-page?item=ID   a page on the test origin with a tall text and, far below
 *                             it, a star for ID on the reference server, whose login is the
 *                             server's form (the self-contained build, as a host's page has it)
 */
/** Accounts of the tests' own: `guess` is locked out by the throttling test, `changer` changes its password. */
export const TEST_ACCOUNTS = [
  { id: 'guess', username: 'guess', name: 'Guess Test', password: 'guess-me-right' },
  { id: 'changer', username: 'changer', name: 'Changer Test', password: 'change-me-1' },
  { id: 'mover', username: 'mover', name: 'Mover Test', password: 'move-me-1' },
];

/** A fresh schema on the test database for this run (earlier runs' are dropped): its URL. */
async function freshSchema(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'reference_run_%'");
    for (const { nspname } of rows) await client.query(`DROP SCHEMA "${nspname}" CASCADE`);
    const schema = `reference_run_${process.pid}_${Date.now()}`;
    await client.query(`CREATE SCHEMA "${schema}"`);
    const withSchema = new URL(url);
    withSchema.searchParams.set('options', `-c search_path=${schema}`);
    return withSchema.href;
  } finally {
    await client.end();
  }
}

/** One reference server (on SQLite, or on PostgreSQL at `databaseUrl`) with its fault proxy, started on first use. */
function referenceInstance(databaseUrl) {
  let databaseFile;
  let schemaUrl;
  let users;
  let origin;
  let port = 0;
  let starting;
  let proxy;

  const start = async () => {
    users ??= [...DEMO_USERS, ...(await Promise.all(TEST_ACCOUNTS.map(async (a) => ({ ...a, password: await hashPassword(a.password) }))))];
    schemaUrl ??= databaseUrl && (await freshSchema(databaseUrl));
    const server = await startReferenceServer({
      port,
      host: '127.0.0.1',
      databaseFile,
      databaseUrl: schemaUrl,
      dataFile: null,
      allowedOrigins: [origin],
      users,
      credentials: DEMO_CREDENTIALS,
    });
    port = server.port;
    return server;
  };
  return {
    port: () => port,
    proxy: () => proxy,
    async ensure(ctx) {
      if (!starting) {
        origin = ctx.origin;
        const dir = mkdtempSync(join(tmpdir(), 'programme-reference-'));
        databaseFile = join(dir, 'schedules.sqlite');
        process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
        starting = start();
        proxy = startFaultProxy(() => port);
      }
      await starting;
      return proxy;
    },
    async restart(pause) {
      starting = (async () => {
        await (await starting).close();
        await new Promise((r) => setTimeout(r, pause));
        return start();
      })();
      await starting;
    },
  };
}

export function referenceMiddleware() {
  const instances = { '/reference/': referenceInstance() };
  if (process.env.TEST_DATABASE_URL) instances['/reference-pg/'] = referenceInstance(process.env.TEST_DATABASE_URL);
  const json = (ctx, status, body) => {
    ctx.status = status;
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(body);
  };

  return async (ctx, next) => {
    const prefix = Object.keys(instances).find((p) => ctx.path.startsWith(p));
    if (!prefix) return next();
    const route = `/reference/${ctx.path.slice(prefix.length)}`;
    if (route === '/reference/engines') return json(ctx, 200, ['sqlite', ...(instances['/reference-pg/'] ? ['postgres'] : [])]);
    const instance = instances[prefix];
    const faults = await instance.ensure(ctx);
    const port = instance.port();

    if (route === '/reference/config' && ctx.method === 'GET') {
      return json(ctx, 200, { url: `http://localhost:${port}`, faulty: `http://localhost:${faults.port}` });
    }

    if (route === '/reference/faults') {
      if (ctx.method === 'POST') return json(ctx, 200, faults.configure(await readJson(ctx.req)));
      return json(ctx, 200, faults.counts());
    }

    if (route === '/reference/restart' && ctx.method === 'POST') {
      await instance.restart(Number(ctx.query.pause ?? 0));
      ctx.status = 204;
      return;
    }

    if (route === '/reference/node-fetch' && ctx.method === 'POST') {
      const { method = 'GET', path = '/', headers = {}, body } = await readJson(ctx.req);
      if (!String(path).startsWith('/')) return json(ctx, 400, { error: 'path must start with /' });
      const response = await fetch(`http://127.0.0.1:${port}${path}`, { method, headers, body, redirect: 'manual' });
      return json(ctx, 200, {
        status: response.status,
        headers: Object.fromEntries(response.headers),
        body: await response.text(),
      });
    }

    if (route === '/reference/star-page' && ctx.method === 'GET') {
      const item = String(ctx.query.item ?? 'P021').replace(/[^\w-]/g, '');
      const api = `http://localhost:${port}/api/schedule`;
      const login = `http://localhost:${port}/login?return={return}`;
      ctx.type = 'text/html';
      ctx.body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A page with a star</title>
<script type="module" src="/dist/programme-elements.min.js"></script></head><body>
<h1>A page with a star</h1><div style="height: 3000px">A long page.</div>
<p>The item: <star-toggle item-id="${item}" item-title="Item ${item}" schedule="${api}" login-url="${login}"></star-toggle></p>
<div style="height: 2000px"></div></body></html>`;
      return;
    }

    if (route === '/reference/signed-in' && ctx.method === 'GET') {
      ctx.type = 'text/html';
      ctx.body = '<!doctype html><html lang="en"><title>Back on the test page</title><p>Back from the login form.</p></html>';
      return;
    }

    return next();
  };
}
