// The views a first screen may not show load on demand, each as its own chunk: the first frame parses
// only the shell and the list. After the first paint an idle moment fetches the calendar, the
// timeline, the selected schedule's panel (it carries the change actions and the linter) and the
// dialogs opened most, so a click rarely waits; the rest stays until used.
import { runWhenIdle } from '../calendar/idle-prefetch';
import { lazyView } from './lazy-view';
import { prefetchDialogs } from './Dialogs';

const calendar = lazyView(() => import('../calendar/CalendarView').then((m) => m.CalendarView));
const timeline = lazyView(() => import('../timeline/TimelineView').then((m) => m.TimelineView));
const loadView = lazyView(() => import('../load/LoadView').then((m) => m.LoadPanel));
const details = lazyView(() => import('../schedules/ScheduleDetails').then((m) => m.ScheduleDetails));

export const CalendarView = calendar.View;
export const TimelineView = timeline.View;
export const LoadPanel = loadView.View;
export const ScheduleDetails = details.View;

/** Fetches the calendar's, timeline's, details' and common dialogs' chunks when the page is idle; returns a cancel function. */
export function prefetchViews(): () => void {
  return runWhenIdle([() => void calendar.prefetch(), () => void timeline.prefetch(), () => void details.prefetch(), () => void prefetchDialogs()]);
}
