// The planning and export channels: settings per profile, exports, and saving a file through whatever
// save dialog the platform adapter supplies (none in the browser version: the renderer downloads instead).
import type { SaveFileResult } from '@shared/ipc/channels/exports';
import type { ProfileStore } from '@core/profiles/profile-store';
import { requireProfile } from '@core/profiles/profile-store';
import type { Implementations } from '@core/handlers';
import type { BlackoutsStore } from './blackouts-store';
import type { ExportService } from './export-service';

/** Asks the user where to save `text` (the Electron adapter: src-main/save-file.ts). */
export type SaveFile = (request: { suggestedName: string; text: string }) => Promise<SaveFileResult>;

export type FleetChannel = 'blackouts:get' | 'blackouts:set' | 'durations:set' | 'export:ics' | 'export:csv' | 'files:save';

export interface FleetHandlerDeps {
  profiles: ProfileStore;
  settings: BlackoutsStore;
  exports: ExportService;
  saveFile: SaveFile | undefined;
}

export function buildFleetHandlers(d: FleetHandlerDeps): Pick<Implementations, FleetChannel> {
  return {
    'blackouts:get': async (r) =>
      r.profileId ? [d.settings.get(requireProfile(d.profiles, r.profileId).id)] : d.profiles.list().map((p) => d.settings.get(p.id)),
    'blackouts:set': (r) => d.settings.setBlackouts(requireProfile(d.profiles, r.profileId).id, r.blackouts),
    'durations:set': (r) => d.settings.setRunMinutes(requireProfile(d.profiles, r.profileId).id, r.runMinutes),
    'export:ics': (r) => d.exports.ics(r.profileIds, r.from, r.to),
    'export:csv': (r) => d.exports.csv(r.kind, r.profileIds, r.from, r.to),
    'files:save': async (r) => (d.saveFile ? d.saveFile({ suggestedName: r.suggestedName, text: r.text }) : { status: 'unavailable' }),
  };
}
