// The health line under the header: in All profiles the 24-hour summary, everywhere the problems-only
// filter and the notification opt-in (global in All profiles, this profile's own otherwise).
import { useShallow } from 'zustand/react/shallow';
import type { ProfileView } from '@shared/domain';
import { useAppStore } from '../store';
import type { ProfileSchedules } from '../store/schedule-state';
import { healthSummary } from './summary';
import './health.css';

interface Props {
  /** The profile shown, or null for All profiles. */
  profile: ProfileView | null;
  profiles: ProfileView[];
  lists: Record<string, ProfileSchedules>;
  now: Date;
}

export function HealthBar({ profile, profiles, lists, now }: Props) {
  const s = useAppStore(
    useShallow((st) => ({
      problemsOnly: st.problemsOnly,
      setProblemsOnly: st.setProblemsOnly,
      settings: st.notificationSettings,
      settingsError: st.notificationSettingsError,
      change: st.changeNotificationSettings,
    })),
  );
  const summary = profile ? null : healthSummary(profiles, lists, now);
  const own = profile ? s.settings?.profiles[profile.id] : undefined;
  const notifyOn = s.settings ? (profile ? (own ?? s.settings.enabled) : s.settings.enabled) : false;
  const toggleNotify = (on: boolean) => {
    if (!profile) void s.change({ enabled: on });
    // A profile's own switch equal to the global one is dropped, so it follows later global changes.
    else void s.change({ profiles: { [profile.id]: on === s.settings?.enabled ? null : on } });
  };

  return (
    <div className="health-bar">
      {summary && (
        <span className={`health-summary${summary.problems > 0 ? ' health-summary-bad' : ''}`} data-testid="health-summary" role="status">
          {summary.text}
        </span>
      )}
      <label className="toggle">
        <input type="checkbox" checked={s.problemsOnly} onChange={(e) => s.setProblemsOnly(e.target.checked)} />
        Problems only
      </label>
      <label
        className="toggle"
        title={
          s.settingsError ??
          'Desktop notifications for missed runs, runs far longer than usual, and a server that became unreachable or signed out; at most one per profile per hour'
        }
      >
        <input type="checkbox" checked={notifyOn} disabled={s.settings === null} onChange={(e) => toggleNotify(e.target.checked)} />
        {profile ? 'Notify for this profile' : 'Notifications'}
      </label>
      {s.settingsError && <span className="form-error">{s.settingsError}</span>}
    </div>
  );
}
