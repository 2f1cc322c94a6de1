// Upcoming runs that fall in their own profile's blackout windows (flagged in the list, load view and
// create dialog). Only profiles with blackouts are expanded, so a fleet without any costs nothing.
import { expandWindow } from '@shared/cron';
import { blackoutHit, type Blackout } from '@shared/fleet';
import type { PlannedSource } from './fleet-sources';

export interface BlackoutRun {
  source: PlannedSource;
  start: number;
  blackout: Blackout;
}

export function runsInBlackout(
  sources: readonly PlannedSource[],
  from: number,
  to: number,
  blackoutsOf: (profileId: string) => readonly Blackout[],
  limit = 50,
): { runs: BlackoutRun[]; total: number } {
  const runs: BlackoutRun[] = [];
  let total = 0;
  for (const s of sources) {
    const blackouts = blackoutsOf(s.profileId);
    if (blackouts.length === 0) continue;
    let starts: Date[];
    try {
      starts = expandWindow(s.timeExpression, { from: new Date(from), to: new Date(to), timeZone: s.serverTimeZone, limit: 5000 }).runs;
    } catch {
      continue; // unreadable: the list flags it
    }
    for (const d of starts) {
      const t = d.getTime();
      const hit = blackoutHit(t, t + s.durationMs, blackouts);
      if (!hit) continue;
      total++;
      if (runs.length < limit) runs.push({ source: s, start: t, blackout: hit });
    }
  }
  runs.sort((a, b) => a.start - b.start);
  return { runs, total };
}

/** "Mon–Fri 07:00–19:00 Europe/Berlin" or "freeze 20 Dec – 4 Jan". */
export function blackoutWords(b: Blackout): string {
  const name = b.label ? `${b.label}: ` : '';
  if (b.kind === 'dates') return `${name}change freeze ${b.from.slice(0, 10)} to ${b.to.slice(0, 10)}`;
  const DAY = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const days = [...b.days].sort((x, y) => ((x + 5) % 7) - ((y + 5) % 7)).map((d) => DAY[d - 1]);
  return `${name}${days.join(', ')} ${b.start}–${b.end} ${b.timeZone}`;
}
