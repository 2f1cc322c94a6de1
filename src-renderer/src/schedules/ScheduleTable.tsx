// The schedules list: expression and words, next run in both zones, latest run, build, author, status.
// Virtualized (only the rows in view and a few around them are in the DOM): the all-profiles view
// of 2,000 schedules draws as fast as one profile's ten. Arrow keys, Home and End move between rows.
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { afterLayout } from '../common/virtual-viewport';
import type { ScheduleSource } from '../schedule-view-types';
import { nextRunOf, sortRows, type ListSort, type SortColumn } from './list-order';
import { useNextRunOrder } from './use-next-run-order';
import { rowKeyTarget } from './list-keys';
import { ScheduleRow } from './ScheduleRow';
import { describe } from '../common/schedule-info';
import { runWhenIdle } from '../calendar/idle-prefetch';
import { useSavedMarks } from '../sources/saved-marks';
import './list.css';

interface Props {
  sources: ScheduleSource[];
  now: Date;
  /** Which zone leads; the other one is shown under it. */
  displayZone: 'server' | 'local';
  showProfile: boolean;
  selectedKey: string | null;
  onSelect(key: string): void;
  onDelete(key: string): void;
  /** Reason delete is unavailable per profile, or null. */
  deleteBlocked(profileId: string): string | null;
  /** The blackout window the schedule's next run falls in (its words), or null. */
  blackoutOf?(source: ScheduleSource, next: Date | null): string | null;
}

const DEFAULT_SORT: ListSort = { column: 'next', direction: 'ascending' };

/** A sortable column header: a button that says what a click does, and aria-sort on the header cell. */
function SortHeader({
  column,
  sort,
  onSort,
  className,
  children,
}: {
  column: SortColumn;
  sort: ListSort;
  onSort(s: ListSort): void;
  className: string;
  children: ReactNode;
}) {
  const active = sort.column === column;
  const next: ListSort = { column, direction: active && sort.direction === 'ascending' ? 'descending' : 'ascending' };
  return (
    <th scope="col" className={`${className} sortable`} aria-sort={active ? sort.direction : 'none'}>
      <button type="button" className="sort-button" onClick={() => onSort(next)} title={`Sort by ${String(children).toLowerCase()}, ${next.direction}`}>
        {children}
        <span aria-hidden="true" className="sort-mark">
          {active ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}
        </span>
      </button>
    </th>
  );
}

/**
 * Every row is this tall (app.css .schedule-table tbody tr): a fixed height spares the virtualizer
 * measuring each row, which forced a layout per row and cost ~55 ms of a 170 ms tab switch.
 */
const ROW_HEIGHT = 60;
const rowHeight = () => ROW_HEIGHT;

export function ScheduleTable({ sources, now, displayZone, showProfile, selectedKey, onSelect, onDelete, deleteBlocked, blackoutOf }: Props) {
  const [sort, setSort] = useState<ListSort>(DEFAULT_SORT);
  const { rows: byNext, ordered } = useNextRunOrder(sources, now);
  const rows = useMemo(() => (sort === DEFAULT_SORT || !ordered ? byNext : sortRows(byNext, sort)), [byNext, sort, ordered]);
  const scroller = useRef<HTMLDivElement>(null);
  // The virtualizer lays out every row again whenever this function changes: stable between scroll frames.
  const getItemKey = useCallback((i: number) => rows[i]?.source.key ?? i, [rows]);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is meant to be used this way
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: rowHeight,
    getItemKey,
    overscan: 8,
    // Measured after layout, not during the commit (common/virtual-viewport.ts).
    ...afterLayout(),
    // The rows a scroll brings are rendered in a task of their own, not inside the scroll event: the
    // frame that paints the scroll then carries only style and layout, never a long task.
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  // Rows of a profile shown from its saved list carry that list's mark (one per profile, not per row).
  const saved = useSavedMarks();
  const hasSaved = useMemo(() => saved.size > 0 && sources.some((s) => !s.paused && saved.has(s.profileId)), [saved, sources]);

  // A schedule selected elsewhere (calendar, timeline, a new one) scrolls into view.
  const selectedIndex = useMemo(() => rows.findIndex((r) => r.source.key === selectedKey), [rows, selectedKey]);
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  useEffect(() => {
    if (!ordered) return;
    // Every distinct expression described in idle time, in the list's order: rows scrolled into view only draw.
    const expressions = [...new Set(rows.map((r) => r.source.schedule.timeExpression))];
    return runWhenIdle(expressions.map((e) => () => void describe(e)));
  }, [rows, ordered]);

  useEffect(() => {
    // The bench and the e2e tests wait for this mark: the list's first screen of rows is committed.
    performance.mark('list:drawn', { detail: { rows: rows.length } });
    if (ordered) performance.mark('list:ordered', { detail: { rows: rows.length } });
  }, [rows, ordered]);

  const onKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    const row = (e.target as HTMLElement).closest<HTMLElement>('tr[data-index]');
    if (!row) return;
    const target = rowKeyTarget(e.key, Number(row.dataset.index), rows.length);
    if (target === null) return;
    e.preventDefault();
    virtualizer.scrollToIndex(target, { align: 'auto' });
    // The row may only exist after the scroll renders it.
    const focus = (tries: number) => {
      const button = scroller.current?.querySelector<HTMLElement>(`tr[data-index="${target}"] .expression`);
      if (button) button.focus();
      else if (tries > 0) requestAnimationFrame(() => focus(tries - 1));
    };
    requestAnimationFrame(() => focus(5));
  };

  return (
    <div className="table-wrap" ref={scroller} data-testid="schedule-list" data-rows={rows.length} data-ordered={ordered} aria-busy={!ordered}>
      <table
        className={`schedule-table${showProfile ? ' with-profile' : ''}${hasSaved ? ' has-saved' : ''}`}
        aria-label="Schedules"
        aria-rowcount={rows.length + 1}
      >
        <thead>
          <tr aria-rowindex={1}>
            {showProfile && (
              <SortHeader column="profile" sort={sort} onSort={setSort} className="col-profile">
                Profile
              </SortHeader>
            )}
            <SortHeader column="schedule" sort={sort} onSort={setSort} className="col-schedule">
              Schedule
            </SortHeader>
            <SortHeader column="next" sort={sort} onSort={setSort} className="col-next">
              Next run
            </SortHeader>
            <SortHeader column="latest" sort={sort} onSort={setSort} className="col-latest">
              Latest execution
            </SortHeader>
            <SortHeader column="build" sort={sort} onSort={setSort} className="col-build">
              Build
            </SortHeader>
            <SortHeader column="created" sort={sort} onSort={setSort} className="col-created">
              Created
            </SortHeader>
            <SortHeader column="status" sort={sort} onSort={setSort} className="col-status">
              Status
            </SortHeader>
            <th scope="col" className="col-actions">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody style={{ height: virtualizer.getTotalSize() }} onKeyDown={onKeyDown}>
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            const s = row.source;
            // Until the list is ordered, a drawn row computes its own next run (cached for the ordering).
            const next = ordered ? row.next : nextRunOf(s, now);
            return (
              <ScheduleRow
                key={item.key}
                index={item.index}
                start={item.start}
                sourceKey={s.key}
                schedule={s.schedule}
                profileName={s.profileName}
                color={s.color}
                serverTimeZone={s.serverTimeZone}
                next={next}
                now={now}
                displayZone={displayZone}
                showProfile={showProfile}
                selected={selectedKey === s.key}
                blocked={deleteBlocked(s.profileId)}
                blackout={blackoutOf ? blackoutOf(s, next) : null}
                saved={s.paused ? null : (saved.get(s.profileId) ?? null)}
                onSelect={onSelect}
                onDelete={onDelete}
              />
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
