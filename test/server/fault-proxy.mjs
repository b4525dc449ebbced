import { createServer, request as forward } from 'node:http';
import { once } from 'node:events';

/**
 * A proxy in front of the reference schedule server that misbehaves on purpose, the way networks
 * and servers do. Each request, by the current settings (all off at first):
 *
 *   delay      waits a random 0…delay ms before going on
 *   fail       share of requests answered at once with 500, 502 or 503 (with CORS headers, so
 *              the page reads the status), never reaching the server
 *   drop       share whose connection is closed before the request reaches the server
 *   lose       share that reaches the server and is carried out, but whose answer is never
 *              delivered: the connection closes instead (the change is made; the page cannot know)
 *   down       every connection closed at once (the server is gone)
 *   hold       { method, ms, count }: the next `count` requests of that method are held for `ms`
 *              and then forwarded even if the page has given up on them: a request that arrives
 *              late, after the page timed out and the reader pressed again (the stale write)
 *
 * When the server itself is away (restarting), connections are closed too. A request whose page
 * gave up waiting is not forwarded late. Counts of what happened are kept for the test to read.
 */
export async function startFaultProxy(targetPort) {
  let settings = {};
  const counts = { requests: 0, failed: 0, dropped: 0, lost: 0, refused: 0, forwarded: 0, held: 0 };
  const pick = (share) => Math.random() < (share ?? 0);

  const server = createServer(async (req, res) => {
    counts.requests++;
    const { delay = 0, fail, drop, lose, down, hold } = settings;
    const held = hold?.count > 0 && req.method === hold.method;
    if (held) {
      hold.count--;
      counts.held++;
      await new Promise((r) => setTimeout(r, hold.ms));
    }
    if (delay) await new Promise((r) => setTimeout(r, Math.random() * delay));
    if (req.socket.destroyed && !held) return;
    const preflight = req.method === 'OPTIONS';
    if (down || (!preflight && pick(drop))) {
      counts.dropped++;
      return req.socket.destroy();
    }
    if (!preflight && pick(fail)) {
      counts.failed++;
      const status = [500, 502, 503][Math.floor(Math.random() * 3)];
      res.writeHead(status, {
        'content-type': 'application/json',
        'access-control-allow-origin': req.headers.origin ?? '*',
        'access-control-allow-credentials': 'true',
        'cache-control': 'no-store',
      });
      return res.end(JSON.stringify({ error: `injected ${status}` }));
    }
    const losing = !preflight && pick(lose);
    const upstream = forward({ host: '127.0.0.1', port: targetPort(), method: req.method, path: req.url, headers: req.headers }, (answer) => {
      counts.forwarded++;
      if (held && req.socket.destroyed) return void answer.resume();
      if (losing) {
        counts.lost++;
        answer.resume();
        answer.on('end', () => req.socket.destroy());
        return;
      }
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => {
      counts.refused++;
      req.socket.destroy();
    });
    // A held request's page has gone: it has no body (PUT and DELETE carry none) and is sent as it was.
    if (held && req.socket.destroyed) upstream.end();
    else req.pipe(upstream);
  });
  server.keepAliveTimeout = 1000;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    port: server.address().port,
    configure(next) {
      settings = { ...next };
      return settings;
    },
    counts: () => ({ ...counts, settings }),
    resetCounts() {
      for (const key of Object.keys(counts)) counts[key] = 0;
    },
  };
}
