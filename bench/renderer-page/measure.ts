// Page-side probes for the renderer bench: long tasks, heap, marks, month navigation. Kept as source
// text for page.evaluate (see in-page.ts for why).
import type { Page } from '@playwright/test';

/** Installed before any page script: every main-thread task over 50 ms, as the browser reports it. */
export const LONG_TASK_OBSERVER = `
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
`;

export interface LongTask {
  start: number;
  duration: number;
}

/** Long tasks that started at or after `from` (ms since navigation). */
export async function longTasksSince(page: Page, from: number): Promise<LongTask[]> {
  const all = (await page.evaluate('window.__longTasks || []')) as LongTask[];
  return all.filter((t) => t.start >= from);
}

export async function now(page: Page): Promise<number> {
  return (await page.evaluate('performance.now()')) as number;
}

/** Start time of the first mark of that name (-1 if none). */
export async function markTime(page: Page, name: string): Promise<number> {
  return (await page.evaluate(`(performance.getEntriesByName(${JSON.stringify(name)})[0] || { startTime: -1 }).startTime`)) as number;
}

/** JS heap in use after a full garbage collection, in MB. */
export async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize / 1_048_576;
}

export interface MonthStep {
  /** Click to the next painted frame (the new month's grid is on screen). */
  frame: number;
  /** Click to the new month's runs all placed and committed ('calendar:drawn' for that month). */
  complete: number;
}

/**
 * Clicks Next `times` times, waiting `dwellMs` between clicks; times each step to its frame and to its
 * complete layout. The first click comes once the month shown is painted: a user clicks what they see,
 * and the 'calendar:drawn' mark of a first draw is set at commit, before the browser's cold first
 * paint of it (30-40 ms at 100 schedules), which belongs to the first draw's figure, not the step's.
 */
export async function monthSteps(page: Page, times: number, dwellMs: number): Promise<MonthStep[]> {
  return (await page.evaluate(`(async () => {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const out = [];
    const view = () => document.querySelector('[data-testid="calendar-view"]');
    for (let i = 0; i < ${times}; i++) {
      const before = view().getAttribute('data-from');
      const t0 = performance.now();
      document.querySelector('[data-testid="calendar-next"]').click();
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const frame = performance.now() - t0;
      const from = view().getAttribute('data-from');
      if (from === before) throw new Error('the calendar did not move to the next month');
      const drawn = () => performance.getEntriesByName('calendar:drawn').find((m) => m.startTime >= t0 && m.detail.from === from);
      const until = performance.now() + 20000;
      while (!drawn() && performance.now() < until) await new Promise((r) => setTimeout(r, 5));
      const mark = drawn();
      if (!mark) throw new Error('the month ' + from + ' never finished drawing');
      out.push({ frame, complete: Math.max(frame, mark.startTime - t0) });
      await new Promise((r) => setTimeout(r, ${dwellMs}));
    }
    return out;
  })()`)) as MonthStep[];
}

/** Scrolls an element by `stepPx` a frame to its end (or `maxMs`); frame durations. */
export async function scrollFrames(page: Page, selector: string, stepPx: number, maxMs: number): Promise<number[]> {
  return (await page.evaluate(`(async () => {
    const el = document.querySelector(${JSON.stringify(selector)});
    el.scrollTop = 0;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const frames = [];
    await new Promise((resolve) => {
      let last = 0, t0 = 0;
      const tick = (t) => {
        if (last) frames.push(t - last); else t0 = t;
        last = t;
        if (el.scrollTop + el.clientHeight >= el.scrollHeight - 1 || (t0 && t - t0 > ${maxMs})) return resolve();
        el.scrollTop += ${stepPx};
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    return frames;
  })()`)) as number[];
}
