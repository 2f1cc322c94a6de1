// Pause and resume: the app's own operation (AtScale has no per-job pause; its org-wide setting still lets
// event-triggered maintenance run). Pause saves the schedule in the local paused store FIRST, then deletes
// the job on the server; resume creates it again and drops the entry only once the server accepted.
import { randomUUID } from 'node:crypto';
import { PAUSE_EFFECT, type PausedList, type PausedSchedule, type PauseResult, type ResumeResult } from '@shared/ipc/channels/changes';
import { serverKeyOf } from '@shared/profile-urls';
import { AppFailure } from '@core/errors';
import type { ChangeDeps } from './deps';
import { inChange } from './change-context';
import { activeOf, confirmedProfile, liveList } from './guard';
import { createStep, deleteStep, failureOf } from './steps';
import { assertWritable, fireTheSame, lintFor } from './verdicts';

export function listPaused(d: ChangeDeps, profileId?: string): PausedList {
  return { paused: d.paused.list(profileId), problem: d.paused.problem() };
}

export async function pauseSchedule(d: ChangeDeps, r: { profileId: string; orgId: string; jobId: string; label?: string }): Promise<PauseResult> {
  const profile = confirmedProfile(d.profiles, r.profileId, r.orgId, 'pause');
  const list = await liveList(d.schedules, profile, 'pause');
  const job = activeOf(list).find((s) => s.jobId === r.jobId);
  if (!job) throw new AppFailure('not-found', `"${profile.name}" has no active schedule with job ID ${r.jobId}; nothing was paused. Refresh the list.`);
  const entry: PausedSchedule = {
    id: randomUUID(),
    profileId: profile.id,
    orgId: profile.orgId,
    server: serverKeyOf(profile.apiUrl),
    jobId: job.jobId,
    timeExpression: job.timeExpression,
    ...(r.label ? { label: r.label } : {}),
    serverTimeZone: profile.serverTimeZone,
    pausedAt: d.now().toISOString(),
    state: 'pausing',
  };
  // Durable before the server delete: if this write fails nothing is sent.
  await d.paused.put(entry);
  return inChange('pause', async (changeId): Promise<PauseResult> => {
    const step = await deleteStep(d, profile, r.orgId, job.jobId, job.timeExpression);
    if (step.outcome === 'ok') {
      const paused: PausedSchedule = { ...entry, state: 'paused' };
      // The server's delete is the answer: a paused list that cannot be updated stays at 'pausing' (resume still works).
      const listWarning = await d.paused.put(paused).then(
        () => null,
        () =>
          `Deleted on the server, but the local paused list could not be updated (check the data folder is writable and the disk is not full); it keeps the schedule as pausing, and resume still creates it again.`,
      );
      const warning = joined(step.warning, listWarning);
      return {
        status: 'paused',
        changeId,
        paused: listWarning ? entry : paused,
        message: `Paused "${job.timeExpression}". ${PAUSE_EFFECT}${warning ? ` ${warning}` : ''}`,
        ...(warning ? { warning } : {}),
      };
    }
    if (step.outcome === 'unknown') {
      return {
        status: 'unknown',
        changeId,
        paused: entry,
        message: `The delete was sent but its answer was lost (${failureOf(step).message}); the job may still run. The schedule is kept as paused; resume checks the server before creating it again.`,
      };
    }
    await d.paused.remove(entry.id);
    throw new AppFailure(failureOf(step).kind, `Not paused: the delete on the server failed (${failureOf(step).message}). The schedule still runs.`);
  });
}

export async function resumeSchedule(
  d: ChangeDeps,
  r: { profileId: string; orgId: string; pausedId: string; allowTooFrequent?: boolean },
): Promise<ResumeResult> {
  const profile = confirmedProfile(d.profiles, r.profileId, r.orgId, 'resume');
  const entry = d.paused.get(r.pausedId);
  if (!entry || entry.profileId !== profile.id)
    throw new AppFailure('not-found', `"${profile.name}" has no paused schedule with id ${r.pausedId}. Refresh the list.`);
  if (entry.orgId !== profile.orgId) {
    throw new AppFailure(
      'profile-mismatch',
      `This schedule was paused in org "${entry.orgId}", but "${profile.name}" is now connected to org "${profile.orgId}". Nothing was sent.`,
    );
  }
  if (entry.server !== undefined && entry.server !== serverKeyOf(profile.apiUrl)) {
    throw new AppFailure(
      'profile-mismatch',
      `This schedule was paused on server ${entry.server}, but "${profile.name}" now points at ${serverKeyOf(profile.apiUrl)}. Nothing was sent; point the profile back at that server to resume it there.`,
    );
  }
  const list = await liveList(d.schedules, profile, 'resume');
  const active = activeOf(list);
  // An earlier delete or resume whose answer was lost may have left it on the server: never create twice.
  const there = active.find((s) => s.jobId === entry.jobId) ?? active.find((s) => fireTheSame(entry.timeExpression, s.timeExpression, profile.serverTimeZone));
  return inChange('resume', async (changeId): Promise<ResumeResult> => {
    if (there) {
      const warning = await dropEntry(d, entry.id, `The server already runs this schedule (job ${there.jobId})`);
      return {
        status: 'already-active',
        changeId,
        jobId: there.jobId,
        message: warning ?? `The server already runs this schedule (job ${there.jobId}); nothing was created and it is no longer listed as paused.`,
        ...(warning ? { warning } : {}),
      };
    }
    assertWritable(
      lintFor(entry.timeExpression, { timeZone: profile.serverTimeZone, now: d.now(), existing: active, allowTooFrequent: r.allowTooFrequent ?? false }),
    );
    const { step, created } = await createStep(d, profile, r.orgId, entry.timeExpression);
    if (!created) {
      const why = step.outcome === 'unknown' ? 'its answer was lost, so it may have been created; resume again: it checks the server first' : 'it stays paused';
      throw new AppFailure(failureOf(step).kind, `Not resumed: ${failureOf(step).message} (${why}).`);
    }
    const warning = joined(step.warning, await dropEntry(d, entry.id, `Created on the server as job ${created.jobId}`));
    return {
      status: 'resumed',
      changeId,
      created,
      message: `Resumed "${entry.timeExpression}" as job ${created.jobId}.${warning ? ` ${warning}` : ''}`,
      ...(warning ? { warning } : {}),
    };
  });
}

/**
 * Takes a resumed schedule off the paused list after the server has it. A list that cannot be written
 * never turns that into a failure: it is a warning, and a later resume finds the job and creates nothing.
 */
function dropEntry(d: ChangeDeps, id: string, done: string): Promise<string | null> {
  return d.paused.remove(id).then(
    () => null,
    () =>
      `${done}, but it could not be taken off the local paused list (check the data folder is writable and the disk is not full); resuming it again finds it on the server and creates nothing.`,
  );
}

/** The warnings of one pause or resume as one text (null when there is none). */
function joined(...warnings: (string | null | undefined)[]): string | null {
  const all = warnings.filter((w): w is string => !!w);
  return all.length === 0 ? null : all.join(' ');
}
