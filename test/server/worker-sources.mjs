import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

/** @xmldom/xmldom as one ES module with its named exports (its CommonJS files need each other's exports). */
let xmldom;
const xmldomModule = async () =>
  (xmldom ??= build({
    stdin: { contents: "export { DOMParser } from '@xmldom/xmldom';", resolveDir: process.cwd() },
    bundle: true,
    format: 'esm',
    write: false,
  }).then((r) => r.outputFiles[0].text));

/**
 * A Worker's script is asked for by the name the builds give it (`./read-worker.js`, see
 * src/data/read/worker-url.ts); in the sources it is a `.ts` file. This serves the `.ts` (which the
 * esbuild plugin then compiles) for a `.js` under src/ that does not exist, as bundlers do for
 * imports. The Worker's XML parser, @xmldom/xmldom, is CommonJS made of files that read each
 * other's exports: it is served bundled into one module, as rollup bundles it for the builds.
 */
export function workerSourcesMiddleware(root = process.cwd()) {
  return async (ctx, next) => {
    const path = ctx.path;
    if (path === '/node_modules/@xmldom/xmldom/lib/index.js') {
      ctx.type = 'text/javascript';
      ctx.body = await xmldomModule();
      return;
    }
    if (path.startsWith('/src/') && path.endsWith('.js') && !existsSync(join(root, path))) {
      const ts = path.replace(/\.js$/, '.ts');
      if (existsSync(join(root, ts))) ctx.url = ts + (ctx.querystring ? `?${ctx.querystring}` : '');
    }
    return next();
  };
}
