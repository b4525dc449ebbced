// ESLint: typescript-eslint's recommended rules, Lit's (templates, bindings, lifecycle) and Lit a11y's
// (what screen readers and keyboards need in templates), over the library, its tests and stories.
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'storybook-static/', 'node_modules/', 'bench/out/', 'custom-elements.json', 'demo/.data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  lit.configs['flat/recommended'],
  litA11y.configs.recommended,
  {
    // The library and tests run in the browser; scripts, the server and the benchmark in Node (the
    // benchmark also hands functions to the page it drives).
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // Unused arguments named `_…` are part of a signature; `{ body, ...rest }` leaves `body` out on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
    },
  },
  {
    // Chai's assertions are property reads: `expect(x).to.exist`.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
);
