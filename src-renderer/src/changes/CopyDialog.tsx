// Copy to profiles: pick targets across environments, see per target what will be created, what
// already exists there (same schedule) and is skipped, and what collides on that server; production
// targets each ask for their org; the result is told per target (as a notice when the dialog was closed
// meanwhile: change-writes.ts).
import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { CopyResult, CopyTargetPreview } from '@shared/ipc/channels/changes';
import { useAppStore } from '../store';
import { findSource } from '../store/sources';
import { call, messageOf } from '../api-client';
import { Modal } from '../common/Modal';
import { OrgConfirm } from '../common/OrgConfirm';
import { EnvBadge } from '../common/EnvBadge';
import { ActionMessage } from '../common/ActionMessage';
import type { ScheduleSource } from '../schedule-view-types';
import { copyGate, copySourceOf, copyTargetsFor } from './copy-logic';
import { planSummary } from './plan-logic';
import { PlanDiff } from './PlanDiff';
import { StepList } from './StepList';
import { sendCopy, type WriteFailure } from './change-writes';

export function CopyDialog({ keys }: { keys: string[] }) {
  const s = useAppStore(useShallow((st) => ({ profiles: st.profiles, lists: st.lists, paused: st.paused, close: st.closeDialog })));
  const [sources] = useState(() => keys.map((k) => findSource(s.profiles, s.lists, k, s.paused)).filter((x): x is ScheduleSource => x !== null));
  const source = useMemo(() => copySourceOf(sources, s.profiles), [sources, s.profiles]);
  const targets = useMemo(() => copyTargetsFor(source.profile, s.profiles), [source.profile, s.profiles]);
  const [picked, setPicked] = useState<string[]>([]);
  const [previews, setPreviews] = useState<CopyTargetPreview[]>([]);
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [allowTooFrequent, setAllowTooFrequent] = useState(false);
  const [busy, setBusy] = useState<'preview' | 'copy' | null>(null);
  const [error, setError] = useState<WriteFailure | null>(null);
  // A copy whose answer was lost is not sent again from here: the targets may have it already.
  const lost = error?.tone === 'unknown';
  const [result, setResult] = useState<CopyResult | null>(null);
  const gate = copyGate(previews, typed, allowTooFrequent);
  const shown = sources.filter((x) => source.jobIds.includes(x.schedule.jobId) && x.profileId === source.profile?.id);

  const toggle = (id: string, on: boolean) => {
    setPicked((p) => (on ? [...p.filter((x) => x !== id), id] : p.filter((x) => x !== id)));
    // A preview is for exactly the targets it was made for.
    setPreviews([]);
  };

  const preview = async () => {
    if (!source.profile || picked.length === 0) return;
    setBusy('preview');
    setError(null);
    try {
      setPreviews(await call('changes:copy-preview', { sourceProfileId: source.profile.id, jobIds: source.jobIds, targetProfileIds: picked }));
    } catch (e) {
      setError({ tone: 'error', text: `No preview: ${messageOf(e)}` });
    }
    setBusy(null);
  };

  const copy = async () => {
    if (!source.profile || !gate.ok) return;
    setBusy('copy');
    setError(null);
    // Targets with nothing to create are left out: nothing would be sent to them.
    const withWork = previews.filter((p) => p.plan.create.length > 0);
    const failed = await sendCopy(useAppStore, {
      source: source.profile,
      jobIds: source.jobIds,
      targets: withWork.map((p) => ({ profileId: p.profileId, orgId: p.production ? (typed[p.profileId] ?? '').trim() : p.orgId })),
      allowTooFrequent,
      onResult: setResult,
    });
    setError(failed);
    setBusy(null);
  };

  const anyProduction = previews.some((p) => p.production);
  return (
    <Modal
      title="Copy schedules to profiles"
      wide
      danger={anyProduction}
      onClose={s.close}
      footer={
        <>
          {error ? (
            <ActionMessage tone={error.tone}>{error.text}</ActionMessage>
          ) : (
            !result && (source.problem ?? gate.reason) && <span className="blocked-reason">{source.problem ?? gate.reason}</span>
          )}
          <button type="button" className="button" onClick={s.close}>
            {result || lost ? 'Close' : 'Cancel'}
          </button>
          {!result && (
            <>
              <button
                type="button"
                className="button"
                disabled={picked.length === 0 || busy !== null || source.problem !== null}
                onClick={() => void preview()}
              >
                {busy === 'preview' ? 'Checking…' : 'Preview'}
              </button>
              <button
                type="button"
                className={`button ${anyProduction ? 'button-danger' : 'button-primary'}`}
                disabled={!gate.ok || busy !== null || lost}
                onClick={() => void copy()}
              >
                {busy === 'copy' ? 'Copying…' : `Copy to ${previews.filter((p) => p.plan.create.length > 0).length} profile(s)`}
              </button>
            </>
          )}
        </>
      }
    >
      {source.profile && (
        <p className="dialog-target">
          From <strong>{source.profile.name}</strong> <EnvBadge environment={source.profile.environment} />:{' '}
          {shown.map((x) => (
            <code key={x.key} className="copy-picked">
              {x.schedule.timeExpression}
            </code>
          ))}
        </p>
      )}
      {source.leftOut.length > 0 && <p className="muted">Left out: {source.leftOut.join('; ')}.</p>}
      <fieldset className="copy-targets" disabled={result !== null}>
        <legend>Copy to</legend>
        {targets.map((p) => (
          <label key={p.id} className="toggle">
            <input type="checkbox" checked={picked.includes(p.id)} onChange={(e) => toggle(p.id, e.target.checked)} />
            {p.name} <EnvBadge environment={p.environment} /> <span className="muted">org {p.orgId}</span>
          </label>
        ))}
      </fieldset>
      {previews.map((p) => {
        const outcome = result?.targets.find((t) => t.profileId === p.profileId);
        const environment = s.profiles.find((x) => x.id === p.profileId)?.environment;
        return (
          <section key={p.profileId} className="copy-target" aria-label={`Copy to ${p.name}`}>
            <h3>
              {p.name} {environment && <EnvBadge environment={environment} />} org <code>{p.orgId}</code>: <span className="muted">{planSummary(p.plan)}</span>
            </h3>
            <PlanDiff plan={p.plan} caption={`What ${p.name} gets`} />
            {outcome ? (
              <div className={`copy-result copy-${outcome.status}`} data-testid="copy-result">
                {outcome.status === 'refused' ? `Refused: ${outcome.error.message}` : outcome.message}
                <StepList steps={outcome.steps} />
              </div>
            ) : (
              p.production &&
              p.plan.create.length > 0 && (
                <OrgConfirm
                  orgId={p.orgId}
                  value={typed[p.profileId] ?? ''}
                  onChange={(v) => setTyped((t) => ({ ...t, [p.profileId]: v }))}
                  action={`copy to ${p.name}`}
                />
              )
            )}
          </section>
        );
      })}
      {gate.needsOverride && !result && (
        <label className="toggle lint-override">
          <input type="checkbox" checked={allowTooFrequent} onChange={(e) => setAllowTooFrequent(e.target.checked)} />
          Allow runs this frequent{anyProduction ? ' (production targets: you also type their org IDs)' : ''}
        </label>
      )}
    </Modal>
  );
}
