// The list's columns against every width its box can have, in real Chromium with the app's own
// stylesheet: at no width from 360 to 1,200 px do the minimums of the columns shown exceed the row, so
// the list never scrolls sideways and no column is cut (the folds in styles/app.css are sums of those
// minimums, easy to get wrong by a few pixels when one minimum changes).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from '@playwright/test';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium && process.env['CI'] === 'true') throw new Error(`Chromium is required under CI=true but was not found at ${CHROMIUM}.`);

const CSS = readFileSync(join(import.meta.dirname, '../../src-renderer/src/styles/app.css'), 'utf8');
const COLUMNS = ['col-schedule', 'col-next', 'col-latest', 'col-build', 'col-created', 'col-status', 'col-actions'];
const VARIANTS = [
  { name: 'one profile', classes: '' },
  { name: 'All profiles', classes: ' with-profile' },
  { name: 'beside a saved list', classes: ' has-saved' },
  { name: 'All profiles beside a saved list', classes: ' has-saved with-profile' },
];

let browser: Browser;
let page: Page;

describe.skipIf(!hasChromium)("the list's columns at every width", () => {
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
    page = await browser.newPage({ viewport: { width: 1400, height: 800 } });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  for (const variant of VARIANTS) {
    it(`${variant.name}: the columns shown always fit the row`, async () => {
      const columns = variant.classes.includes('with-profile') ? ['col-profile', ...COLUMNS] : COLUMNS;
      const cells = columns.map((c) => `<td class="${c}"><div>x</div></td>`).join('');
      await page.setContent(
        `<style>${CSS}</style><div id="wrap" class="table-wrap" style="height:400px"><table class="schedule-table${variant.classes}">` +
          `<tbody style="height:60px"><tr>${cells}</tr></tbody></table></div>`,
      );
      const over = await page.evaluate(() => {
        const wrap = document.getElementById('wrap') as HTMLElement;
        const row = document.querySelector('tr') as HTMLElement;
        const found: string[] = [];
        let shown = 0;
        for (let width = 360; width <= 1200; width++) {
          wrap.style.width = `${width + 2}px`; // its 1px border each side
          const tracks = getComputedStyle(row).gridTemplateColumns.split(' ').map(parseFloat);
          const sum = tracks.reduce((a, b) => a + b, 0);
          if (sum - row.clientWidth > 0.5) found.push(`${width}px: ${Math.round(sum)} px of columns in a ${row.clientWidth} px row`);
          shown = Math.max(shown, tracks.length);
        }
        return { found, shown };
      });
      // Every column is shown at the widest width: the probe reads the real layout, not an empty grid.
      expect(over.shown).toBe(columns.length);
      expect(over.found).toEqual([]);
    }, 60_000);
  }
});
