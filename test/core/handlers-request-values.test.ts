// What a caller of the handler table notices beyond "it answered": progress events that carry the
// caller's own refresh id, an export and a data problem dated by the core's clock, and refusals of a
// malformed request that name the field and leave the server untouched.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Simulator } from '@simulator/index';
import type { AppCore, CoreEvent } from '@core/app-core';
import { DEMO_PASSWORD, call, callFails, makeCore, profileInput, removeDir, sim, tempDir } from './helpers';

const NOW = new Date('2026-11-20T08:15:00.000Z');
let server: Simulator;
let dir: string;
let core: AppCore;
let profileId: string;
let events: CoreEvent[] = [];

beforeAll(async () => {
  server = await sim();
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  server.reset();
  dir = await tempDir('handlers-request-values-');
  core = await makeCore(dir, { now: () => NOW });
  events = [];
  core.onEvent((e) => events.push(e));
  profileId = (await call(core, 'profiles:save', { profile: profileInput(server), secret: DEMO_PASSWORD, secretStorage: 'memory' })).id;
});
afterEach(async () => {
  await core.close();
  await removeDir(dir);
});

const progress = () => events.flatMap((e) => (e.event === 'schedules:refresh-progress' ? [e.payload] : []));

describe('values the handlers pass on', () => {
  it("refresh progress carries the caller's refresh id, and a fresh one when none is given", async () => {
    await call(core, 'schedules:refresh', { profileIds: [profileId], refreshId: 'refresh-from-sidebar-7' });
    expect(progress().map((p) => [p.refreshId, p.done, p.total, p.entry.profileId])).toEqual([['refresh-from-sidebar-7', 1, 1, profileId]]);
    events = [];
    await call(core, 'schedules:refresh', { profileIds: [profileId] });
    const own = progress();
    expect(own).toHaveLength(1);
    expect(own[0]?.refreshId).toMatch(/\S/);
    expect(own[0]?.refreshId).not.toBe('refresh-from-sidebar-7');
  });

  it("an export is dated by the core's clock", async () => {
    const exported = await call(core, 'profiles:export', { ids: [profileId] });
    expect((JSON.parse(exported.json) as { exportedAt: string }).exportedAt).toBe(NOW.toISOString());
  });

  it("a skipped audit line is a data problem dated by the core's clock", async () => {
    await appendFile(join(dir, 'audit.jsonl'), 'not json at all\n');
    await call(core, 'audit:list', {});
    expect((await call(core, 'app:info', {})).dataProblems).toEqual([
      {
        file: 'audit.jsonl',
        movedTo: null,
        reason: '1 line is not a valid audit record (torn by a crash or edited) and was skipped; the other records are shown.',
        at: NOW.toISOString(),
      },
    ]);
  });
});

describe('malformed requests', () => {
  it('a create without a time expression is refused naming the field, and nothing reaches the server', async () => {
    const before = server.requests({ endpoint: 'create' }).length;
    const error = await callFails(core, 'schedules:create', { profileId, orgId: 'default' });
    expect(error.kind).toBe('invalid-input');
    expect(error.message).toBe('timeExpression: Invalid input: expected string, received undefined (schedules:create)');
    expect(server.requests({ endpoint: 'create' }).length).toBe(before);
  });

  it('a secret sent with an unknown field is refused without the secret in the words', async () => {
    const error = await callFails(core, 'secrets:set', { profileId, secret: 'typed-secret-4417', storage: 'memory', extra: true });
    expect(error.kind).toBe('invalid-input');
    expect(error.message).toBe('request: unknown field “extra” (secrets:set)');
    expect(error.message).not.toContain('typed-secret-4417');
  });
});

describe('the change channels', () => {
  const active = (expression: string) => server.jobs('default', true).filter((j) => j.timeExpression === expression).length;

  it('edit, bulk delete, reactivate, pause and resume each reach the job asked for', async () => {
    const created = await call(core, 'schedules:create', { profileId, orgId: 'default', timeExpression: '0 5 2 ? * * *' });
    const edited = await call(core, 'changes:edit', { profileId, orgId: 'default', jobId: created.jobId, timeExpression: '0 10 4 ? * * *' });
    expect(JSON.stringify(edited)).toContain('0 10 4 ? * * *');
    expect([active('0 5 2 ? * * *'), active('0 10 4 ? * * *')]).toEqual([0, 1]);
    const job = server.jobs('default', true).find((j) => j.timeExpression === '0 10 4 ? * * *')!;
    await call(core, 'changes:bulk-delete', { profileId, orgId: 'default', jobIds: [job.jobId] });
    expect(active('0 10 4 ? * * *')).toBe(0);
    await call(core, 'changes:reactivate', { profileId, orgId: 'default', jobId: job.jobId });
    expect(active('0 10 4 ? * * *')).toBe(1);
    const again = server.jobs('default', true).find((j) => j.timeExpression === '0 10 4 ? * * *')!;
    const paused = await call(core, 'changes:pause', { profileId, orgId: 'default', jobId: again.jobId });
    expect(paused.status).toBe('paused');
    expect(active('0 10 4 ? * * *')).toBe(0);
    const resumed = await call(core, 'changes:resume', { profileId, orgId: 'default', pausedId: paused.paused.id });
    expect(resumed.status).toBe('resumed');
    expect(active('0 10 4 ? * * *')).toBe(1);
  });

  it('copy preview and copy reach the source job and the target profile asked for', async () => {
    const target = await call(core, 'profiles:save', {
      profile: profileInput(server, { name: 'Sales target', orgId: 'sales-analytics' }),
      secret: DEMO_PASSWORD,
      secretStorage: 'memory',
    });
    const created = await call(core, 'schedules:create', { profileId, orgId: 'default', timeExpression: '0 20 5 ? * MON *' });
    const preview = await call(core, 'changes:copy-preview', { sourceProfileId: profileId, jobIds: [created.jobId], targetProfileIds: [target.id] });
    expect(JSON.stringify(preview)).toContain('0 20 5 ? * MON *');
    expect(JSON.stringify(preview)).toContain(target.id);
    await call(core, 'changes:copy', { sourceProfileId: profileId, jobIds: [created.jobId], targets: [{ profileId: target.id, orgId: 'sales-analytics' }] });
    expect(server.jobs('sales-analytics', true).filter((j) => j.timeExpression === '0 20 5 ? * MON *')).toHaveLength(1);
  });
});
