// The expression linter: what Quartz 2.3.2 would do with an expression that a person may not expect.
// Pure and fast (a few ms): one parse, one search for the next fire time, a bounded look at the gaps.
import { isLeapYear, lastDayOfMonth } from './calendar';
import { compile } from './compiled-cache';
import { CronSyntaxError } from './errors';
import { nextAfterFire, timeSets } from './fast-step';
import { QUARTZ_FIELDS, quartzTokens } from './fields';
import { extraFieldIssues, lookalikeIssues, plainText, readingIssues, tryParse } from './lint-text';
import type { LintIssue } from './lint-types';
import { dayFieldIssues, sundayZeroIssues, unixCronIssues } from './lint-unix';
import { timeAfter } from './next';
import { ALL_SPEC, MAX_YEAR, NO_SPEC, type CompiledCron } from './parse';
import { excerpt } from './parse-notes';
import { sameSchedule } from './same-schedule';
import { zoneFor, type Zone } from './zone';

export type { LintCode, LintIssue, LintSeverity } from './lint-types';

/**
 * Runs closer together than this are 'too-frequent' (an error): each run rebuilds aggregates. Callers
 * that allow an explicit override (never in production without typing the org) decide on it themselves.
 */
export const MIN_RUN_INTERVAL_MS = 5 * 60_000;

export interface LintOptions {
  /** IANA zone the server evaluates the expression in. */
  timeZone: string;
  /** "Now" for the checks that depend on it (years in the past, the next runs). */
  now: Date;
  /** Shortest allowed gap between runs; default MIN_RUN_INTERVAL_MS. */
  minIntervalMs?: number;
  /** Expressions of the schedules that already exist in the same org: one with the same fire times is a 'duplicate'. */
  existing?: readonly string[];
}

/** Runs looked at for an irregular short gap (e.g. '0 0,1 4 ? * *' once a day, or around midnight). */
const GAP_SAMPLE = 64;

function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  const unit = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (s < 60) return unit(s, 'second');
  if (s < 3600) return s % 60 === 0 ? unit(s / 60, 'minute') : `${unit(Math.floor(s / 60), 'minute')} ${unit(s % 60, 'second')}`;
  return s % 3600 === 0 ? unit(s / 3600, 'hour') : unit(Math.round(s / 60), 'minute');
}

/** Shortest gap between two runs of one day (hours x minutes x seconds), ms; Infinity for one run a day. */
function dailyGap(c: CompiledCron, atMost: number): number {
  const { hs, ms, ss } = timeSets(c);
  let best = Infinity,
    prev = -Infinity;
  for (const h of hs) {
    for (const m of ms) {
      for (const s of ss) {
        const t = (h * 3600 + m * 60 + s) * 1000;
        if (t - prev < best) best = t - prev;
        // Stryker disable next-line ConditionalExpression,EqualityOperator: an early exit; the full loop gives the same shortest gap.
        if (best <= atMost) return best;
        prev = t;
      }
    }
  }
  return best;
}

/** The shortest gap between runs: every fire day repeats the daily pattern; the sample finds gaps across days. */
function shortestGap(c: CompiledCron, zone: Zone, first: number, minInterval: number): number {
  let best = dailyGap(c, Math.min(1000, minInterval));
  let t: number | null = first;
  // Sampling goes on below the threshold: the message names the shortest gap, which can be across
  // midnight (23:58 to 00:00) when the shortest within a day is longer. One second is the least there is.
  // Stryker disable next-line EqualityOperator: one sample more only costs time; a gap under a second cannot be found.
  for (let i = 0; i < GAP_SAMPLE && best > 1000; i++) {
    const next: number | null = nextAfterFire(c, zone, t);
    if (next === null) break;
    best = Math.min(best, next - t);
    t = next;
  }
  return best;
}

const explicitYears = (c: CompiledCron): readonly number[] | null => (c.years.includes(ALL_SPEC) ? null : c.years);

/** Why an expression has no next fire time, in words, with the field to change. */
function neverReason(c: CompiledCron, nowYear: number): { field: LintIssue['field']; message: string } {
  const dows = c.daysOfWeek;
  // Quartz stores the weekday of 'n#k' unchecked: '8#3' is accepted and matches no day.
  const noDay = c.nthdayOfWeek !== 0 ? dows.find((d) => d > 7 && d !== NO_SPEC && d !== ALL_SPEC) : undefined;
  if (noDay !== undefined) {
    return {
      field: 'day-of-week',
      message: `Day-of-week: ${noDay} in '${noDay}#${c.nthdayOfWeek}' is no day of the week, so it never runs. Use 1-7 (1 = Sunday) or SUN-SAT, e.g. 6#${c.nthdayOfWeek}.`,
    };
  }
  const years = explicitYears(c);
  if (years && years.length === 0) {
    // ',' or 'L' alone: Quartz reads no year at all.
    return { field: 'year', message: 'Year: the field has no value, so it never runs. Use * for every year, or a year such as 2027.' };
  }
  if (years && years.every((y) => y <= nowYear)) {
    return {
      field: 'year',
      message: `Year: every year it names (${excerpt(years.join(','))}) is past or has no run left, so it never runs again. Use a later year, or leave the year out.`,
    };
  }
  if (years && years.every((y) => y > MAX_YEAR || y < 1970)) {
    return { field: 'year', message: `Year: Quartz fires only from 1970 to ${MAX_YEAR}, so it never runs. Use a year in that span.` };
  }
  // Plain day numbers only (no '?', '*' or L). The set is never empty here: the fire-time search fails on an empty one.
  const doms = c.daysOfMonth;
  if (!doms.includes(NO_SPEC) && !doms.includes(ALL_SPEC) && !c.lastdayOfMonth) {
    const months = c.months.filter((m) => m !== ALL_SPEC);
    const leap = years === null || years.some((y) => isLeapYear(y));
    const fits = months.some((m) => doms.some((d) => d <= (m === 2 ? (leap ? 29 : 28) : lastDayOfMonth(m, 2027))));
    if (!fits) {
      const names = months.map((m) => QUARTZ_FIELDS[4]?.names[m - 1]).join(',');
      return {
        field: 'day-of-month',
        message: `Day-of-month: day ${excerpt(doms.join(','))} never falls in ${names}${years && months.includes(2) ? ` of ${excerpt(years.join(','))}` : ''}, so it never runs. Pick a day that exists in that month (e.g. L for the last day).`,
      };
    }
  }
  return { field: 'expression', message: 'Expression: no date matches its day, month and year fields after now, so it never runs. Check those fields.' };
}

// Stryker disable all: a cheap filter before sameSchedule; a filter that lets more through only costs time.
/** The first `n` fire times after `from`, as epoch ms (fewer when it stops). */
function firstRuns(c: CompiledCron, zone: Zone, from: number, n: number): number[] {
  const out: number[] = [];
  let t = timeAfter(c, zone, from);
  while (t !== null && out.length < n) {
    out.push(t);
    t = nextAfterFire(c, zone, t);
  }
  return out;
}
// Stryker restore all

/** Existing schedules with the same fire times; the first few runs rule most of them out cheaply. */
function duplicateIssues(expression: string, c: CompiledCron, zone: Zone, now: number, existing: readonly string[]): LintIssue[] {
  const mine = firstRuns(c, zone, now, 6).join();
  for (const other of existing) {
    let theirs: string;
    // Stryker disable BlockStatement,ConditionalExpression: compile throws only CronSyntaxError; anything else is a bug to surface.
    try {
      theirs = firstRuns(compile(other), zone, now, 6).join();
    } catch (e) {
      if (e instanceof CronSyntaxError) continue;
      throw e;
    }
    // Stryker restore BlockStatement,ConditionalExpression
    // Stryker disable next-line ConditionalExpression: the first runs are a filter; sameSchedule alone gives the same verdict, slower.
    if (theirs !== mine || !sameSchedule(expression, other, { timeZone: zone.name, from: new Date(now) })) continue;
    return [
      {
        code: 'duplicate',
        severity: 'error',
        field: 'expression',
        message: `Expression: fires at the same times as the existing schedule '${excerpt(other)}'. Keep that one, or change the time.`,
      },
    ];
  }
  return [];
}

/** The fire-time checks of a valid expression: never fires, too frequent, stops firing. */
function scheduleIssues(c: CompiledCron, zone: Zone, now: number, minInterval: number): LintIssue[] {
  const first = timeAfter(c, zone, now);
  const nowYear = new Date(now + zone.offsetAt(now)).getUTCFullYear();
  if (first === null) {
    const { field, message } = neverReason(c, nowYear);
    return [{ code: 'never-fires', severity: 'error', ...(field ? { field } : {}), message }];
  }
  const issues: LintIssue[] = [];
  const gap = shortestGap(c, zone, first, minInterval);
  if (gap < minInterval) {
    issues.push({
      code: 'too-frequent',
      severity: 'error',
      field: 'expression',
      message: `Expression: runs can be ${duration(gap)} apart, more often than once every ${duration(minInterval)}, and each run rebuilds aggregates. Space the runs out (e.g. 0 0/15 * ? * *), or confirm the frequency override to allow it.`,
    });
  }
  const years = explicitYears(c);
  const last = years ? Math.max(...years.filter((y) => y <= MAX_YEAR)) : Infinity;
  if (last < MAX_YEAR) {
    issues.push({
      code: 'stops-firing',
      severity: 'warning',
      field: 'year',
      message: `Year: it stops running after ${last}. Leave the year out to keep it running.`,
    });
  }
  return issues;
}

/**
 * Checks an expression the way Quartz 2.3.2 will read it, before it is written to a server: syntax
 * ('invalid', with the engine's message), schedules that never fire or fire too often, and forms Quartz
 * accepts with another meaning than they seem to have (look-alike characters, ignored text, a step of 0,
 * more than 7 fields, Unix cron, Sunday as 0). Errors first. Throws RangeError for a bad zone or `now`.
 */
export function lintExpression(expression: string, options: LintOptions): LintIssue[] {
  // Untyped callers (a script, a check outside the app) get the same clear RangeError, not a TypeError.
  const given: Partial<LintOptions> = typeof options === 'object' && options !== null ? options : {};
  const now = given.now instanceof Date ? given.now.getTime() : NaN;
  if (!Number.isFinite(now)) throw new RangeError('now must be a valid Date.');
  const zone = zoneFor(given.timeZone as string);
  if (typeof expression !== 'string')
    return [{ code: 'invalid', severity: 'error', field: 'expression', message: 'Expression: expected text such as "0 0 3 ? * MON-FRI".' }];
  const minInterval = given.minIntervalMs ?? MIN_RUN_INTERVAL_MS;
  const tokens = quartzTokens(expression);
  // The fields as meant, for the hints on their form: look-alike spaces separate fields too (the
  // look-alike issue says so), and Quartz reads only the first seven (the extra-field issue says so).
  const meant = quartzTokens(plainText(expression)).slice(0, 7);
  const detail = tryParse(expression);
  const issues: LintIssue[] = [];
  if (detail instanceof CronSyntaxError) {
    issues.push({ code: 'invalid', severity: 'error', field: detail.field, message: detail.message });
    issues.push(...unixCronIssues(meant), ...sundayZeroIssues(meant, false), ...dayFieldIssues(meant));
  } else {
    issues.push(...readingIssues(expression, detail), ...sundayZeroIssues(meant, true));
    try {
      issues.push(...scheduleIssues(detail.compiled, zone, now, minInterval));
      if (given.existing?.length) issues.push(...duplicateIssues(expression, detail.compiled, zone, now, given.existing));
    } catch (e) {
      // Forms Quartz accepts but then fails on (or never finishes) when it computes a fire time.
      // Stryker disable next-line ConditionalExpression: the engine throws only CronSyntaxError; anything else is a bug to surface.
      if (!(e instanceof CronSyntaxError)) throw e;
      issues.push({ code: 'invalid', severity: 'error', field: e.field, message: e.message });
    }
  }
  issues.push(...lookalikeIssues(expression, detail), ...extraFieldIssues(tokens, detail));
  // Errors first, in the order found (the sort is stable); the field label stays at the start of every message.
  const rank = (i: LintIssue): number => (i.severity === 'error' ? 0 : 1);
  return issues.sort((a, b) => rank(a) - rank(b));
}
