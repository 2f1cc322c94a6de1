// The one IPC contract: every channel, its request and its response.
// main's handlers, the preload bridge and the renderer client all derive their types from here.
import type { AppError, AuditEntry, ProfileView, Schedule, ScheduleList, SecretStorage } from '../domain';
import type { ProfileInput } from './schemas';

export interface AppInfo {
  version: string;
  /** True when the embedded simulator runs for demo profiles. */
  demoRunning: boolean;
  keychain: 'available' | 'unavailable';
  /** Why the keychain is unavailable, in words (null when available). */
  keychainProblem: string | null;
  platform: string;
  /** Data files found unreadable at start: moved aside (never deleted) so nothing is lost. */
  dataProblems: DataProblem[];
  /** True when a demo simulator can be started (demo:start is usable). */
  demoAvailable: boolean;
}

/** A data file that could not be read: kept aside under `movedTo` and reported here. */
export interface DataProblem {
  /** File name inside the data folder, e.g. 'profiles.json'. */
  file: string;
  /** Where the unreadable file was moved, e.g. 'profiles.corrupt-2026-11-28T03-00-00-000Z.json'. */
  movedTo: string;
  reason: string;
  at: string;
}

/**
 * Where a connection test stopped: dns (host name unknown), connect (refused / unreachable), tls
 * (certificate), sign-in (credentials), org (org not found or no access), list (server error or bad answer).
 */
export type ConnectionStep = 'dns' | 'connect' | 'tls' | 'sign-in' | 'org' | 'list';
export type ConnectionTestResult =
  | { ok: true; scheduleCount: number; elapsedMs: number }
  | { ok: false; step: ConnectionStep; error: AppError };

export interface ImportResult {
  imported: ProfileView[];
  skipped: { name: string; reason: string }[];
}

/** channel -> [request, response]. Requests are validated in main by ./schemas. */
export interface Contract {
  'app:info': [Record<string, never>, AppInfo];
  'profiles:list': [Record<string, never>, ProfileView[]];
  /** Create (no id) or update (id) a profile. A secret, when given, goes to the keychain only. */
  'profiles:save': [{ profile: ProfileInput; secret?: string; secretStorage?: Exclude<SecretStorage, 'none'> }, ProfileView];
  'profiles:duplicate': [{ id: string; name?: string }, ProfileView];
  'profiles:rename': [{ id: string; name: string }, ProfileView];
  'profiles:delete': [{ id: string }, { deleted: true }];
  /** JSON of the chosen profiles (all when ids is absent), without secrets. */
  'profiles:export': [{ ids?: string[] }, { json: string; count: number }];
  'profiles:import': [{ json: string }, ImportResult];
  'secrets:set': [{ profileId: string; secret: string; storage: Exclude<SecretStorage, 'none'> }, ProfileView];
  'secrets:clear': [{ profileId: string }, ProfileView];
  'connection:test': [{ profileId: string }, ConnectionTestResult];
  /** Live when the server answers; otherwise the last snapshot, marked stale. */
  'schedules:list': [{ profileId: string }, ScheduleList];
  /** orgId is the org the user confirmed; main refuses when it is not the profile's. */
  'schedules:create': [{ profileId: string; orgId: string; timeExpression: string }, Schedule];
  'schedules:delete': [{ profileId: string; orgId: string; jobId: string }, { deleted: true; jobId: string }];
  'audit:list': [{ profileId?: string; limit?: number }, AuditEntry[]];
  /** Creates the demo profiles (two orgs, two environments) against the embedded simulator. */
  'demo:start': [Record<string, never>, ProfileView[]];
}

export type Channel = keyof Contract;
export type RequestOf<C extends Channel> = Contract[C][0];
export type ResponseOf<C extends Channel> = Contract[C][1];

/** What crosses IPC: handlers never throw across the bridge, they answer with this. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** The object preload exposes as window.api, and the browser harness shims. */
export type Api = { [C in Channel]: (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>> };

/** Push events main -> renderer. */
export interface Events {
  'profiles:changed': ProfileView[];
  /** Keychain state, demo simulator state or data problems changed. */
  'app:info-changed': AppInfo;
}
export type EventName = keyof Events;
export type EventListener = <E extends EventName>(event: E, payload: Events[E]) => void;

/** Exposed by the preload as window.appEvents (the harness may shim it); returns an unsubscribe function. */
export interface EventsApi {
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
}

export const EVENT_NAMES = ['profiles:changed', 'app:info-changed'] as const satisfies readonly EventName[];

export const CHANNELS = [
  'app:info',
  'profiles:list',
  'profiles:save',
  'profiles:duplicate',
  'profiles:rename',
  'profiles:delete',
  'profiles:export',
  'profiles:import',
  'secrets:set',
  'secrets:clear',
  'connection:test',
  'schedules:list',
  'schedules:create',
  'schedules:delete',
  'audit:list',
  'demo:start',
] as const satisfies readonly Channel[];

// Compile-time check that CHANNELS lists every channel exactly.
type Missing = Exclude<Channel, (typeof CHANNELS)[number]>;
const _allChannelsListed: Missing extends never ? true : Missing = true;
void _allChannelsListed;
