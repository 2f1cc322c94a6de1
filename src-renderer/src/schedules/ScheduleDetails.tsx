// The selected schedule (from a list row, a calendar run or a timeline lane), with its next runs.
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store';
import { findSource } from '../store/sources';
import { describe, upcoming } from '../common/schedule-info';
import { formatWithZone, localZone, needsSeconds, relativeTime } from '../common/time';
import { EnvBadge } from '../common/EnvBadge';
import { writeBlockReason } from './write-block';
import { HealthBadge } from '../health/HealthBadge';
import { HistorySection } from '../health/HistorySection';
import { healthOf } from '../health/verdicts';
import { ScheduleChangeActions } from '../changes/ScheduleChangeActions';

export function ScheduleDetails() {
  const s = useAppStore(
    useShallow((st) => ({
      profiles: st.profiles,
      lists: st.lists,
      paused: st.paused,
      key: st.selectedKey,
      runAt: st.selectedRunAt,
      now: st.now,
      setSelectedKey: st.setSelectedKey,
      openDialog: st.openDialog,
      displayZone: st.displayZone,
    })),
  );
  const source = findSource(s.profiles, s.lists, s.key, s.paused);
  if (!source) return null;
  const profile = s.profiles.find((p) => p.id === source.profileId);
  const { schedule } = source;
  const runs = upcoming(schedule.timeExpression, source.serverTimeZone, s.now, 5);
  const blocked = writeBlockReason(s.lists[source.profileId]);
  const latest = schedule.latestExecution;
  const zone = s.displayZone === 'server' ? source.serverTimeZone : localZone;

  return (
    <aside className="details" aria-label="Selected schedule">
      <header className="details-header">
        <h2>Schedule</h2>
        <button type="button" className="icon-button" aria-label="Close details" onClick={() => s.setSelectedKey(null)}>
          ×
        </button>
      </header>
      {s.runAt && (
        // The run clicked in the calendar, named before the schedule's other facts.
        <p className="details-run" data-testid="details-run">
          <span className="muted">This run:</span>{' '}
          <strong>{formatWithZone(s.runAt, source.serverTimeZone, { seconds: s.runAt.getTime() % 60_000 !== 0 })}</strong>
          {localZone !== source.serverTimeZone && (
            <span className="muted"> · {formatWithZone(s.runAt, localZone, { seconds: s.runAt.getTime() % 60_000 !== 0 })} local</span>
          )}
        </p>
      )}
      <p className="details-profile">
        {source.profileName} {profile && <EnvBadge environment={profile.environment} />}
      </p>
      <code className="details-expression">{schedule.timeExpression}</code>
      <p>{describe(schedule.timeExpression)}</p>
      <dl className="details-list">
        <dt>Status</dt>
        <dd>{source.paused ? 'Paused (kept by this app; deleted on the server)' : schedule.active === false ? 'Deactivated' : 'Active'}</dd>
        <dt>Health</dt>
        <dd>
          <HealthBadge health={healthOf(schedule)} zone={zone} />
        </dd>
        <dt>Build</dt>
        <dd>{schedule.fullBuild ? 'Full build' : 'Incremental'}</dd>
        <dt>Created</dt>
        <dd>
          by {schedule.createdBy || 'unknown'}, {formatWithZone(new Date(schedule.createdAt), source.serverTimeZone)}
        </dd>
        <dt>Latest execution</dt>
        <dd>
          {latest ? `${relativeTime(new Date(latest.executedAt), s.now)} (${formatWithZone(new Date(latest.executedAt), source.serverTimeZone)})` : 'Never run'}
        </dd>
        <dt>Job ID</dt>
        <dd className="mono small">{schedule.jobId}</dd>
      </dl>
      <ScheduleChangeActions source={source} />
      <HistorySection
        profileId={source.profileId}
        jobId={schedule.jobId}
        listedAt={s.lists[source.profileId]?.list?.fetchedAt ?? null}
        zone={zone}
        now={s.now}
      />
      {schedule.active !== false && (
        <>
          <h3>{source.paused ? 'Runs it would have (paused)' : 'Next runs'}</h3>
          <ol className="run-list">
            {runs.map((r) => (
              <li key={r.getTime()}>
                {formatWithZone(r, source.serverTimeZone, { seconds: needsSeconds(runs) })}
                {localZone !== source.serverTimeZone && <span className="muted"> · {formatWithZone(r, localZone, { seconds: needsSeconds(runs) })} local</span>}
              </li>
            ))}
          </ol>
          {!source.paused && (
            <button
              type="button"
              className="button button-danger"
              disabled={blocked !== null}
              title={blocked ?? undefined}
              onClick={() => s.openDialog({ kind: 'delete', key: source.key })}
            >
              Delete schedule…
            </button>
          )}
          {blocked && <p className="blocked-reason">{blocked}</p>}
        </>
      )}
    </aside>
  );
}
