// The store's running state, run now and notifications, over a scripted window.api.
import { beforeEach, describe, expect, it } from 'vitest';
import type { AppNotification, RunningState } from '@shared/ipc';
import { createAppStore } from '@renderer/store';
import { MAX_NOTIFICATIONS } from '@renderer/store/health-slice';
import { runningText } from '@renderer/health/running-text';
import { err, installFakeApi, ok, profile, type FakeApi } from './support/fake-api';

let api: FakeApi;
let store: ReturnType<typeof createAppStore>;

beforeEach(() => {
  api = installFakeApi();
  store = createAppStore();
  store.setState({ profiles: [profile('dev')] });
});

const state = (checkedAt: string, startedAt: string | null): RunningState => ({
  profileId: 'dev',
  running: startedAt ? { triggerType: 'RunImmediately', startedAt, creationTime: startedAt } : null,
  typicalDurationMs: 6 * 60_000,
  checkedAt,
  error: null,
});

describe('running now', () => {
  it('says since when and for how long, in the zone shown, and the usual duration', () => {
    const now = new Date('2026-12-01T04:12:30Z');
    expect(runningText(state('2026-12-01T04:12:00Z', '2026-12-01T04:00:00Z'), now, 'UTC')).toBe('Running since 04:00 UTC (13 min; usually 6 min)');
    expect(runningText(state('2026-12-01T04:12:00Z', null), now, 'UTC')).toBeNull();
    expect(runningText(undefined, now, 'UTC')).toBeNull();
  });

  it('never lets an older answer replace a newer one', () => {
    store.getState().setRunning(state('2026-12-01T04:12:00Z', '2026-12-01T04:00:00Z'));
    store.getState().setRunning(state('2026-12-01T04:11:00Z', null));
    expect(store.getState().running['dev']?.running?.startedAt).toBe('2026-12-01T04:00:00Z');
    store.getState().setRunning(state('2026-12-01T04:13:00Z', null));
    expect(store.getState().running['dev']?.running).toBeNull();
  });
});

describe('run now', () => {
  it('sends once with the confirmed org and shows the running state at once', async () => {
    api.handle('maintenance:run-now', () =>
      ok({ message: 'Maintenance successfully started for org-dev', running: state(new Date().toISOString(), '2026-12-01T04:00:00Z'), warning: null }),
    );
    const first = store.getState().runNow('dev', 'org-dev');
    expect(store.getState().runNowPending['dev']).toBe(true);
    await expect(store.getState().runNow('dev', 'org-dev')).rejects.toThrow(/already under way/);
    await first;
    expect(api.callsTo('maintenance:run-now')).toEqual([{ profileId: 'dev', orgId: 'org-dev' }]);
    expect(store.getState().running['dev']?.running?.triggerType).toBe('RunImmediately');
    expect(store.getState().runNowPending['dev']).toBeUndefined();
  });

  it('passes a refusal on and is ready again', async () => {
    api.handle('maintenance:run-now', () => err('server', 'Design Center APIs are not enabled on this server.'));
    await expect(store.getState().runNow('dev', 'org-dev')).rejects.toThrow(/Design Center APIs/);
    expect(store.getState().runNowPending['dev']).toBeUndefined();
    expect(api.callsTo('maintenance:run-now')).toHaveLength(1);
  });
});

describe('notifications', () => {
  const note = (id: string): AppNotification => ({
    id,
    profileId: 'dev',
    kinds: ['missed'],
    title: `Dev: missed ${id}`,
    body: 'b',
    at: '2026-12-01T04:40:00Z',
  });

  it('lists each once, newest first, bounded', () => {
    for (let i = 0; i < MAX_NOTIFICATIONS + 3; i++) store.getState().addNotification(note(String(i)));
    store.getState().addNotification(note(String(MAX_NOTIFICATIONS + 2)));
    const ids = store.getState().notifications.map((n) => n.id);
    expect(ids).toHaveLength(MAX_NOTIFICATIONS);
    expect(ids[0]).toBe(String(MAX_NOTIFICATIONS + 2));
    store.getState().dismissNotification(ids[0]!);
    expect(store.getState().notifications[0]?.id).toBe(String(MAX_NOTIFICATIONS + 1));
  });

  it('keeps the settings main answered, and says why a change failed', async () => {
    api.handle('notifications:set', (r) => ok({ enabled: r.enabled ?? false, profiles: {} }));
    await store.getState().changeNotificationSettings({ enabled: true });
    expect(store.getState().notificationSettings).toEqual({ enabled: true, profiles: {} });
    api.handle('notifications:set', () => err('storage', 'disk full'));
    await store.getState().changeNotificationSettings({ enabled: false });
    expect(store.getState().notificationSettings?.enabled).toBe(true);
    expect(store.getState().notificationSettingsError).toMatch(/not changed: disk full/);
  });
});
