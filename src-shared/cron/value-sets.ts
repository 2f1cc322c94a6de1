// Quartz's value sets: the markers it stores, the field limits, and its addToSet (range fill with wrap).
import { QUARTZ_FIELDS, type QuartzFieldSpec } from './fields';

export const ALL_SPEC = 99; // '*' marker Quartz stores inside the value sets
export const NO_SPEC = 98; // '?' marker
export const SECOND = 0,
  MINUTE = 1,
  HOUR = 2,
  DAY_OF_MONTH = 3,
  MONTH = 4,
  DAY_OF_WEEK = 5,
  YEAR = 6;

export { MAX_YEAR } from './fields';

/** Quartz's search for a fire time gives up after this year. */
export const LAST_SEARCHED_YEAR = 2999;

/**
 * Most years a year range may have Quartz fill. Quartz stores every year of a range (a TreeSet of Integers,
 * about 60 bytes each): the jar with its default heap (6 GB here) fills 100 million in 80 s and runs out of
 * memory not far past that.
 */
export const MAX_YEAR_FILL = 100_000_000;
const JAVA_INT_MAX = 2_147_483_647;

// Quartz fills '*' and open ranges from these; the year's span is the years it can fire in.
const RANGE_MAX = QUARTZ_FIELDS.map((f) => f.max);
const RANGE_MIN = QUARTZ_FIELDS.map((f) => f.min);
const WRAP = QUARTZ_FIELDS.map((f) => f.wrap);

/** Rejects the current value; `value` is the number at fault, so the message can quote the typed part when it is more. */
type Fail = (what: string, hint?: string, value?: number) => never;

/**
 * Quartz addToSet: checks the range, then adds one value (incr 0 or -1) or fills start..stop by incr,
 * wrapping past the field's end for ranges written backwards ("22-2" hours, "FRI-MON").
 */
export function addToSet(set: Set<number>, type: number, val: number, end: number, incrIn: number, fail: Fail): void {
  const outOfRange = (v: number): never => fail(`${v} is out of range ${(QUARTZ_FIELDS[type] as QuartzFieldSpec).range}`, undefined, v);
  if (type !== YEAR) {
    const max = RANGE_MAX[type] as number;
    // Markers aside, a start below the field's minimum (a day or month of 0) or above its maximum is refused,
    // then the end of a range ('*' and '?' come without one).
    if (val !== ALL_SPEC && val !== NO_SPEC && (val < (RANGE_MIN[type] as number) || val > max)) outOfRange(val);
    if (end > max) outOfRange(end);
  }
  // The year has no range check in Quartz: any whole number is accepted (it just never fires outside 1970..MAX_YEAR).
  let incr = incrIn;
  if ((incr === 0 || incr === -1) && val !== ALL_SPEC) {
    set.add(val);
    return;
  }
  let startAt = val;
  let stopAt = end;
  // Only '*' gets here without a step (a single value was added above).
  if (incr <= 0) {
    incr = 1;
    set.add(ALL_SPEC);
  }
  if (stopAt === -1) stopAt = RANGE_MAX[type] as number;
  if (startAt === ALL_SPEC) startAt = RANGE_MIN[type] as number;
  let wrap = -1;
  if (stopAt < startAt) {
    wrap = WRAP[type] as number;
    if (wrap === -1 && end === -1) {
      // '2200/5': no range was typed; Quartz fills from the start year to its last year and finds none.
      fail(
        `'${startAt}/${incr}' starts after ${stopAt}, the last year Quartz fills a step up to, so it has no years`,
        `Start at ${stopAt} or earlier, e.g. 2027/5.`,
      );
    }
    if (wrap === -1) fail(`the range ${startAt}-${stopAt} runs backwards`, 'Put the earlier year first.');
    stopAt += wrap;
  }
  if (type === YEAR) checkYearFill(startAt, stopAt, incr, fail);
  // Years after 2999 never fire (Quartz stops searching there), so the fill stops at 3000 (or the range's first year).
  const fillTo = type === YEAR ? Math.min(stopAt, Math.max(LAST_SEARCHED_YEAR + 1, startAt)) : stopAt;
  for (let v = startAt; v <= fillTo; v += incr) {
    if (wrap === -1) {
      set.add(v);
    } else {
      let v2 = v % wrap;
      if (v2 === 0 && (type === MONTH || type === DAY_OF_WEEK || type === DAY_OF_MONTH)) v2 = wrap;
      set.add(v2);
    }
  }
}

/**
 * Quartz fills a year range value by value in a Java int (`for (int i = start; i <= stop; i += step)`), so what
 * it can read depends on how many years it stores, not on the range's width: '2027-2999999/100000' is 30
 * years. A step that carries past Java's largest int wraps negative and the loop goes on ('*\/2147481678'
 * stores 1970, -2147483648 and -1970; '2027-2147483647/100000000' never ends). Counted here run by run
 * as Quartz's loop goes, and refused past MAX_YEAR_FILL years.
 */
function checkYearFill(start: number, stop: number, step: number, fail: Fail): void {
  let count = 0;
  let i = start;
  for (;;) {
    const more = Math.floor((stop - i) / step); // further steps before the run passes stop
    count += more + 1;
    if (count > MAX_YEAR_FILL) break;
    const next = i + (more + 1) * step;
    if (next <= JAVA_INT_MAX) return; // past stop without wrapping: the loop ends
    i = next - 2 ** 32; // the int wraps negative, and stays at or below stop
  }
  const range = `${start}-${stop}${step > 1 ? `/${step}` : ''}`;
  fail(
    `the range ${range} has more years than Quartz can hold: it stores every one, and runs out of memory past about ${MAX_YEAR_FILL}`,
    'Use a shorter range or a larger step (years after 2999 never fire).',
  );
}
