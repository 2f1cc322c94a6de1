// The schedules list: expression and words, next run in both zones, latest run, build, author, status.
// Virtualized (only the rows in view and a few around them are in the DOM): the all-profiles view
// of 2,000 schedules draws as fast as one profile's ten. Arrow keys, Home and End move between rows.
import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ScheduleSource } from '../schedule-view-types';
import { sortByNextRun } from './list-order';
import { rowKeyTarget } from './list-keys';
import { ScheduleRow } from './ScheduleRow';

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
}

/**
 * Every row is this tall (app.css .schedule-table tbody tr): a fixed height spares the virtualizer
 * measuring each row, which forced a layout per row and cost ~55 ms of a 170 ms tab switch.
 */
const ROW_HEIGHT = 60;

export function ScheduleTable({ sources, now, displayZone, showProfile, selectedKey, onSelect, onDelete, deleteBlocked }: Props) {
  const rows = useMemo(() => sortByNextRun(sources, now), [sources, now]);
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is meant to be used this way
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    getItemKey: (i) => rows[i]?.source.key ?? i,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();

  // A schedule selected elsewhere (calendar, timeline, a new one) scrolls into view.
  const selectedIndex = useMemo(() => rows.findIndex((r) => r.source.key === selectedKey), [rows, selectedKey]);
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  useEffect(() => {
    // The bench and the e2e tests wait for this mark: the list's first screen of rows is committed.
    performance.mark('list:drawn', { detail: { rows: rows.length } });
  }, [rows]);

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
    <div className="table-wrap" ref={scroller} data-testid="schedule-list" data-rows={rows.length}>
      <table className={`schedule-table${showProfile ? ' with-profile' : ''}`} aria-label="Schedules" aria-rowcount={rows.length + 1}>
        <thead>
          <tr aria-rowindex={1}>
            {showProfile && (
              <th scope="col" className="col-profile">
                Profile
              </th>
            )}
            <th scope="col" className="col-schedule">
              Schedule
            </th>
            <th scope="col" className="col-next">
              Next run
            </th>
            <th scope="col" className="col-latest">
              Latest execution · health
            </th>
            <th scope="col" className="col-build">
              Build
            </th>
            <th scope="col" className="col-created">
              Created
            </th>
            <th scope="col" className="col-status">
              Status
            </th>
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
                next={row.next}
                now={now}
                displayZone={displayZone}
                showProfile={showProfile}
                selected={selectedKey === s.key}
                blocked={deleteBlocked(s.profileId)}
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
