// Standalone page that mounts the calendar or the timeline, for bench/renderer.bench.ts and the
// component tests (test/renderer/views.browser.test.ts).
// ?view=calendar|timeline|list  &profiles=10&per=20 (synthetic)  or  &fixture=1 (fixed cases at a fixed now)
// &zone=server|local  &fixture=every-second (one schedule firing every second)  &tick=1 (the clock
// advances every minute, as the app's does; tests drive it with Playwright's page.clock)
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { CalendarView as CalendarViewType } from '@renderer/calendar/CalendarView';
import type { TimelineView as TimelineViewType } from '@renderer/timeline/TimelineView';
import type { ListView as ListViewType } from './list-view';
import { benchSources, everySecondSources, fixtureSources, FIXTURE_NOW } from './sources';

// Each view is its own chunk, as in an app that loads what it shows: the calendar's first frame
// does not parse the timeline and the list. The page fetches the one it shows at once and mounts when
// it has arrived, as the app draws a view whose chunk is loaded: no Suspense fallback, which React would
// hold for up to 300 ms before revealing the view.
type Views = { CalendarView: typeof CalendarViewType; TimelineView: typeof TimelineViewType; ListView: typeof ListViewType };
const views: Partial<Views> = {};

// Modules are evaluated in order, so this runs after the bundle is fetched and parsed, before any component code.
performance.mark('page:script-start');
const params = new URLSearchParams(location.search);
const view = params.get('view') === 'timeline' ? 'timeline' : params.get('view') === 'list' ? 'list' : 'calendar';
const fixture = params.get('fixture') === '1';
const everySecond = params.get('fixture') === 'every-second';
const ticking = params.get('tick') === '1';
const now = fixture ? FIXTURE_NOW : new Date();
const sources = fixture
  ? fixtureSources()
  : everySecond
    ? everySecondSources(now)
    : benchSources(Number(params.get('profiles') ?? 10), Number(params.get('per') ?? 20), now);
const displayZone = params.get('zone') === 'local' ? 'local' : 'server';
// Building the synthetic sources is the page's own cost, not the views': long tasks are counted after this.
performance.mark('page:sources-ready');

function Page() {
  const [anchor, setAnchor] = useState(now);
  const [mode, setMode] = useState<'month' | 'week'>('month');
  const [zoom, setZoom] = useState<'day' | 'week' | 'month' | 'quarter'>('week');
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const [clock, setClock] = useState(now);
  useEffect(() => {
    if (!ticking) return;
    const timer = window.setInterval(() => setClock(new Date()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  const { CalendarView, TimelineView, ListView } = views;
  const common = { sources, displayZone, now: clock, selectedKey, onSelect: setSelectedKey } as const;
  return (
    <>
      <h1>Renderer views</h1>
      <p>
        Selected: <output data-testid="selected">{selectedKey ?? ''}</output> · now <output data-testid="now">{clock.toISOString()}</output>
      </p>
      {CalendarView ? (
        <CalendarView {...common} mode={mode} anchor={anchor} onNavigate={setAnchor} onModeChange={setMode} />
      ) : ListView ? (
        <ListView {...common} />
      ) : TimelineView ? (
        <TimelineView {...common} zoom={zoom} onZoomChange={setZoom} groupByProfile />
      ) : null}
    </>
  );
}

const loading =
  view === 'calendar'
    ? import('@renderer/calendar/CalendarView').then((m) => void (views.CalendarView = m.CalendarView))
    : view === 'list'
      ? import('./list-view').then((m) => void (views.ListView = m.ListView))
      : import('@renderer/timeline/TimelineView').then((m) => void (views.TimelineView = m.TimelineView));

const root = document.getElementById('root');
if (root) {
  void loading.then(() =>
    createRoot(root).render(
      <StrictMode>
        <Page />
      </StrictMode>,
    ),
  );
}
