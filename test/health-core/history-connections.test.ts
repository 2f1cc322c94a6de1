// Each history record belongs to the server and org it was seen on: two servers' records with the same ids
// are both kept (and bounded each on its own), the view and the duration read only the asked server's, and
// a file written before records named their server is read as seen on the server `legacyServerOf` names.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHistoryStore, HISTORY_DIR, ofConnection, seenOn, type HistoryStoreOptions, type StoredExecution } from '@core/health/history-store';
import { historyView } from '@core/health/history-view';
import { removeDir, tempDir } from '../core/helpers';

const NOW = new Date('2026-11-28T12:00:00.000Z');
const PROFILE = 'p-1';
const A = 'a.example.com:10502';
const B = 'b.example.com:10502';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await removeDir(dir);
  dir = undefined;
});

function execution(server: string | undefined, day: number, over: Partial<StoredExecution> = {}): StoredExecution {
  const executedAt = new Date(Date.parse('2026-11-20T04:00:00.000Z') + day * 86_400_000).toISOString();
  return {
    id: `job@${executedAt}`,
    jobId: 'job',
    orgId: 'default',
    ...(server === undefined ? {} : { server }),
    executedAt,
    timeExpression: '0 0 4 ? * * *',
    jobCreatedAt: '2026-11-01T00:00:00.000Z',
    seenAt: executedAt,
    ...over,
  };
}

const store = (d: string, over: Partial<HistoryStoreOptions> = {}) => createHistoryStore(d, { now: () => NOW, onProblem: () => undefined, ...over });

describe('history records of two servers', () => {
  it('keeps the same execution id seen on two servers (or in two orgs) as different runs', async () => {
    dir = await tempDir('history-servers-');
    const s = store(dir);
    expect(await s.addExecutions(PROFILE, [execution(A, 1)])).toBe(1);
    expect(await s.addExecutions(PROFILE, [execution(B, 1, { executedAt: '2026-11-21T04:45:00.000Z' })])).toBe(1);
    expect(await s.addExecutions(PROFILE, [execution(A, 1, { orgId: 'sales' })])).toBe(1);
    expect(await s.addExecutions(PROFILE, [execution(A, 1), execution(B, 1)])).toBe(0);
    const h = await store(dir).load(PROFILE);
    expect(ofConnection(h.executions, { server: A, orgId: 'default' }).map((e) => e.executedAt)).toEqual(['2026-11-21T04:00:00.000Z']);
    expect(ofConnection(h.executions, { server: B, orgId: 'default' }).map((e) => e.executedAt)).toEqual(['2026-11-21T04:45:00.000Z']);

    await s.addRun(PROFILE, { orgId: 'default', server: A, triggerType: null, startedAt: NOW.toISOString(), endedAt: NOW.toISOString(), durationMs: 1 });
    await s.addRun(PROFILE, { orgId: 'default', server: B, triggerType: null, startedAt: NOW.toISOString(), endedAt: NOW.toISOString(), durationMs: 2 });
    const never = {
      jobId: 'quiet',
      orgId: 'default',
      timeExpression: '0 0 4 ? * * *',
      jobCreatedAt: NOW.toISOString(),
      firstSeenAt: NOW.toISOString(),
      lastSeenAt: NOW.toISOString(),
    };
    await s.addNeverRun(PROFILE, [
      { ...never, server: A },
      { ...never, server: B },
    ]);
    const both = await s.load(PROFILE);
    expect(both.runs.map((r) => [r.server, r.durationMs])).toEqual([
      [A, 1],
      [B, 2],
    ]);
    expect(both.neverRun.map((j) => j.server).sort()).toEqual([A, B]);
  });

  it("bounds each server's job on its own: a busy former server never crowds out the current one's runs of that job", async () => {
    dir = await tempDir('history-servers-');
    const s = store(dir, { maxPerJob: 2 });
    await s.addExecutions(PROFILE, [execution(B, 0)]);
    await s.addExecutions(PROFILE, [execution(A, 1), execution(A, 2), execution(A, 3)]);
    const h = await s.load(PROFILE);
    expect(h.executions.map((e) => [e.server, e.executedAt.slice(0, 10)])).toEqual([
      [B, '2026-11-20'],
      [A, '2026-11-22'],
      [A, '2026-11-23'],
    ]);
  });

  it('reads records of a file that named no server as seen on the server legacyServerOf names, and writes that down', async () => {
    dir = await tempDir('history-servers-');
    await mkdir(join(dir, HISTORY_DIR), { recursive: true });
    const file = join(dir, HISTORY_DIR, `${PROFILE}.json`);
    const run = { orgId: 'default', triggerType: null, startedAt: NOW.toISOString(), endedAt: NOW.toISOString(), durationMs: 5 };
    await writeFile(file, JSON.stringify({ historyVersion: 1, profileId: PROFILE, executions: [execution(undefined, 1)], runs: [run] }));
    const asked: string[] = [];
    const s = store(dir, { legacyServerOf: (id) => (asked.push(id), A) });
    const h = await s.load(PROFILE);
    expect([h.executions[0]?.server, h.runs[0]?.server]).toEqual([A, A]);
    await s.addExecutions(PROFILE, [execution(B, 2)]);
    const written = JSON.parse(await readFile(file, 'utf8')) as { executions: { server?: string }[]; runs: { server?: string }[] };
    expect([...written.executions, ...written.runs].map((r) => r.server)).toEqual([A, B, A]);
    expect(asked).toEqual([PROFILE]);
    // Without one, such records stay unnamed and count as the asked server's (as a paused entry without one does).
    const unnamed = await store(dir).load('p-2');
    expect(unnamed.executions).toEqual([]);
    expect(seenOn({ orgId: 'default' }, { server: B, orgId: 'default' })).toBe(true);
    expect(seenOn({ orgId: 'default', server: A }, { server: B, orgId: 'default' })).toBe(false);
    expect(seenOn({ orgId: 'sales' }, { server: B, orgId: 'default' })).toBe(false);
  });
});

describe('the history view', () => {
  it("shows the asked server's executions and fires only, never another server's of the same org and job", () => {
    const history = {
      executions: [execution(A, 5), execution(B, 6, { executedAt: '2026-11-26T05:00:00.000Z' })],
      neverRun: [],
    };
    const options = { orgId: 'default', timeZone: 'UTC', graceMs: 30 * 60_000, now: NOW, from: new Date('2026-11-24T00:00:00.000Z'), to: NOW };
    const onA = historyView(history, { ...options, server: A });
    expect(onA.executions.map((e) => e.executedAt)).toEqual(['2026-11-25T04:00:00.000Z']);
    const onB = historyView(history, { ...options, server: B });
    expect(onB.executions.map((e) => [e.executedAt, e.verdict])).toEqual([['2026-11-26T05:00:00.000Z', 'late']]);
    expect(onB.fires.some((f) => f.answeredBy === execution(A, 5).id)).toBe(false);
    expect(historyView(history, { ...options, server: 'c.example.com:10502' })).toEqual({ executions: [], fires: [] });
  });
});
