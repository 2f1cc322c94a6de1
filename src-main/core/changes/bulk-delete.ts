// Many deletes behind one confirmation: each job is deleted on its own and answered on its own (one
// failure does not stop the rest: every delete leaves the others as they were).
import type { BulkDeleteResult, ChangeStep } from '@shared/ipc/channels/changes';
import type { ChangeDeps } from './deps';
import { inChange } from './change-context';
import { confirmedProfile } from './guard';
import { deleteStep } from './steps';

export async function bulkDelete(d: ChangeDeps, r: { profileId: string; orgId: string; jobIds: readonly string[] }): Promise<BulkDeleteResult> {
  const profile = confirmedProfile(d.profiles, r.profileId, r.orgId, 'delete');
  const jobIds = [...new Set(r.jobIds)];
  return inChange('bulk-delete', async (changeId) => {
    const steps: ChangeStep[] = [];
    for (const jobId of jobIds) steps.push(await deleteStep(d, profile, r.orgId, jobId, null));
    return { changeId, steps, deleted: steps.filter((s) => s.outcome === 'ok').length, failed: steps.filter((s) => s.outcome !== 'ok').length };
  });
}
