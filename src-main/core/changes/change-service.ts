// The change workflows behind the changes:* channels, over the same profiles and schedule service as
// create and delete (so every write is guarded and audited the same way).
import type { LintedExpression } from '@shared/ipc/channels/changes';
import { requireProfile } from '@core/profiles/profile-store';
import type { ChangeDeps } from './deps';
import { activeOf } from './guard';
import { applyPlan } from './apply';
import { bulkDelete } from './bulk-delete';
import { copySchedules, previewCopy } from './copy';
import { editSchedule, reactivateSchedule, retryDelete } from './edit';
import { listPaused, pauseSchedule, resumeSchedule } from './pause';
import { planChanges } from './plan';
import { exportSchedules } from './schedules-document';
import { lintFor } from './verdicts';

export type { ChangeDeps } from './deps';
export { openPausedStore, type PausedStore } from './paused-store';
export { withChangeContext } from './change-context';

async function lintMany(
  d: ChangeDeps,
  r: { profileId: string; expressions: readonly string[]; ignoreJobId?: string; allowTooFrequent?: boolean },
): Promise<LintedExpression[]> {
  const profile = requireProfile(d.profiles, r.profileId);
  const existing = activeOf(await d.schedules.list(profile.id)).filter((s) => s.jobId !== r.ignoreJobId);
  return r.expressions.map((e) => lintFor(e, { timeZone: profile.serverTimeZone, now: d.now(), existing, allowTooFrequent: r.allowTooFrequent ?? false }));
}

export function createChangeService(d: ChangeDeps) {
  return {
    lint: (r: Parameters<typeof lintMany>[1]) => lintMany(d, r),
    edit: (r: Parameters<typeof editSchedule>[1]) => editSchedule(d, r),
    retryDelete: (r: Parameters<typeof retryDelete>[1]) => retryDelete(d, r),
    reactivate: (r: Parameters<typeof reactivateSchedule>[1]) => reactivateSchedule(d, r),
    previewCopy: (r: Parameters<typeof previewCopy>[1]) => previewCopy(d, r),
    copy: (r: Parameters<typeof copySchedules>[1]) => copySchedules(d, r),
    bulkDelete: (r: Parameters<typeof bulkDelete>[1]) => bulkDelete(d, r),
    pause: (r: Parameters<typeof pauseSchedule>[1]) => pauseSchedule(d, r),
    resume: (r: Parameters<typeof resumeSchedule>[1]) => resumeSchedule(d, r),
    pausedList: async (profileId?: string) => listPaused(d, profileId),
    exportSchedules: (profileId: string) => exportSchedules(d, profileId),
    plan: (r: Parameters<typeof planChanges>[1]) => planChanges(d, r),
    apply: (r: Parameters<typeof applyPlan>[1]) => applyPlan(d, r),
  };
}

export type ChangeService = ReturnType<typeof createChangeService>;
