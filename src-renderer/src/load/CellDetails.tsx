// What a load cell holds: the runs in progress during it, with their orgs, expressions and blackout flags.
import { blackoutHit, runsInWindow, type Blackout } from '@shared/fleet';
import { describe } from '../common/schedule-info';
import type { PlannedSource } from './fleet-sources';
import { zoneAbbreviation } from '../common/time';
import { dayLabel, spanLabel } from './load-format';

interface Props {
  sources: readonly PlannedSource[];
  from: number;
  to: number;
  zone: string;
  pinned: boolean;
  blackoutsOf(profileId: string): readonly Blackout[];
}

export function CellDetails({ sources, from, to, zone, pinned, blackoutsOf }: Props) {
  const { runs, total, truncated } = runsInWindow(sources, new Date(from), new Date(to), 50);
  const byKey = new Map(sources.map((s) => [s.key, s]));
  const orgs = new Set(runs.map((r) => byKey.get(r.key)?.orgId));
  return (
    <div className="cell-details" aria-live="polite" data-testid="load-cell-details">
      <h4>
        {dayLabel(from, zone)}, {spanLabel(from, to, zone)} {zoneAbbreviation(zone, new Date(from))}: {total} run{total === 1 ? '' : 's'} in progress
        {total > 0 && `, ${orgs.size} org${orgs.size === 1 ? '' : 's'}`}
        {!pinned && <span className="muted"> (hover; click or Enter to keep)</span>}
      </h4>
      {runs.length > 0 && (
        <table className="mini-table">
          <thead>
            <tr>
              <th scope="col">Runs</th>
              <th scope="col">Profile</th>
              <th scope="col">Org</th>
              <th scope="col">Environment</th>
              <th scope="col">Expression</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((r) => {
              const s = byKey.get(r.key);
              const hit = blackoutHit(r.start, r.end, blackoutsOf(r.profileId));
              return (
                <tr key={`${r.key}@${r.start}`}>
                  <td className="nowrap">
                    {spanLabel(r.start, r.end, zone)}
                    {hit && (
                      <span className="badge badge-blackout" title={hit.label ?? 'Blackout window'}>
                        In blackout
                      </span>
                    )}
                  </td>
                  <td>{s?.source.profileName}</td>
                  <td className="mono small">{s?.orgId}</td>
                  <td>{r.environment}</td>
                  <td>
                    <code>{r.timeExpression}</code> <span className="muted small">{describe(r.timeExpression)}</span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {truncated && (
        <p className="muted small">
          The first {runs.length} of {total} runs are listed.
        </p>
      )}
    </div>
  );
}
