// The running job and run now, against the simulator: a run started now shows at once, its end records a
// duration (the org's typical duration), watched profiles get pushed changes, and run now is bound to
// the confirmed org, sent exactly once, audited, and says clearly when the server's APIs are off.
import { afterEach, describe, expect, it } from 'vitest';
import { call, callFails } from '../core/helpers';
import { HOUR, eventsOf, START, world, type World } from './setup';

let w: World | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

const MIN = 60_000;
const iso = (ms: number): string => new Date(ms).toISOString();

describe('maintenance:running and maintenance:run-now', () => {
  it('run now starts a run that shows at once; when it ends its duration becomes the typical duration', async () => {
    w = await world();
    expect(await call(w.core, 'maintenance:running', { profileId: w.profileId })).toMatchObject({ running: null, typicalDurationMs: null, error: null });

    const started = await call(w.core, 'maintenance:run-now', { profileId: w.profileId, orgId: 'default' });
    expect(started.message).toContain('Maintenance successfully started');
    expect(started.running?.running).toEqual({ triggerType: 'RunImmediately', startedAt: iso(START), creationTime: iso(START) });

    w.advance(9 * MIN);
    expect((await call(w.core, 'maintenance:running', { profileId: w.profileId })).running?.startedAt).toBe(iso(START));
    w.advance(2 * MIN); // the 10-minute run ended a minute ago
    const ended = await call(w.core, 'maintenance:running', { profileId: w.profileId });
    expect(ended.running).toBeNull();
    expect(ended.typicalDurationMs).toBe(11 * MIN); // seen ended at the first check after its end

    // A run whose end was only noticed much later is not taken as its duration.
    await call(w.core, 'maintenance:run-now', { profileId: w.profileId, orgId: 'default' });
    w.advance(3 * HOUR);
    expect((await call(w.core, 'maintenance:running', { profileId: w.profileId })).typicalDurationMs).toBe(11 * MIN);

    const audit = await call(w.core, 'audit:list', { profileId: w.profileId });
    expect(audit.map((a) => [a.action, a.outcome, a.orgId])).toEqual([
      ['run-now', 'ok', 'default'],
      ['run-now', 'ok', 'default'],
    ]);
  });

  it('a watched profile gets maintenance:running-changed pushes as a run starts and ends', async () => {
    w = await world({ core: { runningPollMs: 40 } });
    const watching = await call(w.core, 'maintenance:watch', { profileIds: [w.profileId] });
    expect(watching).toEqual({ profileIds: [w.profileId], intervalMs: 40 });
    await expect.poll(() => eventsOf(w!, 'maintenance:running-changed').length).toBe(1);
    expect(eventsOf(w, 'maintenance:running-changed')[0]).toMatchObject({ profileId: w.profileId, running: null });

    w.server.triggerEvent('default', { durationMs: 20 * MIN });
    await expect.poll(() => eventsOf(w!, 'maintenance:running-changed').at(-1)?.running?.triggerType).toBe('CubeUpdateMaintenance(FirstTimeCubeProcessed)');
    w.advance(19 * MIN);
    const asked = w.server.requests({ endpoint: 'running' }).length;
    await expect.poll(() => w!.server.requests({ endpoint: 'running' }).length).toBeGreaterThan(asked + 1); // seen running at 19 min
    w.advance(2 * MIN);
    await expect.poll(() => eventsOf(w!, 'maintenance:running-changed').at(-1)?.running === null).toBe(true);
    expect(eventsOf(w, 'maintenance:running-changed').at(-1)?.typicalDurationMs).toBe(21 * MIN);
    // Unchanged states are not pushed again on every poll.
    const pushed = eventsOf(w, 'maintenance:running-changed').length;
    await new Promise((r) => setTimeout(r, 200));
    expect(eventsOf(w, 'maintenance:running-changed')).toHaveLength(pushed);

    expect(await call(w.core, 'maintenance:watch', { profileIds: [] })).toEqual({ profileIds: [], intervalMs: 40 });
    await new Promise((r) => setTimeout(r, 100)); // a check already in flight may still arrive
    const polls = w.server.requests({ endpoint: 'running' }).length;
    await new Promise((r) => setTimeout(r, 200));
    expect(w.server.requests({ endpoint: 'running' })).toHaveLength(polls);
  });

  it('a 503 from the running-job endpoint says the Design Center APIs are not enabled', async () => {
    w = await world({ core: { runningPollMs: 40 } });
    w.server.inject({ endpoint: 'running', action: { type: 'status', status: 503 } });
    const error = await callFails(w.core, 'maintenance:running', { profileId: w.profileId });
    expect(error.kind).toBe('server');
    expect(error.message).toContain('Design Center APIs are not enabled on this server');
    // Watchers see the same reason.
    await call(w.core, 'maintenance:watch', { profileIds: [w.profileId] });
    await expect.poll(() => eventsOf(w!, 'maintenance:running-changed').at(-1)?.error?.message ?? '').toContain('Design Center APIs are not enabled');
  });

  it("run now in production for another org than the profile's is refused and nothing is sent", async () => {
    w = await world({ profile: { name: 'Finance prod', environment: { kind: 'production', label: 'production', color: '#c92a2a' } } });
    const error = await callFails(w.core, 'maintenance:run-now', { profileId: w.profileId, orgId: 'finance-prod' });
    expect(error.kind).toBe('profile-mismatch');
    expect(error.message).toContain('Nothing was sent');
    expect(error.message).toContain('"default"');
    expect(w.server.requests({ endpoint: 'run-now' })).toEqual([]);
    expect(w.server.runningJob('default')).toBeNull();
  });

  it('run now answered 503 is sent once, fails with the clear reason, and is audited as failed', async () => {
    w = await world();
    w.server.inject({ endpoint: 'run-now', action: { type: 'status', status: 503 } });
    const error = await callFails(w.core, 'maintenance:run-now', { profileId: w.profileId, orgId: 'default' });
    expect(error.message).toContain('Design Center APIs are not enabled on this server');
    expect(w.server.requests({ endpoint: 'run-now' })).toHaveLength(1);
    const audit = await call(w.core, 'audit:list', { profileId: w.profileId });
    expect(audit.map((a) => [a.action, a.outcome])).toEqual([['run-now', 'failed']]);
    expect(audit[0]?.error).toContain('Design Center APIs are not enabled');
  });

  it.each([
    ['the connection drops after the server acted', { type: 'reset' } as const],
    ['a gateway times out (504) after the server acted', { type: 'status', status: 504 } as const],
  ])('run now whose answer is lost (%s) is never repeated, says it may have started, and is audited as unknown', async (_label, action) => {
    w = await world();
    w.server.inject({ endpoint: 'run-now', action, when: 'after', times: 1 });
    const error = await callFails(w.core, 'maintenance:run-now', { profileId: w.profileId, orgId: 'default' });
    expect(error.message).toContain('maintenance may have started');
    expect(w.server.requests({ endpoint: 'run-now' })).toHaveLength(1);
    expect(w.server.runningJob('default')?.triggerType).toBe('RunImmediately');
    const audit = await call(w.core, 'audit:list', { profileId: w.profileId });
    expect(audit.map((a) => [a.action, a.outcome])).toEqual([['run-now', 'unknown']]);
  });
});
