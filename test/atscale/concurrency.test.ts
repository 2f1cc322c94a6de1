// mapWithConcurrency: order kept, the cap respected, the first failure reported.
import { describe, expect, it } from 'vitest';
import { mapWithConcurrency } from '@core/atscale/index';

const tick = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('mapWithConcurrency', () => {
  it('keeps input order and never runs more than the limit at once', async () => {
    let running = 0;
    let peak = 0;
    const out = await mapWithConcurrency([5, 1, 4, 2, 3, 0, 6], 3, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await tick(n * 3);
      running--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30, 0, 60]);
    expect(peak).toBe(3);
  });

  it('runs everything at once when the limit is above the count', async () => {
    const started: number[] = [];
    await mapWithConcurrency([1, 2, 3], 10, async (n) => {
      started.push(n);
      await tick(5);
    });
    expect(started).toEqual([1, 2, 3]);
  });

  it('rejects with the first failure and stops starting new work', async () => {
    const seen: number[] = [];
    const run = mapWithConcurrency([1, 2, 3, 4, 5], 1, async (n) => {
      seen.push(n);
      if (n === 2) throw new Error('boom');
      return n;
    });
    await expect(run).rejects.toThrow('boom');
    expect(seen).toEqual([1, 2]);
  });

  it('after a failure, a worker that finishes its item takes no new one', async () => {
    const started: number[] = [];
    let slowDone: () => void = () => undefined;
    const slowFinished = new Promise<void>((resolve) => (slowDone = resolve));
    const run = mapWithConcurrency([1, 2, 3, 4], 2, async (n) => {
      started.push(n);
      if (n === 1) throw new Error('boom');
      if (n === 2) {
        await tick(20);
        slowDone();
      }
      return n;
    });
    await expect(run).rejects.toThrow('boom');
    await slowFinished;
    await tick(5);
    expect(started).toEqual([1, 2]);
  });

  it('returns [] for no items and refuses a limit below 1', async () => {
    expect(await mapWithConcurrency([], 4, async () => 1)).toEqual([]);
    await expect(mapWithConcurrency([1], 0, async () => 1)).rejects.toThrow(/at least 1/);
  });
});
