// Creates and deletes as the user sees them afterwards: the offline copy follows each write, the audit line
// names the job's expression and the cause of a failure, a job made elsewhere since the last list can be
// deleted, a lost write whose re-list cannot reach the server leaves the profile offline (and only then),
// and the refusals say which action was not sent. Real core, real client, the simulator over sockets.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_USER } from '@simulator/index';
import { createAtScaleClient } from '@core/atscale/index';
import type { AppCore } from '@core/app-core';
import type { ProfileView } from '@shared/domain';
import { DEMO_PASSWORD, call, callFails, makeCore, profileInput, fileSimulator, removeDir, sim, tempDir } from './helpers';

const EXPR = '0 45 4 ? * TUE *';
const simulator = fileSimulator();
let dir: string;
let core: AppCore;
let profile: ProfileView;

beforeEach(async () => {
  dir = await tempDir();
  core = await makeCore(dir, { requestTimeoutMs: 1500 });
  profile = await call(core, 'profiles:save', { profile: profileInput(simulator()), secret: DEMO_PASSWORD, secretStorage: 'memory' });
});
afterEach(async () => {
  await core.close();
  await removeDir(dir);
  simulator().reset();
});

const list = () => call(core, 'schedules:list', { profileId: profile.id });
const create = (timeExpression = EXPR) => call(core, 'schedules:create', { profileId: profile.id, orgId: 'default', timeExpression });
const remove = (jobId: string) => call(core, 'schedules:delete', { profileId: profile.id, orgId: 'default', jobId });
const audit = () => call(core, 'audit:list', { profileId: profile.id });
/** Another app on the same server and org (a colleague, a script). */
const elsewhere = () =>
  createAtScaleClient({ apiUrl: simulator().url, orgId: 'default', credentials: { kind: 'password', username: DEMO_USER, password: DEMO_PASSWORD } });

describe('after a write', () => {
  it('the offline copy shows the new job and the deleted one as inactive, the others as they were', async () => {
    const before = await list();
    const victim = before.schedules.filter((s) => s.active)[1]!;
    const created = await create();
    expect(created).toMatchObject({ timeExpression: EXPR, orgId: 'default', active: true, createdBy: DEMO_USER, reconciled: false, warning: null });
    expect(await remove(victim.jobId)).toEqual({ deleted: true, jobId: victim.jobId, warning: null, reconciled: false });
    await simulator().setOffline(true);
    try {
      const offline = await list();
      expect(offline.source).toBe('snapshot');
      const { warning: _w, reconciled: _r, ...createdSchedule } = created;
      expect(offline.schedules.map(({ health: _h, ...s }) => s)).toEqual([
        ...before.schedules.map(({ health: _h, ...s }) => (s.jobId === victim.jobId ? { ...s, active: false } : s)),
        createdSchedule,
      ]);
    } finally {
      await simulator().setOffline(false);
    }
    // The live list itself: active jobs as the server has them, the deleted one inactive.
    const live = await list();
    expect(
      live.schedules
        .filter((s) => s.active)
        .map((s) => s.jobId)
        .sort(),
    ).toEqual(
      simulator()
        .jobs('default', true)
        .map((j) => j.jobId)
        .sort(),
    );
    expect(live.schedules.find((s) => s.jobId === victim.jobId)?.active).toBe(false);
    // The created job carries the server's own creation time, as the next list shows it.
    expect(live.schedules.find((s) => s.jobId === created.jobId)?.createdAt).toBe(created.createdAt);
  });

  it("audits a delete with the job's expression from this org's list", async () => {
    const { schedules } = await list();
    const victim = schedules.filter((s) => s.active)[1]!;
    expect(victim.timeExpression).not.toBe(schedules[0]!.timeExpression);
    await remove(victim.jobId);
    expect((await audit())[0]).toMatchObject({ action: 'delete', jobId: victim.jobId, timeExpression: victim.timeExpression, outcome: 'ok', error: null });
  });

  it('deletes a job another app created since the last list', async () => {
    await list();
    const made = await elsewhere().createSchedule(EXPR);
    expect(await remove(made.jobId)).toMatchObject({ deleted: true, jobId: made.jobId });
    expect(
      simulator()
        .jobs('default', true)
        .map((j) => j.jobId),
    ).not.toContain(made.jobId);
  });
});

describe('a write that failed', () => {
  it('is audited with its cause', async () => {
    await list();
    simulator().inject({ endpoint: 'create', action: { type: 'status', status: 400, message: 'expression refused by policy' }, times: 1 });
    const error = await callFails(core, 'schedules:create', { profileId: profile.id, orgId: 'default', timeExpression: EXPR });
    const [entry] = await audit();
    expect(entry).toMatchObject({ action: 'create', outcome: 'failed', jobId: null, timeExpression: EXPR, resolution: null });
    expect(entry?.error).toBe(error.message);
  });

  it('is still answered with its own error when its audit line cannot be written, and that is listed as a data problem', async () => {
    await list();
    await mkdir(join(dir, 'audit.jsonl'));
    simulator().inject({ endpoint: 'create', action: { type: 'status', status: 400, message: 'expression refused by policy' }, times: 1 });
    const error = await callFails(core, 'schedules:create', { profileId: profile.id, orgId: 'default', timeExpression: EXPR });
    expect(error.kind).not.toBe('internal');
    const problems = (await call(core, 'app:info', {})).dataProblems;
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'audit.jsonl',
        reason: expect.stringMatching(/^The create was not confirmed by the server, but the local audit record could not be written \(/),
      }),
    );
  });

  it('a lost delete the re-list shows undone is audited as not deleted; one it cannot settle says to refresh first', async () => {
    const victim = (await list()).schedules.find((s) => s.active)!;
    simulator().inject({ endpoint: 'delete', action: { type: 'reset' }, when: 'before', times: 1 });
    await callFails(core, 'schedules:delete', { profileId: profile.id, orgId: 'default', jobId: victim.jobId });
    expect((await audit())[0]).toMatchObject({ action: 'delete', outcome: 'failed', resolution: 'not deleted (re-list)', error: expect.any(String) });
    simulator().inject({ endpoint: 'delete', action: { type: 'reset' }, when: 'after', times: 1 });
    simulator().inject({ endpoint: 'list', action: { type: 'status', status: 500 } });
    const unknown = await callFails(core, 'schedules:delete', { profileId: profile.id, orgId: 'default', jobId: victim.jobId });
    expect(unknown.message).toMatch(
      /^The server may have deleted it: the answer was lost \(.+\)\. Refresh to see whether the job is gone before trying again\.$/,
    );
  });

  it('a lost delete that did happen is audited as reconciled with the lost answer', async () => {
    const victim = (await list()).schedules.find((s) => s.active)!;
    simulator().inject({ endpoint: 'delete', action: { type: 'reset' }, when: 'after', times: 1 });
    expect(await remove(victim.jobId)).toMatchObject({ deleted: true, reconciled: true });
    expect((await audit())[0]).toMatchObject({ outcome: 'ok', resolution: 'reconciled: deleted', error: expect.stringMatching(/.+/) });
  });
});

describe('a write answered by a gateway that gave up waiting', () => {
  it('a create the engine did make behind a 504 is the created job, not a failure', async () => {
    await list();
    simulator().inject({ endpoint: 'create', action: { type: 'status', status: 504 }, when: 'after', times: 1 });
    expect(await create()).toMatchObject({ timeExpression: EXPR, active: true, reconciled: true });
    expect(
      simulator()
        .jobs('default', true)
        .filter((j) => j.timeExpression === EXPR),
    ).toHaveLength(1);
    expect((await audit())[0]).toMatchObject({ action: 'create', outcome: 'ok', resolution: expect.stringMatching(/^reconciled/) });
  });

  it('a delete behind a 502 that did not happen is told as not deleted, after a re-list', async () => {
    const victim = (await list()).schedules.find((s) => s.active)!;
    simulator().inject({ endpoint: 'delete', action: { type: 'status', status: 502 }, when: 'before', times: 1 });
    const error = await callFails(core, 'schedules:delete', { profileId: profile.id, orgId: 'default', jobId: victim.jobId });
    expect(error.kind).not.toBe('outcome-unknown');
    expect((await audit())[0]).toMatchObject({ action: 'delete', outcome: 'failed', resolution: 'not deleted (re-list)' });
  });

  it('a plain refusal (503) is a failure with nothing re-listed', async () => {
    await list();
    simulator().inject({ endpoint: 'create', action: { type: 'status', status: 503 }, when: 'before', times: 1 });
    const error = await callFails(core, 'schedules:create', { profileId: profile.id, orgId: 'default', timeExpression: EXPR });
    expect(error.kind).toBe('server');
    expect((await audit())[0]).toMatchObject({ action: 'create', outcome: 'failed' });
    expect((await audit())[0]?.resolution ?? null).toBeNull();
  });
});

describe('a write with no list before it', () => {
  it('takes no older job with the same expression for a lost create that did not happen', async () => {
    await elsewhere().createSchedule(EXPR);
    simulator().inject({ endpoint: 'create', action: { type: 'reset' }, when: 'before', times: 1 });
    const error = await callFails(core, 'schedules:create', { profileId: profile.id, orgId: 'default', timeExpression: EXPR });
    expect(error.message).toContain('The re-list shows it was not created');
  });

  it('deletes a job with no offline copy saved yet, auditing no expression', async () => {
    const jobId = simulator().jobs('default', true)[0]!.jobId;
    expect(await remove(jobId)).toMatchObject({ deleted: true, jobId });
    expect((await audit())[0]).toMatchObject({ action: 'delete', jobId, timeExpression: null, outcome: 'ok' });
  });
});

describe('a write whose audit line cannot be written', () => {
  it('is answered as done on the server, with a warning naming the missing record', async () => {
    const victim = (await list()).schedules.find((s) => s.active)!;
    await mkdir(join(dir, 'audit.jsonl'));
    const created = await create();
    expect(created.warning).toMatch(/^Created on the server, but the local audit record could not be written: EISDIR/);
    expect((await remove(victim.jobId)).warning).toMatch(/^Deleted on the server, but the local audit record could not be written: EISDIR/);
  });
});

describe('a lost create with no list before it', () => {
  it('is matched to the job it made, not to an older one with the same expression', async () => {
    const older = await elsewhere().createSchedule(EXPR);
    simulator().inject({ endpoint: 'create', action: { type: 'reset' }, when: 'after', times: 1 });
    const created = await create();
    expect(created.reconciled).toBe(true);
    expect(created.jobId).not.toBe(older.jobId);
    expect(
      simulator()
        .jobs('default', true)
        .filter((j) => j.timeExpression === EXPR)
        .map((j) => j.jobId),
    ).toEqual(expect.arrayContaining([older.jobId, created.jobId]));
  });
});

describe('the jobs just before a create', () => {
  it("are listed at the create: a colleague's job with the same expression made since the last list is never taken for ours", async () => {
    await list();
    const theirs = await elsewhere().createSchedule(EXPR);
    // Ours is dropped before the server acts on it.
    simulator().inject({ endpoint: 'create', action: { type: 'reset' }, when: 'before', times: 1 });
    const failed = await callFails(core, 'schedules:create', { profileId: profile.id, orgId: 'default', timeExpression: EXPR });
    expect(failed.kind).toBe('network');
    expect(failed.message).toMatch(/The re-list shows it was not created, so it is safe to try again\.$/);
    expect(
      simulator()
        .jobs('default', true)
        .filter((j) => j.timeExpression === EXPR)
        .map((j) => j.jobId),
    ).toEqual([theirs.jobId]);
    expect((await audit())[0]).toMatchObject({ action: 'create', outcome: 'failed', jobId: null, resolution: 'not created (re-list)' });
  });

  it('that cannot be listed (a server error) leave a lost create unknown, never claimed or failed', async () => {
    await list();
    // Both lists (active, deactivated) fail on each of their three tries; the re-list after the create works.
    simulator().inject({ endpoint: 'list', action: { type: 'status', status: 500 }, times: 6 });
    simulator().inject({ endpoint: 'create', action: { type: 'reset' }, when: 'after', times: 1 });
    const unknown = await callFails(core, 'schedules:create', { profileId: profile.id, orgId: 'default', timeExpression: EXPR });
    expect(unknown.kind).toBe('outcome-unknown');
    expect(unknown.message).toMatch(
      /^The server may have created it: the answer was lost \(.+\)\. Refresh before trying again; retrying now could make a duplicate\.$/,
    );
    expect(
      simulator()
        .jobs('default', true)
        .filter((j) => j.timeExpression === EXPR),
    ).toHaveLength(1);
    expect((await audit())[0]).toMatchObject({ action: 'create', outcome: 'unknown', resolution: 'unresolved' });
  });

  it('on a server that cannot be reached leave the profile offline and the create unsent', async () => {
    await list();
    simulator().inject({ endpoint: 'list', action: { type: 'reset' } });
    const refused = await callFails(core, 'schedules:create', { profileId: profile.id, orgId: 'default', timeExpression: EXPR });
    expect(refused.kind).toBe('offline');
    expect(refused.message).toMatch(/^“Sales dev” is offline, so the new schedule was not sent: /);
    expect(
      simulator()
        .requests()
        .filter((r) => r.endpoint === 'create'),
    ).toEqual([]);
  });
});

describe('offline after a lost write', () => {
  it('is set when the re-list cannot reach the server, and then refuses the next write naming it', async () => {
    await list();
    simulator().inject({ endpoint: 'create', action: { type: 'reset' }, when: 'after', times: 1 });
    // The create's own list of the jobs before it (active and deactivated) gets through; the re-list does not.
    simulator().inject({ endpoint: 'list', action: { type: 'reset' }, skip: 2 });
    expect((await callFails(core, 'schedules:create', { profileId: profile.id, orgId: 'default', timeExpression: EXPR })).kind).toBe('outcome-unknown');
    simulator().clearFaults();
    const next = await callFails(core, 'schedules:create', { profileId: profile.id, orgId: 'default', timeExpression: EXPR });
    expect(next.kind).toBe('offline');
    expect(next.message).toMatch(
      /^“Sales dev” is offline, so the new schedule was not sent: .+\. Refresh the schedules once the server can be reached again\.$/,
    );
    const del = await callFails(core, 'schedules:delete', { profileId: profile.id, orgId: 'default', jobId: simulator().jobs('default', true)[0]!.jobId });
    expect(del.message).toMatch(/^“Sales dev” is offline, so the delete was not sent: /);
  });

  it('is not set when the re-list was answered with a server error', async () => {
    await list();
    simulator().inject({ endpoint: 'create', action: { type: 'reset' }, when: 'after', times: 1 });
    simulator().inject({ endpoint: 'list', action: { type: 'status', status: 500 }, skip: 2 });
    expect((await callFails(core, 'schedules:create', { profileId: profile.id, orgId: 'default', timeExpression: EXPR })).kind).toBe('outcome-unknown');
    simulator().clearFaults();
    expect(await create('0 45 5 ? * TUE *')).toMatchObject({ reconciled: false });
  });

  it('ends when the profile is pointed at another server', async () => {
    await list();
    await simulator().setOffline(true);
    expect((await list()).source).toBe('snapshot');
    const other = await sim();
    try {
      profile = await call(core, 'profiles:save', { profile: { ...profileInput(other), id: profile.id }, secret: DEMO_PASSWORD, secretStorage: 'memory' });
      const created = await create();
      expect(other.jobs('default', true).map((j) => j.jobId)).toContain(created.jobId);
    } finally {
      await other.close();
      await simulator().setOffline(false);
    }
  });
});

describe('a list the server refuses', () => {
  it('is an error, not the offline copy', async () => {
    await list();
    simulator().inject({ endpoint: 'list', action: { type: 'status', status: 401 } });
    simulator().inject({ endpoint: 'auth', action: { type: 'status', status: 401 } });
    expect((await callFails(core, 'schedules:list', { profileId: profile.id })).kind).toBe('unauthorized');
  });
});

describe('a write confirmed for another org', () => {
  it('names the action that was not sent', async () => {
    await list();
    const created = await callFails(core, 'schedules:create', { profileId: profile.id, orgId: 'sales-analytics', timeExpression: EXPR });
    expect(created.message).toBe(
      'The new schedule was confirmed for org “sales-analytics”, but profile “Sales dev” is connected to org “default”. Nothing was sent; check the profile and try again.',
    );
    const deleted = await callFails(core, 'schedules:delete', {
      profileId: profile.id,
      orgId: 'sales-analytics',
      jobId: simulator().jobs('default', true)[0]!.jobId,
    });
    expect(deleted.message).toMatch(/^The delete was confirmed for org “sales-analytics”/);
  });
});

describe('the offline copy that cannot be written', () => {
  it('is reported with its cause while the live list is answered', async () => {
    await mkdir(join(dir, 'snapshots', `${profile.id}.json`), { recursive: true });
    expect((await list()).source).toBe('live');
    const [problem] = (await call(core, 'app:info', {})).dataProblems;
    expect(problem?.file).toBe(`snapshots/${profile.id}.json`);
    expect(problem?.reason).toMatch(/^The offline snapshot of “Sales dev” could not be written \(\S.*\)\.$/);
  });
});

describe('a create answered with the job id alone', () => {
  it('is stamped with the time of the create and the user who made it', async () => {
    await list();
    const jobId = '6f0d8a52-1c3b-4e7a-9d2f-0a1b2c3d4e5f';
    simulator().inject({ endpoint: 'create', times: 1, action: { type: 'raw', status: 200, body: JSON.stringify({ response: { job_id: jobId } }) } });
    const from = new Date().toISOString();
    const created = await create();
    const to = new Date().toISOString();
    expect(created).toMatchObject({ jobId, timeExpression: EXPR, createdBy: DEMO_USER, active: true, latestExecution: null });
    expect(created.createdAt >= from && created.createdAt <= to).toBe(true);
  });
});
