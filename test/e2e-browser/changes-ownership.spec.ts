// A change dialog closed while its request is in flight, as the user sees it in the harness: a refused
// change after Escape stays as a notice (what, where, what to do) until dismissed; a change that
// succeeds after Ctrl+K never closes the profile switcher opened meanwhile. Faults and delays come from
// the simulator.
import { expect, test, useHarness } from './fixtures';
import { AppPage } from './app-page';

test.describe.configure({ mode: 'serial' });

test.describe('an edit closed with Escape while it is sent', () => {
  const harness = useHarness();
  test.afterEach(async () => {
    await harness.simulator.clearFaults();
  });

  test('a refused create stays as a notice naming the job, the profile and its org', async ({ page }) => {
    const app = new AppPage(page);
    await app.open(harness.url);
    await app.startDemo();
    await app.selectProfile('Demo dev');
    await app.expectSchedulesLoaded();
    const before = '0 30 1 ? * SUN *';
    const after = '0 30 2 ? * SUN *';
    const dialog = await app.startEdit(before, after);
    await harness.simulator.inject({
      orgId: 'default',
      endpoint: 'create',
      times: 1,
      latencyMs: 2500,
      action: { type: 'status', status: 500, message: 'Scheduler store unavailable' },
    });
    await dialog.getByRole('button', { name: 'Change schedule' }).click();
    await expect(dialog.getByRole('button', { name: 'Changing…' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    const notice = page.getByTestId('toast').filter({ hasText: 'in Demo dev (org default) to “0 30 2 ? * SUN *”' });
    await expect(notice).toBeVisible({ timeout: 15_000 });
    await expect(notice).toContainText('could not be created');
    await expect(notice).toContainText('Scheduler store unavailable');
    // It stays until dismissed.
    await page.waitForTimeout(7000);
    await expect(notice).toBeVisible();
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notice).toBeHidden();
    await expect(app.row(before)).toHaveCount(1);
    await expect(app.row(after)).toHaveCount(0);
  });
});

test.describe('a pause whose dialog Ctrl+K replaced while it is sent', () => {
  const harness = useHarness();
  test.afterEach(async () => {
    await harness.simulator.clearFaults();
  });

  test('its late success leaves the profile switcher open', async ({ page }) => {
    const app = new AppPage(page);
    await app.open(harness.url);
    await app.startDemo();
    await app.selectProfile('Demo dev');
    await app.expectSchedulesLoaded();
    const expression = '0 0 2 L * ?';
    const dialog = await app.openScheduleAction(expression, 'Pause…', 'Pause schedule?');
    await harness.simulator.inject({ orgId: 'default', endpoint: 'delete', times: 1, latencyMs: 2500 });
    await dialog.getByRole('button', { name: 'Pause schedule' }).click();
    await expect(dialog.getByRole('button', { name: 'Pausing…' })).toBeVisible();
    await page.keyboard.press('Control+k');
    await expect(dialog).toBeHidden();
    const box = page.getByRole('combobox', { name: /Profile name, org or environment/ });
    await expect(box).toBeVisible();
    await expect(page.getByTestId('toasts')).toContainText(`Paused "${expression}"`, { timeout: 15_000 });
    await page.waitForTimeout(500);
    await expect(box).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(box).toBeHidden();
    await expect(app.row(expression)).toContainText('Paused');
  });
});
