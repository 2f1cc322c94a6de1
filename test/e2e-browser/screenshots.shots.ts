// Screenshots of the main screens for the README, through the browser harness, light and dark.
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { spawnHarness, type SpawnedHarness } from '../harness/spawn';
import { AppPage } from './app-page';
import { dismissToasts } from './screenshots.helpers';

const OUT = resolve(import.meta.dirname, '../../docs/screenshots');
test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 1440, height: 900 } });
let harness: SpawnedHarness;
test.beforeAll(async () => {
  harness = await spawnHarness();
});
test.afterAll(async () => {
  await harness?.close();
});

const shot = (page: Page, name: string) => page.screenshot({ path: `${OUT}/${name}.png` });

test('main screens', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new AppPage(page);
  await app.open(harness.url);
  await shot(page, '01-welcome');
  await app.startDemo();
  await app.expectSchedulesLoaded();
  await app
    .row('0 0 4 ? * * *')
    .getByRole('button', { name: /Show schedule/ })
    .click();
  await shot(page, '02-schedules-list');
  await page.keyboard.press('Escape');
  await app.showTab('Calendar');
  await expect(page.getByTestId('calendar-view')).toBeVisible();
  // A clicked run is named at the top of the details panel.
  await page.getByTestId('calendar-run').first().click();
  await expect(page.getByTestId('details-run')).toBeVisible();
  await shot(page, '03-calendar-month');
  await page.keyboard.press('Escape');
  await app.showTab('Timeline');
  await expect(page.getByTestId('timeline-lane').first()).toBeVisible();
  await shot(page, '04-timeline');
  await app.selectAllProfiles();
  await app.showTab('Calendar');
  await expect(page.getByTestId('calendar-run').first()).toBeVisible();
  await shot(page, '05-all-profiles-calendar');
  await app.selectProfile('Demo prod');
  await app.showTab('List');
  await app.expectSchedulesLoaded();
  const dialog = await app.openCreateDialog();
  await dialog.getByLabel('Quartz expression').fill('0 15 4 ? * MON-FRI *');
  await expect(dialog.getByText(/Next 10 runs/)).toBeVisible();
  await shot(page, '06-create-production');
  await dialog.getByLabel('Quartz expression').fill('0 0 4 ? * 9 *');
  await expect(dialog.locator('.field-error')).toBeVisible();
  await shot(page, '07-create-rejected');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page
    .locator('tbody tr')
    .first()
    .getByRole('button', { name: /^Delete schedule/ })
    .click();
  // The dialog loads on first use (its own chunk): shoot it, not the list behind it.
  const confirm = page.getByRole('dialog', { name: 'Delete schedule?' });
  await expect(confirm).toBeVisible();
  await shot(page, '08-delete-production');
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await harness.simulator.inject({ action: { type: 'reset' } });
  await app.refresh();
  await expect(app.offlineBanner).toBeVisible();
  await shot(page, '09-offline');
  await harness.simulator.clearFaults();
  await app.refresh();
  await expect(app.offlineBanner).toBeHidden();
  await page.getByRole('button', { name: 'Edit profile' }).click();
  // The editor loads on first use (its own chunk): wait for it rather than shoot an empty frame.
  await expect(page.getByRole('dialog')).toBeVisible();
  await shot(page, '10-profile-editor');
  await page.keyboard.press('Escape');
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.selectProfile('Demo dev');
  await app.expectSchedulesLoaded();
  await dismissToasts(page);
  await shot(page, '11-dark-list');
  await app.showTab('Timeline');
  await shot(page, '12-dark-timeline');
  // The list beside the details panel on a 1280x800 screen: one-line expressions, nothing clipped.
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 800 });
  await app.showTab('List');
  await app
    .row('0 30 1 ? * SUN *')
    .getByRole('button', { name: /Show schedule/ })
    .click();
  await shot(page, '13-list-1280-details');
  await app.showTab('Calendar');
  await page.getByTestId('calendar-mode-week').click();
  await expect(page.getByTestId('calendar-week')).toBeVisible();
  await page.getByTestId('calendar-next').click();
  await shot(page, '14-calendar-week');
  await page.getByTestId('calendar-mode-month').click();
});
