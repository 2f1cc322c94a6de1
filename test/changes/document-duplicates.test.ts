// A schedules document that lists one schedule twice (however written) is refused by plan and apply,
// naming both entries, before anything is sent: applied, the target would get two identical jobs.
// Real core, the simulator over sockets.
import { describe, expect, it } from 'vitest';
import type { Simulator } from '@simulator/index';
import { assertListedOnce } from '@core/changes/schedules-document';
import { call, callFails } from '../core/helpers';
import { activeExpressions, useSimulator, world, writes, type World } from './setup';

let server: Simulator;
let w: World | undefined;
useSimulator(
  (s) => (server = s),
  () => w,
);

type Entry = { expression: string; label?: string; paused?: true };
const doc = (schedules: Entry[]) => JSON.stringify({ format: 'atscale-maintenance-schedules', version: 1, schedules });

describe('a document listing one schedule twice', () => {
  it('is refused by plan, naming both entries, the zone and how to fix it', async () => {
    w = await world(server);
    const json = doc([{ expression: '0 0 3 ? * * *', label: 'nightly' }, { expression: '0 0 6 ? * MON' }, { expression: '0 0 3 * * ?' }]);
    const refused = await callFails(w.core, 'changes:plan', { source: { kind: 'document', json }, targetProfileId: w.test.id });
    expect(refused).toEqual({
      kind: 'invalid-input',
      message:
        'The schedules document is not valid: schedules.2.expression ("0 0 3 * * ?") is the same schedule as schedules.0.expression ("0 0 3 ? * * *", label "nightly"): both fire at the same times in UTC, so the target would get it twice. List it once, then plan again.',
    });
  });

  it('is refused by apply too, with nothing sent, also when the target already has it', async () => {
    w = await world(server);
    // finance-prod already runs 0 0 4 ? * * *: the first entry would be unchanged, the second a second job.
    const twice = doc([{ expression: '0 0 4 ? * * *' }, { expression: '0 0 4 ? * * *' }]);
    const plan = await callFails(w.core, 'changes:plan', { source: { kind: 'document', json: twice }, targetProfileId: w.test.id });
    expect(plan.message).toMatch(
      /^The schedules document is not valid: schedules\.1\.expression \("0 0 4 \? \* \* \*"\) is the same schedule as schedules\.0\.expression/,
    );
    // Apply plans the document it is given again, so it is refused whatever plan id it carries.
    const once = await call(w.core, 'changes:plan', { source: { kind: 'document', json: doc([{ expression: '0 0 4 ? * * *' }]) }, targetProfileId: w.test.id });
    server.clearRequests();
    const applied = await callFails(w.core, 'changes:apply', {
      source: { kind: 'document', json: twice },
      targetProfileId: w.test.id,
      planId: once.planId,
      orgId: 'finance-prod',
    });
    expect(applied.kind).toBe('invalid-input');
    expect(writes(server)).toEqual([]);
    expect(activeExpressions(server, 'finance-prod')).toEqual(['0 0 4 ? * * *', '0 0 5 LW * ?']);
  });

  it('listed once it plans and applies as one job', async () => {
    w = await world(server);
    const source = { kind: 'document' as const, json: doc([{ expression: '0 0 3 ? * * *' }, { expression: '0 0 4 ? * * *' }]) };
    const plan = await call(w.core, 'changes:plan', { source, targetProfileId: w.test.id });
    expect(plan.create.map((c) => c.expression)).toEqual(['0 0 3 ? * * *']);
    const applied = await call(w.core, 'changes:apply', { source, targetProfileId: w.test.id, planId: plan.planId, orgId: 'finance-prod' });
    expect(applied.status).toBe('done');
    expect(activeExpressions(server, 'finance-prod')).toEqual(['0 0 3 ? * * *', '0 0 4 ? * * *']);
  });
});

describe('entries that are not the same schedule twice', () => {
  const now = new Date('2026-03-01T00:00:00Z');
  const check =
    (entries: Entry[], zone = 'UTC') =>
    () =>
      assertListedOnce(entries, zone, now);

  it('pass: a paused twin, schedules that share only a first run, expressions that cannot be read', () => {
    expect(check([{ expression: '0 0 3 ? * * *' }, { expression: '0 0 3 ? * * *', paused: true }])).not.toThrow();
    // Both fire first on 1 March at 03:00, then apart.
    expect(check([{ expression: '0 0 3 ? * * *' }, { expression: '0 0 3 1 * ?' }])).not.toThrow();
    expect(check([{ expression: 'not cron' }, { expression: 'not cron' }])).not.toThrow();
    expect(check([{ expression: '0 0 3 ? * * *' }, { expression: '0 0 3 ? * * *' }], 'Not/A_Zone')).not.toThrow();
  });

  it('are told apart by their fire times in the target zone, not by their text', () => {
    expect(check([{ expression: '0 0 3 ? * MON-FRI' }, { expression: '0 0 3 ? * 2-6' }])).toThrow(/schedules\.1\.expression \("0 0 3 \? \* 2-6"\)/);
    expect(check([{ expression: '0 0 0 29 2 ?' }, { expression: '0 0 0 29 2 ? *' }])).toThrow(/same schedule/);
  });
});
