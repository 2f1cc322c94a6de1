// The create dialog's planning part: quiet-slot suggestions and the collision warning, both over every
// org on the profile's server. One element for the dialog to place; it reads the stores itself.
import { useEffect, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { serverKeyOf } from '@shared/fleet';
import { ALL_PROFILES, useAppStore } from '../store';
import { buildSources } from '../store/sources';
import { settingsOf, useFleetStore } from './fleet-store';
import { toFleetSources } from './fleet-sources';
import { SuggestTime } from './SuggestTime';
import { CollisionWarning } from './CollisionWarning';
import './load.css';

interface Props {
  profileId: string;
  /** The valid expression being chosen, or null while it is invalid. */
  expression: string | null;
  onUse(expression: string): void;
}

export function FleetPlanning({ profileId, expression, onUse }: Props) {
  const app = useAppStore(useShallow((s) => ({ profiles: s.profiles, lists: s.lists, now: s.now, refreshProfile: s.refreshProfile })));
  const fleet = useFleetStore(useShallow((s) => ({ settings: s.settings, ensureLoaded: s.ensureLoaded })));
  const profile = app.profiles.find((p) => p.id === profileId);
  const serverKey = profile ? serverKeyOf(profile.apiUrl) : '';
  const ensureLoaded = fleet.ensureLoaded;
  useEffect(() => ensureLoaded(), [ensureLoaded]);
  const { profiles, lists, refreshProfile } = app;
  const neighbours = useMemo(() => profiles.filter((p) => serverKeyOf(p.apiUrl) === serverKey), [profiles, serverKey]);
  // The other orgs on this server must be loaded to be avoided.
  useEffect(() => {
    for (const p of neighbours) if (!lists[p.id]) void refreshProfile(p.id); // never asked yet
  }, [neighbours, lists, refreshProfile]);
  const existing = useMemo(() => {
    const ids = new Set(neighbours.map((p) => p.id));
    return toFleetSources(
      buildSources(profiles, lists, ALL_PROFILES, false).filter((s) => ids.has(s.profileId)),
      profiles,
      fleet.settings,
    );
  }, [neighbours, profiles, lists, fleet.settings]);
  if (!profile) return null;
  const own = settingsOf(fleet.settings, profileId);
  const zone = lists[profileId]?.list?.serverTimeZone ?? profile.serverTimeZone;
  const durationMs = own.runMinutes * 60_000;
  return (
    <div className="fleet-planning">
      {expression && (
        <CollisionWarning
          expression={expression}
          profileId={profileId}
          environment={profile.environment.label}
          serverKey={serverKey}
          timeZone={zone}
          durationMs={durationMs}
          existing={existing}
          blackouts={own.blackouts}
          now={app.now}
        />
      )}
      <SuggestTime existing={existing} serverKey={serverKey} timeZone={zone} durationMs={durationMs} blackouts={own.blackouts} now={app.now} onUse={onUse} />
    </div>
  );
}
