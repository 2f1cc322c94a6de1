// The change workflows in the app, against the real core and the simulator: the linter before create,
// an edit in production with one confirmation, a copy from dev to prod that skips what is already
// there, pause and resume across a reload, and a plan from a document applied as shown.
import { expect, test, useHarness } from './fixtures';
import { AppPage } from './app-page';

test.describe.configure({ mode: 'serial' });
const harness = useHarness();

/**
 * The calendar's next month: the month shown draws no run before now, and a monthly schedule may have
 * none left in it (the last day's 02:00, later that day); in the next month every run is still to come.
 */
async function showNextMonth(app: AppPage): Promise<void> {
  const view = await app.expectCalendarPlaced();
  const shown = (await view.getAttribute('data-from')) ?? '';
  await app.page.getByTestId('calendar-next').click();
  await expect(view).not.toHaveAttribute('data-from', shown);
  await app.expectCalendarPlaced();
}

test('the linter refuses a schedule that never fires and offers the fix for an en dash', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(harness.url);
  await app.startDemo();
  await app.selectProfile('Demo dev');
  const dialog = await app.openCreateDialog();
  const raw = dialog.getByLabel('Quartz expression');
  const create = dialog.getByRole('button', { name: 'Create schedule' });
  await raw.fill('0 0 4 30 2 ?');
  await expect(dialog.locator('.lint-verdict[data-code="never-fires"]')).toContainText(/never/);
  await expect(create).toBeDisabled();
  // Quartz reads the en dash as "Monday" only; the linter says so and fixes it in one click.
  await raw.fill('0 0 4 ? * MON\u2013FRI');
  const lookalike = dialog.locator('.lint-verdict[data-code="lookalike-character"]');
  await expect(lookalike).toBeVisible();
  await expect(create).toBeDisabled();
  await lookalike.getByRole('button', { name: /^Use 0 0 4 \? \* MON-FRI/ }).click();
  await expect(raw).toHaveValue('0 0 4 ? * MON-FRI');
  await expect(dialog.locator('.lint-verdict[data-code="lookalike-character"]')).toHaveCount(0);
  await expect(create).toBeEnabled();
  // Every second: refused until the override is ticked; the same schedule again is a duplicate.
  await raw.fill('* * * ? * *');
  await expect(create).toBeDisabled();
  await dialog.getByLabel('Allow runs this frequent').check();
  await expect(create).toBeEnabled();
  await raw.fill('0 0 4 * * ?');
  await expect(dialog.locator('.lint-verdict[data-code="duplicate"]')).toContainText('0 0 4 ? * * *');
  await expect(dialog.getByText('within an hour of another schedule')).toHaveCount(0);
  await expect(create).toBeDisabled();
  await page.keyboard.press('Escape');
});

test('editing a production schedule asks for the org once and replaces it', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(harness.url);
  await app.selectProfile('Demo prod');
  await app.expectSchedulesLoaded();
  const before = '0 15 22 ? * MON-FRI';
  const after = '0 30 22 ? * MON-FRI';
  const dialog = await app.startEdit(before, after);
  const change = dialog.getByRole('button', { name: 'Change in production' });
  await expect(change).toBeDisabled();
  await dialog.getByLabel(/Type the org ID/).fill('sales-analytics');
  await change.click();
  await expect(dialog).toBeHidden();
  await expect(app.row(after)).toBeVisible();
  await expect(app.row(before)).toHaveCount(0);
  await expect(app.details.locator('.details-expression')).toHaveText(after);
});

test('copying from dev to prod skips the schedule prod already has and creates the other', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(harness.url);
  await app.selectProfile('Demo dev');
  await app.expectSchedulesLoaded();
  await page.getByLabel('Pick schedule 0 0 4 ? * * *').check();
  await page.getByLabel('Pick schedule 0 30 1 ? * SUN *').check();
  await page.getByRole('group', { name: 'Picked schedules' }).getByRole('button', { name: 'Copy to…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Copy schedules to profiles' });
  await dialog.getByRole('checkbox', { name: /Demo prod/ }).check();
  await dialog.getByRole('button', { name: 'Preview' }).click();
  const target = dialog.getByRole('region', { name: 'Copy to Demo prod' });
  await expect(target.locator('.diff-line[data-kind="create"]')).toContainText('0 30 1 ? * SUN *');
  await expect(target.locator('.diff-line[data-kind="unchanged"]')).toContainText(/0 0 4 \? \* \* \*.*already there/);
  const copy = dialog.getByRole('button', { name: /^Copy to 1 profile/ });
  await expect(copy).toBeDisabled();
  await target.getByLabel(/Type the org ID/).fill('sales-analytics');
  await copy.click();
  await expect(target.getByTestId('copy-result')).toContainText(/Done.*1 already there \(same schedule\), skipped/);
  await dialog.getByRole('button', { name: 'Close' }).first().click();
  await app.selectProfile('Demo prod');
  await expect(app.row('0 30 1 ? * SUN *')).toBeVisible();
  await expect(app.row('0 0 4 ? * * *')).toHaveCount(1);
});

test('a paused schedule stays listed as Paused across a reload and resumes', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(harness.url);
  await app.selectProfile('Demo dev');
  await app.expectSchedulesLoaded();
  const expression = '0 0 2 L * ?';
  const dialog = await app.openScheduleAction(expression, 'Pause…', 'Pause schedule?');
  await expect(dialog.getByTestId('pause-explanation')).toContainText('deletes the job on the server');
  await expect(dialog.getByTestId('pause-explanation')).toContainText('event-triggered maintenance of the org still runs');
  await dialog.getByRole('button', { name: 'Pause schedule' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.row(expression)).toContainText('Paused');
  // Not on the server, so no health verdict ("Unknown") beside it.
  await expect(app.row(expression).getByTestId('health-badge')).toHaveCount(0);
  // Still drawn in the calendar and the timeline, as ghosts.
  await app.showTab('Calendar');
  await showNextMonth(app);
  await expect(page.locator('[data-testid="calendar-run"][data-key*=":paused:"]').first()).toHaveClass(/is-paused/);
  await app.showTab('Timeline');
  const lane = page.locator('[data-testid="timeline-lane"][data-key*=":paused:"]');
  await expect(lane).toHaveClass(/is-paused/);
  await expect(lane.locator('.tl-badge')).toHaveText('paused');
  await app.showTab('List');
  await page.reload();
  await app.open();
  await app.selectProfile('Demo dev');
  await expect(app.row(expression)).toContainText('Paused');
  await app
    .row(expression)
    .getByRole('button', { name: `Resume schedule ${expression}` })
    .click();
  const resume = page.getByRole('dialog', { name: 'Resume schedule?' });
  await resume.getByRole('button', { name: 'Resume schedule' }).click();
  await expect(resume).toBeHidden();
  await expect(app.row(expression)).toContainText('Active');
  await expect(app.row(expression)).toHaveCount(1);
});

test('a plan from a document is shown as a diff and applied exactly', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(harness.url);
  await app.selectProfile('Demo dev');
  await app.expectSchedulesLoaded();
  await page.getByRole('button', { name: 'Export / plan…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Schedules as code' });
  await dialog.getByRole('button', { name: 'Export schedules' }).click();
  await expect(dialog.getByLabel('Exported document')).toHaveValue(/"format": "atscale-maintenance-schedules"[\s\S]*0 30 1 \? \* SUN \*/);
  const document = {
    format: 'atscale-maintenance-schedules',
    version: 1,
    schedules: [{ expression: '0 0 4 * * ?' }, { expression: '0 0 5 ? * *', label: 'five' }],
  };
  await dialog.getByLabel('Schedules document (JSON)').fill(JSON.stringify(document));
  await dialog.getByRole('button', { name: 'Plan', exact: true }).click();
  const diff = dialog.getByRole('list', { name: 'Changes' });
  await expect(diff.locator('.diff-line[data-kind="create"]')).toContainText(/0 0 5 \? \* \*.*five/);
  await expect(diff.locator('.diff-line[data-kind="unchanged"]')).toContainText('already there as “0 0 4 ? * * *”');
  await expect(diff.locator('.diff-line[data-kind="delete"]')).toHaveCount(2);
  await expect(dialog.getByTestId('plan-summary')).toHaveText('1 to create, 2 to delete, 1 unchanged');
  await dialog.getByRole('button', { name: 'Apply plan' }).click();
  await expect(dialog.getByRole('list', { name: 'What was sent' }).locator('li[data-outcome="ok"]')).toHaveCount(3);
  await dialog.getByRole('button', { name: 'Close' }).first().click();
  await expect(app.row('0 0 5 ? * *')).toBeVisible();
  await expect(app.row('0 30 1 ? * SUN *')).toHaveCount(0);
  await expect(app.scheduleRows).toHaveCount(2);
});

test('an edit whose delete fails says both schedules run and retries the delete in one click', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(harness.url);
  await app.selectProfile('Demo dev');
  await app.expectSchedulesLoaded();
  const before = '0 0 5 ? * *';
  const after = '0 0 6 ? * *';
  await harness.simulator.inject({ orgId: 'default', endpoint: 'delete', times: 1, action: { type: 'status', status: 500, message: 'engine busy' } });
  const dialog = await app.startEdit(before, after);
  await dialog.getByRole('button', { name: 'Change schedule' }).click();
  await expect(dialog.getByTestId('action-message')).toContainText('both run');
  await expect(app.row(before)).toBeVisible();
  await expect(app.row(after)).toBeVisible();
  await dialog.getByRole('button', { name: 'Retry the delete of the old schedule' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.row(before)).toHaveCount(0);
  await expect(app.row(after)).toBeVisible();
});

test('a bulk delete lists every schedule and the runs that will not happen, with one production confirmation', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(harness.url);
  await app.selectProfile('Demo prod');
  await app.expectSchedulesLoaded();
  const picked = ['0 45 23 ? * SAT', '0 30 1 ? * SUN *'];
  for (const e of picked) await page.getByLabel(`Pick schedule ${e}`).check();
  await page.getByRole('group', { name: 'Picked schedules' }).getByRole('button', { name: 'Delete 2…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete 2 schedules?' });
  await expect(dialog.getByTestId('bulk-item')).toHaveCount(2);
  for (const e of picked) await expect(dialog.getByTestId('bulk-item').filter({ hasText: e })).toContainText('1 run will not happen in the next 7 days');
  await expect(dialog).toContainText('2 runs in the next 7 days will not happen.');
  const confirm = dialog.getByRole('button', { name: 'Delete 2, production included' });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(/Type the org ID/).fill('sales-analytics');
  await confirm.click();
  await expect(dialog).toBeHidden();
  for (const e of picked) await expect(app.row(e)).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'Picked schedules' })).not.toContainText('picked');
});

test('a deactivated schedule is reactivated as a new active job; the old record stays deactivated', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(harness.url);
  await app.selectProfile('Demo dev');
  await app.expectSchedulesLoaded();
  const expression = '0 0 0/6 ? * *';
  const rows = app.row(expression);
  await expect(rows).toHaveCount(0); // deactivated schedules are hidden until asked for
  await page.getByLabel(/^Show deactivated/).check();
  await expect(rows).toHaveCount(1);
  await expect(rows.locator('.status-off')).toHaveText('Deactivated');
  const dialog = await app.openScheduleAction(expression, 'Reactivate…', 'Reactivate schedule?');
  await dialog.getByRole('button', { name: 'Reactivate schedule' }).click();
  await expect(dialog).toBeHidden();
  await expect(rows).toHaveCount(2);
  await expect(rows.locator('.status-on')).toHaveCount(1);
  await expect(rows.locator('.status-off')).toHaveCount(1);
  await page.getByLabel(/^Show deactivated/).uncheck();
  await expect(rows).toHaveCount(1);
  await expect(rows.locator('.status-on')).toHaveText('Active');
});
