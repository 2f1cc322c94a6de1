// The calendar and the timeline in real Chromium, mounted on the standalone page of
// bench/renderer-page with fixed cases at a fixed now (2027-03-10 10:17 UTC, a Wednesday).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from '@playwright/test';
import { buildBenchPage, servePage } from '../../bench/renderer-page/serve-page';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  if (process.env['CI'] === 'true') throw new Error(`Chromium is required under CI=true but was not found at ${CHROMIUM}.`);
  console.warn(`\n!!! SKIPPING the calendar/timeline browser tests: no Chromium at ${CHROMIUM} (install chromium or set CHROMIUM_PATH).\n`);
}
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
let served: { url: string; close(): Promise<void> };
let page: Page;

async function open(query: string): Promise<void> {
  await page.goto(`${served.url}?${query}`);
  await page.getByTestId(query.includes('timeline') ? 'timeline-view' : 'calendar-view').waitFor();
}

async function seriousViolations(): Promise<string[]> {
  // Runtime evaluation is not bound by the page's CSP, so axe can be injected this way.
  await page.evaluate(axeSource);
  const result = (await page.evaluate('axe.run(document, { resultTypes: ["violations"] })')) as {
    violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
  };
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} at ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
}

describe.skipIf(!hasChromium)('calendar and timeline in Chromium', () => {
  beforeAll(async () => {
    const dir = await buildBenchPage(join(import.meta.dirname, '../../.tmp/renderer-views-test'));
    served = await servePage(dir);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 }, timezoneId: 'Asia/Tokyo' });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('shows the month with today marked, dense runs as bands with a count, and says which zone', async () => {
    await open('view=calendar&fixture=1');
    await expect.poll(() => page.getByTestId('calendar-title').textContent()).toBe('March 2027');
    const today = page.locator('[data-testid="calendar-day"][aria-current="date"]');
    expect(await today.getAttribute('data-date')).toBe('2027-03-10');
    // The every-minute schedule: a band per day, never 1,440 chips. Upcoming runs only: today's band
    // counts from now (10:17, so 823 runs), tomorrow's the whole day, and yesterday has none.
    const band = today.getByTestId('calendar-band');
    expect(await band.first().textContent()).toMatch(/^every minute · 823 runs, from 10:17 UTC, Prod EU/);
    const tomorrow = page.locator('[data-testid="calendar-day"][data-date="2027-03-11"]').getByTestId('calendar-band');
    expect(await tomorrow.first().textContent()).toMatch(/^every minute · 1,440 runs, from 00:00 UTC, Prod EU/);
    const yesterday = page.locator('[data-testid="calendar-day"][data-date="2027-03-09"]');
    expect(await yesterday.locator('button').count()).toBe(0);
    expect(await page.getByTestId('calendar-run').count()).toBeLessThan(200);
    // Deactivated: not drawn, and the caption says one was left out.
    expect(await page.locator('[data-key="eu:paused"]').count()).toBe(0);
    const caption = await page.getByTestId('calendar-zone').textContent();
    expect(caption).toContain("Times in each profile's server time: UTC, America/New_York (EST)");
    expect(caption).toContain('1 deactivated schedule not shown');
    // The broken expression is named, not silently dropped.
    expect(await page.getByTestId('calendar-errors').textContent()).toMatch(/1 schedule could not be drawn: Dev US: .*day-of-(week|month)/i);
  });

  it('moves between days with the keyboard, pages months, and Enter selects the day’s schedules in turn', async () => {
    await open('view=calendar&fixture=1');
    await page.locator('[data-testid="calendar-day"][data-date="2027-03-10"]').focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate('document.activeElement.dataset.date')).toBe('2027-03-11');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate('document.activeElement.dataset.date')).toBe('2027-03-18');
    await page.keyboard.press('PageDown');
    expect(await page.evaluate('document.activeElement.dataset.date')).toBe('2027-04-18');
    expect(await page.getByTestId('calendar-title').textContent()).toBe('April 2027');
    await page.keyboard.press('ArrowLeft'); // Saturday 17 April: daily 04:00 and every minute
    await page.keyboard.press('Enter');
    const first = await page.getByTestId('selected').textContent();
    await page.keyboard.press('Enter');
    const second = await page.getByTestId('selected').textContent();
    expect(new Set([first, second])).toEqual(new Set(['eu:daily', 'eu:minutely']));
    await page.getByTestId('calendar-today').click();
    expect(await page.getByTestId('calendar-title').textContent()).toBe('March 2027');
  });

  it('selects a schedule by clicking one of its runs, and places week chips by time', async () => {
    await open('view=calendar&fixture=1');
    const chip = page.locator('[data-testid="calendar-day"][data-date="2027-03-11"] [data-testid="calendar-run"][data-key="eu:daily"]');
    await chip.click();
    expect(await page.getByTestId('selected').textContent()).toBe('eu:daily');
    expect(await chip.getAttribute('aria-pressed')).toBe('true');
    await page.getByTestId('calendar-mode-week').click();
    const weekChip = page.locator('[data-testid="calendar-day"][data-date="2027-03-11"] [data-testid="calendar-run"][data-key="eu:daily"]');
    // 04:00 on a 40 px-per-hour grid.
    expect(await weekChip.getAttribute('style')).toMatch(/(^|;\s*)top: 160px/);
    // Weekdays 09:30 New York is 14:30 UTC in winter, shown in the server zone of its profile.
    const ny = page.locator('[data-testid="calendar-day"][data-date="2027-03-11"] [data-testid="calendar-run"][data-key="us:weekdays"]');
    expect(await ny.textContent()).toMatch(/^09:30 Dev US · Mon–Fri EST, Dev US \(Development\)/);
  });

  it('shows times in the local zone when asked, and says so', async () => {
    await open('view=calendar&fixture=1&zone=local');
    expect(await page.getByTestId('calendar-zone').textContent()).toContain('Times in local time: Asia/Tokyo (UTC+9)');
    // 04:00 UTC is 13:00 in Tokyo.
    const chip = page.locator('[data-testid="calendar-day"][data-date="2027-03-11"] [data-testid="calendar-run"][data-key="eu:daily"]');
    expect(await chip.locator('.run-chip-time').textContent()).toBe('13:00');
  });

  it('has no serious accessibility violations in the month, week and timeline views', async () => {
    await open('view=calendar&fixture=1');
    expect(await seriousViolations()).toEqual([]);
    await page.getByTestId('calendar-mode-week').click();
    expect(await seriousViolations()).toEqual([]);
    await open('view=timeline&fixture=1');
    expect(await seriousViolations()).toEqual([]);
  });

  it('draws the timeline with a now line, latest executions, bands for dense lanes, and arrow keys between lanes', async () => {
    await open('view=timeline&fixture=1');
    await expect.poll(() => page.getByTestId('timeline-lane').count()).toBe(5);
    expect(await page.getByTestId('timeline-group').count()).toBe(2);
    expect(await page.getByTestId('timeline-now').count()).toBe(1);
    expect(await page.locator('[data-key="eu:daily"] [data-testid="timeline-latest"]').count()).toBe(1);
    // Daily at 04:00 UTC from now (Wed 10:17) to the window's end (Mon 20:00): Thu to Mon, five ticks.
    expect(await page.locator('[data-key="eu:daily"] [data-testid="timeline-ticks"]').getAttribute('data-count')).toBe('5');
    const band = page.locator('[data-key="eu:minutely"] [data-testid="timeline-band"]');
    expect(Number(await band.getAttribute('data-count'))).toBeGreaterThan(7_000);
    expect(await page.locator('[data-key="eu:paused"]').textContent()).toContain('deactivated');
    await page.locator('[data-key="eu:daily"] .tl-label').focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.evaluate('document.activeElement.closest("[data-key]").dataset.key')).toBe('eu:minutely');
    await page.keyboard.press('Enter');
    expect(await page.getByTestId('selected').textContent()).toBe('eu:minutely');
    await page.getByTestId('timeline-zoom-quarter').click();
    expect(await page.getByTestId('timeline-view').getAttribute('data-zoom')).toBe('quarter');
  });

  it('keeps the band of a lane firing every second at every zoom while the clock advances for two hours', async () => {
    const clockPage = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    try {
      await clockPage.clock.install({ time: new Date('2027-03-10T08:00:30Z') });
      await clockPage.goto(`${served.url}?view=timeline&fixture=every-second&tick=1`);
      await clockPage.getByTestId('timeline-view').waitFor();
      const lane = clockPage.locator('[data-key="dense:every-second"]');
      for (let minutes = 0; minutes <= 120; minutes += 40) {
        for (const zoom of ['day', 'week', 'month', 'quarter'] as const) {
          await clockPage.getByTestId(`timeline-zoom-${zoom}`).click();
          const where = `${zoom} zoom, ${minutes} min on`;
          await expect.poll(() => lane.getByTestId('timeline-band').count(), { timeout: 5_000 }).toBeGreaterThan(0);
          // The screen-reader count and the drawn band say the same.
          const drawn = Number(await lane.getByTestId('timeline-band').first().getAttribute('data-count'));
          expect(await lane.textContent(), where).toContain(`${drawn.toLocaleString('en-US')} upcoming in view`);
        }
        // A jump (due timers fire once), as after a sleeping laptop; not 2,400 ticks replayed one by one.
        if (minutes < 120) await clockPage.clock.fastForward(40 * 60_000);
      }
      // The page's clock did advance (two hours and the little real time the test took).
      expect(await clockPage.getByTestId('now').textContent()).toMatch(/^2027-03-10T10:0/);
    } finally {
      await clockPage.close();
    }
  }, 120_000);

  it('keeps only the lanes in view in the DOM with 2,000 schedules, and reaches the last one by scrolling', async () => {
    await open('view=timeline&profiles=10&per=200');
    const inDom = await page.getByTestId('timeline-lane').count();
    expect(inDom).toBeGreaterThan(5);
    expect(inDom).toBeLessThan(80);
    await page.getByTestId('timeline-scroll').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect.poll(() => page.locator('[data-key="bench-10:job-10-200"]').count()).toBe(1);
  });

  it("draws the page's first month of 2,000 schedules once, when its runs are placed, not as an empty grid first", async () => {
    await page.goto(`${served.url}?view=calendar&profiles=10&per=200`);
    await page.getByTestId('calendar-view').waitFor();
    // What the first frames show: the toolbar and the month's frame, saying what is being done.
    await expect.poll(() => page.getByTestId('calendar-view').getAttribute('data-complete')).toBe('true');
    expect(await page.evaluate(`performance.getEntriesByName('calendar:grid').length`)).toBe(0);
    expect(await page.getByTestId('calendar-opening').count()).toBe(0);
    expect(await page.getByTestId('calendar-day').count()).toBe(42);
    expect(await page.locator('[data-testid="calendar-day"][data-dense="true"]').count()).toBeGreaterThan(20);
    // Paging afterwards keeps the grid on screen while a month is placed.
    await page.getByTestId('calendar-next').click();
    await expect.poll(() => page.getByTestId('calendar-day').count()).toBe(42);
    expect(await page.getByTestId('calendar-opening').count()).toBe(0);
  });

  it('says it is placing the runs while the first month of thousands of schedules is laid out', async () => {
    const slow = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    try {
      // Every cell of the month's frame appears at once, with its runs, after the caption said what was going on.
      await slow.addInitScript(() => {
        new MutationObserver(() => {
          const caption = document.querySelector('[data-testid="calendar-zone"]')?.textContent ?? '';
          const w = window as unknown as { seen?: string[] };
          if (document.querySelector('[data-testid="calendar-opening"]')) (w.seen ??= []).push(caption);
          if (document.querySelector('[data-testid="calendar-day"]') && !document.querySelector('[data-testid="calendar-view"][data-complete="true"]'))
            (w.seen ??= []).push('grid before its runs');
        }).observe(document, { childList: true, subtree: true, characterData: true });
      });
      await slow.goto(`${served.url}?view=calendar&profiles=50&per=200`);
      await expect.poll(() => slow.getByTestId('calendar-view').getAttribute('data-complete'), { timeout: 20_000 }).toBe('true');
      const seen = (await slow.evaluate('window.seen || []')) as string[];
      expect(seen.length).toBeGreaterThan(0);
      expect(seen).not.toContain('grid before its runs');
      expect(seen[0]).toContain('placing the runs of 10,000 schedules');
    } finally {
      await slow.close();
    }
  }, 60_000);
});
