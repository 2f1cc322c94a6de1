// Every user action declared once: its id, label, keyboard shortcut and where the menu shows it. The
// renderer's command registry supplies when each is enabled and what it does; buttons, the keyboard
// handler, the Ctrl/Cmd+K command mode and the desktop menu all read this one table.

export type CommandId =
  | 'schedule.new'
  | 'schedules.refresh'
  | 'view.list'
  | 'view.calendar'
  | 'view.timeline'
  | 'view.toggle-zone'
  | 'profile.switch'
  | 'profile.add'
  | 'profiles.import-export'
  | 'audit.open'
  | 'help.shortcuts'
  | 'selection.close';

export interface CommandDeclaration {
  id: CommandId;
  label: string;
  /** Single key (case-insensitive) or 'Mod+K' (Ctrl, or Cmd on macOS). Omitted: no shortcut. */
  shortcut?: string;
  /** Words the command mode also matches (e.g. 'reload' for refresh). */
  keywords?: string[];
  /** The desktop menu that lists it, if any. */
  menu?: 'File' | 'View' | 'Help';
}

export const COMMANDS: readonly CommandDeclaration[] = [
  { id: 'schedule.new', label: 'New schedule', shortcut: 'N', keywords: ['create', 'add schedule'], menu: 'File' },
  { id: 'schedules.refresh', label: 'Refresh schedules', shortcut: 'R', keywords: ['reload', 'update'], menu: 'View' },
  { id: 'view.list', label: 'Show list', shortcut: '1', keywords: ['table'], menu: 'View' },
  { id: 'view.calendar', label: 'Show calendar', shortcut: '2', keywords: ['month', 'week'], menu: 'View' },
  { id: 'view.timeline', label: 'Show timeline', shortcut: '3', keywords: ['lanes', 'gantt'], menu: 'View' },
  { id: 'view.toggle-zone', label: 'Toggle server zone / local time', shortcut: 'Z', keywords: ['time zone', 'utc'], menu: 'View' },
  { id: 'profile.switch', label: 'Switch profile or run a command', shortcut: 'Mod+K', keywords: ['find', 'go to'] },
  { id: 'profile.add', label: 'Add profile', keywords: ['new profile', 'connection', 'server'], menu: 'File' },
  { id: 'profiles.import-export', label: 'Import or export profiles', keywords: ['backup', 'json'], menu: 'File' },
  { id: 'audit.open', label: 'Open the audit log', keywords: ['history', 'log'], menu: 'View' },
  { id: 'help.shortcuts', label: 'Keyboard shortcuts', shortcut: '?', keywords: ['help', 'keys'], menu: 'Help' },
  { id: 'selection.close', label: 'Close the schedule panel', shortcut: 'Escape' },
];

export function commandById(id: CommandId): CommandDeclaration {
  const found = COMMANDS.find((c) => c.id === id);
  if (!found) throw new Error(`Unknown command ${id}`);
  return found;
}

/** How a shortcut reads on this platform: 'Mod+K' -> '⌘K' on macOS, 'Ctrl+K' elsewhere. */
export function shortcutLabel(shortcut: string, mac: boolean): string {
  if (shortcut === 'Escape') return 'Esc';
  return shortcut.replace('Mod+', mac ? '⌘' : 'Ctrl+');
}

/** The Electron accelerator of a shortcut, for the menu (plain keys are shown, not bound, there). */
export function menuAccelerator(shortcut: string | undefined): string | undefined {
  return shortcut?.startsWith('Mod+') ? shortcut.replace('Mod+', 'CmdOrCtrl+') : undefined;
}
