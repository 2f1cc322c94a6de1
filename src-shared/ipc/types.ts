// Shapes that cross IPC besides the domain types: app state, connection tests, imports, results.
import type { AppError, ProfileView, ScheduleList } from '../domain';

export interface AppInfo {
  version: string;
  /** True when the embedded simulator runs for demo profiles. */
  demoRunning: boolean;
  keychain: 'available' | 'unavailable';
  /** Why the keychain is unavailable, in words (null when available). */
  keychainProblem: string | null;
  /** The name the app's entries carry in the OS keychain (the user may need to find one there). */
  keychainService: string;
  platform: string;
  /** Data files found unreadable at start: moved aside (never deleted) so nothing is lost. */
  dataProblems: DataProblem[];
  /** True when a demo simulator can be started (demo:start is usable). */
  demoAvailable: boolean;
}

/** A data file that could not be read (kept aside under `movedTo`) or written; `reason` is a sentence. */
export interface DataProblem {
  /** File name inside the data folder, e.g. 'profiles.json'. */
  file: string;
  /** Where an unreadable file was moved, e.g. 'profiles.corrupt-2026-11-28T03-00-00-000Z.json'; null when nothing was moved. */
  movedTo: string | null;
  reason: string;
  at: string;
}

/**
 * Where a connection test stopped: dns (host name unknown), connect (refused / unreachable), tls
 * (certificate), sign-in (credentials), org (org not found or no access), list (server error or bad answer).
 */
export type ConnectionStep = 'dns' | 'connect' | 'tls' | 'sign-in' | 'org' | 'list';
export type ConnectionTestResult = { ok: true; scheduleCount: number; elapsedMs: number } | { ok: false; step: ConnectionStep; error: AppError };

export interface ImportResult {
  imported: ProfileView[];
  skipped: { name: string; reason: string }[];
}

/** What crosses IPC: handlers never throw across the bridge, they answer with this. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** One profile's outcome in a refresh of many, in the order the ids were asked for. */
export type RefreshEntry = { profileId: string; ok: true; value: ScheduleList } | { profileId: string; ok: false; error: AppError };

/**
 * Pushed while a refresh of many profiles runs: each profile's outcome as soon as it is known. Refreshes
 * may overlap: `refreshId` (the caller's own, or one the core made) tells whose event it is, and `done`
 * counts that refresh's profiles only.
 */
export interface RefreshProgress {
  refreshId: string;
  done: number;
  total: number;
  entry: RefreshEntry;
}
