import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { fixturesMiddleware } from './test/server/fixtures.mjs';
import { referenceMiddleware } from './test/server/reference.mjs';
import { scheduleApiMiddleware } from './test/server/schedule-api.mjs';
import { schemaMiddleware } from './test/server/schema-check.mjs';
import { summaryReporter } from './test/server/summary-reporter.mjs';

const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 300000,
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
  middleware: [fixturesMiddleware(), schemaMiddleware(), scheduleApiMiddleware(), referenceMiddleware()],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        // Pin the reader's zone so "the viewer's zone" is the same on every machine.
        env: { ...process.env, TZ: 'America/New_York' },
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          '--lang=en-GB',
        ],
      },
    }),
  ],
  reporters: [defaultReporter(), summaryReporter()],
};
