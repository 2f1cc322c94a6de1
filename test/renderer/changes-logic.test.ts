// The change dialogs' logic: when an edit may be sent and what its answer means, what a bulk delete
// lists, who a copy can go to and when it may go, and plans read as a diff.
import { describe, expect, it } from 'vitest';
import type { ChangeStep, CopyTargetPreview, EditResult } from '@shared/ipc/channels/changes';
import { editCheck, editView } from '@renderer/changes/edit-logic';
import { bulkConfirmed, bulkSelection } from '@renderer/changes/bulk-logic';
import { copyGate, copySourceOf, copyTargetsFor } from '@renderer/changes/copy-logic';
import { diffLines, planGate, planSummary } from '@renderer/changes/plan-logic';
import { stepSummary, stepText } from '@renderer/changes/step-text';
import { pausedKey } from '@renderer/changes/paused-sources';
import { dev, frequent, never, plan, prod, source } from './support/changes-fixtures';
import { profile, schedule } from './support/fake-api';

const now = new Date('2026-11-28T10:00:00Z');
const ctx = { timeZone: 'UTC', now, existing: ['0 30 1 ? * SUN *'] };

const step = (outcome: ChangeStep['outcome'], action: ChangeStep['action'] = 'create'): ChangeStep => ({
  action,
  profileId: 'dev',
  jobId: 'j9',
  timeExpression: '0 0 5 ? * *',
  outcome,
  error: outcome === 'ok' || outcome === 'not-run' ? null : { kind: 'server', message: 'HTTP 500' },
});

describe('edit', () => {
  it('lets a new valid time go, and names nothing', () => {
    const c = editCheck('0 0 5 ? * *', '0 0 4 ? * *', ctx, false);
    expect(c.reason).toBeNull();
    expect(c.expression).toBe('0 0 5 ? * *');
  });

  it('refuses an expression that fires at the same times as the current one, written differently', () => {
    const c = editCheck('0 0 4 * * ?', '0 0 4 ? * * *', ctx, false);
    expect(c.unchanged).toBe(true);
    expect(c.reason).toMatch(/same times as the current schedule/);
  });

  it('refuses a never-firing expression and a duplicate of another schedule of the org', () => {
    expect(editCheck('0 0 4 30 2 ?', '0 0 4 ? * *', ctx, true).reason).toMatch(/never/i);
    expect(editCheck('0 30 1 ? * 1', '0 0 4 ? * *', ctx, true).gate.blocking.map((i) => i.code)).toEqual(['duplicate']);
  });

  it('needs the override for a too-frequent time, and the syntax error comes first', () => {
    expect(editCheck('0 * * ? * *', '0 0 4 ? * *', ctx, false).reason).toMatch(/override/);
    expect(editCheck('0 * * ? * *', '0 0 4 ? * *', ctx, true).reason).toBeNull();
    expect(editCheck('0 0 4 ? * 9', '0 0 4 ? * *', ctx, true).reason).toMatch(/9/);
  });

  it('lets a time pasted with a trailing non-breaking space go, without a look-alike verdict', () => {
    const c = editCheck('0 0 5 ? * *\u00a0', '0 0 4 ? * *', ctx, false);
    expect(c.expression).toBe('0 0 5 ? * *');
    expect(c.issues).toEqual([]);
    expect(c.reason).toBeNull();
  });

  it('shows no linter verdicts for a syntax error, only the syntax message', () => {
    const c = editCheck('0 0 4 ? * 9', '0 0 4 ? * *', ctx, false);
    expect(c.issues).toEqual([]);
    expect(c.reason).toMatch(/9 is out of range/);
  });

  it('reads the answer: done, both exist with the retry, and not changed (unknown when the create was lost)', () => {
    const created = schedule('j9', '0 0 5 ? * *');
    const retry = { channel: 'changes:retry-delete' as const, request: { profileId: 'dev', orgId: 'org-dev', jobId: 'j1', changeId: 'c1' } };
    expect(editView({ status: 'done', changeId: 'c1', created, deletedJobId: 'j1', steps: [step('ok'), step('ok', 'delete')], message: 'Changed.' })).toEqual({
      tone: 'done',
      text: 'Changed.',
      newJobId: 'j9',
    });
    const both = editView({
      status: 'both-exist',
      changeId: 'c1',
      created,
      oldJobId: 'j1',
      steps: [step('ok'), step('failed', 'delete')],
      message: 'Both run.',
      retry,
    });
    expect(both).toMatchObject({ tone: 'both-exist', retry });
    const lost: EditResult = { status: 'not-changed', changeId: 'c1', steps: [step('unknown'), step('not-run', 'delete')], message: 'May have been created.' };
    expect(editView(lost).tone).toBe('unknown');
    expect(editView({ ...lost, steps: [step('failed'), step('not-run', 'delete')] }).tone).toBe('error');
  });

  it('says an unknown step is unknown, never failed', () => {
    expect(stepText(step('unknown'))).toMatch(/outcome unknown/);
    expect(stepText(step('not-run', 'delete'))).toMatch(/^Delete job j9.*not sent/);
    expect(stepSummary([step('ok'), step('unknown'), step('not-run')])).toBe('1 done, 1 unknown, 1 not sent');
  });
});

describe('bulk delete', () => {
  const daily = source(dev, 'j1', '0 0 4 ? * *');
  const weekly = source(prod, 'j2', '0 30 1 ? * SUN *');
  const gone = source(dev, 'j3', '0 0 2 ? * *', { schedule: schedule('j3', '0 0 2 ? * *', { active: false }) });
  const paused = source(dev, 'p1', '0 0 6 ? * *', { key: pausedKey('dev', 'p1'), paused: true, pausedId: 'p1' });

  it('groups by profile and counts the runs of the next 7 days that will not happen', () => {
    const sel = bulkSelection([daily, weekly, gone, paused], [dev, prod], now);
    expect(sel.groups.map((g) => [g.profile.name, g.items.length, g.production])).toEqual([
      ['Dev', 1, false],
      ['Prod', 1, true],
    ]);
    expect(sel.groups[0]?.items[0]?.total).toBe(7);
    expect(sel.groups[0]?.items[0]?.runs[0]?.toISOString()).toBe('2026-11-29T04:00:00.000Z');
    expect(sel.groups[1]?.items[0]?.total).toBe(1);
    expect(sel.lostRuns).toBe(8);
    expect(sel.skipped.map((x) => x.why)).toEqual(['deactivated already', expect.stringMatching(/^paused/)]);
  });

  it('asks every production profile for its org', () => {
    const { groups } = bulkSelection([daily, weekly], [dev, prod], now);
    expect(bulkConfirmed(groups, {})).toBe(false);
    expect(bulkConfirmed(groups, { prod: 'org-dev' })).toBe(false);
    expect(bulkConfirmed(groups, { prod: ' org-prod ' })).toBe(true);
  });

  it('lists two schedules of one profile under that one profile', () => {
    const sel = bulkSelection([daily, source(dev, 'j4', '0 0 5 ? * *'), weekly], [dev, prod], now);
    expect(sel.groups.map((g) => [g.profile.name, g.items.map((i) => i.source.schedule.jobId)])).toEqual([
      ['Dev', ['j1', 'j4']],
      ['Prod', ['j2']],
    ]);
    expect(sel.lostRuns).toBe(15);
  });

  it('drops a schedule whose profile was removed meanwhile', () => {
    const sel = bulkSelection([daily, weekly], [prod], now);
    expect(sel.groups.map((g) => g.profile.name)).toEqual(['Prod']);
    expect(sel.lostRuns).toBe(1);
  });

  it('still lists a schedule whose runs cannot be worked out, counting none lost', () => {
    const badZone = source(dev, 'j5', '0 0 4 ? * *', { serverTimeZone: 'Mars/Olympus' });
    const sel = bulkSelection([badZone, weekly], [dev, prod], now);
    expect(sel.groups[0]?.items).toEqual([{ source: badZone, runs: [], total: 0 }]);
    expect(sel.lostRuns).toBe(1);
  });
});

describe('copy', () => {
  it('copies active schedules of one profile; paused and deactivated ones are left out with a reason', () => {
    const picked = copySourceOf([source(dev, 'j1', '0 0 4 ? * *'), source(dev, 'p1', '0 0 6 ? * *', { paused: true })], [dev, prod]);
    expect(picked).toMatchObject({ jobIds: ['j1'], problem: null });
    expect(picked.profile?.id).toBe('dev');
    expect(picked.leftOut[0]).toMatch(/paused/);
    expect(copySourceOf([source(dev, 'j1', '0 0 4 ? * *'), source(prod, 'j2', '0 0 5 ? * *')], [dev, prod]).problem).toMatch(/several profiles/);
  });

  it('offers every other profile, production last', () => {
    const qa = profile('qa', { name: 'QA' });
    expect(copyTargetsFor(dev, [prod, dev, qa]).map((p) => p.id)).toEqual(['qa', 'prod']);
  });

  it('asks each production target for its org and refuses while a target is refused by the linter', () => {
    const create = { expression: '0 30 1 ? * SUN *', verdicts: [], blocked: false, collisions: [] };
    const previews: CopyTargetPreview[] = [
      { profileId: 'prod', name: 'Prod', orgId: 'org-prod', production: true, plan: plan({ create: [create], hasChanges: true }) },
    ];
    expect(copyGate(previews, {}, false).reason).toMatch(/Type the org ID of Prod/);
    expect(copyGate(previews, { prod: 'org-prod' }, false).ok).toBe(true);
    const refused = [{ ...previews[0]!, plan: plan({ create: [{ ...create, verdicts: [never], blocked: true }], hasChanges: true }) }];
    expect(copyGate(refused, { prod: 'org-prod' }, true).reason).toMatch(/refused by the linter/);
  });

  it('has nothing to do when every schedule is already there', () => {
    const unchanged = [{ expression: '0 0 4 ? * *', jobId: 'j5', targetExpression: '0 0 4 ? * * *' }];
    const previews: CopyTargetPreview[] = [{ profileId: 'prod', name: 'Prod', orgId: 'org-prod', production: true, plan: plan({ unchanged }) }];
    expect(copyGate(previews, { prod: 'org-prod' }, false).reason).toMatch(/nothing to copy/);
  });
});

describe('plans as a diff', () => {
  const full = plan({
    create: [{ expression: '* * * ? * *', label: 'hot', verdicts: [frequent], blocked: true, collisions: [] }],
    delete: [{ jobId: 'j7', expression: '0 0 2 L * ?' }],
    unchanged: [{ expression: '0 0 4 * * ?', jobId: 'j5', targetExpression: '0 0 4 ? * * *' }],
    paused: [{ expression: '0 0 6 ? * *' }],
    hasChanges: true,
    blocked: true,
  });

  it('one line per schedule: +, -, = (same schedule, its text may differ), ‖ paused', () => {
    const lines = diffLines(full);
    expect(lines.map((l) => `${l.sign} ${l.expression}`)).toEqual(['+ * * * ? * *', '- 0 0 2 L * ?', '= 0 0 4 * * ?', '‖ 0 0 6 ? * *']);
    expect(lines[2]?.note).toMatch(/already there as “0 0 4 \? \* \* \*” \(job j5, same schedule\)/);
    expect(lines[0]?.refused).toBe(false);
    expect(planSummary(full)).toBe('1 to create, 1 to delete, 1 unchanged, 1 paused');
  });

  it('a too-frequent create needs the override; a never-firing one is refused; a snapshot plan cannot be applied', () => {
    expect(planGate(full, false)).toMatchObject({ ok: false, needsOverride: true });
    expect(planGate(full, true).ok).toBe(true);
    const refused = plan({ create: [{ expression: '0 0 4 30 2 ?', verdicts: [never], blocked: true, collisions: [] }], hasChanges: true });
    expect(planGate(refused, true).reason).toMatch(/refused by the linter/);
    expect(diffLines(refused)[0]?.refused).toBe(true);
    expect(planGate(plan({ targetSource: 'snapshot' }), true).reason).toMatch(/last saved list/);
  });
});
