// Upcoming runs that fall in their own profile's blackout windows, over a whole server (the load view).
// Only profiles with blackouts are expanded, so a fleet without any costs nothing.
import { runsInBlackout, type Blackout } from '@shared/fleet';
import type { PlannedSource } from './fleet-sources';

export interface FleetBlackoutRun {
  source: PlannedSource;
  start: number;
  blackout: Blackout;
}

/** Across many schedules: the first `limit` runs by start, and how many were found (each schedule's first 1,000). */
export function blackoutRunsOf(
  sources: readonly PlannedSource[],
  from: number,
  to: number,
  blackoutsOf: (profileId: string) => readonly Blackout[],
  limit = 50,
): { runs: FleetBlackoutRun[]; total: number } {
  const runs: FleetBlackoutRun[] = [];
  const ofProfile = new Map<string, readonly Blackout[]>(); // asked once per profile, not per schedule
  for (const s of sources) {
    let blackouts = ofProfile.get(s.profileId);
    if (!blackouts) ofProfile.set(s.profileId, (blackouts = blackoutsOf(s.profileId)));
    if (blackouts.length === 0) continue;
    for (const r of runsInBlackout(s, blackouts, new Date(from), new Date(to), 1000)) runs.push({ source: s, start: r.start, blackout: r.blackout });
  }
  runs.sort((a, b) => a.start - b.start);
  return { runs: runs.slice(0, limit), total: runs.length };
}

/** "Mon–Fri 07:00–19:00 Europe/Berlin" or "freeze 20 Dec – 4 Jan". */
export function blackoutWords(b: Blackout): string {
  const name = b.label ? `${b.label}: ` : '';
  if (b.kind === 'dates') return `${name}change freeze ${b.from.slice(0, 10)} to ${b.to.slice(0, 10)}`;
  const DAY = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const days = [...b.days].sort((x, y) => ((x + 5) % 7) - ((y + 5) % 7)).map((d) => DAY[d - 1]);
  return `${name}${days.join(', ')} ${b.start}–${b.end} ${b.timeZone}`;
}
