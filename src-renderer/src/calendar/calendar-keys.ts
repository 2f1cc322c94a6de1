// What a key does in the calendar grid (WAI-ARIA grid / date picker conventions). Pure, so tested.
import { addDays, addMonths, dayOfWeek, type CivilDate } from '@renderer/common/time';
import type { WeekStart } from './month-grid';

export type CalendarKeyAction = { kind: 'move'; to: CivilDate } | { kind: 'select' } | null;

export function calendarKeyAction(key: string, focused: CivilDate, weekStartsOn: WeekStart): CalendarKeyAction {
  const move = (to: CivilDate): CalendarKeyAction => ({ kind: 'move', to });
  switch (key) {
    case 'ArrowLeft':
      return move(addDays(focused, -1));
    case 'ArrowRight':
      return move(addDays(focused, 1));
    case 'ArrowUp':
      return move(addDays(focused, -7));
    case 'ArrowDown':
      return move(addDays(focused, 7));
    case 'PageUp':
      return move(addMonths(focused, -1));
    case 'PageDown':
      return move(addMonths(focused, 1));
    case 'Home':
      return move(addDays(focused, -((dayOfWeek(focused) - weekStartsOn + 7) % 7)));
    case 'End':
      return move(addDays(focused, 6 - ((dayOfWeek(focused) - weekStartsOn + 7) % 7)));
    case 'Enter':
    case ' ':
      return { kind: 'select' };
    default:
      return null;
  }
}

/** Enter on a day selects its first schedule, then the next one on each press (cycling). */
export function nextSelection(keysOfDay: readonly string[], selectedKey: string | null): string | null {
  if (keysOfDay.length === 0) return null;
  const at = selectedKey === null ? -1 : keysOfDay.indexOf(selectedKey);
  return keysOfDay[(at + 1) % keysOfDay.length] ?? null;
}
