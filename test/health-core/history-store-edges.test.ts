// The history store's bookkeeping on real files: runs kept once, in start order and within their bound;
// executions with no readable time never stored; a never-run job kept once with its first sighting; a
// profile id that could name a path refused; and a removed profile's file gone.
import { afterEach, describe, expect, it } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createHistoryStore, HISTORY_DIR, type NeverRunJob, type StoredExecution, type StoredRun } from '@core/health/history-store';
import { removeDir, tempDir } from '../core/helpers';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await removeDir(dir);
  dir = undefined;
});

const NOW = new Date('2026-11-28T12:00:00.000Z');
const PROFILE = 'p-1';
const at = (hours: number): string => new Date(NOW.getTime() + hours * 3_600_000).toISOString();

function run(startHour: number, orgId = 'default'): StoredRun {
  return { orgId, triggerType: 'RunImmediately', startedAt: at(startHour), endedAt: at(startHour + 1), durationMs: 3_600_000 };
}
function execution(id: string, executedAt: string): StoredExecution {
  return { id, jobId: 'job-a', orgId: 'default', executedAt, timeExpression: '0 0 4 ? * * *', jobCreatedAt: at(-1000), seenAt: NOW.toISOString() };
}
function quiet(jobId: string, seenHour: number): NeverRunJob {
  return { jobId, orgId: 'default', timeExpression: '0 0 4 ? * * *', jobCreatedAt: at(-1000), firstSeenAt: at(seenHour), lastSeenAt: at(seenHour) };
}
async function fresh(options: { maxRuns?: number; maxPerProfile?: number } = {}) {
  dir = await tempDir('history-edges-');
  return { store: createHistoryStore(dir, { now: () => NOW, onProblem: () => undefined, ...options }), dir };
}

describe('history store bookkeeping', () => {
  it('keeps each run once (by org and start), in start order, the newest within the bound', async () => {
    const { store, dir: d } = await fresh({ maxRuns: 3 });
    await store.addRun(PROFILE, run(5));
    await store.addRun(PROFILE, run(1));
    await store.addRun(PROFILE, run(1)); // the same run seen ending twice
    await store.addRun(PROFILE, run(1, 'sales'));
    expect((await store.load(PROFILE)).runs.map((r) => [r.orgId, r.startedAt])).toEqual([
      ['default', at(1)],
      ['sales', at(1)],
      ['default', at(5)],
    ]);
    await store.addRun(PROFILE, run(3));
    const reread = createHistoryStore(d, { now: () => NOW, onProblem: () => undefined });
    expect((await reread.load(PROFILE)).runs.map((r) => r.startedAt)).toEqual([at(1), at(3), at(5)]);
  });

  it('never stores an execution whose time cannot be read', async () => {
    const { store } = await fresh();
    expect(await store.addExecutions(PROFILE, [execution('bad', 'yesterday-ish'), execution('good', at(-8))])).toBe(1);
    expect((await store.load(PROFILE)).executions.map((e) => e.id)).toEqual(['good']);
  });

  it('keeps a never-run job once with its first sighting, the most recently seen within the bound', async () => {
    const { store } = await fresh({ maxPerProfile: 2 });
    await store.addNeverRun(PROFILE, [quiet('job-x', 0), quiet('job-y', 1)]);
    await store.addNeverRun(PROFILE, [quiet('job-x', 0.5)]);
    await store.addNeverRun(PROFILE, [quiet('job-x', 2), quiet('job-z', 3)]);
    const kept = (await store.load(PROFILE)).neverRun;
    expect(kept.map((j) => [j.jobId, j.firstSeenAt, j.lastSeenAt])).toEqual([
      ['job-x', at(0), at(2)],
      ['job-z', at(3), at(3)],
    ]);
  });

  it('hands out copies: changing what was loaded changes nothing stored', async () => {
    const { store } = await fresh();
    await store.addExecutions(PROFILE, [execution('e1', at(-8))]);
    await store.addRun(PROFILE, run(1));
    const first = await store.load(PROFILE);
    first.executions.pop();
    first.runs.pop();
    const second = await store.load(PROFILE);
    expect([second.executions.length, second.runs.length]).toEqual([1, 1]);
  });

  it('refuses a profile id that could name a path outside its folder', async () => {
    const { store } = await fresh();
    await expect(store.addRun('../../etc/passwd', run(1))).rejects.toThrow(/unsafe profile id for a history file: \.\.\/\.\.\/etc\/passwd/);
    await expect(store.load('a'.repeat(129))).rejects.toThrow(/unsafe profile id/);
  });

  it('removes a profile’s file and what it remembered, starting empty', async () => {
    const { store, dir: d } = await fresh();
    await store.addExecutions(PROFILE, [execution('e1', at(-8))]);
    await store.addExecutions(PROFILE, [{ ...execution('e1', at(-8)), seenAt: at(0.5) }]);
    expect(JSON.parse(await readFile(join(d, HISTORY_DIR, `${PROFILE}.json`), 'utf8'))).toMatchObject({ historyVersion: 1, profileId: PROFILE });
    await store.remove(PROFILE);
    expect(await readdir(join(d, HISTORY_DIR))).toEqual([]);
    expect(await store.load(PROFILE)).toEqual({ executions: [], runs: [], neverRun: [] });
  });
});
