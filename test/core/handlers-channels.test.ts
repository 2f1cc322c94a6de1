// Each channel reaches its use case with the request's own values: what the server received and what
// the answer says, for the profile, secret, schedule, audit, health and change channels. Each test opens
// its own core, so the handlers it builds are part of what the test checks.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Simulator } from '@simulator/index';
import type { AppCore, CoreEvent } from '@core/app-core';
import { DEMO_PASSWORD, call, callFails, makeCore, profileInput, removeDir, sim, tempDir } from './helpers';

let server: Simulator;
let dir: string;
let core: AppCore;
let profileId: string;
let events: CoreEvent[] = [];
const EVERY_MINUTE = '0 * * ? * * *';

beforeAll(async () => {
  server = await sim();
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  server.reset();
  dir = await tempDir('handlers-channels-');
  core = await makeCore(dir);
  events = [];
  core.onEvent((e) => events.push(e));
  profileId = (await call(core, 'profiles:save', { profile: profileInput(server), secret: DEMO_PASSWORD, secretStorage: 'memory' })).id;
});
afterEach(async () => {
  await core.close();
  await removeDir(dir);
});

const onServer = (expression: string): number => server.jobs('default', true).filter((j) => j.timeExpression === expression).length;

describe('the schedule channels', () => {
  it('create refuses a too-frequent schedule unless the request allows it, and delete deactivates the job', async () => {
    const refused = await callFails(core, 'schedules:create', { profileId, orgId: 'default', timeExpression: EVERY_MINUTE });
    expect(refused.message).toMatch(/allow too-frequent schedules explicitly/);
    expect(onServer(EVERY_MINUTE)).toBe(0);
    const created = await call(core, 'schedules:create', { profileId, orgId: 'default', timeExpression: EVERY_MINUTE, allowTooFrequent: true });
    expect(onServer(EVERY_MINUTE)).toBe(1);
    await call(core, 'schedules:delete', { profileId, orgId: 'default', jobId: created.jobId });
    expect(onServer(EVERY_MINUTE)).toBe(0);
  });

  it('refresh answers each profile asked for and tells its progress', async () => {
    const refreshed = await call(core, 'schedules:refresh', { profileIds: [profileId] });
    expect(JSON.stringify(refreshed)).toContain(profileId);
    expect(events.some((e) => e.event === 'schedules:refresh-progress')).toBe(true);
  });

  it('audit:list keeps to the profile and the limit asked for', async () => {
    const other = await call(core, 'profiles:save', { profile: profileInput(server, { name: 'Other audit' }), secret: DEMO_PASSWORD, secretStorage: 'memory' });
    await call(core, 'schedules:create', { profileId, orgId: 'default', timeExpression: '0 45 3 ? * * *' });
    await call(core, 'schedules:create', { profileId: other.id, orgId: 'default', timeExpression: '0 15 3 ? * * *' });
    const all = await call(core, 'audit:list', {});
    expect(new Set(all.map((a) => a.profileId))).toEqual(new Set([profileId, other.id]));
    const mine = await call(core, 'audit:list', { profileId });
    expect(mine.map((a) => [a.profileId, a.timeExpression])).toEqual([[profileId, '0 45 3 ? * * *']]);
    expect(await call(core, 'audit:list', { limit: 1 })).toHaveLength(1);
    // A log whose every line is a valid record is no data problem.
    expect((await call(core, 'app:info', {})).dataProblems).toEqual([]);
  });
});

describe('the profile and secret channels', () => {
  it('duplicate, rename and delete change the list as asked', async () => {
    const copy = await call(core, 'profiles:duplicate', { id: profileId, name: 'Copy of sales' });
    expect(copy.name).toBe('Copy of sales');
    expect((await call(core, 'profiles:rename', { id: copy.id, name: 'Renamed copy' })).name).toBe('Renamed copy');
    await call(core, 'profiles:delete', { id: copy.id });
    expect((await call(core, 'profiles:list', {})).some((p) => p.id === copy.id)).toBe(false);
  });

  it('a profile pointed at another org lists that org at once; a deleted one takes its paused schedules along', async () => {
    const p = (await call(core, 'profiles:list', {}))[0];
    expect((await call(core, 'schedules:list', { profileId })).orgId).toBe('default');
    const { hasSecret: _h, secretStorage: _s, demo: _d, createdAt: _c, updatedAt: _u, ...input } = p!;
    await call(core, 'profiles:save', { profile: { ...input, orgId: 'sales-analytics' } });
    const moved = await call(core, 'schedules:list', { profileId });
    expect(moved.orgId).toBe('sales-analytics');
    expect(moved.schedules.map((j) => j.jobId).sort()).toEqual(
      server
        .jobs('sales-analytics')
        .map((j) => j.jobId)
        .sort(),
    );
    const job = moved.schedules.find((j) => j.active !== false)!;
    await call(core, 'changes:pause', { profileId, orgId: 'sales-analytics', jobId: job.jobId });
    expect(JSON.stringify(await call(core, 'changes:paused-list', {}))).toContain(job.timeExpression);
    await call(core, 'profiles:delete', { id: profileId });
    expect(JSON.stringify(await call(core, 'changes:paused-list', {}))).not.toContain(profileId);
  });

  it('server settings change for every org only when the save says so', async () => {
    const other = await call(core, 'profiles:save', { profile: profileInput(server, { name: 'Sales org', orgId: 'sales-analytics' }) });
    const zoneOf = async (id: string) => (await call(core, 'profiles:list', {})).find((p) => p.id === id)?.serverTimeZone;
    const { hasSecret: _h, secretStorage: _s, demo: _d, createdAt: _c, updatedAt: _u, ...input } = other;
    await call(core, 'profiles:save', { profile: { ...input, serverTimeZone: 'Europe/Paris' } });
    expect([await zoneOf(profileId), await zoneOf(other.id)]).toEqual(['UTC', 'Europe/Paris']);
    await call(core, 'profiles:save', { profile: { ...input, serverTimeZone: 'Asia/Tokyo' }, applyToServer: true });
    expect([await zoneOf(profileId), await zoneOf(other.id)]).toEqual(['Asia/Tokyo', 'Asia/Tokyo']);
  });

  it('export, import and the CA check answer what was asked', async () => {
    const exported = await call(core, 'profiles:export', { ids: [profileId] });
    expect(exported.count).toBe(1);
    const doc = JSON.parse(exported.json) as { profiles: { name: string }[] };
    const imported = await call(core, 'profiles:import', { json: JSON.stringify({ profiles: doc.profiles.map((p) => ({ ...p, name: 'Imported' })) }) });
    expect(imported.imported.map((p) => p.name)).toEqual(['Imported']);
    expect(await call(core, 'files:check-ca', { path: '/no/such/ca.pem' })).toMatchObject({ ok: false });
    expect(await call(core, 'connection:test', { profileId })).toMatchObject({ ok: true, scheduleCount: server.jobs('default').length });
  });

  it('clearing a secret signs the profile out; setting it signs it in again', async () => {
    const p = await call(core, 'profiles:save', {
      profile: profileInput(server, { name: 'Own user', username: 'analyst' }),
      secret: 'wrong',
      secretStorage: 'memory',
    });
    await call(core, 'secrets:clear', { profileId: p.id });
    expect((await call(core, 'profiles:list', {})).find((x) => x.id === p.id)?.hasSecret).toBe(false);
    await call(core, 'secrets:set', { profileId: p.id, secret: 'another', storage: 'memory' });
    expect((await call(core, 'profiles:list', {})).find((x) => x.id === p.id)?.hasSecret).toBe(true);
  });
});

describe('the health and change channels', () => {
  it('answer for the profile asked about', async () => {
    await call(core, 'schedules:list', { profileId });
    const history = await call(core, 'history:list', { profileId });
    expect(history.executions.length).toBeGreaterThan(0); // seen by the list
    expect(history.executions.every((e) => server.jobs('default').some((j) => j.jobId === e.jobId))).toBe(true);
    expect((await call(core, 'maintenance:running', { profileId })).profileId).toBe(profileId);
    expect((await call(core, 'maintenance:watch', { profileIds: [profileId] })).profileIds).toEqual([profileId]);
    await call(core, 'maintenance:watch', { profileIds: [] });
    const started = await call(core, 'maintenance:run-now', { profileId, orgId: 'default' });
    expect(started.running?.profileId).toBe(profileId);
    expect(await call(core, 'notifications:set', { profiles: { [profileId]: true } })).toEqual({ enabled: false, profiles: { [profileId]: true } });
    expect(await call(core, 'notifications:get', {})).toEqual({ enabled: false, profiles: { [profileId]: true } });
    const linted = await call(core, 'changes:lint', { profileId, expressions: [EVERY_MINUTE] });
    expect(linted.map((l) => [l.expression, l.blocked])).toEqual([[EVERY_MINUTE, true]]);
    expect(await call(core, 'changes:paused-list', { profileId })).toEqual(expect.anything());
    expect(JSON.stringify(await call(core, 'changes:export', { profileId }))).toContain('atscale-maintenance-schedules');
  });
});
