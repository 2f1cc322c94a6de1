// Bulk delete: one confirmation listing every schedule and the runs that will not happen; production
// profiles each ask for their org. One change per profile, stopped at nothing: each delete is reported
// (in the dialog, or as a notice when it was closed meanwhile: change-writes.ts).
import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store';
import { findSource } from '../store/sources';
import { Modal } from '../common/Modal';
import { OrgConfirm } from '../common/OrgConfirm';
import { EnvBadge } from '../common/EnvBadge';
import { ActionMessage } from '../common/ActionMessage';
import { describe } from '../common/schedule-info';
import { formatWithZone } from '../common/time';
import { writeBlockReason } from '../schedules/write-block';
import type { ScheduleSource } from '../schedule-view-types';
import { bulkConfirmed, bulkSelection, LOST_RUNS_DAYS } from './bulk-logic';
import { StepList } from './StepList';
import { stepSummary } from './step-text';
import { sendBulkDelete, type GroupResult } from './change-writes';

export function BulkDeleteDialog({ keys }: { keys: string[] }) {
  const s = useAppStore(
    useShallow((st) => ({
      profiles: st.profiles,
      lists: st.lists,
      paused: st.paused,
      close: st.closeDialog,
    })),
  );
  const [now] = useState(() => new Date());
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [results, setResults] = useState<GroupResult[] | null>(null);
  // Captured when the dialog opens: the confirmation names exactly these schedules.
  const [sources] = useState(() => keys.map((k) => findSource(s.profiles, s.lists, k, s.paused)).filter((x): x is ScheduleSource => x !== null));
  const selection = useMemo(() => bulkSelection(sources, s.profiles, now), [sources, s.profiles, now]);
  const blocked = selection.groups.map((g) => writeBlockReason(s.lists[g.profile.id], g.profile.signIn)).find((r) => r !== null) ?? null;
  const count = selection.groups.reduce((n, g) => n + g.items.length, 0);
  const anyProduction = selection.groups.some((g) => g.production);
  const canDelete = count > 0 && blocked === null && bulkConfirmed(selection.groups, typed) && !busy && results === null;

  const submit = async () => {
    if (!canDelete) return;
    setBusy(true);
    const out = await sendBulkDelete(
      useAppStore,
      selection.groups.map((g) => ({ profile: g.profile, keys: g.items.map((i) => i.source.key), jobIds: g.items.map((i) => i.source.schedule.jobId) })),
    );
    // All deleted: change-writes told it and closed this dialog if it was still open.
    if (out === null) return;
    setResults(out);
    setBusy(false);
  };

  return (
    <Modal
      title={`Delete ${count} schedule${count === 1 ? '' : 's'}?`}
      wide
      danger
      onClose={s.close}
      footer={
        <>
          {results ? (
            <ActionMessage tone={results.some((r) => r.result?.steps.some((st) => st.outcome === 'unknown')) ? 'unknown' : 'error'}>
              Not everything was deleted; each profile’s result is listed above.
            </ActionMessage>
          ) : (
            blocked && <span className="blocked-reason">{blocked}</span>
          )}
          <button type="button" className="button" onClick={s.close} data-autofocus>
            {results ? 'Close' : 'Keep them'}
          </button>
          {!results && (
            <button type="button" className="button button-danger" disabled={!canDelete} onClick={() => void submit()}>
              {busy ? 'Deleting…' : anyProduction ? `Delete ${count}, production included` : `Delete ${count} schedules`}
            </button>
          )}
        </>
      }
    >
      <p>
        {selection.lostRuns} run{selection.lostRuns === 1 ? '' : 's'} in the next {LOST_RUNS_DAYS} days will not happen.
      </p>
      {selection.groups.map((g) => {
        const result = results?.find((r) => r.profileId === g.profile.id);
        return (
          <section key={g.profile.id} className="bulk-group" aria-label={`From ${g.profile.name}`}>
            <h3>
              From {g.profile.name} <EnvBadge environment={g.profile.environment} /> org <code>{g.profile.orgId}</code>
            </h3>
            <ul className="bulk-items">
              {g.items.map((item) => (
                <li key={item.source.key} data-testid="bulk-item">
                  <code>{item.source.schedule.timeExpression}</code> — {describe(item.source.schedule.timeExpression)}
                  <div className="muted">
                    {item.total === 0
                      ? `No run in the next ${LOST_RUNS_DAYS} days.`
                      : `${item.total} run${item.total === 1 ? '' : 's'} will not happen in the next ${LOST_RUNS_DAYS} days: ${item.runs.map((r) => formatWithZone(r, item.source.serverTimeZone)).join(', ')}${item.total > item.runs.length ? ', …' : ''}`}
                  </div>
                </li>
              ))}
            </ul>
            {result &&
              (result.error ? (
                <p className="field-error">{result.error}</p>
              ) : (
                result.result && (
                  <>
                    <p>{stepSummary(result.result.steps)}</p>
                    <StepList steps={result.result.steps} />
                  </>
                )
              ))}
            {g.production && !results && (
              <OrgConfirm
                orgId={g.profile.orgId}
                value={typed[g.profile.id] ?? ''}
                onChange={(v) => setTyped((t) => ({ ...t, [g.profile.id]: v }))}
                action={`delete these ${g.items.length} from ${g.profile.name}`}
              />
            )}
          </section>
        );
      })}
      {selection.skipped.length > 0 && (
        <p className="muted">Not deleted: {selection.skipped.map((x) => `“${x.source.schedule.timeExpression}” (${x.why})`).join('; ')}.</p>
      )}
    </Modal>
  );
}
