// The list tab: the deactivated toggle, the table, and empty states that say what to do next.
import { useCallback, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ScheduleSource } from '../schedule-view-types';
import { useAppStore } from '../store';
import { buildSources } from '../store/sources';
import { EmptyState } from '../common/EmptyState';
import { ScheduleTable } from './ScheduleTable';
import { writeBlockReason } from './write-block';
import { SelectionBar } from '../changes/SelectionBar';
import { describe } from '../common/schedule-info';
import { ExportButton } from '../exports/ExportButton';
import { useBlackoutOf } from './use-blackout-of';
import { matchesSearch, searchWords } from './list-order';
import { RunningNow } from '../health/RunningNow';
import { localZone } from '../common/time';

interface Props {
  sources: ScheduleSource[];
  all: boolean;
  loading: boolean;
}

export function ScheduleListPanel({ sources: listed, all, loading }: Props) {
  const [query, setQuery] = useState('');
  const sources = useMemo(() => {
    const words = searchWords(query);
    return words.length === 0 ? listed : listed.filter((x) => matchesSearch(x, words, describe));
  }, [listed, query]);
  // Flags a row whose next run falls in its profile's blackout window (the run's assumed length included).
  const blackoutOf = useBlackoutOf();
  const s = useAppStore(
    useShallow((st) => ({
      profiles: st.profiles,
      lists: st.lists,
      selectedProfileId: st.selectedProfileId,
      showDeactivated: st.showDeactivated,
      setShowDeactivated: st.setShowDeactivated,
      now: st.now,
      displayZone: st.displayZone,
      selectedKey: st.selectedKey,
      setSelectedKey: st.setSelectedKey,
      openDialog: st.openDialog,
      running: st.running,
      filters: st.filters,
    })),
  );
  const openDialog = s.openDialog;
  // Stable, so the memoized rows do not all re-render when the panel does.
  const onDelete = useCallback((key: string) => openDialog({ kind: 'delete', key }), [openDialog]);
  // Counted under the same filters as the rows, so the toggle never promises rows it will not show.
  const everything = buildSources(s.profiles, s.lists, s.selectedProfileId, true, [], s.filters);
  const deactivated = everything.filter((x) => x.schedule.active === false).length;
  const shown = all ? s.profiles : s.profiles.filter((p) => p.id === s.selectedProfileId);
  const loaded = shown.some((p) => s.lists[p.id]?.list);
  const runningProfiles = shown.filter((p) => s.running[p.id]?.running);

  return (
    <div className="list-panel">
      <div className="list-toolbar">
        <input
          type="search"
          className="input list-search"
          placeholder="Search expression, words, profile, org, author"
          aria-label="Search schedules"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <span className="muted" role="status">
          {/* While the first list loads there is no count to tell: the empty state says it is loading. */}
          {loading && !loaded
            ? ''
            : `${sources.length} schedule${sources.length === 1 ? '' : 's'} shown${query.trim() && listed.length !== sources.length ? ` of ${listed.length}` : ''}`}
        </span>
        {runningProfiles.length > 0 && (
          <span className="list-running" data-testid="list-running">
            {runningProfiles.map((p) => (
              <RunningNow
                key={p.id}
                state={s.running[p.id]}
                now={s.now}
                zone={s.displayZone === 'server' ? p.serverTimeZone : localZone}
                {...(all ? { name: p.name } : {})}
              />
            ))}
          </span>
        )}
        <span className="list-toolbar-actions">
          <SelectionBar />
          <ExportButton />
          <label className="toggle">
            <input type="checkbox" checked={s.showDeactivated} onChange={(e) => s.setShowDeactivated(e.target.checked)} />
            Show deactivated ({deactivated})
          </label>
        </span>
      </div>
      {sources.length === 0 && listed.length > 0 ? (
        <EmptyState title="No schedule matches the search">
          Nothing in the expression, its words, the profile, org or author contains “{query.trim()}”.
        </EmptyState>
      ) : sources.length === 0 ? (
        loading && !loaded ? (
          <EmptyState title="Loading schedules…" />
        ) : !loaded ? (
          <EmptyState title="No schedules to show">The schedules could not be loaded. See the message above, then try again.</EmptyState>
        ) : (
          <EmptyState
            title={all ? 'No active schedules in any profile' : 'No active schedules'}
            action={
              !all && s.selectedProfileId && writeBlockReason(s.lists[s.selectedProfileId]) === null ? (
                <button type="button" className="button button-primary" onClick={() => s.openDialog({ kind: 'create', profileId: s.selectedProfileId ?? '' })}>
                  Create the first schedule
                </button>
              ) : undefined
            }
          >
            {deactivated > 0 ? `${deactivated} deactivated schedule${deactivated === 1 ? ' is' : 's are'} hidden; tick “Show deactivated” to see them. ` : ''}A
            schedule tells the engine when to rebuild this org’s aggregates.
          </EmptyState>
        )
      ) : (
        <ScheduleTable
          sources={sources}
          now={s.now}
          displayZone={s.displayZone}
          showProfile={all}
          selectedKey={s.selectedKey}
          onSelect={s.setSelectedKey}
          onDelete={onDelete}
          deleteBlocked={(profileId) => writeBlockReason(s.lists[profileId])}
          blackoutOf={blackoutOf}
        />
      )}
    </div>
  );
}
