// The workspace at a glance: calendar chips name their schedule and mark the run clicked, the week has
// a now line, the timeline moves in time and has one Tab stop, the list fits 1280x800 beside the
// details panel, the production dialogs keep their confirmation in view, and the page has an icon.
import { expect, test, useHarness } from './fixtures';
import { AppPage } from './app-page';
import type { Page } from '@playwright/test';

test.describe.configure({ mode: 'serial' });
const harness = useHarness();

async function openDemo(page: Page): Promise<AppPage> {
  const app = new AppPage(page);
  await app.open(harness.url);
  if (await page.getByRole('button', { name: 'Try the demo' }).isVisible()) await app.startDemo();
  await app.selectProfile('Demo prod');
  await app.expectSchedulesLoaded();
  return app;
}

test('the page serves its icon', async ({ page }) => {
  await page.goto(harness.url);
  const href = await page.locator('link[rel="icon"]').getAttribute('href');
  expect(href).toBeTruthy();
  const answer = await page.request.get(new URL(href ?? '', harness.url).toString());
  expect(answer.status()).toBe(200);
  expect(answer.headers()['content-type']).toContain('image/svg+xml');
  expect(await answer.text()).toContain('<svg');
});

test('a calendar chip names its schedule, and clicking it names that run in the panel', async ({ page }) => {
  const app = await openDemo(page);
  await app.showTab('Calendar');
  const chip = page.getByTestId('calendar-run').first();
  await expect(chip).toBeVisible();
  // Time plus a label from the expression, not only the time.
  await expect(chip.locator('.run-chip-name')).not.toHaveText('');
  const time = (await chip.locator('.run-chip-time').textContent()) ?? '';
  await chip.click();
  const run = page.getByTestId('details-run');
  await expect(run).toContainText('This run:');
  await expect(run).toContainText(time);
  // Picking the schedule elsewhere (the list) shows no stale run.
  await app.showTab('List');
  await app.scheduleRows
    .first()
    .getByRole('button', { name: /Show schedule/ })
    .click();
  await expect(page.getByTestId('details-run')).toHaveCount(0);
});

test('the week view has a now line, fills the window and explains its own keys', async ({ page }) => {
  const app = await openDemo(page);
  await app.showTab('Calendar');
  await page.getByTestId('calendar-mode-week').click();
  await page.getByTestId('calendar-today').click();
  await expect(page.getByTestId('calendar-now-line')).toHaveCount(1);
  await expect(page.getByTestId('calendar-help')).toContainText('change week');
  const scroll = await page.locator('.week-scroll').boundingBox();
  const viewport = page.viewportSize();
  // The hours reach (nearly) the window's bottom instead of stopping at a fixed height.
  expect((scroll?.y ?? 0) + (scroll?.height ?? 0)).toBeGreaterThan((viewport?.height ?? 0) - 120);
  await page.getByTestId('calendar-mode-month').click();
  await expect(page.getByTestId('calendar-help')).toContainText('change month');
});

test('the timeline lane list is one Tab stop with arrow keys inside it', async ({ page }) => {
  const app = await openDemo(page);
  await app.showTab('Timeline');
  await expect(page.getByTestId('timeline-lane').first()).toBeVisible();
  const stops = page.locator('.tl-label[tabindex="0"]');
  await expect(stops).toHaveCount(1);
  await stops.focus();
  const first = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset['index']);
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset['index'])).not.toBe(first);
  const moved = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset['index']);
  // Still one Tab stop, and it is the lane moved to.
  await expect(stops).toHaveCount(1);
  await expect(stops).toHaveAttribute('data-index', moved ?? '');
  // Tab leaves the list in one press.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.classList.contains('tl-label'))).toBe(false);
});

test('the timeline moves back and forth in time with buttons and keys', async ({ page }) => {
  // The window around now moves when its rounded start does: a clock held still keeps this test's
  // steps measured from one window, whenever it runs.
  await page.clock.setFixedTime(new Date());
  const app = await openDemo(page);
  await app.showTab('Timeline');
  const view = page.getByTestId('timeline-view');
  const from = async () => Date.parse((await view.getAttribute('data-from')) ?? '');
  const start = await from();
  await page.getByTestId('timeline-next').click();
  // Week zoom: one step is half the week.
  expect((await from()) - start).toBe(3.5 * 86_400_000);
  await page.locator('.tl-label[tabindex="0"]').focus();
  await page.keyboard.press('[');
  await page.keyboard.press('[');
  expect((await from()) - start).toBe(-3.5 * 86_400_000);
  await page.keyboard.press('PageDown');
  expect(await from()).toBe(start);
  await page.getByTestId('timeline-next').click();
  await page.getByTestId('timeline-next').click();
  await page.getByTestId('timeline-next').click();
  // Far enough ahead that now is out of view: no now line, and the way back is one button.
  await expect(page.getByTestId('timeline-now')).toHaveCount(0);
  await page.getByTestId('timeline-now-button').click();
  expect(await from()).toBe(start);
  await expect(page.getByTestId('timeline-now')).toHaveCount(1);
});

test('at 1280x800 every column of the list is readable beside the details panel', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const app = await openDemo(page);
  await app.scheduleRows
    .first()
    .getByRole('button', { name: /Show schedule/ })
    .click();
  await expect(page.getByRole('complementary', { name: 'Selected schedule' })).toBeVisible();
  for (const name of ['Schedule', 'Next run', 'Latest execution', 'Status']) {
    await expect(page.getByRole('columnheader', { name })).toBeVisible();
  }
  const cutCells = () =>
    page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('.schedule-table th, .schedule-table td, .schedule-table td > div'))
        .filter((el) => el.offsetParent !== null && getComputedStyle(el).display !== 'none')
        // The words under an expression may end in an ellipsis (the panel and the tooltip have them whole).
        .filter((el) => el.scrollWidth > el.clientWidth + 1 && !el.classList.contains('words'))
        .map((el) => `${el.className}: ${el.textContent} (${el.scrollWidth} > ${el.clientWidth}, table ${document.querySelector('.table-wrap')?.clientWidth})`),
    );
  expect(await cutCells()).toEqual([]);
  // The other profile, with its deactivated schedule shown (the longest status).
  await app.selectProfile('Demo dev');
  await page.getByRole('checkbox', { name: /Show deactivated/ }).check();
  await app.scheduleRows
    .first()
    .getByRole('button', { name: /Show schedule/ })
    .click();
  await expect(page.locator('.status-off').first()).toBeVisible();
  expect(await cutCells()).toEqual([]);
});

test('production: the delete dialog names the job, and the typed-org confirmation is in view', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const app = await openDemo(page);
  const row = app.scheduleRows.first();
  const jobId = (await row.getAttribute('data-job-id')) ?? '';
  await row.getByRole('button', { name: /^Delete schedule/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete schedule?' });
  await expect(dialog.getByTestId('delete-job-id')).toHaveText(jobId);
  await expect(dialog.getByRole('textbox')).toBeInViewport({ ratio: 1 });
  await expect(dialog.getByRole('button', { name: 'Delete from production' })).toBeInViewport({ ratio: 1 });
  await expect(dialog.getByRole('button', { name: 'Delete from production' })).toBeDisabled();
  await page.keyboard.press('Escape');
  const create = await app.openCreateDialog();
  const confirm = create.locator('.org-confirm input');
  await expect(confirm).toBeInViewport({ ratio: 1 });
  await expect(create.getByRole('button', { name: 'Create in production' })).toBeInViewport({ ratio: 1 });
  // The default preset lands near no other schedule of the org.
  await expect(create.locator('.warning', { hasText: /within an hour|Duplicate/ })).toHaveCount(0);
  // An identical schedule is a duplicate.
  const existing = (await page.getByRole('table', { name: 'Schedules' }).locator('tbody tr code').first().textContent()) ?? '';
  await create.getByLabel('Quartz expression').fill(existing);
  await expect(create.getByTestId('create-duplicate')).toBeVisible();
});
