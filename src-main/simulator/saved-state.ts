// The simulator's saved state (SimulatorOptions.state): what the users' actions changed (jobs created and
// deactivated, runs started, scheduler settings) and the port it listened on, so a restart finds the same
// server at the same address. Its shape and checks live here; where it is kept (a file, how it is written
// and moved aside) belongs to whoever embeds the simulator (the demo: core profiles/demo-simulator.ts).
import { z } from 'zod';
import type { OrgScheduler, SimRun } from './runs';
import type { SimJob, SimStore } from './store';
import type { SimStateProblem } from './types';

export const SIM_STATE_VERSION = 1;

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

export type SimState = z.infer<typeof stateSchema>;

/** Checks a saved state read back (JSON already parsed): the state, or why it is not one, in words. */
export function parseSimState(value: unknown): SimState | string {
  const parsed = stateSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  return `unexpected content${where}: ${issue?.message ?? 'not a simulator state file'}`;
}

/** The store (and the port) as a saved state. */
export function stateOf(store: SimStore, port: number | null): SimState {
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
export function restoreState(store: SimStore, state: SimState): void {
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
  /** Something changed: the state is saved again soon (after the current synchronous work). */
  changed(): void;
  /** Resolves when every change so far is saved (or its save failed and was reported). */
  flush(): Promise<void>;
  /** Saves what is pending, then saves no more. */
  close(): Promise<void>;
}

/**
 * Hands `current()` to `save`, one save at a time; changes made while a save is under way are saved
 * right after it, as one (the latest state), so a burst of changes costs one or two saves.
 */
export function createStateWriter(
  save: (state: SimState) => Promise<void>,
  current: () => SimState,
  onProblem: (problem: SimStateProblem) => void,
): StateWriter {
  let dirty = false;
  let closed = false;
  let running: Promise<void> | null = null;

  const loop = async (): Promise<void> => {
    await Promise.resolve(); // let the change that asked finish first (a seed adds an org, then its jobs)
    while (dirty) {
      dirty = false;
      try {
        await save(current());
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
