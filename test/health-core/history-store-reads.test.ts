// The history store as read back from disk: a file that is not an object names the root as what is wrong
// and another profile's file quotes at most 40 characters of its id; the folder is private to the user;
// a sighting an hour on is written (the hour included), files from before lastSeenAt was kept count from
// when they were first seen, and an older sighting never moves a later one back.
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DataProblem } from '@shared/ipc';
import { createHistoryStore, HISTORY_DIR, type NeverRunJob, type StoredExecution } from '@core/health/history-store';
import { removeDir, tempDir } from '../core/helpers';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await removeDir(dir);
  dir = undefined;
});

const NOW = Date.parse('2026-11-28T12:00:00.000Z');
const PROFILE = 'p-1';
const MIN = 60_000;
const at = (minutes: number): string => new Date(NOW + minutes * MIN).toISOString();

function execution(seenMinutes: number): StoredExecution {
  return {
    id: 'exec-1',
    jobId: 'job-a',
    orgId: 'default',
    executedAt: '2026-11-28T04:00:00.000Z',
    timeExpression: '0 0 4 ? * * *',
    jobCreatedAt: '2025-12-01T00:00:00.000Z',
    seenAt: at(seenMinutes),
  };
}
function quiet(seenMinutes: number): NeverRunJob {
  const seen = at(seenMinutes);
  return { jobId: 'job-q', orgId: 'default', timeExpression: '0 0 4 ? * * *', jobCreatedAt: '2025-01-01T00:00:00.000Z', firstSeenAt: seen, lastSeenAt: seen };
}
async function folder(): Promise<string> {
  dir = await tempDir('history-reads-');
  return dir;
}
function store(d: string, problems: DataProblem[] = []) {
  return createHistoryStore(d, { now: () => new Date(NOW), onProblem: (p) => problems.push(p) });
}
async function onDisk(d: string): Promise<{ executions: StoredExecution[]; neverRun: NeverRunJob[] }> {
  return JSON.parse(await readFile(join(d, HISTORY_DIR, `${PROFILE}.json`), 'utf8')) as { executions: StoredExecution[]; neverRun: NeverRunJob[] };
}

describe('history files read back', () => {
  it.each([
    [
      'a file that is not an object',
      '[1, 2]',
      /^The execution history of a profile could not be read \(invalid content at \(root\): .+\)\. It was kept as history\/p-1\.corrupt-.+\.json; its history starts again from the next list\.$/,
    ],
    [
      "another profile's file with a long id",
      JSON.stringify({ historyVersion: 1, profileId: `${'x'.repeat(40)}TAIL`, executions: [], runs: [] }),
      new RegExp(`\\(it belongs to another profile \\(${'x'.repeat(40)}\\)\\)`),
    ],
  ])('%s is reported in words', async (_label, content, reason) => {
    const d = await folder();
    await mkdir(join(d, HISTORY_DIR), { recursive: true });
    await writeFile(join(d, HISTORY_DIR, `${PROFILE}.json`), content);
    const problems: DataProblem[] = [];
    expect(await store(d, problems).load(PROFILE)).toEqual({ executions: [], runs: [], neverRun: [] });
    expect(problems.map((p) => [p.file, p.at])).toEqual([[`${HISTORY_DIR}/${PROFILE}.json`, new Date(NOW).toISOString()]]);
    expect(problems[0]?.reason).toMatch(reason);
  });

  it('keeps the history folder private to the user, and writes into it again and again', async () => {
    const d = await folder();
    const s = store(d);
    await s.addExecutions(PROFILE, [execution(0)]);
    await s.addNeverRun(PROFILE, [quiet(0)]);
    expect((await stat(join(d, HISTORY_DIR))).mode & 0o777).toBe(0o700);
    expect((await onDisk(d)).neverRun).toHaveLength(1);
  });

  it('writes a sighting an hour on, the hour included, and not one less', async () => {
    const d = await folder();
    const s = store(d);
    await s.addExecutions(PROFILE, [execution(0)]);
    await s.addNeverRun(PROFILE, [quiet(0)]);
    await s.addExecutions(PROFILE, [execution(59.99)]);
    await s.addNeverRun(PROFILE, [quiet(59.99)]);
    expect((await onDisk(d)).executions.map((e) => e.lastSeenAt)).toEqual([at(0)]);
    expect((await onDisk(d)).neverRun.map((j) => j.lastSeenAt)).toEqual([at(0)]);
    await s.addExecutions(PROFILE, [execution(60)]);
    await s.addNeverRun(PROFILE, [quiet(60)]);
    expect((await onDisk(d)).executions.map((e) => e.lastSeenAt)).toEqual([at(60)]);
    expect((await onDisk(d)).neverRun.map((j) => [j.firstSeenAt, j.lastSeenAt])).toEqual([[at(0), at(60)]]);
  });

  it('counts the hour of an execution stored without lastSeenAt from when it was first seen', async () => {
    const d = await folder();
    const { lastSeenAt: _none, ...old } = { ...execution(0), lastSeenAt: undefined };
    await mkdir(join(d, HISTORY_DIR), { recursive: true });
    await writeFile(join(d, HISTORY_DIR, `${PROFILE}.json`), JSON.stringify({ historyVersion: 1, profileId: PROFILE, executions: [old], runs: [] }));
    const s = store(d);
    expect((await s.load(PROFILE)).executions.map((e) => e.lastSeenAt)).toEqual([undefined]);
    await s.addExecutions(PROFILE, [execution(30)]);
    expect((await s.load(PROFILE)).executions.map((e) => e.lastSeenAt)).toEqual([at(30)]);
    expect((await onDisk(d)).executions.map((e) => e.lastSeenAt)).toEqual([undefined]);
    await s.addExecutions(PROFILE, [execution(60)]);
    expect((await onDisk(d)).executions.map((e) => e.lastSeenAt)).toEqual([at(60)]);
  });

  it('never moves a later sighting back for an older one', async () => {
    const d = await folder();
    const s = store(d);
    await s.addExecutions(PROFILE, [execution(0)]);
    await s.addNeverRun(PROFILE, [quiet(0)]);
    await s.addExecutions(PROFILE, [execution(30)]);
    await s.addNeverRun(PROFILE, [quiet(30)]);
    await s.addExecutions(PROFILE, [execution(10)]);
    await s.addNeverRun(PROFILE, [quiet(10)]);
    const seen = await s.load(PROFILE);
    expect([seen.executions[0]?.lastSeenAt, seen.neverRun[0]?.lastSeenAt]).toEqual([at(30), at(30)]);
  });

  it('reads a new execution and a new never-run job as last seen when first seen, also after more are added', async () => {
    const d = await folder();
    const s = store(d);
    await s.addExecutions(PROFILE, [execution(0)]);
    await s.addNeverRun(PROFILE, [quiet(0)]);
    await s.addExecutions(PROFILE, [{ ...execution(5), id: 'exec-2', executedAt: '2026-11-28T05:00:00.000Z' }]);
    await s.addNeverRun(PROFILE, [{ ...quiet(5), jobId: 'job-r' }]);
    for (const h of [await s.load(PROFILE), await store(d).load(PROFILE)]) {
      expect(h.executions.map((e) => [e.id, e.lastSeenAt])).toEqual([
        ['exec-1', at(0)],
        ['exec-2', at(5)],
      ]);
      expect(h.neverRun.map((j) => [j.jobId, j.lastSeenAt])).toEqual([
        ['job-q', at(0)],
        ['job-r', at(5)],
      ]);
    }
  });

  it('keeps a run seen ending twice once, and exactly the per-job bound of executions', async () => {
    const d = await folder();
    const s = createHistoryStore(d, { now: () => new Date(NOW), onProblem: () => undefined, maxPerJob: 3 });
    const run = { orgId: 'default', triggerType: null, startedAt: at(-30), endedAt: at(-20), durationMs: 10 * MIN };
    await s.addRun(PROFILE, run);
    await s.addRun(PROFILE, { ...run, endedAt: at(-19) });
    const days = [5, 1, 4, 2, 3].map((n) => ({ ...execution(0), id: `exec-${n}`, executedAt: new Date(NOW - n * 86_400_000).toISOString() }));
    await s.addExecutions(PROFILE, days);
    const reread = await store(d).load(PROFILE);
    expect(reread.runs.map((r) => r.endedAt)).toEqual([at(-20)]);
    expect(reread.executions.map((e) => e.id)).toEqual(['exec-3', 'exec-2', 'exec-1']);
  });
});
