// How much per-schedule work (expanding an expression not seen yet, describing it) one render pass
// of the timeline's lanes may do. A fast scroll over lanes the idle warm-up has not reached meets a
// new expression on every lane: past the budget, a lane draws without its runs and asks for them in a
// later task, so a frame costs what a few lanes cost, however many new lanes it shows.
import { useEffect } from 'react';

/** Work per render pass (one synchronous render, then the task ends). */
export const PASS_BUDGET_MS = 6;

let spent = 0;
let resetQueued = false;

function resetSoon(): void {
  if (resetQueued) return;
  resetQueued = true;
  // A microtask runs when the synchronous render that spent the budget has finished.
  queueMicrotask(() => {
    spent = 0;
    resetQueued = false;
  });
}

/**
 * Runs `work` and counts its time against this pass's budget, or returns null without running it
 * when the budget is spent. The first work of a pass always runs, so every pass makes progress.
 */
export function withinPassBudget<T>(work: () => T, clock: () => number = () => performance.now()): T | null {
  if (spent >= PASS_BUDGET_MS) return null;
  const t0 = clock();
  try {
    return work();
  } finally {
    spent += clock() - t0;
    resetSoon();
  }
}

const waiting = new Set<() => void>();
let fillQueued = false;

function fillLater(redraw: () => void): () => void {
  waiting.add(redraw);
  if (!fillQueued) {
    fillQueued = true;
    // Each deferred part draws again in a task of its own, with a fresh budget (React batches the redraws).
    setTimeout(() => {
      fillQueued = false;
      const now = [...waiting];
      waiting.clear();
      for (const r of now) r();
    }, 0);
  }
  return () => waiting.delete(redraw);
}

/** A counter to put in a memo's dependencies, and the function that bumps it (a retry). */
export const retryCounter = (n: number): number => n + 1;

/**
 * While `deferred`, asks for `retry` in a later task (with the other deferred parts: React batches
 * them into one pass with a fresh budget). `attempt` is the counter `retry` bumps.
 */
export function useRetryWhenDeferred(deferred: boolean, retry: () => void, attempt: number): void {
  useEffect(() => (deferred ? fillLater(retry) : undefined), [deferred, retry, attempt]);
}
