// A notification held back for the hour is sent when the hour is over, with nothing else happening:
// the core looks at what is held back every minute (the interval timer faked, the clock shared).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { call } from '../core/helpers';
import { DAY, HOUR, START, eventsOf, world, type World } from './setup';

let w: World | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
  vi.useRealTimers();
});

const MIN = 60_000;

describe('held-back notifications', () => {
  it('go out within a minute of the hour being over, unasked', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    w = await world();
    await call(w.core, 'notifications:set', { enabled: true });
    w.server.setSchedulerPaused('default', true, { at: new Date(START - 3 * DAY) });
    await call(w.core, 'schedules:list', { profileId: w.profileId });
    expect(eventsOf(w, 'notification').map((n) => n.kinds)).toEqual([['missed']]);

    await w.server.setOffline(true);
    w.advance(10 * MIN);
    await call(w.core, 'schedules:list', { profileId: w.profileId });
    vi.advanceTimersByTime(MIN);
    expect(eventsOf(w, 'notification')).toHaveLength(1); // held back: within the hour of the first

    w.advance(HOUR);
    expect(eventsOf(w, 'notification')).toHaveLength(1);
    vi.advanceTimersByTime(MIN);
    expect(eventsOf(w, 'notification').map((n) => [n.kinds, n.title])).toEqual([
      [['missed'], 'Sales dev: missed maintenance run'],
      [['unreachable'], 'Sales dev: server unreachable'],
    ]);
  });
});
