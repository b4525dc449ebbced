/**
 * The command line (convert and render), run as a person runs it, for the browser tests:
 *
 * GET /cli?args=["convert","test/fixtures/interop/frab-31c3.xml"]
 * GET /cli?args=["render","demo/programme.json","--element=panel-card","--panel-id=P021"]
 *     runs `node bin/programme-elements.mjs …args` in the project folder (inputs only under
 *     test/fixtures/ or docs/, the demo programme, or http(s) URLs of this server; the commands'
 *     own flags, given as --flag=value, and files they write only in the system's temp folder)
 *     and answers { code, stdout, stderr } as JSON.
 */
import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** Every flag of convert and render (src/cli/). */
const FLAGS = new Set(
  'format time-zone out element panel-id paper-id lang heading-level css enhance src day theme panel-format location panel-ids person affiliation query panel-href help'.split(
    ' ',
  ),
);
/** Flags that name a file to write: only in the temp folder. */
const WRITES = new Set(['out', 'css']);
const temporary = (path) => path.startsWith(`${tmpdir()}/`) && !path.split('/').includes('..');
const flagAllowed = (arg) => {
  const [, name, value] = /^--([a-z-]+)(?:=(.*))?$/s.exec(arg) ?? [];
  if (!name) return false;
  if (WRITES.has(name) && value) return temporary(value);
  return FLAGS.has(name);
};
const allowed = (arg) =>
  (arg.startsWith('--') && flagAllowed(arg)) ||
  arg === 'convert' ||
  arg === 'render' ||
  arg === 'demo/programme.json' ||
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
