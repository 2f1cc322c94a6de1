// Run-ms of existing runs during a candidate slot: per minute and from sorted changes, both exact.
import { describe, expect, it } from 'vitest';
import { Busy } from '@shared/fleet/slot-busy';
import { MIN } from './helpers';

const T0 = Date.parse('2026-12-01T04:00:00Z');
/** [start, len, mult] in ms from T0. */
const RUNS: [number, number, number][] = [
  [0, 10 * MIN, 1],
  [5 * MIN, 10 * MIN, 2],
  [5 * MIN, 3 * MIN, 1], // starts with the one before: a change shared by two runs
  [90_000, 45_000, 1], // 04:01:30 .. 04:02:15, inside minutes
  [20 * MIN, 12 * MIN, 3],
];
const LEVEL: [number, number, number] = [40 * MIN, 50 * MIN, 0.5];

/** By hand: run-ms of RUNS and LEVEL during [a, b) (ms from T0). */
function reference(a: number, b: number): number {
  const part = (s: number, e: number, m: number) => m * Math.max(0, Math.min(b, e) - Math.max(a, s));
  return RUNS.reduce((sum, [s, len, m]) => sum + part(s, s + len, m), 0) + part(LEVEL[0], LEVEL[1], LEVEL[2]);
}

function build(wholeMinutes: boolean, lo = T0, hi = T0 + 50 * MIN): Busy {
  const busy = new Busy(lo, hi, wholeMinutes);
  for (const [s, len, m] of RUNS) busy.run(T0 + s, len, m);
  busy.level(T0 + LEVEL[0], T0 + LEVEL[1], LEVEL[2]);
  busy.seal();
  return busy;
}

const questions: [number, number][] = [];
for (let a = -10; a <= 60; a += 3) for (const w of [1, 5, 15, 70]) questions.push([a * MIN, (a + w) * MIN]);

describe('Busy', () => {
  it.each([
    ['per minute', true],
    ['from sorted changes', false],
  ])('%s: run-ms in each slot match the runs by hand, before, inside and after the span', (_, whole) => {
    const busy = build(whole as boolean);
    for (const [a, b] of questions) expect(busy.overlap(T0 + a, T0 + b), `${a / MIN}..${b / MIN}`).toBeCloseTo(reference(a, b), 6);
  });

  it('counts a slot starting where the first change is as from there (not a negative amount before it)', () => {
    const busy = build(false);
    expect(busy.overlap(T0 - 5 * MIN, T0)).toBe(0);
    expect(busy.overlap(T0, T0 + MIN)).toBe(MIN);
    expect(busy.overlap(T0 + 5 * MIN, T0 + 6 * MIN)).toBe(4 * MIN);
  });

  it('sorted changes: fractional questions are exact too', () => {
    const busy = build(false);
    expect(busy.overlap(T0 + 100_000, T0 + 130_000)).toBe(2 * 30_000);
  });

  it('per minute with an origin inside a minute still answers on whole minutes of the clock', () => {
    const busy = build(true, T0 - 30_000, T0 + 50 * MIN + 30_000);
    for (const [a, b] of questions) expect(busy.overlap(T0 + a, T0 + b)).toBeCloseTo(reference(a, b), 6);
  });

  it('per minute refuses a question off the whole minute, and a run outside its span', () => {
    const busy = build(true);
    expect(() => busy.overlap(T0 + 30_000, T0 + MIN)).toThrow('whole minutes');
    const tight = new Busy(T0, T0 + 10 * MIN, true);
    expect(() => tight.run(T0 - 1, MIN)).toThrow(RangeError);
    expect(() => tight.run(T0 + 11 * MIN, MIN)).toThrow('outside the span');
    expect(() => tight.run(T0, 10 * MIN + 59_999)).not.toThrow();
  });

  it('a span too long to keep per minute (over 400 days) is answered from sorted changes', () => {
    const busy = new Busy(T0, T0 + 420 * 24 * 60 * MIN, true);
    busy.run(T0 + 30_000, MIN);
    busy.seal();
    expect(busy.overlap(T0 + 45_000, T0 + 75_000)).toBe(30_000);
  });
});
