// Screenshots of health, planning and the change workflows for the README, on a demo whose org
// "default" ran nothing for two days (a missed run), with a third org on the server (the 04:00 pile-up).
// Every shot waits for the content it shows, never for time.
import { resolve } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_USER } from '@simulator/demo-data';
import { spawnHarness, type SpawnedHarness } from '../harness/spawn';
import { AppPage } from './app-page';
import { dismissToasts } from './screenshots.helpers';

const OUT = resolve(import.meta.dirname, '../../docs/screenshots');
const DAY_MS = 86_400_000;
const DAILY = '0 0 4 ? * * *';
test.describe.configure({ mode: 'serial' });
test.use({ viewport: { width: 1440, height: 900 } });
let harness: SpawnedHarness;
test.beforeAll(async () => {
  harness = await spawnHarness();
  // Before the app first lists the org: the daily 04:00 fire passes unanswered.
  await harness.simulator.pauseSchedules('default', new Date(Date.now() - 2 * DAY_MS));
});
test.afterAll(async () => {
  await harness?.close();
});

const shot = (page: Page, name: string) => page.screenshot({ path: `${OUT}/${name}.png` });
const details = (page: Page) => page.getByRole('complementary', { name: 'Selected schedule' });

/**
 * A native title tooltip is drawn by the OS and never appears in a page screenshot: draw its text under
 * the element, as the user sees it on hover.
 */
async function showTitleTooltip(target: Locator): Promise<void> {
  await target.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const tip = document.createElement('div');
    tip.textContent = el.getAttribute('title');
    tip.setAttribute('data-testid', 'shot-tooltip');
    Object.assign(tip.style, {
      position: 'fixed',
      left: `${box.left}px`,
      top: `${box.bottom + 6}px`,
      maxWidth: '420px',
      padding: '4px 8px',
      font: '12px system-ui, sans-serif',
      color: '#222',
      background: '#fffff0',
      border: '1px solid #888',
      boxShadow: '0 2px 6px rgba(0,0,0,.25)',
      zIndex: '10000',
      pointerEvents: 'none',
    });
    document.body.append(tip);
    // Kept inside the window, as the OS keeps its tooltips.
    tip.style.left = `${Math.max(8, Math.min(box.left, window.innerWidth - tip.offsetWidth - 8))}px`;
  });
}
const hideTooltip = (page: Page) => page.evaluate(() => document.querySelector('[data-testid="shot-tooltip"]')?.remove());

test('health, planning and change workflows', async ({ page }) => {
  test.setTimeout(180_000);
  const app = new AppPage(page);
  await app.open(harness.url);
  await app.startDemo();

  // A server's orgs found from the editor, several profiles added in one go: Finance prod (a third org
  // on the server, for the 04:00 pile-up) and the empty sandbox.
  await page
    .getByRole('button', { name: /^(\+ Add profile|Add a profile)$/ })
    .first()
    .click();
  const editor = page.getByRole('dialog', { name: 'Add a profile' });
  await editor.getByLabel('Environment', { exact: true }).selectOption('production');
  await editor.getByLabel('API URL', { exact: true }).fill(harness.simulator.url);
  await editor.getByLabel('Design Center URL', { exact: true }).fill(harness.simulator.url);
  await editor.getByLabel('User name', { exact: true }).fill(DEMO_USER);
  await editor.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await editor.getByLabel('In memory, this session only').check();
  await editor.getByRole('button', { name: 'Find orgs on this server' }).click();
  const orgs = editor.getByRole('region', { name: 'Orgs on this server' });
  for (const org of ['finance-prod', 'sandbox']) await orgs.getByLabel(`Add org ${org}`, { exact: true }).check();
  await orgs.getByLabel('Profile name for org finance-prod', { exact: true }).fill('Finance prod');
  await orgs.getByLabel('Profile name for org sandbox', { exact: true }).fill('Sandbox');
  await orgs.scrollIntoViewIfNeeded();
  await shot(page, '25-servers-org-discovery');
  await orgs.getByRole('button', { name: 'Add 2 profiles' }).click();
  await expect(editor).toBeHidden();
  await expect(app.sidebar.getByRole('button', { name: /^Finance prod\b/ })).toBeVisible();

  // Is maintenance running? The missed daily run in the list, with the badge's explanation.
  await app.selectProfile('Demo dev');
  const badge = app.row(DAILY).getByTestId('health-badge');
  await expect(badge).toHaveText(/^Missed/);
  await expect(badge).toHaveAttribute('title', /did not run/);
  await dismissToasts(page);
  await showTitleTooltip(badge);
  await shot(page, '15-health-missed-list');
  await hideTooltip(page);

  // The schedule panel: recent executions beside the fires they answered.
  await app
    .row(DAILY)
    .getByRole('button', { name: `Show schedule ${DAILY}` })
    .click();
  await expect(details(page).getByRole('region', { name: 'Recent executions' })).toBeVisible();
  await expect(details(page).getByTestId('health-badge')).toHaveText(/^Missed/);
  await shot(page, '16-schedule-history');
  await page.keyboard.press('Escape');

  // The calendar's past: runs as marks, the missed fire hollow and red.
  await app.showTab('Calendar');
  const missed = page.getByTestId('calendar-missed-fire');
  await expect(page.getByTestId('calendar-view')).toBeVisible();
  if ((await missed.count()) === 0) await page.getByTestId('calendar-prev').click();
  await expect(missed.first()).toBeVisible();
  await expect(page.getByTestId('calendar-past-run').first()).toBeVisible();
  await shot(page, '17-calendar-past-runs');

  // All profiles: the health summary over every org.
  await app.showTab('List');
  await app.selectAllProfiles();
  await app.refresh();
  await expect(page.getByTestId('health-summary')).toHaveText(/^last 24 h: .*missed/);
  await app.expectSchedulesLoaded();
  await expect(page.getByText(/^✓? ?Refreshed all \d+ profiles\./)).toBeVisible();
  await dismissToasts(page);
  await shot(page, '18-all-profiles-health');

  // The load view: the 04:00 UTC pile-up of three orgs on one server, one cell's runs opened.
  await page.getByRole('tab', { name: 'Load' }).click();
  await expect(page.getByTestId('load-view')).toBeVisible();
  await page.getByRole('radio', { name: 'UTC' }).check();
  await expect(page.getByTestId('load-view')).toContainText('times in UTC');
  const pile = page
    .getByTestId('load-server')
    .getByRole('gridcell', { name: /, 04:00 to 05:00: 3 runs in progress/ })
    .first();
  await pile.click();
  await expect(page.getByTestId('load-cell-details')).toContainText('Finance prod');
  await expect(page.getByTestId('conflicts')).toContainText(/overlapping pairs? of runs/);
  await shot(page, '19-load-pile-up');

  // Run now, in production: the org ID typed before anything is sent.
  await app.selectProfile('Demo prod');
  await app.showTab('List');
  await app.expectSchedulesLoaded();
  await page.getByRole('button', { name: 'Run now', exact: true }).click();
  const runNow = page.getByRole('dialog', { name: 'Run maintenance now?' });
  await runNow.getByLabel(/Type the org ID/).fill('sales-analytics');
  await expect(runNow.getByRole('button', { name: 'Run now in production' })).toBeEnabled();
  await shot(page, '20-run-now-production');
  await runNow.getByRole('button', { name: 'Cancel' }).click();
  await expect(runNow).toBeHidden();

  // Create: the suggested quiet slots beside the linter's verdicts.
  await app.selectProfile('Demo dev');
  await app.expectSchedulesLoaded();
  const create = await app.openCreateDialog();
  const slots = create.getByTestId('suggest-time').locator('.slot-list li');
  await expect(slots.first()).toContainText('no overlap');
  await create.getByLabel('Quartz expression').fill('0 5 4 ? * * *');
  await expect(create.getByTestId('collision-warning')).toContainText(/in 3 orgs on this server/);
  await create.getByTestId('suggest-time').scrollIntoViewIfNeeded();
  await shot(page, '21-create-suggest-time');
  await page.keyboard.press('Escape');
  await expect(create).toBeHidden();

  // Copy to profiles: per target, what is created, what is already there and skipped.
  await page.getByLabel(`Pick schedule ${DAILY}`).check();
  await page.getByLabel('Pick schedule 0 30 1 ? * SUN *').check();
  await page.getByRole('group', { name: 'Picked schedules' }).getByRole('button', { name: 'Copy to…' }).click();
  const copy = page.getByRole('dialog', { name: 'Copy schedules to profiles' });
  await copy.getByRole('checkbox', { name: /Demo prod/ }).check();
  await copy.getByRole('checkbox', { name: /Finance prod/ }).check();
  await copy.getByRole('button', { name: 'Preview' }).click();
  await expect(copy.getByRole('region', { name: 'Copy to Demo prod' }).locator('.diff-line[data-kind="unchanged"]')).toContainText('already there');
  await expect(copy.getByRole('region', { name: 'Copy to Finance prod' }).locator('.diff-line').first()).toBeVisible();
  await shot(page, '22-copy-preview');
  await copy.getByRole('button', { name: 'Close' }).first().click();
  await expect(copy).toBeHidden();
  for (const expression of [DAILY, '0 30 1 ? * SUN *']) await page.getByLabel(`Pick schedule ${expression}`).uncheck();

  // Schedules as code: a document planned against the profile, shown as a diff (not applied).
  await page.getByRole('button', { name: 'Export / plan…' }).click();
  const plan = page.getByRole('dialog', { name: 'Schedules as code' });
  const document = {
    format: 'atscale-maintenance-schedules',
    version: 1,
    schedules: [{ expression: '0 0 4 * * ?' }, { expression: '0 30 1 ? * SUN *' }, { expression: '0 0 5 ? * MON-FRI', label: 'weekday refresh' }],
  };
  await plan.getByLabel('Schedules document (JSON)').fill(JSON.stringify(document, null, 2));
  await plan.getByRole('button', { name: 'Plan', exact: true }).click();
  await expect(plan.getByTestId('plan-summary')).toHaveText(/1 to create, \d+ to delete, 2 unchanged/);
  await shot(page, '23-plan-diff');
  await plan.getByRole('button', { name: 'Close' }).first().click();
  await expect(plan).toBeHidden();

  // Pause: the schedule kept locally and deleted on the server, listed as Paused with Resume.
  const monthly = '0 0 2 L * ?';
  await app
    .row(monthly)
    .getByRole('button', { name: `Show schedule ${monthly}` })
    .click();
  await details(page).getByRole('button', { name: 'Pause…' }).click();
  const pause = page.getByRole('dialog', { name: 'Pause schedule?' });
  await pause.getByRole('button', { name: 'Pause schedule' }).click();
  await expect(pause).toBeHidden();
  await expect(app.row(monthly)).toContainText('Paused');
  await expect(app.row(monthly).getByRole('button', { name: `Resume schedule ${monthly}` })).toBeVisible();
  await dismissToasts(page);
  await shot(page, '24-paused-row');
});
