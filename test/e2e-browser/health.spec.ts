// Did maintenance run: a missed run flagged where people look, run now in production, and the
// opt-in notification of a missed run. Real core and simulator; the scheduler faults come from the
// simulator's control endpoint.
import { expect, test, useHarness } from './fixtures';
import { DEMO_TOKEN } from '@simulator/demo-data';
import { AppPage } from './app-page';

test.describe.configure({ mode: 'serial' });
const harness = useHarness();
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** How many schedule lists of the org the simulator has answered. */
async function listsOf(orgId: string): Promise<number> {
  const log = (await (await fetch(`${harness.simulator.url}/__sim/requests`)).json()) as { endpoint: string | null; orgId: string | null; outcome: unknown }[];
  return log.filter((r) => r.endpoint === 'list' && r.orgId === orgId && r.outcome === 200).length;
}

/**
 * The org ran nothing for the last two days: its daily 04:00 fire passed at least once unanswered. Done
 * before the app first lists the org: executions it saw once stay in its history.
 */
async function pauseTwoDays(orgId: string): Promise<void> {
  await harness.simulator.pauseSchedules(orgId, new Date(Date.now() - 2 * DAY_MS));
}

/** Setup only: a profile for one more simulator org, saved through the app's own channel. */
async function addProfile(app: AppPage, name: string, orgId: string): Promise<void> {
  const profile = {
    name,
    environment: { kind: 'test', label: 'test', color: '#1c7ed6' },
    apiUrl: harness.simulator.url,
    authUrl: harness.simulator.url,
    orgId,
    signIn: 'token',
    username: '',
    serverTimeZone: 'UTC',
    caCertPath: null,
    notes: '',
  };
  const saved = await app.page.evaluate(
    async (request) => (await window.api['profiles:save'](request as Parameters<(typeof window.api)['profiles:save']>[0])).ok,
    { profile, secret: DEMO_TOKEN, secretStorage: 'memory' },
  );
  expect(saved).toBe(true);
}

/**
 * The org's scheduled runs paused from a quarter of an hour back, longer than a demo run takes: none of
 * them (the daily 04:00, ...) is in progress during the test, whatever the hour. Run now still runs.
 */
async function quietSchedules(orgId: string): Promise<void> {
  await harness.simulator.pauseSchedules(orgId, new Date(Date.now() - 15 * MINUTE_MS));
}

async function openDemo(app: AppPage): Promise<void> {
  await app.open(harness.url);
  if (await app.page.getByRole('button', { name: 'Try the demo' }).isVisible()) await app.startDemo();
}

test.afterEach(async () => {
  await harness.simulator.reset();
});

/**
 * A daily job of a new org whose latest fire is about three hours old, whatever the hour the suite runs:
 * overdue beyond any grace, and inside the last 24 h. The org has run nothing for two days, so that fire
 * and the one a day before it were missed and the one before the pause ran.
 */
async function orgMissingDailyRuns(orgId: string): Promise<{ expression: string; jobId: string; fires: Date[] }> {
  const base = new Date(Date.now() - 3 * HOUR_MS);
  const expression = `0 17 ${base.getUTCHours()} ? * * *`;
  const latest = new Date(Date.UTC(base.getUTCFullYear(), base.getUTCMonth(), base.getUTCDate(), base.getUTCHours(), 17));
  const { jobs } = (await harness.simulator.post('orgs', { orgId, jobs: [{ timeExpression: expression, createdDaysAgo: 7 }] })) as {
    jobs: { jobId: string }[];
  };
  await pauseTwoDays(orgId);
  return { expression, jobId: jobs[0]!.jobId, fires: [0, 1, 2].map((days) => new Date(latest.getTime() - days * DAY_MS)) };
}

test('a missed run is flagged in the list, the sidebar, the All-profiles summary, the calendar and the timeline', async ({ page }) => {
  const app = new AppPage(page);
  const { expression, jobId, fires } = await orgMissingDailyRuns('ops-missed');
  const [latest, dayBefore, ran] = fires as [Date, Date, Date];
  const hhmm = `${String(latest.getUTCHours()).padStart(2, '0')}:17`;
  await openDemo(app);
  await addProfile(app, 'Ops missed', 'ops-missed');
  await app.selectProfile('Ops missed');
  const badge = app.row(expression).getByTestId('health-badge');
  await expect(badge).toHaveText(/^Missed/);
  await expect(badge).toHaveAttribute('title', /^Expected .+, did not run \(latest run .+\)$/);
  await expect(app.sidebar.getByRole('button', { name: /^Ops missed\b/ }).getByTestId('health-dot')).toHaveAttribute('data-verdict', 'missed');

  // Problems only: the missed job stays, the demo's schedules that are fine go.
  await app.selectProfile('Demo dev');
  await app.expectSchedulesLoaded();
  const fine = await app.scheduleRows.count();
  await page.getByRole('checkbox', { name: 'Problems only' }).check();
  await expect.poll(() => app.scheduleRows.count()).toBeLessThan(fine);
  for (const verdict of await app.scheduleRows.getByTestId('health-badge').evaluateAll((els) => els.map((e) => e.getAttribute('data-verdict')))) {
    expect(['missed', 'late', 'never-fires']).toContain(verdict);
  }
  await app.selectProfile('Ops missed');
  await expect(page.getByRole('checkbox', { name: 'Problems only' })).toBeChecked();
  await expect(app.row(expression)).toHaveCount(1);
  await page.getByRole('checkbox', { name: 'Problems only' }).uncheck();

  await app.selectAllProfiles();
  await app.refresh();
  await expect(page.getByTestId('health-summary')).toHaveText(/^last 24 h: .*\b1 (org )?missed\b/);

  // The schedule panel lists the executions it recorded beside their fires.
  await app.selectProfile('Ops missed');
  await app
    .row(expression)
    .getByRole('button', { name: `Show schedule ${expression}` })
    .click();
  const panel = page.getByRole('complementary', { name: 'Selected schedule' });
  await expect(panel.getByTestId('health-badge')).toHaveText(/^Missed/);
  await expect(panel.getByRole('region', { name: 'Recent executions' })).toBeVisible();

  // The calendar shows the past: recorded runs, and each missed fire as its own mark.
  await app.showTab('Calendar');
  const cell = (at: Date) => page.locator(`[data-testid="calendar-day"][data-date="${at.toISOString().slice(0, 10)}"]`);
  const showDay = async (at: Date) => {
    if ((await cell(at).count()) === 0) await page.getByTestId('calendar-prev').click();
    await expect(cell(at)).toHaveCount(1);
  };
  for (const missed of [latest, dayBefore]) {
    await showDay(missed);
    await expect(cell(missed).locator(`[data-testid="calendar-missed-fire"][title^="Missed: expected ${hhmm} UTC · Ops missed"]`)).toHaveCount(1);
  }
  await showDay(ran);
  await expect(cell(ran).getByTestId('calendar-missed-fire')).toHaveCount(0);
  await expect(cell(ran).getByTestId('calendar-past-run').first()).toHaveAttribute('title', new RegExp(`^Ran ${hhmm} UTC`));
  await cell(ran).getByTestId('calendar-past-run').first().click();
  await expect(page.getByRole('complementary', { name: 'Selected schedule' })).toBeVisible();

  // The timeline too: the daily lane's recorded run and its missed fires, six days back at month zoom.
  await app.showTab('Timeline');
  await page.getByTestId('timeline-zoom-month').click();
  const lane = page.locator(`[data-testid="timeline-lane"][data-key$=":${jobId}"]`);
  await expect(lane.getByTestId('timeline-missed-fire')).toHaveCount(2);
  await expect(lane.getByTestId('timeline-missed-fire').first()).toHaveAttribute('title', new RegExp(`^Missed: expected .+ ${hhmm} UTC$`));
  await expect(lane.getByTestId('timeline-past-run').first()).toHaveAttribute('title', /^Ran .+ UTC \(on time\)$/);
});

test('run now in production asks for the org ID and shows the run at once', async ({ page }) => {
  const app = new AppPage(page);
  await openDemo(app);
  await app.selectProfile('Demo prod');
  await app.expectSchedulesLoaded();
  await page.getByRole('button', { name: 'Run now', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Run maintenance now?' });
  await expect(dialog).toContainText('production');
  const confirm = dialog.getByRole('button', { name: 'Run now in production' });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(/Type the org ID/).fill('default');
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(/Type the org ID/).fill('sales-analytics');
  await confirm.click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.workspace-header').getByTestId('running-now')).toContainText(/^Running since \d\d:\d\d/);
  await expect(page.getByText(/Demo prod: Maintenance successfully started for sales-analytics/)).toBeVisible();
  // The run is the simulator's own: one run-now request, never repeated.
  const runs = (await (await fetch(`${harness.simulator.url}/__sim/running?orgId=sales-analytics`)).json()) as { triggerType?: string } | null;
  expect(runs?.triggerType).toBe('RunImmediately');
  // The audit log names the write for what it was, and the server it went to.
  await page.getByRole('button', { name: 'Audit log' }).click();
  const row = page.getByRole('dialog', { name: 'Audit log' }).getByTestId('audit-table').locator('tbody tr').first();
  await expect(row).toContainText(/Ran maintenance now.*Demo prod.*sales-analytics.*on 127\.0\.0\.1:\d+/);
  await expect(row).not.toContainText('Deleted');
});

test('run now answered 503 says the Design Center APIs are off, and nothing runs', async ({ page }) => {
  const app = new AppPage(page);
  // Nothing else runs either (before the app first lists the org), so a run shown could only be this click's.
  await quietSchedules('default');
  await openDemo(app);
  await harness.simulator.inject({ endpoint: 'run-now', action: { type: 'status', status: 503 } });
  await app.selectProfile('Demo dev');
  await app.expectSchedulesLoaded();
  await page.getByRole('button', { name: 'Run now', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Run maintenance now?' });
  await dialog.getByRole('button', { name: 'Run now', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText(/Maintenance was not started: .*Design Center APIs are not enabled/);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.locator('.workspace-header').getByTestId('running-now')).toHaveCount(0);
});

test('after opting in, a missed run brings a notification that opens its profile', async ({ page }) => {
  const app = new AppPage(page);
  await openDemo(app);
  await app.selectAllProfiles();
  const optIn = page.getByRole('checkbox', { name: 'Notifications' });
  await expect(optIn).toBeEnabled();
  await expect(optIn).not.toBeChecked();
  await pauseTwoDays('finance-prod');
  await addProfile(app, 'Finance', 'finance-prod');
  await expect(app.sidebar.getByRole('button', { name: /^Finance\b/ })).toBeVisible();
  await app.refresh();
  await expect(app.sidebar.getByRole('button', { name: /^Finance\b/ }).getByTestId('health-dot')).toHaveAttribute('data-verdict', 'missed');
  // Not opted in: nothing is shown.
  await expect(page.getByRole('region', { name: 'Notifications' })).toHaveCount(0);
  await optIn.check();
  await expect(optIn).toBeChecked();
  await app.refresh();
  const note = page.getByRole('region', { name: 'Notifications' }).getByRole('listitem').filter({ hasText: 'Finance: missed maintenance run' });
  await expect(note).toBeVisible({ timeout: 15_000 });
  await expect(note).toContainText(/Expected .+, did not run/);
  await note.getByRole('button', { name: /^Finance: missed maintenance run/ }).click();
  await expect(app.heading).toHaveText('Finance');
});

test('executions at a constant offset name the zone that explains them, and one click changes the profile to it', async ({ page }) => {
  const app = new AppPage(page);
  // The server fires in New York while the profile says UTC: every run lands 4-5 h after the fire the
  // profile expects. Its clock starts two days back so the app sees three days' runs, one list a day.
  await harness.simulator.post('time-zone', { timeZone: 'America/New_York' });
  await harness.simulator.post('advance', { ms: -2 * DAY_MS });
  await openDemo(app);
  // A name of its own: an earlier test in this file leaves a "Finance" profile with its own history.
  await addProfile(app, 'Ledger', 'finance-prod');
  await app.selectProfile('Ledger');
  await app.expectSchedulesLoaded();
  const hint = page.getByTestId('zone-hint');
  await expect(hint).toHaveCount(0); // one run proves nothing
  for (const _day of [1, 2]) {
    const listed = await listsOf('finance-prod');
    await harness.simulator.post('advance', { ms: DAY_MS });
    await app.refresh();
    await expect.poll(() => listsOf('finance-prod')).toBeGreaterThan(listed);
  }
  await expect(hint).toContainText('Server zone looks wrong, Ledger.');
  await expect(hint).toContainText('Executions match America/New_York; this profile says UTC');
  const header = page.locator('.workspace-header');
  await expect(header).toContainText('server zone UTC');
  await hint.getByRole('button', { name: "Change the profile's zone to America/New_York" }).click();
  await expect(hint).toHaveCount(0);
  await expect(header).toContainText('server zone America/New_York');
  // Judged in the right zone, the runs are on time.
  await expect(app.scheduleRows.getByTestId('health-badge').first()).toHaveAttribute('data-verdict', 'on-time');
});
