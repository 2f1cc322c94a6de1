// Lists keep themselves current: the freshness line keeps counting, the network coming back and the
// window regaining focus refresh, and the interval setting is kept across restarts.
import type { Page } from '@playwright/test';
import { expect, test, useHarness } from './fixtures';
import { AppPage } from './app-page';

test.describe.configure({ mode: 'serial' });
const harness = useHarness();

function countLists(page: Page): { count: () => number } {
  let n = 0;
  page.on('request', (request) => {
    if (/\/api\/schedules:list$/.test(request.url())) n += 1;
  });
  return { count: () => n };
}

test('"updated" keeps counting, and the network coming back refreshes at once', async ({ page }) => {
  await page.clock.install();
  const app = new AppPage(page);
  await app.open(harness.url);
  await app.startDemo();
  await app.selectProfile('Demo dev');
  await app.expectSchedulesLoaded();
  const freshness = page.getByTestId('freshness');
  await expect(freshness).toHaveText('updated just now');
  await page.clock.fastForward('02:10');
  await expect(freshness).toHaveText('updated 2 minutes ago');

  const lists = countLists(page);
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await page.clock.fastForward(1500);
  await expect.poll(lists.count).toBeGreaterThan(0);
});

test('coming back to the window after a while refreshes; the interval setting survives a reload', async ({ page }) => {
  await page.clock.install();
  const app = new AppPage(page);
  await app.open(harness.url);
  await app.selectProfile('Demo dev');
  await app.expectSchedulesLoaded();
  const lists = countLists(page);
  // Focus right after a refresh does not refresh again...
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await page.clock.fastForward(1500);
  expect(lists.count()).toBe(0);
  // ...but after a while away it does.
  await page.clock.fastForward('01:00');
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
  await page.clock.fastForward(1500);
  await expect.poll(lists.count).toBeGreaterThan(0);

  const interval = page.getByLabel('Auto-refresh interval');
  await expect(interval).toHaveValue('5');
  await interval.selectOption('15');
  await page.reload();
  await app.open();
  await expect(page.getByLabel('Auto-refresh interval')).toHaveValue('15');
});

test('the interval refreshes the shown list by itself', async ({ page }) => {
  await page.clock.install();
  const app = new AppPage(page);
  await app.open(harness.url);
  await app.selectProfile('Demo dev');
  await app.expectSchedulesLoaded();
  await page.getByLabel('Auto-refresh interval').selectOption('1');
  const lists = countLists(page);
  await page.clock.fastForward('01:05');
  await expect.poll(lists.count).toBeGreaterThan(0);
});
