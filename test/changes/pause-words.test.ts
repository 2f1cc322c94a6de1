// What pause and resume tell the user, word for word, for each way they end: done, refused by the
// server (with the server's kind of error), or with an answer lost (may have happened). Against the
// simulator; the paused store shows what the answer says.
import { describe, expect, it } from 'vitest';
import type { Simulator } from '@simulator/index';
import { call, callFails } from '../core/helpers';
import { SUNDAY, withLostAnswer, world, type World, useSimulator } from './setup';

let server: Simulator;
let w: World;
useSimulator(
  (started) => (server = started),
  () => w,
);

const pause = () => call(w.core, 'changes:pause', { profileId: w.dev.id, orgId: 'default', jobId: SUNDAY });

describe('a pause', () => {
  it('refused by the server keeps the kind of its error, says the schedule still runs, and keeps nothing paused', async () => {
    w = await world(server);
    const fault = server.inject({ orgId: 'default', endpoint: 'delete', action: { type: 'status', status: 500 } });
    const failed = await callFails(w.core, 'changes:pause', { profileId: w.dev.id, orgId: 'default', jobId: SUNDAY });
    server.removeFault(fault);
    expect(failed.kind).toBe('server');
    expect(failed.message).toMatch(/^Not paused: the delete on the server failed \(\S.*\)\. The schedule still runs\.$/);
    expect((await call(w.core, 'changes:paused-list', {})).paused).toEqual([]);
  });

  it('whose answer was lost says the job may still run, and keeps the schedule as pausing', async () => {
    w = await world(server);
    const paused = await withLostAnswer(server, 'default', 'delete', pause);
    expect(paused.status).toBe('unknown');
    expect(paused.message).toMatch(
      /^The delete was sent but its answer was lost \(\S.*\); the job may still run\. The schedule is kept as paused; resume checks the server before creating it again\.$/,
    );
    expect((await call(w.core, 'changes:paused-list', {})).paused.map((p) => p.state)).toEqual(['pausing']);
  });
});

describe('a resume', () => {
  it('done names the new job; already running names the job found and drops the entry', async () => {
    w = await world(server);
    const first = await pause();
    if (first.status !== 'paused') throw new Error(first.message);
    const resumed = await call(w.core, 'changes:resume', { profileId: w.dev.id, orgId: 'default', pausedId: first.paused.id });
    if (resumed.status !== 'resumed') throw new Error(resumed.message);
    expect(resumed.message).toBe(`Resumed "0 30 1 ? * SUN *" as job ${resumed.created.jobId}.`);

    const second = await call(w.core, 'changes:pause', { profileId: w.dev.id, orgId: 'default', jobId: resumed.created.jobId });
    if (second.status !== 'paused') throw new Error(second.message);
    const again = await call(w.core, 'schedules:create', { profileId: w.dev.id, orgId: 'default', timeExpression: '0 30 1 ? * SUN *' });
    const already = await call(w.core, 'changes:resume', { profileId: w.dev.id, orgId: 'default', pausedId: second.paused.id });
    expect(already).toMatchObject({
      status: 'already-active',
      jobId: again.jobId,
      message: `The server already runs this schedule (job ${again.jobId}); nothing was created and it is no longer listed as paused.`,
    });
    expect((await call(w.core, 'changes:paused-list', {})).paused).toEqual([]);
  });

  it('refused by the server keeps the kind of its error and the schedule paused; a lost answer says to resume again', async () => {
    w = await world(server);
    const paused = await pause();
    if (paused.status !== 'paused') throw new Error(paused.message);
    const request = { profileId: w.dev.id, orgId: 'default', pausedId: paused.paused.id };
    const fault = server.inject({ orgId: 'default', endpoint: 'create', action: { type: 'status', status: 500 } });
    const refused = await callFails(w.core, 'changes:resume', request);
    server.removeFault(fault);
    expect(refused.kind).toBe('server');
    expect(refused.message).toMatch(/^Not resumed: \S.* \(it stays paused\)\.$/);

    const lost = await withLostAnswer(server, 'default', 'create', () => callFails(w.core, 'changes:resume', request));
    expect(lost.kind).toBe('outcome-unknown');
    expect(lost.message).toMatch(/^Not resumed: \S.* \(its answer was lost, so it may have been created; resume again: it checks the server first\)\.$/);
    expect((await call(w.core, 'changes:paused-list', {})).paused.map((p) => p.id)).toEqual([paused.paused.id]);
  });
});
