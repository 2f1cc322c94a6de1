// First start in demo mode, switching profiles (sidebar and Ctrl+K), and the all-profiles view.
import { expect, test, useHarness } from './fixtures';
import { AppPage } from './app-page';

test.describe.configure({ mode: 'serial' });
const harness = useHarness();

test('first start offers the demo and opens its profiles grouped by environment', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(harness.url);
  await expect(page.getByRole('heading', { name: 'Welcome to the AtScale Maintenance Scheduler' })).toBeVisible();
  await app.startDemo();

  // Grouped by environment, production marked as such.
  await expect(app.sidebar.locator('.group-title')).toHaveText([/^\W*Development$/, /^\W*Production$/]);
  await expect(app.sidebar.locator('.group-prod')).toContainText('Demo prod');
  // The first profile opens with its schedules from the simulator, in words and with the next run.
  await expect(app.heading).toHaveText('Demo dev');
  await expect(app.row('0 0 4 ? * * *')).toContainText(/04:00/);
  await expect(app.row('0 0 4 ? * * *')).toContainText(/UTC/);
  await expect(app.row('0 0 4 ? * * *')).toContainText(/Active/);
  // The display zone switch puts local time first (the browser runs in Europe/Berlin: 05:00 CET).
  const primary = app.row('0 0 4 ? * * *').locator('.next-primary');
  await expect(primary).toHaveText(/04:00 UTC$/);
  await page.getByRole('radio', { name: /^Local/ }).click();
  await expect(primary).toHaveText(/0[56]:00 (CET|CEST|GMT\+[12]) local$/);
  await page.keyboard.press('z');
  await expect(primary).toHaveText(/04:00 UTC$/);
});

test('switching profiles by click and by Ctrl+K shows that org', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(harness.url);
  await app.selectProfile('Demo prod');
  await expect(page.locator('.workspace-header')).toContainText('sales-analytics');
  await expect(page.locator('.workspace-header .env-prod')).toBeVisible();
  await app.expectSchedulesLoaded();
  await app.switchWithKeyboard('development');
  await expect(app.heading).toHaveText('Demo dev');
  await expect(page.locator('.workspace-header')).toContainText('default');
});

test('Ctrl+K runs commands too: ">" lists commands only, and a blocked one says why', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(harness.url);
  await app.selectProfile('Demo dev');
  await app.expectSchedulesLoaded();
  await app.switchWithKeyboard('> calendar');
  await expect(page.getByRole('tab', { name: 'Calendar' })).toHaveAttribute('aria-selected', 'true');
  // In All profiles a new schedule has no org to go to: the command is listed, disabled, with the reason.
  await app.selectAllProfiles();
  await page.keyboard.press('Control+k');
  const box = page.getByRole('combobox', { name: 'Profile name, org or environment' });
  await box.fill('>new schedule');
  const option = page.getByRole('option', { name: /New schedule/ });
  await expect(option).toHaveAttribute('aria-disabled', 'true');
  await expect(option).toContainText('Choose one profile first');
  await box.press('Enter');
  await expect(page.getByRole('dialog', { name: 'New schedule' })).toBeHidden();
  await page.keyboard.press('Escape');
  await app.switchWithKeyboard('>list');
  await expect(page.getByRole('tab', { name: 'List' })).toHaveAttribute('aria-selected', 'true');
});

test('keyboard: tabs by number and arrows, N for a new schedule, Esc closes, ? lists shortcuts', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(harness.url);
  await app.selectProfile('Demo dev');
  await app.expectSchedulesLoaded();
  await page.locator('body').press('2');
  await expect(page.getByRole('tab', { name: 'Calendar' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('tab', { name: 'Calendar' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Timeline' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Timeline' })).toHaveAttribute('aria-selected', 'true');
  await page.locator('body').press('1');
  await page.locator('body').press('n');
  const dialog = page.getByRole('dialog', { name: 'New schedule' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('combobox', { name: 'Preset' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.locator('body').press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Switch profile');
  await page.keyboard.press('Escape');
});

test('deactivated schedules stay behind the toggle', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(harness.url);
  await app.selectProfile('Demo dev');
  await app.expectSchedulesLoaded();
  const shown = await app.scheduleRows.count();
  await expect(page.getByText('Deactivated', { exact: true })).toHaveCount(0);
  await page.getByLabel(/Show deactivated \((\d+)\)/).check();
  await expect(app.scheduleRows).not.toHaveCount(shown);
  await expect(page.locator('.status-off').first()).toBeVisible();
});

test('the all-profiles view overlays every profile in list, calendar and timeline', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(harness.url);
  await app.selectAllProfiles();
  await app.expectProfilesListed(['Demo dev', 'Demo prod']);
  await app.showTab('Calendar');
  await app.expectCalendarPlaced();
  const runs = page.getByTestId('calendar-view').locator('[data-testid="calendar-run"], [data-testid="calendar-band"]');
  await expect(runs.first()).toBeVisible();
  const keys = await runs.evaluateAll((els) => [...new Set(els.map((e) => (e.getAttribute('data-key') ?? '').split(':')[0]))]);
  expect(keys.length).toBe(2);
  await app.showTab('Timeline');
  await expect(page.getByTestId('timeline-lane').first()).toBeVisible();
  await expect(page.locator('.tl-group, [data-testid="timeline-group"]').first()).toBeVisible();
});
