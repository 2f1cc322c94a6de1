// Prints one closing line for the whole suite: "tests: N passed, N failed, N skipped".
import { readFileSync, existsSync } from 'node:fs';

let passed = 0,
  failed = 0,
  skipped = 0;
const flaky = [];
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    console.error(`missing test report ${file}`);
    failed += 1;
    continue;
  }
  const r = JSON.parse(readFileSync(file, 'utf8'));
  if ('numPassedTests' in r) {
    // vitest
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  } else if (r.stats) {
    // playwright
    passed += r.stats.expected + (r.stats.flaky ?? 0);
    failed += r.stats.unexpected;
    skipped += r.stats.skipped;
    collectFlaky(r.suites ?? [], []);
  }
}
for (const name of flaky) console.log(`!! FLAKY (failed, then passed on retry): ${name}`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped${flaky.length > 0 ? `, ${flaky.length} flaky` : ''}`);
process.exit(failed > 0 ? 1 : 0);

/** Playwright's JSON: suites nest; a test whose outcome is 'flaky' failed at least once and then passed. */
function collectFlaky(suites, path) {
  for (const suite of suites) {
    const here = suite.title ? [...path, suite.title] : path;
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) if (t.status === 'flaky') flaky.push([...here, spec.title].join(' > '));
    }
    collectFlaky(suite.suites ?? [], here);
  }
}
