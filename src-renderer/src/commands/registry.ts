// The command registry: for each declared command (src-shared/commands.ts), when it is enabled and what
// it does. Buttons (useCommand), the keyboard handler, the Ctrl/Cmd+K command mode and the desktop
// menu all run commands through here, so a command behaves the same wherever it is started.
import { COMMANDS, commandById, shortcutLabel, type CommandDeclaration, type CommandId } from '@shared/commands';
import { ALL_PROFILES, useAppStore } from '../store';
import type { AppState } from '../store/types';
import { writeBlockReason } from '../schedules/write-block';

interface Behaviour {
  /** Why the command cannot run now (shown as its tooltip), or null when it can. */
  blocked(state: AppState): string | null;
  run(state: AppState): void;
}

const singleProfile = (s: AppState): string | null => (s.selectedProfileId && s.selectedProfileId !== ALL_PROFILES ? s.selectedProfileId : null);

const BEHAVIOUR: Record<CommandId, Behaviour> = {
  'schedule.new': {
    blocked: (s) => {
      const id = singleProfile(s);
      if (!id) return 'Choose one profile first: a schedule belongs to one org.';
      return writeBlockReason(s.lists[id]);
    },
    run: (s) => {
      const id = singleProfile(s);
      if (id) s.openDialog({ kind: 'create', profileId: id });
    },
  },
  'schedules.refresh': {
    blocked: (s) => (s.selectedProfileId ? null : 'There is no profile to refresh yet.'),
    run: (s) => void s.refreshShown({ confirm: true }),
  },
  'view.list': { blocked: () => null, run: (s) => s.setTab('list') },
  'view.calendar': { blocked: () => null, run: (s) => s.setTab('calendar') },
  'view.timeline': { blocked: () => null, run: (s) => s.setTab('timeline') },
  'view.toggle-zone': { blocked: () => null, run: (s) => s.setDisplayZone(s.displayZone === 'server' ? 'local' : 'server') },
  'profile.switch': {
    blocked: (s) => (s.profiles.length > 0 ? null : 'Add a profile first.'),
    run: (s) => s.openDialog({ kind: 'switcher' }),
  },
  'profile.add': { blocked: () => null, run: (s) => s.openDialog({ kind: 'profile', profileId: null }) },
  'profiles.import-export': { blocked: () => null, run: (s) => s.openDialog({ kind: 'import-export' }) },
  'audit.open': { blocked: () => null, run: (s) => s.openDialog({ kind: 'audit' }) },
  'help.shortcuts': { blocked: () => null, run: (s) => s.openDialog({ kind: 'shortcuts' }) },
  'selection.close': {
    blocked: (s) => (s.selectedKey ? null : 'No schedule panel is open.'),
    run: (s) => s.setSelectedKey(null),
  },
};

export const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);

/** Runs a command if it is enabled now; answers whether it ran. */
export function runCommand(id: CommandId, state: AppState = useAppStore.getState()): boolean {
  const behaviour = BEHAVIOUR[id];
  if (behaviour.blocked(state) !== null) return false;
  behaviour.run(state);
  return true;
}

export function commandBlocked(id: CommandId, state: AppState = useAppStore.getState()): string | null {
  return BEHAVIOUR[id].blocked(state);
}

export interface CommandView {
  id: CommandId;
  label: string;
  shortcut: string | null;
  blocked: string | null;
}

export function commandView(id: CommandId, state: AppState): CommandView {
  const c = commandById(id);
  return { id, label: c.label, shortcut: c.shortcut ? shortcutLabel(c.shortcut, isMac) : null, blocked: BEHAVIOUR[id].blocked(state) };
}

/** For a button: the command's label, shortcut, why it is disabled, and how to run it. */
export function useCommand(id: CommandId): CommandView & { run(): void } {
  const blocked = useAppStore((s) => BEHAVIOUR[id].blocked(s));
  const c = commandById(id);
  return { id, label: c.label, shortcut: c.shortcut ? shortcutLabel(c.shortcut, isMac) : null, blocked, run: () => void runCommand(id) };
}

/** The command a key press stands for, or null. Plain keys only when no modifier is held. */
export function commandForKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): CommandId | null {
  const mod = e.ctrlKey || e.metaKey;
  for (const c of COMMANDS) {
    if (!c.shortcut) continue;
    if (c.shortcut.startsWith('Mod+')) {
      if (mod && !e.altKey && e.key.toLowerCase() === c.shortcut.slice(4).toLowerCase()) return c.id;
    } else if (!mod && !e.altKey && e.key.toLowerCase() === c.shortcut.toLowerCase()) return c.id;
  }
  return null;
}

/** Commands whose label or keywords contain every word of the query (the Ctrl/Cmd+K command mode). */
export function matchCommands(query: string, state: AppState): CommandView[] {
  const words = query.trim().toLowerCase().replace(/^>\s*/, '').split(/\s+/).filter(Boolean);
  const hay = (c: CommandDeclaration) => [c.label, ...(c.keywords ?? [])].join(' ').toLowerCase();
  return COMMANDS.filter((c) => c.id !== 'profile.switch' && words.every((w) => hay(c).includes(w))).map((c) => commandView(c.id, state));
}

/** The rows of the shortcut help: every command's shortcut from the same table, then keys that only move focus. */
export function shortcutRows(): { keys: string; what: string }[] {
  return [
    ...COMMANDS.filter((c) => c.shortcut).map((c) => ({ keys: shortcutLabel(c.shortcut as string, isMac), what: c.label })),
    { keys: '← →', what: 'Move between tabs when a tab has focus' },
    { keys: 'Esc', what: 'Close the dialog' },
  ];
}
