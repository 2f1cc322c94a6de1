// One bad record never blanks the window: the view that cannot draw it says so and offers a reload,
// the rest (sidebar, header, other tabs' controls) keeps working.
import { test as base } from '@playwright/test';
import { expect, useHarness } from './fixtures';
import { AppPage } from './app-page';

// The page's own console errors are checked here by hand: React reports each error a boundary caught.
const test = base;
const harness = useHarness();

test('a record the list cannot draw fails only the list, with a reload; the window keeps working', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const app = new AppPage(page);
  await app.open(harness.url);
  await app.startDemo();
  await app.selectProfile('Demo dev');
  await app.expectSchedulesLoaded();

  // A bad record reaches the renderer: a schedule whose expression is not text.
  let corrupt = true;
  await page.route(/\/api\/schedules:list$/, async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { ok: boolean; value?: { schedules: { timeExpression: unknown; active: boolean | null }[] } };
    const first = body.value?.schedules.find((s) => s.active !== false);
    if (corrupt && first) first.timeExpression = { not: 'text' };
    await route.fulfill({ response, json: body });
  });
  await app.refresh();
  const failed = page.getByTestId('view-error');
  await expect(failed).toBeVisible();
  await expect(failed).toContainText('could not be shown');
  // The rest of the window still answers.
  await expect(app.heading).toHaveText('Demo dev');
  await expect(app.sidebar).toBeVisible();
  await app.selectProfile('Demo prod');
  await expect(app.heading).toHaveText('Demo prod');
  await app.selectProfile('Demo dev');

  // Once the data is good again, the view reloads in place.
  corrupt = false;
  // Reload only once the good list is in the app (the header's "Refreshing…" is over), not merely on the
  // wire: a reload before the app holds it draws the bad one again.
  const goodList = page.waitForResponse(/\/api\/schedules:list$/);
  await app.refresh();
  await goodList;
  await expect(page.getByRole('button', { name: 'Refresh', exact: true })).toHaveAttribute('aria-disabled', 'false');
  await failed.getByRole('button', { name: 'Reload this view' }).click();
  await expect(failed).toBeHidden();
  await app.expectSchedulesLoaded();
  expect(pageErrors).toEqual([]);
});
