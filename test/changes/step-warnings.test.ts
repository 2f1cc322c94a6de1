// A step the server carried out whose audit line cannot be written: the step is done and carries the
// service's warning, and every change's answer says it in words (edit, retry, reactivate, copy, apply,
// bulk delete, pause, resume), as the CLI prints it. Real core, the simulator over sockets.
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Simulator } from '@simulator/index';
import type { ChangeStep } from '@shared/ipc/channels/changes';
import { formatApply } from '../../src-main/cli/format';
import { call } from '../core/helpers';
import { activeExpressions, DAILY, DEACTIVATED, SUNDAY, useSimulator, world, type World } from './setup';

let server: Simulator;
let w: World | undefined;
useSimulator(
  (s) => (server = s),
  () => w,
);

const CREATED = /^Created on the server, but the local audit record could not be written: EISDIR/;
const DELETED = /^Deleted on the server, but the local audit record could not be written: EISDIR/;
const doc = (expressions: string[]) =>
  JSON.stringify({ format: 'atscale-maintenance-schedules', version: 1, schedules: expressions.map((expression) => ({ expression })) });

/** A world whose audit log cannot be written from now on (a folder where the file should be). */
async function unaudited(): Promise<World> {
  const x = await world(server);
  w = x;
  await call(x.core, 'schedules:list', { profileId: x.dev.id });
  await call(x.core, 'schedules:list', { profileId: x.test.id });
  await rm(join(x.dir, 'audit.jsonl'), { force: true });
  await mkdir(join(x.dir, 'audit.jsonl'));
  return x;
}

const warningsOf = (steps: readonly ChangeStep[]) => steps.map((s) => s.warning);

describe('a change whose audit line cannot be written', () => {
  it('edit: done, each step carries its warning, and the message says what was not recorded', async () => {
    const x = await unaudited();
    const result = await call(x.core, 'changes:edit', { profileId: x.dev.id, orgId: 'default', jobId: DAILY, timeExpression: '0 0 3 ? * * *' });
    expect(result.status).toBe('done');
    expect(result.steps.map((s) => s.outcome)).toEqual(['ok', 'ok']);
    expect(warningsOf(result.steps)).toEqual([expect.stringMatching(CREATED), expect.stringMatching(DELETED)]);
    expect(result.message).toMatch(
      /^Changed: job .+ runs "0 0 3 \? \* \* \*"; the old job .+ was deleted\. Warning: Created on the server, but .+ Deleted on the server, but /,
    );
    expect(activeExpressions(server, 'default')).toContain('0 0 3 ? * * *');
    expect(activeExpressions(server, 'default')).not.toContain('0 0 4 ? * * *');
  });

  it('apply: done with the warning in its message and on each step; the CLI prints it beside the step', async () => {
    const x = await unaudited();
    const source = { kind: 'document' as const, json: doc(['0 0 4 ? * * *', '0 0 6 ? * MON']) };
    const plan = await call(x.core, 'changes:plan', { source, targetProfileId: x.test.id });
    const result = await call(x.core, 'changes:apply', { source, targetProfileId: x.test.id, planId: plan.planId, orgId: 'finance-prod' });
    expect(result.status).toBe('done');
    if (result.status === 'changed') return;
    expect(warningsOf(result.steps)).toEqual([expect.stringMatching(CREATED), expect.stringMatching(DELETED)]);
    expect(result.message).toMatch(/^Done: 2 steps succeeded\. Warning: Created on the server, but the local audit record could not be written: EISDIR/);
    expect(result.message).toContain(' Deleted on the server, but the local audit record could not be written');
    const lines = formatApply(result).split('\n');
    expect(lines[0]).toBe(result.message);
    expect(lines[1]).toMatch(/^ {2}create 0 0 6 \? \* MON -> job \S+: ok \(warning: Created on the server, but the local audit record/);
    expect(lines[2]).toMatch(/^ {2}delete job \S+ \(0 0 5 LW \* \?\): ok \(warning: Deleted on the server, but the local audit record/);
    expect(activeExpressions(server, 'finance-prod')).toEqual(['0 0 4 ? * * *', '0 0 6 ? * MON']);
  });

  it('copy: the target is done, its message names the warning after the skipped count', async () => {
    const x = await unaudited();
    const result = await call(x.core, 'changes:copy', {
      sourceProfileId: x.dev.id,
      jobIds: [DAILY, SUNDAY],
      targets: [{ profileId: x.test.id, orgId: 'finance-prod' }],
    });
    const [target] = result.targets;
    expect(target?.status).toBe('done');
    if (target?.status !== 'done') return;
    expect(warningsOf(target.steps)).toEqual([expect.stringMatching(CREATED)]);
    expect(target.message).toMatch(
      /^Done: 1 step succeeded\. 1 already there \(same schedule\), skipped\. Warning: Created on the server, but the local audit record/,
    );
  });

  it('bulk delete: every delete done, each with its warning', async () => {
    const x = await unaudited();
    const result = await call(x.core, 'changes:bulk-delete', { profileId: x.dev.id, orgId: 'default', jobIds: [DAILY, SUNDAY] });
    expect(result).toMatchObject({ deleted: 2, failed: 0 });
    expect(warningsOf(result.steps)).toEqual([expect.stringMatching(DELETED), expect.stringMatching(DELETED)]);
    expect(activeExpressions(server, 'default')).toEqual(['0 0 2 L * ?']);
  });

  it('reactivate, pause and resume: done, with the warning and in the message', async () => {
    const x = await unaudited();
    const reactivated = await call(x.core, 'changes:reactivate', { profileId: x.dev.id, orgId: 'default', jobId: DEACTIVATED });
    expect(reactivated.warning).toMatch(CREATED);
    expect(reactivated.message).toMatch(
      /AtScale keeps deleted jobs as history and has no call to re-enable or remove them\. Warning: Created on the server, but /,
    );
    const paused = await call(x.core, 'changes:pause', { profileId: x.dev.id, orgId: 'default', jobId: SUNDAY });
    expect(paused.status).toBe('paused');
    if (paused.status !== 'paused') return;
    expect(paused.warning).toMatch(DELETED);
    expect(paused.message).toContain('Event-triggered maintenance still runs. Deleted on the server, but the local audit record');
    expect(paused.paused.state).toBe('paused');
    const resumed = await call(x.core, 'changes:resume', { profileId: x.dev.id, orgId: 'default', pausedId: paused.paused.id });
    expect(resumed.status).toBe('resumed');
    expect(resumed.warning).toMatch(CREATED);
    expect(resumed.message).toMatch(/^Resumed "0 30 1 \? \* SUN \*" as job \S+\. Created on the server, but the local audit record/);
  });

  it('a retried delete: done, with the warning', async () => {
    const x = await unaudited();
    // An edit whose delete fails leaves both; the retry is then carried out with the audit line failing.
    server.inject({ orgId: 'default', endpoint: 'delete', action: { type: 'status', status: 500 }, times: 1 });
    const edit = await call(x.core, 'changes:edit', { profileId: x.dev.id, orgId: 'default', jobId: DAILY, timeExpression: '0 0 3 ? * * *' });
    expect(edit.status).toBe('both-exist');
    if (edit.status !== 'both-exist') return;
    expect(edit.message).toMatch(/Retry the delete\. Warning: Created on the server, but the local audit record/);
    const step = await call(x.core, 'changes:retry-delete', edit.retry.request);
    expect(step).toMatchObject({ outcome: 'ok', warning: expect.stringMatching(DELETED) });
  });

  it('a step with nothing to warn about carries no warning', async () => {
    w = await world(server);
    await call(w.core, 'schedules:list', { profileId: w.dev.id });
    const result = await call(w.core, 'changes:bulk-delete', { profileId: w.dev.id, orgId: 'default', jobIds: [DAILY] });
    expect(result.steps[0]).not.toHaveProperty('warning');
  });
});
