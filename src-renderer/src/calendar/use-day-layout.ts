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
 * Above this many sources the opening budget is not enough to finish anyway: the view then draws its
 * toolbar after a slice's share and its grid once the runs are placed (`opening`), so no task holds
 * both a long layout and the page's first, cold render of the month.
 */
const OPENING_MAX_SOURCES = 1_000;
const LARGE_OPENING_BUDGET_MS = 8;
/** Each later slice: short enough that input and frames get through between slices. */
const SLICE_MS = 8;

export interface DayLayoutState {
  layout: DayRunsResult;
  /** False while the runs are still being placed; `layout` then holds the last complete layout of this range, or nothing. */
  complete: boolean;
  /**
   * The calendar's first draw in the page, of more sources than the opening budget can place: the view
   * draws its grid once, when the runs are placed, instead of an empty grid first and then again with
   * its runs (at 10,000 schedules the second draw of 42 cold cells cost more than the wait).
   */
  opening: boolean;
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
  const start = useMemo((): { result: DayRunsResult | null; job: DayLayoutJob | null; opening: boolean } => {
    const hit = findLayout(sources, opts);
    if (hit) return { result: hit, job: null, opening: false };
    const job = layoutJob(sources, opts);
    const opening = !lastCommitted && sources.length > OPENING_MAX_SOURCES;
    const budget = lastCommitted ? FIRST_BUDGET_MS : opening ? LARGE_OPENING_BUDGET_MS : OPENING_BUDGET_MS;
    return job.step(budget) ? { result: job.result(), job: null, opening: false } : { result: null, job, opening };
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
  if (result) return { layout: result, complete: true, opening: false };
  return { layout: lastCommitted?.rangeKey === rangeKey ? lastCommitted.layout : EMPTY, complete: false, opening: start.opening };
}
