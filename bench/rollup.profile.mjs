// The bundle of rollup.config.mjs (src/index.ts with its dependencies) but neither minified nor
// merged: one file per module, so that a CPU profile names functions and the modules they are in.
// Used by `node bench/run.mjs --profile` only; output in bench/out/profile-dist (index.js is the entry).
import commonjs from '@rollup/plugin-commonjs';
import resolve from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';

const outDir = 'bench/out/profile-dist';

export default {
  input: { index: 'src/index.ts' },
  plugins: [resolve({ browser: true }), commonjs(), typescript({ tsconfig: './tsconfig.json', declaration: false, sourceMap: false, outDir })],
  output: { dir: outDir, format: 'es', preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
};
