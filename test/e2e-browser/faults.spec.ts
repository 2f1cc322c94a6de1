// Server errors where the user acted, and offline review from the last snapshot.
import { expect, test, useHarness } from './fixtures';
import { AppPage } from './app-page';

test.describe.configure({ mode: 'serial' });
const harness = useHarness();
test.afterEach(async () => {
  await harness.simulator.clearFaults();
});

// First in this serial file: later tests load Demo prod (the create dialog loads every org of its
// server to suggest times), which leaves a snapshot behind.
test('a profile that never loaded and cannot reach its server says so where it is shown', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(harness.url);
  await harness.simulator.inject({ orgId: 'sales-analytics', action: { type: 'status', status: 500 } });
  await app.startDemo();
  await app.selectProfile('Demo prod');
  await expect(page.locator('.banner-error')).toContainText('Could not load Demo prod');
  await expect(page.getByRole('button', { name: 'New schedule' })).toBeDisabled();
  await expect(page.getByText('No schedules to show')).toBeVisible();
});

test('a server error on create is shown in the dialog and nothing is added', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(harness.url);
  await app.startDemo();
  await app.expectSchedulesLoaded();
  const before = await app.scheduleRows.count();
  await harness.simulator.inject({ endpoint: 'create', times: 1, action: { type: 'status', status: 500, message: 'Scheduler store unavailable' } });
  const dialog = await app.openCreateDialog();
  await dialog.getByLabel('Quartz expression').fill('0 10 3 ? * * *');
  await dialog.getByRole('button', { name: 'Create schedule' }).click();
  await expect(dialog.getByRole('alert')).toContainText('The server did not create the schedule');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await app.refresh();
  await expect(app.scheduleRows).toHaveCount(before);
  await expect(app.row('0 10 3 ? * * *')).toHaveCount(0);
});

test('offline: the snapshot stays reviewable, create and delete say why they are off', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(harness.url);
  await app.selectProfile('Demo dev');
  await app.expectSchedulesLoaded();
  const rows = await app.scheduleRows.count();
  // The server becomes unreachable: every connection is dropped.
  await harness.simulator.inject({ action: { type: 'reset' } });
  await app.refresh();
  await expect(app.offlineBanner).toContainText('Offline');
  await expect(app.offlineBanner).toContainText(/snapshot from/);
  await expect(app.offlineBanner).toContainText(/Reason: /);
  await expect(app.scheduleRows).toHaveCount(rows);
  const create = page.getByRole('button', { name: 'New schedule' });
  await expect(create).toBeDisabled();
  await expect(page.locator('#create-blocked')).toContainText('Unavailable offline');
  await expect(app.scheduleRows.first().getByRole('button', { name: /^Delete schedule/ })).toBeDisabled();
  // The calendar and timeline work from the snapshot.
  await app.showTab('Calendar');
  await expect(page.getByTestId('calendar-run').first()).toBeVisible();
  await app.showTab('Timeline');
  await expect(page.getByTestId('timeline-lane')).toHaveCount(rows);
  // Back online: the banner goes and create comes back.
  await harness.simulator.clearFaults();
  await app.offlineBanner.getByRole('button', { name: 'Try again' }).click();
  await expect(app.offlineBanner).toBeHidden();
  await expect(create).toBeEnabled();
});

test('refreshing every profile shows its progress', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(harness.url);
  await app.selectAllProfiles();
  await app.expectSchedulesLoaded();
  // Slow server: the progress must be visible while the profiles come in, then go away.
  await harness.simulator.inject({ latencyMs: 1500 });
  await app.refresh();
  const progress = page.getByRole('progressbar', { name: 'Refresh progress' });
  await expect(progress).toBeVisible();
  await expect(page.getByText(/Refreshing [0-2] of 2 profiles/)).toBeVisible();
  await expect(progress).toBeHidden({ timeout: 15_000 });
  await expect(page.getByRole('button', { name: 'Refresh', exact: true })).toBeEnabled();
});
