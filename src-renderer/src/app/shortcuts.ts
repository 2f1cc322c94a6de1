// Keyboard shortcuts of the window; the help dialog lists the same table.
import { useEffect } from 'react';
import { ALL_PROFILES, useAppStore } from '../store';
import { writeBlockReason } from '../schedules/write-block';

const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);

export const SHORTCUTS: { keys: string; what: string }[] = [
  { keys: isMac ? '⌘K' : 'Ctrl+K', what: 'Switch profile (find by name, org or environment)' },
  { keys: 'N', what: 'New schedule for the selected profile' },
  { keys: 'R', what: 'Refresh the schedules shown' },
  { keys: '1 / 2 / 3', what: 'List / Calendar / Timeline' },
  { keys: 'Z', what: 'Toggle server zone / local time' },
  { keys: '← →', what: 'Move between tabs when a tab has focus' },
  { keys: 'Esc', what: 'Close the dialog or the schedule panel' },
  { keys: '?', what: 'Show these shortcuts' },
];

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const st = useAppStore.getState();
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        if (st.profiles.length > 0) st.openDialog({ kind: 'switcher' });
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target) || st.dialog || st.secretPrompt) return;
      const profileId = st.selectedProfileId;
      switch (e.key) {
        case 'n':
        case 'N':
          if (profileId && profileId !== ALL_PROFILES && writeBlockReason(st.lists[profileId]) === null) st.openDialog({ kind: 'create', profileId });
          break;
        case 'r':
        case 'R':
          void st.refreshShown({ confirm: true });
          break;
        case '1':
          st.setTab('list');
          break;
        case '2':
          st.setTab('calendar');
          break;
        case '3':
          st.setTab('timeline');
          break;
        case 'z':
        case 'Z':
          st.setDisplayZone(st.displayZone === 'server' ? 'local' : 'server');
          break;
        case '?':
          st.openDialog({ kind: 'shortcuts' });
          break;
        case 'Escape':
          if (st.selectedKey) st.setSelectedKey(null);
          break;
        default:
          return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
