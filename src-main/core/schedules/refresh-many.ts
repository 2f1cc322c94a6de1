// Refreshing many profiles: every server at once, but at most a few requests in flight per server, so a
// fleet of orgs on one engine never becomes a socket storm while orgs on other servers are not held up.
import type { ScheduleList } from '@shared/domain';
import type { RefreshEntry, RefreshProgress } from '@shared/ipc';
import { serverKeyOf } from '@shared/profile-urls';
import { mapWithConcurrency } from '@core/atscale/index';
import { toAppError, type Redactor } from '@core/errors';
import type { ProfileStore } from '@core/profiles/profile-store';

/** Profiles listed at once on one server (each list is two requests: active and deactivated). */
export const PER_SERVER_CONCURRENCY = 4;

export interface RefreshManyDeps {
  profiles: Pick<ProfileStore, 'get'>;
  list: (profileId: string) => Promise<ScheduleList>;
  redact: Redactor;
  perServer?: number;
}

export async function refreshMany(deps: RefreshManyDeps, profileIds: readonly string[], onProgress: (p: RefreshProgress) => void): Promise<RefreshEntry[]> {
  const unique = [...new Set(profileIds)];
  const byServer = new Map<string, string[]>();
  for (const id of unique) {
    // An unknown id gets its own lane: list() answers it with a not-found error at once.
    const profile = deps.profiles.get(id);
    const key = profile ? serverKeyOf(profile.apiUrl) : `unknown:${id}`;
    byServer.set(key, [...(byServer.get(key) ?? []), id]);
  }
  const outcomes = new Map<string, RefreshEntry>();
  let done = 0;
  const one = async (profileId: string): Promise<void> => {
    let entry: RefreshEntry;
    try {
      entry = { profileId, ok: true, value: await deps.list(profileId) };
    } catch (error) {
      entry = { profileId, ok: false, error: toAppError(error, deps.redact, 'schedules:refresh') };
    }
    outcomes.set(profileId, entry);
    done += 1;
    try {
      onProgress({ done, total: unique.length, entry });
    } catch {
      // Progress is a courtesy: a listener that throws must not fail the refresh.
    }
  };
  await Promise.all([...byServer.values()].map((ids) => mapWithConcurrency(ids, deps.perServer ?? PER_SERVER_CONCURRENCY, one)));
  return profileIds.map((id) => outcomes.get(id) as RefreshEntry);
}
