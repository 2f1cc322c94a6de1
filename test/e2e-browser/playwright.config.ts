// End-to-end tests in Debian's Chromium through the browser harness (never a downloaded browser).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from '@playwright/test';

const chromium = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  // Loud on purpose: without a browser these tests cannot run; in CI that is a failure.
  throw new Error(`Chromium not found at ${chromium}: apt-get install chromium (or set CHROMIUM_PATH). The e2e tests cannot run without it.`);
}

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.ts$/,
  // Path aliases (@simulator/...) for the few constants specs share with the app; the harness itself runs
  // in a child process (test/harness/spawn.ts) because Playwright's loader cannot load all of src-main.
  tsconfig: resolve(import.meta.dirname, '../../tsconfig.node.json'),
  globalSetup: './global-setup.ts',
  fullyParallel: false,
  workers: 2,
  timeout: 45_000,
  expect: { timeout: 8_000 },
  // One retry under CI: a test that fails and then passes is reported as flaky (listed by name at the end
  // of `npm test`), so a race in a test shows without failing an otherwise green run; a real fault fails twice.
  retries: process.env['CI'] ? 1 : 0,
  outputDir: resolve(import.meta.dirname, '../../test-results/e2e-browser'),
  use: {
    headless: true,
    viewport: { width: 1400, height: 900 },
    timezoneId: 'Europe/Berlin',
    locale: 'en-GB',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    },
  },
});
