// The month at fleet density: 10 profiles x 200 schedules read as runs per environment (no "+198 more"),
// the count opens the day's list in place (keyboard reachable, Escape closes, a run selects), and a run
// in a blackout window of its profile is flagged in the month.
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { expect, test, useHarness } from './fixtures';
import { AppPage } from './app-page';

/**
 * The calendar's next month, placed. The month shown draws no run before now, so late on its last day it
 * has almost none left; every day of the next month is still to come, whatever the day and hour.
 */
async function openNextMonth(app: AppPage): Promise<void> {
  await app.showTab('Calendar');
  const view = app.page.getByTestId('calendar-view');
  await expect(view).toHaveAttribute('data-mode', 'month');
  await app.expectCalendarPlaced();
  const shown = (await view.getAttribute('data-from')) ?? '';
  await app.page.getByTestId('calendar-next').click();
  await expect(view).not.toHaveAttribute('data-from', shown);
  await app.expectCalendarPlaced();
}

/** Serious or critical axe violations inside the calendar (the page's CSP is bypassed to inject axe). */
async function seriousInCalendar(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string | null; nodes: { target: string[]; failureSummary?: string }[] }[] };
    const axe = (globalThis as unknown as { axe: { run(context: string, opts: object): Promise<Result> } }).axe;
    const { violations } = await axe.run('[data-testid="calendar-view"]', { resultTypes: ['violations'] });
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} at ${v.nodes[0]?.target.join(' ') ?? ''}: ${v.nodes[0]?.failureSummary ?? ''}`);
  });
}

test.describe('the month of ten profiles of two hundred schedules', () => {
  const harness = useHarness({ seed: '10x200' });
  test.use({ bypassCSP: true });

  test('reads as runs per environment, and the count lists the day in place', async ({ page }) => {
    // 2,000 schedules fetched from the simulator on two shared cores.
    test.slow();
    const app = new AppPage(page);
    await app.open(harness.url);
    await app.selectAllProfiles();
    await expect(page.getByRole('status').filter({ hasText: /^2000 schedules shown/ })).toBeVisible({ timeout: 20_000 });
    await openNextMonth(app);
    const month = page.getByTestId('calendar-month');
    // A dense day reads as counts, never as chips with "+N more". (Today, when among the grid's leading
    // days, keeps only its few remaining runs: a sparse cell, which may well show "+4 more".)
    await expect(month.locator('[data-testid="calendar-day"][data-dense="true"]').first()).toBeVisible();
    await expect(month.locator('[data-testid="calendar-day"][data-dense="true"]', { hasText: /\+\d+ more/ })).toHaveCount(0);
    // The month's last day is dense, with its runs per environment.
    const day = page.locator('[data-testid="calendar-day"][data-dense="true"]:not(.is-outside)').last();
    const envs = day.getByTestId('calendar-env-count');
    expect(await envs.count()).toBeGreaterThanOrEqual(2);
    for (const env of await envs.all()) await expect(env).toHaveText(/\S+ [\d,]+$/);
    expect(await month.locator('[data-testid="calendar-day"][data-dense="true"] [data-testid="calendar-run"]').count(), 'no chips in dense cells').toBe(0);

    const count = day.getByTestId('calendar-more');
    await expect(count).toHaveText(/^[\d,]+ runs$/);
    // Keyboard: focus the day, Tab reaches its count, Enter opens the list with the focus inside it.
    await day.click({ position: { x: 4, y: 4 } });
    await expect(day).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(count).toBeFocused();
    await page.keyboard.press('Enter');
    const list = page.getByRole('dialog', { name: /^Runs on / });
    await expect(list).toBeVisible();
    await expect(page.getByTestId('calendar-view')).toHaveAttribute('data-mode', 'month');
    await expect(list.locator('[data-testid="calendar-run"], [data-testid="calendar-band"]').first()).toBeFocused();
    expect(await list.locator('[data-testid="calendar-run"], [data-testid="calendar-band"]').count()).toBeGreaterThan(20);
    await expect(list).toContainText(/Show all [\d,]+/);
    expect(await seriousInCalendar(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(list).toBeHidden();
    await expect(count).toBeFocused();

    // A click opens it too; a run in it selects its schedule, and the list stays for the next pick.
    await count.click();
    const run = list.getByTestId('calendar-run').first();
    await run.click();
    await expect(run).toHaveAttribute('aria-pressed', 'true');
    await expect(list).toBeVisible();
    await page.getByRole('heading', { level: 1 }).click();
    await expect(list).toBeHidden();
  });
});

test.describe('blackout windows in the month', () => {
  const harness = useHarness();

  async function blackOutDemoDevNights(page: Page): Promise<void> {
    const answer = await page.evaluate(async () => {
      const api = (globalThis as unknown as { api: Record<string, (r: unknown) => Promise<{ ok: boolean; value?: unknown }>> }).api;
      const listed = (await api['profiles:list']!({})) as { ok: boolean; value: { id: string; name: string }[] };
      const dev = listed.value.find((p) => p.name === 'Demo dev');
      if (!dev) return { ok: false };
      return api['blackouts:set']!({
        profileId: dev.id,
        blackouts: [{ kind: 'weekly', days: [1, 2, 3, 4, 5, 6, 7], start: '03:30', end: '05:00', timeZone: 'UTC', label: 'Night shift' }],
      });
    });
    expect(answer.ok).toBe(true);
  }

  test('a run inside its profile’s blackout window is flagged, one outside is not', async ({ page }) => {
    const app = new AppPage(page);
    await app.open(harness.url);
    await app.startDemo();
    await blackOutDemoDevNights(page);
    await page.reload();
    await app.open();
    await app.selectProfile('Demo dev');
    await openNextMonth(app);
    const flagged = page.locator('[data-testid="calendar-run"].is-blackout').first();
    await expect(flagged).toBeVisible();
    await expect(flagged.getByTestId('calendar-blackout')).toHaveAttribute('title', /Night shift/);
    await expect(flagged).toHaveAttribute('title', /0 0 4 \? \* \* \*.*in a blackout window: Night shift/);
    // Runs outside 03:30-05:00 UTC carry no flag.
    const others = page.locator('[data-testid="calendar-run"]:not(.is-blackout)');
    expect(await others.count()).toBeGreaterThan(0);
    await expect(others.first().getByTestId('calendar-blackout')).toHaveCount(0);
  });
});
