// Ctrl/Cmd+K: find a profile by name, org, environment or server and jump to it with the keyboard (the
// profiles used last come first), or run a command: the commands whose words match are listed after
// the profiles, and a query starting with ">" lists commands only.
import { useMemo, useState } from 'react';
import { ALL_PROFILES, useAppStore } from '../store';
import { Modal } from '../common/Modal';
import { EnvBadge } from '../common/EnvBadge';
import { matchCommands, runCommand } from '../commands/registry';
import type { CommandId } from '@shared/commands';
import { matchProfiles } from './group-profiles';
import { recentFirst, recentProfileIds, rememberRecentProfile } from './recent-profiles';

type Option =
  { kind: 'profile'; id: string; label: string } | { kind: 'command'; id: CommandId; label: string; shortcut: string | null; blocked: string | null };

export function ProfileSwitcher() {
  const profiles = useAppStore((s) => s.profiles);
  const selectProfile = useAppStore((s) => s.selectProfile);
  const closeDialog = useAppStore((s) => s.closeDialog);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [recent] = useState(() => recentProfileIds());
  const commandsOnly = query.trimStart().startsWith('>');
  const matches = useMemo(() => (commandsOnly ? [] : recentFirst(matchProfiles(profiles, query), recent)), [profiles, query, recent, commandsOnly]);
  const commands = useMemo(() => (commandsOnly || query.trim() !== '' ? matchCommands(query, useAppStore.getState()) : []), [query, commandsOnly]);
  const showAll = !commandsOnly && (query.trim() === '' || 'all profiles'.includes(query.trim().toLowerCase()));
  const options: Option[] = [
    ...(showAll ? [{ kind: 'profile' as const, id: ALL_PROFILES, label: 'All profiles' }] : []),
    ...matches.map((p) => ({ kind: 'profile' as const, id: p.id, label: p.name })),
    ...commands.map((c) => ({ kind: 'command' as const, id: c.id, label: c.label, shortcut: c.shortcut, blocked: c.blocked })),
  ];
  const current = Math.min(active, Math.max(0, options.length - 1));

  const choose = (option: Option) => {
    if (option.kind === 'command') {
      if (option.blocked) return;
      closeDialog();
      runCommand(option.id);
      return;
    }
    if (option.id !== ALL_PROFILES) rememberRecentProfile(option.id);
    selectProfile(option.id);
    closeDialog();
  };

  return (
    <Modal title="Switch profile or run a command" onClose={closeDialog}>
      <input
        className="input switcher-input"
        data-autofocus
        role="combobox"
        aria-expanded="true"
        aria-controls="switcher-options"
        aria-activedescendant={options[current] ? `switcher-${options[current].id}` : undefined}
        aria-label="Profile name, org or environment, or a command"
        placeholder="Type a name, org or environment; > for commands"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((current + 1) % Math.max(1, options.length));
          else if (e.key === 'ArrowUp') setActive((current - 1 + options.length) % Math.max(1, options.length));
          else if (e.key === 'Enter' && options[current]) choose(options[current]);
          else return;
          e.preventDefault();
        }}
      />
      <ul id="switcher-options" role="listbox" aria-label="Profiles and commands" className="switcher-options">
        {options.map((o, i) => {
          const profile = o.kind === 'profile' ? profiles.find((p) => p.id === o.id) : undefined;
          return (
            <li
              key={`${o.kind}:${o.id}`}
              id={`switcher-${o.id}`}
              role="option"
              aria-selected={i === current}
              aria-disabled={o.kind === 'command' && o.blocked ? true : undefined}
              className={`switcher-option${o.kind === 'command' ? ' switcher-command' : ''}`}
              title={o.kind === 'command' ? (o.blocked ?? undefined) : undefined}
              onMouseEnter={() => setActive(i)}
              onClick={() => choose(o)}
            >
              <span className="profile-name">{o.label}</span>
              {profile && (
                <>
                  <span className="muted">org {profile.orgId}</span>
                  <EnvBadge environment={profile.environment} />
                </>
              )}
              {o.kind === 'command' && <span className="muted">{o.blocked ? o.blocked : o.shortcut ? `Command · ${o.shortcut}` : 'Command'}</span>}
            </li>
          );
        })}
        {options.length === 0 && <li className="muted switcher-empty">No profile or command matches “{query}”.</li>}
      </ul>
    </Modal>
  );
}
