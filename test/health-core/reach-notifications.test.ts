// Notifications about reaching a server come when it *became* unreachable, not for one that was already
// so when the app started or whose secret the user just cleared; a long run is one past three times the typical duration.
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../core/helpers';
import { HOUR, eventsOf, world, type World } from './setup';

let w: World | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

const MIN = 60_000;

describe('reach notifications', () => {
  it('clearing a secret oneself is not announced as signed out, while the list shows the snapshot', async () => {
    w = await world();
    await call(w.core, 'notifications:set', { enabled: true });
    await call(w.core, 'schedules:list', { profileId: w.profileId });
    await call(w.core, 'secrets:clear', { profileId: w.profileId });
    for (let i = 0; i < 2; i++) expect((await call(w.core, 'schedules:list', { profileId: w.profileId })).stale?.kind).toBe('no-secret');
    // The change of secret starts the profile afresh: nothing it did was reached and then lost.
    expect(eventsOf(w, 'notification')).toEqual([]);
  });

  it('a server already unreachable at the first look is not announced as having become so', async () => {
    w = await world();
    await call(w.core, 'notifications:set', { enabled: true });
    await w.server.setOffline(true);
    await call(w.core, 'maintenance:running', { profileId: w.profileId }).catch(() => undefined);
    await call(w.core, 'schedules:list', { profileId: w.profileId }).catch(() => undefined);
    w.advance(2 * HOUR);
    await call(w.core, 'maintenance:running', { profileId: w.profileId }).catch(() => undefined);
    expect(eventsOf(w, 'notification')).toEqual([]);
    // Once reached, losing it again is news.
    await w.server.setOffline(false);
    await call(w.core, 'maintenance:running', { profileId: w.profileId });
    await w.server.setOffline(true);
    await call(w.core, 'maintenance:running', { profileId: w.profileId }).catch(() => undefined);
    expect(eventsOf(w, 'notification').map((n) => n.kinds)).toEqual([['unreachable']]);
  });

  it('a run is long only past three times its typical duration', async () => {
    w = await world();
    await call(w.core, 'notifications:set', { enabled: true });
    w.server.setRunDuration('default', 20 * MIN);
    await call(w.core, 'maintenance:run-now', { profileId: w.profileId, orgId: 'default' });
    w.advance(19 * MIN);
    await call(w.core, 'maintenance:running', { profileId: w.profileId });
    w.advance(2 * MIN);
    expect((await call(w.core, 'maintenance:running', { profileId: w.profileId })).typicalDurationMs).toBe(21 * MIN);

    w.server.setRunDuration('default', 3 * HOUR);
    await call(w.core, 'maintenance:run-now', { profileId: w.profileId, orgId: 'default' });
    w.advance(62 * MIN); // past 30 minutes and twice the typical one, not three times
    await call(w.core, 'maintenance:running', { profileId: w.profileId });
    expect(eventsOf(w, 'notification')).toEqual([]);
    w.advance(2 * MIN);
    await call(w.core, 'maintenance:running', { profileId: w.profileId });
    expect(eventsOf(w, 'notification').map((n) => n.kinds)).toEqual([['long-run']]);
    expect(eventsOf(w, 'notification')[0]?.body).toMatch(/^Running since .+ \(1 h 4 min\); it usually takes 21 min\.$/);
  });
});
