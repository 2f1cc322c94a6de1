// The bench page's React part: the one view it shows, on synthetic or fixed sources (see main.tsx for
// the query). Mounted once the view's code is in, as the app draws a view whose chunk is loaded: no
// Suspense fallback, which React would hold for up to 300 ms before revealing the view.
import { StrictMode, startTransition, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { CalendarView as CalendarViewType } from '@renderer/calendar/CalendarView';
import type { TimelineView as TimelineViewType } from '@renderer/timeline/TimelineView';
import type { ListView as ListViewType } from './list-view';
import { benchSources, everySecondSources, fixtureSources, FIXTURE_NOW } from './sources';

export type Views = { CalendarView: typeof CalendarViewType; TimelineView: typeof TimelineViewType; ListView: typeof ListViewType };

export function mount(root: HTMLElement, params: URLSearchParams, views: Partial<Views>): void {
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
  // Building the synthetic sources is the page's own cost, not the views': long tasks and the month's
  // first draw are counted from here, once every chunk is in.
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

  // As the app mounts (src-renderer/src/main.tsx): a transition, so React renders in slices that
  // let the browser work between them instead of one task as long as the whole first render.
  const app = createRoot(root);
  startTransition(() =>
    app.render(
      <StrictMode>
        <Page />
      </StrictMode>,
    ),
  );
}
