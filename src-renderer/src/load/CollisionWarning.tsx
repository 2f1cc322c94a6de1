// Warns when a chosen expression's runs overlap runs of any org on the same server (not only this org's),
// or fall in this profile's blackout windows, over the next four weeks.
import { useMemo } from 'react';
import { expandWindow } from '@shared/cron';
import { blackoutHit, findOverlaps, type Blackout } from '@shared/fleet';
import { formatWithZone } from '../common/time';
import type { PlannedSource } from './fleet-sources';
import { blackoutWords } from './blackout-runs';
import { minutesLabel } from './load-format';

const HORIZON = 28 * 86_400_000;
export const CANDIDATE_KEY = '(new schedule)';

interface Props {
  expression: string;
  profileId: string;
  environment: string;
  serverKey: string;
  timeZone: string;
  durationMs: number;
  existing: readonly PlannedSource[];
  blackouts: readonly Blackout[];
  now: Date;
}

export function CollisionWarning({ expression, profileId, environment, serverKey, timeZone, durationMs, existing, blackouts, now }: Props) {
  const hour = Math.floor(now.getTime() / 3_600_000) * 3_600_000;
  const result = useMemo(() => {
    const from = new Date(hour),
      to = new Date(hour + HORIZON);
    const candidate = { key: CANDIDATE_KEY, serverKey, profileId, environment, timeExpression: expression, serverTimeZone: timeZone, durationMs };
    let overlaps: ReturnType<typeof findOverlaps> | null = null;
    let blackout: { at: number; b: Blackout } | null = null;
    try {
      overlaps = findOverlaps({ sources: [...existing, candidate], from, to, involving: CANDIDATE_KEY, limit: 500 });
      for (const d of expandWindow(expression, { from, to, timeZone, limit: 2000 }).runs) {
        const b = blackoutHit(d.getTime(), d.getTime() + durationMs, blackouts);
        if (b) {
          blackout = { at: d.getTime(), b };
          break;
        }
      }
    } catch {
      return null; // the dialog names what is wrong with the expression
    }
    // Per other schedule: how many runs collide, the first one, the longest overlap.
    const others = new Map<string, { count: number; first: number; longest: number }>();
    for (const o of overlaps.overlaps) {
      const other = o.a.key === CANDIDATE_KEY ? o.b : o.a;
      const entry = others.get(other.key) ?? { count: 0, first: o.start, longest: 0 };
      entry.count += 1;
      entry.first = Math.min(entry.first, o.start);
      entry.longest = Math.max(entry.longest, o.overlapMs);
      others.set(other.key, entry);
    }
    return { others: [...others].sort((x, y) => x[1].first - y[1].first), total: overlaps.total, blackout };
  }, [expression, profileId, environment, serverKey, timeZone, durationMs, existing, blackouts, hour]);

  if (!result || (result.total === 0 && !result.blackout)) return null;
  const byKey = new Map(existing.map((s) => [s.key, s]));
  const orgs = new Set(result.others.map(([k]) => byKey.get(k)?.orgId));
  return (
    <div className="warning collision-warning" role="status" data-testid="collision-warning">
      {result.blackout && (
        <p>
          ⚠ Runs in a blackout window of this profile ({blackoutWords(result.blackout.b)}), first at {formatWithZone(new Date(result.blackout.at), timeZone)}.
        </p>
      )}
      {result.total > 0 && (
        <>
          <p>
            ⚠ Overlaps {result.total} run{result.total === 1 ? '' : 's'} of {result.others.length} schedule{result.others.length === 1 ? '' : 's'} in{' '}
            {orgs.size} org
            {orgs.size === 1 ? '' : 's'} on this server (<span className="mono">{serverKey}</span>) in the next four weeks:
          </p>
          <ul>
            {result.others.slice(0, 5).map(([key, e]) => {
              const s = byKey.get(key);
              return (
                <li key={key}>
                  {s?.source.profileName} (org {s?.orgId}) <code>{s?.timeExpression}</code>: {e.count} time{e.count === 1 ? '' : 's'}, first{' '}
                  {formatWithZone(new Date(e.first), timeZone)}, up to {minutesLabel(e.longest)}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </div>
  );
}
