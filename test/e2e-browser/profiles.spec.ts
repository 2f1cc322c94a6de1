// The profile editor: a real profile (URLs defaulted from a host, write-only secret), test connection,
// and export without secrets.
import { expect, test, useHarness } from './fixtures';
import { DEMO_TOKEN } from '@simulator/demo-data';
import { AppPage } from './app-page';

test.describe.configure({ mode: 'serial' });
const harness = useHarness();

test('adding a profile: URLs from the host, a write-only token, and a working connection test', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(harness.url);
  await page.getByRole('button', { name: 'Add a profile' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a profile' });
  // Saving an empty form names the fields at fault instead of sending it.
  await dialog.getByRole('button', { name: 'Save profile' }).click();
  await expect(dialog.locator('.field-error').first()).toContainText('Name');
  await dialog.getByLabel('Name', { exact: true }).fill('Finance test');
  await dialog.getByLabel('Environment', { exact: true }).selectOption('test');
  await dialog.getByLabel('Host', { exact: true }).fill('atscale.example.com');
  await expect(dialog.getByLabel('API URL', { exact: true })).toHaveValue('https://atscale.example.com:10502');
  await expect(dialog.getByLabel('Design Center URL', { exact: true })).toHaveValue('https://atscale.example.com:10500');
  await dialog.getByLabel('API URL', { exact: true }).fill(harness.simulator.url);
  await dialog.getByLabel('Design Center URL', { exact: true }).fill(harness.simulator.url);
  await dialog.getByLabel('Org ID', { exact: true }).fill('default');
  await dialog.getByLabel('API token (container deployments)').check();
  await dialog.getByLabel('API token', { exact: true }).fill(DEMO_TOKEN);
  await dialog.getByRole('button', { name: 'Save profile' }).click();
  await expect(dialog.getByLabel('API token', { exact: true })).toHaveValue('');
  await expect(dialog).toContainText('An API token is stored');
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(dialog.locator('.connection-test')).toContainText(/Connected: \d+ schedules? listed/);
  await dialog.getByRole('button', { name: 'Close' }).first().click();
  await expect(app.sidebar.locator('.group-title')).toContainText([/test/i]);
  await expect(app.heading).toHaveText('Finance test');
  await app.expectSchedulesLoaded();
  // The secret never reaches the page.
  expect(await page.content()).not.toContain(DEMO_TOKEN);
});

test('export leaves secrets out', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(harness.url);
  await page.getByRole('button', { name: 'Import / export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import and export profiles' });
  await dialog.getByRole('button', { name: /^Export 1 profile$/ }).click();
  const json = await dialog.getByLabel('Exported JSON', { exact: true }).inputValue();
  expect(json).toContain('Finance test');
  expect(json).not.toContain(DEMO_TOKEN);
  // Importing it back brings the profile in again (as a new one or skipped as a duplicate, with the reason).
  await dialog.getByLabel('JSON to import', { exact: true }).fill(json);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText(/Imported \d+ profile/);
});
