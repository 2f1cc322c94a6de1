// The use case behind each channel. Requests arrive already validated against the contract's schemas.
import type { AppInfo, Channel, CoreEventSink, ParsedRequestOf, ResponseOf } from '@shared/ipc';
import type { ClientFactory } from './atscale-port';
import type { AuditLog } from '@core/storage/audit-log';
import { testConnection } from '@core/schedules/connection-test';
import type { Redactor } from './errors';
import type { ProfileService } from '@core/profiles/profile-service';
import { requireProfile, type ProfileStore } from '@core/profiles/profile-store';
import { exportProfiles, importProfiles } from '@core/profiles/profile-transfer';
import type { ScheduleService } from '@core/schedules/schedule-service';
import type { SecretVault } from '@core/secrets/secret-vault';
import type { ProfileView } from '@shared/domain';
import { buildFleetHandlers, type FleetHandlerDeps } from '@core/fleet/fleet-handlers';

export interface HandlerDeps {
  info: () => AppInfo;
  profiles: ProfileStore;
  profileService: ProfileService;
  schedules: ScheduleService;
  vault: SecretVault;
  audit: AuditLog;
  factory: ClientFactory;
  redact: Redactor;
  now: () => Date;
  timeoutMs: number;
  startDemo: () => Promise<ProfileView[]>;
  emit: CoreEventSink;
  fleet: FleetHandlerDeps;
}

export type Implementations = { [C in Channel]: (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>> };

export function buildHandlers(d: HandlerDeps): Implementations {
  return {
    'app:info': async () => d.info(),
    'profiles:list': async () => d.profileService.list(),
    'profiles:save': (r) => d.profileService.save(r.profile, r.secret, r.secretStorage),
    'profiles:duplicate': (r) => d.profileService.duplicate(r.id, r.name),
    'profiles:rename': (r) => d.profileService.rename(r.id, r.name),
    'profiles:delete': (r) => d.profileService.remove(r.id),
    'profiles:export': async (r) => exportProfiles(d.profiles, r.ids, d.now()),
    'profiles:import': async (r) => {
      const result = await importProfiles(d.profiles, d.profileService, r.json, d.now());
      if (result.imported.length > 0) d.profileService.notify();
      return result;
    },
    'secrets:set': (r) => d.profileService.setSecret(r.profileId, r.secret, r.storage),
    'secrets:clear': (r) => d.profileService.clearSecret(r.profileId),
    'connection:test': (r) =>
      testConnection(requireProfile(d.profiles, r.profileId), { factory: d.factory, vault: d.vault, redact: d.redact, timeoutMs: d.timeoutMs }),
    'schedules:list': (r) => d.schedules.list(r.profileId),
    'schedules:refresh': (r) => d.schedules.refresh(r.profileIds, (progress) => d.emit({ event: 'schedules:refresh-progress', payload: progress })),
    'schedules:create': (r) => d.schedules.create(r.profileId, r.orgId, r.timeExpression),
    'schedules:delete': (r) => d.schedules.remove(r.profileId, r.orgId, r.jobId),
    'audit:list': (r) => d.audit.list({ ...(r.profileId ? { profileId: r.profileId } : {}), ...(r.limit ? { limit: r.limit } : {}) }),
    'demo:start': () => d.startDemo(),
    // Planning settings, exports and saving files.
    ...buildFleetHandlers(d.fleet),
  };
}
