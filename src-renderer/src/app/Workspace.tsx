// The main area: header, banners, the list/calendar/timeline tabs, and the selected schedule's panel.
// Each view sits in its own error boundary, so one failing view never blanks the window.
import { Suspense, useEffect, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ALL_PROFILES, useAppStore } from '../store';
import { buildSources } from '../store/sources';
import { isLoading, updatedText, writeBlock } from '../store/derived';
import { settledOf } from '../store/schedule-state';
import { ErrorBoundary } from '../common/ErrorBoundary';
import { WorkspaceHeader } from './WorkspaceHeader';
import { StatusBanners } from './StatusBanners';
import { ViewTabs } from './ViewTabs';
import { ScheduleListPanel } from '../schedules/ScheduleListPanel';
import { CalendarPanel, TimelinePanel } from './SchedulePanels';
import { HealthBar } from '../health/HealthBar';
import { NotificationList } from '../health/NotificationList';
import { filterProblems } from '../health/verdicts';
import { useHealthEvents } from '../health/use-health-events';
import { usePausedSchedules } from '../changes/use-paused';
import { LoadPanel, prefetchViews, ScheduleDetails } from './lazy-views';
import { FilterBar } from '../filters/FilterBar';

export function Workspace() {
  const { profiles, lists, selectedProfileId, showDeactivated, now, tab, displayZone, refreshProgress, problemsOnly, running, filters } = useAppStore(
    useShallow((s) => ({
      profiles: s.profiles,
      lists: s.lists,
      selectedProfileId: s.selectedProfileId,
      showDeactivated: s.showDeactivated,
      now: s.now,
      tab: s.tab,
      displayZone: s.displayZone,
      refreshProgress: s.refreshProgress,
      problemsOnly: s.problemsOnly,
      running: s.running,
      filters: s.filters,
    })),
  );
  const actions = useAppStore(
    useShallow((s) => ({
      refreshProfile: s.refreshProfile,
      refreshAll: s.refreshAll,
      refreshShown: s.refreshShown,
      openDialog: s.openDialog,
      openSecretPrompt: s.openSecretPrompt,
      setDisplayZone: s.setDisplayZone,
    })),
  );
  const all = selectedProfileId === ALL_PROFILES;
  const profile = all ? null : (profiles.find((p) => p.id === selectedProfileId) ?? null);
  const shownProfiles = useMemo(() => (all ? profiles : profile ? [profile] : []), [all, profiles, profile]);
  const paused = usePausedSchedules();
  const sources = useMemo(
    () => filterProblems(buildSources(profiles, lists, selectedProfileId, showDeactivated, paused, filters), problemsOnly),
    [profiles, lists, selectedProfileId, showDeactivated, paused, problemsOnly, filters],
  );
  useEffect(() => prefetchViews(), []);
  useHealthEvents(useMemo(() => shownProfiles.map((p) => p.id), [shownProfiles]));
  const entry = profile ? lists[profile.id] : undefined;
  const block = profile ? writeBlock(entry, profile.signIn) : null;
  const refreshing = refreshProgress !== null || shownProfiles.some((p) => isLoading(lists[p.id]));

  return (
    <main className="workspace" aria-busy={refreshing}>
      <WorkspaceHeader
        profile={profile}
        profileCount={profiles.length}
        updated={profile ? updatedText(entry, now) : null}
        notLive={profile !== null && settledOf(entry) !== null && settledOf(entry)?.status !== 'live'}
        serverTimeZone={entry?.list?.serverTimeZone ?? null}
        displayZone={displayZone}
        createBlocked={block?.reason ?? null}
        createBlockedShort={block?.short ?? null}
        refreshing={refreshing}
        onRefresh={() => void actions.refreshShown({ confirm: true })}
        onCreate={() => profile && actions.openDialog({ kind: 'create', profileId: profile.id })}
        onEdit={() => profile && actions.openDialog({ kind: 'profile', profileId: profile.id })}
        onZone={actions.setDisplayZone}
        entry={entry}
        running={running}
        shownProfiles={shownProfiles}
        now={now}
      />
      <HealthBar profile={profile} profiles={shownProfiles} lists={lists} now={now} />
      <StatusBanners
        profiles={shownProfiles}
        lists={lists}
        now={now}
        progress={refreshProgress}
        onRetry={(ids) => void (ids.length > 1 ? actions.refreshAll() : ids[0] !== undefined && actions.refreshProfile(ids[0]))}
        onFix={(id, fix) => (fix === 'secret' ? actions.openSecretPrompt(id) : actions.openDialog({ kind: 'profile', profileId: id }))}
      />
      <NotificationList />
      {all && <FilterBar />}
      <ViewTabs />
      <div className="workspace-body">
        <section className="tab-panel" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
          {tab === 'list' && (
            <ErrorBoundary view="The schedule list">
              <ScheduleListPanel sources={sources} all={all} loading={refreshing} />
            </ErrorBoundary>
          )}
          {tab === 'calendar' && (
            <ErrorBoundary view="The calendar">
              <CalendarPanel sources={sources} all={all} />
            </ErrorBoundary>
          )}
          {tab === 'timeline' && (
            <ErrorBoundary view="The timeline">
              <TimelinePanel sources={sources} all={all} />
            </ErrorBoundary>
          )}
          {tab === 'load' && (
            <ErrorBoundary view="The load view">
              <Suspense fallback={<p className="loading">Loading the load view…</p>}>
                <LoadPanel />
              </Suspense>
            </ErrorBoundary>
          )}
        </section>
        <ErrorBoundary view="The schedule details">
          <Suspense fallback={null}>
            <ScheduleDetails />
          </Suspense>
        </ErrorBoundary>
      </div>
    </main>
  );
}
