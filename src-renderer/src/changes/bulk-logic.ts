// The bulk delete's pure logic: the picked schedules grouped by profile, each with the runs that will
// not happen (the next days of them, counted exactly), and what cannot be deleted and why.
import { expandWindow } from '@shared/cron';
import type { ProfileView } from '@shared/domain';
import type { ScheduleSource } from '../schedule-view-types';

export const LOST_RUNS_DAYS = 7;
const SHOWN_RUNS = 3;

export interface BulkItem {
  source: ScheduleSource;
  /** The first few runs within LOST_RUNS_DAYS. */
  runs: Date[];
  /** All runs within LOST_RUNS_DAYS. */
  total: number;
}

export interface BulkGroup {
  profile: ProfileView;
  production: boolean;
  items: BulkItem[];
}

export interface BulkSelection {
  groups: BulkGroup[];
  /** Picked but not deletable: paused ones (not on the server) and deactivated ones (already deleted). */
  skipped: { source: ScheduleSource; why: string }[];
  /** Runs within LOST_RUNS_DAYS across every group. */
  lostRuns: number;
}

function lostRuns(source: ScheduleSource, now: Date): { runs: Date[]; total: number } {
  try {
    const window = expandWindow(source.schedule.timeExpression, {
      from: now,
      to: new Date(now.getTime() + LOST_RUNS_DAYS * 86_400_000),
      timeZone: source.serverTimeZone,
      limit: SHOWN_RUNS,
    });
    return { runs: window.runs, total: window.total };
  } catch {
    return { runs: [], total: 0 };
  }
}

export function bulkSelection(sources: readonly ScheduleSource[], profiles: readonly ProfileView[], now: Date): BulkSelection {
  const groups = new Map<string, BulkGroup>();
  const skipped: BulkSelection['skipped'] = [];
  let total = 0;
  for (const source of sources) {
    if (source.paused) {
      skipped.push({ source, why: 'paused (not on the server; resume it first to delete it there)' });
      continue;
    }
    if (source.schedule.active === false) {
      skipped.push({ source, why: 'deactivated already' });
      continue;
    }
    const profile = profiles.find((p) => p.id === source.profileId);
    if (!profile) continue;
    let group = groups.get(profile.id);
    if (!group) {
      group = { profile, production: profile.environment.kind === 'production', items: [] };
      groups.set(profile.id, group);
    }
    const lost = lostRuns(source, now);
    total += lost.total;
    group.items.push({ source, ...lost });
  }
  return { groups: [...groups.values()], skipped, lostRuns: total };
}

/** Every production group's org typed correctly (typed: profile id -> text). */
export function bulkConfirmed(groups: readonly BulkGroup[], typed: Readonly<Record<string, string>>): boolean {
  return groups.every((g) => !g.production || (typed[g.profile.id] ?? '').trim() === g.profile.orgId);
}
