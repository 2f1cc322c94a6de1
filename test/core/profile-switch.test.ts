// A profile switch while a delete is in flight: the delete goes to the org it was confirmed for, the
// other profiles' orgs are untouched, and the audit says which org.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Simulator } from '@simulator/index';
import type { AppCore } from '@core/app-core';
import { DEMO_PASSWORD, call, callFails, makeCore, profileInput, removeDir, sim, tempDir } from './helpers';

const JOB = '3740f5fd-a6b8-45fb-a3ab-313bf8481af3'; // in org 'default'
let server: Simulator;
let dir: string;
let core: AppCore;
beforeAll(async () => {
  server = await sim();
  dir = await tempDir();
  core = await makeCore(dir);
});
afterAll(async () => {
  await core.close();
  await server.close();
  await removeDir(dir);
});

describe('switching profiles during a slow delete', () => {
  it('deletes in the confirmed org only, even when the profile is edited to another org mid-flight', async () => {
    const a = await call(core, 'profiles:save', {
      profile: profileInput(server, { name: 'A', orgId: 'default' }),
      secret: DEMO_PASSWORD,
      secretStorage: 'memory',
    });
    const b = await call(core, 'profiles:save', {
      profile: profileInput(server, { name: 'B', orgId: 'sales-analytics' }),
      secret: DEMO_PASSWORD,
      secretStorage: 'memory',
    });
    await call(core, 'schedules:list', { profileId: a.id });
    const salesBefore = server.jobs('sales-analytics', true).map((j) => j.jobId);
    const financeBefore = server.jobs('finance-prod', true).map((j) => j.jobId);
    // The server keeps the delete in flight until released: no guessing how long the switch takes.
    const held = server.hold({ endpoint: 'delete' });
    server.clearRequests();

    let settled = false;
    const inFlight = core.handlers['schedules:delete']({ profileId: a.id, orgId: 'default', jobId: JOB }).finally(() => (settled = true));
    await vi.waitFor(() => expect(held.waiting()).toBe(1), { timeout: 10_000, interval: 10 });
    // The user switches to B and works there, and profile A is re-pointed at another org meanwhile.
    await call(core, 'schedules:list', { profileId: b.id });
    const created = await call(core, 'schedules:create', { profileId: b.id, orgId: 'sales-analytics', timeExpression: '0 0 5 ? * TUE *' });
    const { hasSecret: _h, secretStorage: _s, demo: _d, createdAt: _c, updatedAt: _u, ...input } = a;
    await call(core, 'profiles:save', { profile: { ...input, orgId: 'finance-prod' } });
    expect(settled).toBe(false); // all of the above happened while the delete was still in flight

    held.release();
    const result = await inFlight;
    expect(result).toEqual({ ok: true, value: { warning: null, reconciled: false, deleted: true, jobId: JOB } });
    expect(server.jobs('default', false).map((j) => j.jobId)).toContain(JOB);
    expect(
      server
        .jobs('sales-analytics', true)
        .map((j) => j.jobId)
        .sort(),
    ).toEqual([...salesBefore, created.jobId].sort());
    expect(server.jobs('finance-prod', true).map((j) => j.jobId)).toEqual(financeBefore);
    expect(server.requests({ endpoint: 'delete' }).map((r) => r.orgId)).toEqual(['default']);

    const audit = await call(core, 'audit:list', {});
    expect(audit.find((e) => e.action === 'delete')).toMatchObject({ profileId: a.id, profileName: 'A', orgId: 'default', jobId: JOB, outcome: 'ok' });
    expect(audit.find((e) => e.action === 'create')).toMatchObject({ profileId: b.id, orgId: 'sales-analytics', jobId: created.jobId });

    // A confirmation made for the old org is now refused for A, and nothing is sent.
    server.clearRequests();
    const stale = await callFails(core, 'schedules:delete', { profileId: a.id, orgId: 'default', jobId: '9b2d7c1e-4f3a-4e8b-9c6d-2a1b0f9e8d7c' });
    expect(stale.kind).toBe('profile-mismatch');
    expect(server.requests()).toEqual([]);
  });
});
