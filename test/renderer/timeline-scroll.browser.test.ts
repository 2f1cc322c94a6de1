// A fast scroll through 10,000 lanes in real Chromium (the standalone bench page): lanes met before
// the idle warm-up reached them may draw their runs a task later, but every lane in view ends up
// drawn with its words and runs, and none stays waiting.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from '@playwright/test';
import { buildBenchPage, servePage } from '../../bench/renderer-page/serve-page';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium && process.env['CI'] === 'true') throw new Error(`Chromium is required under CI=true but was not found at ${CHROMIUM}.`);

let browser: Browser;
let served: { url: string; close(): Promise<void> };
let page: Page;

describe.skipIf(!hasChromium)('timeline scrolled fast over 10,000 lanes', () => {
  beforeAll(async () => {
    served = await servePage(await buildBenchPage(join(import.meta.dirname, '../../.tmp/renderer-timeline-scroll-test')));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('draws every lane in view with its words and runs once the scroll stops', async () => {
    await page.goto(`${served.url}?view=timeline&profiles=50&per=200`);
    await page.getByTestId('timeline-lane').first().waitFor();
    const scroller = page.getByTestId('timeline-scroll');
    // Jump through the list a screen at a time, each jump a frame, far past what idle time has warmed.
    await scroller.evaluate(
      (el) =>
        new Promise<void>((resolve) => {
          let frames = 0;
          const step = () => {
            el.scrollTop += 900;
            if (++frames < 40) requestAnimationFrame(step);
            else resolve();
          };
          requestAnimationFrame(step);
        }),
    );
    await expect.poll(() => page.locator('[data-testid="timeline-lane"][data-pending]').count(), { timeout: 10_000 }).toBe(0);
    const lanes = await page.getByTestId('timeline-lane').evaluateAll((all) =>
      all.map((lane) => ({
        key: lane.getAttribute('data-key'),
        words: lane.querySelector('.tl-desc')?.textContent ?? '',
        // Each of the seed's expressions fires within a week's window, or the lane points at its next run.
        marks: lane.querySelectorAll('[data-testid="timeline-ticks"], [data-testid="timeline-band"], [data-testid="timeline-next-run"]').length,
        text: lane.textContent ?? '',
      })),
    );
    expect(lanes.length).toBeGreaterThan(10);
    for (const lane of lanes) {
      expect(lane.words, lane.key ?? '').not.toBe('');
      expect(lane.marks, lane.key ?? '').toBeGreaterThan(0);
      expect(lane.text, lane.key ?? '').not.toContain('runs not drawn yet');
    }
  }, 60_000);
});
