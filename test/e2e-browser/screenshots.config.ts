// `npx playwright test -c test/e2e-browser/screenshots.config.ts`: writes docs/screenshots/*.png.
// Kept out of the e2e run so `npm test` never rewrites the docs.
import base from './playwright.config';
import { defineConfig } from '@playwright/test';

export default defineConfig({ ...base, testMatch: /screenshots(\.[a-z-]+)?\.shots\.ts$/, workers: 1, globalSetup: './global-setup.ts' });
