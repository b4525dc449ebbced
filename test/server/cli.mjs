/**
 * The converter, run as a person runs it, for the browser tests:
 *
 * GET /cli?args=["convert","test/fixtures/interop/frab-31c3.xml"]
 *     runs `node bin/programme-elements.mjs …args` in the project folder (paths only under
 *     test/fixtures/ or docs/, or http(s) URLs of this server) and answers
 *     { code, stdout, stderr } as JSON.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const allowed = (arg) =>
  arg.startsWith('--') ||
  arg === 'convert' ||
  /^(test\/fixtures|docs)\/[\w./-]+$/.test(arg) ||
  /^http:\/\/(localhost|127\.0\.0\.1):\d+\//.test(arg) ||
  arg === '/nope.json';

export function cliMiddleware() {
  return async (ctx, next) => {
    if (ctx.path !== '/cli') return next();
    let args;
    try {
      args = JSON.parse(ctx.query.args ?? '[]');
    } catch {
      args = null;
    }
    if (!Array.isArray(args) || !args.every((a) => typeof a === 'string' && allowed(a))) {
      ctx.status = 400;
      ctx.body = 'args must be a JSON list of allowed arguments';
      return;
    }
    const result = await new Promise((resolve) =>
      execFile('node', ['bin/programme-elements.mjs', ...args], { cwd: root, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
        resolve({ code: error ? (error.code ?? 1) : 0, stdout, stderr }),
      ),
    );
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(result);
  };
}
