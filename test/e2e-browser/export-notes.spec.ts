// An export over several profiles where one cannot be listed now: the file still holds the others, and
// the dialog says beside the result which profile came from its saved list and why.
import { readFile } from 'node:fs/promises';
import { expect, test, useHarness } from './fixtures';
import { AppPage } from './app-page';

const harness = useHarness();

test('a profile whose server stopped answering is exported from its saved list, and the dialog says so', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(harness.url);
  await app.startDemo();
  await app.selectAllProfiles();
  await app.showTab('List');
  await expect(page.getByRole('row').filter({ hasText: 'Demo prod' }).first()).toBeVisible();
  // From now on Demo prod's lists are cut off: the export must fall back to its saved list.
  await harness.simulator.inject({ orgId: 'sales-analytics', endpoint: 'list', action: { type: 'reset' } });
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByRole('radio', { name: /^Schedules as CSV/ }).check();
  const [csv] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
  const text = await readFile(await csv.path(), 'utf8');
  expect(text).toContain('sales-analytics');
  expect(text).toContain('Demo dev');
  await expect(dialog).toContainText(/Downloaded .*\.csv/);
  await expect(dialog.getByTestId('export-warning')).toContainText('Demo prod');
  await expect(dialog.getByTestId('export-warning')).toContainText(/saved list/);
});
