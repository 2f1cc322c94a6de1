// A write whose answer was lost is "outcome unknown", never "failed": the core re-lists at once and
// tells what the server really did. Real core, real client, the simulator's fault injection over sockets.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Simulator } from '@simulator/index';
import type { AppCore } from '@core/app-core';
import type { ProfileView } from '@shared/domain';
import { DEMO_PASSWORD, call, callFails, makeCore, profileInput, removeDir, sim, tempDir } from './helpers';

const EXPR = '0 15 2 ? * WED *';
const TIMEOUT_MS = 700;
let server: Simulator;
let dir: string;
let core: AppCore;
let profile: ProfileView;

beforeAll(async () => {
  server = await sim();
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  dir = await tempDir();
  core = await makeCore(dir, { requestTimeoutMs: TIMEOUT_MS });
  profile = await call(core, 'profiles:save', { profile: profileInput(server), secret: DEMO_PASSWORD, secretStorage: 'memory' });
  await call(core, 'schedules:list', { profileId: profile.id });
});
afterEach(async () => {
  await core.close();
  await removeDir(dir);
  server.reset();
});

const activeWith = (expression: string): string[] =>
  server
    .jobs('default', true)
    .filter((j) => j.timeExpression === expression)
    .map((j) => j.jobId);
const audit = async () => call(core, 'audit:list', { profileId: profile.id });
const create = () => core.handlers['schedules:create']({ profileId: profile.id, orgId: 'default', timeExpression: EXPR });

describe('a create whose answer was lost', () => {
  it('is answered as created (reconciled) when the server made the job and then hung', async () => {
    server.inject({ endpoint: 'create', action: { type: 'hang' }, when: 'after', times: 1 });
    const result = await create();
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({ reconciled: true, warning: null, timeExpression: EXPR, orgId: 'default' });
    expect(activeWith(EXPR)).toEqual([result.value.jobId]);
    const [entry] = await audit();
    expect(entry).toMatchObject({ action: 'create', outcome: 'ok', jobId: result.value.jobId, resolution: `reconciled: created as job ${result.value.jobId}` });
    expect(entry?.error).toMatch(/did not answer|did not finish/);
  });

  it('is answered as created when the connection was reset after the server acted', async () => {
    server.inject({ endpoint: 'create', action: { type: 'reset' }, when: 'after', times: 1 });
    const result = await create();
    expect(result.ok && result.value.reconciled).toBe(true);
    expect(activeWith(EXPR)).toHaveLength(1);
  });

  it('says it was not created and is safe to retry when the re-list shows no such job', async () => {
    server.inject({ endpoint: 'create', action: { type: 'reset' }, when: 'before', times: 1 });
    const error = await callFails(core, 'schedules:create', { profileId: profile.id, orgId: 'default', timeExpression: EXPR });
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(/re-list shows it was not created, so it is safe to try again/);
    expect(activeWith(EXPR)).toEqual([]);
    expect((await audit())[0]).toMatchObject({ outcome: 'failed', resolution: 'not created (re-list)' });
  });

  it('does not take a job with the same expression that existed before for the created one', async () => {
    const first = await call(core, 'schedules:create', { profileId: profile.id, orgId: 'default', timeExpression: EXPR });
    expect(first.reconciled).toBe(false);
    server.inject({ endpoint: 'create', action: { type: 'reset' }, when: 'before', times: 1 });
    const error = await callFails(core, 'schedules:create', { profileId: profile.id, orgId: 'default', timeExpression: EXPR });
    expect(error.message).toContain('not created');
    expect(activeWith(EXPR)).toEqual([first.jobId]);
  });

  it('is outcome-unknown, never "failed", when the re-list cannot be had either', async () => {
    server.inject({ endpoint: 'create', action: { type: 'hang' }, when: 'after', times: 1 });
    // The re-list is slower than the request timeout (the list just before the create is not).
    server.inject({ endpoint: 'list', latencyMs: TIMEOUT_MS * 3, times: 4, skip: 2 });
    const error = await callFails(core, 'schedules:create', { profileId: profile.id, orgId: 'default', timeExpression: EXPR });
    expect(error.kind).toBe('outcome-unknown');
    expect(error.message).toMatch(
      /^The server may have created it: the answer was lost \(.+\)\. Refresh before trying again; retrying now could make a duplicate\.$/,
    );
    expect(activeWith(EXPR)).toHaveLength(1); // it was in fact created
    expect((await audit())[0]).toMatchObject({ action: 'create', outcome: 'unknown', resolution: 'unresolved' });
  });

  it('is never sent when the server refuses the connection: the list just before it finds the profile offline', async () => {
    await server.setOffline(true);
    try {
      const error = await callFails(core, 'schedules:create', { profileId: profile.id, orgId: 'default', timeExpression: EXPR });
      expect(error.kind).toBe('offline');
      expect(error.message).toMatch(/ is offline, so the new schedule was not sent: .*refused the connection/);
      expect(error.message).not.toContain('re-list');
      expect(server.requests().filter((r) => r.endpoint === 'create')).toEqual([]);
      expect(await audit()).toEqual([]);
    } finally {
      await server.setOffline(false);
    }
  });
});

describe('a delete whose answer was lost', () => {
  const JOB = '3740f5fd-a6b8-45fb-a3ab-313bf8481af3';
  const del = () => core.handlers['schedules:delete']({ profileId: profile.id, orgId: 'default', jobId: JOB });

  it('is answered as deleted (reconciled) when the job is gone on the re-list', async () => {
    server.inject({ endpoint: 'delete', action: { type: 'hang' }, when: 'after', times: 1 });
    const result = await del();
    expect(result).toEqual({ ok: true, value: { deleted: true, jobId: JOB, warning: null, reconciled: true } });
    expect(server.jobs('default', true).map((j) => j.jobId)).not.toContain(JOB);
    expect((await audit())[0]).toMatchObject({ action: 'delete', outcome: 'ok', resolution: 'reconciled: deleted', timeExpression: expect.any(String) });
  });

  it('says the job is still there when the re-list shows it', async () => {
    server.inject({ endpoint: 'delete', action: { type: 'reset' }, when: 'before', times: 1 });
    const error = await callFails(core, 'schedules:delete', { profileId: profile.id, orgId: 'default', jobId: JOB });
    expect(error.message).toMatch(/still there, so it is safe to try again/);
    expect(server.jobs('default', true).map((j) => j.jobId)).toContain(JOB);
  });

  it('is outcome-unknown when the re-list fails too', async () => {
    server.inject({ endpoint: 'delete', action: { type: 'reset' }, when: 'after', times: 1 });
    server.inject({ endpoint: 'list', action: { type: 'reset' }, times: 10 });
    const error = await callFails(core, 'schedules:delete', { profileId: profile.id, orgId: 'default', jobId: JOB });
    expect(error.kind).toBe('outcome-unknown');
    expect(error.message).toMatch(/^The server may have deleted it: the answer was lost/);
    expect((await audit())[0]).toMatchObject({ action: 'delete', outcome: 'unknown', resolution: 'unresolved' });
  });
});

describe('a delete of a job this org does not list', () => {
  it("is refused before anything is sent (a job id from another profile's org)", async () => {
    const otherOrgJob = server.jobs('sales-analytics', true)[0]?.jobId ?? '';
    expect(otherOrgJob).not.toBe('');
    server.clearRequests();
    const error = await callFails(core, 'schedules:delete', { profileId: profile.id, orgId: 'default', jobId: otherOrgJob });
    expect(error.kind).toBe('not-found');
    expect(error.message).toContain('nothing was sent');
    expect(server.requests().filter((r) => r.endpoint === 'delete')).toEqual([]);
    expect(server.jobs('sales-analytics', true).map((j) => j.jobId)).toContain(otherOrgJob);
  });
});
