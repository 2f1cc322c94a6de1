// How the running job is asked: one question per profile at a time (a slow server is not asked again
// while it still answers), an error and its recovery both reach watchers, each profile is watched once,
// a deleted profile is no longer watched, and a run with no start time shows when it was requested.
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../core/helpers';
import { eventsOf, START, world, type World } from './setup';

let w: World | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

describe('asking for the running job', () => {
  it('asks a slow server once for two questions at the same time, and both get its answer', async () => {
    w = await world();
    await call(w.core, 'maintenance:running', { profileId: w.profileId }); // signed in
    const hold = w.server.hold({ endpoint: 'running' });
    const asked = w.server.requests({ endpoint: 'running' }).length;
    const first = call(w.core, 'maintenance:running', { profileId: w.profileId });
    await expect.poll(() => hold.waiting()).toBe(1);
    const second = call(w.core, 'maintenance:running', { profileId: w.profileId });
    hold.release();
    const [a, b] = await Promise.all([first, second]);
    expect(a).toEqual(b);
    expect(w.server.requests({ endpoint: 'running' })).toHaveLength(asked + 1);
    // Once answered, the next question goes to the server again.
    await call(w.core, 'maintenance:running', { profileId: w.profileId });
    expect(w.server.requests({ endpoint: 'running' })).toHaveLength(asked + 2);
  });

  it('tells watchers of an error and of its recovery', async () => {
    w = await world();
    await call(w.core, 'maintenance:running', { profileId: w.profileId });
    w.server.inject({ endpoint: 'running', action: { type: 'status', status: 500 }, times: 2 });
    await call(w.core, 'maintenance:running', { profileId: w.profileId }).catch(() => undefined);
    await call(w.core, 'maintenance:running', { profileId: w.profileId });
    expect(eventsOf(w, 'maintenance:running-changed').map((s) => [s.error?.kind ?? null, s.checkedAt])).toEqual([
      [null, new Date(START).toISOString()],
      ['server', new Date(START).toISOString()],
      [null, new Date(START).toISOString()],
    ]);
  });

  it('watches each profile once, and a deleted profile no more', async () => {
    w = await world({ core: { runningPollMs: 60_000 } });
    expect(await call(w.core, 'maintenance:watch', { profileIds: [w.profileId, w.profileId] })).toEqual({ profileIds: [w.profileId], intervalMs: 60_000 });
    await expect.poll(() => w!.server.requests({ endpoint: 'running' }).length).toBe(1); // asked at once, not after a minute
    await call(w.core, 'profiles:delete', { id: w.profileId });
    expect(await call(w.core, 'maintenance:watch', { profileIds: [] })).toEqual({ profileIds: [], intervalMs: 60_000 });
  });

  it('shows a run without a start time as started when it was requested', async () => {
    w = await world();
    const requested = new Date(START - 5 * 60_000).toISOString();
    w.server.inject({
      endpoint: 'running',
      action: {
        type: 'raw',
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({
          status: { code: 0, message: '200 OK' },
          response: { id: 'run-1', triggerType: 'RunImmediately', creationTime: requested, startTime: null, status: 'QUEUED' },
        }),
      },
    });
    const state = await call(w.core, 'maintenance:running', { profileId: w.profileId });
    expect(state.running).toEqual({ triggerType: 'RunImmediately', startedAt: requested, creationTime: requested });
  });
});
