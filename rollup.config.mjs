import commonjs from '@rollup/plugin-commonjs';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { posix } from 'node:path';
import { minifyCss } from './scripts/rollup-minify-css.mjs';

/** One entry per element (each defines its tag), the whole set, and the side-effect-free core. */
const entries = {
  index: 'src/index.ts',
  core: 'src/core.ts',
  'programme-source': 'src/elements/programme-source/define.ts',
  'panel-card': 'src/elements/panel-card/define.ts',
  'abstract-view': 'src/elements/abstract-view/define.ts',
  'star-toggle': 'src/elements/star-toggle/define.ts',
  'session-list': 'src/elements/session-list/define.ts',
  'locales/de': 'src/locales/de.ts',
};

/** Runtime dependencies stay imports in the npm build, scoped ones (`@lit/context`) included. */
const external = (id) => /^(lit|lit-html|lit-element|@lit\/[^/]+|ical\.js|papaparse)(\/|$)/.test(id);

const ts = () => typescript({ tsconfig: './tsconfig.json', declaration: false, sourceMap: false, outDir: 'dist' });

/**
 * Terser with its safe settings only: no renamed properties (Lit's own build keeps names such as
 * `_$litType$` that other copies of Lit read) and no `unsafe` compress options.
 */
const minify = () =>
  terser({
    ecma: 2022,
    module: true,
    compress: { passes: 3 },
    format: { comments: false },
  });

/** Where the reader's Worker is written (its own build, below). */
const READ_WORKER = 'lazy/read-worker.min.js';

/**
 * Points src/data/read/worker-url.ts at the built Worker, relative to wherever the chunk holding
 * that line is written (dist/ for the self-contained file, dist/chunks/ for the npm build). Goes
 * after ts(), which leaves the line as written.
 */
const readWorkerUrl = () => ({
  name: 'read-worker-url',
  transform(code, id) {
    if (!id.endsWith('/src/data/read/worker-url.ts')) return null;
    const line = "new URL('./read-worker.js', import.meta.url)";
    if (!code.includes(line)) this.error(`${id} no longer says ${line}: update readWorkerUrl in rollup.config.mjs`);
    return { code: code.replace(line, 'import.meta.PROGRAMME_READ_WORKER'), map: null };
  },
  resolveImportMeta(property, { chunkId }) {
    if (property !== 'PROGRAMME_READ_WORKER') return null;
    const path = posix.relative(posix.dirname(chunkId), READ_WORKER);
    return `new URL(${JSON.stringify(path.startsWith('.') ? path : `./${path}`)}, import.meta.url)`;
  },
});

export default [
  {
    input: entries,
    external,
    plugins: [minifyCss(), ts(), readWorkerUrl(), minify()],
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
    },
  },
  {
    // The self-contained file for a plain <script type="module"> on any site. Rarely used parts
    // (the iCalendar export) are split off and loaded from beside it only when asked for.
    input: { 'programme-elements.min': 'src/cdn.ts' },
    // Lazy chunks import what they share from the file itself, rather than from a split-off chunk.
    preserveEntrySignatures: 'allow-extension',
    // papaparse ships only CommonJS (UMD): commonjs() turns it into a module for the csv chunk.
    plugins: [resolve({ browser: true }), commonjs(), minifyCss(), ts(), readWorkerUrl(), minify()],
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'lazy/[name]-[hash].min.js' },
  },
  {
    // The reader's Worker, for every build above and below: self-contained (it shares no chunk with
    // a page's code, which defines elements), with its own lazy parts (importers, ical.js, papaparse,
    // @xmldom/xmldom for XML, since a Worker has no DOMParser).
    input: { [READ_WORKER.replace(/\.js$/, '')]: 'src/data/read/read-worker.ts' },
    plugins: [resolve({ browser: true }), commonjs(), ts(), minify()],
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'lazy/worker/[name]-[hash].min.js' },
  },
  {
    // The command line (bin/programme-elements.mjs): the same importers and validator, run by Node.
    input: { cli: 'src/cli/main.ts' },
    external: (id) => id.startsWith('node:') || /^(@xmldom\/xmldom|ical\.js|papaparse)(\/|$)/.test(id),
    plugins: [ts()],
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'cli/[name]-[hash].js' },
  },
  {
    // The reference server's calendar subscriptions (server/calendar.mjs): the same index and iCalendar writer, run by Node.
    input: { 'server/calendar-feed': 'src/server/calendar-feed.ts' },
    external: (id) => id.startsWith('node:'),
    plugins: [ts()],
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'server/[name]-[hash].js' },
  },
  {
    // A translation for script-tag pages: registers itself for every copy of the library on the page.
    input: { 'locales/de.min': 'src/locales/de.ts' },
    plugins: [resolve({ browser: true }), ts(), minify()],
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].js' },
  },
  {
    // The embed builder's page (demo/builder.html): the same loader and validator, for a web editor's check.
    input: { builder: 'src/builder/builder.ts' },
    plugins: [resolve({ browser: true }), commonjs(), ts(), readWorkerUrl(), minify()],
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'builder/[name]-[hash].js' },
  },
  {
    // The iframe embed (docs/embed.md): the page's one module script, and the page itself copied
    // beside it as dist/embed.html, loading its scripts from there ('../dist/x.js' becomes './x.js').
    input: { 'embed-page': 'src/embed/embed-page.ts' },
    plugins: [
      resolve({ browser: true }),
      ts(),
      readWorkerUrl(),
      minify(),
      {
        name: 'embed-page-html',
        async generateBundle() {
          const { readFile } = await import('node:fs/promises');
          const html = await readFile('embed/embed.html', 'utf8');
          this.emitFile({ type: 'asset', fileName: 'embed.html', source: html.replaceAll('"../dist/', '"./') });
        },
      },
    ],
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'embed/[name]-[hash].js' },
  },
  {
    // The host page's script for embeds (resizes their iframes): a plain script, no imports, no globals.
    input: { 'embed-host': 'src/embed/embed-host.ts' },
    plugins: [ts(), minify()],
    output: { dir: 'dist', format: 'iife', entryFileNames: '[name].js' },
  },
];
