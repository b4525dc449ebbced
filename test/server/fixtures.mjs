import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { generateProgramme } from '../../bench/generate.mjs';

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
 * GET /trickle/NAME?ms=MS          a programme file sent in 20 pieces over MS milliseconds
 * GET /wrong-type/NAME             a programme file labelled text/html
 * GET /never                       headers never come (the connection is closed after 20 s)
 * GET /redirect?to=URL             302 to URL (another origin, say)
 * GET /generated/N.json?days=D&rooms=R   the benchmark's generated programme of N sessions
 * GET /no-lazy/FILE                dist/FILE, except anything in dist/lazy/ (404): the self-contained
 *                                  file copied without its lazy/ folder, as a site might
 * GET /no-lazy-page?element=HTML   a page loading /no-lazy/programme-elements.min.js with that markup
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
    if ((m = url.pathname.match(/^\/no-lazy\/([\w.-]+\.js)$/))) {
      try {
        ctx.body = await readFile(`${root}dist/${m[1]}`, 'utf8');
        ctx.type = 'text/javascript';
      } catch {
        ctx.status = 404;
      }
      return;
    }
    if (url.pathname.startsWith('/no-lazy/')) {
      ctx.status = 404;
      ctx.body = 'not copied';
      return;
    }
    if (url.pathname === '/no-lazy-page') {
      ctx.type = 'text/html';
      ctx.body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A page without lazy/</title>
<script type="module" src="/no-lazy/programme-elements.min.js"></script></head><body><main>${url.searchParams.get('element') ?? ''}</main></body></html>`;
      return;
    }
    if ((m = url.pathname.match(/^\/programmes\/([\w-]+)\.json$/))) {
      try {
        ctx.body = await readFile(root + fixturePath(m[1]), 'utf8');
        ctx.type = 'application/json';
      } catch {
        ctx.status = 404;
      }
      return;
    }
    if ((m = url.pathname.match(/^\/generated\/(\d+)\.json$/))) {
      const days = Number(url.searchParams.get('days') ?? 4);
      const rooms = Number(url.searchParams.get('rooms') ?? 20);
      ctx.type = 'application/json';
      ctx.body = JSON.stringify(generateProgramme({ sessions: Number(m[1]), days, rooms }));
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
    if ((m = url.pathname.match(/^\/(trickle|wrong-type)\/([\w-]+)$/))) {
      const body = await readFile(root + fixturePath(m[2]), 'utf8');
      if (m[1] === 'wrong-type') {
        ctx.type = 'text/html';
        ctx.body = body;
        return;
      }
      const { PassThrough } = await import('node:stream');
      const stream = new PassThrough();
      ctx.type = 'application/json';
      ctx.body = stream;
      const pieces = 20;
      const size = Math.ceil(body.length / pieces);
      const pause = Number(url.searchParams.get('ms') ?? 1000) / pieces;
      (async () => {
        for (let i = 0; i < pieces; i++) {
          stream.write(body.slice(i * size, (i + 1) * size));
          await sleep(pause);
        }
        stream.end();
      })();
      return;
    }
    if (url.pathname === '/never') {
      await sleep(20000);
      ctx.status = 504;
      return;
    }
    if (url.pathname === '/redirect') {
      ctx.redirect(url.searchParams.get('to'));
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
