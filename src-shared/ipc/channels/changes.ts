// Changes made of several writes: lint, edit, reactivate, copy, bulk delete, pause/resume, and schedules
// as code (export, plan, apply). Every write carries the org the user confirmed; main refuses a mismatch
// before anything is sent.
import { z } from 'zod';
import type { LintIssue } from '../../cron';
import type { AppError, ChangeKind, Schedule } from '../../domain';
import { channel } from '../define';
import { id } from '../schemas';

const orgId = z.string().min(1).max(200);
const jobId = z.string().min(1).max(128);
const expression = z.string().min(1).max(500);
const label = z.string().max(200);
/** Runs closer together than the linter's minimum are refused unless this is set (never silently). */
const allowTooFrequent = z.boolean().optional();

/** The schedules-as-code document: nothing that ties it to one server, no secrets. */
export const SCHEDULES_DOCUMENT_FORMAT = 'atscale-maintenance-schedules';
export const SCHEDULES_DOCUMENT_VERSION = 1;
export const MAX_DOCUMENT_SCHEDULES = 2_000;
export const scheduleDocumentSchema = z
  .object({
    format: z.literal(SCHEDULES_DOCUMENT_FORMAT),
    version: z.literal(SCHEDULES_DOCUMENT_VERSION),
    schedules: z
      .array(
        z
          .object({
            expression: z.string().trim().min(1).max(500),
            label: label.optional(),
            /** Kept in this app's paused store, not on the server: apply does not create it. */
            paused: z.literal(true).optional(),
          })
          .strict(),
      )
      .max(MAX_DOCUMENT_SCHEDULES),
  })
  .strict();
export type SchedulesDocument = z.output<typeof scheduleDocumentSchema>;
export type DocumentSchedule = SchedulesDocument['schedules'][number];

/** What a plan compares with the target: a document (its JSON text) or another profile's schedules. */
const planSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('document'), json: z.string().min(1).max(1_000_000) }).strict(),
  z.object({ kind: z.literal('profile'), profileId: id }).strict(),
]);
export type PlanSource = z.input<typeof planSource>;

/** The linter's verdict on one expression (src-shared/cron lintExpression, duplicates in the org included). */
export type ExpressionVerdict = LintIssue;

export interface LintedExpression {
  expression: string;
  verdicts: ExpressionVerdict[];
  /** True when an error verdict (other than an allowed too-frequent) refuses the write. */
  blocked: boolean;
}

/**
 * One write of a change. 'unknown': the request was sent and its answer lost, so the server may have
 * done it (refresh to see); 'not-run': an earlier step stopped the change before this one was sent.
 */
export interface ChangeStep {
  action: 'create' | 'delete';
  profileId: string;
  jobId: string | null;
  timeExpression: string | null;
  outcome: 'ok' | 'failed' | 'unknown' | 'not-run';
  error: AppError | null;
  /** With 'ok': the server did it, but a local record of it (audit line, saved list) could not be written. */
  warning?: string;
}

export type { ChangeKind };

/** A delete to send again, e.g. the old schedule of an edit whose delete failed. */
export interface RetryDelete {
  channel: 'changes:retry-delete';
  request: { profileId: string; orgId: string; jobId: string; changeId: string };
}

export type EditResult =
  | { status: 'done'; changeId: string; created: Schedule; deletedJobId: string; steps: ChangeStep[]; message: string }
  /** The new schedule exists and the old one could not be deleted: both fire until the retry succeeds. */
  | { status: 'both-exist'; changeId: string; created: Schedule; oldJobId: string; steps: ChangeStep[]; message: string; retry: RetryDelete }
  /** The create failed (or its outcome is unknown): the old schedule was not touched. */
  | { status: 'not-changed'; changeId: string; steps: ChangeStep[]; message: string };

export interface ReactivateResult {
  changeId: string;
  created: Schedule;
  /** The deactivated entry stays in the server's list (AtScale keeps it as history); it is not touched. */
  previousJobId: string;
  message: string;
  /** The server did it, but a local record of it could not be written (also said in `message`). */
  warning?: string;
}

/** Another schedule of the target org that would start a run at the same instant (within 30 days). */
export interface PlannedCollision {
  jobId: string;
  expression: string;
  /** The first shared fire time (ISO). */
  firstAt: string;
}

/** A desired schedule in a plan: where it came from (document label), the linter's verdicts, collisions. */
export interface PlannedCreate {
  expression: string;
  label?: string;
  verdicts: ExpressionVerdict[];
  blocked: boolean;
  collisions: PlannedCollision[];
}
export interface PlannedDelete {
  jobId: string;
  expression: string;
}
export interface PlannedUnchanged {
  expression: string;
  label?: string;
  /** The target's schedule that fires at the same instants (its text may differ). */
  jobId: string;
  targetExpression: string;
}

export interface SchedulePlan {
  /** Identifies exactly this plan (target list fingerprint + every step); apply carries it back. */
  planId: string;
  /** Fingerprint of the target's active schedules when planned. */
  fingerprint: string;
  targetProfileId: string;
  targetName: string;
  targetOrgId: string;
  production: boolean;
  serverTimeZone: string;
  /** 'snapshot': the target could not be reached; the plan is shown but cannot be applied. */
  targetSource: 'live' | 'snapshot';
  /** With a 'snapshot' target: when its saved list was fetched and why the server was not asked. */
  targetSaved?: SavedList;
  /**
   * For a profile: its server zone (the same expression fires at other instants in another zone) and
   * whether its schedules came from its last saved list because it could not be reached.
   */
  source:
    { kind: 'document' } | { kind: 'profile'; profileId: string; name: string; serverTimeZone: string; listSource: 'live' | 'snapshot'; saved?: SavedList };
  create: PlannedCreate[];
  /** Only in a plan (copies never delete). */
  delete: PlannedDelete[];
  unchanged: PlannedUnchanged[];
  /** Document entries marked paused: kept in the paused store, not created. */
  paused: { expression: string; label?: string }[];
  hasChanges: boolean;
  /** True when a create is refused by the linter: apply would refuse the whole plan. */
  blocked: boolean;
}

export type ApplyResult =
  | { status: 'changed'; message: string; plan: SchedulePlan }
  | { status: 'done' | 'stopped' | 'nothing-to-do'; changeId: string; steps: ChangeStep[]; message: string };

export interface CopyTargetPreview {
  profileId: string;
  name: string;
  orgId: string;
  production: boolean;
  plan: SchedulePlan;
}

export type CopyTargetResult =
  | { profileId: string; name: string; status: 'done' | 'stopped' | 'nothing-to-do'; steps: ChangeStep[]; message: string }
  | { profileId: string; name: string; status: 'refused'; steps: ChangeStep[]; error: AppError };

export interface CopyResult {
  changeId: string;
  targets: CopyTargetResult[];
}

export interface BulkDeleteResult {
  changeId: string;
  steps: ChangeStep[];
  deleted: number;
  failed: number;
}

/** What a pause does, said before it is confirmed and with every pause: on the server, and what it does not stop. */
export const PAUSE_EFFECT =
  'On the server the job is deleted (AtScale has no per-job pause); this app keeps the schedule and creates it again on resume. Event-triggered maintenance still runs.';

export interface PausedSchedule {
  /** Local id of the paused entry (the server job is gone). */
  id: string;
  profileId: string;
  orgId: string;
  /** The server it was paused on (serverKeyOf its API URL); absent in entries saved before it was kept. */
  server?: string;
  /** The job that was deleted on the server when it was paused. */
  jobId: string;
  timeExpression: string;
  label?: string;
  serverTimeZone: string;
  pausedAt: string;
  /** 'pausing': saved, server delete not confirmed (its answer was lost); resume checks the server first. */
  state: 'pausing' | 'paused';
}

export interface PausedList {
  paused: PausedSchedule[];
  /** Set when the paused store was unreadable: it was kept aside and the list starts empty. */
  problem: string | null;
}

/** `warning`: the server did it, but a local record (paused list, audit line) could not be written (also said in `message`). */
export type PauseResult =
  | { status: 'paused'; changeId: string; paused: PausedSchedule; message: string; warning?: string }
  | { status: 'unknown'; changeId: string; paused: PausedSchedule; message: string };

export type ResumeResult =
  | { status: 'resumed'; changeId: string; created: Schedule; message: string; warning?: string }
  /** The server already had the same schedule (an earlier resume whose answer was lost): nothing sent. */
  | { status: 'already-active'; changeId: string; jobId: string; message: string; warning?: string };

export interface ExportResult {
  document: SchedulesDocument;
  /** The document as pretty JSON text, ready to save. */
  json: string;
  source: 'live' | 'snapshot';
  /** With source 'snapshot': when the saved list was fetched and why the server was not asked. */
  saved?: SavedList;
}

/** A profile's list taken from its last saved copy: when that copy was fetched (ISO) and why the server was not asked. */
export interface SavedList {
  fetchedAt: string;
  reason: string;
}

export const changeChannels = {
  /** The linter's verdicts for expressions in a profile's server zone, duplicates of its active schedules included. */
  'changes:lint': channel(
    z.object({ profileId: id, expressions: z.array(expression).min(1).max(500), ignoreJobId: jobId.optional(), allowTooFrequent }).strict(),
  ).returns<LintedExpression[]>(),
  /** Create the new expression, then delete the old job: one confirmation, one audited change. */
  'changes:edit': channel(z.object({ profileId: id, orgId, jobId, timeExpression: expression, allowTooFrequent }).strict()).returns<EditResult>(),
  /** Sends a delete again as a step of an earlier change (an edit whose delete failed). */
  'changes:retry-delete': channel(z.object({ profileId: id, orgId, jobId, changeId: z.string().min(1).max(64) }).strict()).returns<ChangeStep>(),
  'changes:reactivate': channel(z.object({ profileId: id, orgId, jobId, allowTooFrequent }).strict()).returns<ReactivateResult>(),
  /** Per target: what a copy would create, what already exists there (same schedule) and the verdicts. */
  'changes:copy-preview': channel(
    z.object({ sourceProfileId: id, jobIds: z.array(jobId).min(1).max(500), targetProfileIds: z.array(id).min(1).max(100) }).strict(),
  ).returns<CopyTargetPreview[]>(),
  /** Each target carries the org confirmed for it; a target whose org does not match is refused on its own. */
  'changes:copy': channel(
    z
      .object({
        sourceProfileId: id,
        jobIds: z.array(jobId).min(1).max(500),
        targets: z
          .array(z.object({ profileId: id, orgId }).strict())
          .min(1)
          .max(100),
        allowTooFrequent,
      })
      .strict(),
  ).returns<CopyResult>(),
  'changes:bulk-delete': channel(z.object({ profileId: id, orgId, jobIds: z.array(jobId).min(1).max(1_000) }).strict()).returns<BulkDeleteResult>(),
  /** Saves the schedule in the local paused store, then deletes it on the server. */
  'changes:pause': channel(z.object({ profileId: id, orgId, jobId, label: label.optional() }).strict()).returns<PauseResult>(),
  /** Creates the paused schedule again; it leaves the paused store only once the server accepted. */
  'changes:resume': channel(z.object({ profileId: id, orgId, pausedId: id, allowTooFrequent }).strict()).returns<ResumeResult>(),
  'changes:paused-list': channel(z.object({ profileId: id.optional() }).strict()).returns<PausedList>(),
  'changes:export': channel(z.object({ profileId: id }).strict()).returns<ExportResult>(),
  'changes:plan': channel(z.object({ source: planSource, targetProfileId: id }).strict()).returns<SchedulePlan>(),
  /** Carries out exactly the plan with this planId; re-plans and writes nothing when the target changed. */
  'changes:apply': channel(
    z.object({ source: planSource, targetProfileId: id, planId: z.string().min(1).max(128), orgId, allowTooFrequent }).strict(),
  ).returns<ApplyResult>(),
};
