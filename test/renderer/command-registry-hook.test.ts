// A button's view of a command (useCommand): its label, its shortcut as this platform writes it, why it
// is disabled, and a run that does what the command does in the window's store.
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { commandBlocked, isMac, useCommand } from '@renderer/commands/registry';
import { useAppStore } from '@renderer/store';
import type { CommandId } from '@shared/commands';

/** Renders a button-like component once and hands back what useCommand gave it. */
function buttonFor(id: CommandId) {
  let seen: ReturnType<typeof useCommand> | undefined;
  const Button = () => {
    seen = useCommand(id);
    return createElement('button', { disabled: seen.blocked !== null, title: seen.blocked ?? undefined }, seen.label);
  };
  const html = renderToString(createElement(Button));
  if (!seen) throw new Error('the button did not render');
  return { html, command: seen };
}

describe('a command as a button', () => {
  it('an enabled command: its label and shortcut, no reason, and running it changes the window', () => {
    const { html, command } = buttonFor('view.calendar');
    expect(command).toMatchObject({ id: 'view.calendar', label: 'Show calendar', shortcut: '2', blocked: null });
    expect(html).toContain('Show calendar');
    expect(html).not.toContain('disabled');
    command.run();
    expect(useAppStore.getState().tab).toBe('calendar');
  });

  it('a blocked command: disabled with its reason as the tooltip, and running it does nothing', () => {
    const { html, command } = buttonFor('schedule.new');
    expect(command.blocked).toBe('Choose one profile first: a schedule belongs to one org.');
    expect(html).toContain('disabled');
    expect(html).toContain('Choose one profile first');
    command.run();
    expect(useAppStore.getState().dialog).toBeNull();
  });

  it('a command without a shortcut shows none; a Mod+ shortcut reads as this platform writes it', () => {
    expect(buttonFor('profile.add').command.shortcut).toBeNull();
    expect(buttonFor('profile.switch').command.shortcut).toBe(isMac ? '⌘K' : 'Ctrl+K');
  });

  it('without a state given, a command is judged in the window’s store', () => {
    expect(commandBlocked('selection.close')).toBe('No schedule panel is open.');
    expect(commandBlocked('help.shortcuts')).toBeNull();
  });
});
