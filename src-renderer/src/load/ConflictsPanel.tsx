// Runs of different schedules on one server that are in progress at the same time: which, when, how long.
import { useMemo } from 'react';
import { findOverlaps } from '@shared/fleet';
import type { PlannedSource } from './fleet-sources';
import { atLabel, minutesLabel } from './load-format';

interface Props {
  sources: readonly PlannedSource[];
  from: number;
  to: number;
  zone: string;
}

const SHOWN = 100;

export function ConflictsPanel({ sources, from, to, zone }: Props) {
  const result = useMemo(() => findOverlaps({ sources, from: new Date(from), to: new Date(to), limit: SHOWN }), [sources, from, to]);
  const byKey = useMemo(() => new Map(sources.map((s) => [s.key, s])), [sources]);
  const who = (key: string) => {
    const s = byKey.get(key);
    return s ? `${s.source.profileName} (org ${s.orgId})` : key;
  };
  return (
    <section className="conflicts" aria-label="Conflicts on this server" data-testid="conflicts" tabIndex={0}>
      <h4>
        Conflicts: {result.total === 0 ? 'no runs overlap' : `${result.total} overlapping pair${result.total === 1 ? '' : 's'} of runs`}
        {result.truncated && <span className="muted"> (the first {result.overlaps.length} by time)</span>}
      </h4>
      {result.dense.length > 0 && (
        <p className="muted small">
          {result.dense.length} schedule{result.dense.length === 1 ? ' fires' : 's fire'} too often to list run by run;{' '}
          {result.dense.length === 1 ? 'it overlaps' : 'they overlap'} nearly everything else.
        </p>
      )}
      {result.overlaps.length > 0 && (
        <table className="mini-table">
          <thead>
            <tr>
              <th scope="col">From</th>
              <th scope="col">Overlap</th>
              <th scope="col">One run</th>
              <th scope="col">The other</th>
            </tr>
          </thead>
          <tbody>
            {result.overlaps.map((o) => (
              <tr key={`${o.a.key}@${o.a.start}|${o.b.key}@${o.b.start}`}>
                <td className="nowrap">{atLabel(o.start, zone)}</td>
                <td className="nowrap">{minutesLabel(o.overlapMs)}</td>
                <td>
                  {who(o.a.key)} <code>{o.a.timeExpression}</code>
                </td>
                <td>
                  {who(o.b.key)} <code>{o.b.timeExpression}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
