// Everything the main process holds, behind one map of handlers: channel -> (untrusted request) -> Result.
// Electron's ipc.ts and the browser harness both call these same handlers; only the transport differs.
import { mkdir } from 'node:fs/promises';
import { contract, CHANNELS, type AppInfo, type Channel, type CoreEvent, type DataProblem, type ParsedRequestOf, type ResponseOf, type Result } from '@shared/ipc';
import { createAtScaleClient } from '@core/atscale/index';
import type { ClientFactory } from './atscale-port';
import { createAuditLog } from '@core/storage/audit-log';
import { createClientPool } from '@core/schedules/client-pool';
import { DEMO_ACCOUNT, attachDemoProfiles, demoProfiles, type DemoServer } from '@core/profiles/demo';
import { AppFailure, createRedactor, toAppError } from './errors';
import { buildHandlers, type Implementations } from './handlers';
import { openProfileStore } from '@core/profiles/profile-store';
import { createProfileService } from '@core/profiles/profile-service';
import { createScheduleService } from '@core/schedules/schedule-service';
import { openSecretVault } from '@core/secrets/secret-vault';
import { createSnapshotStore } from '@core/storage/snapshot-store';
import { redactDeep } from './redact-deep';
import { openBlackoutsStore } from '@core/fleet/blackouts-store';
import { createExportService } from '@core/fleet/export-service';
import type { SaveFile } from '@core/fleet/fleet-handlers';

export type Handlers = { [C in Channel]: (request: unknown) => Promise<Result<ResponseOf<C>>> };
export type { CoreEvent } from '@shared/ipc';

export interface AppCoreOptions {
  dataDir: string;
  /** 'keytar' (default): the OS keychain. 'memory': no keychain, secrets live for this session only. */
  secrets?: 'keytar' | 'memory';
  /** Starts the embedded simulator for demo mode. Without it demo:start is refused. */
  demoServer?: () => Promise<DemoServer>;
  now?: () => Date;
  /** Shown in app:info. */
  version?: string;
  /** Defaults to the real AtScale client (issue 3's createAtScaleClient). */
  clientFactory?: ClientFactory;
  /** One HTTP exchange's deadline for the AtScale client (default 15 s). */
  requestTimeoutMs?: number;
  /** Keychain service name (tests use their own to stay apart). */
  keychainService?: string;
  /** The platform's save dialog for exports (Electron's); without it files:save answers 'unavailable'. */
  saveFile?: SaveFile;
}

export interface AppCore {
  handlers: Handlers;
  onEvent(listener: (event: CoreEvent) => void): () => void;
  close(): Promise<void>;
}

export async function createAppCore(options: AppCoreOptions): Promise<AppCore> {
  const now = options.now ?? (() => new Date());
  const timeoutMs = options.requestTimeoutMs ?? 15_000;
  await mkdir(options.dataDir, { recursive: true, mode: 0o700 });

  const opened = await openProfileStore(options.dataDir, now);
  const profiles = opened.store;
  const dataProblems: DataProblem[] = opened.problem ? [opened.problem] : [];
  const vault = await openSecretVault({ mode: options.secrets ?? 'keytar', ...(options.keychainService ? { service: options.keychainService } : {}) });
  const redact = createRedactor(() => vault.known());
  const factory: ClientFactory = options.clientFactory ?? ((o) => createAtScaleClient(o));
  const pool = createClientPool(factory, vault, timeoutMs);
  const snapshots = createSnapshotStore(options.dataDir);
  const audit = createAuditLog(options.dataDir);
  const listeners = new Set<(event: CoreEvent) => void>();
  const emit = (event: CoreEvent): void => {
    for (const listener of listeners) {
      try {
        listener(redactDeep(event, redact));
      } catch {
        // A failing listener (a closed window) must not break the others.
      }
    }
  };

  const schedules = createScheduleService({ profiles, pool, snapshots, audit, redact, now });
  const fleetSettings = await openBlackoutsStore(options.dataDir, now);
  const exports = createExportService({ profiles, schedules, audit, settings: fleetSettings, now });
  const profileService = createProfileService({
    profiles,
    vault,
    snapshots,
    now,
    onChanged: (id) => {
      if (id) {
        pool.forget(id);
        schedules.forget(id);
      }
      emit({ event: 'profiles:changed', payload: profileService.list() });
    },
  });

  // Demo mode: a first start (no profiles) or demo profiles from an earlier start bring the simulator up.
  let demo: DemoServer | null = null;
  const startDemo = async (): Promise<DemoServer> => {
    if (demo) return demo;
    if (!options.demoServer) throw new AppFailure('invalid-input', 'Demo mode is not available here: the app was started without its embedded simulator.');
    demo = await options.demoServer();
    await attachDemoProfiles(profiles, vault, demo);
    return demo;
  };
  const wantsDemo = profiles.list().length === 0 || profiles.list().some((p) => p.demo);
  let demoProblem: string | null = null;
  if (wantsDemo && options.demoServer && dataProblems.length === 0) {
    await startDemo().catch((error: unknown) => {
      demoProblem = error instanceof Error ? error.message : String(error);
    });
  }

  // After the demo decision: only an unreadable profiles file keeps the demo from starting.
  if (fleetSettings.problem) dataProblems.push(fleetSettings.problem);

  const info = (): AppInfo => {
    const status = vault.status();
    return {
      version: options.version ?? process.env['npm_package_version'] ?? 'dev',
      demoRunning: demo !== null,
      keychain: status.keychain,
      keychainProblem: status.problem,
      platform: process.platform,
      dataProblems: [...dataProblems],
      demoAvailable: options.demoServer !== undefined && demoProblem === null,
    };
  };

  const implementations = buildHandlers({
    info,
    profiles,
    profileService,
    schedules,
    vault,
    audit,
    factory,
    redact,
    now,
    timeoutMs,
    emit,
    fleet: { profiles, settings: fleetSettings, exports, saveFile: options.saveFile },
    startDemo: async () => {
      const server = await startDemo();
      const existing = profiles.list().filter((p) => p.demo);
      if (existing.length === 0) await profiles.update((list) => [...list, ...demoProfiles(server.url, server.demo ?? DEMO_ACCOUNT, now())]);
      await attachDemoProfiles(profiles, vault, server);
      emit({ event: 'profiles:changed', payload: profileService.list() });
      emit({ event: 'app:info-changed', payload: info() });
      return profileService.list().filter((p) => p.demo);
    },
  });

  const handlers = Object.fromEntries(CHANNELS.map((channel) => [channel, validated(channel, implementations[channel], redact)])) as Handlers;

  return {
    handlers,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
      pool.closeAll();
      const server = demo;
      demo = null;
      await server?.close();
    },
  };
}

/** Validates the untrusted request against the channel's schema, runs it, and answers a redacted Result. */
function validated<C extends Channel>(channel: C, implementation: Implementations[C], redact: (text: string) => string): (request: unknown) => Promise<Result<ResponseOf<C>>> {
  const schema = contract[channel].request;
  return async (request) => {
    const parsed = schema.safeParse(request ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? issue.path.join('.') : 'request';
      return { ok: false, error: { kind: 'invalid-input', message: `${where}: ${issue?.message ?? 'invalid'} (${channel})` } };
    }
    try {
      // The parsed value is the schema's output, which is exactly ParsedRequestOf<C> by construction.
      const value = await (implementation as (r: ParsedRequestOf<C>) => Promise<ResponseOf<C>>)(parsed.data as ParsedRequestOf<C>);
      return { ok: true, value: redactDeep(value, redact) };
    } catch (error) {
      return { ok: false, error: toAppError(error, redact, channel) };
    }
  };
}
