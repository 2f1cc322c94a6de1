// The views a first screen may not show load on demand, each as its own chunk: the first frame parses
// only the shell and the list. After the first paint an idle moment fetches the calendar and the
// timeline, so a tab click rarely waits for a chunk; the load view and the dialogs stay until used.
import { lazy } from 'react';
import { runWhenIdle } from '../calendar/idle-prefetch';

const loadCalendar = () => import('../calendar/CalendarView');
const loadTimeline = () => import('../timeline/TimelineView');
const loadLoadView = () => import('../load/LoadView');

export const CalendarView = lazy(() => loadCalendar().then((m) => ({ default: m.CalendarView })));
export const TimelineView = lazy(() => loadTimeline().then((m) => ({ default: m.TimelineView })));
export const LoadPanel = lazy(() => loadLoadView().then((m) => ({ default: m.LoadPanel })));

/** Fetches the calendar's and timeline's chunks when the page is idle; returns a cancel function. */
export function prefetchViews(): () => void {
  return runWhenIdle([() => void loadCalendar(), () => void loadTimeline()]);
}
