// The calendar's layout, computed without blocking the page: a layout that finishes within a frame's
// share is drawn at once; a larger one (thousands of schedules over a month not seen yet) continues
// in slices of a few milliseconds, with the grid drawn meanwhile and its runs marked as pending.
import { useEffect, useMemo, useState } from 'react';
import { findLayout, layoutJob, type DayLayoutJob, type DayRunsOptions, type DayRunsResult, type DaySource } from './day-runs';

/**
 * Work done before a draw; the rest goes to later tasks. A month that is not done by then is drawn
 * twice (its grid, then its runs), which costs more than the wait: at 10,000 schedules a cold month
 * mostly fits in 20 ms, so it appears whole in one frame, and the click's task stays under 50 ms.
 */
const FIRST_BUDGET_MS = 20;
/**
 * The same before the calendar's first draw in the page, when nothing of it is on screen yet: a
 * month of a few hundred schedules then appears whole, instead of as an empty grid redrawn with its
 * runs a few slices later (two renders and two layouts of the page).
 */
const OPENING_BUDGET_MS = 30;
/**
 * Above this many sources the opening budget is not enough to finish anyway: the grid then shows
 * after a smaller share, so the first task stays under 50 ms (at 10,000 schedules it took 53-84 ms
 * with 30, and 50-51 ms with 12: the page's first render of the calendar runs its code cold).
 */
const OPENING_MAX_SOURCES = 1_000;
const LARGE_OPENING_BUDGET_MS = 4;
/** Each later slice: short enough that input and frames get through between slices. */
const SLICE_MS = 8;

export interface DayLayoutState {
  layout: DayRunsResult;
  /** False while the runs are still being placed; `layout` then holds the last complete layout of this range, or nothing. */
  complete: boolean;
}

const EMPTY: DayRunsResult = { days: [], errors: [], inactive: 0 };

// The last complete layout committed, with its range: shown while a new minute or a refreshed source
// list of the same range is laid out, instead of a blank grid. One calendar is mounted at a time.
let lastCommitted: { rangeKey: string; layout: DayRunsResult } | null = null;

/** Runs `step` in separate tasks until it returns true; returns a cancel function. */
function inSlices(step: () => boolean): () => void {
  let cancelled = false;
  const channel = typeof MessageChannel === 'function' ? new MessageChannel() : null;
  let timer = 0;
  const run = () => {
    if (cancelled || step()) return;
    if (channel) channel.port2.postMessage(null);
    else timer = window.setTimeout(run, 0);
  };
  if (channel) channel.port1.onmessage = run;
  // A task, not a microtask: the first draw reaches the screen before the slices start.
  if (channel) channel.port2.postMessage(null);
  else timer = window.setTimeout(run, 0);
  return () => {
    cancelled = true;
    if (channel) channel.port1.close();
    window.clearTimeout(timer);
  };
}

export function useDayLayout(sources: readonly DaySource[], opts: DayRunsOptions, rangeKey: string): DayLayoutState {
  const start = useMemo((): { result: DayRunsResult | null; job: DayLayoutJob | null } => {
    const hit = findLayout(sources, opts);
    if (hit) return { result: hit, job: null };
    const job = layoutJob(sources, opts);
    const budget = lastCommitted ? FIRST_BUDGET_MS : sources.length <= OPENING_MAX_SOURCES ? OPENING_BUDGET_MS : LARGE_OPENING_BUDGET_MS;
    return job.step(budget) ? { result: job.result(), job: null } : { result: null, job };
  }, [sources, opts]);
  const [finished, setFinished] = useState<{ job: DayLayoutJob; result: DayRunsResult } | null>(null);

  useEffect(() => {
    const job = start.job;
    if (!job) return;
    return inSlices(() => {
      if (!job.step(SLICE_MS)) return false;
      const result = job.result();
      if (result) setFinished({ job, result });
      return true;
    });
  }, [start]);

  const result = start.result ?? (finished && finished.job === start.job ? finished.result : null);
  useEffect(() => {
    if (result) lastCommitted = { rangeKey, layout: result };
  }, [result, rangeKey]);
  if (result) return { layout: result, complete: true };
  return { layout: lastCommitted?.rangeKey === rangeKey ? lastCommitted.layout : EMPTY, complete: false };
}
