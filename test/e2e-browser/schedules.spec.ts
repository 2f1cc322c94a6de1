// Creating (seen in list, calendar and timeline), a rejected expression, and deleting with confirmation.
import { expect, test, useHarness } from './fixtures';
import { AppPage } from './app-page';

test.describe.configure({ mode: 'serial' });
const harness = useHarness();

// Daily, so today's cell of whatever month the test runs in has a run.
const NEW_EXPRESSION = '0 45 2 ? * * *';

test('a rejected expression names the field and cannot be submitted', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(harness.url);
  await app.startDemo();
  await app.expectSchedulesLoaded();
  const dialog = await app.openCreateDialog();
  const raw = dialog.getByLabel('Quartz expression');
  await raw.fill('0 0 4 ? * 9 *');
  await expect(dialog.locator('.field-error')).toHaveText(/^Day[- ]of[- ]week: .*9/i);
  await expect(dialog.getByRole('textbox', { name: 'Day of week' })).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByRole('button', { name: 'Create schedule' })).toBeDisabled();
  // Both day fields restricted: Quartz refuses it, and so does the dialog.
  await raw.fill('0 0 4 15 * MON *');
  await expect(dialog.locator('.field-error')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Create schedule' })).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('presets, the builder and the raw box stay in sync, with words, runs and warnings', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(harness.url);
  await app.selectProfile('Demo dev');
  const dialog = await app.openCreateDialog();
  // The default preset skips 04:00, where the demo already runs a daily schedule: it opens at 03:00.
  await expect(dialog.getByLabel('Quartz expression')).toHaveValue('0 0 3 ? * * *');
  await dialog.getByRole('combobox', { name: 'Preset' }).selectOption('monthly-nth');
  await dialog.getByRole('combobox', { name: 'Which' }).selectOption({ label: 'third' });
  await dialog.getByRole('combobox', { name: 'Weekday' }).selectOption({ label: 'Friday' });
  await expect(dialog.getByLabel('Quartz expression')).toHaveValue('0 0 3 ? * 6#3 *');
  await expect(dialog.getByRole('textbox', { name: 'Day of week' })).toHaveValue('6#3');
  await expect(dialog.locator('.expression-words')).toContainText(/third Friday/i);
  await expect(dialog.locator('.run-preview tbody tr')).toHaveCount(10);
  // Editing one builder field rewrites the raw box.
  await dialog.getByRole('textbox', { name: 'Hours' }).fill('5');
  await expect(dialog.getByLabel('Quartz expression')).toHaveValue('0 0 5 ? * 6#3 *');
  // The preset no longer describes the expression, so it says so instead of showing stale blanks.
  await expect(dialog.getByRole('combobox', { name: 'Preset' })).toHaveValue('custom');
  await expect(dialog.getByRole('combobox', { name: 'Which' })).toHaveCount(0);
  // Emptying a builder field names it, rather than shifting the others.
  await dialog.getByRole('textbox', { name: 'Hours' }).fill('');
  await expect(dialog.locator('.field-error')).toHaveText(/^Hours is empty/);
  await expect(dialog.getByRole('textbox', { name: 'Day of week' })).toHaveValue('6#3');
  await dialog.getByRole('textbox', { name: 'Hours' }).fill('5');
  // 04:30 daily lands within an hour of the demo's 04:00 default; every minute is refused as too frequent.
  await dialog.getByLabel('Quartz expression').fill('0 30 4 ? * * *');
  await expect(dialog.locator('.warning')).toContainText('within an hour of another schedule');
  await dialog.getByLabel('Quartz expression').fill('0 * * ? * * *');
  await expect(dialog.locator('.lint-verdict[data-code="too-frequent"]')).toContainText('1 minute apart');
  // Picking a preset again replaces the hand-edited expression.
  await dialog.getByRole('combobox', { name: 'Preset' }).selectOption('daily');
  await expect(dialog.getByLabel('Quartz expression')).toHaveValue('0 0 3 ? * * *');
  await page.keyboard.press('Escape');
});

test('creating a schedule shows it in the list, the calendar and the timeline', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(harness.url);
  await app.selectProfile('Demo dev');
  await app.expectSchedulesLoaded();
  await app.createSchedule(NEW_EXPRESSION);
  await expect(app.row(NEW_EXPRESSION)).toContainText('At 02:45');
  const key = await app.row(NEW_EXPRESSION).getAttribute('data-job-id');
  expect(key).toBeTruthy();
  await app.showTab('Calendar');
  await expect(page.locator(`[data-testid="calendar-run"][data-key$=":${key}"]`).first()).toBeVisible();
  await app.showTab('Timeline');
  await expect(page.locator(`[data-testid="timeline-lane"][data-key$=":${key}"]`)).toBeVisible();
});

test('deleting a production schedule asks for the org ID and removes it', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(harness.url);
  await app.selectProfile('Demo prod');
  await app.expectSchedulesLoaded();
  const expression = '0 15 22 ? * MON-FRI';
  await app
    .row(expression)
    .getByRole('button', { name: `Delete schedule ${expression}` })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Delete schedule?' });
  await expect(dialog).toContainText('At 22:15, Monday through Friday');
  await expect(dialog.getByRole('table', { name: 'These runs will no longer happen' }).locator('tbody tr')).toHaveCount(5);
  const confirm = dialog.getByRole('button', { name: 'Delete from production' });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(/Type the org ID/).fill('default');
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(/Type the org ID/).fill('sales-analytics');
  await confirm.click();
  await expect(dialog).toBeHidden();
  await expect(app.row(expression)).toHaveCount(0);
  // The server deactivated it: it is listed again behind the toggle.
  await page.getByLabel(/Show deactivated/).check();
  await expect(app.row(expression)).toContainText('Deactivated');
});

test('the audit log lists the create and the production delete, newest first, with their orgs', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(harness.url);
  await page.getByRole('button', { name: 'Audit log' }).click();
  const rows = page.getByRole('dialog', { name: 'Audit log' }).getByTestId('audit-table').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText(/Deleted.*Demo prod.*sales-analytics.*0 15 22 \? \* MON-FRI.*Done/);
  await expect(rows.nth(1)).toContainText(/Created.*Demo dev.*default.*Done/);
  await expect(rows.nth(1)).toContainText(NEW_EXPRESSION);
});
