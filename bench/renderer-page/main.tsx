// Standalone page that mounts the calendar or the timeline on synthetic data, for bench/renderer.bench.ts.
// ?view=calendar|timeline&profiles=10&per=20
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { CalendarView } from '@renderer/calendar/CalendarView';
import { TimelineView } from '@renderer/timeline/TimelineView';
import { benchSources } from './sources';

const params = new URLSearchParams(location.search);
const view = params.get('view') === 'timeline' ? 'timeline' : 'calendar';
const now = new Date();
const sources = benchSources(Number(params.get('profiles') ?? 10), Number(params.get('per') ?? 20), now);

function Page() {
  const [anchor, setAnchor] = useState(now);
  const [mode, setMode] = useState<'month' | 'week'>('month');
  const [zoom, setZoom] = useState<'day' | 'week' | 'month' | 'quarter'>('week');
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const common = { sources, displayZone: 'server' as const, now, selectedKey, onSelect: setSelectedKey };
  return view === 'calendar' ? (
    <CalendarView {...common} mode={mode} anchor={anchor} onNavigate={setAnchor} onModeChange={setMode} />
  ) : (
    <TimelineView {...common} zoom={zoom} onZoomChange={setZoom} groupByProfile />
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
