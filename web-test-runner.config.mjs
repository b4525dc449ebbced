import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';
import { cspPageMiddleware } from './test/server/csp-page.mjs';
import { fixturesMiddleware } from './test/server/fixtures.mjs';
import { referenceMiddleware } from './test/server/reference.mjs';
import { scheduleApiMiddleware } from './test/server/schedule-api.mjs';
import { schemaMiddleware } from './test/server/schema-check.mjs';
import { summaryReporter } from './test/server/summary-reporter.mjs';


export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 300000,
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
  middleware: [fixturesMiddleware(), schemaMiddleware(), scheduleApiMiddleware(), referenceMiddleware(), cspPageMiddleware()],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromiumPath,
        headless: true,
        // Pin the reader's zone so "the viewer's zone" is the same on every machine.
        env: { ...process.env, TZ: 'America/New_York' },
        args: [
          ...chromiumArgs,
          '--lang=en-GB',
        ],
      },
    }),
  ],
  reporters: [defaultReporter(), summaryReporter()],
};
