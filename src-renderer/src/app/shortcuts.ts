// Keyboard shortcuts of the window: each key press is looked up in the command table and run through
// the command registry, so a shortcut does exactly what its button and menu item do.
import { useEffect } from 'react';
import { useAppStore } from '../store';
import { commandForKey, runCommand } from '../commands/registry';

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const id = commandForKey(e);
      if (!id) return;
      const st = useAppStore.getState();
      // Mod+K works everywhere; plain keys never while typing or while a dialog is open.
      if (id !== 'profile.switch' && (typing(e.target) || st.dialog || st.secretPrompt)) return;
      if (runCommand(id, st)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    const offMenu = window.appEvents?.on('command:invoke', ({ id }) => void runCommand(id));
    return () => {
      window.removeEventListener('keydown', onKey);
      offMenu?.();
    };
  }, []);
}
