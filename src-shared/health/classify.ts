// Schedule health from expected fires (the engine, in the server zone) and the executions seen.
//
// Terms. The *floor* is the schedule's creation (fires before it belong to nobody); when createdAt does not
// parse, a lookback of LOOKBACK_MS stands in. An execution *answers* fire F when it lies in
// [F - tolerance, N - tolerance), N being the fire after F: a run may start a little early (clock skew) and
// any run before the next fire may be the queued answer to F. The first execution in that window is F's
// answer; further ones in the same window are extra runs. L is the latest known execution.
// F is *overdue* once now - F > grace; Fdue is the latest overdue fire since the floor.
//
// Verdicts, decided in this order:
// 1. unknown: the expression or zone cannot be read, or the schedule is deactivated (active === false).
// 2. L answers a fire at or after Fdue (the newest relevant fire is answered): F = that fire.
//    on-time when F's answer came at most `grace` after F (exactly at grace is still on time), late when
//    after; on-time becomes *extra* when L is not F's answer but a further run after it (manual or event).
// 3. Otherwise, with Fdue: unknown when nothing at all is known (executions === null); else *missed*: every
//    known execution (L included) is older than Fdue's answer window.
// 4. No overdue fire since the floor: *never-fires* when no fire is to come either; *extra* when L came
//    after creation (a run that no fire explains); *not-due* otherwise, expectedAt being the first fire
//    to come (or one still within its grace).
// Known limit: with only the latest execution known, a manual run after an expected fire reads as that
// fire's late answer; once the history holds the fire's own run, the manual one reads as extra.
import { validateQuartz } from '@shared/cron';
import { lastFireAtOrBefore, nextFireAfter } from './fires';
import type { HealthInput, HealthOptions, ScheduleHealth } from './types';

/** Maintenance can queue behind other work on the engine: 30 minutes late still counts as on time. */
export const DEFAULT_GRACE_MS = 30 * 60_000;
/** A run this much before its fire still answers it (server and app clocks differ slightly). */
export const EARLY_TOLERANCE_MS = 60_000;
/** How far back to look for fires when the creation time is unknown (covers 29 February schedules). */
export const LOOKBACK_MS = (8 * 366 + 2) * 86_400_000;

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

function parseTimes(input: HealthInput): number[] | null {
  if (input.executions === null) return null;
  const out: number[] = [];
  for (const e of input.executions) {
    const t = Date.parse(e.executedAt);
    if (Number.isFinite(t)) out.push(t);
  }
  return out.sort((a, b) => a - b);
}

/** F's answer: the first execution in [F - tol, N - tol), N being the fire after F. */
function answerOf(expression: string, zone: string, fire: number, runs: readonly number[], tol: number): number | null {
  const nextFire = nextFireAfter(expression, zone, fire);
  const end = nextFire === null ? Infinity : nextFire - tol;
  return runs.find((t) => t >= fire - tol && t < end) ?? null;
}

function evaluate(input: HealthInput, options: HealthOptions): ScheduleHealth {
  const zone = options.timeZone;
  const expr = input.timeExpression;
  const now = options.now.getTime();
  const grace = Math.max(0, options.graceMs);
  const tol = Math.max(0, options.earlyToleranceMs ?? EARLY_TOLERANCE_MS);
  const created = Date.parse(input.createdAt);
  const floor = Number.isFinite(created) ? created : now - LOOKBACK_MS;
  const runs = parseTimes(input);
  const latest = runs?.at(-1) ?? null;

  const fDue = lastFireAtOrBefore(expr, zone, now - grace - 1, floor);
  const fLatest = latest === null ? null : lastFireAtOrBefore(expr, zone, latest + tol, floor);

  if (runs !== null && fLatest !== null && (fDue === null || fLatest >= fDue)) {
    // L lies in fLatest's window, so the window has an answer: L itself or an earlier run.
    const first = answerOf(expr, zone, fLatest, runs, tol) ?? (latest as number);
    if (first - fLatest > grace) return { verdict: 'late', expectedAt: iso(fLatest), executedAt: iso(first) };
    if (latest !== first) return { verdict: 'extra', expectedAt: iso(fLatest), executedAt: iso(latest) };
    return { verdict: 'on-time', expectedAt: iso(fLatest), executedAt: iso(first) };
  }
  if (fDue !== null) {
    if (runs === null) return { verdict: 'unknown', expectedAt: iso(fDue), executedAt: null };
    return { verdict: 'missed', expectedAt: iso(fDue), executedAt: iso(latest) };
  }
  const upcoming = nextFireAfter(expr, zone, Math.max(floor - 1, now - grace - 1));
  if (upcoming === null) return { verdict: 'never-fires', expectedAt: null, executedAt: iso(latest) };
  if (latest !== null && latest >= floor - tol) return { verdict: 'extra', expectedAt: iso(upcoming), executedAt: iso(latest) };
  return { verdict: 'not-due', expectedAt: iso(upcoming), executedAt: iso(latest) };
}

/** Pure and deterministic given `options.now`; never throws. */
export function classifyHealth(input: HealthInput, options: HealthOptions): ScheduleHealth {
  const latestIso = iso(parseTimes(input)?.at(-1) ?? null);
  if (input.active === false || !validateQuartz(input.timeExpression).ok || !Number.isFinite(options.now.getTime())) {
    return { verdict: 'unknown', expectedAt: null, executedAt: latestIso };
  }
  try {
    return evaluate(input, options);
  } catch {
    // An unknown zone (RangeError from the engine): the profile's setting, not the schedule, is wrong.
    return { verdict: 'unknown', expectedAt: null, executedAt: latestIso };
  }
}
