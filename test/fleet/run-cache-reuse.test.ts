// What a RunCache keeps: a question inside a kept window is answered from the kept runs (the same list, no
// new engine walk), windows merge up to 400 days, and the oldest entries go first when the bound is reached.
import { describe, expect, it } from 'vitest';
import { RunCache } from '@shared/fleet';
import { DAY } from './helpers';

const D0 = Date.parse('2026-12-01T00:00:00Z');
const day = (n: number): number => D0 + n * DAY;
const noon = '0 0 12 * * ?';
const ask = (cache: RunCache, expression: string, zone: string, a: number, b: number) => cache.startsIn(expression, zone, day(a), day(b), 1000)!.starts;

describe('RunCache reuse', () => {
  it('a question inside a kept window reuses its runs', () => {
    const cache = new RunCache();
    const kept = ask(cache, noon, 'UTC', 1, 30);
    expect(ask(cache, noon, 'UTC', 10, 12)).toBe(kept);
  });

  it('two nearby questions merge into one kept window that answers the days between', () => {
    const cache = new RunCache();
    ask(cache, noon, 'UTC', 5, 6);
    const merged = ask(cache, noon, 'UTC', 10, 11);
    expect(ask(cache, noon, 'UTC', 6, 9)).toBe(merged);
    expect(merged.length).toBe(7); // day 4 (the day early) .. day 10
  });

  it('a question more than 400 days away replaces the kept window instead of growing it', () => {
    const cache = new RunCache();
    ask(cache, noon, 'UTC', 0, 1);
    expect(ask(cache, noon, 'UTC', 500, 501)).toHaveLength(2);
  });

  it('at its bound, drops the oldest entry and keeps the newer ones', () => {
    const cache = new RunCache(2);
    const [a, b, c] = ['0 0 1 * * ?', '0 0 2 * * ?', '0 0 3 * * ?'];
    const first = ask(cache, a!, 'UTC', 1, 2);
    const second = ask(cache, b!, 'UTC', 1, 2);
    const third = ask(cache, c!, 'UTC', 1, 2);
    expect(ask(cache, b!, 'UTC', 1, 2)).toBe(second);
    expect(ask(cache, c!, 'UTC', 1, 2)).toBe(third);
    expect(ask(cache, a!, 'UTC', 1, 2)).not.toBe(first);
  });

  it('replacing an entry does not count it twice against the bound', () => {
    const cache = new RunCache(2);
    ask(cache, noon, 'UTC', 1, 2);
    const widened = ask(cache, noon, 'UTC', 3, 4);
    const other = ask(cache, '0 0 1 * * ?', 'UTC', 1, 2);
    expect(ask(cache, noon, 'UTC', 3, 4)).toBe(widened);
    expect(ask(cache, '0 0 1 * * ?', 'UTC', 1, 2)).toBe(other);
  });

  it('with room for one, the newest entry of a zone is kept', () => {
    const cache = new RunCache(1);
    ask(cache, '0 0 1 * * ?', 'UTC', 1, 2);
    const newest = ask(cache, '0 0 2 * * ?', 'UTC', 1, 2);
    expect(ask(cache, '0 0 2 * * ?', 'UTC', 1, 2)).toBe(newest);
  });

  it('dropping from one zone leaves the other entries of that zone in place', () => {
    const cache = new RunCache(2);
    ask(cache, '0 0 1 * * ?', 'UTC', 1, 2);
    const kept = ask(cache, '0 0 2 * * ?', 'UTC', 1, 2);
    const berlin = ask(cache, '0 0 3 * * ?', 'Europe/Berlin', 1, 2);
    expect(ask(cache, '0 0 2 * * ?', 'UTC', 1, 2)).toBe(kept);
    expect(ask(cache, '0 0 3 * * ?', 'Europe/Berlin', 1, 2)).toBe(berlin);
  });
});
