import commonjs from '@rollup/plugin-commonjs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromiumArgs, chromiumPath } from './scripts/chromium.mjs';
import { cliMiddleware } from './test/server/cli.mjs';
import { cspPageMiddleware } from './test/server/csp-page.mjs';
import { embedMiddleware } from './test/server/embed.mjs';
import { fixturesMiddleware } from './test/server/fixtures.mjs';
import { referenceMiddleware } from './test/server/reference.mjs';
import { scheduleApiMiddleware } from './test/server/schedule-api.mjs';
import { schemaMiddleware } from './test/server/schema-check.mjs';
import { summaryReporter } from './test/server/summary-reporter.mjs';
import { workerSourcesMiddleware } from './test/server/worker-sources.mjs';

/**
 * papaparse ships only CommonJS (UMD): the commonjs plugin serves it as a module with a default
 * export. Its one `require('stream')` (for Node streams only) is left alone, and the module is not
 * wrapped in a lazy `require` function, which only a bundle (not the dev server) can link.
 * (@xmldom/xmldom, also CommonJS, is served bundled: see worker-sources.mjs.)
 */
const papaparseAsModule = fromRollup(commonjs)({ include: /node_modules\/papaparse\//, ignore: ['stream'], strictRequires: false });

/** Chromium with the reader's own zone set to `zone` (the zone the page's `new Date()` lives in). */
const browserIn = (zone) =>
  chromeLauncher({
    launchOptions: {
      executablePath: chromiumPath,
      headless: true,
      env: { ...process.env, TZ: zone },
      args: [...chromiumArgs, '--lang=en-GB'],
    },
  });

/**
 * Times must not depend on where the reader is. Every test runs with the browser in New York; the
 * time tests run again with it far east of most conferences (Tokyo), west (Los Angeles), in a zone
 * with summer time on the other side of the year (Berlin) and in one that moves by half an hour
 * (Lord Howe Island).
 */
const READER_ZONES = ['Asia/Tokyo', 'America/Los_Angeles', 'Europe/Berlin', 'Australia/Lord_Howe'];
const TIME_TESTS = ['test/time-zones.test.ts', 'test/time-format.test.ts', 'test/interop.test.ts'];

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 300000,
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }), papaparseAsModule],
  middleware: [
    workerSourcesMiddleware(),
    fixturesMiddleware(),
    schemaMiddleware(),
    scheduleApiMiddleware(),
    referenceMiddleware(),
    cspPageMiddleware(),
    cliMiddleware(),
    embedMiddleware(),
  ],
  // The default group: the reader in New York, the same on every machine.
  browsers: [browserIn('America/New_York')],
  groups: READER_ZONES.map((zone) => ({ name: `reader-in-${zone.replace('/', '-')}`, files: TIME_TESTS, browsers: [browserIn(zone)] })),
  reporters: [defaultReporter(), summaryReporter()],
};
