// The sidebar's health dot of one profile, read from the store (the sidebar need not know lists).
import { useAppStore } from '../store';
import { HealthDot } from './HealthBadge';
import { profileVerdicts } from './profile-health';

export function ProfileHealthDot({ profileId }: { profileId: string }) {
  const entry = useAppStore((s) => s.lists[profileId]);
  return <HealthDot verdicts={profileVerdicts(entry)} />;
}
