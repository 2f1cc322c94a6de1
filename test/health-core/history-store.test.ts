// The execution history store's faults, like the other stores': an unreadable file is moved aside and
// reported (never deleted), a torn write leaves the last complete file, temp files of a killed write are
// swept, repeats are stored once, and the bounds keep the newest executions.
import { afterEach, describe, expect, it } from 'vitest';
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { DataProblem } from '@shared/ipc';
import { createHistoryStore, HISTORY_DIR, type StoredExecution } from '@core/health/history-store';
import { call, removeDir, tempDir } from '../core/helpers';
import { DAILY_JOB, world, type World } from './setup';

let dir: string | undefined;
let w: World | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
  if (dir) await removeDir(dir);
  dir = undefined;
});

const NOW = new Date('2026-11-28T12:00:00.000Z');
const PROFILE = 'p-1';

function execution(n: number, jobId = 'job-a'): StoredExecution {
  return {
    id: `exec-${jobId}-${n}`,
    jobId,
    orgId: 'default',
    executedAt: new Date(Date.parse('2026-01-01T04:00:00.000Z') + n * 86_400_000).toISOString(),
    timeExpression: '0 0 4 ? * * *',
    jobCreatedAt: '2025-12-01T00:00:00.000Z',
    seenAt: NOW.toISOString(),
  };
}

function store(d: string, problems: DataProblem[] = [], bounds: { maxPerJob?: number; maxPerProfile?: number } = {}) {
  return createHistoryStore(d, { now: () => NOW, onProblem: (p) => problems.push(p), ...bounds });
}

describe('history store', () => {
  it('stores each execution once however often a list shows it, and reads it back after a restart', async () => {
    dir = await tempDir('history-');
    const first = store(dir);
    expect(await first.addExecutions(PROFILE, [execution(1), execution(2)])).toBe(2);
    expect(await first.addExecutions(PROFILE, [execution(2), execution(1), execution(3)])).toBe(1);
    const again = store(dir);
    expect((await again.load(PROFILE)).executions.map((e) => e.id)).toEqual(['exec-job-a-1', 'exec-job-a-2', 'exec-job-a-3']);
  });

  it('remembers when a job was last seen never run or still at its latest run: at once in memory, on disk hourly', async () => {
    dir = await tempDir('history-');
    const s = store(dir);
    const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000).toISOString();
    const quiet = (minutes: number) => ({
      jobId: 'job-q',
      orgId: 'default',
      timeExpression: '0 0 4 ? * * *',
      jobCreatedAt: '2025-01-01T00:00:00.000Z',
      firstSeenAt: at(minutes),
      lastSeenAt: at(minutes),
    });
    await s.addNeverRun(PROFILE, [quiet(0)]);
    await s.addNeverRun(PROFILE, [quiet(20)]);
    await s.addExecutions(PROFILE, [{ ...execution(1), seenAt: at(0) }]);
    await s.addExecutions(PROFILE, [{ ...execution(1), seenAt: at(20) }]);
    const live = await s.load(PROFILE);
    expect(live.neverRun.map((j) => [j.firstSeenAt, j.lastSeenAt])).toEqual([[at(0), at(20)]]);
    expect(live.executions.map((e) => e.lastSeenAt)).toEqual([at(20)]);
    expect((await store(dir).load(PROFILE)).neverRun[0]?.lastSeenAt).toBe(at(0)); // not rewritten for 20 minutes
    await s.addNeverRun(PROFILE, [quiet(70)]);
    await s.addExecutions(PROFILE, [{ ...execution(1), seenAt: at(70) }]);
    const disk = await store(dir).load(PROFILE);
    expect(disk.neverRun.map((j) => [j.firstSeenAt, j.lastSeenAt])).toEqual([[at(0), at(70)]]);
    expect(disk.executions.map((e) => e.lastSeenAt)).toEqual([at(70)]);
  });

  it('keeps the newest executions within the per-job and per-profile bounds', async () => {
    dir = await tempDir('history-');
    const s = store(dir, [], { maxPerJob: 5, maxPerProfile: 8 });
    await s.addExecutions(
      PROFILE,
      Array.from({ length: 12 }, (_, i) => execution(i, 'job-a')),
    );
    await s.addExecutions(
      PROFILE,
      Array.from({ length: 3 }, (_, i) => execution(i + 20, 'job-b')),
    );
    const kept = (await store(dir).load(PROFILE)).executions;
    expect(kept.filter((e) => e.jobId === 'job-a').map((e) => e.id)).toEqual([7, 8, 9, 10, 11].map((n) => `exec-job-a-${n}`));
    expect(kept.filter((e) => e.jobId === 'job-b')).toHaveLength(3);
    // Over the profile bound, the oldest go first whatever job they belong to.
    await s.addExecutions(PROFILE, [execution(30, 'job-b')]);
    const bounded = (await store(dir).load(PROFILE)).executions;
    expect(bounded).toHaveLength(8);
    expect(bounded[0]?.id).toBe('exec-job-a-8');
  });

  it.each([
    ['a torn write (half a file)', '{"historyVersion": 1, "profileId": "p-1", "executions": [{"id": "x", "jo', /not valid JSON/],
    ['an empty file', '', /the file is empty/],
    ['a wrong shape', '{"historyVersion": 1, "profileId": "p-1", "executions": [{"id": 3}], "runs": []}', /invalid content at executions\.0\.id/],
    ['a newer version', '{"historyVersion": 7, "profileId": "p-1", "executions": [], "runs": []}', /invalid content at historyVersion/],
    ["another profile's file", '{"historyVersion": 1, "profileId": "p-2", "executions": [], "runs": []}', /belongs to another profile/],
  ])('with %s is moved aside byte for byte, reported once, and history starts afresh', async (_label, content, reason) => {
    dir = await tempDir('history-');
    await mkdir(join(dir, HISTORY_DIR), { recursive: true });
    await writeFile(join(dir, HISTORY_DIR, `${PROFILE}.json`), content);
    const problems: DataProblem[] = [];
    const s = store(dir, problems);
    expect((await s.load(PROFILE)).executions).toEqual([]);
    await s.load(PROFILE);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.reason).toMatch(reason);
    expect(problems[0]?.movedTo).toBe(`${HISTORY_DIR}/${PROFILE}.corrupt-2026-11-28T12-00-00-000Z.json`);
    expect(await readFile(join(dir, problems[0]?.movedTo ?? '(not moved)'), 'utf8')).toBe(content);
    await s.addExecutions(PROFILE, [execution(1)]);
    expect((await store(dir).load(PROFILE)).executions).toHaveLength(1);
  });

  it('sweeps the temp file a killed write left behind, keeping the last complete file', async () => {
    dir = await tempDir('history-');
    const s = store(dir);
    await s.addExecutions(PROFILE, [execution(1)]);
    const folder = join(dir, HISTORY_DIR);
    await writeFile(join(folder, `${PROFILE}.json.123456789`), '{"historyVersion": 1, "profileId": "p-1", "execu');
    const problems: DataProblem[] = [];
    expect((await store(dir, problems).load(PROFILE)).executions.map((e) => e.id)).toEqual(['exec-job-a-1']);
    expect(problems).toEqual([]);
    expect(await readdir(folder)).toEqual([`${PROFILE}.json`]);
  });

  it('a corrupt history file is reported in app:info while the list still answers, with health', async () => {
    w = await world();
    await call(w.core, 'schedules:list', { profileId: w.profileId });
    await w.core.close();
    await writeFile(join(w.dir, HISTORY_DIR, `${w.profileId}.json`), '{"historyVersion": 1, "prof');
    const core = await w.restart();
    const list = await call(core, 'schedules:list', { profileId: w.profileId });
    expect(list.schedules.find((s) => s.jobId === DAILY_JOB)?.health.verdict).toBe('on-time');
    const info = await call(core, 'app:info', {});
    expect(info.dataProblems.map((p) => p.file)).toEqual([`${HISTORY_DIR}/${w.profileId}.json`]);
    expect(w.events.some((e) => e.event === 'app:info-changed' && e.payload.dataProblems.length === 1)).toBe(true);
  });

  it('a profile deleted takes its history with it', async () => {
    w = await world();
    await call(w.core, 'schedules:list', { profileId: w.profileId });
    expect(await readdir(join(w.dir, HISTORY_DIR))).toEqual([`${w.profileId}.json`]);
    await call(w.core, 'profiles:delete', { id: w.profileId });
    const folder = join(w.dir, HISTORY_DIR);
    await expect.poll(() => readdir(folder)).toEqual([]);
  });
});
