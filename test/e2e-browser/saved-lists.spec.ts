// A profile shown from its saved list (a snapshot, its server unreachable) beside a live one in All
// profiles: every row, calendar run and timeline lane of the saved one says "saved <when>", the live
// one's say nothing of the kind.
import { expect, test, useHarness } from './fixtures';
import { AppPage } from './app-page';

test.describe.configure({ mode: 'serial' });
const harness = useHarness();

async function showMixed(app: AppPage): Promise<void> {
  await app.open(harness.url);
  await app.startDemo();
  await app.selectAllProfiles();
  // Both live first: that leaves Demo prod's snapshot behind.
  await app.expectProfilesListed(['Demo dev', 'Demo prod']);
  await harness.simulator.inject({ orgId: 'sales-analytics', action: { type: 'reset' } });
  await app.refresh();
  await expect(app.offlineBanner).toContainText('Demo prod');
}

test('all profiles with one offline: each row of the saved list says when it was saved, live rows do not', async ({ page }) => {
  const app = new AppPage(page);
  await showMixed(app);
  const prodRows = app.scheduleRows.filter({ has: page.locator('.cell-profile', { hasText: 'Demo prod' }) });
  const devRows = app.scheduleRows.filter({ has: page.locator('.cell-profile', { hasText: 'Demo dev' }) });
  await expect(prodRows.first().getByTestId('saved-mark')).toBeVisible();
  const prod = await prodRows.count();
  expect(prod).toBeGreaterThan(0);
  for (let i = 0; i < prod; i++) {
    const mark = prodRows.nth(i).getByTestId('saved-mark');
    await expect(mark).toBeVisible();
    await expect(mark).toContainText(/^saved (just now|\d+ \w+ ago|\w+ ago)/);
    // Said to a screen reader too, with the date and zone it was saved.
    await expect(mark).toContainText(/\(\w{3} \d{1,2} \w{3} \d{4}, \d\d:\d\d \S+\)/);
    await expect(mark).toHaveAttribute('title', /^From the list saved \w{3} \d{1,2} \w{3} \d{4}, \d\d:\d\d/);
  }
  expect(await devRows.count()).toBeGreaterThan(0);
  await expect(devRows.getByTestId('saved-mark')).toHaveCount(0);
});

test('all profiles with one offline: its calendar runs and timeline lanes are marked saved', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(harness.url);
  await app.selectAllProfiles();
  await expect(app.offlineBanner).toContainText('Demo prod');
  await app.showTab('Calendar');
  await app.expectCalendarPlaced();
  const prodRuns = page.locator('[data-testid="calendar-run"][title*="Demo prod"], [data-testid="calendar-band"][title*="Demo prod"]');
  const devRuns = page.locator('[data-testid="calendar-run"][title*="Demo dev"], [data-testid="calendar-band"][title*="Demo dev"]');
  await expect(prodRuns.first()).toBeVisible();
  const prod = await prodRuns.count();
  for (let i = 0; i < prod; i++) {
    const run = prodRuns.nth(i);
    await expect(run).toHaveClass(/is-saved/);
    await expect(run).toHaveAttribute('title', /from the list saved \w{3} \d{1,2} \w{3} \d{4}/);
    await expect(run).toHaveAccessibleName(/, saved \w{3} \d{1,2} \w{3} \d{4}, \d\d:\d\d/);
  }
  await expect(prodRuns.first().getByTestId('calendar-saved')).toBeVisible();
  expect(await devRuns.count()).toBeGreaterThan(0);
  await expect(devRuns.and(page.locator('.is-saved'))).toHaveCount(0);

  await app.showTab('Timeline');
  const lanes = page.getByTestId('timeline-lane');
  await expect(lanes.first()).toBeVisible();
  const prodLanes = lanes.filter({ hasText: 'Demo prod' });
  const devLanes = lanes.filter({ hasText: 'Demo dev' });
  const n = await prodLanes.count();
  expect(n).toBeGreaterThan(0);
  for (let i = 0; i < n; i++) {
    await expect(prodLanes.nth(i).getByTestId('timeline-saved')).toBeVisible();
    await expect(prodLanes.nth(i).getByTestId('timeline-saved')).toHaveText(/^saved /);
    await expect(prodLanes.nth(i).getByRole('button').first()).toHaveAccessibleName(/from the list saved \w{3} \d{1,2} \w{3} \d{4}/);
  }
  expect(await devLanes.count()).toBeGreaterThan(0);
  await expect(devLanes.getByTestId('timeline-saved')).toHaveCount(0);
});

test('when the server answers again the saved marks go', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(harness.url);
  await app.selectAllProfiles();
  await expect(app.offlineBanner).toBeVisible();
  await harness.simulator.clearFaults();
  await app.refresh();
  await expect(app.offlineBanner).toBeHidden();
  await app.expectProfilesListed(['Demo dev', 'Demo prod']);
  await expect(page.getByTestId('saved-mark')).toHaveCount(0);
});
