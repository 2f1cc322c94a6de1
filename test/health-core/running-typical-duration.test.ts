// The typical duration shown beside the running job is the median of the org's recent runs in whole
// milliseconds: by value, not by how the numbers read as text, and half a millisecond rounds up.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HISTORY_DIR, type StoredRun } from '@core/health/history-store';
import { median } from '@core/health/running-monitor';
import { call } from '../core/helpers';
import { START, world, type World } from './setup';

let w: World | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

const iso = (ms: number): string => new Date(ms).toISOString();

async function typicalOf(x: World, durations: number[]): Promise<number | null> {
  const runs: StoredRun[] = durations.map((durationMs, i) => {
    const started = START - (10 - i) * 86_400_000;
    return { orgId: 'default', triggerType: 'ScheduledMaintenance', startedAt: iso(started), endedAt: iso(started + durationMs), durationMs };
  });
  await mkdir(join(x.dir, HISTORY_DIR), { recursive: true });
  await writeFile(
    join(x.dir, HISTORY_DIR, `${x.profileId}.json`),
    JSON.stringify({ historyVersion: 1, profileId: x.profileId, executions: [], runs, neverRun: [] }),
  );
  return (await call(x.core, 'maintenance:running', { profileId: x.profileId })).typicalDurationMs;
}

describe('the typical duration shown', () => {
  it('is the middle run by length, not by how its length reads as text', async () => {
    w = await world();
    expect(await typicalOf(w, [9_000, 100_000, 10_000])).toBe(10_000);
  });

  it('of an even number of runs is the mean of the middle two, rounded to the millisecond', async () => {
    w = await world();
    expect(await typicalOf(w, [1_001, 1_000])).toBe(1_001);
  });
});

describe('median', () => {
  it('is null of nothing, the middle value of an odd count, the rounded mean of the middle two of an even one', () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([9, 100, 10])).toBe(10);
    expect(median([3, 1, 2, 4])).toBe(3); // 2.5 rounds up
    expect(median([40, 10, 30, 20])).toBe(25);
  });
});
