// Profiles grouped by environment, each in its colour; production marked; "All profiles" on top.
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ALL_PROFILES, useAppStore } from '../store';
import { EnvDot } from '../common/EnvBadge';
import { ProfileHealthDot } from '../health/ProfileHealthDot';
import { groupProfiles } from './group-profiles';

const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);
export const SWITCHER_KEYS = isMac ? '⌘K' : 'Ctrl+K';

export function Sidebar() {
  const profiles = useAppStore((s) => s.profiles);
  const selected = useAppStore((s) => s.selectedProfileId);
  const { selectProfile, openDialog } = useAppStore(useShallow((s) => ({ selectProfile: s.selectProfile, openDialog: s.openDialog })));
  const groups = useMemo(() => groupProfiles(profiles), [profiles]);

  return (
    <nav className="sidebar" aria-label="Profiles">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">◷</span>
        <span>Maintenance Scheduler</span>
      </div>
      {profiles.length > 0 ? (
        <button type="button" className="switcher-button" onClick={() => openDialog({ kind: 'switcher' })}>
          <span>Find a profile…</span>
          <kbd>{SWITCHER_KEYS}</kbd>
        </button>
      ) : (
        <p className="muted sidebar-empty">No profiles yet. Add one, import some, or try the demo.</p>
      )}
      {profiles.length > 0 && (
        <ul className="profile-list">
          <li>
            <button
              type="button"
              className="profile-item all-profiles"
              aria-current={selected === ALL_PROFILES ? 'page' : undefined}
              onClick={() => selectProfile(ALL_PROFILES)}
            >
              <span className="all-icon" aria-hidden="true">▦</span>
              <span className="profile-name">All profiles</span>
              <span className="profile-count">{profiles.length}</span>
            </button>
          </li>
        </ul>
      )}
      {groups.map((group) => (
        <section key={`${group.label}${group.production}`} className={`profile-group${group.production ? ' group-prod' : ''}`}>
          <h2 className="group-title">
            <EnvDot color={group.color} />
            {group.label}
            {group.production && <span className="prod-flag">Production</span>}
          </h2>
          <ul className="profile-list">
            {group.profiles.map((p) => (
              <li key={p.id}>
                <button
                  type="button"
                  className="profile-item"
                  aria-current={selected === p.id ? 'page' : undefined}
                  style={{ ['--env' as string]: p.environment.color }}
                  onClick={() => selectProfile(p.id)}
                  title={`${p.name} — org ${p.orgId} (${p.environment.label})`}
                >
                  <EnvDot color={p.environment.color} />
                  <span className="profile-name">{p.name}</span>
                  <span className="profile-org">{p.orgId}</span>
                  <ProfileHealthDot profileId={p.id} />
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <div className="sidebar-footer">
        <button type="button" className="button button-quiet" onClick={() => openDialog({ kind: 'profile', profileId: null })}>
          + Add profile
        </button>
        <button type="button" className="button button-quiet" onClick={() => openDialog({ kind: 'import-export' })}>
          Import / export
        </button>
        <button type="button" className="button button-quiet" onClick={() => openDialog({ kind: 'audit' })}>
          Audit log
        </button>
        <button type="button" className="button button-quiet" onClick={() => openDialog({ kind: 'shortcuts' })}>
          Keyboard shortcuts
        </button>
      </div>
    </nav>
  );
}
