/** Small answers shared by the server's routes. */

/** Thrown by a handler to answer with a status and a message (JSON for the API, text otherwise). */
export class HttpError extends Error {
  constructor(status, message, headers = {}) {
    super(message);
    this.status = status;
    this.headers = headers;
  }
}

/** A JSON answer. `headers` may carry CORS headers; personal data is never cached. */
export function sendJson(res, status, body, headers = {}) {
  const text = JSON.stringify(body);
  res
    .writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      ...headers,
    })
    .end(text);
}

/** An empty answer. */
export function sendEmpty(res, status, headers = {}) {
  res.writeHead(status, headers).end();
}

/** A 303 See Other, the answer to a form post that moves on to another page. */
export function redirect(res, location, headers = {}) {
  res.writeHead(303, { location, 'cache-control': 'no-store', 'content-length': 0, ...headers }).end();
}

/** An HTML page, with a Content-Security-Policy and no caching. */
export function sendHtml(res, status, html, { csp, headers = {} } = {}) {
  res
    .writeHead(status, {
      'content-type': 'text/html; charset=utf-8',
      'content-length': Buffer.byteLength(html),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'same-origin',
      ...(csp ? { 'content-security-policy': csp } : {}),
      ...headers,
    })
    .end(html);
}

/** The request body as text, refusing more than `limit` bytes. */
export async function readBody(req, limit = 16 * 1024) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > limit) throw new HttpError(413, 'The request body is too large.');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Escapes text for HTML content and attribute values. */
export const escapeHtml = (value) => String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
