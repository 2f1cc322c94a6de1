// Pause and resume, the app's own operations: pause keeps the schedule in main's durable paused store,
// then deletes the job on the server; resume creates it again (the linter checks it first). Reactivate
// creates a deactivated schedule again, the same way as resume. What an answer does to the window is
// change-writes.ts's: a late success never closes another dialog; a failure after this one closed stays.
import { useMemo, type ReactNode } from 'react';
import { useAppStore } from '../store';
import { call } from '../api-client';
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
import { useSimpleChange, type SimpleOutcome } from './simple-change';
import { sendPause, sendRecreate } from './change-writes';

type SimpleChange = ReturnType<typeof useSimpleChange>;

function useDialogActions() {
  return { close: useAppStore((st) => st.closeDialog) };
}

/** A one-step change's dialog: the schedule, what it does, the org typed for production, and its footer. */
function ChangeModal(props: {
  target: ChangeTarget;
  change: SimpleChange;
  title: string;
  /** "Pause", "Resume", "Reactivate": the button says "<verb> schedule" (or "<verb> in production"). */
  verb: string;
  busyLabel: string;
  reason: string | null;
  canSubmit: boolean;
  onClose(): void;
  onSubmit(): void;
  children: ReactNode;
}) {
  const { target, change: c } = props;
  const { profile, source, production } = target;
  return (
    <Modal
      title={props.title}
      danger={production}
      onClose={props.onClose}
      footer={
        <>
          {c.outcome ? (
            <ActionMessage tone={c.outcome.tone}>{c.outcome.text}</ActionMessage>
          ) : (
            props.reason && <span className="blocked-reason">{props.reason}</span>
          )}
          <button type="button" className="button" onClick={props.onClose} data-autofocus>
            {c.outcome?.tone === 'unknown' ? 'Close' : 'Cancel'}
          </button>
          {c.outcome?.tone !== 'unknown' && (
            <button type="button" className={`button ${production ? 'button-danger' : 'button-primary'}`} disabled={!props.canSubmit} onClick={props.onSubmit}>
              {c.busy ? props.busyLabel : `${props.verb} ${production ? 'in production' : 'schedule'}`}
            </button>
          )}
        </>
      }
    >
      <p className="dialog-target">
        <strong>{profile.name}</strong> <EnvBadge environment={profile.environment} /> org <code>{profile.orgId}</code>
      </p>
      <code className="details-expression">{source.schedule.timeExpression}</code>
      <p>{describe(source.schedule.timeExpression)}</p>
      {props.children}
      {production && <OrgConfirm orgId={profile.orgId} value={c.typedOrg} onChange={c.setTypedOrg} action={`${props.verb.toLowerCase()} this schedule`} />}
    </Modal>
  );
}

/** Runs a change once: busy while it is sent, the error (or an unknown outcome) shown in the dialog. */
async function send(c: SimpleChange, request: () => Promise<SimpleOutcome>): Promise<void> {
  c.setBusy(true);
  c.setOutcome(null);
  const outcome = await request();
  // Done: change-writes told it and closed this dialog if it was still open.
  if (outcome === null) return;
  c.setOutcome(outcome);
  c.setBusy(false);
}

export function PauseDialog({ scheduleKey }: { scheduleKey: string }) {
  const target = useChangeTarget(scheduleKey);
  const s = useDialogActions();
  const c = useSimpleChange();
  if (!target) return null;
  const { profile, source } = target;
  const canSubmit = target.blocked === null && orgConfirmed(target, c.typedOrg) && !c.busy && c.outcome?.tone !== 'unknown';
  const submit = () => send(c, () => sendPause(useAppStore, { profile, jobId: source.schedule.jobId, expression: source.schedule.timeExpression }));
  return (
    <ChangeModal
      target={target}
      change={c}
      title="Pause schedule?"
      verb="Pause"
      busyLabel="Pausing…"
      reason={target.blocked}
      canSubmit={canSubmit}
      onClose={s.close}
      onSubmit={() => void (canSubmit && submit())}
    >
      <p className="pause-explanation" data-testid="pause-explanation">
        {PAUSE_EXPLANATION}
      </p>
      <RunPreview
        runs={upcoming(source.schedule.timeExpression, target.zone, new Date(), 5)}
        serverZone={target.zone}
        caption="These runs will not happen while it is paused"
      />
    </ChangeModal>
  );
}

/** How resume and reactivate differ: both create the expression again after the linter. */
interface Recreate {
  title: string;
  verb: string;
  busyLabel: string;
  explanation: string;
  caption: string;
  errorPrefix: string;
  /** Resume ignores a duplicate: most likely this very schedule, left on the server by an earlier lost answer (main then drops it from the paused list without creating it twice). */
  ignoreDuplicate: boolean;
  /** Sends the change; resolves with the message, the job the schedule now has and any warning (said in the message). */
  create(target: ChangeTarget, allowTooFrequent: boolean): Promise<{ message: string; jobId: string; warning?: string }>;
}

const withOverride = (allow: boolean) => (allow ? { allowTooFrequent: true } : {});

const RESUME: Recreate = {
  title: 'Resume schedule?',
  verb: 'Resume',
  busyLabel: 'Resuming…',
  explanation: RESUME_EXPLANATION,
  caption: 'Next runs once resumed',
  errorPrefix: '',
  ignoreDuplicate: true,
  async create({ profile, source }, allow) {
    const result = await call('changes:resume', { profileId: profile.id, orgId: profile.orgId, pausedId: source.pausedId ?? '', ...withOverride(allow) });
    return { message: result.message, jobId: result.status === 'resumed' ? result.created.jobId : result.jobId, warning: result.warning };
  },
};

const REACTIVATE: Recreate = {
  title: 'Reactivate schedule?',
  verb: 'Reactivate',
  busyLabel: 'Reactivating…',
  explanation:
    'This creates the expression again as a new job. The deactivated job stays in the server’s list as history: AtScale has no call to re-enable it.',
  caption: 'Next runs once reactivated',
  errorPrefix: 'Not reactivated: ',
  ignoreDuplicate: false,
  async create({ profile, source }, allow) {
    const result = await call('changes:reactivate', { profileId: profile.id, orgId: profile.orgId, jobId: source.schedule.jobId, ...withOverride(allow) });
    return { message: result.message, jobId: result.created.jobId, warning: result.warning };
  },
};

function RecreateDialog({ scheduleKey, how }: { scheduleKey: string; how: Recreate }) {
  const target = useChangeTarget(scheduleKey);
  const s = useDialogActions();
  const c = useSimpleChange();
  const expression = target?.source.schedule.timeExpression ?? '';
  const zone = target?.zone ?? 'UTC';
  const others = target?.others;
  const issues = useMemo(() => {
    const all = lintForWrite(expression, { timeZone: zone, now: new Date(), existing: others ?? [] });
    return how.ignoreDuplicate ? all.filter((i) => i.code !== 'duplicate') : all;
  }, [expression, zone, others, how]);
  if (!target || (how === RESUME && !target.source.pausedId)) return null;
  const reason = target.blocked ?? gateOf(issues, c.allowTooFrequent).reason;
  const canSubmit = reason === null && orgConfirmed(target, c.typedOrg) && !c.busy && c.outcome?.tone !== 'unknown';
  const submit = () =>
    send(c, () =>
      sendRecreate(useAppStore, {
        profile: target.profile,
        expression,
        how: { verb: how.verb === 'Resume' ? 'resume' : 'reactivate', errorPrefix: how.errorPrefix, create: () => how.create(target, c.allowTooFrequent) },
      }),
    );
  return (
    <ChangeModal
      target={target}
      change={c}
      title={how.title}
      verb={how.verb}
      busyLabel={how.busyLabel}
      reason={reason}
      canSubmit={canSubmit}
      onClose={s.close}
      onSubmit={() => void (canSubmit && submit())}
    >
      <p>{how.explanation}</p>
      <LintVerdicts issues={issues} allowTooFrequent={c.allowTooFrequent} onAllowTooFrequent={c.setAllowTooFrequent} production={target.production} />
      <RunPreview runs={upcoming(expression, zone, new Date(), 5)} serverZone={zone} caption={how.caption} />
    </ChangeModal>
  );
}

export function ResumeDialog({ scheduleKey }: { scheduleKey: string }) {
  return <RecreateDialog scheduleKey={scheduleKey} how={RESUME} />;
}

export function ReactivateDialog({ scheduleKey }: { scheduleKey: string }) {
  return <RecreateDialog scheduleKey={scheduleKey} how={REACTIVATE} />;
}
