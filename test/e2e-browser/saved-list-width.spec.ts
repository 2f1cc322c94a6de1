// All profiles with one profile shown from its saved list (its status cells carry "saved …" marks, so the
// status column is wider) at the usual window sizes, with and without the details panel: nothing scrolls
// sideways (neither the page nor the list), no column is pushed out of its row, and every shown header,
// time and status cell is whole, the widest status texts included.
import { expect, test, useHarness } from './fixtures';
import { AppPage } from './app-page';
import type { Page } from '@playwright/test';

test.describe.configure({ mode: 'serial' });
const harness = useHarness();

/** The page, and every box in it that can scroll sideways, that is wider inside than it shows. */
const sidewaysScrolls = (page: Page) =>
  page.evaluate(() => {
    const out: string[] = [];
    const doc = document.scrollingElement ?? document.documentElement;
    if (doc.scrollWidth > doc.clientWidth) out.push(`the page: ${doc.scrollWidth}px in ${doc.clientWidth}px`);
    for (const e of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      const { overflowX } = getComputedStyle(e);
      if ((overflowX === 'auto' || overflowX === 'scroll') && e.scrollWidth > e.clientWidth + 1)
        out.push(`${e.tagName.toLowerCase()}.${e.className}: ${e.scrollWidth}px in ${e.clientWidth}px`);
    }
    return out;
  });

/** Rows (the header's too) whose columns are wider than the row: the last ones are cut off or scroll away. */
const overfullRows = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('.schedule-table tr'))
      .filter((tr) => tr.scrollWidth > tr.clientWidth + 1)
      .map((tr) => `${tr.parentElement?.tagName.toLowerCase()} row ${tr.getAttribute('aria-rowindex') ?? ''}: ${tr.scrollWidth}px in ${tr.clientWidth}px`),
  );

/** Shown headers, next-run / latest times and action cells drawn narrower than they are. */
const cutShort = (page: Page) =>
  page.evaluate(() =>
    Array.from(
      document.querySelectorAll<HTMLElement>(
        '.schedule-table th, .schedule-table th .sort-button, .schedule-table tbody .col-next > div, .schedule-table tbody .col-latest > div, .schedule-table tbody td.col-actions',
      ),
    )
      .filter((e) => e.offsetParent !== null && getComputedStyle(e).display !== 'none')
      .filter((e) => e.scrollWidth > e.clientWidth + 1)
      .map((e) => `${e.className}: "${e.innerText.trim()}" ${e.scrollWidth}px in ${e.clientWidth}px`),
  );

/**
 * The badges (status, health, saved mark) of the shown status cells that are clipped: each must lie inside
 * its cell's padding box, where overflow: hidden cuts. With `widest`, the first saved row's cell is tried
 * for a moment with the widest texts it can hold instead: "Active" with "Not due yet" and "Deactivated"
 * with "Unknown", each with the longest mark.
 */
const clippedStatus = (page: Page, widest: boolean) =>
  page.evaluate((widest) => {
    const clipped = (cell: HTMLElement): string[] => {
      const box = cell.getBoundingClientRect();
      const style = getComputedStyle(cell);
      const bottom = box.bottom - parseFloat(style.borderBottomWidth);
      const right = box.right - parseFloat(style.borderRightWidth);
      return Array.from(cell.querySelectorAll<HTMLElement>('.status, .health-badge, .saved-mark'))
        .filter((e) => {
          const r = e.getBoundingClientRect();
          return r.right > right + 0.5 || r.bottom > bottom + 0.5;
        })
        .map((e) => `"${e.firstChild?.textContent ?? ''}" of "${cell.innerText.split('\n').join(' / ')}"`);
    };
    if (!widest)
      return Array.from(document.querySelectorAll<HTMLElement>('.schedule-table tbody td.col-status'))
        .filter((e) => getComputedStyle(e).display !== 'none')
        .flatMap(clipped);
    const cell = document.querySelector<HTMLElement>('.schedule-table tbody tr.is-saved td.col-status');
    const texts = ['.status', '.health-badge', '.saved-mark'].map((sel) => cell?.querySelector(sel)?.firstChild);
    if (!cell || !texts.every((t): t is Text => t instanceof Text)) return ['no saved row with a status, a health badge and a saved mark'];
    const before = texts.map((t) => t.data);
    const out: string[] = [];
    for (const [status, health] of [
      ['Active', 'Not due yet'],
      ['Deactivated', 'Unknown'],
    ]) {
      [texts[0]!.data, texts[1]!.data, texts[2]!.data] = [status!, health!, 'saved 59 minutes ago'];
      out.push(...clipped(cell));
    }
    texts.forEach((t, i) => (t.data = before[i]!));
    return out;
  }, widest);

async function expectNothingCut(page: Page, what: string): Promise<void> {
  // Soft: each way a column can be lost is reported, for both states of the panel.
  expect.soft(await sidewaysScrolls(page), `${what}: sideways scrolling`).toEqual([]);
  expect.soft(await overfullRows(page), `${what}: columns pushed out of their row`).toEqual([]);
  expect.soft(await cutShort(page), `${what}: cut short`).toEqual([]);
  expect.soft(await clippedStatus(page, false), `${what}: status cells clipped`).toEqual([]);
  expect.soft(await clippedStatus(page, true), `${what}: the widest status texts clipped`).toEqual([]);
  // The row's last column (its delete button and checkbox) is inside the list, where it can be used.
  const list = (await page.locator('.table-wrap').boundingBox())!;
  const checkbox = (await page.locator('.schedule-table tbody tr.is-saved input.row-select').first().boundingBox())!;
  expect.soft(checkbox.x + checkbox.width, `${what}: the row's checkbox is inside the list`).toBeLessThanOrEqual(list.x + list.width);
}

for (const size of [
  { width: 1280, height: 800 },
  { width: 1400, height: 900 },
]) {
  test(`${size.width}x${size.height}: a saved list beside a live one scrolls nothing sideways and cuts no column, with and without the details panel`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    const app = new AppPage(page);
    await app.open(harness.url);
    await app.startDemo();
    await app.selectAllProfiles();
    if (!(await app.offlineBanner.isVisible())) {
      // Both live first: that leaves Demo prod's snapshot behind once its server stops answering.
      await app.expectProfilesListed(['Demo dev', 'Demo prod']);
      await harness.simulator.inject({ orgId: 'sales-analytics', action: { type: 'reset' } });
      await app.refresh();
    }
    await expect(app.offlineBanner).toContainText('Demo prod');
    const saved = app.scheduleRows.filter({ has: page.getByTestId('saved-mark') });
    await expect(saved.first()).toBeVisible();
    await app.expectProfilesListed(['Demo dev', 'Demo prod']);
    await expect(page.getByTestId('schedule-list')).toHaveAttribute('data-ordered', 'true');
    await expectNothingCut(page, 'no details');

    await saved
      .first()
      .getByRole('button', { name: /^Show schedule/ })
      .click();
    await expect(page.locator('.details')).toBeVisible();
    await expect(saved.first()).toHaveClass(/selected/);
    await expectNothingCut(page, 'details open on a saved schedule');
    // The columns that say what and when stay, each with its header whole.
    for (const column of ['Profile', 'Schedule', 'Next run', 'Status'])
      await expect(page.getByRole('columnheader', { name: new RegExp(`^${column}`, 'i') })).toBeVisible();
  });
}
