// "Running since 04:00 UTC (12 min)" under a profile whose maintenance runs now (known for the profiles
// shown in the workspace: main polls exactly those). Its own subscription, so the clock's tick redraws
// only the running profiles' lines, not the whole sidebar.
import type { ProfileView } from '@shared/domain';
import { useAppStore } from '../store';
import { runningText } from '../health/running-text';
import { localZone } from '../common/time';

export function ProfileRunning({ profile }: { profile: ProfileView }) {
  const text = useAppStore((s) => runningText(s.running[profile.id], s.now, s.displayZone === 'server' ? profile.serverTimeZone : localZone));
  if (text === null) return null;
  return (
    <span className="profile-running" data-testid="sidebar-running">
      <span className="running-pulse" aria-hidden="true" />
      {text}
    </span>
  );
}
