// What the lists and the running checks tell the notifications: a snapshot's missed runs are old news and
// never announced; a server error is neither unreachable nor signed out; each missed fire and each long
// run is its own problem (the next day's miss, the next long run notify again).
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../core/helpers';
import { DAY, HOUR, START, eventsOf, world, type World } from './setup';

let w: World | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

const MIN = 60_000;
const kinds = (x: World) => eventsOf(x, 'notification').map((n) => n.kinds.join('+'));

describe('notifications from lists', () => {
  it("a snapshot's missed runs are not announced; only that the server became unreachable", async () => {
    w = await world();
    w.server.setSchedulerPaused('default', true, { at: new Date(START - 3 * DAY) });
    await call(w.core, 'schedules:list', { profileId: w.profileId });
    await call(w.core, 'notifications:set', { enabled: true });
    await w.server.setOffline(true);
    const snapshot = await call(w.core, 'schedules:list', { profileId: w.profileId });
    expect(snapshot.source).toBe('snapshot');
    expect(snapshot.schedules.some((s) => s.health.verdict === 'missed')).toBe(true);
    // Past the hour that holds back a profile's further notifications, still nothing about the runs.
    w.advance(2 * HOUR);
    await call(w.core, 'schedules:list', { profileId: w.profileId });
    expect(kinds(w)).toEqual(['unreachable']);
  });

  it('each missed fire is its own problem: the next day’s miss notifies again', async () => {
    w = await world();
    await call(w.core, 'notifications:set', { enabled: true });
    w.server.setSchedulerPaused('default', true, { at: new Date(START - 3 * DAY) });
    await call(w.core, 'schedules:list', { profileId: w.profileId });
    w.advance(2 * HOUR);
    await call(w.core, 'schedules:list', { profileId: w.profileId });
    expect(kinds(w)).toEqual(['missed']);
    w.advance(DAY);
    await call(w.core, 'schedules:list', { profileId: w.profileId });
    expect(kinds(w)).toEqual(['missed', 'missed']);
    expect(eventsOf(w, 'notification')[1]?.title).toBe('Sales dev: missed maintenance run');
  });
});

describe('notifications from running checks', () => {
  it('a server error while checking is neither unreachable nor signed out: nothing is announced', async () => {
    w = await world();
    await call(w.core, 'notifications:set', { enabled: true });
    await call(w.core, 'maintenance:running', { profileId: w.profileId });
    w.server.inject({ endpoint: 'running', action: { type: 'status', status: 500 } });
    for (let i = 0; i < 2; i++) await expect(call(w.core, 'maintenance:running', { profileId: w.profileId })).rejects.toThrow();
    expect(kinds(w)).toEqual([]);
    // The same check refused with 401 is news.
    w.server.clearFaults();
    w.server.inject({ endpoint: 'running', action: { type: 'status', status: 401 } });
    await call(w.core, 'maintenance:running', { profileId: w.profileId }).catch(() => undefined);
    expect(kinds(w)).toEqual(['signed-out']);
  });

  it('each long run is its own problem: checked again it stays one, the next long run notifies again', async () => {
    w = await world();
    await call(w.core, 'notifications:set', { enabled: true });
    await call(w.core, 'maintenance:run-now', { profileId: w.profileId, orgId: 'default' });
    w.advance(9 * MIN);
    await call(w.core, 'maintenance:running', { profileId: w.profileId });
    w.advance(2 * MIN);
    await call(w.core, 'maintenance:running', { profileId: w.profileId });

    w.server.setRunDuration('default', 3 * HOUR);
    await call(w.core, 'maintenance:run-now', { profileId: w.profileId, orgId: 'default' });
    w.advance(40 * MIN);
    await call(w.core, 'maintenance:running', { profileId: w.profileId });
    w.advance(2 * HOUR);
    await call(w.core, 'maintenance:running', { profileId: w.profileId });
    expect(kinds(w)).toEqual(['long-run']);

    w.advance(2 * HOUR);
    await call(w.core, 'maintenance:running', { profileId: w.profileId });
    await call(w.core, 'maintenance:run-now', { profileId: w.profileId, orgId: 'default' });
    w.advance(45 * MIN);
    await call(w.core, 'maintenance:running', { profileId: w.profileId });
    expect(kinds(w)).toEqual(['long-run', 'long-run']);
  });
});
