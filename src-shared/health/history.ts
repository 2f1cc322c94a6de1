// Execution history beside expected fires: which fire each execution answered (schedule panel), and which
// past fires went unanswered (hollow red marks in the calendar and timeline). Same matching as the verdict:
// an execution answers fire F when it lies in [F - tolerance, next fire - tolerance); the first one there is
// F's answer and later ones are extra runs.
import { nextRunTimes } from '@shared/cron';
import { EARLY_TOLERANCE_MS, LOOKBACK_MS } from './classify';
import { lastFireAtOrBefore, nextFireAfter } from './fires';
import type { ExecutionRecord } from './types';

export interface HistoryInput {
  timeExpression: string;
  createdAt: string;
  executions: readonly ExecutionRecord[];
}

export interface HistoryOptions {
  timeZone: string;
  graceMs: number;
  earlyToleranceMs?: number;
}

export interface ExecutionMatch {
  id: string;
  executedAt: string;
  /** The fire this execution answered, or null for an extra run. */
  expectedAt: string | null;
  /** executedAt - expectedAt (negative: slightly early), or null for an extra run. */
  latenessMs: number | null;
  verdict: 'on-time' | 'late' | 'extra';
}

export interface PastFire {
  at: string;
  /** The execution that answered it, or null. */
  answeredBy: string | null;
  /** pending: within its grace and not answered yet; unknown: before the history starts (`knownSince`). */
  verdict: 'on-time' | 'late' | 'missed' | 'pending' | 'unknown';
}

interface Run {
  id: string;
  t: number;
}

function sortedRuns(executions: readonly ExecutionRecord[]): Run[] {
  const seen = new Set<string>();
  const out: Run[] = [];
  for (const e of executions) {
    const t = Date.parse(e.executedAt);
    if (!Number.isFinite(t) || seen.has(e.id)) continue;
    seen.add(e.id);
    out.push({ id: e.id, t });
  }
  return out.sort((a, b) => a.t - b.t);
}

const floorOf = (createdAt: string, ref: number): number => {
  const c = Date.parse(createdAt);
  return Number.isFinite(c) ? c : ref - LOOKBACK_MS;
};

/** Each execution beside the fire it answered, newest first. Never throws (an unreadable schedule: all extra). */
export function matchExecutions(input: HistoryInput, options: HistoryOptions): ExecutionMatch[] {
  const tol = Math.max(0, options.earlyToleranceMs ?? EARLY_TOLERANCE_MS);
  const runs = sortedRuns(input.executions);
  const out: ExecutionMatch[] = [];
  let previousFire: number | null = null; // the fire the previous (older) execution answered or fell after
  for (const run of runs) {
    let fire: number | null = null;
    try {
      fire = lastFireAtOrBefore(input.timeExpression, options.timeZone, run.t + tol, floorOf(input.createdAt, run.t));
    } catch {
      fire = null;
    }
    const first = fire !== null && fire !== previousFire;
    if (fire !== null) previousFire = fire;
    const executedAt = new Date(run.t).toISOString();
    if (fire === null || !first) {
      out.push({ id: run.id, executedAt, expectedAt: null, latenessMs: null, verdict: 'extra' });
      continue;
    }
    const lateness = run.t - fire;
    out.push({
      id: run.id,
      executedAt,
      expectedAt: new Date(fire).toISOString(),
      latenessMs: lateness,
      verdict: lateness > options.graceMs ? 'late' : 'on-time',
    });
  }
  return out.reverse();
}

export interface PastFiresOptions extends HistoryOptions {
  from: Date;
  to: Date;
  now: Date;
  /** Executions before this instant were not recorded: unanswered fires before it are 'unknown', not 'missed'. */
  knownSince?: Date;
  /** At most this many fires (default 2,000); `truncated` says when more fell in the window. */
  limit?: number;
}

/** Expected fires in [from, min(to, now)] since creation, each with its answer and verdict, oldest first. */
export function pastFires(input: HistoryInput, options: PastFiresOptions): { fires: PastFire[]; truncated: boolean } {
  const tol = Math.max(0, options.earlyToleranceMs ?? EARLY_TOLERANCE_MS);
  const now = options.now.getTime();
  const end = Math.min(options.to.getTime(), now + 1);
  const floor = floorOf(input.createdAt, options.from.getTime());
  const start = Math.max(options.from.getTime(), floor);
  const limit = Math.max(0, Math.floor(options.limit ?? 2000));
  const knownSince = options.knownSince?.getTime() ?? -Infinity;
  if (end <= start) return { fires: [], truncated: false };
  let times: number[];
  try {
    // Walk the scheduler's own chain from the fire before the window, so a repeated (fall-back) hour
    // yields the fires Quartz yields.
    const anchor = lastFireAtOrBefore(input.timeExpression, options.timeZone, start - 1, floor - 1) ?? start - 1;
    times = nextRunTimes(input.timeExpression, anchor, limit + 1, options.timeZone).filter((t) => t >= start && t < end);
  } catch {
    return { fires: [], truncated: false };
  }
  const truncated = times.length > limit;
  if (truncated) times = times.slice(0, limit);
  const runs = sortedRuns(input.executions);
  const fires: PastFire[] = [];
  let r = 0;
  times.forEach((f, i) => {
    const next = times[i + 1] ?? nextFireAfter(input.timeExpression, options.timeZone, f) ?? Infinity;
    while (r < runs.length && (runs[r] as Run).t < f - tol) r++;
    const answer = r < runs.length && (runs[r] as Run).t < next - tol ? (runs[r] as Run) : null;
    let verdict: PastFire['verdict'];
    if (answer) verdict = answer.t - f > options.graceMs ? 'late' : 'on-time';
    else if (now - f <= options.graceMs) verdict = 'pending';
    else verdict = f < knownSince ? 'unknown' : 'missed';
    fires.push({ at: new Date(f).toISOString(), answeredBy: answer?.id ?? null, verdict });
  });
  return { fires, truncated };
}
