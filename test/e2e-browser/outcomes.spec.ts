// What the user is told is what happened: a revoked sign-in after a good load, a create whose answer is
// lost, and errors and confirmations where the user acted. Faults come from the simulator.
import { expect, test, useHarness } from './fixtures';
import { AppPage } from './app-page';

test.describe.configure({ mode: 'serial' });
const harness = useHarness();
test.afterEach(async () => {
  await harness.simulator.clearFaults();
});

test('a sign-in revoked after a good load: banner, writes off, and one click to enter a new password', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(harness.url);
  await app.startDemo();
  await app.selectProfile('Demo dev');
  await app.expectSchedulesLoaded();
  const rows = await app.scheduleRows.count();
  const create = page.getByRole('button', { name: 'New schedule' });
  await expect(create).toBeEnabled();

  // Every list call is now refused, as for a revoked token or a changed password.
  await harness.simulator.inject({ endpoint: 'list', action: { type: 'status', status: 401, message: 'Unauthorized: invalid or expired token' } });
  await app.refresh();
  const banner = page.getByTestId('failed-banner');
  await expect(banner).toContainText('Signed out.');
  await expect(banner).toContainText('HTTP 401');
  await expect(page.getByTestId('freshness')).toContainText('not refreshed (signed out)');
  await expect(page.getByTestId('freshness')).not.toContainText('updated');
  await expect(create).toBeDisabled();
  await expect(page.locator('#create-blocked')).toContainText('Signed out');
  await expect(app.scheduleRows).toHaveCount(rows);
  await expect(app.scheduleRows.first().getByRole('button', { name: /^Delete schedule/ })).toBeDisabled();

  await banner.getByRole('button', { name: 'Enter a new password' }).click();
  const dialog = page.getByRole('dialog', { name: 'New password' });
  await expect(dialog).toBeVisible();
  await harness.simulator.clearFaults();
  await dialog.getByLabel('Password').fill('atscale-demo');
  await dialog.getByRole('button', { name: 'Save and sign in' }).click();
  await expect(dialog).toBeHidden();
  await expect(banner).toBeHidden();
  await expect(create).toBeEnabled();
  await expect(page.getByTestId('freshness')).toContainText('updated just now');
  await expect(page.getByTestId('toasts')).toContainText('New password saved for “Demo dev”');
});

test('a create whose answer is lost is found in the list, shown as created, and not made twice', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(harness.url);
  await app.selectProfile('Demo dev');
  await app.expectSchedulesLoaded();
  const expression = '0 20 3 ? * * *';
  // The server creates the job, then the connection drops before the answer.
  await harness.simulator.inject({ endpoint: 'create', times: 1, when: 'after', action: { type: 'reset' } });
  const dialog = await app.openCreateDialog();
  await dialog.getByLabel('Quartz expression').fill(expression);
  await dialog.getByRole('button', { name: 'Create schedule' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('toasts')).toContainText('The answer was lost, but the list shows it was created as job');
  await expect(app.row(expression)).toHaveCount(1);
  await app.refresh();
  await expect(page.getByTestId('toasts')).toContainText('Demo dev refreshed');
  await expect(app.row(expression)).toHaveCount(1);
});

test('a create whose answer is lost and cannot be checked says it may have happened and offers a check, not a retry', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(harness.url);
  await app.selectProfile('Demo dev');
  await app.expectSchedulesLoaded();
  const expression = '0 40 3 ? * * *';
  const dialog = await app.openCreateDialog();
  await dialog.getByLabel('Quartz expression').fill(expression);
  // The job is created, the answer is lost, and the lists that would tell are dropped as well (the
  // lists of the jobs just before the create, the window's and then main's, active and deactivated
  // each, get through).
  await harness.simulator.inject({ endpoint: 'create', times: 1, when: 'after', action: { type: 'reset' } });
  await harness.simulator.inject({ orgId: 'default', endpoint: 'list', action: { type: 'reset' }, skip: 4 });
  await dialog.getByRole('button', { name: 'Create schedule' }).click();
  const message = dialog.getByTestId('action-message');
  await expect(message).toContainText('The schedule may have been created', { timeout: 20_000 });
  await expect(message).toBeInViewport();
  await expect(dialog.getByRole('button', { name: /^Create schedule|Try again/ })).toHaveCount(0);
  const check = dialog.getByRole('button', { name: 'Refresh and check' });
  await expect(check).toBeVisible();

  await harness.simulator.clearFaults();
  await check.click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('toasts')).toContainText('The answer was lost, but the list shows it was created as job');
  await expect(app.row(expression)).toHaveCount(1);
});

test('at 1280x800 a create error is beside the button, in view; a success is confirmed', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const app = new AppPage(page);
  await app.open(harness.url);
  await app.selectProfile('Demo dev');
  await app.expectSchedulesLoaded();
  await harness.simulator.inject({ endpoint: 'create', times: 1, action: { type: 'status', status: 500, message: 'Scheduler store unavailable' } });
  const dialog = await app.openCreateDialog();
  await dialog.getByLabel('Quartz expression').fill('0 50 3 ? * * *');
  await dialog.getByRole('button', { name: 'Create schedule' }).click();
  const alert = dialog.getByTestId('action-message');
  await expect(alert).toHaveAttribute('role', 'alert');
  await expect(alert).toContainText('The server did not create the schedule');
  await expect(alert).toBeInViewport();
  // Nothing was sent twice or hidden: the same dialog creates it once the server is back.
  await dialog.getByRole('button', { name: 'Create schedule' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('toasts').getByTestId('toast').last()).toContainText('Created “0 50 3 ? * * *” in Demo dev as job');
  await expect(app.row('0 50 3 ? * * *')).toHaveCount(1);
});

test('a delete whose answer is lost is settled from the list and confirmed, never reported as failed', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(harness.url);
  await app.selectProfile('Demo dev');
  await app.expectSchedulesLoaded();
  const expression = '0 5 4 ? * * *';
  await app.createSchedule(expression);
  await harness.simulator.inject({ endpoint: 'delete', times: 1, when: 'after', action: { type: 'reset' } });
  await app
    .row(expression)
    .getByRole('button', { name: `Delete schedule ${expression}` })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Delete schedule?' });
  await dialog.getByRole('button', { name: 'Delete schedule' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('toasts')).toContainText(/The answer was lost, but the list shows job \S+ was deleted from Demo dev/);
  await expect(page.getByTestId('toasts')).not.toContainText('not deleted');
  await expect(app.row(expression)).toHaveCount(0);
});
