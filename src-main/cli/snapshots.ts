// Data from a profile's last saved list instead of its server: stdout alone would let a script take it
// for the live state, so every such use gets a warning on stderr naming the profile, why the server
// failed and when the list was saved.
import type { ScheduleList } from '@shared/domain';
import type { SchedulePlan } from '@shared/ipc/channels/changes';
import type { Session } from './session';

/** Where the data used in place of a live answer came from. */
export type SavedListOrigin =
  | { kind: 'saved'; fetchedAt: string; reason: string }
  /** Asked again for the details, the server answered: the command still used the saved list. */
  | { kind: 'answers-now' }
  | { kind: 'unknown'; problem: string };

export function originOfList(list: ScheduleList): SavedListOrigin {
  if (list.source === 'live') return { kind: 'answers-now' };
  return { kind: 'saved', fetchedAt: list.fetchedAt, reason: list.stale?.reason ?? 'the server did not answer.' };
}

/** Plans and exports say only "snapshot": the profile's list says when it was saved and why (it asks the server once more). */
export async function originOfProfile(s: Session, profileId: string): Promise<SavedListOrigin> {
  try {
    return originOfList(await s.call('schedules:list', { profileId }));
  } catch (error) {
    return { kind: 'unknown', problem: error instanceof Error ? error.message : String(error) };
  }
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** `advice`: what to do about it, e.g. "Plan again once it answers." */
export function savedListWarning(name: string, origin: SavedListOrigin, advice: string): string {
  const head = `warning: "${name}" could not be reached, so its last saved list was used instead of the server's`;
  switch (origin.kind) {
    case 'saved':
      return `${head} (saved ${origin.fetchedAt}). Reason: ${sentence(origin.reason)} ${advice}`;
    case 'answers-now':
      return `${head}; asked again, it answers now. ${advice}`;
    case 'unknown':
      return `${head} (when it was saved and why could not be read: ${sentence(origin.problem)}) ${advice}`;
  }
}

/** The profiles of a plan whose schedules came from a saved list, each with what that means for the plan. */
export function savedListsOfPlan(plan: SchedulePlan): { profileId: string; name: string; role: 'source' | 'target' }[] {
  const stale: { profileId: string; name: string; role: 'source' | 'target' }[] = [];
  if (plan.source.kind === 'profile' && plan.source.listSource === 'snapshot')
    stale.push({ profileId: plan.source.profileId, name: plan.source.name, role: 'source' });
  if (plan.targetSource === 'snapshot') stale.push({ profileId: plan.targetProfileId, name: plan.targetName, role: 'target' });
  return stale;
}
