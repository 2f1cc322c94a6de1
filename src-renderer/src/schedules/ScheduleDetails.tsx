// The selected schedule (from a list row, a calendar run or a timeline lane), with its next runs.
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store';
import { findSource } from '../store/sources';
import { describe, upcoming } from '../common/schedule-info';
import { formatWithZone, localZone, needsSeconds, relativeTime } from '../common/time';
import { EnvBadge } from '../common/EnvBadge';
import { writeBlockReason } from './write-block';

export function ScheduleDetails() {
  const s = useAppStore(
    useShallow((st) => ({ profiles: st.profiles, lists: st.lists, key: st.selectedKey, now: st.now, setSelectedKey: st.setSelectedKey, openDialog: st.openDialog })),
  );
  const source = findSource(s.profiles, s.lists, s.key);
  if (!source) return null;
  const profile = s.profiles.find((p) => p.id === source.profileId);
  const { schedule } = source;
  const runs = upcoming(schedule.timeExpression, source.serverTimeZone, s.now, 5);
  const blocked = writeBlockReason(s.lists[source.profileId]);
  const latest = schedule.latestExecution;

  return (
    <aside className="details" aria-label="Selected schedule">
      <header className="details-header">
        <h2>Schedule</h2>
        <button type="button" className="icon-button" aria-label="Close details" onClick={() => s.setSelectedKey(null)}>
          ×
        </button>
      </header>
      <p className="details-profile">
        {source.profileName} {profile && <EnvBadge environment={profile.environment} />}
      </p>
      <code className="details-expression">{schedule.timeExpression}</code>
      <p>{describe(schedule.timeExpression)}</p>
      <dl className="details-list">
        <dt>Status</dt>
        <dd>{schedule.active === false ? 'Deactivated' : 'Active'}</dd>
        <dt>Build</dt>
        <dd>{schedule.fullBuild ? 'Full build' : 'Incremental'}</dd>
        <dt>Created</dt>
        <dd>
          by {schedule.createdBy || 'unknown'}, {formatWithZone(new Date(schedule.createdAt), source.serverTimeZone)}
        </dd>
        <dt>Latest execution</dt>
        <dd>{latest ? `${relativeTime(new Date(latest.executedAt), s.now)} (${formatWithZone(new Date(latest.executedAt), source.serverTimeZone)})` : 'Never run'}</dd>
        <dt>Job ID</dt>
        <dd className="mono small">{schedule.jobId}</dd>
      </dl>
      {schedule.active !== false && (
        <>
          <h3>Next runs</h3>
          <ol className="run-list">
            {runs.map((r) => (
              <li key={r.getTime()}>
                {formatWithZone(r, source.serverTimeZone, { seconds: needsSeconds(runs) })}
                {localZone !== source.serverTimeZone && <span className="muted"> · {formatWithZone(r, localZone, { seconds: needsSeconds(runs) })} local</span>}
              </li>
            ))}
          </ol>
          <button
            type="button"
            className="button button-danger"
            disabled={blocked !== null}
            title={blocked ?? undefined}
            onClick={() => s.openDialog({ kind: 'delete', key: source.key })}
          >
            Delete schedule…
          </button>
          {blocked && <p className="blocked-reason">{blocked}</p>}
        </>
      )}
    </aside>
  );
}
