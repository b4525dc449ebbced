import type { StorybookConfig } from '@storybook/web-components-vite';

/**
 * Storybook for programme-elements, written by hand (`storybook init` fails on these machines).
 *
 * Static files the stories fetch:
 *   /programme.json   the sample programme (demo/programme.json)
 *   /fixtures/*       the test fixtures (test/fixtures/programmes)
 *   /story-static/*   files that only the stories fetch (stories/static)
 */
const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  staticDirs: [
    { from: '../demo/programme.json', to: '/programme.json' },
    { from: '../test/fixtures/programmes', to: '/fixtures' },
    { from: '../stories/static', to: '/story-static' },
  ],
  core: { disableTelemetry: true },
  async viteFinal(config) {
    // The library uses legacy decorators with `useDefineForClassFields: false` (tsconfig.json), and
    // Chromium cannot run standard decorators: compiled any other way, the preview dies with
    // "Invalid or unexpected token" (or elements lose their reactive properties) while
    // `storybook build` still exits 0. Vite 8 compiles TypeScript with Oxc, which picks these up
    // from tsconfig.json today; say them here too, for every file Vite compiles, so that a file
    // outside tsconfig's `include` or a change in Vite's detection cannot break the stories silently.
    const oxc = config.oxc === false ? {} : (config.oxc ?? {});
    return {
      ...config,
      oxc: {
        ...oxc,
        decorator: { ...oxc.decorator, legacy: true },
        assumptions: { ...oxc.assumptions, setPublicClassFields: true },
        typescript: { ...oxc.typescript, removeClassFieldsWithoutInitializer: true },
      },
    };
  },
};

export default config;
