// Every latest_execution a list has shown, per profile, so each job's run history builds up over time
// (offline included), plus the durations of runs seen to end. One atomic JSON file per profile, validated
// when read; an unreadable file is moved aside (never deleted) and reported, and history starts afresh.
// Every record names the server (serverKeyOf its API URL) and org it was seen on: a profile moved to
// another server or org shows only what was seen there, and finds its former records again when moved back.
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { DataProblem } from '@shared/ipc';
import { createKeyedQueue } from '@core/storage/keyed-queue';
import { moveAside, readJsonFile, removeStaleTempFiles, writeJsonAtomic } from '@core/storage/json-file';

export const HISTORY_DIR = 'history';
const HISTORY_VERSION = 1;
/** Bounds: the newest executions are kept. A daily job keeps over six months; a busy profile 5,000 runs. */
export const MAX_PER_JOB = 200;
export const MAX_PER_PROFILE = 5_000;
export const MAX_RUNS = 500;
/** A known execution still latest is rewritten only when its lastSeenAt moved this much. */
const SEEN_PERSIST_MS = 60 * 60_000;

/** Where a record was seen: the server (serverKeyOf its API URL) and the org on it. */
export interface Connection {
  server: string;
  orgId: string;
}

export interface StoredExecution {
  /** The server's execution id (what deduplicates, within its server and org). */
  id: string;
  jobId: string;
  orgId: string;
  /**
   * serverKeyOf the API URL it was seen on. Absent only in records written before it was kept: those are
   * read as seen on the server the profile pointed at when the core opened (`legacyServerOf`).
   */
  server?: string;
  /** ISO. */
  executedAt: string;
  /** The job's expression and creation when the execution was seen (the job may change or go later). */
  timeExpression: string;
  jobCreatedAt: string;
  /** When a list first showed it (ISO). */
  seenAt: string;
  /**
   * The latest list that still showed it as the job's latest execution (ISO): no run of the job started
   * between it and then, so a fire in between with no answer was missed, not merely unseen.
   */
  lastSeenAt?: string;
}

/** A job a list showed with no latest execution: it had never run by `lastSeenAt`. */
export interface NeverRunJob {
  jobId: string;
  orgId: string;
  /** As StoredExecution.server. */
  server?: string;
  timeExpression: string;
  jobCreatedAt: string;
  firstSeenAt: string;
  lastSeenAt: string;
}

/** One maintenance run of the org, seen running and then seen ended. */
export interface StoredRun {
  orgId: string;
  /** As StoredExecution.server. */
  server?: string;
  triggerType: string | null;
  startedAt: string;
  /** When it was first seen no longer running (within a poll of the real end). */
  endedAt: string;
  durationMs: number;
}

const serverSchema = z.string().min(1).max(300).optional();
const executionSchema = z.object({
  id: z.string().min(1),
  jobId: z.string().min(1),
  orgId: z.string(),
  server: serverSchema,
  executedAt: z.string(),
  timeExpression: z.string(),
  jobCreatedAt: z.string(),
  seenAt: z.string(),
  lastSeenAt: z.string().optional(),
});
const neverRunSchema = z.object({
  jobId: z.string().min(1),
  orgId: z.string(),
  server: serverSchema,
  timeExpression: z.string(),
  jobCreatedAt: z.string(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
});
const runSchema = z.object({
  orgId: z.string(),
  server: serverSchema,
  triggerType: z.string().nullable(),
  startedAt: z.string(),
  endedAt: z.string(),
  durationMs: z.number().nonnegative(),
});
const fileSchema = z.object({
  historyVersion: z.literal(HISTORY_VERSION),
  profileId: z.string(),
  executions: z.array(executionSchema),
  runs: z.array(runSchema),
  neverRun: z.array(neverRunSchema).default([]),
});

export interface ProfileHistory {
  executions: StoredExecution[];
  runs: StoredRun[];
  neverRun: NeverRunJob[];
}

export const emptyHistory = (): ProfileHistory => ({ executions: [], runs: [], neverRun: [] });

/**
 * Whether a record was seen on this server and org. A record without a server (only when no
 * `legacyServerOf` named one at load) is taken as seen on the profile's server, as a paused entry is.
 */
export function seenOn(record: { orgId: string; server?: string | undefined }, at: Connection): boolean {
  return record.orgId === at.orgId && (record.server === undefined || record.server === at.server);
}

/** The records of one server and org, in their order. */
export function ofConnection<T extends { orgId: string; server?: string | undefined }>(records: readonly T[], at: Connection): T[] {
  return records.filter((r) => seenOn(r, at));
}

/** One key per server, org and id: two servers (or orgs) may well use the same ids. (NUL is in none of them.) */
const keyOf = (r: { orgId: string; server?: string | undefined }, id: string): string => `${r.server ?? ''}\u0000${r.orgId}\u0000${id}`;

export interface HistoryStore {
  /** Oldest first. An unreadable file is reported once and reads as empty. */
  load(profileId: string): Promise<ProfileHistory>;
  /**
   * Adds the executions not seen before (by id), each the latest of its job at `seenAt`, and moves the
   * lastSeenAt of known ones forward. Resolves once new ones are on disk. Returns how many were new.
   */
  addExecutions(profileId: string, executions: readonly StoredExecution[]): Promise<number>;
  addRun(profileId: string, run: StoredRun): Promise<void>;
  /** Jobs a list showed with no latest execution (first sighting kept, lastSeenAt moved forward). */
  addNeverRun(profileId: string, jobs: readonly NeverRunJob[]): Promise<void>;
  remove(profileId: string): Promise<void>;
}

export interface HistoryStoreOptions {
  now: () => Date;
  /** Told when a history file could not be read and was moved aside. */
  onProblem: (problem: DataProblem) => void;
  /**
   * The server that records written before records named theirs were seen on (the profile's server when
   * the core opened); undefined leaves them unnamed. Asked once per file, when it is first read.
   */
  legacyServerOf?: (profileId: string) => string | undefined;
  maxPerJob?: number;
  maxPerProfile?: number;
  maxRuns?: number;
}

export function createHistoryStore(dataDir: string, options: HistoryStoreOptions): HistoryStore {
  const dir = join(dataDir, HISTORY_DIR);
  const perJob = options.maxPerJob ?? MAX_PER_JOB;
  const perProfile = options.maxPerProfile ?? MAX_PER_PROFILE;
  const maxRuns = options.maxRuns ?? MAX_RUNS;
  const cache = new Map<string, Promise<ProfileHistory>>();
  const serial = createKeyedQueue();
  /** profile -> execution (keyOf) -> a lastSeenAt newer than the file's (written at most hourly: lists are frequent). */
  const lastSeen = new Map<string, Map<string, string>>();

  // Profile ids are generated by the app; the check keeps a hostile id from naming a path outside dir.
  const fileOf = (id: string): string => {
    if (!/^[A-Za-z0-9_-]{1,128}$/.test(id)) throw new Error(`unsafe profile id for a history file: ${id.slice(0, 40)}`);
    return join(dir, `${id}.json`);
  };

  async function read(profileId: string): Promise<ProfileHistory> {
    const path = fileOf(profileId);
    await removeStaleTempFiles(path);
    const got = await readJsonFile(path);
    if (got.status === 'missing') return emptyHistory();
    let reason: string;
    if (got.status === 'ok') {
      const parsed = fileSchema.safeParse(got.value);
      if (parsed.success && parsed.data.profileId === profileId) {
        const { executions, runs, neverRun } = parsed.data;
        return named({ executions, runs, neverRun }, options.legacyServerOf?.(profileId));
      }
      const issue = parsed.success ? null : parsed.error.issues[0];
      reason = parsed.success
        ? `it belongs to another profile (${parsed.data.profileId.slice(0, 40)})`
        : `invalid content at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'unknown problem'}`;
    } else reason = got.reason;
    const at = options.now();
    const movedTo = await moveAside(path, at);
    options.onProblem({
      file: `${HISTORY_DIR}/${profileId}.json`,
      movedTo: `${HISTORY_DIR}/${movedTo}`,
      reason: `The execution history of a profile could not be read (${reason}). It was kept as ${HISTORY_DIR}/${movedTo}; its history starts again from the next list.`,
      at: at.toISOString(),
    });
    return emptyHistory();
  }

  function load(profileId: string): Promise<ProfileHistory> {
    let loaded = cache.get(profileId);
    if (!loaded) {
      loaded = read(profileId);
      cache.set(profileId, loaded);
      // A failed read (a permissions problem) is tried again next time rather than remembered.
      loaded.catch(() => cache.delete(profileId));
    }
    return loaded;
  }

  /** Changes are serialized per profile and written before they count: memory never runs ahead of disk. */
  function change<T>(profileId: string, apply: (h: ProfileHistory) => { next: ProfileHistory | null; result: T }): Promise<T> {
    return serial(profileId, async () => {
      const current = await load(profileId);
      const { next, result } = apply(current);
      if (next === null) return result;
      await mkdir(dir, { recursive: true, mode: 0o700 });
      await writeJsonAtomic(fileOf(profileId), { historyVersion: HISTORY_VERSION, profileId, ...next });
      cache.set(profileId, Promise.resolve(next));
      return result;
    });
  }

  return {
    async load(profileId) {
      const h = await load(profileId);
      const seen = lastSeen.get(profileId);
      const executions = h.executions.map((e) => {
        const later = seen?.get(keyOf(e, e.id));
        return later !== undefined && later > (e.lastSeenAt ?? e.seenAt) ? { ...e, lastSeenAt: later } : { ...e };
      });
      const neverRun = h.neverRun.map((j) => {
        const later = seen?.get(keyOf(j, `job:${j.jobId}`));
        return later !== undefined && later > j.lastSeenAt ? { ...j, lastSeenAt: later } : { ...j };
      });
      return { executions, runs: [...h.runs], neverRun };
    },

    addExecutions(profileId, executions) {
      return change(profileId, (h) => {
        const known = new Map(h.executions.map((e) => [keyOf(e, e.id), e]));
        const fresh: StoredExecution[] = [];
        let stale = false;
        const seen = lastSeen.get(profileId) ?? new Map<string, string>();
        lastSeen.set(profileId, seen);
        for (const e of executions) {
          const key = keyOf(e, e.id);
          const stored = known.get(key);
          if (stored) {
            // Kept in memory at once; written with the next new execution or once it is an hour newer.
            sawLater(seen, key, e.seenAt);
            if (Date.parse(e.seenAt) - Date.parse(stored.lastSeenAt ?? stored.seenAt) >= SEEN_PERSIST_MS) stale = true;
            continue;
          }
          if (!Number.isFinite(Date.parse(e.executedAt))) continue;
          const added = { ...e, lastSeenAt: e.seenAt };
          known.set(key, added);
          fresh.push(added);
        }
        if (fresh.length === 0 && !stale) return { next: null, result: 0 };
        const updated = h.executions.map((e) => {
          const later = seen.get(keyOf(e, e.id));
          return later !== undefined && later > (e.lastSeenAt ?? e.seenAt) ? { ...e, lastSeenAt: later } : e;
        });
        return { next: { ...h, executions: bound([...updated, ...fresh], perJob, perProfile) }, result: fresh.length };
      });
    },

    addRun(profileId, run) {
      return change(profileId, (h) => {
        if (h.runs.some((r) => keyOf(r, r.startedAt) === keyOf(run, run.startedAt))) return { next: null, result: undefined };
        const runs = [...h.runs, run].sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt)).slice(-maxRuns);
        return { next: { ...h, runs }, result: undefined };
      });
    },

    addNeverRun(profileId, jobs) {
      return change(profileId, (h) => {
        const seen = lastSeen.get(profileId) ?? new Map<string, string>();
        lastSeen.set(profileId, seen);
        const byJob = new Map(h.neverRun.map((j) => [keyOf(j, j.jobId), j]));
        let dirty = false;
        for (const job of jobs) {
          const key = keyOf(job, job.jobId);
          const stored = byJob.get(key);
          if (!stored) {
            byJob.set(key, job);
            dirty = true;
            continue;
          }
          sawLater(seen, keyOf(job, `job:${job.jobId}`), job.lastSeenAt);
          if (Date.parse(job.lastSeenAt) - Date.parse(stored.lastSeenAt) >= SEEN_PERSIST_MS) {
            byJob.set(key, { ...stored, lastSeenAt: job.lastSeenAt });
            dirty = true;
          }
        }
        if (!dirty) return { next: null, result: undefined };
        const neverRun = [...byJob.values()].sort((a, b) => a.lastSeenAt.localeCompare(b.lastSeenAt)).slice(-perProfile);
        return { next: { ...h, neverRun }, result: undefined };
      });
    },

    remove(profileId) {
      return change(profileId, () => ({ next: null, result: undefined })).then(async () => {
        cache.delete(profileId);
        lastSeen.delete(profileId);
        await rm(fileOf(profileId), { force: true });
      });
    },
  };
}

/** Keeps the latest sighting: a list older than one already seen (a snapshot's) never moves it back. */
function sawLater(seen: Map<string, string>, key: string, at: string): void {
  const known = seen.get(key);
  // Stryker disable next-line EqualityOperator: an equal sighting would set the same value
  if (known === undefined || at > known) seen.set(key, at);
}

/** Records read from a file that named no server are named `server` (when known): they were seen there. */
function named(h: ProfileHistory, server: string | undefined): ProfileHistory {
  if (server === undefined) return h;
  const name = <T extends { server?: string }>(r: T): T => (r.server === undefined ? { ...r, server } : r);
  return { executions: h.executions.map(name), runs: h.runs.map(name), neverRun: h.neverRun.map(name) };
}

/** Oldest first, at most `perJob` per job (of a server and org) and `perProfile` in all: the newest are kept. */
function bound(executions: StoredExecution[], perJob: number, perProfile: number): StoredExecution[] {
  const sorted = executions.sort((a, b) => Date.parse(a.executedAt) - Date.parse(b.executedAt));
  const counts = new Map<string, number>();
  const kept: StoredExecution[] = [];
  for (let i = sorted.length - 1; i >= 0 && kept.length < perProfile; i--) {
    const e = sorted[i] as StoredExecution;
    const job = keyOf(e, e.jobId);
    const n = counts.get(job) ?? 0;
    if (n >= perJob) continue;
    counts.set(job, n + 1);
    kept.push(e);
  }
  return kept.reverse();
}
