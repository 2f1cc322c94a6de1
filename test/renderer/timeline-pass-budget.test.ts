// The budget of per-schedule work in one render pass of the timeline: past it, work waits for a
// later task; the first work of a pass always runs; the next pass starts afresh.
import { describe, expect, it } from 'vitest';
import { PASS_BUDGET_MS, withinPassBudget } from '@renderer/timeline/pass-budget';

describe('the render pass budget', () => {
  it('runs work until the pass spent its budget, then defers the rest until the pass is over', async () => {
    let t = 0;
    // Each piece of work takes 2 ms on this clock.
    const clock = () => t;
    const work = (id: number) => () => {
      t += 2;
      return id;
    };
    const done: (number | null)[] = [];
    for (let i = 0; i < 10; i++) done.push(withinPassBudget(work(i), clock));
    const ran = done.filter((d) => d !== null);
    expect(ran).toEqual(Array.from({ length: Math.ceil(PASS_BUDGET_MS / 2) }, (_, i) => i));
    expect(done.slice(ran.length).every((d) => d === null)).toBe(true);
    // The synchronous pass is over: a new pass has the whole budget again.
    await Promise.resolve();
    expect(withinPassBudget(work(42), clock)).toBe(42);
  });

  it('always runs the first work of a pass, however long it takes', async () => {
    await Promise.resolve();
    let t = 0;
    expect(
      withinPassBudget(
        () => ((t += 500), 'slow'),
        () => t,
      ),
    ).toBe('slow');
    expect(
      withinPassBudget(
        () => 'next',
        () => t,
      ),
    ).toBeNull();
  });
});
