// Standalone page that mounts the calendar or the timeline, for bench/renderer.bench.ts and the
// component tests (test/renderer/views.browser.test.ts).
// ?view=calendar|timeline  &profiles=10&per=20 (synthetic)  or  &fixture=1 (fixed cases at a fixed now)
// &zone=server|local
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { CalendarView } from '@renderer/calendar/CalendarView';
import { TimelineView } from '@renderer/timeline/TimelineView';
import { benchSources, fixtureSources, FIXTURE_NOW } from './sources';

// Modules are evaluated in order, so this runs after the bundle is fetched and parsed, before any component code.
performance.mark('page:script-start');
const params = new URLSearchParams(location.search);
const view = params.get('view') === 'timeline' ? 'timeline' : 'calendar';
const fixture = params.get('fixture') === '1';
const now = fixture ? FIXTURE_NOW : new Date();
const sources = fixture ? fixtureSources() : benchSources(Number(params.get('profiles') ?? 10), Number(params.get('per') ?? 20), now);
const displayZone = params.get('zone') === 'local' ? 'local' : 'server';

function Page() {
  const [anchor, setAnchor] = useState(now);
  const [mode, setMode] = useState<'month' | 'week'>('month');
  const [zoom, setZoom] = useState<'day' | 'week' | 'month' | 'quarter'>('week');
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const common = { sources, displayZone, now, selectedKey, onSelect: setSelectedKey } as const;
  return (
    <>
      <h1>Renderer views</h1>
      <p>
        Selected: <output data-testid="selected">{selectedKey ?? ''}</output>
      </p>
      {view === 'calendar' ? (
        <CalendarView {...common} mode={mode} anchor={anchor} onNavigate={setAnchor} onModeChange={setMode} />
      ) : (
        <TimelineView {...common} zoom={zoom} onZoomChange={setZoom} groupByProfile />
      )}
    </>
  );
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Page />
    </StrictMode>,
  );
}
