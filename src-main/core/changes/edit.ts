// Changing a schedule's time: the new expression is created first, then the old job deleted, so there is
// never a gap with no schedule. When the delete fails both exist, and the answer says which delete to
// send again. Reactivating a deactivated schedule creates its expression again.
import type { Schedule } from '@shared/domain';
import type { ChangeStep, EditResult, ReactivateResult } from '@shared/ipc/channels/changes';
import { AppFailure } from '@core/errors';
import type { ChangeDeps } from './deps';
import { inChange } from './change-context';
import { activeOf, confirmedProfile, liveList } from './guard';
import { createStep, deleteStep, failureOf, notRun, withWarnings } from './steps';
import { assertWritable, fireTheSame, lintFor } from './verdicts';

export interface EditRequest {
  profileId: string;
  orgId: string;
  jobId: string;
  timeExpression: string;
  allowTooFrequent?: boolean;
}

function findJob(schedules: readonly Schedule[], jobId: string, profileName: string): Schedule {
  const job = schedules.find((s) => s.jobId === jobId);
  if (!job) throw new AppFailure('not-found', `"${profileName}" has no schedule with job ID ${jobId}; it may have been deleted meanwhile. Refresh the list.`);
  return job;
}

export async function editSchedule(d: ChangeDeps, r: EditRequest): Promise<EditResult> {
  const profile = confirmedProfile(d.profiles, r.profileId, r.orgId, 'change');
  const list = await liveList(d.schedules, profile, 'change');
  const old = findJob(list.schedules, r.jobId, profile.name);
  if (old.active === false) throw new AppFailure('invalid-input', `Job ${r.jobId} is deactivated, so there is nothing to change; reactivate it instead.`);
  if (fireTheSame(r.timeExpression, old.timeExpression, profile.serverTimeZone)) {
    throw new AppFailure('invalid-input', `"${r.timeExpression}" fires at the same times as the current "${old.timeExpression}"; nothing was changed.`);
  }
  // Stryker disable next-line MethodExpression,ConditionalExpression: keeping the job being changed changes nothing: it duplicates only a time that fires as it does, refused above
  const others = activeOf(list).filter((s) => s.jobId !== r.jobId);
  assertWritable(
    lintFor(r.timeExpression, { timeZone: profile.serverTimeZone, now: d.now(), existing: others, allowTooFrequent: r.allowTooFrequent ?? false }),
  );

  return inChange('edit', async (changeId): Promise<EditResult> => {
    const { step: create, created } = await createStep(d, profile, r.orgId, r.timeExpression);
    if (!created) {
      const steps = [create, notRun('delete', profile.id, old.jobId, old.timeExpression)];
      const message =
        create.outcome === 'unknown'
          ? `The new schedule may have been created (its answer was lost: ${failureOf(create).message}). The old one (job ${old.jobId}) was not touched. Refresh the list, then delete whichever you do not want.`
          : `The new schedule could not be created (${failureOf(create).message}). The old one (job ${old.jobId}) was not touched.`;
      return { status: 'not-changed', changeId, steps, message };
    }
    const del = await deleteStep(d, profile, r.orgId, old.jobId, old.timeExpression);
    const steps: ChangeStep[] = [create, del];
    if (del.outcome === 'ok') {
      return {
        status: 'done',
        changeId,
        created,
        deletedJobId: old.jobId,
        steps,
        message: withWarnings(`Changed: job ${created.jobId} runs "${r.timeExpression}"; the old job ${old.jobId} was deleted.`, steps),
      };
    }
    const why =
      del.outcome === 'unknown'
        ? `its answer was lost, so it may or may not have been deleted (${failureOf(del).message})`
        : `it failed (${failureOf(del).message})`;
    return {
      status: 'both-exist',
      changeId,
      created,
      oldJobId: old.jobId,
      steps,
      message: withWarnings(
        `The new schedule (job ${created.jobId}) was created, but the delete of the old one (job ${old.jobId}) did not complete: ${why}. Until the old one is deleted, both run. Retry the delete.`,
        steps,
      ),
      retry: { channel: 'changes:retry-delete', request: { profileId: profile.id, orgId: r.orgId, jobId: old.jobId, changeId } },
    };
  });
}

/** The delete of an earlier change sent again, audited under that change's id. */
export async function retryDelete(d: ChangeDeps, r: { profileId: string; orgId: string; jobId: string; changeId: string }): Promise<ChangeStep> {
  const profile = confirmedProfile(d.profiles, r.profileId, r.orgId, 'delete');
  return inChange(
    'edit',
    async () => {
      const step = await deleteStep(d, profile, r.orgId, r.jobId, null);
      if (step.outcome !== 'failed' || step.error?.kind !== 'not-found') return step;
      // The earlier delete whose answer was lost may have done it: gone from the live list is done.
      const list = await d.schedules.list(profile.id).catch(() => null);
      const gone = list?.source === 'live' && !list.schedules.some((s) => s.jobId === r.jobId && s.active !== false);
      return gone ? { ...step, outcome: 'ok', error: null } : step;
    },
    r.changeId,
  );
}

export async function reactivateSchedule(
  d: ChangeDeps,
  r: { profileId: string; orgId: string; jobId: string; allowTooFrequent?: boolean },
): Promise<ReactivateResult> {
  const profile = confirmedProfile(d.profiles, r.profileId, r.orgId, 'reactivation');
  const list = await liveList(d.schedules, profile, 'reactivation');
  const old = findJob(list.schedules, r.jobId, profile.name);
  if (old.active !== false) throw new AppFailure('invalid-input', `Job ${r.jobId} is active already; nothing was sent.`);
  assertWritable(
    lintFor(old.timeExpression, { timeZone: profile.serverTimeZone, now: d.now(), existing: activeOf(list), allowTooFrequent: r.allowTooFrequent ?? false }),
  );
  return inChange('reactivate', async (changeId) => {
    const created = await d.schedules.create(profile.id, r.orgId, old.timeExpression);
    const message = `Reactivated as a new job ${created.jobId} running "${old.timeExpression}". The deactivated job ${old.jobId} stays in the server's list as deactivated: AtScale keeps deleted jobs as history and has no call to re-enable or remove them.`;
    return {
      changeId,
      created,
      previousJobId: old.jobId,
      message: created.warning ? `${message} Warning: ${created.warning}` : message,
      ...(created.warning ? { warning: created.warning } : {}),
    };
  });
}
