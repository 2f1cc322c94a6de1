// The simulator's saved state: what a restart gets back is exactly what was held (jobs, pauses, late runs,
// runs not started by a schedule, the run sequence), and a saved state that is not one says where and why.
import { describe, expect, it } from 'vitest';
import { parseSimState, restoreState, stateOf, createStateWriter, type SimState } from '@simulator/saved-state';
import { SimStore } from '@simulator/store';

const NOW = new Date('2026-11-28T03:00:00.000Z');
const store = (): SimStore =>
  new SimStore(
    () => NOW,
    () => 'UTC',
  );

/** One org with something of every kind the state keeps. */
function heldStore(): SimStore {
  const s = store();
  s.restoreOrg(
    'sales',
    'Sales analytics',
    [
      {
        jobId: 'j1',
        orgId: 'sales',
        timeExpression: '0 0 2 ? * MON *',
        fullBuild: true,
        createdBy: 'admin',
        createdAt: new Date('2026-11-01T00:00:00Z'),
        deactivatedAt: null,
      },
      {
        jobId: 'j2',
        orgId: 'sales',
        timeExpression: '0 30 4 * * ? *',
        fullBuild: false,
        createdBy: 'ops',
        createdAt: new Date('2026-11-02T00:00:00Z'),
        deactivatedAt: new Date('2026-11-20T05:00:00Z'),
      },
    ],
    {
      durationMs: 12 * 60_000,
      pauses: [
        { from: Date.parse('2026-11-10T00:00:00Z'), to: Date.parse('2026-11-11T00:00:00Z') },
        { from: Date.parse('2026-11-27T00:00:00Z'), to: null },
      ],
      lateness: [
        { from: -Infinity, ms: 60_000 },
        { from: Date.parse('2026-11-15T00:00:00Z'), ms: 300_000 },
      ],
      extraRuns: [
        {
          id: 'run-3',
          orgId: 'sales',
          jobId: null,
          triggerType: 'RUN_IMMEDIATELY',
          creationTime: new Date('2026-11-21T01:00:00Z'),
          startTime: new Date('2026-11-21T01:00:02Z'),
          durationMs: 90_000,
        },
      ],
    },
  );
  s.setRunSeq(3);
  return s;
}

describe('a saved state', () => {
  it('gives back, after JSON and its checks, the orgs, jobs, pauses, late runs and runs as they were', () => {
    const before = heldStore();
    const saved = stateOf(before, 4321);
    const read = parseSimState(JSON.parse(JSON.stringify(saved)));
    expect(typeof read).not.toBe('string');
    const after = store();
    restoreState(after, read as SimState);
    expect(after.orgEntries()).toEqual(before.orgEntries());
    expect(after.runSeq()).toBe(3);
    expect((read as SimState).port).toBe(4321);
    // "Late since always" is kept as null, not as a number JSON cannot hold.
    expect(saved.orgs[0]?.lateness[0]).toEqual({ from: null, ms: 60_000 });
    expect(stateOf(store(), null).port).toBeNull();
  });

  it('puts late-run settings saved out of order back in time order', () => {
    const saved = stateOf(heldStore(), null);
    const org = saved.orgs[0]!;
    const after = store();
    restoreState(after, { ...saved, orgs: [{ ...org, lateness: [...org.lateness].reverse() }] });
    expect(after.orgEntries()[0]?.scheduler.lateness).toEqual([
      { from: -Infinity, ms: 60_000 },
      { from: Date.parse('2026-11-15T00:00:00Z'), ms: 300_000 },
    ]);
  });

  it('is refused with where and why when it is not one', () => {
    const good = stateOf(heldStore(), 4321);
    const org = good.orgs[0]!;
    expect(parseSimState({ ...good, orgs: [org, org] })).toBe('unexpected content: org sales is listed twice');
    expect(parseSimState({ ...good, orgs: [{ ...org, jobs: [org.jobs[0], org.jobs[0]] }] })).toBe(
      'unexpected content at orgs.0: job j1 is listed twice in org sales',
    );
    expect(parseSimState({ ...good, orgs: [{ ...org, jobs: [{ ...org.jobs[0], createdAt: 'yesterday' }] }] })).toBe(
      'unexpected content at orgs.0.jobs.0.createdAt: not a time',
    );
    expect(parseSimState({ ...good, version: 2 })).toMatch(/^unexpected content at version: /);
    expect(parseSimState('a string')).toMatch(/^unexpected content: /);
  });
});

describe('saving', () => {
  it('saves one state at a time, and a burst of changes as one save of the latest state', async () => {
    let value = 0;
    const saves: number[] = [];
    let inFlight = 0;
    let mostAtOnce = 0;
    const writer = createStateWriter(
      async (state) => {
        inFlight += 1;
        mostAtOnce = Math.max(mostAtOnce, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        saves.push(state.runSeq);
        inFlight -= 1;
      },
      () => ({ version: 1, port: null, runSeq: value, orgs: [] }),
      () => undefined,
    );
    value = 1;
    writer.changed();
    await Promise.resolve();
    await Promise.resolve();
    for (value = 2; value <= 5; value += 1) writer.changed();
    value = 5;
    await writer.flush();
    expect(mostAtOnce).toBe(1);
    expect(saves).toEqual([1, 5]);
    await writer.close();
    writer.changed();
    await writer.flush();
    expect(saves).toEqual([1, 5]);
  });

  it('reports a save that failed and saves again at the next change', async () => {
    const problems: unknown[] = [];
    let fail = true;
    let saved = 0;
    const writer = createStateWriter(
      async () => {
        if (fail) throw new Error('EACCES: permission denied');
        saved += 1;
      },
      () => ({ version: 1, port: null, runSeq: 0, orgs: [] }),
      (problem) => problems.push(problem),
    );
    writer.changed();
    await writer.flush();
    expect(problems).toEqual([{ kind: 'unwritable', reason: 'EACCES: permission denied' }]);
    fail = false;
    writer.changed();
    await writer.flush();
    expect(saved).toBe(1);
  });
});
