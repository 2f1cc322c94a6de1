// The copy dialog's logic, case by case: which picked schedules a copy takes and from which profile,
// who it is offered to, and why "Copy" stays off (each reason with the copy refused).
import { describe, expect, it } from 'vitest';
import type { CopyTargetPreview, PlannedCreate, SchedulePlan } from '@shared/ipc/channels/changes';
import { copyGate, copySourceOf, copyTargetsFor } from '@renderer/changes/copy-logic';
import { dev, everySecond, plan, prod, source } from './support/changes-fixtures';
import { profile, schedule } from './support/fake-api';

const qa = profile('qa', { name: 'QA' });
const live = profile('live', { name: 'Live', environment: { kind: 'production', label: 'production', color: '#d9480f' } });

const deactivated = (p: typeof dev, jobId: string, expression: string) =>
  source(p, jobId, expression, { schedule: schedule(jobId, expression, { active: false }) });
const paused = (p: typeof dev, id: string, expression: string) => source(p, `paused:${id}`, expression, { paused: true, pausedId: id });

const weekly: PlannedCreate = { expression: '0 30 1 ? * SUN *', verdicts: [], blocked: false, collisions: [] };
const alreadyThere = { unchanged: [{ expression: '0 0 4 ? * *', jobId: 'j5', targetExpression: '0 0 4 ? * *' }] };

function target(p: typeof dev, planPatch: Partial<SchedulePlan>): CopyTargetPreview {
  const production = p.environment.kind === 'production';
  return { profileId: p.id, name: p.name, orgId: p.orgId, production, plan: plan({ targetProfileId: p.id, targetName: p.name, production, ...planPatch }) };
}

describe('what a copy takes', () => {
  it('leaves a deactivated schedule out and says why', () => {
    const picked = copySourceOf([source(dev, 'j1', '0 0 4 ? * *'), deactivated(dev, 'j2', '0 0 2 ? * *')], [dev, prod]);
    expect(picked.jobIds).toEqual(['j1']);
    expect(picked.leftOut).toEqual(['“0 0 2 ? * *” is deactivated']);
    expect(picked.problem).toBeNull();
  });

  it('asks for an active schedule when every pick is paused or deactivated', () => {
    const picked = copySourceOf([paused(dev, 'p1', '0 0 6 ? * *'), deactivated(dev, 'j2', '0 0 2 ? * *')], [dev, prod]);
    expect(picked).toEqual({
      profile: null,
      jobIds: [],
      problem: 'Pick at least one active schedule to copy.',
      leftOut: ['“0 0 6 ? * *” is paused (not on the server)', '“0 0 2 ? * *” is deactivated'],
    });
  });

  it('copies from the profile the schedules belong to, not the first profile listed', () => {
    const picked = copySourceOf([source(prod, 'j2', '0 0 5 ? * *')], [dev, qa, prod]);
    expect(picked.profile?.name).toBe('Prod');
    expect(picked.problem).toBeNull();
  });

  it('names no source profile when the picks come from several', () => {
    const picked = copySourceOf([source(dev, 'j1', '0 0 4 ? * *'), source(prod, 'j2', '0 0 5 ? * *')], [dev, prod]);
    expect(picked.profile).toBeNull();
    expect(picked.problem).toMatch(/several profiles/);
  });

  it('says the source profile is gone when it was removed meanwhile', () => {
    const picked = copySourceOf([source(qa, 'j1', '0 0 4 ? * *')], [dev, prod]);
    expect(picked.profile).toBeNull();
    expect(picked.problem).toBe('The source profile is gone.');
  });
});

describe('who a copy is offered to', () => {
  it('offers every profile, by name with production last, while no source is known', () => {
    expect(copyTargetsFor(null, [prod, qa, live, dev]).map((p) => p.name)).toEqual(['Dev', 'QA', 'Live', 'Prod']);
  });
});

describe('when a copy may go', () => {
  it('asks for targets before anything else', () => {
    expect(copyGate([], {}, false)).toEqual({ ok: false, reason: 'Pick the profiles to copy to, then preview.', needsOverride: false });
  });

  it('lets a clean copy to a confirmed production target go, with no override asked', () => {
    expect(copyGate([target(prod, { create: [weekly] })], { prod: 'org-prod' }, false)).toEqual({ ok: true, reason: null, needsOverride: false });
  });

  it('accepts the production org typed with spaces around it', () => {
    expect(copyGate([target(prod, { create: [weekly] })], { prod: '  org-prod ' }, false).ok).toBe(true);
  });

  it('refuses a production target until its org is typed', () => {
    const gate = copyGate([target(dev, { create: [weekly] }), target(prod, { create: [weekly] })], { prod: 'org-dev' }, false);
    expect(gate).toEqual({ ok: false, reason: 'Type the org ID of Prod to copy to production.', needsOverride: false });
  });

  it('refuses a too-frequent copy without the override, naming the target', () => {
    const gate = copyGate([target(dev, { create: [weekly] }), target(qa, { create: [everySecond] })], {}, false);
    expect(gate.ok).toBe(false);
    expect(gate.reason).toMatch(/^QA: A schedule runs too often/);
    expect(gate.needsOverride).toBe(true);
  });

  it('keeps saying the override is in use once it is ticked and the copy may go', () => {
    const gate = copyGate(
      [target(dev, { create: [weekly] }), target(qa, { create: [everySecond] }), target(prod, { create: [weekly] })],
      { prod: 'org-prod' },
      true,
    );
    expect(gate).toEqual({ ok: true, reason: null, needsOverride: true });
  });

  it('refuses a copy to an unreachable target, naming it', () => {
    const gate = copyGate([target(dev, { create: [weekly], targetSource: 'snapshot' })], {}, false);
    expect(gate.ok).toBe(false);
    expect(gate.reason).toMatch(/^Dev: Dev could not be reached/);
  });

  it('goes when at least one target has something to create, even if another has nothing', () => {
    expect(copyGate([target(dev, alreadyThere), target(qa, { create: [weekly] })], {}, false)).toEqual({ ok: true, reason: null, needsOverride: false });
  });

  it('has nothing to copy when every target already has every schedule', () => {
    expect(copyGate([target(dev, alreadyThere), target(qa, alreadyThere)], {}, false)).toEqual({
      ok: false,
      reason: 'Every picked schedule already exists in every target: nothing to copy.',
      needsOverride: false,
    });
  });
});
