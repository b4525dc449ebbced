import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { serveFile } from '../server/static.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';

/** The demo: the page in demo/, the built library in dist/, the sample programme at /programme.json. */
const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
  let path = url.pathname;
  if (path === '/') path = '/demo/index.html';
  if (path === '/programme.json') path = '/demo/programme.json';
  const allowed = path.startsWith('/demo/') || path.startsWith('/dist/') || path.startsWith('/schema/');
  if (!allowed || !(await serveFile(req, res, root, path))) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
  }
});

server.listen(port, host, () => {
  console.log(`programme-elements demo: http://${host}:${port}/`);
});
