// One server's load: heatmap (all its environments or one), the cell under the pointer or pinned, the
// week-by-hour summary, runs in blackout windows and the conflicts between its orgs.
import { useMemo, useState } from 'react';
import type { Blackout, ServerLoad } from '@shared/fleet';
import type { PlannedSource } from './fleet-sources';
import { layoutGrid } from './load-grid';
import { atLabel } from './load-format';
import { Heatmap } from './Heatmap';
import { CellDetails } from './CellDetails';
import { WeekHourTable } from './WeekHourTable';
import { ConflictsPanel } from './ConflictsPanel';
import { blackoutWords, blackoutRunsOf } from './blackout-runs';

interface Props {
  server: ServerLoad;
  sources: readonly PlannedSource[];
  bucketStarts: readonly number[];
  bucketMs: number;
  from: number;
  to: number;
  zone: string;
  zoneCaption: string;
  blackoutsOf(profileId: string): readonly Blackout[];
}

/** Conflicts are listed at once for servers up to this size; bigger ones on request (a sweep over every run). */
const CONFLICTS_AT_ONCE = 1500;

export function ServerLoadSection({ server, sources, bucketStarts, bucketMs, from, to, zone, zoneCaption, blackoutsOf }: Props) {
  const [env, setEnv] = useState<string>('');
  const [pinned, setPinned] = useState<[number, number] | null>(null);
  const [hover, setHover] = useState<[number, number] | null>(null);
  const [showConflicts, setShowConflicts] = useState(sources.length <= CONFLICTS_AT_ONCE);
  const cells = env === '' ? server.cells : (server.environments.find((e) => e.environment === env)?.cells ?? server.cells);
  const rows = useMemo(() => layoutGrid(bucketStarts, bucketMs, to, cells, zone), [bucketStarts, bucketMs, to, cells, zone]);
  const peak = useMemo(() => cells.busy.reduce((m, v) => (v > m ? v : m), 0), [cells]);
  const shown = useMemo(() => (env === '' ? sources : sources.filter((s) => s.environment === env)), [sources, env]);
  const inBlackout = useMemo(() => blackoutRunsOf(shown, from, to, blackoutsOf, 20), [shown, from, to, blackoutsOf]);
  const orgs = useMemo(() => new Set(sources.map((s) => s.orgId)).size, [sources]);
  const at = hover ?? pinned;
  const cell = at ? rows[at[0]]?.cells[at[1]] : undefined;
  const headingId = `server-${server.serverKey.replace(/[^a-z0-9]/gi, '-')}`;

  return (
    <section className="load-server" aria-labelledby={headingId} data-testid="load-server" data-server={server.serverKey}>
      <header className="load-server-header">
        <h3 id={headingId}>
          Server <span className="mono">{server.serverKey}</span>
        </h3>
        <span className="muted">
          {orgs} org{orgs === 1 ? '' : 's'}, {sources.length} schedule{sources.length === 1 ? '' : 's'}; at most {peak} run{peak === 1 ? '' : 's'} at once
        </span>
        <label className="inline-field">
          Environment
          <select className="input" value={env} onChange={(e) => setEnv(e.target.value)}>
            <option value="">All ({server.environments.length})</option>
            {server.environments.map((e) => (
              <option key={e.environment} value={e.environment}>
                {e.environment}
              </option>
            ))}
          </select>
        </label>
      </header>
      {server.dense.length > 0 && (
        <p className="muted small">
          {server.dense.length} schedule{server.dense.length === 1 ? ' fires' : 's fire'} more often than can be drawn run by run: counted per hour instead.
        </p>
      )}
      <div className="load-body">
        <Heatmap
          label={`Runs in progress per hour on ${server.serverKey}${env ? `, ${env}` : ''}, ${zoneCaption}`}
          rows={rows}
          peak={peak}
          zone={zone}
          selected={pinned}
          onSelect={setPinned}
          onHover={setHover}
        />
        <div className="load-side">
          {cell && cell.from !== null && cell.to !== null ? (
            <CellDetails sources={shown} from={cell.from} to={cell.to} zone={zone} pinned={!hover} blackoutsOf={blackoutsOf} />
          ) : (
            <p className="muted cell-details">Point at an hour, or move there with the arrow keys, to see which runs it holds.</p>
          )}
          <WeekHourTable summary={server.weekHour} caption={`Week by hour of day (all environments, ${zoneCaption})`} />
        </div>
      </div>
      {inBlackout.total > 0 && (
        <div className="warning blackout-runs" data-testid="load-blackout-runs">
          ⚠ {inBlackout.total} run{inBlackout.total === 1 ? ' falls' : 's fall'} in a blackout window:
          <ul>
            {inBlackout.runs.slice(0, 5).map((r) => (
              <li key={`${r.source.key}@${r.start}`}>
                {atLabel(r.start, zone)}, {r.source.source.profileName} <code>{r.source.timeExpression}</code> ({blackoutWords(r.blackout)})
              </li>
            ))}
          </ul>
        </div>
      )}
      {showConflicts ? (
        <ConflictsPanel sources={shown} from={from} to={to} zone={zone} />
      ) : (
        <button type="button" className="button" onClick={() => setShowConflicts(true)}>
          List conflicts ({sources.length} schedules: may take a moment)
        </button>
      )}
    </section>
  );
}
