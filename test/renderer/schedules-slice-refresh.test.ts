// Refreshing lists: an answer for a server or org the profile has left (or never pointed at) is never
// shown as its list; a profile deleted while loading stays gone; a refresh of every profile keeps the
// answers it got before it failed, asks nothing when there is nothing to refresh and works without
// progress events; the Refresh button's confirmation says what was refreshed, and only when it was.
import { beforeEach, describe, expect, it } from 'vitest';
import { create } from 'zustand';
import { createAppState, createAppStore, ALL_PROFILES, type AppState } from '@renderer/store';
import { sameOrgProfileIds, scheduleCountText } from '@renderer/store/schedules-slice';
import type { ProfileView, ScheduleList } from '@shared/domain';
import type { RefreshEntry } from '@shared/ipc';
import { err, installFakeApi, liveList, ok, profile, schedule, snapshotList, type FakeApi } from './support/fake-api';

let api: FakeApi;
let store: ReturnType<typeof createAppStore>;
let dev: ProfileView;
let prod: ProfileView;

const toasts = () => store.getState().toasts.map((t) => `${t.tone}: ${t.text}`);
const jobsOf = (id: string) => store.getState().lists[id]?.list?.schedules.map((s) => s.jobId) ?? null;
const listFor = (p: ProfileView, jobIds: string[], orgId = p.orgId): ScheduleList => ({
  ...liveList(
    p.id,
    new Date(),
    jobIds.map((j) => schedule(j, '0 0 4 ? * * *')),
  ),
  orgId,
});
const liveEntry = (p: ProfileView, jobIds: string[]): RefreshEntry => ({ profileId: p.id, ok: true, value: listFor(p, jobIds) });

/** Holds the next schedules:list answers until `answer` is called. */
function heldList() {
  let answer: (result: ReturnType<typeof ok<ScheduleList>> | ReturnType<typeof err>) => void = () => undefined;
  api.handle('schedules:list', () => new Promise((resolve) => (answer = resolve)));
  return { answer: (result: ReturnType<typeof ok<ScheduleList>> | ReturnType<typeof err>) => answer(result) };
}

beforeEach(() => {
  api = installFakeApi();
  store = createAppStore();
  dev = profile('dev', { name: 'Demo dev' });
  prod = profile('prod', { name: 'Demo prod' });
  store.setState({ profiles: [dev, prod] });
});

describe('an answer for a connection the profile no longer has is not its list', () => {
  it('moved to another server (same org) while loading: the list answered for the old server is not shown', async () => {
    const held = heldList();
    const refresh = store.getState().refreshProfile('dev');
    store.getState().replaceProfile({ ...dev, apiUrl: 'https://other.example.com:10502' });
    held.answer(ok(listFor(dev, ['old-server-job'])));
    await refresh;
    expect(store.getState().lists['dev']).toBeUndefined();
  });

  it('moved to another org while loading: the old org’s failure is not reported as the new org’s', async () => {
    const held = heldList();
    const refresh = store.getState().refreshProfile('dev');
    store.getState().replaceProfile({ ...dev, orgId: 'finance-prod' });
    held.answer(err('server', 'Scheduler store unavailable (HTTP 500).'));
    await refresh;
    expect(store.getState().lists['dev']).toBeUndefined();
  });

  it('main answers another org than the profile points at: nothing is shown for it, other profiles keep theirs', async () => {
    api.handle('schedules:list', (r) => ok(r.profileId === 'dev' ? listFor(dev, ['j1']) : listFor(prod, ['p1'])));
    await store.getState().refreshProfile('dev');
    await store.getState().refreshProfile('prod');
    api.handle('schedules:list', () => ok(listFor(dev, ['foreign'], 'sales')));
    await store.getState().refreshProfile('dev');
    expect(store.getState().lists['dev']).toBeUndefined();
    expect(jobsOf('prod')).toEqual(['p1']);
    expect(store.getState().lists['prod']?.status).toBe('live');
  });

  it('the slice on its own (without the store’s profile-change guard) never keeps another org’s answer', async () => {
    // The same slices as createAppStore, without its subscriber that drops lists of another connection.
    const bare = create<AppState>()(createAppState);
    bare.setState({ profiles: [dev] });
    api.handle('schedules:list', () => ok(listFor(dev, ['foreign'], 'sales')));
    await bare.getState().refreshProfile('dev');
    expect(bare.getState().lists['dev']).toBeUndefined();
  });

  it('a profile that arrives while its first list loads (main’s profiles:changed) gets that list', async () => {
    const late = profile('late', { name: 'Late' });
    const held = heldList();
    const refresh = store.getState().refreshProfile('late');
    store.setState({ profiles: [dev, prod, late] });
    held.answer(ok(listFor(late, ['l1'])));
    await refresh;
    expect(store.getState().lists['late']?.status).toBe('live');
    expect(jobsOf('late')).toEqual(['l1']);
  });

  it('a profile deleted while its list was loading stays gone', async () => {
    api.handle('profiles:delete', () => ok({ deleted: true as const }));
    const held = heldList();
    const refresh = store.getState().refreshProfile('dev');
    await store.getState().deleteProfile('dev');
    held.answer(ok(listFor(dev, ['j1'])));
    await expect(refresh).resolves.toBeUndefined();
    expect(store.getState().lists['dev']).toBeUndefined();
    expect(store.getState().profiles.map((p) => p.id)).toEqual(['prod']);
  });

  it('a list answer the window cannot read leaves the profile failed (internal), not loading', async () => {
    api.handle('schedules:list', () => ok(null as unknown as ScheduleList));
    await store.getState().refreshProfile('dev');
    const entry = store.getState().lists['dev'];
    expect(entry).toMatchObject({ status: 'failed', kind: 'internal', list: null });
    expect(entry?.status === 'failed' && entry.message.length > 0).toBe(true);
  });
});

describe('refreshing every profile', () => {
  it('a refresh that fails after some profiles were answered keeps their answers and fails the rest', async () => {
    api.handle('schedules:refresh', (request) => {
      api.emit('schedules:refresh-progress', { refreshId: request.refreshId ?? '', done: 1, total: 2, entry: liveEntry(dev, ['j1']) });
      return err('network', 'The core stopped answering.');
    });
    await store.getState().refreshAll();
    expect(store.getState().lists['dev']?.status).toBe('live');
    expect(jobsOf('dev')).toEqual(['j1']);
    expect(store.getState().lists['prod']).toMatchObject({ status: 'failed', kind: 'network', message: 'The core stopped answering.' });
    expect(store.getState().refreshProgress).toBeNull();
  });

  it('an entry for a profile the refresh did not ask for is ignored', async () => {
    const late = profile('late');
    api.handle('schedules:refresh', (request) => {
      store.setState({ profiles: [dev, prod, late] });
      api.emit('schedules:refresh-progress', { refreshId: request.refreshId ?? '', done: 1, total: 2, entry: liveEntry(late, ['stray']) });
      return ok([liveEntry(dev, ['j1']), liveEntry(prod, ['p1'])]);
    });
    await store.getState().refreshAll();
    expect(store.getState().lists['late']).toBeUndefined();
    expect(jobsOf('dev')).toEqual(['j1']);
  });

  it('an answer main cannot give in a readable form fails every profile (internal)', async () => {
    api.handle('schedules:refresh', () => ok(null as unknown as RefreshEntry[]));
    await store.getState().refreshAll();
    for (const id of ['dev', 'prod']) {
      const entry = store.getState().lists[id];
      expect(entry).toMatchObject({ status: 'failed', kind: 'internal' });
      expect(entry?.status === 'failed' && entry.message.length > 0).toBe(true);
    }
  });

  it('with no profiles, nothing is asked and no progress is shown', async () => {
    store.setState({ profiles: [] });
    const seen: unknown[] = [];
    store.subscribe((s) => seen.push(s.refreshProgress));
    await store.getState().refreshAll();
    expect(api.callsTo('schedules:refresh')).toEqual([]);
    expect(seen.filter((p) => p !== null)).toEqual([]);
  });

  it('a window without progress events (no appEvents) still refreshes and clears its progress', async () => {
    (globalThis as { window: { appEvents?: unknown } }).window.appEvents = undefined;
    api.handle('schedules:refresh', async () => ok([liveEntry(dev, ['j1']), liveEntry(prod, ['p1'])]));
    await store.getState().refreshAll();
    expect(jobsOf('dev')).toEqual(['j1']);
    expect(jobsOf('prod')).toEqual(['p1']);
    expect(store.getState().refreshProgress).toBeNull();
  });
});

describe('the Refresh button in the all-profiles view', () => {
  beforeEach(() => {
    store.setState({ selectedProfileId: ALL_PROFILES });
  });

  it('every profile live: “Refreshed all 2 profiles.”', async () => {
    api.handle('schedules:refresh', async () => ok([liveEntry(dev, ['j1']), liveEntry(prod, ['p1'])]));
    await store.getState().refreshShown({ confirm: true });
    expect(api.callsTo('schedules:list')).toEqual([]);
    expect(toasts()).toEqual(['success: Refreshed all 2 profiles.']);
  });

  it('one failed and one answered for another org: only the live one counts as refreshed', async () => {
    const third = profile('third');
    store.setState({ profiles: [dev, prod, third] });
    api.handle('schedules:refresh', async () =>
      ok<RefreshEntry[]>([
        liveEntry(dev, ['j1']),
        { profileId: 'prod', ok: false, error: { kind: 'unauthorized', message: 'Sign-in refused (HTTP 401).' } },
        { profileId: 'third', ok: true, value: listFor(third, ['x'], 'sales') },
      ]),
    );
    await store.getState().refreshShown({ confirm: true });
    expect(store.getState().lists['third']).toBeUndefined();
    expect(toasts()).toEqual(['success: Refreshed 1 of 3 profiles; see the messages above for the others.']);
  });

  it('nothing live: no confirmation', async () => {
    api.handle('schedules:refresh', async () => err('network', 'connect ECONNREFUSED.'));
    await store.getState().refreshShown({ confirm: true });
    expect(store.getState().lists['dev']?.status).toBe('failed');
    expect(toasts()).toEqual([]);
  });

  it('an automatic refresh (no confirm) stays quiet', async () => {
    api.handle('schedules:refresh', async () => ok([liveEntry(dev, ['j1']), liveEntry(prod, ['p1'])]));
    await store.getState().refreshShown();
    expect(jobsOf('dev')).toEqual(['j1']);
    expect(toasts()).toEqual([]);
  });
});

describe('the Refresh button for one profile', () => {
  it('names the profile shown (not the first one)', async () => {
    store.setState({ selectedProfileId: 'prod' });
    api.handle('schedules:list', () => ok(listFor(prod, ['p1'])));
    await store.getState().refreshShown({ confirm: true });
    expect(toasts()).toEqual(['success: Demo prod refreshed: 1 schedule.']);
  });

  it('a failed refresh gets no confirmation', async () => {
    store.setState({ selectedProfileId: 'dev' });
    api.handle('schedules:list', () => err('server', 'HTTP 500.'));
    await store.getState().refreshShown({ confirm: true });
    expect(store.getState().lists['dev']?.status).toBe('failed');
    expect(toasts()).toEqual([]);
  });

  it('a snapshot answer gets no confirmation', async () => {
    store.setState({ selectedProfileId: 'dev' });
    api.handle('schedules:list', () =>
      ok({ ...snapshotList('dev', new Date(), [schedule('j1', '0 0 4 ? * * *')], { kind: 'network', reason: 'connect ECONNREFUSED.' }), orgId: dev.orgId }),
    );
    await store.getState().refreshShown({ confirm: true });
    expect(store.getState().lists['dev']?.status).toBe('snapshot');
    expect(toasts()).toEqual([]);
  });

  it('an answer for another org: no list and no confirmation', async () => {
    store.setState({ selectedProfileId: 'dev' });
    api.handle('schedules:list', () => ok(listFor(dev, ['foreign'], 'sales')));
    await expect(store.getState().refreshShown({ confirm: true })).resolves.toBeUndefined();
    expect(store.getState().lists['dev']).toBeUndefined();
    expect(toasts()).toEqual([]);
  });

  it('an automatic refresh (no confirm) stays quiet', async () => {
    store.setState({ selectedProfileId: 'dev' });
    api.handle('schedules:list', () => ok(listFor(dev, ['j1'])));
    await store.getState().refreshShown();
    expect(jobsOf('dev')).toEqual(['j1']);
    expect(toasts()).toEqual([]);
  });

  it('no profile selected: nothing is asked', async () => {
    store.setState({ selectedProfileId: null });
    await store.getState().refreshShown({ confirm: true });
    expect(api.calls).toEqual([]);
    expect(toasts()).toEqual([]);
  });
});

describe('counts in words', () => {
  it('one of each is singular', () => {
    expect(scheduleCountText([{ active: true }])).toBe('1 schedule');
    expect(scheduleCountText([{ active: true }, { active: false }])).toBe('1 active schedule, 1 deactivated');
    expect(scheduleCountText([{ active: true }, { active: null }, { active: false }])).toBe('2 active schedules, 1 deactivated');
  });
});

describe('the profiles a write refreshes', () => {
  const same = (id: string, orgId: string) => ({ id, apiUrl: 'https://atscale.example.com:10502', orgId });

  it('the profile itself once, then the others on its server and org', () => {
    const profiles = [
      same('other', 'sales'),
      same('dev', 'default'),
      same('copy', 'default'),
      { ...same('far', 'default'), apiUrl: 'https://far.example.com' },
    ];
    expect(sameOrgProfileIds('dev', profiles)).toEqual(['dev', 'copy']);
  });

  it('a profile no longer known: only itself', () => {
    expect(sameOrgProfileIds('gone', [same('dev', 'default')])).toEqual(['gone']);
  });
});
