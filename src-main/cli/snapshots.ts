// Data from a profile's last saved list instead of its server: stdout alone would let a script take it
// for the live state, so every such use gets a warning on stderr naming the profile, why the server
// failed and when the list was saved (the core's answers carry both).
import type { SavedList, SchedulePlan } from '@shared/ipc/channels/changes';

// The core sets both for every saved list; the fallback only keeps the warning a sentence.
const UNKNOWN: SavedList = { fetchedAt: 'at an unknown time', reason: 'the server did not answer.' };

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** `advice`: what to do about it, e.g. "Plan again once it answers." */
export function savedListWarning(name: string, saved: SavedList | undefined, advice: string): string {
  const { fetchedAt, reason } = saved ?? UNKNOWN;
  return `warning: "${name}" could not be reached, so its last saved list was used instead of the server's (saved ${fetchedAt}). Reason: ${sentence(reason)} ${advice}`;
}

/** The profiles of a plan whose schedules came from a saved list, each with what that means for the plan. */
export function savedListsOfPlan(plan: SchedulePlan): { name: string; role: 'source' | 'target'; saved: SavedList | undefined }[] {
  const stale: { name: string; role: 'source' | 'target'; saved: SavedList | undefined }[] = [];
  if (plan.source.kind === 'profile' && plan.source.listSource === 'snapshot') stale.push({ name: plan.source.name, role: 'source', saved: plan.source.saved });
  if (plan.targetSource === 'snapshot') stale.push({ name: plan.targetName, role: 'target', saved: plan.targetSaved });
  return stale;
}
