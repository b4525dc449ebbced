import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json; charset=utf-8',
};

/** A strong ETag from the bytes, so a programme that did not change costs a 304. */
export const etagOf = (body) => `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

/**
 * Serves a file below `root` with its content type and an ETag, answering If-None-Match with 304.
 * Returns false when there is no such file (the caller answers 404).
 */
export async function serveFile(req, res, root, urlPath) {
  const path = normalize(join(root, decodeURIComponent(urlPath)));
  if (!path.startsWith(root.endsWith(sep) ? root : root + sep)) return false;
  let file = path;
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
  } catch {
    return false;
  }
  let body;
  try {
    body = await readFile(file);
  } catch {
    return false;
  }
  const etag = etagOf(body);
  const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', etag, 'cache-control': 'no-cache' };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers).end();
  } else {
    res.writeHead(200, { ...headers, 'content-length': body.length }).end(req.method === 'HEAD' ? undefined : body);
  }
  return true;
}
