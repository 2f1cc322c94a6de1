// The load view in Chromium through the browser harness (real app, core and simulator): 50 profiles x 200
// schedules, 90 days of hourly load computed and drawn (goal < 150 ms). The quiet-slot suggestion for a
// server with 500 schedules is timed by fleet.bench.ts (computing only: the dialog draws four lines).
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { chromium, type Page } from '@playwright/test';
import { ms, stats, waitForMark, waitForTrue } from './renderer-page/in-page';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];
const PROFILES = 50;
const PER = 200;

interface Timing {
  commit: number;
  /** computeLoad's share of the commit. */
  compute: number;
  frame: number;
}

/** Fires `change` on the Days select (as a user's pick does) and times it to the commit mark and the next frame. */
async function pickDays(page: Page, days: number): Promise<Timing> {
  return (await page.evaluate(`(async () => {
    const select = [...document.querySelectorAll('.load-toolbar select')][0];
    const t0 = performance.now();
    Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value').set.call(select, '${days}');
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const mark = performance.getEntriesByName('load:drawn').filter((m) => m.startTime >= t0)[0];
    if ([...document.querySelectorAll('.heatmap canvas[data-rows]')].some((c) => Number(c.dataset.rows) < ${days})) throw new Error('the heatmap did not draw ${days} days');
    return { commit: mark ? mark.startTime - t0 : NaN, compute: mark ? mark.detail.computeMs : NaN, frame: performance.now() - t0 };
  })()`)) as Timing;
}

/** From the list, a click on the Load tab to the committed heatmaps and the next frame. */
async function openLoadTab(page: Page): Promise<Timing> {
  await page.getByRole('tab', { name: 'List' }).click();
  await page.getByTestId('schedule-list').waitFor();
  return (await page.evaluate(`(async () => {
    const tab = [...document.querySelectorAll('[role=tab]')].find((t) => t.textContent.trim() === 'Load');
    const t0 = performance.now();
    tab.click();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const mark = performance.getEntriesByName('load:drawn').filter((m) => m.startTime >= t0)[0];
    if (!document.querySelector('.heatmap [role=gridcell]')) throw new Error('the load view did not draw');
    return { commit: mark ? mark.startTime - t0 : NaN, compute: mark ? mark.detail.computeMs : NaN, frame: performance.now() - t0 };
  })()`)) as Timing;
}

export async function run(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    const message = `Chromium not found at ${CHROMIUM}: install Debian's chromium or set CHROMIUM_PATH. Load view bench NOT RUN.`;
    if (process.env['CI'] === 'true') throw new Error(message);
    console.log(`!!! ${message}`);
    return;
  }
  console.log(
    `machine load average (1/5/15 min): ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' / ')} on ${cpus().length} cores`,
  );
  const { startHarness } = await import('../test/harness/server');
  const harness = await startHarness({ seed: { profiles: PROFILES, schedulesPerProfile: PER } });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(harness.url);
    await page
      .getByRole('navigation', { name: 'Profiles' })
      .getByRole('button', { name: /^All profiles/ })
      .click();
    await waitForMark(page, 'list:drawn', 'rows', PROFILES * PER, 180_000);
    await page.getByRole('tab', { name: 'Load' }).click();
    await waitForTrue(page, `document.querySelector('.heatmap [role=gridcell]') !== null`, 'the load view');
    const sources = (await page.evaluate(`performance.getEntriesByName('load:drawn').at(-1).detail.sources`)) as number;
    console.log(
      `\n-- load view, ${PROFILES} profiles x ${PER} schedules (${sources.toLocaleString('en-US')} active) on the harness's one simulator, hourly buckets`,
    );
    const picks: Timing[] = [];
    for (let i = 0; i < 5; i++) {
      await pickDays(page, 14);
      picks.push(await pickDays(page, 90));
    }
    const c = stats(picks.map((p) => p.commit)),
      f = stats(picks.map((p) => p.frame));
    console.log(
      `  14 -> 90 days picked, computed and drawn (goal < 150 ms: ${f.median < 150 ? 'met' : 'NOT MET'}): median ${ms(f.median)}, max ${ms(f.max)} to the next frame (computed and committed: median ${ms(c.median)}, of which computeLoad ${ms(stats(picks.map((p) => p.compute)).median)}) over ${picks.length} picks; the first, before the app's run cache held 90 days: ${ms(picks[0]?.frame ?? NaN)}`,
    );
    const opens: Timing[] = [];
    for (let i = 0; i < 5; i++) opens.push(await openLoadTab(page));
    const oc = stats(opens.map((p) => p.commit)),
      of = stats(opens.map((p) => p.frame));
    console.log(
      `  Load tab opened from the list at 90 days (goal < 150 ms: ${of.median < 150 ? 'met' : 'NOT MET'}): median ${ms(of.median)}, max ${ms(of.max)} to the next frame (committed: median ${ms(oc.median)}, of which computeLoad ${ms(stats(opens.map((p) => p.compute)).median)}) over ${opens.length} opens (runs reused from the cache)`,
    );
    await page.close();
  } finally {
    await browser.close();
    await harness.close();
  }
}
