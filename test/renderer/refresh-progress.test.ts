// The window's "Refreshing n of m" follows only the refresh it started: progress events of another
// refresh running at the same time (another window or page of the same core) neither move its count nor
// settle its profiles.
import { beforeEach, describe, expect, it } from 'vitest';
import { createAppStore } from '@renderer/store';
import { installFakeApi, liveList, ok, profile, schedule, type FakeApi } from './support/fake-api';

let api: FakeApi;
let store: ReturnType<typeof createAppStore>;

beforeEach(() => {
  api = installFakeApi();
  store = createAppStore();
  store.setState({ profiles: [profile('dev'), profile('prod')] });
});

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const live = (id: string, jobId: string) => ({ profileId: id, ok: true as const, value: liveList(id, new Date(), [schedule(jobId, '0 0 4 ? * * *')]) });

describe('refresh progress with overlapping refreshes', () => {
  it('names its refresh in the request and ignores the progress of another refresh', async () => {
    const seen: ({ done: number; total: number } | null)[] = [];
    store.subscribe((s) => seen.push(s.refreshProgress));
    let release: () => void = () => undefined;
    let asked: string | undefined;
    api.handle('schedules:refresh', async (request) => {
      asked = request.refreshId;
      // Another refresh of ten profiles, further along, reports first: it is not this window's.
      api.emit('schedules:refresh-progress', { refreshId: 'someone-else', done: 8, total: 10, entry: live('prod', 'foreign') });
      api.emit('schedules:refresh-progress', { refreshId: request.refreshId ?? '', done: 1, total: 2, entry: live('dev', 'mine') });
      await new Promise<void>((resolve) => (release = resolve));
      api.emit('schedules:refresh-progress', { refreshId: 'someone-else', done: 9, total: 10, entry: live('dev', 'foreign') });
      api.emit('schedules:refresh-progress', { refreshId: request.refreshId ?? '', done: 2, total: 2, entry: live('prod', 'mine') });
      return ok([live('dev', 'mine'), live('prod', 'mine')]);
    });
    const running = store.getState().refreshAll();
    await tick();
    expect(typeof asked).toBe('string');
    expect(asked).not.toBe('');
    expect(store.getState().refreshProgress).toEqual({ done: 1, total: 2 });
    expect(store.getState().lists['dev']?.status).toBe('live');
    // The other refresh's answer for prod did not settle this refresh's prod.
    expect(store.getState().lists['prod']?.status).toBe('loading');
    release();
    await running;
    const counts = seen.filter((p): p is { done: number; total: number } => p !== null).map((p) => `${p.done}/${p.total}`);
    expect([...new Set(counts)]).toEqual(['0/2', '1/2', '2/2']);
    for (const id of ['dev', 'prod']) expect(store.getState().lists[id]?.list?.schedules.map((s) => s.jobId)).toEqual(['mine']);
    expect(store.getState().refreshProgress).toBeNull();
  });

  it('gives every refresh a new id', async () => {
    api.handle('schedules:refresh', async () => ok([live('dev', 'a'), live('prod', 'a')]));
    await store.getState().refreshAll();
    await store.getState().refreshAll();
    const ids = api.callsTo('schedules:refresh').map((r) => (r as { refreshId?: string }).refreshId);
    expect(ids).toHaveLength(2);
    expect(ids[0]).not.toBe(ids[1]);
  });
});
