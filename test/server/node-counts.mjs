/**
 * A reporter for Node's test runner (`node --test --test-reporter=…`) that writes how many tests
 * passed, failed and were skipped, as JSON, so the browser run's summary line counts them too.
 */
export default async function* nodeCounts(source) {
  const counts = { passed: 0, failed: 0, skipped: 0, failures: [] };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    if (event.data.details?.type === 'suite') continue;
    if (event.data.skip !== undefined && event.data.skip !== false) counts.skipped++;
    else if (event.type === 'test:pass') counts.passed++;
    else {
      counts.failed++;
      counts.failures.push(`${event.data.file ?? ''}: ${event.data.name}`);
    }
  }
  yield JSON.stringify(counts) + '\n';
}
