// What the polish pass fixed, as a user sees it: the calendar draws only upcoming runs, the list fits
// beside the details panel, and the all-profiles list of 2,000 schedules is quick and keyboard-navigable.
import { expect, test, useHarness } from './fixtures';
import { AppPage } from './app-page';

test.describe.configure({ mode: 'serial' });

test.describe('demo profiles', () => {
  const harness = useHarness();

  test('the calendar draws no run on a day already past, in the month and the week', async ({ page }) => {
    const app = new AppPage(page);
    await app.open(harness.url);
    await app.startDemo();
    await app.selectProfile('Demo dev');
    await app.showTab('Calendar');
    await app.expectCalendarPlaced();
    const month = page.getByTestId('calendar-month');
    const todayCell = month.locator('[data-testid="calendar-day"][aria-current="date"]');
    await expect(todayCell).toHaveCount(1);
    const today = (await todayCell.getAttribute('data-date')) ?? '';
    // The demo's daily 04:00 schedule: every future day of the grid has a run on it.
    const cells = await month
      .locator('[data-testid="calendar-day"]')
      .evaluateAll((els) =>
        els.map((el) => ({ date: el.getAttribute('data-date') ?? '', runs: el.querySelectorAll('.month-runs button:not(.month-more)').length })),
      );
    const past = cells.filter((c) => c.date < today);
    const future = cells.filter((c) => c.date > today);
    expect(future.length).toBeGreaterThan(0);
    expect(
      future.every((c) => c.runs > 0),
      'every future day shows its runs',
    ).toBe(true);
    expect(
      past.filter((c) => c.runs > 0),
      'past days with runs drawn',
    ).toEqual([]);
    await page.getByTestId('calendar-mode-week').click();
    const week = page.getByTestId('calendar-week');
    await expect(week).toBeVisible();
    await app.expectCalendarPlaced();
    const weekDays = await week
      .locator('[data-testid="calendar-day"]')
      .evaluateAll((els) => els.map((el) => ({ date: el.getAttribute('data-date') ?? '', runs: el.querySelectorAll('button').length })));
    expect(
      weekDays.filter((d) => d.date < today && d.runs > 0),
      'past week days with runs drawn',
    ).toEqual([]);
    // Next week: the demo runs at night (01:30-04:00); the week opens where they are, not at 07:00.
    await page.getByTestId('calendar-next').click();
    await expect(week.getByTestId('calendar-run').first()).toBeInViewport();
  });

  for (const width of [1280, 1024]) {
    test(`the list fits beside the details panel at ${width}x800: one-line expressions, nothing clipped`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      const app = new AppPage(page);
      await app.open(harness.url);
      await app.selectProfile('Demo dev');
      await app.expectSchedulesLoaded();
      await app
        .row('0 30 1 ? * SUN *')
        .getByRole('button', { name: /Show schedule/ })
        .click();
      await expect(page.getByRole('complementary', { name: 'Selected schedule' })).toBeVisible();
      const wrap = page.getByTestId('schedule-list');
      const box = (await wrap.boundingBox())!;
      const layout = await wrap.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
      expect(layout.scrollWidth, 'the table does not overflow its box sideways').toBeLessThanOrEqual(layout.clientWidth + 1);
      for (const row of await app.scheduleRows.all()) {
        const expression = row.locator('.expression code');
        const lineHeight = await expression.evaluate((el) => parseFloat(el.ownerDocument.defaultView?.getComputedStyle(el).lineHeight ?? '') || 20);
        expect((await expression.boundingBox())!.height, 'the expression sits on one line').toBeLessThan(lineHeight * 1.5);
        const text = await row.locator('.expression').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
        expect(text.scroll, 'the expression is not cut off').toBeLessThanOrEqual(text.client + 1);
        const del = row.getByRole('button', { name: /^Delete schedule/ });
        const d = (await del.boundingBox())!;
        expect(d.x + d.width, 'Delete is inside the list').toBeLessThanOrEqual(box.x + box.width);
        expect(d.x).toBeGreaterThanOrEqual(box.x);
      }
    });
  }
});

test.describe('ten profiles of two hundred schedules', () => {
  const harness = useHarness({ seed: '10x200' });

  test('all profiles: 2,000 schedules listed quickly, a screenful drawn, arrows and End/Home reach every row', async ({ page }) => {
    const app = new AppPage(page);
    await app.open(harness.url);
    await app.selectAllProfiles();
    await expect(page.getByRole('status').filter({ hasText: /^2000 schedules shown/ })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('schedule-list')).toHaveAttribute('data-rows', '2000');
    await expect(page.getByRole('table', { name: 'Schedules' })).toHaveAttribute('aria-rowcount', '2001');
    const drawn = await app.scheduleRows.count();
    expect(drawn).toBeGreaterThan(5);
    expect(drawn, 'only the rows in view (and a few around) are in the page').toBeLessThan(80);

    const first = app.scheduleRows.first().locator('.expression');
    await first.focus();
    await page.keyboard.press('ArrowDown');
    await expect(page.locator('tr[data-index="1"] .expression')).toBeFocused();
    await page.keyboard.press('End');
    const last = page.locator('tr[data-index="1999"] .expression');
    await expect(last).toBeFocused();
    await expect(last).toBeInViewport();
    await expect(page.locator('tr[data-index="1999"]')).toHaveAttribute('aria-rowindex', '2001');
    await page.keyboard.press('Enter');
    await expect(page.locator('tr[data-index="1999"]')).toHaveClass(/selected/);
    await page.keyboard.press('Home');
    await expect(page.locator('tr[data-index="0"] .expression')).toBeFocused();
    expect(await app.scheduleRows.count()).toBeLessThan(80);
  });
});
