// Refreshing many profiles: every server at once, but at most a few profiles in flight per server, so a
// fleet of orgs on one engine never becomes a socket storm while orgs on other servers are not held up.
// The cap is the core's (one ServerLanes per app core, see server-lanes.ts): overlapping refreshes share
// it. Every refresh has an id, carried in each of its progress events, so a listener can follow its own.
import { randomUUID } from 'node:crypto';
import type { ScheduleList } from '@shared/domain';
import type { RefreshEntry, RefreshProgress } from '@shared/ipc';
import { serverKeyOf } from '@shared/profile-urls';
import { toAppError, type Redactor } from '@core/errors';
import type { ProfileStore } from '@core/profiles/profile-store';
import { createServerLanes, PER_SERVER_CONCURRENCY, type ServerLanes } from './server-lanes';

export { PER_SERVER_CONCURRENCY } from './server-lanes';

export interface RefreshManyDeps {
  profiles: Pick<ProfileStore, 'get'>;
  list: (profileId: string) => Promise<ScheduleList>;
  redact: Redactor;
  /**
   * The core's long-lived per-server cap, shared with every other refresh. Without it this refresh gets
   * a cap of its own (`perServer` profiles per server), which overlapping refreshes would not share.
   */
  lanes?: ServerLanes;
  perServer?: number;
  /** A new refresh id when the caller gives none (default randomUUID). */
  newId?: () => string;
}

export interface RefreshOptions {
  /** The caller's own id for this refresh (echoed in every progress event); the core makes one without it. */
  refreshId?: string;
}

export async function refreshMany(
  deps: RefreshManyDeps,
  profileIds: readonly string[],
  onProgress: (p: RefreshProgress) => void,
  options: RefreshOptions = {},
): Promise<RefreshEntry[]> {
  const refreshId = options.refreshId ?? (deps.newId ?? randomUUID)();
  const lanes = deps.lanes ?? createServerLanes(deps.perServer ?? PER_SERVER_CONCURRENCY);
  const unique = [...new Set(profileIds)];
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
      onProgress({ refreshId, done, total: unique.length, entry });
    } catch {
      // Progress is a courtesy: a listener that throws must not fail the refresh.
    }
  };
  await Promise.all(
    unique.map((id) => {
      // An unknown id gets its own lane: list() answers it with a not-found error at once.
      const profile = deps.profiles.get(id);
      const key = profile ? serverKeyOf(profile.apiUrl) : `unknown:${id}`;
      return lanes.run(key, () => one(id));
    }),
  );
  return profileIds.map((id) => outcomes.get(id) as RefreshEntry);
}
