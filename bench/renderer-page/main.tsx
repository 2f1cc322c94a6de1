// Standalone page that mounts the calendar, the timeline or the list, for bench/renderer.bench.ts and the
// component tests (test/renderer/views.browser.test.ts).
// ?view=calendar|timeline|list  &profiles=10&per=20 (synthetic)  or  &fixture=1 (fixed cases at a fixed now)
// &zone=server|local  &fixture=every-second (one schedule firing every second)  &tick=1 (the clock
// advances every minute, as the app's does; tests drive it with Playwright's page.clock)
//
// This entry is only a few hundred bytes: it asks for React's chunk (page.tsx) and the shown view's
// chunk at once, so they arrive together instead of the view's being requested only after React's
// has been fetched and run. Each view is its own chunk, as in an app that loads what it shows.
import type { Views } from './page';

// Modules are evaluated in order, so this runs after the entry is fetched and parsed, before any component code.
performance.mark('page:script-start');
const params = new URLSearchParams(location.search);
const view = params.get('view') === 'timeline' ? 'timeline' : params.get('view') === 'list' ? 'list' : 'calendar';
const views: Promise<Partial<Views>> =
  view === 'calendar'
    ? import('@renderer/calendar/CalendarView').then((m) => ({ CalendarView: m.CalendarView }))
    : view === 'list'
      ? import('./list-view').then((m) => ({ ListView: m.ListView }))
      : import('@renderer/timeline/TimelineView').then((m) => ({ TimelineView: m.TimelineView }));

const root = document.getElementById('root');
if (root) void Promise.all([import('./page'), views]).then(([page, shown]) => page.mount(root, params, shown));
