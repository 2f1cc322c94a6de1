// The list's blackout badge: does a row's next run (with its profile's assumed run length) fall in one
// of that profile's blackout windows? The windows live in the load view's store, fetched after the first
// frame: that chunk carries the planning channels' schemas, which drawing the list never needs.
import { useEffect, useMemo, useState } from 'react';
import { blackoutHit } from '@shared/fleet';
import type { FleetProfileSettings } from '@shared/ipc/channels/fleet';
import type { ScheduleSource } from '../schedule-view-types';
import type { settingsOf, useFleetStore } from '../load/fleet-store';
import type { blackoutWords } from '../load/blackout-runs';

interface Loaded {
  fleet: { useFleetStore: typeof useFleetStore; settingsOf: typeof settingsOf };
  words: typeof blackoutWords;
}

let loading: Promise<Loaded> | null = null;
function loadFleet(): Promise<Loaded> {
  loading ??= Promise.all([import('../load/fleet-store'), import('../load/blackout-runs')]).then(([fleet, runs]) => ({ fleet, words: runs.blackoutWords }));
  return loading;
}

export type BlackoutOf = (source: ScheduleSource, next: Date | null) => string | null;

/** Words naming the blackout a row's next run falls in, or null (also until the windows are loaded). */
export function useBlackoutOf(): BlackoutOf {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [settings, setSettings] = useState<Record<string, FleetProfileSettings>>({});
  useEffect(() => {
    let off = () => undefined as void;
    let cancelled = false;
    void loadFleet().then((mods) => {
      if (cancelled) return;
      const store = mods.fleet.useFleetStore;
      setLoaded(mods);
      setSettings(store.getState().settings);
      off = store.subscribe((s) => setSettings(s.settings));
      store.getState().ensureLoaded();
    });
    return () => {
      cancelled = true;
      off();
    };
  }, []);
  return useMemo<BlackoutOf>(
    () => (source, next) => {
      if (!next || !loaded) return null;
      const own = loaded.fleet.settingsOf(settings, source.profileId);
      if (own.blackouts.length === 0) return null;
      const hit = blackoutHit(next.getTime(), next.getTime() + own.runMinutes * 60_000, own.blackouts);
      return hit ? loaded.words(hit) : null;
    },
    [loaded, settings],
  );
}
