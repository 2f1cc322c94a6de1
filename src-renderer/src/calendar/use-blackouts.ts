// The calendar's blackout flags: each profile's windows as core keeps them (the fleet store, also read
// by the list and the load view), turned into a check per run for the layout. A run is flagged when
// it touches a window for its profile's assumed run length, as the list and the load view flag it.
import { useEffect, useMemo } from 'react';
import { blackoutHit } from '@shared/fleet';
import { settingsOf, useFleetStore } from '@renderer/load/fleet-store';
import { blackoutWords } from '@renderer/load/blackout-runs';
import type { FleetProfileSettings } from '@shared/ipc/channels/fleet';
import type { BlackoutCheck, DaySource } from './day-runs';

export interface BlackoutLayout {
  blackoutOf: (source: DaySource) => BlackoutCheck | null;
  blackoutKey: string;
}

/** Checks per profile from the saved settings; a profile without windows gets null (no cost per run). */
export function blackoutLayout(settings: Record<string, FleetProfileSettings>): BlackoutLayout {
  const checks = new Map<string, BlackoutCheck | null>();
  const blackoutOf = (source: DaySource): BlackoutCheck | null => {
    const profileId = source.profileId ?? '';
    let check = checks.get(profileId);
    if (check === undefined) {
      const own = settingsOf(settings, profileId);
      const length = own.runMinutes * 60_000;
      const words = new Map<unknown, string>();
      check =
        own.blackouts.length === 0
          ? null
          : (t: number) => {
              const hit = blackoutHit(t, t + length, own.blackouts);
              if (!hit) return null;
              let text = words.get(hit);
              if (text === undefined) {
                text = blackoutWords(hit);
                words.set(hit, text);
              }
              return text;
            };
      checks.set(profileId, check);
    }
    return check;
  };
  return { blackoutOf, blackoutKey: blackoutKeyOf(settings) };
}

/** What the flags depend on: the settings of the profiles that have windows ('' when none has). */
function blackoutKeyOf(settings: Record<string, FleetProfileSettings>): string {
  const used = Object.values(settings).filter((s) => s.blackouts.length > 0);
  return used.length === 0 ? '' : JSON.stringify(used);
}

export function useBlackouts(): BlackoutLayout {
  const settings = useFleetStore((f) => f.settings);
  const ensureLoaded = useFleetStore((f) => f.ensureLoaded);
  useEffect(() => ensureLoaded(), [ensureLoaded]);
  // Keyed by what the flags depend on: settings arriving without windows (or a run length changed where
  // there are none) must not lay the month out again.
  const key = blackoutKeyOf(settings);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => blackoutLayout(settings), [key]);
}
