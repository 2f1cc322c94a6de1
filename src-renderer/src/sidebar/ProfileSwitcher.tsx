// Ctrl/Cmd+K: find a profile by name, org, environment or server and jump to it with the keyboard;
// the profiles used last come first.
import { useMemo, useState } from 'react';
import { ALL_PROFILES, useAppStore } from '../store';
import { Modal } from '../common/Modal';
import { EnvBadge } from '../common/EnvBadge';
import { matchProfiles } from './group-profiles';
import { recentFirst, recentProfileIds, rememberRecentProfile } from './recent-profiles';

export function ProfileSwitcher() {
  const profiles = useAppStore((s) => s.profiles);
  const selectProfile = useAppStore((s) => s.selectProfile);
  const closeDialog = useAppStore((s) => s.closeDialog);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [recent] = useState(() => recentProfileIds());
  const matches = useMemo(() => recentFirst(matchProfiles(profiles, query), recent), [profiles, query, recent]);
  const showAll = query.trim() === '' || 'all profiles'.includes(query.trim().toLowerCase());
  const options = [...(showAll ? [{ id: ALL_PROFILES, label: 'All profiles' }] : []), ...matches.map((p) => ({ id: p.id, label: p.name }))];
  const current = Math.min(active, Math.max(0, options.length - 1));

  const choose = (id: string) => {
    if (id !== ALL_PROFILES) rememberRecentProfile(id);
    selectProfile(id);
    closeDialog();
  };

  return (
    <Modal title="Switch profile" onClose={closeDialog}>
      <input
        className="input switcher-input"
        data-autofocus
        role="combobox"
        aria-expanded="true"
        aria-controls="switcher-options"
        aria-activedescendant={options[current] ? `switcher-${options[current].id}` : undefined}
        aria-label="Profile name, org or environment"
        placeholder="Type a name, org or environment"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((current + 1) % Math.max(1, options.length));
          else if (e.key === 'ArrowUp') setActive((current - 1 + options.length) % Math.max(1, options.length));
          else if (e.key === 'Enter' && options[current]) choose(options[current].id);
          else return;
          e.preventDefault();
        }}
      />
      <ul id="switcher-options" role="listbox" aria-label="Profiles" className="switcher-options">
        {options.map((o, i) => {
          const profile = profiles.find((p) => p.id === o.id);
          return (
            <li
              key={o.id}
              id={`switcher-${o.id}`}
              role="option"
              aria-selected={i === current}
              className="switcher-option"
              onMouseEnter={() => setActive(i)}
              onClick={() => choose(o.id)}
            >
              <span className="profile-name">{o.label}</span>
              {profile && (
                <>
                  <span className="muted">org {profile.orgId}</span>
                  <EnvBadge environment={profile.environment} />
                </>
              )}
            </li>
          );
        })}
        {options.length === 0 && <li className="muted switcher-empty">No profile matches “{query}”.</li>}
      </ul>
    </Modal>
  );
}
