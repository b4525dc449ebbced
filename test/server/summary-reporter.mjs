/**
 * Prints `N passed, N failed` alone on a line when the run ends, counted from the runner's own
 * results, so CI can tell a run that executed no test from one that passed.
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
      console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
    },
  };
}
