// What the server did stays the answer of a change: a pause or resume whose paused list cannot be written
// afterwards is done with a warning; a retried delete of a job already gone is done; a plan or a paused
// schedule is never carried to another server the profile was moved to. Real core, simulators over sockets.
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Simulator } from '@simulator/index';
import type { ProfileView } from '@shared/domain';
import { DEMO_PASSWORD, call, callFails, profileInput, sim } from '../core/helpers';
import { activeExpressions, DAILY, SUNDAY, useSimulator, world, type World } from './setup';

let server: Simulator;
let w: World | undefined;
useSimulator(
  (s) => (server = s),
  () => w,
);

const until = async (what: () => boolean): Promise<void> => {
  for (let i = 0; i < 300 && !what(); i++) await new Promise((r) => setTimeout(r, 5));
};

/** The paused list's file made unwritable (a folder in its place) while `work` runs on the server. */
async function withUnwritablePausedList<T>(x: World, endpoint: 'delete' | 'create', work: () => Promise<T>): Promise<T> {
  const hold = server.hold({ orgId: 'default', endpoint });
  const pending = work();
  await until(() => hold.waiting() > 0);
  const file = join(x.dir, 'paused-schedules.json');
  await rm(file, { force: true });
  await mkdir(file);
  hold.release();
  try {
    return await pending;
  } finally {
    await rm(file, { recursive: true, force: true });
  }
}

/** The profile moved to another server, with the same org ID. */
async function moveTo(x: World, p: ProfileView, other: Simulator): Promise<void> {
  await call(x.core, 'profiles:save', {
    profile: { ...profileInput(other, { name: p.name, orgId: p.orgId, environment: p.environment }), id: p.id },
    secret: DEMO_PASSWORD,
    secretStorage: 'memory',
  });
}

describe('a pause or resume the server carried out', () => {
  it('pause: the job is deleted on the server, the answer is paused with a warning, never "nothing was sent"', async () => {
    w = await world(server);
    const x = w;
    await call(x.core, 'schedules:list', { profileId: x.dev.id });
    const result = await withUnwritablePausedList(x, 'delete', () => call(x.core, 'changes:pause', { profileId: x.dev.id, orgId: 'default', jobId: DAILY }));
    expect(result.status).toBe('paused');
    expect(result.status === 'paused' && result.warning).toMatch(/^Deleted on the server, but the local paused list could not be updated/);
    expect(result.message).not.toMatch(/Nothing was sent/);
    expect(activeExpressions(server, 'default')).not.toContain('0 0 4 ? * * *');
    // Kept as pausing: resume still creates it again.
    const [entry] = (await call(x.core, 'changes:paused-list', {})).paused;
    expect(entry?.state).toBe('pausing');
    const resumed = await call(x.core, 'changes:resume', { profileId: x.dev.id, orgId: 'default', pausedId: entry?.id ?? '' });
    expect(resumed.status).toBe('resumed');
    expect(activeExpressions(server, 'default')).toContain('0 0 4 ? * * *');
  });

  it('resume: the job is created on the server, the answer is resumed with a warning', async () => {
    w = await world(server);
    const x = w;
    await call(x.core, 'schedules:list', { profileId: x.dev.id });
    const paused = await call(x.core, 'changes:pause', { profileId: x.dev.id, orgId: 'default', jobId: DAILY });
    if (paused.status !== 'paused') throw new Error('the pause did not finish');
    const result = await withUnwritablePausedList(x, 'create', () =>
      call(x.core, 'changes:resume', { profileId: x.dev.id, orgId: 'default', pausedId: paused.paused.id }),
    );
    expect(result.status).toBe('resumed');
    expect(result.warning).toMatch(/^Created on the server as job .+, but it could not be taken off the local paused list/);
    expect(activeExpressions(server, 'default')).toContain('0 0 4 ? * * *');
    // Resuming again finds it on the server: nothing is created twice.
    const again = await call(x.core, 'changes:resume', { profileId: x.dev.id, orgId: 'default', pausedId: paused.paused.id });
    expect(again.status).toBe('already-active');
    expect(activeExpressions(server, 'default').filter((e) => e === '0 0 4 ? * * *')).toHaveLength(1);
  });
});

describe('a retried delete', () => {
  it('of a job an earlier, lost delete already removed is done, not failed', async () => {
    w = await world(server);
    const x = w;
    await call(x.core, 'schedules:list', { profileId: x.dev.id });
    // The edit's delete is carried out but its answer is lost, and the re-list that would tell fails too.
    server.inject({ orgId: 'default', endpoint: 'delete', action: { type: 'reset' }, when: 'after', times: 1 });
    const hold = server.hold({ orgId: 'default', endpoint: 'delete' });
    const pending = call(x.core, 'changes:edit', { profileId: x.dev.id, orgId: 'default', jobId: DAILY, timeExpression: '0 0 3 ? * * *' });
    await until(() => hold.waiting() > 0);
    const relist = server.inject({ orgId: 'default', endpoint: 'list', action: { type: 'status', status: 503 } });
    hold.release();
    const edit = await pending;
    server.removeFault(relist);
    expect(edit.status).toBe('both-exist');
    expect(activeExpressions(server, 'default')).not.toContain('0 0 4 ? * * *');
    if (edit.status !== 'both-exist') return;
    const step = await call(x.core, 'changes:retry-delete', edit.retry.request);
    expect(step.outcome).toBe('ok');
  });
});

describe('a profile moved to another server with the same org ID', () => {
  it('gets no plan applied that was made against the former server', async () => {
    w = await world(server);
    const x = w;
    const other = await sim();
    try {
      const json = JSON.stringify({
        format: (await call(x.core, 'changes:export', { profileId: x.dev.id })).document.format,
        version: 1,
        schedules: [{ expression: '0 15 3 ? * * *' }],
      });
      const plan = await call(x.core, 'changes:plan', { source: { kind: 'document', json }, targetProfileId: x.dev.id });
      await moveTo(x, x.dev, other);
      const applied = await call(x.core, 'changes:apply', {
        source: { kind: 'document', json },
        targetProfileId: x.dev.id,
        planId: plan.planId,
        orgId: 'default',
      });
      expect(applied.status).toBe('changed');
      expect(activeExpressions(other, 'default')).not.toContain('0 15 3 ? * * *');
      expect(activeExpressions(other, 'default')).toContain('0 0 4 ? * * *');
    } finally {
      await other.close();
    }
  });

  it('resumes no schedule paused on the former server', async () => {
    w = await world(server);
    const x = w;
    const other = await sim();
    try {
      await call(x.core, 'schedules:list', { profileId: x.dev.id });
      const paused = await call(x.core, 'changes:pause', { profileId: x.dev.id, orgId: 'default', jobId: SUNDAY });
      if (paused.status !== 'paused') throw new Error('the pause did not finish');
      await moveTo(x, x.dev, other);
      const refused = await callFails(x.core, 'changes:resume', { profileId: x.dev.id, orgId: 'default', pausedId: paused.paused.id });
      expect(refused.kind).toBe('profile-mismatch');
      expect(refused.message).toContain('Nothing was sent');
      expect((await call(x.core, 'changes:paused-list', {})).paused.map((p) => p.id)).toEqual([paused.paused.id]);
      expect((await call(x.core, 'changes:export', { profileId: x.dev.id })).document.schedules.some((s) => s.paused === true)).toBe(false);
    } finally {
      await other.close();
    }
  });
});
