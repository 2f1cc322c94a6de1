// One key's work runs in order, other keys alongside, and a failure fails only its own caller.
import { describe, expect, it } from 'vitest';
import { createKeyedQueue } from '@core/storage/keyed-queue';

const later = <T>(ms: number, value: T) => new Promise<T>((r) => setTimeout(() => r(value), ms));

describe('a keyed queue', () => {
  it('runs one key one piece at a time, in the order asked, and other keys alongside', async () => {
    const serial = createKeyedQueue();
    const log: string[] = [];
    const piece = (key: string, name: string, ms: number) =>
      serial(key, async () => {
        log.push(`${name} start`);
        await later(ms, null);
        log.push(`${name} end`);
        return name;
      });
    const results = await Promise.all([piece('a', 'a1', 30), piece('a', 'a2', 1), piece('b', 'b1', 5)]);
    expect(results).toEqual(['a1', 'a2', 'b1']);
    expect(log).toEqual(['a1 start', 'b1 start', 'b1 end', 'a1 end', 'a2 start', 'a2 end']);
  });

  it('fails only the caller whose piece failed; the next piece for that key still runs', async () => {
    const serial = createKeyedQueue();
    const failed = serial('a', () => Promise.reject(new Error('disk full')));
    const next = serial('a', () => later(1, 'written'));
    await expect(failed).rejects.toThrow('disk full');
    await expect(next).resolves.toBe('written');
  });
});
