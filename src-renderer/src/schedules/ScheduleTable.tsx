// The schedules list: expression and words, next run in both zones, latest run, build, author, status.
import { useMemo } from 'react';
import type { ScheduleSource } from '../schedule-view-types';
import { describe, nextRun } from '../common/schedule-info';
import { formatCompact, localZone, relativeTime } from '../common/time';
import { EnvDot } from '../common/EnvBadge';

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
          {rows.map(({ source: s, next }) => {
            const { schedule } = s;
            const blocked = deleteBlocked(s.profileId);
            const latest = schedule.latestExecution ? new Date(schedule.latestExecution.executedAt) : null;
            return (
              <tr key={s.key} className={`${selectedKey === s.key ? 'selected' : ''}${schedule.active === false ? ' inactive' : ''}`} data-job-id={schedule.jobId}>
                {showProfile && (
                  <td>
                    <span className="cell-profile">
                      <EnvDot color={s.color} />
                      {s.profileName}
                    </span>
                  </td>
                )}
                <td>
                  <button type="button" className="link-button expression" onClick={() => onSelect(s.key)} aria-label={`Show schedule ${schedule.timeExpression}`}>
                    <code>{schedule.timeExpression}</code>
                  </button>
                  <div className="muted words">{describe(schedule.timeExpression)}</div>
                </td>
                <td>
                  {next ? (
                    <>
                      <div className="nowrap next-primary">
                        {formatCompact(next, displayZone === 'server' ? s.serverTimeZone : localZone, now)}
                        {displayZone === 'local' && localZone !== s.serverTimeZone ? ' local' : ''}
                      </div>
                      {localZone !== s.serverTimeZone && (
                        <div className="muted nowrap">
                          {displayZone === 'server' ? `${formatCompact(next, localZone, now)} local` : `${formatCompact(next, s.serverTimeZone, now)} server`}
                        </div>
                      )}
                    </>
                  ) : (
                    <span className="muted">No upcoming run</span>
                  )}
                </td>
                <td>
                  {latest ? (
                    <>
                      <div>{relativeTime(latest, now)}</div>
                      <div className="muted nowrap">{formatCompact(latest, s.serverTimeZone, now)}</div>
                    </>
                  ) : (
                    <span className="muted">Never run</span>
                  )}
                </td>
                <td>{schedule.fullBuild ? <span className="tag tag-full">Full</span> : <span className="tag">Incremental</span>}</td>
                <td>
                  <div>{schedule.createdBy || '—'}</div>
                  <div className="muted">{relativeTime(new Date(schedule.createdAt), now)}</div>
                </td>
                <td>
                  {schedule.active === false ? <span className="status status-off">Deactivated</span> : <span className="status status-on">Active</span>}
                </td>
                <td className="actions">
                  {schedule.active !== false && (
                    <button
                      type="button"
                      className="button button-small button-danger-quiet"
                      disabled={blocked !== null}
                      title={blocked ?? 'Delete this schedule'}
                      aria-label={`Delete schedule ${schedule.timeExpression}`}
                      onClick={() => onDelete(s.key)}
                    >
                      Delete
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
