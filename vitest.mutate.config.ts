// The vitest configuration Stryker runs: the unit and integration suites of the engine, the shared rules,
// the core and the renderer's logic (no suites that drive a browser). Stryker's vitest runner always runs test files in worker threads (it forces
// `pool: 'threads'`), a new thread per file and per run, which matters for the keychain below.
import { createRequire } from 'node:module';
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

// keytar links libsecret, whose GObject types register once per process and cannot be unloaded. In a
// worker thread the addon is dlclose'd when the thread ends and the next thread loads libsecret afresh:
// GLib then refuses the types again ("g_type_from_name (name) == 0" criticals) and keychain calls fail
// at random (the keychain half of test/core/no-secret-leak.test.ts answered null). Loading keytar once
// in this main process pins the library for the whole run, so every thread shares one registration.
try {
  createRequire(import.meta.url)('keytar');
} catch {
  // No native keychain here: the keychain suites skip loudly on their own.
}

const SUITES = [
  'test/cron/**/*.test.ts',
  'test/core/**/*.test.ts',
  'test/atscale/**/*.test.ts',
  'test/changes/**/*.test.ts',
  'test/health-core/**/*.test.ts',
  'test/connections/**/*.test.ts',
  'test/fleet-core/**/*.test.ts',
  'test/exports/**/*.test.ts',
  // The window's hardening (CSP, navigation, permissions) reaches src-main/core/web.
  'test/main/hardening.test.ts',
  'test/health/**/*.test.ts',
  'test/fleet/**/*.test.ts',
  'test/shared/**/*.test.ts',
  'test/renderer/**/*.test.ts',
];
// MUTATE_TESTS=a.test.ts,b.test.ts narrows a run to a few suites while working on one module. Use it
// rather than Stryker's --testFiles, which turns off the reload that static mutants (module-level
// constants such as a size limit or a table) need, so every one of them is reported as survived.
const only = process.env['MUTATE_TESTS']?.split(',').filter(Boolean);

const config = mergeConfig(
  base,
  defineConfig({
    test: {
      // Suites that test the process environment (no D-Bus at all, SIGKILLed writers: their child runs its
      // own bundle, which Stryker's sandbox cannot resolve) need a process of their own per file, which
      // Stryker's runner does not give; they run in `npm test`.
      exclude: [
        'test/core/missing-keyring.test.ts',
        'test/core/profile-crash.test.ts',
        'test/health-core/history-crash.test.ts',
        // Suites that drive Chromium load pages built from the sources, which Stryker instruments.
        'test/renderer/**/*.browser.test.ts',
        'node_modules/**',
      ],
      // The golden comparisons check a turning sample of zones, starts and expressions (see
      // test/cron/golden.test.ts): instrumented code runs ~30x slower, and the full set costs minutes a mutant.
      env: { CRON_GOLDEN_SAMPLE: '1' },
      // Stryker runs the suite many times over; the per-test timeout catches mutants that hang.
      testTimeout: Number(process.env['MUTATE_TEST_TIMEOUT'] ?? 60_000),
    },
  }),
);
// mergeConfig concatenates arrays: without this the base include (every test folder, the renderer's
// too) would still apply and Stryker would run the whole suite.
config.test = { ...config.test, include: only ?? SUITES };
export default config;
