// The schedule state of a profile across its transitions: what a snapshot without a reason says, what a
// refresh under way keeps, and that a list or failure of another server or org is never told for the
// profile once it points elsewhere.
import { beforeEach, describe, expect, it } from 'vitest';
import { lastAnsweredAt } from '@renderer/app/auto-refresh';
import { bannerFor, updatedText, writeBlock } from '@renderer/store/derived';
import { connectionOf, entryFor, settleWithError, type ProfileSchedules } from '@renderer/store/schedule-state';
import { buildSources } from '@renderer/store/sources';
import type { ProfileView } from '@shared/domain';
import { err, liveList, ok, schedule, snapshotList, type FakeApi } from './support/fake-api';
import { devStore, type AppStore } from './support/fake-store';

const MINUTE = 60_000;
const AT = new Date('2026-12-01T10:00:00.000Z');
let api: FakeApi;
let store: AppStore;
let dev: ProfileView;

beforeEach(() => {
  ({ api, store, dev } = devStore({ selectedProfileId: 'dev' }));
});

const entry = () => store.getState().lists['dev'];
const shownJobs = () => buildSources(store.getState().profiles, store.getState().lists, 'dev', true).map((s) => s.schedule.jobId);

async function loadGood(fetchedAt = new Date(Date.now() - 10 * MINUTE)) {
  api.handle('schedules:list', () => ok(liveList('dev', fetchedAt, [schedule('j1', '0 0 4 ? * * *')])));
  await store.getState().refreshProfile('dev');
  expect(entry()?.status).toBe('live');
}

/** Starts a refresh whose answer never comes. */
function refreshHangs() {
  api.handle('schedules:list', () => new Promise(() => undefined) as never);
  void store.getState().refreshProfile('dev');
  expect(entry()?.status).toBe('loading');
}

describe('a snapshot', () => {
  it('that names no reason is told as offline: the live list could not be fetched', async () => {
    api.handle('schedules:list', () => ok(snapshotList('dev', new Date(Date.now() - 10 * MINUTE), [], null)));
    await store.getState().refreshProfile('dev');
    expect(entry()).toMatchObject({ status: 'snapshot', kind: 'network', reason: 'The live list could not be fetched.' });
    const banner = bannerFor(entry(), dev, new Date(), false);
    expect(banner?.title).toBe('Offline.');
    expect(banner?.text).toContain('Reason: The live list could not be fetched.');
    expect(writeBlock(entry())?.short).toBe('Unavailable offline');
  });

  it('after a live load keeps when the server last answered live', async () => {
    const live = new Date(Date.now() - 10 * MINUTE);
    await loadGood(live);
    api.handle('schedules:list', () => ok(snapshotList('dev', live, [], { kind: 'network', reason: 'connect ECONNREFUSED.' })));
    await store.getState().refreshProfile('dev');
    expect(entry()).toMatchObject({ status: 'snapshot', lastSuccessAt: live.toISOString() });
  });
});

describe('a failure after a live load', () => {
  it('keeps when the server last answered live', async () => {
    const live = new Date(Date.now() - 10 * MINUTE);
    await loadGood(live);
    api.handle('schedules:list', () => err('server', 'HTTP 500.'));
    await store.getState().refreshProfile('dev');
    expect(entry()).toMatchObject({ status: 'failed', lastSuccessAt: live.toISOString() });
  });
});

describe('a refresh under way', () => {
  it('still counts the last answer, so coming back to the window does not refresh again at once', async () => {
    const live = new Date(Date.now() - 10 * MINUTE);
    await loadGood(live);
    const answered = entry()?.lastAttemptAt;
    expect(answered).toEqual(expect.any(String));
    refreshHangs();
    expect(lastAnsweredAt(store.getState())).toBe(Date.parse(answered ?? ''));
    expect(entry()).toMatchObject({ lastAttemptAt: answered, lastSuccessAt: live.toISOString() });
  });

  it('of a profile moved to another server meanwhile no longer shows the old server’s schedules', async () => {
    await loadGood();
    refreshHangs();
    expect(shownJobs()).toEqual(['j1']);
    store.getState().replaceProfile({ ...dev, apiUrl: 'https://other.example.com:10502' });
    expect(shownJobs()).toEqual([]);
    expect(entry()).toBeUndefined();
  });

  it('for the first time, of a profile whose org is edited meanwhile, is dropped: nothing of the old org is told', () => {
    refreshHangs();
    expect(updatedText(entry(), new Date())).toBe('loading…');
    store.getState().replaceProfile({ ...dev, orgId: 'org-new' });
    expect(entry()).toBeUndefined();
    expect(updatedText(entry(), new Date())).toBeNull();
  });

  it('of a profile that no longer exists settles quietly', async () => {
    api.handle('schedules:list', () => ok(liveList('gone', new Date(), [])));
    await expect(store.getState().refreshProfile('gone')).resolves.toBeUndefined();
  });
});

describe('another org', () => {
  it('a failed first load is not shown as the profile’s once its org is edited', async () => {
    api.handle('schedules:list', () => err('unauthorized', 'HTTP 401.'));
    await store.getState().refreshProfile('dev');
    expect(bannerFor(entry(), dev, new Date(), false)?.title).toBe('Could not load Dev: signed out.');
    dev = { ...dev, orgId: 'org-new' };
    store.getState().replaceProfile(dev);
    expect(entry()).toBeUndefined();
    expect(bannerFor(entry(), dev, new Date(), false)).toBeNull();
  });

  it('a list of another org, with no connection recorded, shows none of its schedules for the profile', () => {
    const other: ProfileSchedules = {
      status: 'live',
      list: { ...liveList('dev', AT, [schedule('x1', '0 0 4 ? * * *')]), orgId: 'org-other' },
      lastAttemptAt: AT.toISOString(),
      lastSuccessAt: AT.toISOString(),
    };
    const own: ProfileSchedules = { ...other, list: liveList('dev', AT, [schedule('j1', '0 0 4 ? * * *')]) };
    expect(buildSources([dev], { dev: other }, 'dev', true)).toEqual([]);
    expect(buildSources([dev], { dev: own }, 'dev', true).map((s) => s.schedule.jobId)).toEqual(['j1']);
  });

  it('a refresh under way whose earlier answer was another org’s snapshot does not tell that snapshot’s banner', () => {
    const previous = {
      status: 'snapshot' as const,
      list: { ...snapshotList('dev', AT, [], { kind: 'network', reason: 'down' }), orgId: 'org-other' },
      kind: 'network' as const,
      reason: 'down',
    };
    const loading: ProfileSchedules = { status: 'loading', list: null, previous, lastAttemptAt: null, lastSuccessAt: null };
    expect(bannerFor(loading, dev, AT, false)?.title).toBe('Offline.');
    expect(entryFor(loading, connectionOf(dev))).toBeUndefined();
    const ownPrevious = { ...previous, list: snapshotList('dev', AT, [], { kind: 'network', reason: 'down' }) };
    expect(entryFor({ ...loading, previous: ownPrevious }, connectionOf(dev))).toBeDefined();
  });
});

describe('an error answered straight onto a state', () => {
  const failure = { kind: 'unauthorized' as const, message: 'HTTP 401.' };

  it('with nothing known before: failed with no list, and belonging to the connection it was asked of', () => {
    const failed = settleWithError(undefined, failure, AT, connectionOf(dev));
    expect(failed).toMatchObject({ status: 'failed', list: null, kind: 'unauthorized', lastAttemptAt: AT.toISOString(), lastSuccessAt: null });
    expect(entryFor(failed, connectionOf(dev))).toBe(failed);
    expect(entryFor(failed, { ...connectionOf(dev), orgId: 'org-new' })).toBeUndefined();
  });

  it('with nothing known and no connection given: failed with no list', () => {
    expect(settleWithError(undefined, failure, AT)).toEqual({
      status: 'failed',
      list: null,
      kind: 'unauthorized',
      message: 'HTTP 401.',
      lastAttemptAt: AT.toISOString(),
      lastSuccessAt: null,
    });
  });

  it('with no connection given keeps the connection of the state before it', () => {
    const before: ProfileSchedules = { status: 'loading', list: null, previous: null, lastAttemptAt: null, lastSuccessAt: null, connection: connectionOf(dev) };
    const failed = settleWithError(before, failure, AT);
    expect(failed.connection).toEqual(connectionOf(dev));
    expect(entryFor(failed, { ...connectionOf(dev), apiUrl: 'https://other.example.com:10502' })).toBeUndefined();
  });
});
