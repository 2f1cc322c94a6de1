// The store's schedule state per profile and what the window derives from it (banners, the freshness
// line, whether writes are allowed), driven through the real slices over a scripted window.api.
import { beforeEach, describe, expect, it } from 'vitest';
import { bannerFor, bannersFor, updatedText, writeBlock } from '@renderer/store/derived';
import type { ProfileView } from '@shared/domain';
import { err, liveList, ok, profile, schedule, snapshotList, type FakeApi } from './support/fake-api';
import { devStore, type AppStore } from './support/fake-store';

const MINUTE = 60_000;
let api: FakeApi;
let store: AppStore;
let dev: ProfileView;

beforeEach(() => {
  ({ api, store, dev } = devStore());
});

const entry = () => store.getState().lists['dev'];
const banner = () => bannerFor(entry(), dev, new Date(), false);

async function loadGood(minutesAgo = 10) {
  api.handle('schedules:list', () => ok(liveList('dev', new Date(Date.now() - minutesAgo * MINUTE), [schedule('j1', '0 0 4 ? * * *')])));
  await store.getState().refreshProfile('dev');
  expect(entry()?.status).toBe('live');
}

describe('a refresh after a good load', () => {
  it('401: signed out is shown, writes are off with the reason, and the freshness line does not claim an update', async () => {
    await loadGood(10);
    expect(writeBlock(entry(), 'token')).toBeNull();
    expect(updatedText(entry(), new Date())).toBe('updated 10 minutes ago');

    api.handle('schedules:list', () => err('unauthorized', 'Listing schedules failed: unauthorized (HTTP 401).'));
    await store.getState().refreshProfile('dev');

    expect(entry()?.status).toBe('failed');
    // The older list stays on screen, and says it is older.
    expect(entry()?.list?.schedules).toHaveLength(1);
    const b = banner();
    expect(b?.title).toBe('Signed out.');
    expect(b?.text).toContain('HTTP 401');
    expect(b?.fix).toEqual({ kind: 'secret', label: 'Enter a new API token' });
    const block = writeBlock(entry(), 'token');
    expect(block?.short).toBe('Signed out');
    expect(block?.reason).toContain('Enter a new API token');
    const updated = updatedText(entry(), new Date());
    expect(updated).not.toMatch(/^updated/);
    expect(updated).toBe('not refreshed (signed out); list from 10 minutes ago');
  });

  it('a password profile is offered a new password, not a token', async () => {
    dev = profile('dev', { name: 'Dev', signIn: 'password' });
    store.setState({ profiles: [dev] });
    await loadGood();
    api.handle('schedules:list', () => err('unauthorized', 'Sign-in was refused (HTTP 401).'));
    await store.getState().refreshProfile('dev');
    expect(banner()?.fix?.label).toBe('Enter a new password');
    expect(writeBlock(entry(), 'password')?.reason).toContain('Enter a new password');
  });

  it('404: no access to the org, fixed in the profile', async () => {
    await loadGood();
    api.handle('schedules:list', () => err('not-found', 'The org "org-dev" does not exist or this user has no access to it.'));
    await store.getState().refreshProfile('dev');
    expect(banner()?.title).toBe('No access to the org.');
    expect(banner()?.fix?.kind).toBe('edit');
    expect(writeBlock(entry())?.short).toBe('No access');
  });

  it('HTTP 500 with a snapshot is a server error, not "Offline"', async () => {
    await loadGood();
    api.handle('schedules:list', () =>
      ok(snapshotList('dev', new Date(Date.now() - 10 * MINUTE), [], { kind: 'server', reason: 'The server answered HTTP 500.' })),
    );
    await store.getState().refreshProfile('dev');
    expect(entry()?.status).toBe('snapshot');
    expect(banner()?.title).toBe('Server error.');
    expect(`${banner()?.title} ${banner()?.text}`).not.toContain('Offline');
    expect(writeBlock(entry())?.short).toBe('Server error');
    expect(updatedText(entry(), new Date())).toBe('snapshot from 10 minutes ago');
  });

  it('a network failure shows the snapshot as offline, with writes off', async () => {
    await loadGood();
    api.handle('schedules:list', () =>
      ok(snapshotList('dev', new Date(Date.now() - 10 * MINUTE), [schedule('j1', '0 0 4 ? * * *')], { kind: 'network', reason: 'connect ECONNREFUSED.' })),
    );
    await store.getState().refreshProfile('dev');
    expect(banner()?.tone).toBe('offline');
    expect(banner()?.title).toBe('Offline.');
    expect(banner()?.text).toMatch(/Showing the snapshot from 10 minutes ago .*Reason: connect ECONNREFUSED\./);
    expect(writeBlock(entry())?.short).toBe('Unavailable offline');
  });

  it('a TLS failure is a certificate problem', async () => {
    api.handle('schedules:list', () => ok(snapshotList('dev', new Date(), [], { kind: 'tls', reason: 'self-signed certificate in chain.' })));
    await store.getState().refreshProfile('dev');
    expect(banner()?.title).toBe('Certificate problem.');
  });

  it('a second failure of another kind replaces the first reason, never merges it', async () => {
    await loadGood();
    api.handle('schedules:list', () => ok(snapshotList('dev', new Date(Date.now() - 10 * MINUTE), [], { kind: 'network', reason: 'connect ECONNREFUSED.' })));
    await store.getState().refreshProfile('dev');
    api.handle('schedules:list', () => err('unauthorized', 'Listing schedules failed: unauthorized (HTTP 403).'));
    await store.getState().refreshProfile('dev');
    const text = `${banner()?.title} ${banner()?.text} ${writeBlock(entry())?.reason}`;
    expect(text).toContain('HTTP 403');
    expect(text).not.toContain('ECONNREFUSED');
    expect(text).not.toContain('Offline');
    // It still says the list on screen is the snapshot it is.
    expect(banner()?.text).toContain('Still showing the snapshot');
  });

  it('a good answer after a failure clears every banner and enables writes', async () => {
    await loadGood();
    api.handle('schedules:list', () => err('unauthorized', 'HTTP 401.'));
    await store.getState().refreshProfile('dev');
    await loadGood(0);
    expect(banner()).toBeNull();
    expect(writeBlock(entry())).toBeNull();
    expect(updatedText(entry(), new Date())).toBe('updated just now');
  });
});

describe('first load', () => {
  it('a failure with no snapshot is failed with nothing shown, and does not invent a snapshot sentence', async () => {
    api.handle('schedules:list', () => err('unauthorized', 'Listing schedules failed: unauthorized (HTTP 401).'));
    await store.getState().refreshProfile('dev');
    expect(entry()).toMatchObject({ status: 'failed', list: null, kind: 'unauthorized', lastSuccessAt: null });
    expect(banner()?.title).toBe('Could not load Dev: signed out.');
    expect(banner()?.text).not.toMatch(/snapshot/i);
    expect(updatedText(entry(), new Date())).toBe('not loaded (signed out)');
  });

  it('the core saying no snapshot exists is passed on as it was said', async () => {
    api.handle('schedules:list', () =>
      err('server', 'The server answered HTTP 500. No offline copy of "Dev" exists yet: it is saved after the first successful refresh.'),
    );
    await store.getState().refreshProfile('dev');
    expect(banner()?.title).toBe('Could not load Dev: server error.');
    expect(banner()?.text).toContain('No offline copy');
  });

  it('while loading for the first time, writes wait and no banner is shown', async () => {
    let answer: (value: unknown) => void = () => undefined;
    api.handle('schedules:list', () => new Promise((resolve) => (answer = resolve)) as never);
    const pending = store.getState().refreshProfile('dev');
    expect(entry()?.status).toBe('loading');
    expect(writeBlock(entry())?.short).toBe('Loading…');
    expect(banner()).toBeNull();
    answer(ok(liveList('dev', new Date(), [])));
    await pending;
    expect(entry()?.status).toBe('live');
  });

  it('a reload keeps telling the last known state until its answer comes', async () => {
    await loadGood();
    api.handle('schedules:list', () => err('unauthorized', 'HTTP 401.'));
    await store.getState().refreshProfile('dev');
    api.handle('schedules:list', () => new Promise(() => undefined) as never);
    void store.getState().refreshProfile('dev');
    expect(entry()?.status).toBe('loading');
    expect(banner()?.title).toBe('Signed out.');
    expect(writeBlock(entry())?.short).toBe('Signed out');
  });

  it('a slow earlier answer never overwrites a newer one', async () => {
    const answers: ((value: unknown) => void)[] = [];
    api.handle('schedules:list', () => new Promise((resolve) => answers.push(resolve)) as never);
    const first = store.getState().refreshProfile('dev');
    const second = store.getState().refreshProfile('dev');
    answers[1]?.(ok(liveList('dev', new Date(), [schedule('new', '0 0 5 ? * * *')])));
    await second;
    answers[0]?.(err('network', 'connect ECONNREFUSED.'));
    await first;
    expect(entry()?.status).toBe('live');
    expect(entry()?.list?.schedules[0]?.jobId).toBe('new');
  });
});

describe('refreshing every profile', () => {
  it('asks schedules:refresh once, applies each entry as its progress arrives, and names each failure', async () => {
    const prod = profile('prod', { name: 'Prod' });
    store.setState({ profiles: [dev, prod] });
    let release: () => void = () => undefined;
    api.handle('schedules:refresh', async (request) => {
      expect(request.profileIds).toEqual(['dev', 'prod']);
      api.emit('schedules:refresh-progress', {
        refreshId: request.refreshId ?? '',
        done: 1,
        total: 2,
        entry: { profileId: 'dev', ok: true, value: liveList('dev', new Date(), []) },
      });
      await new Promise<void>((resolve) => (release = resolve));
      const prodEntry = { profileId: 'prod', ok: false as const, error: { kind: 'server' as const, message: 'HTTP 500.' } };
      return ok([{ profileId: 'dev', ok: true as const, value: liveList('dev', new Date(), []) }, prodEntry]);
    });
    const running = store.getState().refreshAll();
    await Promise.resolve();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(entry()?.status).toBe('live');
    expect(store.getState().lists['prod']?.status).toBe('loading');
    expect(store.getState().refreshProgress).toEqual({ done: 1, total: 2 });
    // A second request joins the one under way.
    void store.getState().refreshAll();
    release();
    await running;
    expect(api.callsTo('schedules:refresh')).toHaveLength(1);
    expect(api.callsTo('schedules:list')).toHaveLength(0);
    expect(store.getState().refreshProgress).toBeNull();
    const banners = bannersFor([dev, prod], store.getState().lists, new Date());
    expect(banners.map((b) => b.title)).toEqual(['Could not load Prod: server error.']);
  });

  it('exactly two profiles on snapshots get a banner each; three share one', () => {
    const profiles = ['a', 'b', 'c'].map((id) => profile(id, { name: id.toUpperCase() }));
    const at = new Date(Date.now() - 5 * MINUTE);
    const lists = Object.fromEntries(
      profiles.map((p) => [
        p.id,
        {
          status: 'snapshot' as const,
          list: snapshotList(p.id, at, [], { kind: 'network', reason: 'down' }),
          kind: 'network' as const,
          reason: 'down',
          lastAttemptAt: null,
          lastSuccessAt: null,
        },
      ]),
    );
    const two = bannersFor(profiles.slice(0, 2), lists, new Date());
    expect(two.map((b) => b.title)).toEqual(['Offline — A.', 'Offline — B.']);
    const three = bannersFor(profiles, lists, new Date());
    expect(three).toHaveLength(1);
    expect(three[0]?.title).toBe('Offline — 3 profiles.');
    expect(three[0]?.covers).toEqual(['a', 'b', 'c']);
  });
});
