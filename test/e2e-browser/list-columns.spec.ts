// The list's next-run and latest-execution cells show their whole text (zone label included) in the
// usual window sizes, with and without the details panel, for one profile and for All profiles; any
// cell text that can still be cut short carries the whole text as its title.
import { expect, test, useHarness } from './fixtures';
import { AppPage } from './app-page';
import type { Page } from '@playwright/test';

test.describe.configure({ mode: 'serial' });
const harness = useHarness();

/** The time texts of the next-run and latest cells that are cut short (drawn narrower than they are). */
const clippedTimes = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('.schedule-table tbody .col-next > div, .schedule-table tbody .col-latest > div'))
      .filter((e) => e.scrollWidth > e.clientWidth + 1)
      .map((e) => `${e.innerText} (${e.clientWidth}px of ${e.scrollWidth}px)`),
  );

/** Any cut-short text in a row (an element with ellipsis whose content overflows) without its whole text as a title. */
const clippedWithoutTitle = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('.schedule-table tbody td, .schedule-table tbody td *'))
      .filter((e) => getComputedStyle(e).textOverflow === 'ellipsis' && e.scrollWidth > e.clientWidth + 1 && e.innerText.trim() !== '')
      .filter((e) => {
        const title = e.closest('[title]')?.getAttribute('title') ?? '';
        return !title.includes(e.innerText.replace(/\s+/g, ' ').trim());
      })
      .map((e) => `${e.className}: ${e.innerText}`),
  );

for (const size of [
  { width: 1400, height: 900 },
  { width: 1280, height: 800 },
]) {
  test(`${size.width}x${size.height}: next run and latest execution are shown whole, with and without the details panel`, async ({ page }) => {
    await page.setViewportSize(size);
    const app = new AppPage(page);
    await app.open(harness.url);
    await app.startDemo();
    for (const view of ['All profiles', 'Demo dev', 'Demo prod']) {
      if (view === 'All profiles') {
        await app.selectAllProfiles();
        await app.expectProfilesListed(['Demo dev', 'Demo prod']);
      } else {
        await app.selectProfile(view);
        await app.expectSchedulesLoaded();
      }
      await expect(page.getByTestId('schedule-list')).toHaveAttribute('data-ordered', 'true');
      // The zone labels are what got cut: each time ends in its zone.
      await expect(app.scheduleRows.first().locator('.col-next .next-primary')).toContainText(/\d\d:\d\d \S+/);
      expect(await clippedTimes(page), `${view}, no details`).toEqual([]);
      expect(await clippedWithoutTitle(page), `${view}, no details`).toEqual([]);
      await app.scheduleRows
        .first()
        .getByRole('button', { name: /^Show schedule/ })
        .click();
      await expect(page.locator('.details')).toBeVisible();
      expect(await clippedTimes(page), `${view}, details open`).toEqual([]);
      expect(await clippedWithoutTitle(page), `${view}, details open`).toEqual([]);
      await page.keyboard.press('Escape');
      await expect(page.locator('.details')).toBeHidden();
    }
  });
}
