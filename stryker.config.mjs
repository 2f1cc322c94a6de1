// Mutation testing (`npm run mutate`, not part of `npm test`): plants small bugs in the engine, the shared
// health and fleet rules, the main-process core and the renderer's logic one at a time and checks that
// some test fails for each. Reports go to reports/mutation/.
// `MUTATE_TESTS=test/cron/fields.test.ts,test/cron/lint.test.ts npm run mutate -- --mutate
// 'src-shared/cron/field-parser.ts'` narrows it to one module and its suites (not --testFiles: it breaks
// static mutants, see vitest.mutate.config.ts). --mutate takes a comma-separated list (a {a,b} glob is
// split at its comma and then matches nothing). `--incremental` re-tests only mutants whose code or tests
// changed since the last run (results in reports/mutation/incremental.json); `--force` rebuilds that file.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: [
    'src-shared/cron/**/*.ts',
    'src-shared/health/**/*.ts',
    'src-shared/fleet/**/*.ts',
    'src-shared/bounded-map.ts',
    'src-main/core/**/*.ts',
    // The renderer's logic (store, changes, calendar, time, commands...); its React hooks and
    // components are exercised by the browser suites, which Stryker does not run.
    'src-renderer/src/**/*.ts',
    '!src-renderer/src/**/use-*.ts',
    '!src-renderer/src/**/*.d.ts',
    // The seam file only re-exports: no logic to mutate.
    '!src-main/core/atscale/index.ts',
  ],
  // Each mutant runs only the tests that reach it; the golden comparisons are one test per expression
  // so a killed mutant stops at the first wrong fire time.
  coverageAnalysis: 'perTest',
  // Static mutants (module-level tables and constants: field ranges, names, limits) would each need the
  // whole suite re-run (perTest cannot tell which tests read a table built at load time): minutes per
  // mutant instrumented. They are skipped and reported as Ignored; see docs/architecture.md (testing).
  ignoreStatic: true,
  // The instrumented initial run is ~30x slower than `vitest run` (coverage counters in the hot loops).
  dryRunTimeoutMinutes: 20,
  concurrency: 2,
  // A mutant that loops forever (a step of 0, a bound flipped) is killed by this, not by waiting.
  timeoutMS: 20_000,
  timeoutFactor: 2,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 85, break: null },
  incrementalFile: 'reports/mutation/incremental.json',
  tempDirName: '.stryker-tmp',
  // Another run's sandbox (a run with its own --tempDirName) is never copied into this one's.
  ignorePatterns: ['/.stryker-tmp*'],
  cleanTempDir: 'always',
};
