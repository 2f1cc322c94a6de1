// The use case behind each channel. Requests arrive already validated against the contract's schemas.
import type { AppInfo, Channel, CoreEventSink, DataProblem, ParsedRequestOf, ResponseOf } from '@shared/ipc';
import type { ClientFactory } from './atscale-port';
import { AUDIT_FILE, type AuditLog } from '@core/storage/audit-log';
import { checkCaFile } from '@core/schedules/ca-file';
import { testConnection } from '@core/schedules/connection-test';
import type { ClientPool } from '@core/schedules/client-pool';
import type { Redactor } from './errors';
import type { ProfileService } from '@core/profiles/profile-service';
import { requireProfile, type ProfileStore } from '@core/profiles/profile-store';
import { exportProfiles } from '@core/profiles/profile-transfer';
import type { ScheduleService } from '@core/schedules/schedule-service';
import type { HealthCore } from '@core/health/index';
import type { ChangeService } from '@core/changes/change-service';
import type { ProfileSecrets } from '@core/secrets/profile-secrets';
import type { TokenDateStore } from '@core/connections/token-dates';
import type { ProfileView } from '@shared/domain';
import { connectionHandlers, type CoreImplementations } from '@core/connections/handlers';
import { buildFleetHandlers, type FleetHandlerDeps } from '@core/fleet/fleet-handlers';

export interface HandlerDeps {
  info: () => AppInfo;
  profiles: ProfileStore;
  profileService: ProfileService;
  schedules: ScheduleService;
  health: HealthCore;
  changes: ChangeService;
  vault: ProfileSecrets;
  tokenDates: TokenDateStore;
  audit: AuditLog;
  factory: ClientFactory;
  /** A connection test that signs in ends a refusal of its credentials there. */
  pool: Pick<ClientPool, 'signedIn'>;
  redact: Redactor;
  now: () => Date;
  timeoutMs: number;
  startDemo: () => Promise<ProfileView[]>;
  emit: CoreEventSink;
  reportProblem: (problem: DataProblem) => void;
  /** The data folder (connections keep their own small files in it). */
  dataDir: string;
  fleet: FleetHandlerDeps;
}

export type Implementations = { [C in Channel]: (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>> };

export function buildHandlers(d: HandlerDeps): Implementations {
  const core: CoreImplementations = {
    'app:info': async () => d.info(),
    'profiles:list': async () => d.profileService.list(),
    'profiles:save': (r) => d.profileService.save(r.profile, r.secret, r.secretStorage, { applyToServer: r.applyToServer === true }),
    'profiles:duplicate': (r) => d.profileService.duplicate(r.id, r.name),
    'profiles:rename': (r) => d.profileService.rename(r.id, r.name),
    'profiles:delete': (r) => d.profileService.remove(r.id),
    'profiles:export': async (r) => exportProfiles(d.profiles, r.ids, d.now()),
    'profiles:import': (r) => d.profileService.importJson(r.json),
    'files:check-ca': (r) => checkCaFile(r.path),
    'secrets:set': (r) => d.profileService.setSecret(r.profileId, r.secret, r.storage),
    'secrets:clear': (r) => d.profileService.clearSecret(r.profileId),
    'connection:test': (r) =>
      testConnection(requireProfile(d.profiles, r.profileId), {
        factory: d.factory,
        vault: d.vault,
        redact: d.redact,
        timeoutMs: d.timeoutMs,
        onSignedIn: (options) => d.pool.signedIn(options),
      }),
    'schedules:list': (r) => d.schedules.list(r.profileId),
    'schedules:refresh': (r) =>
      d.schedules.refresh(
        r.profileIds,
        (progress) => d.emit({ event: 'schedules:refresh-progress', payload: progress }),
        // Stryker disable next-line ConditionalExpression: { refreshId: undefined } is read as no id (refresh-many makes one with ??), the same as {}
        r.refreshId === undefined ? {} : { refreshId: r.refreshId },
      ),
    'schedules:create': (r) => d.schedules.create(r.profileId, r.orgId, r.timeExpression, { allowTooFrequent: r.allowTooFrequent ?? false }),
    'schedules:delete': (r) => d.schedules.remove(r.profileId, r.orgId, r.jobId),
    'audit:list': async (r) => {
      const read = await d.audit.read({ ...(r.profileId ? { profileId: r.profileId } : {}), ...(r.limit ? { limit: r.limit } : {}) });
      // Lines that are not valid records never reach the renderer; how many were skipped is a data problem.
      if (read.skipped > 0) {
        const lines = read.skipped === 1 ? '1 line is' : `${read.skipped} lines are`;
        d.reportProblem({
          file: AUDIT_FILE,
          movedTo: null,
          reason: `${lines} not a valid audit record (torn by a crash or edited) and ${read.skipped === 1 ? 'was' : 'were'} skipped; the other records are shown.`,
          at: d.now().toISOString(),
        });
      }
      return read.entries;
    },
    'demo:start': () => d.startDemo(),
    // Schedule health: history, the running job, run now, notifications.
    'history:list': (r) => d.health.history(r.profileId, r),
    'maintenance:running': (r) => d.health.running(r.profileId),
    'maintenance:watch': async (r) => d.health.watch(r.profileIds),
    'maintenance:run-now': (r) => d.health.runNow(r.profileId, r.orgId),
    'notifications:get': async () => d.health.notificationSettings(),
    'notifications:set': (r) => d.health.setNotificationSettings(r),
    // Changes made of several writes (src-main/core/changes).
    'changes:lint': (r) => d.changes.lint(r),
    'changes:edit': (r) => d.changes.edit(r),
    'changes:retry-delete': (r) => d.changes.retryDelete(r),
    'changes:reactivate': (r) => d.changes.reactivate(r),
    'changes:copy-preview': (r) => d.changes.previewCopy(r),
    'changes:copy': (r) => d.changes.copy(r),
    'changes:bulk-delete': (r) => d.changes.bulkDelete(r),
    'changes:pause': (r) => d.changes.pause(r),
    'changes:resume': (r) => d.changes.resume(r),
    'changes:paused-list': (r) => d.changes.pausedList(r.profileId),
    'changes:export': (r) => d.changes.exportSchedules(r.profileId),
    'changes:plan': (r) => d.changes.plan(r),
    'changes:apply': (r) => d.changes.apply(r),
    // Planning settings, exports and saving files.
    ...buildFleetHandlers(d.fleet),
  };
  // Connections: draft tests, org discovery, token age, encrypted transfer.
  return { ...core, ...connectionHandlers(d) };
}
