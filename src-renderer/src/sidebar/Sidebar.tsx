// Profiles grouped by environment, then server; each with its status dot and, for an ageing API token,
// a warning. Production is marked once per group. The list scrolls; the footer stays in reach.
import { useEffect, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ProfileView } from '@shared/domain';
import type { TokenAge } from '@shared/ipc/channels/connections';
import { ALL_PROFILES, useAppStore } from '../store';
import { EnvDot } from '../common/EnvBadge';
import { ProfileHealthDot } from '../health/ProfileHealthDot';
import { expiryWords, RENEW_STEPS, useTokenAges } from '../profiles/token-ages';
import { groupProfiles } from './group-profiles';
import { profileStatus, STATUS_WORDS, type ProfileStatus } from './profile-status';
import { rememberRecentProfile } from './recent-profiles';
import { ProfileRunning } from './ProfileRunning';
import './sidebar.css';

const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);
export const SWITCHER_KEYS = isMac ? '⌘K' : 'Ctrl+K';

export function Sidebar() {
  const profiles = useAppStore((s) => s.profiles);
  const selected = useAppStore((s) => s.selectedProfileId);
  const lists = useAppStore((s) => s.lists);
  const { selectProfile, openDialog } = useAppStore(useShallow((s) => ({ selectProfile: s.selectProfile, openDialog: s.openDialog })));
  const groups = useMemo(() => groupProfiles(profiles), [profiles]);
  const tokenAges = useTokenAges(profiles);
  // Every way of selecting (click, switcher, keyboard, after a save) counts as a recent use.
  useEffect(() => {
    if (selected && selected !== ALL_PROFILES) rememberRecentProfile(selected);
  }, [selected]);

  return (
    <nav className="sidebar" aria-label="Profiles">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          ◷
        </span>
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
      <div className="sidebar-scroll">
        {profiles.length > 0 && (
          <ul className="profile-list">
            <li>
              <button
                type="button"
                className="profile-item all-profiles"
                aria-current={selected === ALL_PROFILES ? 'page' : undefined}
                onClick={() => selectProfile(ALL_PROFILES)}
              >
                <span className="all-icon" aria-hidden="true">
                  ▦
                </span>
                <span className="profile-name">All profiles</span>
                <span className="profile-count">{profiles.length}</span>
              </button>
            </li>
          </ul>
        )}
        {groups.map((group) => (
          <section key={group.key} className={`profile-group${group.production ? ' group-prod' : ''}`} aria-label={`${group.label} profiles`}>
            <h2 className="group-title">
              <EnvDot color={group.color} />
              {group.production && <span aria-hidden="true">⚠ </span>}
              {group.label}
            </h2>
            {group.servers.map((server) => (
              <div key={server.key} className="server-group">
                <h3 className="server-title" title={`Server ${server.key}`}>
                  {server.label}
                </h3>
                <ul className="profile-list">
                  {server.profiles.map((p) => (
                    <ProfileItem
                      key={p.id}
                      profile={p}
                      status={profileStatus(p, lists[p.id])}
                      tokenAge={p.signIn === 'token' ? tokenAges.get(p.id) : undefined}
                      current={selected === p.id}
                      onSelect={() => selectProfile(p.id)}
                    />
                  ))}
                </ul>
              </div>
            ))}
          </section>
        ))}
      </div>
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

interface ItemProps {
  profile: ProfileView;
  status: ProfileStatus;
  tokenAge: TokenAge | undefined;
  current: boolean;
  onSelect(): void;
}

function ProfileItem({ profile: p, status, tokenAge, current, onSelect }: ItemProps) {
  const tokenWarning = tokenAge?.warn ? `API token ${expiryWords(tokenAge)}. ${RENEW_STEPS}` : null;
  return (
    <li>
      <button
        type="button"
        className="profile-item"
        aria-current={current ? 'page' : undefined}
        style={{ ['--env' as string]: p.environment.color }}
        onClick={onSelect}
        title={`${p.name}\norg ${p.orgId} (${p.environment.label})\n${STATUS_WORDS[status]}${tokenWarning ? `\n${tokenWarning}` : ''}`}
      >
        <span className="profile-text">
          <span className="profile-name">{p.name}</span>
          <span className="profile-org">org {p.orgId}</span>
          {tokenAge?.warn && <span className="token-warning">⚠ Token {expiryWords(tokenAge)}</span>}
          <ProfileRunning profile={p} />
        </span>
        {/* After the text, so the button's name starts with the profile's; shown first by the grid. */}
        <span className={`status-dot status-${status}`} role="img" aria-label={STATUS_WORDS[status]} />
        <ProfileHealthDot profileId={p.id} />
      </button>
    </li>
  );
}
