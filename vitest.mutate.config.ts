// The vitest configuration Stryker runs: the unit and integration suites of the engine and the core
// (no browser, no keyring-only suites are required: secrets run in memory where no keyring answers).
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

export default mergeConfig(
  base,
  defineConfig({
    test: {
      include: ['test/cron/**/*.test.ts', 'test/core/**/*.test.ts', 'test/atscale/**/*.test.ts', 'test/changes/**/*.test.ts', 'test/health-core/**/*.test.ts'],
      // Suites that test the process environment (no D-Bus at all, SIGKILLed writers) need a process of
      // their own per file, which Stryker's runner does not give; they run in `npm test`.
      exclude: ['test/core/missing-keyring.test.ts', 'test/core/profile-crash.test.ts', 'node_modules/**'],
      // Stryker runs the suite many times over; the per-test timeout catches mutants that hang.
      testTimeout: 20_000,
    },
  }),
);
