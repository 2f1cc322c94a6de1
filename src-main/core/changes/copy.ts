// Copy to profiles: the picked schedules are planned against each target (create what is missing, skip
// what already fires at the same times there, never delete), and each target is carried out on its own
// with the org confirmed for it. One target failing or refused does not stop the others.
import type { CopyResult, CopyTargetPreview, CopyTargetResult } from '@shared/ipc/channels/changes';
import { AppFailure, toAppError } from '@core/errors';
import { requireProfile } from '@core/profiles/profile-store';
import type { ChangeDeps } from './deps';
import { inChange } from './change-context';
import { activeOf, confirmedProfile } from './guard';
import { planFor, profileSource, type Desired } from './plan';
import { assertRunnable, runPlan, summary } from './apply';

async function pickedFrom(d: ChangeDeps, sourceProfileId: string, jobIds: readonly string[]): Promise<Desired> {
  const source = requireProfile(d.profiles, sourceProfileId);
  const list = await d.schedules.list(source.id);
  const active = activeOf(list);
  const picked = [...new Set(jobIds)].map((id) => {
    const job = active.find((s) => s.jobId === id);
    if (!job) throw new AppFailure('not-found', `"${source.name}" has no active schedule with job ID ${id}; refresh the list and pick again.`);
    return { expression: job.timeExpression };
  });
  return {
    entries: picked,
    source: profileSource(source, list),
  };
}

export async function previewCopy(
  d: ChangeDeps,
  r: { sourceProfileId: string; jobIds: readonly string[]; targetProfileIds: readonly string[] },
): Promise<CopyTargetPreview[]> {
  const desired = await pickedFrom(d, r.sourceProfileId, r.jobIds);
  const out: CopyTargetPreview[] = [];
  for (const id of [...new Set(r.targetProfileIds)]) {
    const target = requireProfile(d.profiles, id);
    // Stryker disable next-line ObjectLiteral: a plan without `deletes` only adds, as a copy does
    const plan = await planFor(d, desired, target, { deletes: false });
    out.push({ profileId: target.id, name: target.name, orgId: target.orgId, production: plan.production, plan });
  }
  return out;
}

export async function copySchedules(
  d: ChangeDeps,
  r: { sourceProfileId: string; jobIds: readonly string[]; targets: readonly { profileId: string; orgId: string }[]; allowTooFrequent?: boolean },
): Promise<CopyResult> {
  const desired = await pickedFrom(d, r.sourceProfileId, r.jobIds);
  return inChange('copy', async (changeId) => {
    const targets: CopyTargetResult[] = [];
    for (const t of r.targets) {
      const name = d.profiles.get(t.profileId)?.name ?? t.profileId;
      try {
        const target = confirmedProfile(d.profiles, t.profileId, t.orgId, 'copy');
        // Stryker disable next-line ObjectLiteral: a plan without `deletes` only adds, as a copy does
        const plan = await planFor(d, desired, target, { deletes: false });
        assertRunnable(plan, r.allowTooFrequent ?? false);
        const steps = await runPlan(d, target, t.orgId, plan);
        const skipped = plan.unchanged.length;
        const result = summary(steps, skipped > 0 ? ` ${skipped} already there (same schedule), skipped.` : '');
        targets.push({ profileId: target.id, name: target.name, steps, status: result.status, message: result.message });
      } catch (error) {
        targets.push({ profileId: t.profileId, name, status: 'refused', steps: [], error: toAppError(error, d.redact, 'copying schedules') });
      }
    }
    return { changeId, targets };
  });
}
