import { describe, expect, it } from 'vitest';
import { setBounded, touch } from '@shared/bounded-map';

describe('setBounded', () => {
  it('keeps at most max entries, dropping the oldest insertion first', () => {
    const m = new Map<string, number>();
    for (const [i, k] of ['a', 'b', 'c', 'd'].entries()) setBounded(m, k, i, 3);
    expect([...m.keys()]).toEqual(['b', 'c', 'd']);
    setBounded(m, 'e', 4, 3);
    expect([...m.entries()]).toEqual([
      ['c', 2],
      ['d', 3],
      ['e', 4],
    ]);
  });

  it('replaces an existing key without dropping another', () => {
    const m = new Map([
      ['a', 1],
      ['b', 2],
    ]);
    setBounded(m, 'a', 10, 2);
    expect([...m.entries()]).toEqual([
      ['a', 10],
      ['b', 2],
    ]);
  });
});

describe('touch', () => {
  it('moves a hit to the newest place, so the least recently used goes first', () => {
    const m = new Map([
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
    expect(touch(m, 'a')).toBe(1);
    setBounded(m, 'd', 4, 3);
    expect([...m.keys()]).toEqual(['c', 'a', 'd']);
  });

  it('answers undefined for a miss and leaves the order alone', () => {
    const m = new Map([
      ['a', 1],
      ['b', 2],
    ]);
    expect(touch(m, 'z')).toBeUndefined();
    expect([...m.keys()]).toEqual(['a', 'b']);
  });
});
