// Watching the running job as the renderer does it: asking to watch the same profiles again keeps the
// polls going without asking again at once; an id that is no profile is skipped; an edited profile stays
// watched and a deleted one does not stop the others; a profile pointed at another server starts afresh.
import { afterEach, describe, expect, it } from 'vitest';
import { call, DEMO_PASSWORD, profileInput, sim } from '../core/helpers';
import { eventsOf, orgWithDailyJob, START, world, type World } from './setup';

let w: World | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

const MIN = 60_000;

/** The running job questions of one org so far. */
const asked = (x: World, orgId = 'default'): number => x.server.requests({ endpoint: 'running', orgId }).length;

describe('watching the running job', () => {
  it('watching the same profile again keeps polling, and does not ask again before the next poll', async () => {
    w = await world({ core: { runningPollMs: 60_000 } });
    await call(w.core, 'maintenance:watch', { profileIds: [w.profileId] });
    await expect.poll(() => eventsOf(w!, 'maintenance:running-changed').length).toBe(1);
    await call(w.core, 'maintenance:watch', { profileIds: [w.profileId] });
    w.advance(5 * MIN);
    // Asked now, not by the second watch: the answer is as of now.
    expect((await call(w.core, 'maintenance:running', { profileId: w.profileId })).checkedAt).toBe(new Date(START + 5 * MIN).toISOString());
  });

  it('keeps polling when watched again, skipping an id that is no profile', async () => {
    w = await world({ core: { runningPollMs: 40 } });
    expect(await call(w.core, 'maintenance:watch', { profileIds: ['no-such-profile', w.profileId] })).toEqual({
      profileIds: ['no-such-profile', w.profileId],
      intervalMs: 40,
    });
    await expect.poll(() => asked(w!)).toBeGreaterThanOrEqual(2);
    await call(w.core, 'maintenance:watch', { profileIds: ['no-such-profile', w.profileId] });
    const before = asked(w);
    await expect.poll(() => asked(w!)).toBeGreaterThanOrEqual(before + 2);
  });

  it('an edited profile stays watched, and deleting one profile does not stop the others', async () => {
    w = await world({ seed: [orgWithDailyJob(), orgWithDailyJob({ orgId: 'sales', name: 'Sales', jobs: [] })], core: { runningPollMs: 40 } });
    const sales = await call(w.core, 'profiles:save', { profile: profileInput(w.server, { name: 'Sales', orgId: 'sales' }) });
    await call(w.core, 'maintenance:watch', { profileIds: [w.profileId, sales.id] });
    await expect.poll(() => asked(w!, 'sales')).toBeGreaterThanOrEqual(1);

    await call(w.core, 'profiles:save', { profile: { ...profileInput(w.server, { name: 'Sales', orgId: 'sales', notes: 'edited' }), id: sales.id } });
    const edited = asked(w, 'sales');
    await expect.poll(() => asked(w!, 'sales')).toBeGreaterThanOrEqual(edited + 2);

    await call(w.core, 'profiles:delete', { id: w.profileId });
    const deleted = asked(w, 'sales');
    await expect.poll(() => asked(w!, 'sales')).toBeGreaterThanOrEqual(deleted + 2);
  });

  it('a profile pointed at another server does not take the old server’s run as ended there', async () => {
    w = await world();
    const other = await sim({ seed: [orgWithDailyJob()], now: () => w!.now() });
    try {
      await call(w.core, 'maintenance:run-now', { profileId: w.profileId, orgId: 'default' });
      w.advance(9 * MIN);
      expect((await call(w.core, 'maintenance:running', { profileId: w.profileId })).running?.triggerType).toBe('RunImmediately');
      await call(w.core, 'profiles:save', { profile: { ...profileInput(other), id: w.profileId }, secret: DEMO_PASSWORD, secretStorage: 'memory' });
      w.advance(1000);
      expect(await call(w.core, 'maintenance:running', { profileId: w.profileId })).toMatchObject({ running: null, typicalDurationMs: null });
      expect(other.requests({ endpoint: 'running' })).toHaveLength(1);
    } finally {
      await other.close();
    }
  });
});
