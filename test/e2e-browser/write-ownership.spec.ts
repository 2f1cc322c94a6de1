// Whose list is shown and who is told what a write did, as the user sees it in the harness: an org
// edit never shows the old org's jobs; a lost create is never "confirmed" with a colleague's job; an
// outcome that comes after its dialog closed stays as a notice; run now never follows a profile
// switch; a write through one profile shows in every profile of the same org; the refresh toast counts
// as the list does, and Refresh keeps the keyboard focus. Faults come from the simulator.
import { expect, test, useHarness } from './fixtures';
import { AppPage } from './app-page';
import type { Page } from '@playwright/test';

test.describe.configure({ mode: 'serial' });

const LAST_DAY = '0 0 2 L * ?';

async function openDemo(page: Page, url: string, profileName = 'Demo dev'): Promise<AppPage> {
  const app = new AppPage(page);
  await app.open(url);
  await app.startDemo();
  await app.selectProfile(profileName);
  await app.expectSchedulesLoaded();
  return app;
}

test.describe('an org edit', () => {
  const harness = useHarness();
  test.afterEach(async () => {
    await harness.simulator.clearFaults();
  });

  test('the old org’s schedules are never shown under the new org, loading or failed', async ({ page }) => {
    const app = await openDemo(page, harness.url);
    await expect(app.row(LAST_DAY)).toHaveCount(1);
    // The new org's list is slow, then refused.
    await harness.simulator.inject({
      orgId: 'finance-prod',
      endpoint: 'list',
      latencyMs: 3000,
      action: { type: 'status', status: 500, message: 'Scheduler store unavailable' },
    });
    await page.getByRole('button', { name: 'Edit profile' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Org ID', { exact: true }).fill('finance-prod');
    await dialog.getByRole('button', { name: 'Save profile' }).click();
    await expect(page.locator('.workspace-header')).toContainText('org finance-prod');
    // While the new org's list loads: none of the old org's rows, nothing to delete, no "updated".
    await expect(app.row(LAST_DAY)).toHaveCount(0);
    await expect(app.scheduleRows).toHaveCount(0);
    await expect(page.getByTestId('freshness')).not.toContainText('updated');
    // Once it failed: still none of them, and it says nothing was loaded.
    await expect(page.getByTestId('freshness')).toContainText('not loaded', { timeout: 15_000 });
    await expect(app.scheduleRows).toHaveCount(0);
    await expect(page.getByTestId('freshness')).not.toContainText('updated');
  });
});

test.describe('a lost create', () => {
  const harness = useHarness();
  test.afterEach(async () => {
    await harness.simulator.clearFaults();
  });

  test('is never confirmed with a job a colleague made since the last refresh', async ({ page }) => {
    const app = await openDemo(page, harness.url);
    const expression = '0 20 3 ? * * *';
    // A colleague creates the same expression in the same org, outside this window's store.
    const colleague = await page.evaluate(async (expr) => {
      const api = (window as unknown as { api: Record<string, (r: unknown) => Promise<{ ok: boolean; value?: unknown }>> }).api;
      const profiles = (await api['profiles:list']!({})).value as { id: string; name: string; orgId: string }[];
      const dev = profiles.find((p) => p.name === 'Demo dev')!;
      return api['schedules:create']!({ profileId: dev.id, orgId: dev.orgId, timeExpression: expr });
    }, expression);
    expect(colleague.ok).toBe(true);
    await expect(app.row(expression)).toHaveCount(0);

    const dialog = await app.openCreateDialog();
    await dialog.getByLabel('Quartz expression').fill(expression);
    await page.waitForTimeout(1500);
    // Ours never reaches the server; the lists just before it (the window's, then main's: two requests
    // each) pass, every list after it fails.
    await harness.simulator.inject({ endpoint: 'create', times: 1, when: 'before', action: { type: 'reset' } });
    await harness.simulator.inject({ orgId: 'default', endpoint: 'list', action: { type: 'reset' }, skip: 4 });
    await dialog.getByRole('button', { name: 'Create schedule' }).click();
    const message = dialog.getByTestId('action-message');
    await expect(message).toContainText('may have been created', { timeout: 20_000 });
    await harness.simulator.clearFaults();
    await dialog.getByRole('button', { name: 'Refresh and check' }).click();
    // The colleague's job is listed now, but it was there before ours was sent: not ours.
    await expect(app.row(expression)).toHaveCount(1);
    await expect(dialog).toBeVisible();
    await expect(message).toContainText('most likely not created');
    await expect(page.getByTestId('toasts')).not.toContainText('shows it was created');
  });
});

test.describe('a dialog closed while its write is in flight', () => {
  const harness = useHarness();
  test.afterEach(async () => {
    await harness.simulator.clearFaults();
  });

  test('a refused delete, after Escape, stays as a notice naming the job', async ({ page }) => {
    const app = await openDemo(page, harness.url);
    await app
      .row(LAST_DAY)
      .getByRole('button', { name: `Delete schedule ${LAST_DAY}` })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Delete schedule?' });
    await harness.simulator.inject({
      endpoint: 'delete',
      times: 1,
      latencyMs: 2500,
      action: { type: 'status', status: 500, message: 'Scheduler store unavailable' },
    });
    await dialog.getByRole('button', { name: 'Delete schedule' }).click();
    await expect(dialog.getByRole('button', { name: 'Deleting…' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    const notice = page.getByTestId('toast').filter({ hasText: 'was not deleted from Demo dev' });
    await expect(notice).toBeVisible({ timeout: 15_000 });
    await expect(notice).toContainText('Scheduler store unavailable');
    // It stays until dismissed.
    await page.waitForTimeout(7000);
    await expect(notice).toBeVisible();
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notice).toBeHidden();
    await expect(app.row(LAST_DAY)).toHaveCount(1);
  });

  test('an unknown create, its dialog replaced by Ctrl+K, says it may have been created: Refresh and check', async ({ page }) => {
    const app = new AppPage(page);
    await app.open(harness.url);
    await app.selectProfile('Demo dev');
    await app.expectSchedulesLoaded();
    const expression = '0 40 3 ? * * *';
    const dialog = await app.openCreateDialog();
    await dialog.getByLabel('Quartz expression').fill(expression);
    await page.waitForTimeout(1500);
    // Made on the server, the answer lost; the lists after it fail, so nothing can settle it.
    await harness.simulator.inject({ endpoint: 'create', times: 1, when: 'after', latencyMs: 2500, action: { type: 'reset' } });
    await harness.simulator.inject({ orgId: 'default', endpoint: 'list', action: { type: 'reset' }, skip: 4 });
    await dialog.getByRole('button', { name: 'Create schedule' }).click();
    await expect(dialog.getByRole('button', { name: 'Creating…' })).toBeVisible();
    await page.keyboard.press('Control+k');
    await expect(dialog).toBeHidden();
    await page.keyboard.press('Escape');
    const notice = page.getByTestId('toast').filter({ hasText: `“${expression}” may have been created in Demo dev` });
    await expect(notice).toBeVisible({ timeout: 20_000 });
    await expect(notice).toContainText('Refresh and check');
    await page.waitForTimeout(7000);
    await expect(notice).toBeVisible();
  });
});

test.describe('run now', () => {
  const harness = useHarness();

  test('never follows Ctrl+K to another profile', async ({ page }) => {
    const app = await openDemo(page, harness.url, 'Demo prod');
    await page.getByRole('button', { name: 'Run now', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Run maintenance now?' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('Demo prod');
    await page.keyboard.press('Control+k');
    const box = page.getByRole('combobox', { name: /Profile name, org or environment/ });
    await expect(box).toBeFocused();
    await box.fill('Demo dev');
    await box.press('Enter');
    await expect(box).toBeHidden();
    await expect(app.heading).toHaveText('Demo dev');
    await page.waitForTimeout(500);
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('button', { name: 'Run now', exact: true })).toBeVisible();
  });
});

test.describe('two profiles on the same server and org', () => {
  const harness = useHarness();

  test('a delete through one shows in the other; one already gone there says so', async ({ page }) => {
    const app = await openDemo(page, harness.url);
    await page.getByRole('button', { name: 'Edit profile' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Duplicate' }).click();
    await expect(page.getByTestId('toasts')).toContainText('Profile copied as');
    if (await page.getByRole('dialog').isVisible()) await page.keyboard.press('Escape');
    await app.selectAllProfiles();
    const rows = app.row(LAST_DAY);
    await expect(rows).toHaveCount(2);
    await rows
      .nth(0)
      .getByRole('button', { name: `Delete schedule ${LAST_DAY}` })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Delete schedule?' });
    await dialog.getByRole('button', { name: 'Delete schedule' }).click();
    await expect(dialog).toBeHidden();
    // Deleted through one: gone from both (deactivated, hidden).
    await expect(rows).toHaveCount(0);

    // A colleague deletes another job behind this window's back; deleting it here finds it gone.
    const expression = '0 30 1 ? * SUN *';
    await expect(app.row(expression)).toHaveCount(2);
    const gone = await page.evaluate(async () => {
      const api = (window as unknown as { api: Record<string, (r: unknown) => Promise<{ ok: boolean; value?: unknown }>> }).api;
      const profiles = (await api['profiles:list']!({})).value as { id: string; name: string; orgId: string }[];
      const dev = profiles.find((p) => p.name === 'Demo dev')!;
      return api['schedules:delete']!({ profileId: dev.id, orgId: dev.orgId, jobId: '9b2d7c1e-4f3a-4e8b-9c6d-2a1b0f9e8d7c' });
    });
    expect(gone.ok).toBe(true);
    await expect(app.row(expression)).toHaveCount(2);
    await app
      .row(expression)
      .nth(1)
      .getByRole('button', { name: `Delete schedule ${expression}` })
      .click();
    await dialog.getByRole('button', { name: 'Delete schedule' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('toasts')).toContainText('was already gone from');
    await expect(app.row(expression)).toHaveCount(0);
  });
});

test.describe('refresh', () => {
  const harness = useHarness();

  test('the confirmation counts as the list does, and Enter on Refresh keeps the focus', async ({ page }) => {
    await openDemo(page, harness.url);
    await expect(page.getByText(/schedules? shown/)).toHaveText('3 schedules shown');
    const refresh = page.getByRole('button', { name: /^Refresh(ing…)?$/ });
    await refresh.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('toasts')).toContainText('Demo dev refreshed: 3 active schedules, 1 deactivated.');
    await expect(refresh).toBeFocused();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BUTTON');
  });
});
