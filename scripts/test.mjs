#!/usr/bin/env node
/**
 * The tests, after the build: first the schedule server's own tests in Node (test/node/: the
 * database on SQLite and, when TEST_DATABASE_URL is set, PostgreSQL; real server processes killed
 * and restarted), then every browser test with @web/test-runner. The last line counts both:
 * `N passed, N failed`. Exits non-zero when anything failed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const results = join(mkdtempSync(join(tmpdir(), 'programme-node-tests-')), 'counts.json');
console.log(`== Node tests (test/node/)${process.env.TEST_DATABASE_URL ? ', with PostgreSQL' : ', SQLite only: TEST_DATABASE_URL is not set'}`);
const node = spawnSync(
  process.execPath,
  [
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=./test/server/node-counts.mjs',
    `--test-reporter-destination=${results}`,
    'test/node/',
  ],
  { stdio: 'inherit' },
);
let counts;
try {
  counts = JSON.parse(readFileSync(results, 'utf8'));
} catch {
  counts = { passed: 0, failed: 1, skipped: 0, failures: ['the Node tests did not report (see above)'] };
}
if (node.status !== 0 && !counts.failed) counts.failed = 1;

console.log('== Browser tests (web-test-runner)');
const browser = spawnSync('npx', ['web-test-runner', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, PROGRAMME_NODE_COUNTS: JSON.stringify(counts) },
});
process.exit(node.status === 0 && counts.failed === 0 && browser.status === 0 ? 0 : 1);
