import { readFile } from 'node:fs/promises';
import { etagOf } from './static.mjs';
import { sendEmpty } from './http.mjs';

/** True when an If-None-Match header names this ETag (or is `*`). Weak comparison, as RFC 9110 asks. */
export function etagMatches(header, etag) {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = (tag) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => bare(tag) === bare(etag));
}

/**
 * GET /programme.json: the programme file, public to every origin (`Access-Control-Allow-Origin: *`,
 * no credentials), with a strong ETag so that a reload of an unchanged programme costs a 304.
 * `Cache-Control: no-cache` lets browsers keep it but makes them ask first. The file is read on
 * each request, so an edit shows at once.
 */
export function programmeRoute(programmeFile) {
  const cors = {
    'access-control-allow-origin': '*',
    'access-control-expose-headers': 'ETag',
  };
  return async function handle(req, res) {
    if (req.method === 'OPTIONS') {
      return sendEmpty(res, 204, {
        ...cors,
        'access-control-allow-methods': 'GET, HEAD',
        'access-control-allow-headers': 'If-None-Match, Cache-Control',
        'access-control-max-age': '600',
        allow: 'GET, HEAD, OPTIONS',
      });
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendEmpty(res, 405, { ...cors, allow: 'GET, HEAD, OPTIONS' });

    let body;
    try {
      body = await readFile(programmeFile);
    } catch (e) {
      if (e.code !== 'ENOENT') throw e;
      res.writeHead(404, { ...cors, 'content-type': 'text/plain; charset=utf-8' }).end('No programme file.');
      return;
    }
    const etag = etagOf(body);
    const headers = { ...cors, 'content-type': 'application/json; charset=utf-8', etag, 'cache-control': 'no-cache' };
    if (etagMatches(req.headers['if-none-match'], etag)) return sendEmpty(res, 304, headers);
    res.writeHead(200, { ...headers, 'content-length': body.length }).end(req.method === 'HEAD' ? undefined : body);
  };
}
