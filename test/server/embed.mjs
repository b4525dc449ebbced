/**
 * How does the test server serve the iframe embed page (embed/embed.html) before any build, and a
 * page that posts made-up messages to its parent (for test/embed.test.ts)?
 *
 * GET /embed/embed.html?…        embed/embed.html as it is, except that its page script is the
 *                                TypeScript source (/src/embed/embed-page.ts, which the dev server
 *                                compiles) instead of ../dist/embed-page.js; the library is the
 *                                BUILT self-contained file, /dist/programme-elements.min.js
 * GET /embed/axe.html?…         the same page with axe-core loaded first (a file of this origin, as
 *                                the page's policy requires), for the accessibility test
 * GET /embed/poster.html?h=JSON[&type=T]   a page (of any name but embed.html) that, once loaded,
 *                                posts { type: T (default programme-elements:height), height: h }
 *                                to its parent; h is JSON, or NaN / Infinity
 * GET /embed/poster.js           that page's script (a file: no inline script)
 *
 * Both answer on every host name the server answers on, so a test can load them from another
 * origin (127.0.0.1 beside localhost).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

const poster = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Poster</title><script src="/embed/poster.js" defer></script></head>
  <body><p>A page that posts a message to its parent.</p></body>
</html>
`;

const posterScript = `'use strict';
var params = new URLSearchParams(location.search);
var h = params.get('h');
var height = h === 'NaN' ? NaN : h === 'Infinity' ? Infinity : JSON.parse(h);
parent.postMessage({ type: params.get('type') || 'programme-elements:height', height: height }, '*');
`;

export function embedMiddleware() {
  return async (ctx, next) => {
    if (ctx.method !== 'GET') return next();
    if (ctx.path === '/embed/embed.html' || ctx.path === '/embed/axe.html') {
      const html = await readFile(`${root}embed/embed.html`, 'utf8');
      let page = html.replace('src="../dist/embed-page.js"', 'src="/src/embed/embed-page.ts"');
      if (page === html) throw new Error('embed/embed.html no longer loads ../dist/embed-page.js');
      if (ctx.path === '/embed/axe.html') page = page.replace('<script', '<script src="/node_modules/axe-core/axe.min.js"></script>\n    <script');
      ctx.type = 'text/html';
      ctx.body = page;
      return;
    }
    if (ctx.path === '/embed/poster.html') {
      ctx.type = 'text/html';
      ctx.body = poster;
      return;
    }
    if (ctx.path === '/embed/poster.js') {
      ctx.type = 'text/javascript';
      ctx.body = posterScript;
      return;
    }
    return next();
  };
}
