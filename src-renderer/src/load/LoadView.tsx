// The load view: maintenance load of all profiles, or of the selected profile's server, on one time axis
// (local zone or UTC, the user's choice), per server and within a server per environment.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { computeLoad, serverKeyOf, type LoadInput, type LoadResult } from '@shared/fleet';
import { ALL_PROFILES, useAppStore } from '../store';
import { buildSources } from '../store/sources';
import { filterProfiles } from '../store/filter-slice';
import { localZone } from '../common/time';
import { EmptyState } from '../common/EmptyState';
import { ExportButton } from '../exports/ExportButton';
import { settingsOf, useFleetStore } from './fleet-store';
import { toFleetSources, type PlannedSource } from './fleet-sources';
import { dayWindow } from './load-grid';
import { sharedRunCache } from './shared-run-cache';
import { ServerLoadSection } from './ServerLoadSection';
import { BlackoutEditor } from './BlackoutEditor';
import './load.css';

const DAY_CHOICES = [7, 14, 28, 90];
const HOUR = 3_600_000;

/** The load and how long computing it took (the bench reports the share of drawing). */
function timedLoad(input: LoadInput): { load: LoadResult; computeMs: number } {
  const t0 = performance.now();
  const load = computeLoad(input);
  return { load, computeMs: performance.now() - t0 };
}

export function LoadPanel() {
  const app = useAppStore(
    useShallow((s) => ({
      profiles: s.profiles,
      lists: s.lists,
      selectedProfileId: s.selectedProfileId,
      now: s.now,
      refreshProfile: s.refreshProfile,
      filters: s.filters,
    })),
  );
  const fleet = useFleetStore(
    useShallow((s) => ({
      settings: s.settings,
      status: s.status,
      error: s.error,
      axis: s.axis,
      days: s.days,
      setAxis: s.setAxis,
      setDays: s.setDays,
      ensureLoaded: s.ensureLoaded,
    })),
  );
  const [editing, setEditing] = useState(false);
  const all = app.selectedProfileId === ALL_PROFILES;
  const selected = all ? null : (app.profiles.find((p) => p.id === app.selectedProfileId) ?? null);
  const serverKey = selected ? serverKeyOf(selected.apiUrl) : null;
  // All profiles: the view filters apply (as in every view); one server's load: every org on it.
  const filters = all ? app.filters : undefined;
  const scope = useMemo(
    () => (serverKey ? app.profiles.filter((p) => serverKeyOf(p.apiUrl) === serverKey) : filters ? filterProfiles(app.profiles, filters) : app.profiles),
    [app.profiles, serverKey, filters],
  );

  const ensureLoaded = fleet.ensureLoaded;
  useEffect(() => ensureLoaded(), [ensureLoaded]);
  // One server's load needs every org on it, not only the selected one.
  const { lists, refreshProfile } = app;
  useEffect(() => {
    for (const p of scope) if (!lists[p.id]) void refreshProfile(p.id); // never asked yet
  }, [scope, lists, refreshProfile]);

  const zone = fleet.axis === 'UTC' ? 'UTC' : localZone;
  const zoneCaption = fleet.axis === 'UTC' ? 'times in UTC' : `times in your local zone, ${localZone}`;
  // The window starts at today's midnight on the axis; it moves on when the day does, not every minute.
  const dayKey = Math.floor(app.now.getTime() / HOUR);
  const { from, to } = useMemo(() => dayWindow(new Date(dayKey * HOUR), zone, fleet.days), [dayKey, zone, fleet.days]);
  const sources = useMemo(() => {
    const ids = new Set(scope.map((p) => p.id));
    return toFleetSources(
      buildSources(app.profiles, app.lists, ALL_PROFILES, false, [], filters).filter((s) => ids.has(s.profileId)),
      app.profiles,
      fleet.settings,
    );
  }, [scope, app.profiles, app.lists, fleet.settings, filters]);
  const { load, computeMs } = useMemo(() => timedLoad({ sources, from, to, bucketMs: HOUR, timeZone: zone, cache: sharedRunCache }), [sources, from, to, zone]);
  const byServer = useMemo(() => {
    const map = new Map<string, PlannedSource[]>();
    for (const s of sources) {
      const list = map.get(s.serverKey);
      if (list) list.push(s);
      else map.set(s.serverKey, [s]);
    }
    return map;
  }, [sources]);
  const settings = fleet.settings;
  const blackoutsOf = useCallback((profileId: string) => settingsOf(settings, profileId).blackouts, [settings]);

  useEffect(() => {
    // The bench and the e2e tests wait for this mark: the heatmaps of every server are committed.
    performance.mark('load:drawn', { detail: { sources: sources.length, servers: load.servers.length, computeMs } });
  }, [load, sources.length, computeMs]);

  const editable = selected ?? app.profiles[0] ?? null;
  return (
    <div className="view-panel load-view" data-testid="load-view">
      <div className="load-toolbar">
        <p className="load-scope">
          {serverKey ? (
            <>
              Load on <span className="mono">{serverKey}</span>, the server of {selected?.name}: {scope.length} profile{scope.length === 1 ? '' : 's'}
            </>
          ) : (
            <>
              Load of {scope.length === app.profiles.length ? `all ${app.profiles.length}` : `${scope.length} of ${app.profiles.length}`} profiles, per server
            </>
          )}
          , runs in progress per hour, <strong>{zoneCaption}</strong>
        </p>
        <label className="inline-field">
          Days
          <select className="input" value={fleet.days} onChange={(e) => fleet.setDays(Number(e.target.value))}>
            {DAY_CHOICES.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="choice-group">
          <legend className="visually-hidden">Time axis</legend>
          <label>
            <input type="radio" name="load-axis" checked={fleet.axis === 'local'} onChange={() => fleet.setAxis('local')} /> Local ({localZone})
          </label>
          <label>
            <input type="radio" name="load-axis" checked={fleet.axis === 'UTC'} onChange={() => fleet.setAxis('UTC')} /> UTC
          </label>
        </fieldset>
        <button type="button" className="button" disabled={!editable} onClick={() => setEditing(true)}>
          Blackout windows…
        </button>
        <ExportButton />
      </div>
      {fleet.error && (
        <p className="form-error" role="alert">
          {fleet.error}
        </p>
      )}
      {load.skipped.length > 0 && (
        <p className="muted small">
          {load.skipped.length} schedule{load.skipped.length === 1 ? ' is' : 's are'} left out: the expression or zone cannot be read.
        </p>
      )}
      {sources.length === 0 ? (
        <EmptyState title="No load to show">No active schedule is loaded for {serverKey ? 'this server' : 'any profile'} yet.</EmptyState>
      ) : (
        load.servers.map((server) => (
          <ServerLoadSection
            key={server.serverKey}
            server={server}
            sources={byServer.get(server.serverKey) ?? []}
            bucketStarts={load.bucketStarts}
            bucketMs={load.bucketMs}
            from={from.getTime()}
            to={to.getTime()}
            zone={zone}
            zoneCaption={zoneCaption}
            blackoutsOf={blackoutsOf}
          />
        ))
      )}
      {editing && editable && <BlackoutEditor initialProfileId={editable.id} profiles={app.profiles} onClose={() => setEditing(false)} />}
    </div>
  );
}
