// Delete confirmation: the schedule, its words, and the runs that will no longer happen.
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store';
import { findSource } from '../store/sources';
import { Modal } from '../common/Modal';
import { OrgConfirm } from '../common/OrgConfirm';
import { EnvBadge } from '../common/EnvBadge';
import { describe, upcoming } from '../common/schedule-info';
import { messageOf } from '../api-client';
import { RunPreview } from '../create/RunPreview';
import { writeBlockReason } from '../schedules/write-block';
import { ActionMessage } from '../common/ActionMessage';
import { clause } from '../common/text';
import { formatWithZone } from '../common/time';
import type { DeleteOutcome } from '../store/write-outcome';

export function DeleteScheduleDialog({ scheduleKey }: { scheduleKey: string }) {
  const s = useAppStore(
    useShallow((st) => ({ profiles: st.profiles, lists: st.lists, now: st.now, close: st.closeDialog, remove: st.deleteSchedule, select: st.setSelectedKey })),
  );
  const [typedOrg, setTypedOrg] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [unknown, setUnknown] = useState<Extract<DeleteOutcome, { outcome: 'unknown' }> | null>(null);
  // The store's dialog this component shows: an answer that comes after it is gone touches nothing of the window's.
  const [owner] = useState(() => useAppStore.getState().dialog);
  const source = findSource(s.profiles, s.lists, scheduleKey);
  const profile = source ? s.profiles.find((p) => p.id === source.profileId) : undefined;
  if (!source || !profile) return null;

  const { schedule } = source;
  // The org is captured now: the request carries the profile and org this dialog confirmed.
  const orgId = schedule.orgId || profile.orgId;
  const prod = profile.environment.kind === 'production';
  const blocked = writeBlockReason(s.lists[profile.id], profile.signIn);
  const runs = upcoming(schedule.timeExpression, source.serverTimeZone, s.now, 5);
  const canDelete = blocked === null && (!prod || typedOrg.trim() === profile.orgId) && !busy && unknown === null;

  const settle = (outcome: DeleteOutcome) => {
    if (outcome.outcome === 'deleted' || outcome.outcome === 'gone') {
      // Closed meanwhile (or replaced by another dialog): the toast told it; nothing else is touched.
      if (useAppStore.getState().dialog !== owner) return;
      s.select(null);
      s.close();
      return;
    }
    setUnknown(outcome);
    setBusy(false);
  };

  const confirm = async () => {
    if (!canDelete) return;
    setBusy(true);
    setError(null);
    try {
      settle(await s.remove(profile.id, orgId, schedule.jobId));
    } catch (e) {
      setError(`The schedule was not deleted: ${messageOf(e)}`);
      setBusy(false);
    }
  };

  const recheck = async () => {
    if (!unknown) return;
    setBusy(true);
    settle(await unknown.recheck());
  };

  return (
    <Modal
      title="Delete schedule?"
      danger
      onClose={s.close}
      footer={
        <>
          {/* In the footer, beside the button it unlocks: in view without scrolling. */}
          {prod && !unknown && <OrgConfirm orgId={profile.orgId} value={typedOrg} onChange={setTypedOrg} action="delete this schedule" />}
          {unknown ? (
            <ActionMessage tone="unknown">
              <strong>The schedule may have been deleted.</strong> {clause(unknown.message)}.{' '}
              {unknown.stillListed
                ? 'The list, fetched again, still shows it: it was most likely not deleted. Check again before deleting it once more.'
                : 'The list could not tell (it could not be fetched, or the job was already deactivated). Refresh and check.'}
            </ActionMessage>
          ) : error ? (
            <ActionMessage tone="error">{error}</ActionMessage>
          ) : (
            blocked && <span className="blocked-reason">{blocked}</span>
          )}
          <button type="button" className="button" onClick={s.close} data-autofocus>
            {unknown ? 'Close' : 'Keep it'}
          </button>
          {unknown ? (
            <button type="button" className="button button-primary" onClick={() => void recheck()} disabled={busy}>
              {busy ? 'Checking…' : 'Refresh and check'}
            </button>
          ) : (
            <button type="button" className="button button-danger" disabled={!canDelete} onClick={() => void confirm()}>
              {busy ? 'Deleting…' : prod ? 'Delete from production' : 'Delete schedule'}
            </button>
          )}
        </>
      }
    >
      <p className="dialog-target">
        From <strong>{profile.name}</strong> <EnvBadge environment={profile.environment} /> org <code>{orgId}</code>
      </p>
      <code className="details-expression">{schedule.timeExpression}</code>
      <p>{describe(schedule.timeExpression)}</p>
      {/* Two schedules can share an expression: the job ID says which one goes. */}
      <dl className="details-list">
        <dt>Job ID</dt>
        <dd className="mono small" data-testid="delete-job-id">
          {schedule.jobId}
        </dd>
        <dt>Created</dt>
        <dd>
          by {schedule.createdBy || 'unknown'}, {formatWithZone(new Date(schedule.createdAt), source.serverTimeZone)}
        </dd>
      </dl>
      <RunPreview runs={runs} serverZone={source.serverTimeZone} caption="These runs will no longer happen" />
    </Modal>
  );
}
