// A plan as the user reviews it: paused entries listed apart and never created, a plan with nothing to do,
// a plan of another profile's schedules, the plan id the same for the same plan and new once the target
// changes, and the schedules document read back with every problem named. Against the simulator.
import { describe, expect, it } from 'vitest';
import type { Simulator } from '@simulator/index';
import { call, callFails } from '../core/helpers';
import { world, writes, type World, useSimulator } from './setup';

let server: Simulator;
let w: World;
useSimulator(
  (started) => (server = started),
  () => w,
);

const doc = (schedules: unknown[], extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ format: 'atscale-maintenance-schedules', version: 1, schedules, ...extra });
const DEV_SCHEDULES = [{ expression: '0 0 4 ? * * *' }, { expression: '0 30 1 ? * SUN *' }, { expression: '0 0 2 L * ?' }];

describe('a plan', () => {
  it('lists paused entries apart with their labels, creates only the rest, and keeps the same id for the same plan', async () => {
    w = await world(server);
    const source = {
      kind: 'document' as const,
      json: doc([...DEV_SCHEDULES, { expression: '0 0 9 ? * MON', label: 'weekly', paused: true }, { expression: '0 0 7 ? * TUE', label: 'new one' }]),
    };
    const plan = await call(w.core, 'changes:plan', { source, targetProfileId: w.dev.id });
    expect(plan).toMatchObject({
      targetProfileId: w.dev.id,
      targetName: 'Dev',
      targetOrgId: 'default',
      production: false,
      serverTimeZone: 'UTC',
      source: { kind: 'document' },
      delete: [],
      paused: [{ expression: '0 0 9 ? * MON', label: 'weekly' }],
      hasChanges: true,
      blocked: false,
    });
    expect(plan.create.map((c) => [c.expression, c.label])).toEqual([['0 0 7 ? * TUE', 'new one']]);
    expect(plan.unchanged.map((u) => u.expression)).toEqual(DEV_SCHEDULES.map((s) => s.expression));
    expect((await call(w.core, 'changes:plan', { source, targetProfileId: w.dev.id })).planId).toBe(plan.planId);
    expect(writes(server)).toEqual([]);
  });

  it('with nothing to do says so, and its apply sends nothing', async () => {
    w = await world(server);
    const source = { kind: 'profile' as const, profileId: w.dev.id };
    const plan = await call(w.core, 'changes:plan', { source, targetProfileId: w.dev.id });
    expect(plan).toMatchObject({
      source: { kind: 'profile', profileId: w.dev.id, name: 'Dev', serverTimeZone: 'UTC', listSource: 'live' },
      create: [],
      delete: [],
      hasChanges: false,
      blocked: false,
    });
    const applied = await call(w.core, 'changes:apply', { source, targetProfileId: w.dev.id, planId: plan.planId, orgId: 'default' });
    expect(applied).toMatchObject({ status: 'nothing-to-do', steps: [], message: 'Nothing to do: the target already has these schedules.' });
    expect(writes(server)).toEqual([]);
  });

  it('gets a new id once the target’s schedules change', async () => {
    w = await world(server);
    const source = { kind: 'document' as const, json: doc(DEV_SCHEDULES.slice(0, 1)) };
    const before = await call(w.core, 'changes:plan', { source, targetProfileId: w.dev.id });
    expect(before.delete.map((d) => d.expression).sort()).toEqual(['0 0 2 L * ?', '0 30 1 ? * SUN *']);
    await call(w.core, 'schedules:create', { profileId: w.dev.id, orgId: 'default', timeExpression: '0 0 8 ? * WED' });
    const after = await call(w.core, 'changes:plan', { source, targetProfileId: w.dev.id });
    expect(after.planId).not.toBe(before.planId);
    expect(after.fingerprint).not.toBe(before.fingerprint);
    expect(after.delete).toHaveLength(3);
  });
});

describe('a schedules document that cannot be used', () => {
  it('is refused naming the place and what is wrong', async () => {
    w = await world(server);
    const plan = async (json: string) => (await callFails(w.core, 'changes:plan', { source: { kind: 'document', json }, targetProfileId: w.dev.id })).message;
    expect(await plan('{nope')).toMatch(/^The schedules document is not valid JSON \(\S.*\)\.$/);
    expect(await plan('{"format":"other"}')).toBe('This is not a schedules document: "format" must be "atscale-maintenance-schedules".');
    expect(await plan(doc([], { version: 2 }))).toMatch(/^The schedules document is not valid: version: \S.*\. This app reads version 1\.$/);
    expect(await plan(doc([{ expression: '' }]))).toMatch(/^The schedules document is not valid: schedules\.0\.expression: \S.*\.$/);
    expect(await plan('"text"')).toMatch(/^The schedules document is not valid: document: \S.*\.$/);
    expect(await plan('[]')).toBe('This is not a schedules document: "format" must be "atscale-maintenance-schedules".');
  });
});
