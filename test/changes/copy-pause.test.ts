// Copying schedules across profiles (one production target with its own org) and pausing/resuming,
// against the simulator; the paused store survives a restart.
import { describe, expect, it } from 'vitest';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Simulator } from '@simulator/index';
import { call, callFails, makeCore } from '../core/helpers';
import { SUNDAY, DAILY, activeExpressions, withLostAnswer, world, writes, type World, useSimulator } from './setup';

async function until(ready: () => boolean): Promise<void> {
  for (let i = 0; i < 2_000 && !ready(); i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(ready()).toBe(true);
}

let server: Simulator;
let w: World;
useSimulator(
  (started) => (server = started),
  () => w,
);

describe('copy to profiles', () => {
  it('previews per target what is created and what already exists there (same schedule)', async () => {
    w = await world(server);
    const preview = await call(w.core, 'changes:copy-preview', {
      sourceProfileId: w.dev.id,
      jobIds: [DAILY, SUNDAY],
      targetProfileIds: [w.test.id, w.prod.id],
    });
    expect(preview.map((p) => [p.name, p.production])).toEqual([
      ['Test', false],
      ['Prod', true],
    ]);
    // Both targets run "0 0 4 ? * * *" already: skipped; the Sunday one is new.
    for (const p of preview) {
      expect(p.plan.unchanged.map((u) => u.expression)).toEqual(['0 0 4 ? * * *']);
      expect(p.plan.create.map((c) => c.expression)).toEqual(['0 30 1 ? * SUN *']);
      expect(p.plan.delete).toEqual([]);
    }
    expect(writes(server)).toEqual([]);
  });

  it('refuses a production target confirmed with the wrong org on its own, copies to the others, and audits one change', async () => {
    w = await world(server);
    const result = await call(w.core, 'changes:copy', {
      sourceProfileId: w.dev.id,
      jobIds: [DAILY, SUNDAY],
      targets: [
        { profileId: w.prod.id, orgId: 'sales' },
        { profileId: w.test.id, orgId: 'finance-prod' },
      ],
    });
    expect(result.targets.map((t) => [t.name, t.status])).toEqual([
      ['Prod', 'refused'],
      ['Test', 'done'],
    ]);
    const refused = result.targets[0];
    expect(refused?.status === 'refused' ? refused.error.kind : null).toBe('profile-mismatch');
    expect(result.targets[1]?.status === 'done' ? result.targets[1].message : '').toContain('1 already there');
    expect(activeExpressions(server, 'finance-prod')).toEqual(['0 0 4 ? * * *', '0 0 5 LW * ?', '0 30 1 ? * SUN *']);
    expect(activeExpressions(server, 'sales-analytics')).not.toContain('0 30 1 ? * SUN *');
    const audit = await call(w.core, 'audit:list', {});
    expect(audit.map((a) => [a.profileId, a.action, a.change, a.changeId])).toEqual([[w.test.id, 'create', 'copy', result.changeId]]);

    // With its own org confirmed, production gets it too; copying again finds nothing to do.
    const prod = await call(w.core, 'changes:copy', {
      sourceProfileId: w.dev.id,
      jobIds: [SUNDAY],
      targets: [{ profileId: w.prod.id, orgId: 'sales-analytics' }],
    });
    expect(prod.targets[0]?.status).toBe('done');
    const again = await call(w.core, 'changes:copy', {
      sourceProfileId: w.dev.id,
      jobIds: [SUNDAY],
      targets: [{ profileId: w.prod.id, orgId: 'sales-analytics' }],
    });
    expect(again.targets[0]?.status).toBe('nothing-to-do');
  });

  it('reports a target whose create fails, and still copies to the next target', async () => {
    w = await world(server);
    server.inject({ orgId: 'finance-prod', endpoint: 'create', action: { type: 'status', status: 500 } });
    const result = await call(w.core, 'changes:copy', {
      sourceProfileId: w.dev.id,
      jobIds: [SUNDAY],
      targets: [
        { profileId: w.test.id, orgId: 'finance-prod' },
        { profileId: w.prod.id, orgId: 'sales-analytics' },
      ],
    });
    expect(result.targets.map((t) => [t.name, t.status, t.steps.map((s) => s.outcome)])).toEqual([
      ['Test', 'stopped', ['failed']],
      ['Prod', 'done', ['ok']],
    ]);
  });
});

describe('pause and resume', () => {
  it('keeps the schedule in the paused store, deletes it on the server, survives a restart, and resumes it', async () => {
    w = await world(server);
    const paused = await call(w.core, 'changes:pause', { profileId: w.dev.id, orgId: 'default', jobId: SUNDAY, label: 'weekly full build' });
    expect(paused.status).toBe('paused');
    expect(paused.message).toContain('Event-triggered maintenance still runs');
    expect(server.jobs('default', true).map((j) => j.jobId)).not.toContain(SUNDAY);
    const file = JSON.parse(await readFile(join(w.dir, 'paused-schedules.json'), 'utf8')) as { paused: { timeExpression: string; state: string }[] };
    expect(file.paused).toMatchObject([{ timeExpression: '0 30 1 ? * SUN *', state: 'paused' }]);

    // A restart (a new core on the same folder) still lists it; the export marks it paused.
    await w.core.close();
    w.core = await makeCore(w.dir);
    const saved = await call(w.core, 'profiles:list', {});
    const dev = saved.find((p) => p.name === 'Dev')!;
    await call(w.core, 'secrets:set', { profileId: dev.id, secret: 'atscale-demo', storage: 'memory' });
    const list = await call(w.core, 'changes:paused-list', { profileId: dev.id });
    expect(list).toMatchObject({ problem: null, paused: [{ jobId: SUNDAY, label: 'weekly full build', state: 'paused', serverTimeZone: 'UTC' }] });
    const exported = await call(w.core, 'changes:export', { profileId: dev.id });
    expect(exported.document.schedules).toContainEqual({ expression: '0 30 1 ? * SUN *', label: 'weekly full build', paused: true });

    const resumed = await call(w.core, 'changes:resume', { profileId: dev.id, orgId: 'default', pausedId: list.paused[0]!.id });
    expect(resumed.status).toBe('resumed');
    expect(activeExpressions(server, 'default')).toContain('0 30 1 ? * SUN *');
    expect((await call(w.core, 'changes:paused-list', { profileId: dev.id })).paused).toEqual([]);
    const audit = await call(w.core, 'audit:list', { profileId: dev.id });
    expect(audit.map((a) => [a.action, a.change])).toEqual([
      ['create', 'resume'],
      ['delete', 'pause'],
    ]);
  });

  it('has the schedule on disk before the server delete is sent, and keeps it there until the resume was accepted', async () => {
    w = await world(server);
    const stored = async () => (JSON.parse(await readFile(join(w.dir, 'paused-schedules.json'), 'utf8')) as { paused: { state: string }[] }).paused;
    const held = server.hold({ orgId: 'default', endpoint: 'delete' });
    const pausing = call(w.core, 'changes:pause', { profileId: w.dev.id, orgId: 'default', jobId: SUNDAY });
    await until(() => held.waiting() === 1);
    expect(await stored()).toMatchObject([{ state: 'pausing' }]);
    held.release();
    const paused = await pausing;
    if (paused.status !== 'paused') throw new Error(paused.message);

    const create = server.hold({ orgId: 'default', endpoint: 'create' });
    const resuming = call(w.core, 'changes:resume', { profileId: w.dev.id, orgId: 'default', pausedId: paused.paused.id });
    await until(() => create.waiting() === 1);
    expect(await stored()).toMatchObject([{ state: 'paused' }]);
    create.release();
    expect((await resuming).status).toBe('resumed');
    expect(await stored()).toEqual([]);
  });

  it('keeps nothing paused when the server delete fails, and keeps it paused when the resume create fails', async () => {
    w = await world(server);
    const fault = server.inject({ orgId: 'default', endpoint: 'delete', action: { type: 'status', status: 500 } });
    const failed = await callFails(w.core, 'changes:pause', { profileId: w.dev.id, orgId: 'default', jobId: SUNDAY });
    expect(failed.message).toContain('still runs');
    expect((await call(w.core, 'changes:paused-list', {})).paused).toEqual([]);
    expect(server.jobs('default', true).map((j) => j.jobId)).toContain(SUNDAY);
    server.removeFault(fault);

    const paused = await call(w.core, 'changes:pause', { profileId: w.dev.id, orgId: 'default', jobId: SUNDAY });
    if (paused.status !== 'paused') throw new Error(paused.message);
    const createFault = server.inject({ orgId: 'default', endpoint: 'create', action: { type: 'status', status: 500 } });
    const notResumed = await callFails(w.core, 'changes:resume', { profileId: w.dev.id, orgId: 'default', pausedId: paused.paused.id });
    expect(notResumed.message).toContain('stays paused');
    expect((await call(w.core, 'changes:paused-list', {})).paused.map((p) => p.id)).toEqual([paused.paused.id]);
    server.removeFault(createFault);
    expect((await call(w.core, 'changes:resume', { profileId: w.dev.id, orgId: 'default', pausedId: paused.paused.id })).status).toBe('resumed');
  });

  it('does not create twice when the server already runs the paused schedule', async () => {
    w = await world(server);
    // The delete's answer is lost after the server did it: outcome unknown, kept as pausing.
    const paused = await withLostAnswer(server, 'default', 'delete', () =>
      call(w.core, 'changes:pause', { profileId: w.dev.id, orgId: 'default', jobId: SUNDAY }),
    );
    expect(paused.status).toBe('unknown');
    expect(paused.paused.state).toBe('pausing');
    // Someone created it again meanwhile: resume sees it and only drops the paused entry.
    await call(w.core, 'schedules:create', { profileId: w.dev.id, orgId: 'default', timeExpression: '0 30 1 ? * 1 *' });
    server.clearRequests();
    const resumed = await call(w.core, 'changes:resume', { profileId: w.dev.id, orgId: 'default', pausedId: paused.paused.id });
    expect(resumed.status).toBe('already-active');
    expect(writes(server)).toEqual([]);
    expect((await call(w.core, 'changes:paused-list', {})).paused).toEqual([]);
  });

  it('keeps an unreadable paused store aside and says so', async () => {
    w = await world(server);
    await w.core.close();
    await writeFile(join(w.dir, 'paused-schedules.json'), '{"pausedVersion":1,"paused":[{"id":"x"}]}');
    w.core = await makeCore(w.dir);
    const list = await call(w.core, 'changes:paused-list', {});
    expect(list.paused).toEqual([]);
    expect(list.problem).toMatch(/paused schedules file could not be read .*kept as paused-schedules\.corrupt-/);
    expect((await readdir(w.dir)).some((n) => n.startsWith('paused-schedules.corrupt-'))).toBe(true);
  });
});
