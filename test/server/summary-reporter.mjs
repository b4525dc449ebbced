/**
 * Prints `N passed, N failed` alone on a line when the run ends, counted from the runner's own
 * results, so CI can tell a run that executed no test from one that passed. When the Node tests
 * ran first (scripts/test.mjs), their counts, in PROGRAMME_NODE_COUNTS, are added in.
 */
export function summaryReporter() {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      const walk = (suite) => {
        for (const t of suite?.tests ?? []) {
          if (t.skipped) skipped++;
          else if (t.passed) passed++;
          else failed++;
        }
        for (const s of suite?.suites ?? []) walk(s);
      };
      for (const session of sessions) {
        const before = failed;
        walk(session.testResults);
        // A file that failed to load, or threw outside any test, counts as one failure.
        if (!session.passed && failed === before) failed++;
      }
      const node = process.env.PROGRAMME_NODE_COUNTS ? JSON.parse(process.env.PROGRAMME_NODE_COUNTS) : null;
      if (node) {
        console.log(
          `\nbrowser: ${passed} passed, ${failed} failed, ${skipped} skipped; node: ${node.passed} passed, ${node.failed} failed, ${node.skipped} skipped`,
        );
        for (const failure of node.failures ?? []) console.log(`  node failed: ${failure}`);
        passed += node.passed;
        failed += node.failed;
        skipped += node.skipped;
      }
      console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
    },
  };
}
