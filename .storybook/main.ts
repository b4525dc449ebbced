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
    { from: '../test/fixtures/interop', to: '/interop' },
    { from: '../docs', to: '/docs' },
  ],
  core: { disableTelemetry: true },
};

export default config;
