// The schedules list: expression and words, next run in both zones, latest run, build, author, status.
import { useEffect, useMemo, useState } from 'react';
import type { ScheduleSource } from '../schedule-view-types';
import { nextRun } from '../common/schedule-info';
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

export function ScheduleTable({ sources, now, displayZone, showProfile, selectedKey, onSelect, onDelete, deleteBlocked }: Props) {
  const rows = useMemo(() => {
    const withNext = sources.map((s) => ({ source: s, next: nextRun(s.schedule.timeExpression, s.serverTimeZone, now) }));
    // Soonest first: that is what an administrator checks; schedules that never fire go last.
    return withNext.sort((a, b) => (a.next?.getTime() ?? Infinity) - (b.next?.getTime() ?? Infinity));
  }, [sources, now]);
  const shown = useProgressiveCount(rows.length);

  return (
    <div className="table-wrap">
      <table className="schedule-table" aria-label="Schedules">
        <thead>
          <tr>
            {showProfile && <th scope="col">Profile</th>}
            <th scope="col">Schedule</th>
            <th scope="col">Next run</th>
            <th scope="col">Latest execution</th>
            <th scope="col">Build</th>
            <th scope="col">Created</th>
            <th scope="col">Status</th>
            <th scope="col"><span className="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, shown).map(({ source: s, next }) => (
            <ScheduleRow
              key={s.key}
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
              onSelect={onSelect}
              onDelete={onDelete}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Rows drawn in the first frame; the rest follow in chunks so a list of thousands never freezes the window. */
const FIRST_ROWS = 150;
const CHUNK = 400;

function useProgressiveCount(total: number): number {
  const [shown, setShown] = useState(Math.min(total, FIRST_ROWS));
  useEffect(() => {
    if (shown >= total) return;
    const timer = window.setTimeout(() => setShown((n) => Math.min(total, n + CHUNK)), 16);
    return () => window.clearTimeout(timer);
  }, [shown, total]);
  return Math.min(shown, total);
}
