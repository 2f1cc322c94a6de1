// First start: no profiles yet. Offer the demo (embedded simulator) or a real profile.
import { useAppStore } from '../store';
import { clause } from '../common/text';

export function Welcome() {
  const appInfo = useAppStore((s) => s.appInfo);
  const startDemo = useAppStore((s) => s.startDemo);
  const demoStarting = useAppStore((s) => s.demoStarting);
  const error = useAppStore((s) => s.profilesError);
  const openDialog = useAppStore((s) => s.openDialog);
  return (
    <div className="welcome">
      <h1>Welcome to the AtScale Maintenance Scheduler</h1>
      <p>
        Review and manage aggregate maintenance schedules across your AtScale orgs and environments. Add a connection profile for a server, or try the demo: it
        runs a built-in AtScale simulator with two orgs in two environments.
      </p>
      <div className="welcome-actions">
        <button type="button" className="button button-primary" onClick={() => void startDemo()} disabled={demoStarting}>
          {demoStarting ? 'Starting the demo…' : 'Try the demo'}
        </button>
        <button type="button" className="button" onClick={() => openDialog({ kind: 'profile', profileId: null })}>
          Add a profile
        </button>
        <button type="button" className="button button-quiet" onClick={() => openDialog({ kind: 'import-export' })}>
          Import profiles
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {appInfo?.keychain === 'unavailable' && (
        <p className="note" role="note">
          No system keychain was found{appInfo.keychainProblem ? `: ${clause(appInfo.keychainProblem)}` : ''}. Passwords and tokens can then be kept in memory
          for this session only.
        </p>
      )}
    </div>
  );
}
