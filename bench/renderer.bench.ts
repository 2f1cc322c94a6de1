// Renderer speed in Chromium: load to a drawn month (200 schedules, 10 profiles), month-to-month
// navigation, and the timeline scrolling 2,000 lanes. Measured twice where possible:
//   1. through the browser harness (test/harness/server.ts): the real app, core service and simulator;
//   2. on a standalone page (bench/renderer-page/) that mounts the two components on the same
//      expression mix, so the components' own cost is visible without the app around them.
// Prints figures; asserts nothing (goals: month < 300 ms, navigation < 50 ms, no frame over 50 ms).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { clickAndTime, idleFrames, ms, scrollAndTime, stats, waitForMark, waitForTrue } from './renderer-page/in-page';
import { cpus, loadavg } from 'node:os';
import { buildBenchPage, servePage } from './renderer-page/serve-page';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];
const HARNESS = resolve(import.meta.dirname, '../test/harness/server.ts');

function printNavigation(label: string, figures: { commit: number[]; frame: number[] }): void {
  const c = stats(figures.commit);
  const f = stats(figures.frame);
  console.log(`  ${label}: median ${ms(f.median)}, max ${ms(f.max)} to the next frame (layout+commit median ${ms(c.median)}, max ${ms(c.max)}) over ${figures.frame.length} clicks`);
}

async function measureNavigation(page: Page): Promise<void> {
  // A user looks at a month before moving on; the calendar warms the neighbouring months meanwhile.
  printNavigation('month to month, new months, 1.5 s on each (goal < 50 ms)', await clickAndTime(page, 'calendar-next', 6, 1_500));
  printNavigation('month to month, new months, clicked back to back', await clickAndTime(page, 'calendar-next', 8));
  printNavigation('month to month, back to seen months', await clickAndTime(page, 'calendar-prev', 12));
}

async function measureScroll(page: Page, lanes: number): Promise<void> {
  // First right after the timeline appears, then once the idle prefetch has expanded every lane.
  await scrollOnce(page, lanes, 340, 'at once');
  const idle = stats(await idleFrames(page, 3_000));
  console.log(`  idle page frames over 3 s (the floor; lanes are expanded meanwhile): median ${ms(idle.median)}, max ${ms(idle.max)}`);
  for (const step of [340, 1700]) await scrollOnce(page, lanes, step, 'after 3 s');
}

async function scrollOnce(page: Page, lanes: number, step: number, when: string): Promise<void> {
  const r = await scrollAndTime(page, step, 8_000);
  const s = stats(r.frames);
  const over = r.frames.filter((f) => f > 50).length;
  console.log(
    `  timeline, ${lanes.toLocaleString('en-US')} lanes, ${step} px per frame, ${when}: ${r.frames.length} frames over ${r.distancePx.toLocaleString('en-US')} px, ` +
      `${r.lanesSeen.toLocaleString('en-US')} lanes drawn; frame median ${ms(s.median)}, p95 ${ms(s.p95)}, max ${ms(s.max)}; frames over 50 ms: ${over} (goal 0)`,
  );
}

/** Leaves the list for the calendar, comes back, and times the click on List to the next painted frame. */
async function reopenList(page: Page, rows: number): Promise<{ commit: number; frame: number }> {
  await page.getByRole('tab', { name: 'Calendar' }).click();
  await page.getByTestId('calendar-view').waitFor();
  return (await page.evaluate(`(async () => {
    const tab = [...document.querySelectorAll('[role=tab]')].find((t) => t.textContent.trim() === 'List');
    const t0 = performance.now();
    tab.click();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    if (!document.querySelector('table tbody tr')) throw new Error('the list did not draw');
    const frame = performance.now() - t0;
    const mark = performance.getEntriesByName('list:drawn').filter((m) => m.detail.rows === ${rows} && m.startTime >= t0)[0];
    return { commit: mark ? mark.startTime - t0 : NaN, frame };
  })()`)) as { commit: number; frame: number };
}

async function standalone(browser: Browser): Promise<void> {
  console.log('\n-- standalone page (bench/renderer-page: the components alone, synthetic data, same expression mix as the harness seed)');
  const served = await servePage(await buildBenchPage());
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const loads: number[] = [];
    const mounts: number[] = [];
    for (let i = 0; i < 5; i++) {
      await page.goto(`${served.url}?view=calendar&profiles=10&per=20`);
      const drawn = await waitForMark(page, 'calendar:drawn', 'sources', 200);
      loads.push(drawn);
      mounts.push(drawn - ((await page.evaluate(`performance.getEntriesByName('page:script-start')[0].startTime`)) as number));
    }
    const l = stats(loads);
    const m = stats(mounts);
    console.log(`  load to drawn month, 200 schedules / 10 profiles (goal < 300 ms): median ${ms(l.median)}, first ${ms(loads[0] ?? NaN)}, max ${ms(l.max)} over ${loads.length} loads`);
    console.log(`    of which script start to drawn month (expansion, layout, React mount): median ${ms(m.median)}, max ${ms(m.max)}`);
    await measureNavigation(page);
    await page.goto(`${served.url}?view=timeline&profiles=10&per=200`);
    await waitForMark(page, 'timeline:drawn', 'lanes', 2000);
    await measureScroll(page, 2000);
    await page.close();
  } finally {
    await served.close();
  }
}

async function throughHarness(browser: Browser): Promise<void> {
  console.log('\n-- browser harness (real app, core service and simulator over 127.0.0.1)');
  if (!existsSync(HARNESS)) {
    console.log('  SKIPPED: test/harness/server.ts is not there');
    return;
  }
  const { startHarness } = await import('../test/harness/server');
  for (const [profiles, per] of [
    [10, 20],
    [10, 200],
  ] as const) {
    const harness = await startHarness({ seed: { profiles, schedulesPerProfile: per } });
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.goto(harness.url);
      await page.evaluate(`document.addEventListener('click', (e) => { if (e.target.closest('button')) window.__clickAt = performance.now(); }, true)`);
      await page.getByRole('navigation', { name: 'Profiles' }).getByRole('button', { name: /^All profiles/ }).click();
      const total = profiles * per;
      // The list is virtualized: it holds every schedule (data-rows, the 'list:drawn' mark) but draws only
      // the rows in view. Wait until every profile's list is in the store and the list drew them.
      const listAt = await waitForMark(page, 'list:drawn', 'rows', total);
      await waitForTrue(page, `document.querySelectorAll('table tbody tr').length > 0`, 'rows drawn in the list');
      const allClickAt = (await page.evaluate('window.__clickAt')) as number;
      console.log(`  All profiles clicked to a list of ${total} schedules drawn (includes fetching ${profiles} profiles from the simulator): ${ms(listAt - allClickAt)}`);
      if (per === 20) {
        await page.evaluate(`document.addEventListener('click', (e) => { if (e.target.closest('[role=tab]')) window.__tabClickAt = performance.now(); }, true)`);
        await page.getByRole('tab', { name: 'Calendar' }).click();
        const drawnAt = await waitForMark(page, 'calendar:drawn', 'sources', total);
        const clickAt = (await page.evaluate('window.__tabClickAt')) as number;
        const navEntry = (await page.evaluate(`performance.getEntriesByType('navigation')[0].loadEventEnd`)) as number;
        console.log(`  calendar tab opened to drawn month, ${total} schedules / ${profiles} profiles (goal < 300 ms): ${ms(drawnAt - clickAt)} (page load event at ${ms(navEntry)})`);
        await measureNavigation(page);
      } else {
        await page.getByRole('tab', { name: 'Timeline' }).click();
        await waitForMark(page, 'timeline:drawn', 'lanes', total);
        await measureScroll(page, total);
      }
      const reopen = await reopenList(page, total);
      console.log(`  list tab reopened with ${total} schedules (from the calendar): ${ms(reopen.commit)} to the list committed, ${ms(reopen.frame)} to the next frame`);
      await page.close();
    } finally {
      await harness.close();
    }
  }
}

export async function run(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    const message = `Chromium not found at ${CHROMIUM}: install Debian's chromium or set CHROMIUM_PATH. Renderer bench NOT RUN.`;
    if (process.env['CI'] === 'true') throw new Error(message);
    console.log(`!!! ${message}`);
    return;
  }
  console.log(`machine load average (1/5/15 min): ${loadavg().map((l) => l.toFixed(2)).join(' / ')} on ${cpus().length} cores`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  try {
    await standalone(browser);
    try {
      await throughHarness(browser);
    } catch (e) {
      // The harness belongs to the app; its failure should not hide the standalone figures above.
      console.log(`  HARNESS RUN FAILED: ${e instanceof Error ? e.message : String(e)}`);
      if (process.env['CI'] === 'true') throw e;
    }
  } finally {
    await browser.close();
  }
}
