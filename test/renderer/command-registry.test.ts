// The command table and the registry: a key press finds its command, the command mode matches words
// and keywords, a blocked command says why and does nothing, and the shortcut help lists every shortcut.
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '@shared/commands';
import { commandForKey, matchCommands, runCommand, shortcutRows } from '@renderer/commands/registry';
import { ALL_PROFILES, createAppStore } from '@renderer/store';

const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey', boolean>> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('the command registry', () => {
  it('maps keys to commands, plain keys only without modifiers', () => {
    expect(commandForKey(key('n'))).toBe('schedule.new');
    expect(commandForKey(key('N'))).toBe('schedule.new');
    expect(commandForKey(key('2'))).toBe('view.calendar');
    expect(commandForKey(key('k', { ctrlKey: true }))).toBe('profile.switch');
    expect(commandForKey(key('k', { metaKey: true }))).toBe('profile.switch');
    expect(commandForKey(key('n', { ctrlKey: true }))).toBeNull();
    expect(commandForKey(key('k'))).toBeNull();
    expect(commandForKey(key('x'))).toBeNull();
  });

  it('matches every word of the query against labels and keywords, ignoring a leading ">"', () => {
    const store = createAppStore();
    expect(matchCommands('> reload', store.getState()).map((c) => c.id)).toEqual(['schedules.refresh']);
    expect(matchCommands('show cal', store.getState()).map((c) => c.id)).toEqual(['view.calendar']);
    expect(matchCommands('zzz', store.getState())).toEqual([]);
  });

  it('takes the ">" prefix with or without a space after it, and after leading spaces', () => {
    const store = createAppStore();
    expect(matchCommands('>reload', store.getState()).map((c) => c.id)).toEqual(['schedules.refresh']);
    expect(matchCommands('  >  reload ', store.getState()).map((c) => c.id)).toEqual(['schedules.refresh']);
  });

  it('a ">" after the first word is a word to match, not the prefix', () => {
    const store = createAppStore();
    expect(matchCommands('list >', store.getState())).toEqual([]);
  });

  it('matches each word within the label or one keyword, never glued across them', () => {
    const store = createAppStore();
    expect(matchCommands('listtable', store.getState())).toEqual([]);
    expect(matchCommands('table', store.getState()).map((c) => c.id)).toEqual(['view.list']);
  });

  it('offers no way back into the command mode itself, even when its words match', () => {
    const store = createAppStore();
    expect(matchCommands('switch profile', store.getState())).toEqual([]);
    expect(matchCommands('go to', store.getState())).toEqual([]);
  });

  it('an empty query lists every command but the command mode, each with its shortcut and state', () => {
    const store = createAppStore();
    const all = matchCommands('> ', store.getState());
    expect(all.map((c) => c.id)).toEqual(COMMANDS.filter((c) => c.id !== 'profile.switch').map((c) => c.id));
    expect(all.find((c) => c.id === 'selection.close')).toEqual({
      id: 'selection.close',
      label: 'Close the schedule panel',
      shortcut: 'Esc',
      blocked: 'No schedule panel is open.',
    });
    expect(all.find((c) => c.id === 'audit.open')).toEqual({ id: 'audit.open', label: 'Open the audit log', shortcut: null, blocked: null });
  });

  it('refuses a blocked command with its reason and runs an enabled one', () => {
    const store = createAppStore();
    store.setState({ selectedProfileId: ALL_PROFILES });
    const [create] = matchCommands('new schedule', store.getState());
    expect(create?.blocked).toMatch(/Choose one profile first/);
    expect(runCommand('schedule.new', store.getState())).toBe(false);
    expect(store.getState().dialog).toBeNull();
    expect(runCommand('view.timeline', store.getState())).toBe(true);
    expect(store.getState().tab).toBe('timeline');
  });

  it('lists every declared shortcut in the help', () => {
    const rows = shortcutRows().map((r) => r.what);
    for (const c of COMMANDS.filter((c) => c.shortcut)) expect(rows).toContain(c.label);
  });

  it('ends the help with the keys that only move focus or close a dialog', () => {
    expect(shortcutRows().slice(-2)).toEqual([
      { keys: '← →', what: 'Move between tabs when a tab has focus' },
      { keys: 'Esc', what: 'Close the dialog' },
    ]);
  });
});
