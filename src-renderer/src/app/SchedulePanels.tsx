// Feeds the calendar and timeline (built in calendar/ and timeline/) from the store. They caption
// their own display zone (each profile in its own server zone when zones differ).
import { useShallow } from 'zustand/react/shallow';
import { Suspense, useMemo } from 'react';
import { CalendarView, TimelineView } from './lazy-views';
import type { ScheduleSource } from '../schedule-view-types';
import { useAppStore } from '../store';
import { EmptyState } from '../common/EmptyState';
import { localZone } from '../common/time';
import { runningSince } from '../store/health-slice';
import { runningText } from '../health/running-text';
import type { RunningBar } from '../timeline/timeline-rows';

interface PanelProps {
  sources: ScheduleSource[];
  all: boolean;
}

function useViewProps() {
  return useAppStore(
    useShallow((s) => ({ displayZone: s.displayZone, now: s.now, selectedKey: s.selectedKey, onSelect: s.setSelectedKey as (key: string) => void })),
  );
}

function NoSchedules({ all }: { all: boolean }) {
  return (
    <EmptyState title="Nothing to draw yet">
      {all ? 'None of the profiles has an active schedule loaded.' : 'This profile has no active schedule. Create one with “New schedule”.'}
    </EmptyState>
  );
}

export function CalendarPanel({ sources, all }: PanelProps) {
  const view = useViewProps();
  const { mode, anchor, setAnchor, setMode, selectRun } = useAppStore(
    useShallow((s) => ({ mode: s.calendarMode, anchor: s.calendarAnchor, setAnchor: s.setCalendarAnchor, setMode: s.setCalendarMode, selectRun: s.selectRun })),
  );
  return (
    <div className="view-panel">
      {sources.length === 0 && <NoSchedules all={all} />}
      <Suspense fallback={<p className="loading">Loading the calendar…</p>}>
        <CalendarView {...view} sources={sources} mode={mode} anchor={anchor} onNavigate={setAnchor} onModeChange={setMode} onSelectRun={selectRun} />
      </Suspense>
    </div>
  );
}

/** The shown profiles whose maintenance is running, as the timeline's live bars. */
function useRunningBars(all: boolean): RunningBar[] {
  const { running, profiles, selectedProfileId, displayZone, now } = useAppStore(
    useShallow((s) => ({ running: s.running, profiles: s.profiles, selectedProfileId: s.selectedProfileId, displayZone: s.displayZone, now: s.now })),
  );
  return useMemo(() => {
    const bars: RunningBar[] = [];
    for (const p of all ? profiles : profiles.filter((x) => x.id === selectedProfileId)) {
      const state = running[p.id];
      const since = runningSince(state);
      const text = runningText(state, now, displayZone === 'server' ? p.serverTimeZone : localZone);
      if (since && text) bars.push({ profileId: p.id, profileName: p.name, color: p.environment.color, since, text });
    }
    return bars;
  }, [running, profiles, selectedProfileId, all, displayZone, now]);
}

export function TimelinePanel({ sources, all }: PanelProps) {
  const view = useViewProps();
  const { zoom, setZoom } = useAppStore(useShallow((s) => ({ zoom: s.timelineZoom, setZoom: s.setTimelineZoom })));
  const running = useRunningBars(all);
  return (
    <div className="view-panel">
      {sources.length === 0 ? (
        <NoSchedules all={all} />
      ) : (
        <Suspense fallback={<p className="loading">Loading the timeline…</p>}>
          <TimelineView {...view} sources={sources} zoom={zoom} onZoomChange={setZoom} groupByProfile={all} running={running} />
        </Suspense>
      )}
    </div>
  );
}
