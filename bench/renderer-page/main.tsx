// Standalone page that mounts the calendar, the timeline or the list, for bench/renderer.bench.ts and the
// component tests (test/renderer/views.browser.test.ts).
// ?view=calendar|timeline|list|floor (floor.tsx: React drawing plain cells)  &profiles=10&per=20 (synthetic)  or  &fixture=1 (fixed cases at a fixed now)
// &zone=server|local  &fixture=every-second (one schedule firing every second)  &tick=1 (the clock
// advances every minute, as the app's does; tests drive it with Playwright's page.clock)
//
// The month is this page's first screen (the bench's first-frame figure is navigation to a drawn month),
// so it ships in the entry chunk with React, as the app ships its first screen (the shell and the list)
// in its own: one request instead of an entry that then asks for React's chunk and the view's. The
// timeline and the list load on demand, as the app's other views do.
import { CalendarView } from '@renderer/calendar/CalendarView';
import { mountFloor } from './floor';
import { mount, type Views } from './page';

// Modules are evaluated in order, so this runs after the entry is fetched and evaluated, before any component renders.
performance.mark('page:script-start');
const params = new URLSearchParams(location.search);
const view = params.get('view') === 'timeline' ? 'timeline' : params.get('view') === 'list' ? 'list' : 'calendar';
const views: Promise<Partial<Views>> =
  view === 'calendar'
    ? Promise.resolve({ CalendarView })
    : view === 'list'
      ? import('./list-view').then((m) => ({ ListView: m.ListView }))
      : import('@renderer/timeline/TimelineView').then((m) => ({ TimelineView: m.TimelineView }));

const root = document.getElementById('root');
if (root && params.get('view') === 'floor') mountFloor(root);
else if (root) void views.then((shown) => mount(root, params, shown));
