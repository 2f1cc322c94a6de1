// The simulator's state: orgs, their jobs and their schedulers. latest_execution and the running job are
// derived from the expressions, the simulated clock and each org's scheduler settings (runs.ts), so they
// advance as simulated time passes (and a job's runs stop when it is deactivated).
import { randomUUID } from 'node:crypto';
import { DEFAULT_RUN_MINUTES, type SeedOrg } from './demo-data';
import {
  isRunning,
  lastScheduledRun,
  newOrgScheduler,
  scheduledRunsBetween,
  stableId,
  TRIGGER_EVENT,
  TRIGGER_RUN_NOW,
  type OrgScheduler,
  type SimRun,
} from './runs';

export interface SimJob {
  jobId: string;
  orgId: string;
  timeExpression: string;
  fullBuild: boolean;
  createdBy: string;
  createdAt: Date;
  deactivatedAt: Date | null;
}

export interface SimExecution {
  id: string;
  jobId: string;
  executedAt: Date;
}

const DAY = 86_400_000;
const MINUTE = 60_000;

export class SimStore {
  private readonly orgs = new Map<string, { name: string; jobs: SimJob[]; scheduler: OrgScheduler }>();
  private extraSeq = 0;
  /** Told after each change the saved state keeps (saved-state.ts); nothing by default. */
  private changed: () => void = () => undefined;

  constructor(
    private readonly now: () => Date,
    /** The zone the server's Quartz scheduler fires in; read at each use, so it can change at run time. */
    private readonly timeZone: () => string,
    private readonly defaultRunMs = DEFAULT_RUN_MINUTES * MINUTE,
  ) {}

  seed(orgs: readonly SeedOrg[]): void {
    const start = this.now().getTime();
    for (const org of orgs) {
      this.addOrg(org.orgId, org.name, org.runMinutes === undefined ? undefined : org.runMinutes * MINUTE);
      const entry = this.org(org.orgId);
      if (org.pausedDaysAgo !== undefined) entry.scheduler.pauses.push({ from: start - org.pausedDaysAgo * DAY, to: null });
      if (org.lateMinutes !== undefined) entry.scheduler.lateness.push({ from: -Infinity, ms: org.lateMinutes * MINUTE });
      for (const job of org.jobs) {
        entry.jobs.push({
          jobId: job.jobId,
          orgId: org.orgId,
          timeExpression: job.timeExpression,
          fullBuild: job.fullBuild,
          createdBy: job.createdBy,
          createdAt: new Date(start - job.createdDaysAgo * DAY),
          deactivatedAt: job.deactivatedDaysAgo === undefined ? null : new Date(start - job.deactivatedDaysAgo * DAY),
        });
      }
    }
  }

  /** Called after every change of jobs, orgs or runs (the scheduler settings' callers tell their own). */
  onChange(listener: () => void): void {
    this.changed = listener;
  }

  /** Every org with its jobs and scheduler, as held (for the state file). */
  orgEntries(): { orgId: string; name: string; jobs: readonly SimJob[]; scheduler: OrgScheduler }[] {
    return [...this.orgs].map(([orgId, org]) => ({ orgId, name: org.name, jobs: org.jobs, scheduler: org.scheduler }));
  }

  /** An org as a state file saved it (replaces one of that id). */
  restoreOrg(orgId: string, name: string, jobs: SimJob[], scheduler: OrgScheduler): void {
    this.orgs.set(orgId, { name, jobs, scheduler });
    this.changed();
  }

  runSeq(): number {
    return this.extraSeq;
  }

  setRunSeq(seq: number): void {
    this.extraSeq = seq;
  }

  hasOrg(orgId: string): boolean {
    return this.orgs.has(orgId);
  }

  addOrg(orgId: string, name = orgId, runMs = this.defaultRunMs): void {
    if (this.orgs.has(orgId)) return;
    this.orgs.set(orgId, { name, jobs: [], scheduler: newOrgScheduler(runMs) });
    this.changed();
  }

  orgIds(): string[] {
    return [...this.orgs.keys()];
  }

  orgName(orgId: string): string {
    return this.org(orgId).name;
  }

  /** Jobs of an org; active = true/false filters like the real API, undefined lists all. */
  list(orgId: string, active?: boolean): SimJob[] {
    const jobs = this.org(orgId).jobs;
    return active === undefined ? [...jobs] : jobs.filter((job) => (job.deactivatedAt === null) === active);
  }

  create(orgId: string, timeExpression: string, createdBy: string): SimJob {
    const job: SimJob = { jobId: randomUUID(), orgId, timeExpression, fullBuild: false, createdBy, createdAt: this.now(), deactivatedAt: null };
    this.org(orgId).jobs.push(job);
    this.changed();
    return job;
  }

  /** Deletes the way AtScale does: the job is deactivated and still listed with active=false. */
  deactivate(orgId: string, jobId: string): SimJob | null {
    const job = this.org(orgId).jobs.find((j) => j.jobId === jobId && j.deactivatedAt === null);
    if (!job) return null;
    job.deactivatedAt = this.now();
    this.changed();
    return job;
  }

  scheduler(orgId: string): OrgScheduler {
    return this.org(orgId).scheduler;
  }

  /**
   * The last run of this job at or before now: its own latest scheduled run, or a run-immediately / event
   * run of its org while it was active, whichever started last (AtScale counts those too). Null when none.
   */
  latestExecution(job: SimJob): SimExecution | null {
    const now = this.now().getTime();
    const sched = this.org(job.orgId).scheduler;
    const scheduled = lastScheduledRun(job, sched, now, this.timeZone());
    const end = Math.min(now, job.deactivatedAt?.getTime() ?? Infinity);
    let latest: SimRun | null = scheduled;
    for (const run of sched.extraRuns) {
      const start = run.startTime.getTime();
      if (start > job.createdAt.getTime() && start <= end && (!latest || start > latest.startTime.getTime())) latest = run;
    }
    if (!latest) return null;
    // One execution id per job and run: a history keyed by execution id keeps each job's runs apart.
    const id = latest.jobId === job.jobId ? latest.id : stableId(`${job.jobId}@${latest.id}`);
    return { id, jobId: job.jobId, executedAt: latest.startTime };
  }

  /** The run in progress in the org now (the latest started when several overlap), or null. */
  runningJob(orgId: string): SimRun | null {
    const now = this.now().getTime();
    const org = this.org(orgId);
    const candidates = [...org.scheduler.extraRuns, ...org.jobs.map((job) => lastScheduledRun(job, org.scheduler, now, this.timeZone()))];
    let running: SimRun | null = null;
    for (const run of candidates) {
      if (run && isRunning(run, now) && (!running || run.startTime > running.startTime)) running = run;
    }
    return running;
  }

  /** A run not started by a schedule (run-immediately, or a cube event); starts at `at` (default now). */
  startExtraRun(orgId: string, triggerType: string, at?: Date, durationMs?: number): SimRun {
    const org = this.org(orgId);
    const start = at ?? this.now();
    const run: SimRun = {
      id: stableId(`${orgId}#${++this.extraSeq}@${start.toISOString()}`),
      orgId,
      jobId: null,
      triggerType,
      creationTime: start,
      startTime: start,
      durationMs: durationMs ?? org.scheduler.durationMs,
    };
    org.scheduler.extraRuns.push(run);
    this.changed();
    return run;
  }

  runNow(orgId: string): SimRun {
    return this.startExtraRun(orgId, TRIGGER_RUN_NOW);
  }

  triggerEvent(orgId: string, at?: Date, triggerType = TRIGGER_EVENT, durationMs?: number): SimRun {
    return this.startExtraRun(orgId, triggerType, at, durationMs);
  }

  /** Every run of the org that started in (from, to], oldest first: scheduled, run-now and event runs. */
  runsBetween(orgId: string, from: Date, to: Date, limit = 1000): SimRun[] {
    const org = this.org(orgId);
    const zone = this.timeZone();
    const [a, b] = [from.getTime(), to.getTime()];
    const runs = org.jobs.flatMap((job) => scheduledRunsBetween(job, org.scheduler, a, b, zone, limit));
    for (const run of org.scheduler.extraRuns) if (run.startTime.getTime() > a && run.startTime.getTime() <= b) runs.push(run);
    return runs.sort((x, y) => x.startTime.getTime() - y.startTime.getTime()).slice(0, limit);
  }

  private org(orgId: string): { name: string; jobs: SimJob[]; scheduler: OrgScheduler } {
    const org = this.orgs.get(orgId);
    if (!org) throw new Error(`unknown org ${orgId}`);
    return org;
  }
}
