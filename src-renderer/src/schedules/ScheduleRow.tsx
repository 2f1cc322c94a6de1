// One row of the schedules list, memoized: a list of thousands re-renders only the rows that changed.
import { memo } from 'react';
import type { Schedule } from '@shared/domain';
import { describe } from '../common/schedule-info';
import { formatCompact, localZone, relativeTime } from '../common/time';
import { EnvDot } from '../common/EnvBadge';
import { HealthBadge } from '../health/HealthBadge';
import { healthOf } from '../health/verdicts';
import { RowSelect } from '../changes/RowSelect';
import { isPausedKey, rowStatus } from '../changes/paused-sources';
import { savedAgo, type SavedMark } from '../sources/saved-marks';

export interface ScheduleRowProps {
  /** Position in the whole (virtualized) list and its offset from the top, in px. */
  index: number;
  start: number;
  sourceKey: string;
  schedule: Schedule;
  profileName: string;
  color: string;
  serverTimeZone: string;
  next: Date | null;
  now: Date;
  displayZone: 'server' | 'local';
  showProfile: boolean;
  selected: boolean;
  /** Why delete is unavailable, or null. */
  blocked: string | null;
  /** The blackout window the next run falls in, in words, or null. */
  blackout: string | null;
  /** Set when the row comes from a saved list (its profile's one mark, shared by all its rows). */
  saved: SavedMark | null;
  onSelect(key: string): void;
  onDelete(key: string): void;
}

export const ScheduleRow = memo(function ScheduleRow(props: ScheduleRowProps) {
  const { schedule, next, now, displayZone, showProfile, blocked, onSelect, onDelete } = props;
  const s = { key: props.sourceKey, profileName: props.profileName, color: props.color, serverTimeZone: props.serverTimeZone };
  const words = describe(schedule.timeExpression);
  const latest = schedule.latestExecution ? new Date(schedule.latestExecution.executedAt) : null;
  const primaryZone = displayZone === 'server' ? s.serverTimeZone : localZone;
  // The texts of the cells that can still truncate in a narrow window: each also is its cell's title.
  const nextText = next ? `${formatCompact(next, primaryZone, now)}${displayZone === 'local' && localZone !== s.serverTimeZone ? ' local' : ''}` : '';
  const nextOther =
    next && localZone !== s.serverTimeZone
      ? displayZone === 'server'
        ? `${formatCompact(next, localZone, now)} local`
        : `${formatCompact(next, s.serverTimeZone, now)} server`
      : null;
  const latestAgo = latest ? relativeTime(latest, now) : '';
  const latestText = latest ? formatCompact(latest, s.serverTimeZone, now) : '';
  const createdAgo = relativeTime(new Date(schedule.createdAt), now);
  const saved = props.saved;
  return (
    <tr
      data-index={props.index}
      aria-rowindex={props.index + 2}
      style={{ transform: `translateY(${props.start}px)` }}
      className={`${props.selected ? 'selected' : ''}${schedule.active === false ? ' inactive' : ''}${saved ? ' is-saved' : ''}`}
      data-job-id={schedule.jobId}
      data-saved={saved ? saved.fetchedAt : undefined}
    >
      {showProfile && (
        <td className="col-profile">
          <span className="cell-profile" title={s.profileName}>
            <EnvDot color={s.color} />
            {s.profileName}
          </span>
        </td>
      )}
      <td className="col-schedule">
        <button
          type="button"
          className="link-button expression"
          onClick={() => onSelect(s.key)}
          aria-label={`Show schedule ${schedule.timeExpression}`}
          title={schedule.timeExpression}
        >
          <code>{schedule.timeExpression}</code>
        </button>
        <div className="muted words" title={words}>
          {words}
        </div>
      </td>
      <td className="col-next">
        {next ? (
          <>
            <div className="nowrap next-primary" title={props.blackout ? `${nextText} · in a blackout window: ${props.blackout}` : nextText}>
              {nextText}
              {props.blackout && (
                <span className="badge badge-blackout" title={`The next run falls in a blackout window: ${props.blackout}`}>
                  In blackout
                </span>
              )}
            </div>
            {nextOther !== null && (
              <div className="muted nowrap" title={nextOther}>
                {nextOther}
              </div>
            )}
          </>
        ) : (
          <span className="muted">No upcoming run</span>
        )}
      </td>
      <td className="col-latest">
        {latest ? (
          <>
            <div title={latestAgo}>{latestAgo}</div>
            <div className="muted nowrap" title={latestText}>
              {latestText}
            </div>
          </>
        ) : (
          <span className="muted">Never run</span>
        )}
      </td>
      <td className="col-build">{schedule.fullBuild ? <span className="tag tag-full">Full</span> : <span className="tag">Incremental</span>}</td>
      <td className="col-created">
        <div title={schedule.createdBy || undefined}>{schedule.createdBy || '—'}</div>
        <div className="muted" title={createdAgo}>
          {createdAgo}
        </div>
      </td>
      <td className="col-status">
        <div className="status-line">
          {
            {
              Paused: <span className="status status-paused">Paused</span>,
              Deactivated: <span className="status status-off">Deactivated</span>,
              Active: <span className="status status-on">Active</span>,
            }[rowStatus(s.key, schedule.active)]
          }
          {saved && (
            // From a saved list: its status and health are as of then, not now.
            <span className="saved-mark" data-testid="saved-mark" title={`From the list ${saved.label}: the server could not be reached since`}>
              {savedAgo(saved, now)}
              <span className="visually-hidden"> ({saved.when})</span>
            </span>
          )}
        </div>
        {/* A paused schedule does not exist on the server, so it has no health to judge: "Paused" says it all. */}
        {!isPausedKey(s.key) && <HealthBadge health={healthOf(schedule)} zone={displayZone === 'server' ? s.serverTimeZone : localZone} />}
      </td>
      <td className="col-actions actions">
        {schedule.active !== false && !isPausedKey(s.key) && (
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
        <RowSelect sourceKey={s.key} expression={schedule.timeExpression} />
      </td>
    </tr>
  );
});
