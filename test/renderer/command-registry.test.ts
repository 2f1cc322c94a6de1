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
});
