// Everything the main process holds, behind one map of handlers: channel -> (untrusted request) -> Result.
// Electron's ipc.ts and the browser harness both call these same handlers; only the transport differs.
// Values are data and leave exactly as stored; only messages (errors, data problems, logs) are redacted,
// and no value carries a secret by construction (no channel answers a secret field).
import { mkdir } from 'node:fs/promises';
import {
  contract,
  CHANNELS,
  type AppInfo,
  type Channel,
  type CoreEvent,
  type DataProblem,
  type ParsedRequestOf,
  type ResponseOf,
  type Result,
} from '@shared/ipc';
import { createAtScaleClient } from '@core/atscale/index';
import type { ClientFactory } from './atscale-port';
import { createAuditLog } from '@core/storage/audit-log';
import { createClientPool } from '@core/schedules/client-pool';
import type { DemoServer, StartDemoServer } from '@core/profiles/demo';
import { AppFailure, createRedactor, excerptOf, quote, toAppError, type Redactor } from './errors';
import { buildHandlers, type Implementations } from './handlers';
import { openProfileStore } from '@core/profiles/profile-store';
import { createProfileService } from '@core/profiles/profile-service';
import { createScheduleService } from '@core/schedules/schedule-service';
import { createServerLanes } from '@core/schedules/server-lanes';
import { createHealthCore } from '@core/health/index';
import { createChangeService, openPausedStore, withChangeContext } from '@core/changes/change-service';
import { KEYCHAIN_SERVICE, openSecretVault } from '@core/secrets/secret-vault';
import { profileSecrets, promoteProfileSecrets } from '@core/secrets/profile-secrets';
import { openTokenDates, tokenDateHooks } from '@core/connections/token-dates';
import { acquireDataLock, type DataLock } from '@core/storage/data-lock';
import { removeStaleTempFilesIn } from '@core/storage/json-file';
import { createSnapshotStore } from '@core/storage/snapshot-store';
import { loadWindowState } from '@core/storage/window-bounds';
import { openBlackoutsStore } from '@core/fleet/blackouts-store';
import { createExportService } from '@core/fleet/export-service';
import type { SaveFile } from '@core/fleet/fleet-handlers';

export type Handlers = { [C in Channel]: (request: unknown) => Promise<Result<ResponseOf<C>>> };
export type { CoreEvent } from '@shared/ipc';

export interface AppCoreOptions {
  dataDir: string;
  /** 'keytar' (default): the OS keychain. 'memory': no keychain, secrets live for this session only. */
  secrets?: 'keytar' | 'memory';
  /**
   * Starts the embedded simulator for demo mode (startDemoSimulator), told the data folder to keep its
   * state in and where to report a demo file it cannot read or write. Without it demo:start is refused.
   */
  demoServer?: StartDemoServer;
  now?: () => Date;
  /** Shown in app:info. */
  version?: string;
  /** Defaults to the real AtScale client (createAtScaleClient). */
  clientFactory?: ClientFactory;
  /** One HTTP exchange's deadline for the AtScale client (default 15 s). */
  requestTimeoutMs?: number;
  /** Keychain service name (tests use their own to stay apart). */
  keychainService?: string;
  /** How long to wait for another process holding the data folder before refusing (default 2 s). */
  lockWaitMs?: number;
  /** After how long without a refresh a lock is a killed holder's and is taken over (default 10 s). */
  lockStaleMs?: number;
  /** How often watched profiles' running jobs are asked (default 30 s). */
  runningPollMs?: number;
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

  const dataProblems: DataProblem[] = [];
  let emitInfo = (): void => undefined;
  const reportProblem = (problem: DataProblem): void => {
    // One entry per file: the newest problem of a file replaces the older one.
    const at = dataProblems.findIndex((p) => p.file === problem.file);
    if (at >= 0 && dataProblems[at]?.reason === problem.reason) return;
    if (at >= 0) dataProblems.splice(at, 1, problem);
    else dataProblems.push(problem);
    emitInfo();
  };

  const lock: DataLock = await acquireDataLock(options.dataDir, {
    ...(options.lockWaitMs !== undefined ? { waitMs: options.lockWaitMs } : {}),
    ...(options.lockStaleMs !== undefined ? { staleMs: options.lockStaleMs } : {}),
    onLost: (message) => reportProblem({ file: 'app.lock', movedTo: null, reason: message, at: now().toISOString() }),
  });
  try {
    return await open(options, lock, { now, timeoutMs, dataProblems, reportProblem, setEmitInfo: (fn) => (emitInfo = fn) });
  } catch (error) {
    await lock.release();
    throw error;
  }
}

interface OpenContext {
  now: () => Date;
  timeoutMs: number;
  dataProblems: DataProblem[];
  reportProblem: (problem: DataProblem) => void;
  setEmitInfo: (fn: () => void) => void;
}

async function open(options: AppCoreOptions, lock: DataLock, ctx: OpenContext): Promise<AppCore> {
  const { now, timeoutMs, dataProblems, reportProblem } = ctx;
  const snapshots = createSnapshotStore(options.dataDir, { now, reportProblem });
  // Temp files of writes a crash interrupted, in every folder the app writes JSON to.
  await Promise.all([removeStaleTempFilesIn(options.dataDir), snapshots.sweep()]);
  const opened = await openProfileStore(options.dataDir, now);
  const profiles = opened.store;
  if (opened.problem) dataProblems.push(opened.problem);
  const accounts = await openSecretVault({ mode: options.secrets ?? 'keytar', ...(options.keychainService ? { service: options.keychainService } : {}) });
  // The first release's per-profile keychain entries move onto their servers (see profile-secrets.ts).
  await promoteProfileSecrets(accounts, profiles.doc());
  const vault = profileSecrets(accounts, profiles);
  const tokenDates = openTokenDates(options.dataDir, now, reportProblem);
  const redact = createRedactor(() => vault.known());
  const factory: ClientFactory = options.clientFactory ?? ((o) => createAtScaleClient(o));
  const pool = createClientPool(factory, vault, timeoutMs);
  // Writes made as steps of a change (edit, copy, apply) are audited with that change's id.
  const audit = withChangeContext(createAuditLog(options.dataDir));
  const listeners = new Set<(event: CoreEvent) => void>();
  const emit = (event: CoreEvent): void => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch {
        // A failing listener (a closed window) must not break the others.
      }
    }
  };

  // One per-server cap for everything this core asks of a server in bulk: every refresh (overlapping
  // ones share it), the running checks and exports.
  const lanes = createServerLanes();
  const health = await createHealthCore({
    dataDir: options.dataDir,
    profiles,
    pool,
    lanes,
    audit,
    redact,
    now,
    emit,
    reportProblem,
    ...(options.runningPollMs !== undefined ? { runningPollMs: options.runningPollMs } : {}),
  });
  const schedules = createScheduleService({ profiles, pool, snapshots, audit, redact, now, reportProblem, attachHealth: health.attach, lanes });
  const paused = await openPausedStore(options.dataDir, now);
  const changes = createChangeService({ profiles, schedules, paused, redact, now });
  const fleetSettings = await openBlackoutsStore(options.dataDir, now);
  const exports = createExportService({ profiles, schedules, audit, settings: fleetSettings, now, redact, lanes });
  const profileService = createProfileService({
    profiles,
    vault,
    snapshots,
    now,
    ...tokenDateHooks(tokenDates, profiles),
    onRemoving: (id) => paused.removeProfile(id),
    onChanged: (ids) => {
      for (const id of ids) {
        pool.forget(id);
        schedules.forget(id);
        health.forget(id);
      }
      emit({ event: 'profiles:changed', payload: profileService.list() });
    },
  });

  // Demo mode: a first start (no profiles) or demo profiles from an earlier start bring the simulator up.
  let demo: DemoServer | null = null;
  const startDemo = async (): Promise<DemoServer> => {
    if (demo) return demo;
    if (!options.demoServer) throw new AppFailure('invalid-input', 'Demo mode is not available here: the app was started without its embedded simulator.');
    demo = await options.demoServer({ dataDir: options.dataDir, reportProblem, now });
    return demo;
  };
  const wantsDemo = profiles.list().length === 0 || profiles.list().some((p) => p.demo);
  let demoProblem: string | null = null;
  if (wantsDemo && options.demoServer && dataProblems.length === 0) {
    await startDemo()
      .then((server) => profileService.attachDemo(server, { create: false }))
      .catch((error: unknown) => {
        demoProblem = error instanceof Error ? error.message : String(error);
      });
  }

  // After the demo decision: only an unreadable profiles file keeps the demo from starting.
  if (fleetSettings.problem) dataProblems.push(fleetSettings.problem);
  // The window's place is the desktop shell's, read after this; an unreadable one is kept aside and reported here.
  await loadWindowState(options.dataDir, now, reportProblem);

  const info = (): AppInfo => {
    const status = vault.status();
    return {
      version: options.version ?? process.env['npm_package_version'] ?? 'dev',
      demoRunning: demo !== null,
      keychain: status.keychain,
      keychainProblem: status.problem === null ? null : redact(status.problem),
      keychainService: options.keychainService ?? KEYCHAIN_SERVICE,
      platform: process.platform,
      dataProblems: dataProblems.map((p) => ({ ...p, reason: redact(p.reason) })),
      demoAvailable: options.demoServer !== undefined && demoProblem === null,
    };
  };
  ctx.setEmitInfo(() => emit({ event: 'app:info-changed', payload: info() }));

  const implementations = buildHandlers({
    info,
    profiles,
    profileService,
    schedules,
    health,
    changes,
    vault,
    tokenDates,
    audit,
    factory,
    pool,
    redact,
    now,
    timeoutMs,
    emit,
    reportProblem,
    dataDir: options.dataDir,
    fleet: { profiles, settings: fleetSettings, exports, saveFile: options.saveFile },
    startDemo: async () => {
      const wasRunning = demo !== null;
      const views = await profileService.attachDemo(await startDemo(), { create: true });
      if (!wasRunning) emit({ event: 'app:info-changed', payload: info() });
      return views;
    },
  });

  const handlers = Object.fromEntries(CHANNELS.map((channel) => [channel, validated(channel, implementations[channel], redact)])) as Handlers;

  let closed = false;
  return {
    handlers,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      if (closed) return;
      closed = true;
      listeners.clear();
      health.close();
      pool.closeAll();
      const server = demo;
      demo = null;
      await server?.close();
      await lock.release();
    },
  };
}

/** Validates the untrusted request against the channel's schema, runs it, and answers a Result whose errors are redacted. */
function validated<C extends Channel>(channel: C, implementation: Implementations[C], redact: Redactor): (request: unknown) => Promise<Result<ResponseOf<C>>> {
  const schema = contract[channel].request;
  return async (request) => {
    const parsed = schema.safeParse(request ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, error: { kind: 'invalid-input', message: redact(`${issueText(issue)} (${channel})`) } };
    }
    try {
      // The parsed value is the schema's output, which is exactly ParsedRequestOf<C> by construction.
      const value = await (implementation as (r: ParsedRequestOf<C>) => Promise<ResponseOf<C>>)(parsed.data as ParsedRequestOf<C>);
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error: toAppError(error, redact, channel) };
    }
  };
}

type Issue = { path: PropertyKey[]; message: string; code?: string; keys?: string[] } | undefined;

/**
 * "field.path: what is wrong", quoting at most a short excerpt of what was sent: a key or a value
 * in the request is the renderer's (or an attacker's) text, never repeated in full.
 */
function issueText(issue: Issue): string {
  // Stryker disable next-line ConditionalExpression,StringLiteral: a failed zod parse always reports at least one issue
  if (!issue) return 'request: invalid';
  // A list position is a short number, which the excerpt leaves as it is.
  const path = issue.path.map((p) => excerptOf(String(p), 40)).join('.');
  const where = path === '' ? 'request' : path;
  if (issue.code === 'unrecognized_keys' && issue.keys) {
    const keys = issue.keys
      .slice(0, 3)
      .map((k) => quote(k, 40))
      .join(', ');
    return `${where}: unknown field ${keys}${issue.keys.length > 3 ? ` and ${issue.keys.length - 3} more` : ''}`;
  }
  return `${where}: ${excerptOf(issue.message, 200)}`;
}
