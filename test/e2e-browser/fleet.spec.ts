// Planning across orgs on one server: the load view shows the demo's 04:00 UTC pile-up of three orgs, the
// create dialog suggests a quiet slot and warns on a collision with other orgs, blackout windows are flagged,
// and the exports download and parse.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import ICAL from 'ical.js';
import type { Page } from '@playwright/test';
import { DEMO_TOKEN } from '@simulator/demo-data';
import { CELL_H, CELL_W, cellOrigin } from '@renderer/load/heatmap-geometry';
import { expect, test, useHarness } from './fixtures';
import { AppPage } from './app-page';

test.describe.configure({ mode: 'serial' });

/** The middle of a drawn heatmap cell, from the top-left of its rows. */
function cellMiddle(day: number, hour: number): { x: number; y: number } {
  const o = cellOrigin(day, hour);
  return { x: o.x + CELL_W / 2, y: o.y + CELL_H / 2 };
}
const harness = useHarness();

/** A third org on the demo server, saved through the app's own API (as the profile editor would). */
async function addFinanceProfile(page: Page, simulatorUrl: string): Promise<void> {
  const answer = await page.evaluate(
    async ({ url, token }) => {
      const api = (globalThis as unknown as { api: Record<string, (r: unknown) => Promise<{ ok: boolean }>> }).api;
      return api['profiles:save']!({
        profile: {
          name: 'Finance prod',
          environment: { kind: 'production', label: 'production', color: '#d9480f' },
          apiUrl: url,
          authUrl: url,
          orgId: 'finance-prod',
          signIn: 'token',
          username: '',
          serverTimeZone: 'UTC',
          caCertPath: null,
          notes: '',
        },
        secret: token,
        secretStorage: 'memory',
      });
    },
    { url: simulatorUrl, token: DEMO_TOKEN },
  );
  expect(answer.ok).toBe(true);
}

async function openLoad(app: AppPage): Promise<void> {
  await app.page.getByRole('tab', { name: 'Load' }).click();
  await expect(app.page.getByTestId('load-view')).toBeVisible();
  await app.page.getByRole('radio', { name: 'UTC' }).check();
  await expect(app.page.getByTestId('load-view')).toContainText('times in UTC');
}

test('the load view shows the 04:00 UTC pile-up of three orgs on one server, with its runs and conflicts', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(harness.url);
  await app.startDemo();
  await addFinanceProfile(page, harness.simulator.url);
  await page.reload();
  await app.open();
  await app.selectAllProfiles();
  await openLoad(app);
  const server = page.getByTestId('load-server');
  await expect(server).toHaveCount(1);
  await expect(server).toContainText('3 orgs');
  const pile = server.getByRole('gridcell', { name: /, 04:00 to 05:00: 3 runs in progress/ }).first();
  await expect(pile).toBeVisible();
  await pile.click();
  const details = page.getByTestId('load-cell-details');
  for (const name of ['Demo dev', 'Demo prod', 'Finance prod']) await expect(details).toContainText(name);
  await expect(details).toContainText('0 0 4 ? * * *');
  // Keyboard: the clicked cell holds the focus; the arrow moves it an hour on, and down a day.
  await pile.press('ArrowRight');
  const focused = page.locator('[role=gridcell]:focus');
  await expect(focused).toHaveAttribute('aria-label', /05:00 to 06:00/);
  const today = ((await focused.getAttribute('aria-label')) ?? '').split(',')[0]!;
  await page.keyboard.press('ArrowDown');
  await expect(focused).toHaveAttribute('aria-label', /05:00 to 06:00/);
  await expect(focused).not.toHaveAttribute('aria-label', new RegExp(`^${today},`));
  await expect(server.getByRole('grid').locator('..').locator('[aria-live=polite]')).toContainText(/05:00 to 06:00: \d+ runs? in progress/);
  // The pointer on the drawn cells: the third day's 04:00 cell, found by its place on the canvas.
  const body = (await server.locator('.hm-body').boundingBox())!;
  const third = cellMiddle(2, 4);
  await page.mouse.click(body.x + third.x, body.y + third.y);
  await expect(focused).toHaveAttribute('aria-label', /, 04:00 to 05:00: 3 runs in progress/);
  await expect(focused).not.toHaveAttribute('aria-label', new RegExp(`^${today},`));
  for (const name of ['Demo dev', 'Demo prod', 'Finance prod']) await expect(details).toContainText(name);
  // The same load as a table, for screen readers' table reading.
  await server.getByRole('button', { name: 'Show as a table' }).click();
  const table = server.getByRole('table', { name: /Runs in progress per hour/ });
  await expect(table.getByRole('row').nth(1).getByRole('cell').nth(4)).toHaveText('3');
  await expect(page.getByTestId('conflicts')).toContainText(/\d+ overlapping pairs? of runs/);
  await expect(page.getByTestId('conflicts')).toContainText('Finance prod (org finance-prod)');
});

test('the create dialog suggests a slot that avoids the pile-up and warns when the pile-up is chosen', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(harness.url);
  await app.selectProfile('Demo dev');
  const dialog = await app.openCreateDialog();
  const suggestions = dialog.getByTestId('suggest-time').locator('.slot-list li');
  await expect(suggestions.first()).toBeVisible();
  await expect(suggestions.first()).toContainText('no overlap');
  // The suggestions are judged again as the server's other orgs and the fleet settings arrive: wait
  // until the first one holds still before using it.
  let first = '';
  await expect
    .poll(
      async () => {
        const before = (await suggestions.first().locator('code').textContent()) ?? '';
        await page.waitForTimeout(400);
        first = (await suggestions.first().locator('code').textContent()) ?? '';
        return before === first && first !== '';
      },
      { timeout: 10_000 },
    )
    .toBe(true);
  expect(first).not.toMatch(/^0 \d+ 4 /);
  await suggestions.first().getByRole('button', { name: /^Use / }).click();
  await expect(dialog.getByLabel('Quartz expression')).toHaveValue(first);
  await expect(dialog.getByTestId('collision-warning')).toHaveCount(0);
  // 04:05 daily overlaps the 04:00 runs of the other orgs on the server, not only this org's.
  await dialog.getByLabel('Quartz expression').fill('0 5 4 ? * * *');
  const warning = dialog.getByTestId('collision-warning');
  await expect(warning).toContainText(/in 3 orgs on this server/);
  await expect(warning).toContainText('Demo prod (org sales-analytics)');
  await expect(warning).toContainText('Finance prod (org finance-prod)');
  await page.keyboard.press('Escape');
});

test('a blackout window is flagged in the load view, the list and the create dialog', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(harness.url);
  await app.selectProfile('Demo dev');
  await openLoad(app);
  await page.getByRole('button', { name: 'Blackout windows…' }).click();
  const editor = page.getByRole('dialog', { name: 'Blackout windows and run length' });
  for (const day of ['Sat', 'Sun']) await editor.getByRole('checkbox', { name: day }).check();
  await editor.getByLabel('From').fill('03:30');
  await editor.getByLabel('To').fill('05:00');
  await editor.getByLabel('Zone').fill('UTC');
  await editor.getByLabel('Label').fill('Night shift');
  await editor.getByRole('button', { name: 'Add window' }).click();
  await expect(editor).toContainText('Night shift: Mon, Tue, Wed, Thu, Fri, Sat, Sun 03:30–05:00 UTC');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();
  await expect(page.getByTestId('load-blackout-runs')).toContainText('Demo dev');
  await app.showTab('List');
  await expect(app.row('0 0 4 ? * * *').getByText('In blackout')).toBeVisible();
  const dialog = await app.openCreateDialog();
  await dialog.getByLabel('Quartz expression').fill('0 0 4 ? * * *');
  await expect(dialog.getByTestId('collision-warning')).toContainText('blackout window of this profile (Night shift');
  // No suggestion lands in the window.
  for (const code of await dialog.getByTestId('suggest-time').locator('.slot-list code').allTextContents())
    expect(code).not.toMatch(/^0 (3[0-9]|[4-5][0-9]) 3 |^0 \d+ 4 /);
  await page.keyboard.press('Escape');
});

test('exports download as an iCalendar file and a CSV that parse', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(harness.url);
  await app.selectAllProfiles();
  await app.showTab('List');
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByLabel('Days').fill('7');
  const [ics] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
  expect(ics.suggestedFilename()).toMatch(/\.ics$/);
  const root = new ICAL.Component(ICAL.parse(await readFile(await ics.path(), 'utf8')));
  const events = root.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  // Three orgs run daily at 04:00 UTC: at least 3 x 6 events in 7 days (the first day may be past 04:00).
  expect(events.length).toBeGreaterThanOrEqual(18);
  expect(events.some((e) => e.summary.includes('Finance prod') && e.description.includes('0 0 4 ? * * *'))).toBe(true);
  expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
  await expect(dialog).toContainText(/Downloaded .*\.ics \(\d+ events\)/);

  await dialog.getByRole('radio', { name: /^Schedules as CSV/ }).check();
  const [csv] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
  const lines = (await readFile(await csv.path(), 'utf8')).trimEnd().split('\r\n');
  expect(lines[0]).toContain('Health');
  expect(lines.some((l) => l.includes('finance-prod') && l.includes('0 0 4 ? * * *'))).toBe(true);
});

test('the heatmap is drawn in the colours of the scheme in use, and redrawn when the scheme changes', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(harness.url);
  await app.selectProfile('Demo dev');
  await openLoad(app);
  // An idle hour of the focused day: its drawn colour against the stylesheet's idle colour.
  const idle = page.getByRole('gridcell', { name: /: 0 runs in progress/ }).first();
  await expect(idle).toBeAttached();
  const drawn = () =>
    idle.evaluate((cell) => {
      const canvas = cell.closest('.hm-body')!.querySelector('canvas')!;
      const c = canvas.getBoundingClientRect(),
        r = cell.getBoundingClientRect();
      const ratio = canvas.width / c.width;
      const [red, green, blue] = canvas
        .getContext('2d')!
        .getImageData(Math.round((r.left - c.left + 3) * ratio), Math.round((r.top - c.top + 3) * ratio), 1, 1).data;
      const probe = document.createElement('span');
      probe.style.color = getComputedStyle(canvas).getPropertyValue('--hm-l0');
      canvas.parentElement!.append(probe);
      const wanted = getComputedStyle(probe).color;
      probe.remove();
      return { drawn: `rgb(${red}, ${green}, ${blue})`, wanted };
    });
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(async () => (await drawn()).drawn).toBe((await drawn()).wanted);
  const light = (await drawn()).drawn;
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(async () => (await drawn()).drawn).not.toBe(light);
  await expect.poll(async () => (await drawn()).drawn).toBe((await drawn()).wanted);
});

test('a filter narrows the list, the calendar, the timeline and the load alike, and survives a restart', async ({ page }) => {
  const app = new AppPage(page);
  await app.open(harness.url);
  await app.selectAllProfiles();
  await app.showTab('List');
  await app.expectProfilesListed(['Demo dev', 'Demo prod', 'Finance prod']);
  const everything = await app.scheduleRows.count();
  const bar = page.getByTestId('filter-bar');
  await expect(bar).toContainText('All 3 profiles shown');

  await bar.getByLabel('Filter by environment').selectOption('Development');
  await expect(bar.getByRole('list', { name: 'Active filters' })).toContainText('Environment: Development');
  await expect(bar).toContainText('1 of 3 profiles shown');
  // List: only Demo dev's schedules, fewer than before.
  await expect.poll(() => app.scheduleRows.count()).toBeLessThan(everything);
  const rows = await app.scheduleRows.count();
  expect(rows).toBeGreaterThan(0);
  await expect(app.scheduleRows.filter({ hasNotText: 'Demo dev' })).toHaveCount(0);
  const profileOf = (key: string | null) => (key ?? '').split(':')[0];

  await app.showTab('Timeline');
  const lanes = page.getByTestId('timeline-lane');
  await expect(lanes.first()).toBeVisible();
  const laneKeys = await lanes.evaluateAll((els) => els.map((e) => e.getAttribute('data-key')));
  expect(laneKeys).toHaveLength(rows);
  const devId = profileOf(laneKeys[0]!);
  expect(laneKeys.every((k) => profileOf(k) === devId)).toBe(true);

  await app.showTab('Calendar');
  await app.expectCalendarPlaced();
  const runs = page.getByTestId('calendar-view').locator('[data-testid="calendar-run"], [data-testid="calendar-band"]');
  await expect(runs.first()).toBeVisible();
  const runKeys = await runs.evaluateAll((els) => els.map((e) => e.getAttribute('data-key')));
  expect(runKeys.every((k) => profileOf(k) === devId)).toBe(true);

  await page.getByRole('tab', { name: 'Load' }).click();
  await expect(page.getByTestId('load-view')).toContainText('Load of 1 of 3 profiles');
  await expect(page.getByTestId('load-server')).toContainText('1 org,');

  // A restart keeps the filter; Clear filters shows every profile again.
  await page.reload();
  await app.open();
  await app.selectAllProfiles();
  await expect(bar.getByRole('list', { name: 'Active filters' })).toContainText('Environment: Development');
  await bar.getByRole('button', { name: 'Remove filter Environment: Development' }).click();
  await expect(bar).toContainText('All 3 profiles shown');
  await bar.getByLabel('Filter by server').selectOption({ index: 1 });
  await expect(bar).toContainText('3 of 3 profiles shown'); // the demo's orgs share one server
  await bar.getByRole('button', { name: 'Clear filters' }).click();
  await expect(bar.getByRole('list', { name: 'Active filters' })).toHaveCount(0);
  await app.showTab('List');
  await expect.poll(() => app.scheduleRows.count()).toBe(everything);
});

test.describe('accessibility', () => {
  // The page's CSP (script-src 'self') would refuse the injected axe script.
  test.use({ bypassCSP: true });
  const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

  async function serious(page: Page, screen: string): Promise<string[]> {
    if (!(await page.evaluate(() => 'axe' in globalThis))) await page.addScriptTag({ path: axePath });
    const found = await page.evaluate(async () => {
      const axe = (
        globalThis as unknown as { axe: { run(opts: object): Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }> } }
      ).axe;
      return (await axe.run({ resultTypes: ['violations'] })).violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        at: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
      }));
    });
    return found.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${screen}: ${v.id} (${v.impact}) at ${v.at.join(', ')}`);
  }

  for (const scheme of ['light', 'dark'] as const) {
    test(`the load view, the planning part of the create dialog and the export dialog have no serious axe violations (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      const app = new AppPage(page);
      await app.open(harness.url);
      await app.selectProfile('Demo dev');
      await openLoad(app);
      await page
        .getByRole('gridcell', { name: /04:00 to 05:00/ })
        .first()
        .click();
      await page.getByRole('button', { name: 'Show as a table' }).click();
      await expect(page.getByTestId('load-table')).toBeVisible();
      const found = await serious(page, 'load view');
      await page.getByRole('button', { name: 'Export…' }).click();
      // The dialog's code loads on first use: axe checks it once it is drawn, and Escape closes it.
      const exportDialog = page.getByRole('dialog', { name: 'Export' });
      await expect(exportDialog).toBeVisible();
      found.push(...(await serious(page, 'export dialog')));
      await page.keyboard.press('Escape');
      await expect(exportDialog).toBeHidden();
      const dialog = await app.openCreateDialog();
      await dialog.getByLabel('Quartz expression').fill('0 5 4 ? * * *');
      await expect(dialog.getByTestId('collision-warning')).toBeVisible();
      found.push(...(await serious(page, 'create dialog')));
      expect(found).toEqual([]);
    });
  }
});
