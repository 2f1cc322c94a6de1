// The health seam's edges as a user meets them: a history window may be empty or exactly 366 days, and
// defaults to the 14 days before now; an edited profile keeps its history; a server that stops answering in time is announced as unreachable.
import { afterEach, describe, expect, it } from 'vitest';
import { call, callFails, profileInput } from '../core/helpers';
import { DAILY_JOB, DAY, eventsOf, START, world, type World } from './setup';

let w: World | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

const iso = (ms: number): string => new Date(ms).toISOString();

describe('history windows', () => {
  it('takes an empty window and one of exactly 366 days, not a millisecond more', async () => {
    w = await world();
    await call(w.core, 'schedules:list', { profileId: w.profileId });
    expect((await call(w.core, 'history:list', { profileId: w.profileId, from: iso(START), to: iso(START) })).fires).toEqual([]);
    const leap = await call(w.core, 'history:list', { profileId: w.profileId, from: iso(START - 366 * DAY), to: iso(START) });
    expect(leap.executions.map((e) => e.executedAt)).toEqual(['2026-11-28T04:00:00.000Z']);
    const over = await callFails(w.core, 'history:list', { profileId: w.profileId, from: iso(START - 366 * DAY - 1), to: iso(START) });
    expect(over.message).toBe('The history window is longer than a year: pick a shorter one.');
  });

  it('shows the expected fires of the 14 days before now when no window is given', async () => {
    w = await world();
    await call(w.core, 'schedules:list', { profileId: w.profileId });
    const { fires } = await call(w.core, 'history:list', { profileId: w.profileId });
    // The daily 04:00 fires since the job was first seen: the first is 14 days back at most.
    expect(fires.length).toBeGreaterThan(0);
    expect(Date.parse(fires[0]?.at ?? '')).toBeGreaterThanOrEqual(START - 14 * DAY);
    expect(fires.at(-1)?.at).toBe('2026-11-28T04:00:00.000Z');
    const fromTwoDays = await call(w.core, 'history:list', { profileId: w.profileId, from: iso(START - 2 * DAY) });
    expect(fromTwoDays.fires.map((f) => f.at)).toEqual(['2026-11-27T04:00:00.000Z', '2026-11-28T04:00:00.000Z']);
  });
});

describe('a profile edited', () => {
  it('a profile edited keeps its history; a window for another job shows none of it', async () => {
    w = await world();
    await call(w.core, 'schedules:list', { profileId: w.profileId });
    await call(w.core, 'profiles:save', { profile: { ...profileInput(w.server, { notes: 'edited' }), id: w.profileId } });
    const { executions } = await call(w.core, 'history:list', { profileId: w.profileId });
    expect(executions.map((e) => e.jobId)).toEqual([DAILY_JOB]);
    const other = await call(w.core, 'history:list', { profileId: w.profileId, jobId: '00000000-0000-4000-8000-000000000000' });
    expect([other.executions, other.fires]).toEqual([[], []]);
  });
});

describe('reach notifications', () => {
  it('a server that stops answering in time is announced as unreachable', async () => {
    w = await world({ core: { requestTimeoutMs: 300 } });
    await call(w.core, 'notifications:set', { enabled: true });
    await call(w.core, 'maintenance:running', { profileId: w.profileId });
    w.server.inject({ endpoint: 'running', action: { type: 'hang' } });
    expect((await callFails(w.core, 'maintenance:running', { profileId: w.profileId })).kind).toBe('timeout');
    expect(eventsOf(w, 'notification').map((n) => [n.kinds, n.title])).toEqual([[['unreachable'], 'Sales dev: server unreachable']]);
    expect(eventsOf(w, 'notification')[0]?.body).toContain('did not answer within');
  });
});
