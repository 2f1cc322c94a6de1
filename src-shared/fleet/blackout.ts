// Blackout windows: business hours, change freezes. Weekly windows are compared in minutes of the week of
// their own zone, so a check costs arithmetic plus one cached offset lookup.
import type { Blackout } from './types';
import { wallTime } from './wall-clock';

const WEEK_MIN = 7 * 1440;

function minutesOf(hhmm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
  if (!m) throw new RangeError(`Blackout time '${hhmm}' must be HH:MM, e.g. 07:00.`);
  const v = Number(m[1]) * 60 + Number(m[2]);
  if (v > 1440 || Number(m[2]) > 59) throw new RangeError(`Blackout time '${hhmm}' is not a time of day (00:00 to 24:00).`);
  return v;
}

/** Does [a, a + len) (minutes of the week, a in [0, WEEK_MIN)) meet [s, e) on the weekly circle? */
function meets(a: number, len: number, s: number, e: number): boolean {
  for (const shift of [-WEEK_MIN, 0, WEEK_MIN]) if (a < e + shift && a + len > s + shift) return true;
  return false;
}

function weeklyHit(b: Extract<Blackout, { kind: 'weekly' }>, start: number, end: number): boolean {
  const s = minutesOf(b.start);
  let e = minutesOf(b.end);
  if (e <= s) e += 1440; // runs past midnight
  // Each end of the run read in the zone: a run across a DST change is checked on both readings.
  const readings = [wallTime(b.timeZone, start), wallTime(b.timeZone, Math.max(start, end - 1))];
  const len = Math.max(1, Math.ceil((end - start) / 60_000));
  return readings.some((w, i) => {
    const a = (w.dayOfWeek - 1) * 1440 + w.minuteOfDay;
    const from = i === 0 ? a : (a - len + 1 + WEEK_MIN) % WEEK_MIN;
    return b.days.some((d) => meets(from, len, (d - 1) * 1440 + s, (d - 1) * 1440 + e));
  });
}

/** What is wrong with a blackout window, in words for the form, or null when it is usable. */
export function blackoutProblem(b: Blackout): string | null {
  if (b.kind === 'dates') {
    const from = Date.parse(b.from),
      to = Date.parse(b.to);
    if (!Number.isFinite(from) || !Number.isFinite(to)) return 'A change freeze needs a start and an end date.';
    return from < to ? null : 'A change freeze must end after it starts.';
  }
  if (b.days.length === 0 || b.days.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) return 'Pick at least one day of the week.';
  try {
    wallTime(b.timeZone, 0);
    if (minutesOf(b.start) === minutesOf(b.end)) return 'The window starts and ends at the same time.';
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  return null;
}

/** The first blackout that a run occupying [start, end) touches, or null. */
export function blackoutHit(start: number, end: number, blackouts: readonly Blackout[]): Blackout | null {
  const stop = Math.max(end, start + 1);
  for (const b of blackouts) {
    if (b.kind === 'dates') {
      const from = Date.parse(b.from),
        to = Date.parse(b.to);
      if (start < to && stop > from) return b;
    } else if (weeklyHit(b, start, stop)) return b;
  }
  return null;
}

/** True when the instant falls inside any of the blackouts. */
export function inBlackout(instant: Date | number, blackouts: readonly Blackout[]): boolean {
  const t = typeof instant === 'number' ? instant : instant.getTime();
  return blackoutHit(t, t + 1, blackouts) !== null;
}
