// Reaching a server: an edited profile starts afresh (nothing of it was reached and lost), and a deleted
// profile's held-back notification is never sent.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { call, profileInput } from '../core/helpers';
import { DAY, HOUR, START, eventsOf, world, type World } from './setup';

let w: World | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
  vi.useRealTimers();
});

const MIN = 60_000;

describe('reach after an edit', () => {
  it('a profile edited while reached starts afresh: its server found unreachable next is not news', async () => {
    w = await world();
    await call(w.core, 'notifications:set', { enabled: true });
    await call(w.core, 'maintenance:running', { profileId: w.profileId });
    await call(w.core, 'profiles:save', { profile: { ...profileInput(w.server, { name: 'Sales dev (edited)' }), id: w.profileId } });
    await w.server.setOffline(true);
    await call(w.core, 'maintenance:running', { profileId: w.profileId }).catch(() => undefined);
    expect(eventsOf(w, 'notification')).toEqual([]);
  });
});

describe('a deleted profile', () => {
  it('never gets the notification held back for its hour', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    w = await world();
    await call(w.core, 'notifications:set', { enabled: true });
    w.server.setSchedulerPaused('default', true, { at: new Date(START - 3 * DAY) });
    await call(w.core, 'schedules:list', { profileId: w.profileId });
    await w.server.setOffline(true);
    w.advance(10 * MIN);
    await call(w.core, 'schedules:list', { profileId: w.profileId });
    expect(eventsOf(w, 'notification')).toHaveLength(1);
    await call(w.core, 'profiles:delete', { id: w.profileId });
    w.advance(HOUR);
    vi.advanceTimersByTime(2 * MIN);
    expect(eventsOf(w, 'notification').map((n) => n.kinds)).toEqual([['missed']]);
  });
});
