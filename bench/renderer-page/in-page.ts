// Measurements that run inside the page. Kept as source text: functions handed to page.evaluate
// would be transpiled by tsx first, which can add helpers the page does not have.
import type { Page } from '@playwright/test';

export interface NavFigures {
  /** Click to the component's 'calendar:drawn' or 'calendar:grid' mark (committed, runs placed or pending). */
  commit: number[];
  /** Click to the end of the next frame (painted). */
  frame: number[];
}

/**
 * Waits for a mark whose detail matches, and returns its time since navigation start. One call that
 * the page answers when the mark is made (a PerformanceObserver), so the wait adds no task of its own
 * between the page's tasks; string source, as the app's CSP forbids the eval a waitForFunction needs.
 */
export async function waitForMark(page: Page, name: string, detailKey: string, detailValue: number, timeoutMs = 60_000): Promise<number> {
  const at = (await page.evaluate(`new Promise((resolve) => {
    const find = () => { const m = performance.getEntriesByName(${JSON.stringify(name)}).find((e) => e.detail && e.detail[${JSON.stringify(detailKey)}] === ${detailValue}); return m ? m.startTime : -1; };
    const now = find();
    if (now >= 0) return resolve(now);
    const observer = new PerformanceObserver(() => { const t = find(); if (t >= 0) { clearTimeout(timer); observer.disconnect(); resolve(t); } });
    const timer = setTimeout(() => { observer.disconnect(); resolve(-1); }, ${timeoutMs});
    observer.observe({ type: 'mark' });
  })`)) as number;
  if (at < 0) throw new Error(`no '${name}' mark with ${detailKey} = ${detailValue} within ${timeoutMs} ms`);
  return at;
}

/** Polls an expression until it is truthy (same CSP reason as above). */
export async function waitForTrue(page: Page, expression: string, what: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await page.evaluate(expression)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Frame times of the page doing nothing: the floor the scroll figures sit on (machine load, vsync). */
export async function idleFrames(page: Page, durationMs: number): Promise<number[]> {
  return (await page.evaluate(`new Promise((resolve) => {
    const frames = []; let last = 0, t0 = 0;
    const tick = (t) => { if (last) frames.push(t - last); else t0 = t; last = t; if (t - t0 > ${durationMs}) resolve(frames); else requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })`)) as number[];
}

/** Clicks a button `times` times, each time waiting for the next frame (then `dwellMs`, a user looking); returns per-click timings. */
export async function clickAndTime(page: Page, testId: string, times: number, dwellMs = 0): Promise<NavFigures> {
  return (await page.evaluate(`(async () => {
    const commit = [], frame = [];
    for (let i = 0; i < ${times}; i++) {
      const button = document.querySelector('[data-testid="${testId}"]');
      // A large month draws its grid first ('calendar:grid') and its runs a few slices later.
      const drawMarks = () => [...performance.getEntriesByName('calendar:drawn'), ...performance.getEntriesByName('calendar:grid')].sort((x, y) => x.startTime - y.startTime);
      const before = drawMarks().length;
      const t0 = performance.now();
      button.click();
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const marks = drawMarks();
      if (marks.length === before) throw new Error('the calendar did not redraw after ${testId}');
      commit.push(marks[marks.length - 1].startTime - t0);
      frame.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, ${dwellMs}));
    }
    return { commit, frame };
  })()`)) as NavFigures;
}

export interface ScrollFigures {
  frames: number[];
  distancePx: number;
  lanesSeen: number;
}

/** Scrolls the timeline by `stepPx` every frame until the end (or `maxMs`), recording frame times. */
export async function scrollAndTime(page: Page, stepPx: number, maxMs: number): Promise<ScrollFigures> {
  return (await page.evaluate(`(async () => {
    const el = document.querySelector('[data-testid="timeline-scroll"]');
    el.scrollTop = 0;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const frames = [];
    const seen = new Set();
    const start = el.scrollTop;
    await new Promise((resolve) => {
      let last = 0, t0 = 0;
      const tick = (t) => {
        if (last) frames.push(t - last); else t0 = t;
        last = t;
        for (const lane of el.querySelectorAll('[data-testid="timeline-lane"]')) seen.add(lane.getAttribute('data-key'));
        if (el.scrollTop + el.clientHeight >= el.scrollHeight - 1 || (t0 && t - t0 > ${maxMs})) return resolve();
        el.scrollTop += ${stepPx};
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    return { frames, distancePx: el.scrollTop - start, lanesSeen: seen.size };
  })()`)) as ScrollFigures;
}

export function stats(values: number[]): { median: number; p95: number; max: number; mean: number } {
  const s = [...values].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * (s.length - 1)))] ?? NaN;
  return { median: at(0.5), p95: at(0.95), max: s[s.length - 1] ?? NaN, mean: s.reduce((a, b) => a + b, 0) / Math.max(1, s.length) };
}

export const ms = (v: number) => `${v.toFixed(1)} ms`;
