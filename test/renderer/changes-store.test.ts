// Paused schedules stay visible: the store loads them from main and the views get them as sources
// flagged `paused`; the rows ticked for a copy or a bulk delete are kept in tick order.
import { beforeEach, describe, expect, it } from 'vitest';
import type { PausedSchedule } from '@shared/ipc/channels/changes';
import { createAppStore } from '@renderer/store';
import { buildSources, findSource } from '@renderer/store/sources';
import { isPausedKey, pausedKey, rowStatus } from '@renderer/changes/paused-sources';
import { err, installFakeApi, liveList, ok, profile, schedule, type FakeApi } from './support/fake-api';

let api: FakeApi;
let store: ReturnType<typeof createAppStore>;
const entry = (id: string, profileId: string, expression: string): PausedSchedule => ({
  id,
  profileId,
  orgId: `org-${profileId}`,
  jobId: `old-${id}`,
  timeExpression: expression,
  serverTimeZone: 'Europe/Berlin',
  pausedAt: '2026-11-27T08:00:00.000Z',
  state: 'paused',
});

beforeEach(async () => {
  api = installFakeApi();
  store = createAppStore();
  store.setState({ profiles: [profile('dev', { name: 'Dev' }), profile('prod', { name: 'Prod' })] });
  api.handle('schedules:list', (r) => ok(liveList(r.profileId, new Date(), [schedule(`${r.profileId}-1`, '0 0 4 ? * *')])));
  await store.getState().refreshProfile('dev');
});

describe('paused schedules', () => {
  it('are loaded from main and shown after the server schedules, flagged paused, only for the profiles shown', async () => {
    api.handle('changes:paused-list', () => ok({ paused: [entry('p1', 'dev', '0 0 6 ? * *'), entry('p2', 'prod', '0 0 7 ? * *')], problem: null }));
    await store.getState().loadPaused();
    const { profiles, lists, paused } = store.getState();
    const shown = buildSources(profiles, lists, 'dev', false, paused);
    expect(shown.map((s) => [s.schedule.timeExpression, s.paused ?? false])).toEqual([
      ['0 0 4 ? * *', false],
      ['0 0 6 ? * *', true],
    ]);
    const ghost = shown[1]!;
    expect(ghost.key).toBe(pausedKey('dev', 'p1'));
    expect(ghost.pausedId).toBe('p1');
    // It runs in the zone it was paused in, and a paused row says so.
    expect(ghost.serverTimeZone).toBe('Europe/Berlin');
    expect(rowStatus(ghost.key, ghost.schedule.active)).toBe('Paused');
    expect(rowStatus('dev:dev-1', true)).toBe('Active');
    expect(findSource(profiles, lists, pausedKey('prod', 'p2'), paused)?.profileName).toBe('Prod');
    expect(isPausedKey('dev:dev-1')).toBe(false);
  });

  it('an unreadable paused list is said, not hidden', async () => {
    api.handle('changes:paused-list', () => ok({ paused: [], problem: 'The paused store was unreadable and was kept aside as paused.json.bad.' }));
    await store.getState().loadPaused();
    expect(store.getState().pausedProblem).toMatch(/kept aside/);
    api.handle('changes:paused-list', () => err('storage', 'disk full'));
    await store.getState().loadPaused();
    expect(store.getState().pausedProblem).toMatch(/could not be read: disk full/);
  });

  it('after a change, the touched lists and the paused list are fetched again', async () => {
    api.handle('changes:paused-list', () => ok({ paused: [entry('p1', 'dev', '0 0 6 ? * *')], problem: null }));
    await store.getState().afterChange(['dev', 'prod', 'dev']);
    expect(api.callsTo('schedules:list')).toEqual([{ profileId: 'dev' }, { profileId: 'dev' }, { profileId: 'prod' }]);
    expect(store.getState().paused.map((p) => p.id)).toEqual(['p1']);
  });
});

describe('picked rows', () => {
  it('keeps tick order, unticks, and clears', () => {
    const s = store.getState();
    s.setChecked('dev:a', true);
    s.setChecked('dev:b', true);
    s.setChecked('dev:a', true);
    expect(store.getState().checkedKeys).toEqual(['dev:b', 'dev:a']);
    s.setChecked('dev:b', false);
    expect(store.getState().checkedKeys).toEqual(['dev:a']);
    s.clearChecked();
    expect(store.getState().checkedKeys).toEqual([]);
  });
});
