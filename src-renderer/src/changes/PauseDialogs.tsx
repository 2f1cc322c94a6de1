// Pause and resume, the app's own operations: pause keeps the schedule in main's durable paused store,
// then deletes the job on the server; resume creates it again (the linter checks it first).
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store';
import { call, messageOf } from '../api-client';
import { Modal } from '../common/Modal';
import { OrgConfirm } from '../common/OrgConfirm';
import { EnvBadge } from '../common/EnvBadge';
import { ActionMessage } from '../common/ActionMessage';
import { describe, upcoming } from '../common/schedule-info';
import { RunPreview } from '../create/RunPreview';
import { LintVerdicts } from '../create/LintVerdicts';
import { gateOf, lintForWrite } from '../create/lint-gate';
import { orgConfirmed, useChangeTarget, type ChangeTarget } from './change-target';
import { PAUSE_EXPLANATION, RESUME_EXPLANATION } from './pause-text';
import { pausedKey } from './paused-sources';
import { useSimpleChange, type SimpleOutcome } from './simple-change';
import { sourceKey } from '../store/sources';

function Footer(props: {
  outcome: SimpleOutcome;
  reason: string | null;
  busy: boolean;
  canSubmit: boolean;
  label: string;
  busyLabel: string;
  danger: boolean;
  onClose(): void;
  onSubmit(): void;
}) {
  return (
    <>
      {props.outcome ? (
        <ActionMessage tone={props.outcome.tone}>{props.outcome.text}</ActionMessage>
      ) : (
        props.reason && <span className="blocked-reason">{props.reason}</span>
      )}
      <button type="button" className="button" onClick={props.onClose} data-autofocus>
        {props.outcome?.tone === 'unknown' ? 'Close' : 'Cancel'}
      </button>
      {props.outcome?.tone !== 'unknown' && (
        <button type="button" className={`button ${props.danger ? 'button-danger' : 'button-primary'}`} disabled={!props.canSubmit} onClick={props.onSubmit}>
          {props.busy ? props.busyLabel : props.label}
        </button>
      )}
    </>
  );
}

function Target({ target }: { target: ChangeTarget }) {
  const { profile, source } = target;
  return (
    <>
      <p className="dialog-target">
        <strong>{profile.name}</strong> <EnvBadge environment={profile.environment} /> org <code>{profile.orgId}</code>
      </p>
      <code className="details-expression">{source.schedule.timeExpression}</code>
      <p>{describe(source.schedule.timeExpression)}</p>
    </>
  );
}

export function PauseDialog({ scheduleKey }: { scheduleKey: string }) {
  const target = useChangeTarget(scheduleKey);
  const s = useAppStore(useShallow((st) => ({ close: st.closeDialog, notify: st.notify, afterChange: st.afterChange, select: st.setSelectedKey })));
  const c = useSimpleChange();
  if (!target) return null;
  const { profile, source, production } = target;
  const canSubmit = target.blocked === null && orgConfirmed(target, c.typedOrg) && !c.busy && c.outcome?.tone !== 'unknown';
  const submit = async () => {
    if (!canSubmit) return;
    c.setBusy(true);
    c.setOutcome(null);
    try {
      const result = await call('changes:pause', { profileId: profile.id, orgId: profile.orgId, jobId: source.schedule.jobId });
      await s.afterChange([profile.id]);
      if (result.status === 'paused') {
        s.notify(result.message);
        s.select(pausedKey(profile.id, result.paused.id));
        s.close();
        return;
      }
      c.setOutcome({ tone: 'unknown', text: result.message });
    } catch (e) {
      c.setOutcome({ tone: 'error', text: messageOf(e) });
    }
    c.setBusy(false);
  };
  return (
    <Modal
      title="Pause schedule?"
      danger={production}
      onClose={s.close}
      footer={
        <Footer
          outcome={c.outcome}
          reason={target.blocked}
          busy={c.busy}
          canSubmit={canSubmit}
          label={production ? 'Pause in production' : 'Pause schedule'}
          busyLabel="Pausing…"
          danger={production}
          onClose={s.close}
          onSubmit={() => void submit()}
        />
      }
    >
      <Target target={target} />
      <p className="pause-explanation" data-testid="pause-explanation">
        {PAUSE_EXPLANATION}
      </p>
      <RunPreview
        runs={upcoming(source.schedule.timeExpression, target.zone, new Date(), 5)}
        serverZone={target.zone}
        caption="These runs will not happen while it is paused"
      />
      {production && <OrgConfirm orgId={profile.orgId} value={c.typedOrg} onChange={c.setTypedOrg} action="pause this schedule" />}
    </Modal>
  );
}

export function ResumeDialog({ scheduleKey }: { scheduleKey: string }) {
  const target = useChangeTarget(scheduleKey);
  const s = useAppStore(useShallow((st) => ({ close: st.closeDialog, notify: st.notify, afterChange: st.afterChange, select: st.setSelectedKey })));
  const c = useSimpleChange();
  const expression = target?.source.schedule.timeExpression ?? '';
  const zone = target?.zone ?? 'UTC';
  const others = target?.others;
  const issues = useMemo(() => lintForWrite(expression, { timeZone: zone, now: new Date(), existing: others ?? [] }), [expression, zone, others]);
  if (!target?.source.pausedId) return null;
  const { profile, production } = target;
  const pausedId = target.source.pausedId;
  // A duplicate here is most likely this very schedule, left on the server by an earlier lost answer:
  // main then drops it from the paused list without creating it twice.
  const gate = gateOf(
    issues.filter((i) => i.code !== 'duplicate'),
    c.allowTooFrequent,
  );
  const reason = target.blocked ?? gate.reason;
  const canSubmit = reason === null && orgConfirmed(target, c.typedOrg) && !c.busy && c.outcome?.tone !== 'unknown';
  const submit = async () => {
    if (!canSubmit) return;
    c.setBusy(true);
    c.setOutcome(null);
    try {
      const result = await call('changes:resume', {
        profileId: profile.id,
        orgId: profile.orgId,
        pausedId,
        ...(c.allowTooFrequent ? { allowTooFrequent: true } : {}),
      });
      await s.afterChange([profile.id]);
      s.notify(result.message);
      s.select(sourceKey(profile.id, result.status === 'resumed' ? result.created.jobId : result.jobId));
      s.close();
      return;
    } catch (e) {
      c.setOutcome({ tone: 'error', text: messageOf(e) });
    }
    c.setBusy(false);
  };
  return (
    <Modal
      title="Resume schedule?"
      danger={production}
      onClose={s.close}
      footer={
        <Footer
          outcome={c.outcome}
          reason={reason}
          busy={c.busy}
          canSubmit={canSubmit}
          label={production ? 'Resume in production' : 'Resume schedule'}
          busyLabel="Resuming…"
          danger={production}
          onClose={s.close}
          onSubmit={() => void submit()}
        />
      }
    >
      <Target target={target} />
      <p>{RESUME_EXPLANATION}</p>
      <LintVerdicts
        issues={issues.filter((i) => i.code !== 'duplicate')}
        allowTooFrequent={c.allowTooFrequent}
        onAllowTooFrequent={c.setAllowTooFrequent}
        production={production}
      />
      <RunPreview runs={upcoming(expression, zone, new Date(), 5)} serverZone={zone} caption="Next runs once resumed" />
      {production && <OrgConfirm orgId={profile.orgId} value={c.typedOrg} onChange={c.setTypedOrg} action="resume this schedule" />}
    </Modal>
  );
}

export function ReactivateDialog({ scheduleKey }: { scheduleKey: string }) {
  const target = useChangeTarget(scheduleKey);
  const s = useAppStore(useShallow((st) => ({ close: st.closeDialog, notify: st.notify, afterChange: st.afterChange, select: st.setSelectedKey })));
  const c = useSimpleChange();
  const expression = target?.source.schedule.timeExpression ?? '';
  const zone = target?.zone ?? 'UTC';
  const others = target?.others;
  const issues = useMemo(() => lintForWrite(expression, { timeZone: zone, now: new Date(), existing: others ?? [] }), [expression, zone, others]);
  if (!target) return null;
  const { profile, source, production } = target;
  const gate = gateOf(issues, c.allowTooFrequent);
  const reason = target.blocked ?? gate.reason;
  const canSubmit = reason === null && orgConfirmed(target, c.typedOrg) && !c.busy;
  const submit = async () => {
    if (!canSubmit) return;
    c.setBusy(true);
    c.setOutcome(null);
    try {
      const result = await call('changes:reactivate', {
        profileId: profile.id,
        orgId: profile.orgId,
        jobId: source.schedule.jobId,
        ...(c.allowTooFrequent ? { allowTooFrequent: true } : {}),
      });
      await s.afterChange([profile.id]);
      s.notify(result.message);
      s.select(sourceKey(profile.id, result.created.jobId));
      s.close();
      return;
    } catch (e) {
      c.setOutcome({ tone: 'error', text: `Not reactivated: ${messageOf(e)}` });
    }
    c.setBusy(false);
  };
  return (
    <Modal
      title="Reactivate schedule?"
      danger={production}
      onClose={s.close}
      footer={
        <Footer
          outcome={c.outcome}
          reason={reason}
          busy={c.busy}
          canSubmit={canSubmit}
          label={production ? 'Reactivate in production' : 'Reactivate schedule'}
          busyLabel="Reactivating…"
          danger={production}
          onClose={s.close}
          onSubmit={() => void submit()}
        />
      }
    >
      <Target target={target} />
      <p>This creates the expression again as a new job. The deactivated job stays in the server’s list as history: AtScale has no call to re-enable it.</p>
      <LintVerdicts issues={issues} allowTooFrequent={c.allowTooFrequent} onAllowTooFrequent={c.setAllowTooFrequent} production={production} />
      <RunPreview runs={upcoming(expression, zone, new Date(), 5)} serverZone={zone} caption="Next runs once reactivated" />
      {production && <OrgConfirm orgId={profile.orgId} value={c.typedOrg} onChange={c.setTypedOrg} action="reactivate this schedule" />}
    </Modal>
  );
}
