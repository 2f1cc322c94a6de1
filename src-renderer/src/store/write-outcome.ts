// What a create or delete did, told truly. When main says the answer was lost ("outcome unknown"), the
// list is fetched again and read: a job with the expression that appeared since the list fetched just
// before the create was sent is the created one (never since an older list: a colleague's job made
// meanwhile is not ours); a job gone from a live list was deleted. When the list cannot tell, or there
// is no list from just before the create, the outcome stays unknown.
import type { Schedule } from '@shared/domain';
import type { ProfileSchedules } from './schedule-state';

export type CreateOutcome =
  /** `reconciled`: the answer was lost, but the list shows the job. `warning`: the local record failed. */
  | { outcome: 'created'; schedule: Schedule; warning: string | null; reconciled: boolean }
  /**
   * `listed`: a live list was read after the loss and does not show the job. `noBaseline`: the jobs from
   * just before the create could not be listed, so no list can tell ours from another's. `recheck`
   * lists and reads again.
   */
  | { outcome: 'unknown'; message: string; listed: boolean; noBaseline?: boolean; recheck: () => Promise<CreateOutcome> };

export type DeleteOutcome =
  | { outcome: 'deleted'; jobId: string; warning: string | null; reconciled: boolean }
  /** The server did not find the job, and the list fetched again no longer shows it active: already deleted. */
  | { outcome: 'gone'; jobId: string }
  /** `stillListed`: a live list read after the loss still shows the job. `recheck` lists and reads again. */
  | { outcome: 'unknown'; message: string; stillListed: boolean; recheck: () => Promise<DeleteOutcome> };

function liveList(entry: ProfileSchedules | undefined) {
  return entry?.status === 'live' ? entry.list : null;
}

export function reconcileCreate(
  entry: ProfileSchedules | undefined,
  /** The job ids listed just before the create was sent; null when that list could not be fetched. */
  before: ReadonlySet<string> | null,
  timeExpression: string,
  message: string,
  recheck: () => Promise<CreateOutcome>,
): CreateOutcome {
  if (before === null) return { outcome: 'unknown', message, listed: false, noBaseline: true, recheck };
  const list = liveList(entry);
  if (!list) return { outcome: 'unknown', message, listed: false, recheck };
  const appeared = list.schedules.find((s) => !before.has(s.jobId) && s.active !== false && s.timeExpression.trim() === timeExpression.trim());
  if (appeared) return { outcome: 'created', schedule: appeared, warning: null, reconciled: true };
  return { outcome: 'unknown', message, listed: true, recheck };
}

/** `wasActive`: the job was listed as active before the delete (a deleted job lingers as deactivated). */
export function reconcileDelete(
  entry: ProfileSchedules | undefined,
  jobId: string,
  wasActive: boolean,
  message: string,
  recheck: () => Promise<DeleteOutcome>,
): DeleteOutcome {
  const list = liveList(entry);
  if (!list || !wasActive) return { outcome: 'unknown', message, stillListed: false, recheck };
  const present = list.schedules.some((s) => s.jobId === jobId && s.active !== false);
  if (!present) return { outcome: 'deleted', jobId, warning: null, reconciled: true };
  return { outcome: 'unknown', message, stillListed: true, recheck };
}

/** The confirmation of a create, in words; the lost-answer case says how it was known. */
export function createdText(outcome: Extract<CreateOutcome, { outcome: 'created' }>, profileName: string): string {
  const { jobId, timeExpression } = outcome.schedule;
  if (outcome.reconciled) return `The answer was lost, but the list shows it was created as job ${jobId} (“${timeExpression}” in ${profileName}).`;
  return `Created “${timeExpression}” in ${profileName} as job ${jobId}.`;
}

export function deletedText(outcome: Extract<DeleteOutcome, { outcome: 'deleted' }>, profileName: string): string {
  if (outcome.reconciled) return `The answer was lost, but the list shows job ${outcome.jobId} was deleted from ${profileName}.`;
  return `Deleted job ${outcome.jobId} from ${profileName}.`;
}

export function goneText(outcome: Extract<DeleteOutcome, { outcome: 'gone' }>, profileName: string): string {
  return `Job ${outcome.jobId} was already gone from ${profileName} (deleted elsewhere, or through another profile of this org); the list is refreshed.`;
}

/** A warning beside a success: the server did it, but the app's own record of it failed. */
export function localRecordWarning(warning: string): string {
  return `The change was made on the server, but the app’s local record of it failed: ${warning}`;
}
