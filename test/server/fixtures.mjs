import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Requests seen per path+query, so tests can count real fetches. */
const hits = new Map();

const files = {
  demo: 'demo/programme.json',
};
const fixturePath = (name) => files[name] ?? `test/fixtures/programmes/${name}.json`;

/**
 * The test server as a programme host. Every programme URL may carry any query (tests add a unique
 * one so that each test gets its own request count and its own cache entry).
 *
 * GET /programmes/NAME.json        a programme file (demo = demo/programme.json, else test/fixtures/programmes/NAME.json)
 * GET /programmes/NAME.json?delay=MS   the same, after MS milliseconds
 * GET /status/CODE                 an empty answer with that HTTP status
 * GET /not-json                    200 with a body that is not JSON
 * GET /hits?key=PATH_AND_QUERY     how many times that exact path+query was requested
 */
export function fixturesMiddleware() {
  return async (ctx, next) => {
    const url = new URL(ctx.url, 'http://localhost');
    const key = url.pathname + url.search;
    if (url.pathname.startsWith('/programmes/') || url.pathname.startsWith('/status/') || url.pathname === '/not-json') {
      hits.set(key, (hits.get(key) ?? 0) + 1);
    }
    const delay = Number(url.searchParams.get('delay') ?? 0);
    if (delay) await sleep(delay);

    let m;
    if ((m = url.pathname.match(/^\/programmes\/([\w-]+)\.json$/))) {
      try {
        ctx.body = await readFile(root + fixturePath(m[1]), 'utf8');
        ctx.type = 'application/json';
      } catch {
        ctx.status = 404;
      }
      return;
    }
    if ((m = url.pathname.match(/^\/status\/(\d{3})$/))) {
      ctx.status = Number(m[1]);
      ctx.body = `status ${m[1]}`;
      return;
    }
    if (url.pathname === '/not-json') {
      ctx.type = 'application/json';
      ctx.body = '<!doctype html><title>Oops</title><p>Not the programme';
      return;
    }
    if (url.pathname === '/hits') {
      ctx.type = 'application/json';
      ctx.body = JSON.stringify({ count: hits.get(url.searchParams.get('key')) ?? 0 });
      return;
    }
    return next();
  };
}
