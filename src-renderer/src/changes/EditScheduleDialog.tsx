// Change a schedule's time: the new expression is created first, then the old job deleted (never a gap),
// with one production confirmation. When the delete does not complete both exist, and the dialog says
// so with a one-click retry of the delete. What the answer does to the window is change-writes.ts's: a
// late answer never closes another dialog, and a failure after this one closed stays as a notice.
import { useMemo, useState } from 'react';
import type { ChangeStep } from '@shared/ipc/channels/changes';
import { useAppStore } from '../store';
import { Modal } from '../common/Modal';
import { OrgConfirm } from '../common/OrgConfirm';
import { EnvBadge } from '../common/EnvBadge';
import { ActionMessage } from '../common/ActionMessage';
import { describe, upcoming } from '../common/schedule-info';
import { FieldBuilder } from '../create/FieldBuilder';
import { RunPreview } from '../create/RunPreview';
import { LintVerdicts } from '../create/LintVerdicts';
import { checkExpression } from '../create/expression-fields';
import { orgConfirmed, useChangeTarget } from './change-target';
import { editCheck, type EditView } from './edit-logic';
import { StepList } from './StepList';
import { sendEdit, sendRetryDelete } from './change-writes';

export function EditScheduleDialog({ scheduleKey }: { scheduleKey: string }) {
  const target = useChangeTarget(scheduleKey);
  const close = useAppStore((st) => st.closeDialog);
  const [expression, setExpression] = useState(target?.source.schedule.timeExpression ?? '');
  const [typedOrg, setTypedOrg] = useState('');
  const [allowTooFrequent, setAllowTooFrequent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<EditView | null>(null);
  const [steps, setSteps] = useState<ChangeStep[]>([]);
  const current = target?.source.schedule.timeExpression ?? '';
  const zone = target?.zone ?? 'UTC';
  const others = target?.others;
  const check = useMemo(
    () => editCheck(expression, current, { timeZone: zone, now: new Date(), existing: others ?? [] }, allowTooFrequent),
    [expression, current, zone, others, allowTooFrequent],
  );
  if (!target) return null;
  const { profile, source, production } = target;
  const validation = checkExpression(expression);
  const settled = outcome !== null && outcome.tone !== 'error';
  const canSubmit = check.reason === null && target.blocked === null && orgConfirmed(target, typedOrg) && !busy && !settled;

  const submit = async () => {
    if (!canSubmit) return;
    setBusy(true);
    setError(null);
    const sent = await sendEdit(useAppStore, {
      profile,
      jobId: source.schedule.jobId,
      expression: check.expression,
      allowTooFrequent,
      onSteps: setSteps,
    });
    // Done: the store told it and closed this dialog if it is still open; nothing else is touched.
    if (sent.view?.tone === 'done') return;
    if (sent.view) setOutcome(sent.view);
    setError(sent.error);
    setBusy(false);
  };

  const retry = async () => {
    if (outcome?.tone !== 'both-exist') return;
    setBusy(true);
    const failed = await sendRetryDelete(useAppStore, {
      profile,
      retry: outcome.retry,
      newJobId: outcome.newJobId,
      expression: check.expression,
      onStep: (step) => setSteps((prev) => [...prev, step]),
    });
    if (failed === null) return;
    setError(failed);
    setBusy(false);
  };

  return (
    <Modal
      title="Change schedule"
      wide
      danger={production}
      onClose={close}
      footer={
        <>
          {outcome && outcome.tone !== 'done' ? (
            <ActionMessage tone={outcome.tone === 'error' ? 'error' : 'unknown'}>
              {outcome.text}
              {error && <> {error}</>}
            </ActionMessage>
          ) : error ? (
            <ActionMessage tone="error">{error}</ActionMessage>
          ) : (
            (target.blocked ?? check.reason) && <span className="blocked-reason">{target.blocked ?? check.reason}</span>
          )}
          <button type="button" className="button" onClick={close}>
            {settled ? 'Close' : 'Cancel'}
          </button>
          {outcome?.tone === 'both-exist' ? (
            <button type="button" className="button button-danger" onClick={() => void retry()} disabled={busy}>
              {busy ? 'Deleting…' : 'Retry the delete of the old schedule'}
            </button>
          ) : (
            !settled && (
              <button type="submit" form="edit-form" className={`button ${production ? 'button-danger' : 'button-primary'}`} disabled={!canSubmit}>
                {busy ? 'Changing…' : production ? 'Change in production' : 'Change schedule'}
              </button>
            )
          )}
        </>
      }
    >
      <form
        id="edit-form"
        className="create-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <p className="dialog-target">
          In <strong>{profile.name}</strong> <EnvBadge environment={profile.environment} /> org <code>{profile.orgId}</code>, server zone{' '}
          <strong>{zone}</strong>.
        </p>
        <p>
          Now: <code>{current}</code> — {describe(current)}. The new schedule is created first, then job <code className="small">{source.schedule.jobId}</code>{' '}
          is deleted, so there is no gap without a schedule.
        </p>
        <FieldBuilder expression={expression} invalidField={validation.ok ? null : validation.field} onChange={setExpression} />
        <label className="raw-expression">
          <span>New Quartz expression</span>
          <input
            className="input mono"
            value={expression}
            spellCheck={false}
            aria-invalid={!validation.ok}
            onChange={(e) => setExpression(e.target.value)}
            data-autofocus
          />
        </label>
        {validation.ok ? (
          <p className="expression-words">{describe(check.expression)}</p>
        ) : (
          <p className="field-error" role="alert">
            {validation.message}
          </p>
        )}
        <LintVerdicts
          issues={check.issues}
          allowTooFrequent={allowTooFrequent}
          onAllowTooFrequent={setAllowTooFrequent}
          production={production}
          onUseSuggestion={setExpression}
        />
        {validation.ok && !check.unchanged && (
          <RunPreview runs={upcoming(check.expression, zone, new Date(), 5)} serverZone={zone} caption="Next 5 runs after the change" />
        )}
        <StepList steps={steps} caption="What was sent" />
        {production && !settled && <OrgConfirm orgId={profile.orgId} value={typedOrg} onChange={setTypedOrg} action="change this schedule" />}
      </form>
    </Modal>
  );
}
