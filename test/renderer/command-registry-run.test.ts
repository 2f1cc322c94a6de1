// What each command does and when it is enabled, as a button, the menu, a shortcut or the command mode
// would run it: the view or zone it shows, the dialog it opens, the profiles it refreshes, and the
// reason it gives when it cannot run (a blocked command changes nothing).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { commandBlocked, runCommand } from '@renderer/commands/registry';
import { ALL_PROFILES, createAppStore } from '@renderer/store';
import type { ProfileSchedules } from '@renderer/store/schedule-state';
import type { CommandId } from '@shared/commands';
import { installFakeApi, liveList, ok, profile, schedule, snapshotList, type FakeApi } from './support/fake-api';

let api: FakeApi;
let store: ReturnType<typeof createAppStore>;

const timing = { lastAttemptAt: null, lastSuccessAt: null };
const liveEntry = (id: string): ProfileSchedules => ({ status: 'live', list: liveList(id, new Date(), []), ...timing });
const snapshotEntry = (id: string): ProfileSchedules => ({
  status: 'snapshot',
  list: snapshotList(id, new Date(), [], { kind: 'network', reason: 'connect ECONNREFUSED.' }),
  kind: 'network',
  reason: 'connect ECONNREFUSED.',
  ...timing,
});
const blocked = (id: CommandId) => commandBlocked(id, store.getState());
const run = (id: CommandId) => runCommand(id, store.getState());
const toasts = () => store.getState().toasts.map((t) => t.text);

beforeEach(() => {
  api = installFakeApi();
  store = createAppStore();
  store.setState({ profiles: [profile('dev', { name: 'Demo dev' }), profile('prod', { name: 'Demo prod' })] });
});

describe('New schedule', () => {
  it('with one profile shown and its list live: enabled, and opens the create dialog for that profile', () => {
    store.setState({ selectedProfileId: 'dev', lists: { dev: liveEntry('dev') } });
    expect(blocked('schedule.new')).toBeNull();
    expect(run('schedule.new')).toBe(true);
    expect(store.getState().dialog).toEqual({ kind: 'create', profileId: 'dev' });
  });

  it('with no profile or all profiles shown: asks for one profile and opens nothing', () => {
    for (const selectedProfileId of [null, ALL_PROFILES]) {
      store.setState({ selectedProfileId, lists: { dev: liveEntry('dev'), prod: liveEntry('prod') } });
      expect(blocked('schedule.new')).toBe('Choose one profile first: a schedule belongs to one org.');
      expect(run('schedule.new')).toBe(false);
      expect(store.getState().dialog).toBeNull();
    }
  });

  it('before the profile’s list has loaded: says to wait', () => {
    store.setState({ selectedProfileId: 'dev' });
    expect(blocked('schedule.new')).toBe('Wait for the schedules to load first.');
    expect(run('schedule.new')).toBe(false);
    expect(store.getState().dialog).toBeNull();
  });

  it('on a snapshot: says the live list is needed', () => {
    store.setState({ selectedProfileId: 'dev', lists: { dev: snapshotEntry('dev') } });
    expect(blocked('schedule.new')).toBe('Offline: connect ECONNREFUSED. Creating and deleting need the live list; refresh when the server answers.');
  });
});

describe('Refresh schedules', () => {
  it('with no profile shown: nothing to refresh, and nothing is asked of main', () => {
    expect(blocked('schedules.refresh')).toBe('There is no profile to refresh yet.');
    expect(run('schedules.refresh')).toBe(false);
    expect(api.calls).toEqual([]);
  });

  it('one profile shown: refreshes that profile and confirms what it got', async () => {
    api.handle('schedules:list', (r) => ok(liveList(r.profileId, new Date(), [schedule('j1', '0 0 4 ? * * *')])));
    store.setState({ selectedProfileId: 'dev' });
    expect(run('schedules.refresh')).toBe(true);
    await vi.waitFor(() => expect(toasts()).toEqual(['Demo dev refreshed: 1 schedule.']));
    expect(api.callsTo('schedules:list')).toEqual([{ profileId: 'dev' }]);
  });

  it('all profiles shown: refreshes every profile and confirms them all', async () => {
    api.handle('schedules:refresh', (r) => ok(r.profileIds.map((profileId) => ({ profileId, ok: true as const, value: liveList(profileId, new Date(), []) }))));
    store.setState({ selectedProfileId: ALL_PROFILES });
    expect(run('schedules.refresh')).toBe(true);
    await vi.waitFor(() => expect(toasts()).toEqual(['Refreshed all 2 profiles.']));
    expect(api.callsTo('schedules:refresh')).toMatchObject([{ profileIds: ['dev', 'prod'] }]);
  });
});

describe('the views and the zone', () => {
  it('Show list, Show calendar and Show timeline switch to their tab, always enabled', () => {
    const tabs = [
      ['view.calendar', 'calendar'],
      ['view.timeline', 'timeline'],
      ['view.list', 'list'],
      ['view.calendar', 'calendar'],
    ] as const;
    for (const [id, tab] of tabs) {
      expect(blocked(id)).toBeNull();
      expect(run(id)).toBe(true);
      expect(store.getState().tab).toBe(tab);
    }
  });

  it('the zone toggle flips between the server zone and local time', () => {
    expect(store.getState().displayZone).toBe('server');
    expect(blocked('view.toggle-zone')).toBeNull();
    run('view.toggle-zone');
    expect(store.getState().displayZone).toBe('local');
    run('view.toggle-zone');
    expect(store.getState().displayZone).toBe('server');
  });
});

describe('the dialogs', () => {
  it('the switcher needs a profile to switch to', () => {
    store.setState({ profiles: [] });
    expect(blocked('profile.switch')).toBe('Add a profile first.');
    expect(run('profile.switch')).toBe(false);
    expect(store.getState().dialog).toBeNull();
  });

  it('with a profile, the switcher opens', () => {
    store.setState({ profiles: [profile('dev')] });
    expect(blocked('profile.switch')).toBeNull();
    expect(run('profile.switch')).toBe(true);
    expect(store.getState().dialog).toEqual({ kind: 'switcher' });
  });

  it('add profile, import/export, the audit log and the shortcut help open their dialog, always enabled', () => {
    store.setState({ profiles: [] });
    const dialogs = [
      ['profile.add', { kind: 'profile', profileId: null }],
      ['profiles.import-export', { kind: 'import-export' }],
      ['audit.open', { kind: 'audit' }],
      ['help.shortcuts', { kind: 'shortcuts' }],
    ] as const;
    for (const [id, dialog] of dialogs) {
      expect(blocked(id)).toBeNull();
      expect(run(id)).toBe(true);
      expect(store.getState().dialog).toEqual(dialog);
    }
  });
});

describe('Close the schedule panel', () => {
  it('with no panel open: says so', () => {
    expect(blocked('selection.close')).toBe('No schedule panel is open.');
    expect(run('selection.close')).toBe(false);
  });

  it('with a panel open: closes it', () => {
    store.setState({ selectedKey: 'dev:j1' });
    expect(blocked('selection.close')).toBeNull();
    expect(run('selection.close')).toBe(true);
    expect(store.getState().selectedKey).toBeNull();
  });
});
