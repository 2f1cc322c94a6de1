// The main area: header, banners, the list/calendar/timeline tabs, and the selected schedule's panel.
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ALL_PROFILES, useAppStore } from '../store';
import { buildSources } from '../store/sources';
import { writeBlockReason, writeBlockShort } from '../schedules/write-block';
import { WorkspaceHeader } from './WorkspaceHeader';
import { StatusBanners } from './StatusBanners';
import { ViewTabs } from './ViewTabs';
import { ScheduleListPanel } from '../schedules/ScheduleListPanel';
import { ScheduleDetails } from '../schedules/ScheduleDetails';
import { CalendarPanel, TimelinePanel } from './SchedulePanels';
import { LoadPanel } from '../load/LoadView';

export function Workspace() {
  const { profiles, lists, selectedProfileId, showDeactivated, now, tab, displayZone, refreshProgress } = useAppStore(
    useShallow((s) => ({
      profiles: s.profiles,
      lists: s.lists,
      selectedProfileId: s.selectedProfileId,
      showDeactivated: s.showDeactivated,
      now: s.now,
      tab: s.tab,
      displayZone: s.displayZone,
      refreshProgress: s.refreshProgress,
    })),
  );
  const actions = useAppStore(
    useShallow((s) => ({ refreshProfile: s.refreshProfile, refreshAll: s.refreshAll, openDialog: s.openDialog, setDisplayZone: s.setDisplayZone })),
  );
  const all = selectedProfileId === ALL_PROFILES;
  const profile = all ? null : (profiles.find((p) => p.id === selectedProfileId) ?? null);
  const shownProfiles = useMemo(() => (all ? profiles : profile ? [profile] : []), [all, profiles, profile]);
  const sources = useMemo(() => buildSources(profiles, lists, selectedProfileId, showDeactivated), [profiles, lists, selectedProfileId, showDeactivated]);
  const entry = profile ? lists[profile.id] : undefined;
  const refreshing = refreshProgress !== null || shownProfiles.some((p) => lists[p.id]?.loading);

  return (
    <main className="workspace" aria-busy={refreshing}>
      <WorkspaceHeader
        profile={profile}
        profileCount={profiles.length}
        entry={entry}
        now={now}
        displayZone={displayZone}
        createBlocked={profile ? writeBlockReason(entry) : null}
        createBlockedShort={profile ? writeBlockShort(entry) : null}
        refreshing={refreshing}
        onRefresh={() => (all ? void actions.refreshAll() : profile && void actions.refreshProfile(profile.id))}
        onCreate={() => profile && actions.openDialog({ kind: 'create', profileId: profile.id })}
        onEdit={() => profile && actions.openDialog({ kind: 'profile', profileId: profile.id })}
        onZone={actions.setDisplayZone}
      />
      <StatusBanners profiles={shownProfiles} lists={lists} now={now} progress={refreshProgress} onRetry={(id) => void actions.refreshProfile(id)} />
      <ViewTabs />
      <div className="workspace-body">
        <section className="tab-panel" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
          {tab === 'list' && <ScheduleListPanel sources={sources} all={all} loading={refreshing} />}
          {tab === 'calendar' && <CalendarPanel sources={sources} all={all} />}
          {tab === 'timeline' && <TimelinePanel sources={sources} all={all} />}
          {tab === 'load' && <LoadPanel />}
        </section>
        <ScheduleDetails />
      </div>
    </main>
  );
}
