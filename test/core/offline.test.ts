// Offline: when the server cannot be reached the last snapshot answers, marked stale with the reason;
// create and delete are refused until a refresh succeeds.
import { afterEach, describe, expect, it } from 'vitest';
import type { Simulator } from '@simulator/index';
import type { AppCore } from '@core/app-core';
import { DEMO_PASSWORD, call, callFails, makeCore, profileInput, removeDir, sim, tempDir } from './helpers';

let server: Simulator;
let dir: string;
let core: AppCore;
afterEach(async () => {
  await core.close();
  await server.close();
  await removeDir(dir);
});

async function setUp(options: Parameters<typeof makeCore>[1] = {}): Promise<string> {
  server = await sim();
  dir = await tempDir();
  core = await makeCore(dir, options);
  const p = await call(core, 'profiles:save', { profile: profileInput(server), secret: DEMO_PASSWORD, secretStorage: 'memory' });
  return p.id;
}

describe('offline review from snapshots', () => {
  it('answers from the snapshot when the server is down, refuses writes, and recovers when it is back', async () => {
    const id = await setUp();
    const live = await call(core, 'schedules:list', { profileId: id });
    await server.setOffline(true);

    const stale = await call(core, 'schedules:list', { profileId: id });
    expect(stale.source).toBe('snapshot');
    expect(stale.stale?.kind).toBe('network');
    expect(stale.stale?.reason).toMatch(/refused/);
    expect(stale.fetchedAt).toBe(live.fetchedAt);
    expect(stale.schedules).toEqual(live.schedules);

    const create = await callFails(core, 'schedules:create', { profileId: id, orgId: 'default', timeExpression: '0 0 3 ? * MON *' });
    expect(create.kind).toBe('offline');
    expect(create.message).toMatch(/offline/);
    expect(create.message).toMatch(/refused/);
    const del = await callFails(core, 'schedules:delete', { profileId: id, orgId: 'default', jobId: live.schedules[0]!.jobId });
    expect(del.kind).toBe('offline');

    await server.setOffline(false);
    expect((await call(core, 'schedules:list', { profileId: id })).source).toBe('live');
    const created = await call(core, 'schedules:create', { profileId: id, orgId: 'default', timeExpression: '0 0 3 ? * MON *' });
    expect(server.jobs('default', true).map((j) => j.jobId)).toContain(created.jobId);
  });

  it('survives a restart: the snapshot on disk answers when the server is down at start', async () => {
    const id = await setUp();
    const live = await call(core, 'schedules:list', { profileId: id });
    await core.close();
    await server.setOffline(true);
    core = await makeCore(dir);
    // The memory secret is gone after a restart; put it back like a user would.
    await call(core, 'secrets:set', { profileId: id, secret: DEMO_PASSWORD, storage: 'memory' });
    const stale = await call(core, 'schedules:list', { profileId: id });
    expect(stale).toMatchObject({ source: 'snapshot', fetchedAt: live.fetchedAt, stale: { kind: 'network' } });
    expect(stale.schedules.map((s) => s.jobId)).toEqual(live.schedules.map((s) => s.jobId));
  });

  it('treats a hanging server as a timeout, and a server error as stale (not offline)', async () => {
    const id = await setUp({ requestTimeoutMs: 1000 });
    await call(core, 'schedules:list', { profileId: id });
    const hang = server.inject({ endpoint: 'list', action: { type: 'hang' } });
    const timedOut = await call(core, 'schedules:list', { profileId: id });
    expect(timedOut).toMatchObject({ source: 'snapshot', stale: { kind: 'timeout' } });
    expect((await callFails(core, 'schedules:create', { profileId: id, orgId: 'default', timeExpression: '0 0 3 ? * MON *' })).kind).toBe('offline');
    server.removeFault(hang);

    server.inject({ endpoint: 'list', action: { type: 'status', status: 503 } });
    const broken = await call(core, 'schedules:list', { profileId: id });
    expect(broken).toMatchObject({ source: 'snapshot', stale: { kind: 'server' } });
    // The server answered, so it is reachable: writes go through (and may fail on their own).
    server.clearFaults();
    const created = await call(core, 'schedules:create', { profileId: id, orgId: 'default', timeExpression: '0 0 3 ? * MON *' });
    expect(created.jobId).toBeTruthy();
  });

  it('says plainly when there is no snapshot yet', async () => {
    const id = await setUp();
    await server.setOffline(true);
    const error = await callFails(core, 'schedules:list', { profileId: id });
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(/No offline copy/);
  });

  it('does not show a snapshot of another org after the profile changed org', async () => {
    const id = await setUp();
    await call(core, 'schedules:list', { profileId: id });
    const profile = (await call(core, 'profiles:list', {}))[0]!;
    const { hasSecret: _h, secretStorage: _s, demo: _d, createdAt: _c, updatedAt: _u, ...input } = profile;
    await call(core, 'profiles:save', { profile: { ...input, orgId: 'sales-analytics' } });
    await server.setOffline(true);
    expect((await callFails(core, 'schedules:list', { profileId: id })).message).toMatch(/No offline copy/);
  });
});
