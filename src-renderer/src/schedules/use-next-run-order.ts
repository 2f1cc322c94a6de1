// The list's rows by next run, ordered in slices after the first frame when there are many: until
// then the rows keep the sources' order (each drawn row computes its own next run), so the first
// screen never waits for 10,000 next runs and no task stalls input.
import { useEffect, useMemo, useState } from 'react';
import type { ScheduleSource } from '../schedule-view-types';
import { advanceOrdering, startOrdering, type ListRow, type Ordering } from './list-order';

/** Work done inside the render that starts the ordering, and in each later slice. */
const SLICE_MS = 8;

export interface NextRunOrder {
  rows: ListRow[];
  /** False while the rows are still in the sources' order (their next runs being computed). */
  ordered: boolean;
}

export function useNextRunOrder(sources: readonly ScheduleSource[], now: Date): NextRunOrder {
  // With the next-run cache warm (a clock tick, a refresh of the same schedules) this finishes at once.
  const job = useMemo(() => {
    const j = startOrdering(sources, now);
    advanceOrdering(j, SLICE_MS);
    return j;
  }, [sources, now]);
  // Only a signal to draw again: the finished job holds the sorted rows.
  const [, setFinished] = useState<Ordering | null>(null);
  useEffect(() => {
    if (job.rows) return;
    let timer = 0;
    const step = () => {
      if (advanceOrdering(job, SLICE_MS)) setFinished(job);
      else timer = window.setTimeout(step, 0);
    };
    timer = window.setTimeout(step, 0);
    return () => window.clearTimeout(timer);
  }, [job]);
  const unordered = useMemo(() => sources.map((source) => ({ source, next: null })), [sources]);
  return job.rows ? { rows: job.rows, ordered: true } : { rows: unordered, ordered: false };
}
