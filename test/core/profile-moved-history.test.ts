// A profile moved to another server whose org has the same id ("default" on both): what was seen on the
// former server (its executions, its missed-run proofs, its run durations, its offline copy) is never
// shown as the new server's, and comes back when the profile points at the former server again. Older
// history files, which name no server, are read as seen where the profile pointed when the core opened.
// Real core, real client, two simulators over sockets on one shared clock.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppCore } from '@core/app-core';
import { HISTORY_DIR } from '@core/health/history-store';
import type { ProfileView } from '@shared/domain';
import type { ProfileInput } from '@shared/ipc/schemas';
import type { SeedOrg, Simulator } from '@simulator/index';
import { DEMO_PASSWORD, call, callFails, makeCore, profileInput, removeDir, sim, tempDir } from './helpers';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** 12:00 UTC: today's 04:00 fire is eight hours past. */
const START = Date.parse('2026-11-28T12:00:00.000Z');
const JOB_ON_A = '3740f5fd-a6b8-45fb-a3ab-313bf8481af3';
const JOB_ON_B = '9b1c2f0e-5d4a-4c6b-8e7f-0a1b2c3d4e5f';

const org = (jobId: string, timeExpression: string, over: Partial<SeedOrg> = {}): SeedOrg => ({
  orgId: 'default',
  name: 'Default',
  runMinutes: 10,
  jobs: [{ jobId, timeExpression, fullBuild: false, createdBy: 'admin', createdDaysAgo: 30 }],
  ...over,
});

let t = START;
const now = (): Date => new Date(t);
let core: AppCore | null = null;
let dir = '';
const servers: Simulator[] = [];

afterEach(async () => {
  await core?.close();
  core = null;
  await Promise.all(servers.splice(0).map((s) => s.close()));
  if (dir) await removeDir(dir);
  dir = '';
  t = START;
});

async function setUp(seedB: SeedOrg): Promise<{ a: Simulator; b: Simulator; c: AppCore; p: ProfileView }> {
  const a = await sim({ seed: [org(JOB_ON_A, '0 0 4 ? * * *')], now });
  const b = await sim({ seed: [seedB], now });
  servers.push(a, b);
  dir = await tempDir('moved-history-');
  core = await makeCore(dir, { now });
  const p = await call(core, 'profiles:save', { profile: profileInput(a, { name: 'Moved' }), secret: DEMO_PASSWORD, secretStorage: 'memory' });
  return { a, b, c: core, p };
}

/** The profile pointed at another server (its password entered again: a secret never follows a move to another origin). */
function pointAt(c: AppCore, p: ProfileView, s: Simulator, change: Partial<ProfileInput> = {}): Promise<ProfileView> {
  const { id, name, environment, orgId, signIn, username, serverTimeZone, caCertPath, notes } = p;
  const profile = { id, name, environment, apiUrl: s.url, authUrl: s.url, orgId, signIn, username, serverTimeZone, caCertPath, notes, ...change };
  return call(c, 'profiles:save', { profile, secret: DEMO_PASSWORD, secretStorage: 'memory' });
}

const history = (c: AppCore, p: ProfileView) => call(c, 'history:list', { profileId: p.id, from: new Date(START - 3 * DAY).toISOString() });
const running = (c: AppCore, p: ProfileView) => call(c, 'maintenance:running', { profileId: p.id });

/**
 * Three days of lists on A (each shows only the latest run: the earlier ones are known from the history
 * alone) and, unless told otherwise, a run now seen to end (11 minutes as seen).
 */
async function recordOnA(c: AppCore, p: ProfileView, options: { runNow?: boolean } = {}): Promise<void> {
  for (let day = 0; day < 3; day++) {
    if (day > 0) t += DAY;
    expect((await call(c, 'schedules:list', { profileId: p.id })).source).toBe('live');
  }
  if (options.runNow === false) return;
  await call(c, 'maintenance:run-now', { profileId: p.id, orgId: 'default' });
  t += 9 * MIN;
  expect((await running(c, p)).running).not.toBeNull();
  t += 2 * MIN; // the 10-minute run ended a minute ago, and was seen running two minutes ago
  expect(await running(c, p)).toMatchObject({ running: null, typicalDurationMs: 11 * MIN });
}

type Records = Record<'executions' | 'runs' | 'neverRun', { server?: string }[]>;
const A_RUNS = ['2026-11-28T04:00:00.000Z', '2026-11-29T04:00:00.000Z', '2026-11-30T04:00:00.000Z'];

describe('a profile moved to another server with the same org id', () => {
  it("shows none of the former server's runs, durations or fires, and has them all again when moved back", async () => {
    const { a, b, c, p } = await setUp(org(JOB_ON_B, '0 30 6 ? * * *'));
    await recordOnA(c, p);
    expect((await history(c, p)).executions.map((e) => e.executedAt).sort()).toEqual(A_RUNS);

    const onB = await pointAt(c, p, b);
    // Before any list of B: nothing is known of B yet, and A's runs are not B's.
    const before = await history(c, onB);
    expect(before).toEqual({ executions: [], fires: [] });
    expect((await running(c, onB)).typicalDurationMs).toBeNull();

    const list = await call(c, 'schedules:list', { profileId: p.id });
    expect(list.schedules.map((s) => s.jobId)).toEqual([JOB_ON_B]);
    const seen = await history(c, onB);
    expect(new Set(seen.executions.map((e) => e.jobId))).toEqual(new Set([JOB_ON_B]));
    expect(new Set(seen.fires.map((f) => f.jobId))).toEqual(new Set([JOB_ON_B]));
    expect(seen.executions.map((e) => e.executedAt)).toEqual(['2026-11-30T06:30:00.000Z']);

    // Back on A: the runs seen there before the move are A's history again, before any new list.
    const back = await pointAt(c, onB, a);
    const again = await history(c, back);
    expect(again.executions.map((e) => e.executedAt).sort()).toEqual(A_RUNS);
    expect(new Set([...again.executions, ...again.fires].map((x) => x.jobId))).toEqual(new Set([JOB_ON_A]));
    expect((await running(c, back)).typicalDurationMs).toBe(11 * MIN);
    // And B's, moved there once more, stay B's.
    const toB = await pointAt(c, back, b);
    expect((await history(c, toB)).executions.map((e) => [e.jobId, e.executedAt])).toEqual([[JOB_ON_B, '2026-11-30T06:30:00.000Z']]);
    // One file: each record names the server it was seen on (serverKeyOf its API URL).
    const stored = JSON.parse(await readFile(join(dir, HISTORY_DIR, `${p.id}.json`), 'utf8')) as Records;
    const [serverA, serverB] = [a, b].map((s) => `127.0.0.1:${new URL(s.url).port}`);
    expect(stored.executions.map((r) => r.server)).toEqual([serverA, serverA, serverA, serverB]);
    expect(stored.runs.map((r) => r.server)).toEqual([serverA]);
  });

  it("judges the new server's runs by themselves when both servers use the same job and execution ids", async () => {
    // Both servers set up from one template: the same job, so the same execution ids, but B runs 45 minutes late.
    const { b, c, p } = await setUp(org(JOB_ON_A, '0 0 4 ? * * *', { lateMinutes: 45 }));
    await recordOnA(c, p, { runNow: false });
    const onA = (await call(c, 'schedules:list', { profileId: p.id })).schedules[0];
    expect(onA?.health.verdict).toBe('on-time');

    const onB = await pointAt(c, p, b);
    const list = await call(c, 'schedules:list', { profileId: onB.id });
    const job = list.schedules[0];
    expect(job?.latestExecution?.id).toBe(onA?.latestExecution?.id);
    expect(job?.latestExecution?.executedAt).toBe('2026-11-30T04:45:00.000Z');
    expect(job?.health).toMatchObject({ verdict: 'late', executedAt: '2026-11-30T04:45:00.000Z' });
    const seen = await history(c, onB);
    expect(seen.executions.map((e) => [e.executedAt, e.verdict, e.latenessMs])).toEqual([['2026-11-30T04:45:00.000Z', 'late', 45 * MIN]]);
  });

  it('keeps the offline copy of each server: moved back to a server that is down, its own copy is shown', async () => {
    const { a, b, c, p } = await setUp(org(JOB_ON_B, '0 30 6 ? * * *'));
    expect((await call(c, 'schedules:list', { profileId: p.id })).source).toBe('live');
    const onB = await pointAt(c, p, b);
    expect((await call(c, 'schedules:list', { profileId: onB.id })).source).toBe('live');

    const back = await pointAt(c, onB, a);
    await a.setOffline(true);
    const offline = await call(c, 'schedules:list', { profileId: back.id });
    expect([offline.source, offline.schedules.map((s) => s.jobId)]).toEqual(['snapshot', [JOB_ON_A]]);
    // Never B's copy under A, and B's is still there for B.
    const toB = await pointAt(c, back, b);
    await b.setOffline(true);
    const offlineB = await call(c, 'schedules:list', { profileId: toB.id });
    expect([offlineB.source, offlineB.schedules.map((s) => s.jobId)]).toEqual(['snapshot', [JOB_ON_B]]);
    // A third server with that org id, never listed: no copy at all, not A's or B's.
    const third = await sim({ seed: [org(JOB_ON_B, '0 0 7 ? * * *')], now });
    servers.push(third);
    const onThird = await pointAt(c, toB, third);
    await third.setOffline(true);
    expect((await callFails(c, 'schedules:list', { profileId: onThird.id })).message).toMatch(/No offline copy .* for this server and org exists yet/);

    const files = async (): Promise<string[]> => (await readdir(join(dir, 'snapshots'))).filter((f) => f.startsWith(p.id));
    expect(await files()).toHaveLength(2);
    await call(c, 'profiles:delete', { id: p.id });
    expect(await files()).toEqual([]);
  });

  it('reads a history file that names no server as seen where the profile pointed when the core opened', async () => {
    const { a, b, c, p } = await setUp(org(JOB_ON_B, '0 30 6 ? * * *'));
    await recordOnA(c, p);
    await c.close();
    // As an earlier release wrote it: no record names its server.
    const file = join(dir, HISTORY_DIR, `${p.id}.json`);
    const stored = JSON.parse(await readFile(file, 'utf8')) as Records;
    for (const key of ['executions', 'runs', 'neverRun'] as const) for (const r of stored[key]) delete r.server;
    await writeFile(file, JSON.stringify(stored));

    core = await makeCore(dir, { now });
    // Moved before anything of the file was read: its records stay A's.
    const onB = await pointAt(core, p, b);
    expect(await history(core, onB)).toEqual({ executions: [], fires: [] });
    expect((await running(core, onB)).typicalDurationMs).toBeNull();
    const back = await pointAt(core, onB, a);
    expect((await history(core, back)).executions.map((e) => e.executedAt).sort()).toEqual(A_RUNS);
    expect((await running(core, back)).typicalDurationMs).toBe(11 * MIN);
  });
});
