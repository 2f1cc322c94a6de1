// A fresh store of the window over a freshly installed fake window.api (see fake-api.ts), for the tests
// that drive the store's slices.
import { createAppStore, type AppState } from '@renderer/store';
import type { ProfileView } from '@shared/domain';
import { installFakeApi, liveList, ok, profile, schedule, type FakeApi } from './fake-api';

export type AppStore = ReturnType<typeof createAppStore>;

/** A new fake API and a new store over it, starting from `state`. */
export function fakeStore(state: Partial<AppState>): { api: FakeApi; store: AppStore } {
  const api = installFakeApi();
  const store = createAppStore();
  store.setState(state);
  return { api, store };
}

/** A new fake API and store whose one profile is dev (named Dev), with `state` on top. */
export function devStore(state: Partial<AppState> = {}): { api: FakeApi; store: AppStore; dev: ProfileView } {
  const dev = profile('dev', { name: 'Dev' });
  return { ...fakeStore({ profiles: [dev], ...state }), dev };
}

/** devStore, with dev's live list (job j1, daily at 4:00) read once. */
export async function devStoreWithList(): Promise<{ api: FakeApi; store: AppStore; dev: ProfileView }> {
  const started = devStore();
  started.api.handle('schedules:list', () => ok(liveList('dev', new Date(), [schedule('j1', '0 0 4 ? * * *')])));
  await started.store.getState().refreshProfile('dev');
  return started;
}
