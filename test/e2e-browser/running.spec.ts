// Running now: an org's maintenance run in progress shows on its profile in the sidebar, above the
// list and as a live bar on the timeline, and counts up with the clock. Real core and simulator; the
// run is the simulator's own event-triggered run, started twelve minutes ago and lasting an hour; the
// demo orgs' own schedules are paused so none of their runs overlaps it, whatever the hour.
import { expect, test, useHarness } from './fixtures';
import { AppPage } from './app-page';

test.describe.configure({ mode: 'serial' });
const harness = useHarness();
const MINUTE = 60_000;

async function startRun(orgId: string, startedMsAgo: number, durationMs: number): Promise<void> {
  await harness.simulator.post('events', { orgId, at: new Date(Date.now() - startedMsAgo).toISOString(), triggerType: 'Event', durationMs });
}

/**
 * No scheduled run of the demo orgs is in progress or starts during the test: their schedulers are paused
 * from a quarter of an hour back, longer than any of their runs takes. Otherwise a run of theirs (daily
 * 04:00, Demo prod's weekdays 22:15, ...) would be the one reported, as the latest started. Event runs
 * still run.
 */
async function pauseDemoSchedules(): Promise<void> {
  for (const orgId of ['default', 'sales-analytics']) await harness.simulator.pauseSchedules(orgId, new Date(Date.now() - 15 * MINUTE));
}

test.beforeEach(async () => {
  await pauseDemoSchedules();
});

test.afterEach(async () => {
  await harness.simulator.reset();
});

test('a running maintenance job shows in the sidebar, above the list and as a live bar on the timeline', async ({ page }) => {
  await startRun('default', 12 * MINUTE, 60 * MINUTE);
  // The page's clock runs from the real now (the simulator's run started on it) and can be moved on.
  await page.clock.install();
  const app = new AppPage(page);
  await app.open(harness.url);
  if (await page.getByRole('button', { name: 'Try the demo' }).isVisible()) await app.startDemo();
  await app.selectProfile('Demo dev');
  await app.expectSchedulesLoaded();

  const since = /^Running since \d\d:\d\d UTC \(12 min/;
  const sinceInside = /Running since \d\d:\d\d UTC \(12 min/;
  await expect(page.getByTestId('list-running')).toHaveText(since);
  const item = app.sidebar.getByRole('button', { name: /^Demo dev\b/ });
  await expect(item.getByTestId('sidebar-running')).toHaveText(since);
  // Another org runs nothing: its profile says nothing.
  await expect(app.sidebar.getByRole('button', { name: /^Demo prod\b/ }).getByTestId('sidebar-running')).toHaveCount(0);

  await app.showTab('Timeline');
  const row = page.getByTestId('timeline-running');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Demo dev');
  await expect(row).toContainText(sinceInside);
  // The bar starts twelve minutes before now and ends at now (the now line), at day zoom.
  await page.getByTestId('timeline-zoom-day').click();
  const bar = row.getByTestId('timeline-running-bar');
  await expect(bar).toBeVisible();
  const geometry = async () => {
    const b = await bar.boundingBox();
    const n = await page.getByTestId('timeline-now').boundingBox();
    if (!b || !n) throw new Error('the running bar or the now line is not drawn');
    return { right: b.x + b.width, width: b.width, now: n.x };
  };
  const before = await geometry();
  expect(Math.abs(before.right - before.now)).toBeLessThan(3);

  // Live: a minute later the words count on and the bar has grown with the now line.
  await page.clock.fastForward('01:05');
  await expect(row).toContainText(/\(13 min/);
  await expect.poll(async () => (await geometry()).width).toBeGreaterThan(before.width);
  const after = await geometry();
  expect(Math.abs(after.right - after.now)).toBeLessThan(3);
  await expect(item.getByTestId('sidebar-running')).toHaveText(/\(13 min/);
});

test('All profiles names the running profile above the list and gives it its own timeline row', async ({ page }) => {
  await startRun('sales-analytics', 5 * MINUTE, 60 * MINUTE);
  const app = new AppPage(page);
  await app.open(harness.url);
  if (await page.getByRole('button', { name: 'Try the demo' }).isVisible()) await app.startDemo();
  await app.selectAllProfiles();
  await app.expectSchedulesLoaded();
  await expect(page.getByTestId('list-running')).toHaveText(/^Demo prod: Running since \d\d:\d\d UTC \(5 min/);
  await app.showTab('Timeline');
  await expect(page.getByTestId('timeline-running')).toHaveCount(1);
  await expect(page.getByTestId('timeline-running')).toHaveAttribute('data-profile', /.+/);
  await expect(page.getByTestId('timeline-running')).toContainText('Demo prod');
});
