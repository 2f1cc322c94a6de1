// Playwright `_electron` tests of the built desktop app. Run through run.sh (`npm run test:electron`),
// which checks for an Electron binary and a display first and provides a private keyring.
import { resolve } from 'node:path';
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.ts$/,
  // One Electron app at a time: each test walks a whole user journey on its own user-data folder.
  workers: 1,
  fullyParallel: false,
  timeout: 120_000,
  expect: { timeout: 10_000 },
  retries: 0,
  outputDir: resolve(import.meta.dirname, '../../test-results/e2e-electron'),
  use: { trace: 'retain-on-failure' },
});
