// The load view's planning settings: loaded once from main, kept per profile, saved one profile at a
// time, and the axis and day count the view shows.
import { beforeEach, describe, expect, it } from 'vitest';
import type { FleetProfileSettings } from '@shared/ipc/channels/fleet';
import { useFleetStore } from '@renderer/load/fleet-store';
import { err, installFakeApi, ok, type FakeApi } from './support/fake-api';

const business = { kind: 'weekly' as const, days: [2, 3, 4, 5, 6], start: '07:00', end: '19:00', timeZone: 'Europe/Berlin' };
const settingsA: FleetProfileSettings = { profileId: 'a', blackouts: [business], runMinutes: 30 };
const settingsB: FleetProfileSettings = { profileId: 'b', blackouts: [], runMinutes: 15 };

let api: FakeApi;
const initial = useFleetStore.getState();
beforeEach(() => {
  useFleetStore.setState(initial, true);
  api = installFakeApi();
});

describe('the load view settings store', () => {
  it('starts idle on the local axis over 14 days, with nothing loaded', () => {
    const s = useFleetStore.getState();
    expect(s).toMatchObject({ status: 'idle', error: null, axis: 'local', days: 14, settings: {} });
  });

  it('loads every profile’s settings, keyed by profile', async () => {
    api.handle('blackouts:get', () => ok([settingsA, settingsB]));
    const loading = useFleetStore.getState().load();
    expect(useFleetStore.getState().status).toBe('loading');
    await loading;
    expect(api.callsTo('blackouts:get')).toEqual([{}]);
    expect(useFleetStore.getState()).toMatchObject({ status: 'ready', error: null, settings: { a: settingsA, b: settingsB } });
  });

  it('says why the blackout windows could not be loaded, and clears the error on the next try', async () => {
    api.handle('blackouts:get', () => err('network', 'The server did not answer.'));
    await useFleetStore.getState().load();
    expect(useFleetStore.getState()).toMatchObject({
      status: 'error',
      error: 'The blackout windows could not be loaded: The server did not answer.',
    });
    api.handle('blackouts:get', () => new Promise(() => {}));
    void useFleetStore.getState().load();
    expect(useFleetStore.getState()).toMatchObject({ status: 'loading', error: null });
  });

  it('loads once: later calls do not ask main again', async () => {
    api.handle('blackouts:get', () => ok([settingsA]));
    useFleetStore.getState().ensureLoaded();
    useFleetStore.getState().ensureLoaded();
    await Promise.resolve();
    await Promise.resolve();
    expect(api.callsTo('blackouts:get')).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 0));
    expect(useFleetStore.getState().settings).toEqual({ a: settingsA });
    useFleetStore.getState().ensureLoaded();
    expect(api.callsTo('blackouts:get')).toHaveLength(1);
  });

  it('saves one profile’s blackout windows and keeps the others’ settings', async () => {
    useFleetStore.setState({ settings: { a: settingsA, b: settingsB } });
    const saved = { ...settingsA, blackouts: [] };
    api.handle('blackouts:set', () => ok(saved));
    await useFleetStore.getState().setBlackouts('a', []);
    expect(api.callsTo('blackouts:set')).toEqual([{ profileId: 'a', blackouts: [] }]);
    expect(useFleetStore.getState().settings).toEqual({ a: saved, b: settingsB });
  });

  it('saves one profile’s run length and keeps the others’ settings', async () => {
    useFleetStore.setState({ settings: { a: settingsA, b: settingsB } });
    const saved = { ...settingsB, runMinutes: 45 };
    api.handle('durations:set', () => ok(saved));
    await useFleetStore.getState().setRunMinutes('b', 45);
    expect(api.callsTo('durations:set')).toEqual([{ profileId: 'b', runMinutes: 45 }]);
    expect(useFleetStore.getState().settings).toEqual({ a: settingsA, b: saved });
  });

  it('a refused save leaves the shown settings as they were', async () => {
    useFleetStore.setState({ settings: { a: settingsA } });
    api.handle('durations:set', () => err('invalid-input', 'Too long.'));
    await expect(useFleetStore.getState().setRunMinutes('a', 9999)).rejects.toThrow('Too long.');
    expect(useFleetStore.getState().settings).toEqual({ a: settingsA });
  });

  it('switches the axis and the number of days shown', () => {
    useFleetStore.getState().setAxis('UTC');
    useFleetStore.getState().setDays(7);
    expect(useFleetStore.getState()).toMatchObject({ axis: 'UTC', days: 7 });
  });
});
