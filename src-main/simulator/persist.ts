// The simulator's optional state file (SimulatorOptions.stateFile): what the users' actions changed (jobs
// created and deactivated, runs started, scheduler settings) and the port it listened on, so a restart
// finds the same server at the same address. Written atomically after each change; a file that cannot be
// read is moved aside (never deleted, never overwritten) and the simulator starts from its seed.
import { mkdir, readFile, rename, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import type { OrgScheduler, SimRun } from './runs';
import type { SimJob, SimStore } from './store';
import type { SimStateProblem } from './types';

export const SIM_STATE_VERSION = 1;
/** Far above any state a simulator writes; a larger file is not read into memory. */
const MAX_STATE_BYTES = 64 * 1024 * 1024;

const iso = z.string().refine((text) => !Number.isNaN(Date.parse(text)), { message: 'not a time' });
const positive = z.number().positive().finite();

const jobSchema = z
  .object({
    jobId: z.string().min(1),
    timeExpression: z.string().min(1),
    fullBuild: z.boolean(),
    createdBy: z.string(),
    createdAt: iso,
    deactivatedAt: iso.nullable(),
  })
  .strict();

const runSchema = z.object({ id: z.string().min(1), triggerType: z.string().min(1), creationTime: iso, startTime: iso, durationMs: positive }).strict();

const orgSchema = z
  .object({
    orgId: z.string().min(1),
    name: z.string(),
    durationMs: positive,
    pauses: z.array(z.object({ from: iso, to: iso.nullable() }).strict()),
    /** `from` null: since always (a seed org's lateness). */
    lateness: z.array(z.object({ from: iso.nullable(), ms: z.number().min(0).finite() }).strict()),
    jobs: z.array(jobSchema),
    /** Runs not started by a schedule (run-immediately, events), oldest first. */
    runs: z.array(runSchema),
  })
  .strict()
  .superRefine((org, ctx) => {
    const ids = new Set<string>();
    for (const job of org.jobs) {
      if (ids.has(job.jobId)) ctx.addIssue({ code: 'custom', message: `job ${job.jobId} is listed twice in org ${org.orgId}` });
      ids.add(job.jobId);
    }
  });

const stateSchema = z
  .object({
    version: z.literal(SIM_STATE_VERSION),
    /** The port it listened on last; null when it never listened. */
    port: z.number().int().min(1).max(65535).nullable(),
    /** Sequence of the runs not started by a schedule (part of their ids). */
    runSeq: z.number().int().min(0),
    orgs: z.array(orgSchema),
  })
  .strict()
  .superRefine((state, ctx) => {
    const ids = new Set<string>();
    for (const org of state.orgs) {
      if (ids.has(org.orgId)) ctx.addIssue({ code: 'custom', message: `org ${org.orgId} is listed twice` });
      ids.add(org.orgId);
    }
  });

export type SimStateFile = z.infer<typeof stateSchema>;

export interface StateLoad {
  /** The saved state, or null: no file, or one that could not be read (then `problem` says why). */
  state: SimStateFile | null;
  problem: (SimStateProblem & { kind: 'unreadable' }) | null;
}

/** Reads and checks the state file; an unreadable one is moved aside as `<name>.corrupt-<time>.json`. */
export async function loadState(path: string, at: Date): Promise<StateLoad> {
  const reason = await readState(path);
  if (typeof reason !== 'string') return { state: reason.state, problem: null };
  const movedTo = await moveAside(path, at).catch(() => null);
  return { state: null, problem: { kind: 'unreadable', reason, movedTo } };
}

async function readState(path: string): Promise<{ state: SimStateFile | null } | string> {
  let text: string;
  try {
    const { size } = await stat(path);
    if (size > MAX_STATE_BYTES) return `the file is ${Math.round(size / 1024 / 1024)} MB, far larger than the simulator ever writes`;
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { state: null };
    return `the file cannot be opened: ${code ?? (error instanceof Error ? error.message : String(error))}`;
  }
  if (text.trim() === '') return 'the file is empty';
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return `not valid JSON (${error instanceof Error ? error.message : String(error)})`;
  }
  const parsed = stateSchema.safeParse(value);
  if (parsed.success) return { state: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  return `unexpected content${where}: ${issue?.message ?? 'not a simulator state file'}`;
}

/** 'demo-simulator.json' -> 'demo-simulator.corrupt-2026-11-28T03-00-00-000Z.json' next to it; returns the new name. */
async function moveAside(path: string, at: Date): Promise<string> {
  const name = basename(path);
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  let target = join(dirname(path), `${stem}.corrupt-${stamp}${ext}`);
  for (let n = 2; await exists(target); n += 1) target = join(dirname(path), `${stem}.corrupt-${stamp}-${n}${ext}`);
  await rename(path, target);
  return basename(target);
}

function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** The store (and the port) as the state file holds them. */
export function stateOf(store: SimStore, port: number | null): SimStateFile {
  return {
    version: SIM_STATE_VERSION,
    port,
    runSeq: store.runSeq(),
    orgs: store.orgEntries().map(({ orgId, name, jobs, scheduler }) => ({
      orgId,
      name,
      durationMs: scheduler.durationMs,
      pauses: scheduler.pauses.map((p) => ({ from: new Date(p.from).toISOString(), to: p.to === null ? null : new Date(p.to).toISOString() })),
      lateness: scheduler.lateness.map((r) => ({ from: Number.isFinite(r.from) ? new Date(r.from).toISOString() : null, ms: r.ms })),
      jobs: jobs.map((job) => ({
        jobId: job.jobId,
        timeExpression: job.timeExpression,
        fullBuild: job.fullBuild,
        createdBy: job.createdBy,
        createdAt: job.createdAt.toISOString(),
        deactivatedAt: job.deactivatedAt?.toISOString() ?? null,
      })),
      runs: scheduler.extraRuns.map((run) => ({
        id: run.id,
        triggerType: run.triggerType,
        creationTime: run.creationTime.toISOString(),
        startTime: run.startTime.toISOString(),
        durationMs: run.durationMs,
      })),
    })),
  };
}

/** Puts the saved orgs into an empty store. */
export function restoreState(store: SimStore, state: SimStateFile): void {
  for (const org of state.orgs) {
    const jobs: SimJob[] = org.jobs.map((job) => ({
      jobId: job.jobId,
      orgId: org.orgId,
      timeExpression: job.timeExpression,
      fullBuild: job.fullBuild,
      createdBy: job.createdBy,
      createdAt: new Date(job.createdAt),
      deactivatedAt: job.deactivatedAt === null ? null : new Date(job.deactivatedAt),
    }));
    const extraRuns: SimRun[] = org.runs.map((run) => ({
      id: run.id,
      orgId: org.orgId,
      jobId: null,
      triggerType: run.triggerType,
      creationTime: new Date(run.creationTime),
      startTime: new Date(run.startTime),
      durationMs: run.durationMs,
    }));
    const scheduler: OrgScheduler = {
      durationMs: org.durationMs,
      pauses: org.pauses.map((p) => ({ from: Date.parse(p.from), to: p.to === null ? null : Date.parse(p.to) })),
      lateness: org.lateness.map((r) => ({ from: r.from === null ? -Infinity : Date.parse(r.from), ms: r.ms })).sort((a, b) => a.from - b.from),
      extraRuns,
    };
    store.restoreOrg(org.orgId, org.name, jobs, scheduler);
  }
  store.setRunSeq(state.runSeq);
}

export interface StateWriter {
  /** Something changed: the file is written again soon (after the current synchronous work). */
  changed(): void;
  /** Resolves when every change so far is on disk (or its write failed and was reported). */
  flush(): Promise<void>;
  /** Writes what is pending, then writes no more. */
  close(): Promise<void>;
}

/**
 * Writes `current()` to `path` atomically (temp file, fsync, rename: a crash leaves the old or the new
 * file), one write at a time; changes made while a write is under way are written right after it.
 */
export function createStateWriter(path: string, current: () => SimStateFile, onProblem: (problem: SimStateProblem) => void): StateWriter {
  let dirty = false;
  let closed = false;
  let running: Promise<void> | null = null;

  const loop = async (): Promise<void> => {
    await Promise.resolve(); // let the change that asked finish first (a seed adds an org, then its jobs)
    await mkdir(dirname(path), { recursive: true }).catch(() => undefined);
    while (dirty) {
      dirty = false;
      try {
        // Stryker disable next-line BooleanLiteral: what fsync saves shows only after a power cut
        await writeFileAtomic(path, `${JSON.stringify(current(), null, 2)}\n`, { mode: 0o600, fsync: true });
      } catch (error) {
        onProblem({ kind: 'unwritable', reason: error instanceof Error ? error.message : String(error) });
      }
    }
  };

  const start = (): void => {
    running = loop().finally(() => {
      running = null;
      // A change that came after the loop's last check but before it ended.
      if (dirty && !closed) start();
    });
  };
  const flush = async (): Promise<void> => {
    while (running) await running;
  };

  return {
    changed() {
      if (closed) return;
      dirty = true;
      if (!running) start();
    },
    flush,
    async close() {
      await flush();
      closed = true;
    },
  };
}
