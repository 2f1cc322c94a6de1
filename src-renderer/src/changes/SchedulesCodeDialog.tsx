// Schedules as code for one profile: export its schedules as a versioned JSON document; plan a document
// (or another profile) against it, shown as a diff; apply exactly the plan shown. When the target changed
// since, main re-plans and writes nothing, and the dialog shows the new plan to confirm again.
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ApplyResult, PlanSource, SchedulePlan } from '@shared/ipc/channels/changes';
import { useAppStore } from '../store';
import { call, messageOf } from '../api-client';
import { Modal } from '../common/Modal';
import { OrgConfirm } from '../common/OrgConfirm';
import { EnvBadge } from '../common/EnvBadge';
import { ActionMessage } from '../common/ActionMessage';
import { planGate, planSummary } from './plan-logic';
import { PlanDiff } from './PlanDiff';
import { StepList } from './StepList';
import { sendApply } from './change-writes';

type Done = Exclude<ApplyResult, { status: 'changed' }>;

function saveText(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function SchedulesCodeDialog({ profileId }: { profileId: string }) {
  const s = useAppStore(useShallow((st) => ({ profiles: st.profiles, close: st.closeDialog })));
  const profile = s.profiles.find((p) => p.id === profileId);
  const others = s.profiles.filter((p) => p.id !== profileId);
  const [exported, setExported] = useState<string | null>(null);
  const [kind, setKind] = useState<PlanSource['kind']>('document');
  const [json, setJson] = useState('');
  const [otherId, setOtherId] = useState(others[0]?.id ?? '');
  const [plan, setPlan] = useState<{ plan: SchedulePlan; source: PlanSource } | null>(null);
  const [changedNote, setChangedNote] = useState<string | null>(null);
  const [typedOrg, setTypedOrg] = useState('');
  const [allowTooFrequent, setAllowTooFrequent] = useState(false);
  const [busy, setBusy] = useState<'export' | 'plan' | 'apply' | null>(null);
  const [error, setError] = useState<string | null>(null);
  // An apply whose answer was lost is not sent again from here: plan again once the list is refreshed.
  const [lost, setLost] = useState<string | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  if (!profile) return null;
  const production = profile.environment.kind === 'production';
  const gate = plan ? planGate(plan.plan, allowTooFrequent) : null;
  const orgOk = !production || typedOrg.trim() === profile.orgId;
  const canApply = plan !== null && plan.plan.hasChanges && gate?.ok === true && orgOk && busy === null && done === null && lost === null;
  const source: PlanSource | null =
    kind === 'document' ? (json.trim() ? { kind: 'document', json } : null) : otherId ? { kind: 'profile', profileId: otherId } : null;

  const doExport = async () => {
    setBusy('export');
    setError(null);
    try {
      const out = await call('changes:export', { profileId });
      setExported(out.json);
      if (out.source !== 'live') setError('The server could not be reached: this document was made from the last saved list.');
    } catch (e) {
      setError(`Not exported: ${messageOf(e)}`);
    }
    setBusy(null);
  };

  const doPlan = async () => {
    if (!source) return;
    setBusy('plan');
    setError(null);
    setLost(null);
    setDone(null);
    setChangedNote(null);
    try {
      setPlan({ plan: await call('changes:plan', { source, targetProfileId: profileId }), source });
    } catch (e) {
      setPlan(null);
      setError(`No plan: ${messageOf(e)}`);
    }
    setBusy(null);
  };

  const doApply = async () => {
    if (!plan || !canApply) return;
    setBusy('apply');
    setError(null);
    const sent = await sendApply(useAppStore, {
      profile,
      source: plan.source,
      planId: plan.plan.planId,
      orgId: typedOrg.trim() || profile.orgId,
      allowTooFrequent,
    });
    if (sent.result?.status === 'changed') {
      setPlan({ plan: sent.result.plan, source: plan.source });
      setChangedNote(sent.result.message);
    } else if (sent.result) setDone(sent.result);
    else if (sent.error.tone === 'unknown') setLost(sent.error.text);
    else setError(sent.error.text);
    setBusy(null);
  };

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    setJson(await file.text());
    setPlan(null);
  };

  return (
    <Modal
      title="Schedules as code"
      wide
      danger={production}
      onClose={s.close}
      footer={
        <>
          {error ? (
            <ActionMessage tone="error">{error}</ActionMessage>
          ) : lost ? (
            <ActionMessage tone="unknown">{lost}</ActionMessage>
          ) : done ? (
            done.status === 'stopped' ? (
              <ActionMessage tone={done.steps.some((x) => x.outcome === 'unknown') ? 'unknown' : 'error'}>{done.message}</ActionMessage>
            ) : (
              <span role="status">{done.message}</span>
            )
          ) : (
            plan &&
            (gate?.reason ?? (!plan.plan.hasChanges ? 'Nothing to apply: the target already matches.' : null)) && (
              <span className="blocked-reason">{gate?.reason ?? 'Nothing to apply: the target already matches.'}</span>
            )
          )}
          <button type="button" className="button" onClick={s.close}>
            {done || lost ? 'Close' : 'Cancel'}
          </button>
          {plan && !done && (
            <button type="button" className={`button ${production ? 'button-danger' : 'button-primary'}`} disabled={!canApply} onClick={() => void doApply()}>
              {busy === 'apply' ? 'Applying…' : production ? 'Apply to production' : 'Apply plan'}
            </button>
          )}
        </>
      }
    >
      <p className="dialog-target">
        Target <strong>{profile.name}</strong> <EnvBadge environment={profile.environment} /> org <code>{profile.orgId}</code>
      </p>
      <section className="code-export" aria-label="Export">
        <h3>Export</h3>
        <p className="muted">
          The schedules as a versioned JSON document: expressions and labels only, nothing tied to this server, no secrets. Paused schedules are marked.
        </p>
        <button type="button" className="button" onClick={() => void doExport()} disabled={busy !== null}>
          {busy === 'export' ? 'Exporting…' : 'Export schedules'}
        </button>
        {exported && (
          <>
            <textarea className="input mono code-text" readOnly value={exported} aria-label="Exported document" rows={6} />
            <button type="button" className="button" onClick={() => saveText(`${profile.name.replace(/[^\w.-]+/g, '-')}-schedules.json`, exported)}>
              Save as file…
            </button>
          </>
        )}
      </section>
      <section className="code-plan" aria-label="Plan">
        <h3>Plan and apply</h3>
        <div className="segmented" role="radiogroup" aria-label="Compare with">
          <label className="toggle">
            <input type="radio" name="plan-source" checked={kind === 'document'} onChange={() => setKind('document')} /> A document
          </label>
          <label className="toggle">
            <input type="radio" name="plan-source" checked={kind === 'profile'} onChange={() => setKind('profile')} disabled={others.length === 0} /> Another
            profile
          </label>
        </div>
        {kind === 'document' ? (
          <>
            <textarea
              className="input mono code-text"
              rows={6}
              value={json}
              spellCheck={false}
              aria-label="Schedules document (JSON)"
              placeholder='{ "format": "atscale-maintenance-schedules", "version": 1, "schedules": [ { "expression": "0 0 4 ? * *" } ] }'
              onChange={(e) => {
                setJson(e.target.value);
                setPlan(null);
              }}
            />
            <label className="file-pick">
              Or open a file: <input type="file" accept=".json,application/json" onChange={(e) => void readFile(e.target.files?.[0])} />
            </label>
          </>
        ) : (
          <label>
            Source profile{' '}
            <select className="input" value={otherId} onChange={(e) => setOtherId(e.target.value)}>
              {others.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} ({p.environment.label})
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" className="button" disabled={!source || busy !== null} onClick={() => void doPlan()}>
          {busy === 'plan' ? 'Planning…' : 'Plan'}
        </button>
      </section>
      {plan && (
        <section className="code-diff" aria-label="The plan">
          {changedNote && <ActionMessage tone="unknown">{changedNote}</ActionMessage>}
          <h3>
            Plan for {plan.plan.targetName}: <span data-testid="plan-summary">{planSummary(plan.plan)}</span>
          </h3>
          {plan.plan.source.kind === 'profile' && plan.plan.source.serverTimeZone !== plan.plan.serverTimeZone && (
            <p className="warning">
              ⚠ {plan.plan.source.name} runs in {plan.plan.source.serverTimeZone}, the target in {plan.plan.serverTimeZone}: the same expression fires at other
              instants.
            </p>
          )}
          <PlanDiff plan={plan.plan} caption="Changes" />
          {gate?.needsOverride && !done && (
            <label className="toggle lint-override">
              <input type="checkbox" checked={allowTooFrequent} onChange={(e) => setAllowTooFrequent(e.target.checked)} />
              Allow runs this frequent{production ? ' (production: you also type the org ID below)' : ''}
            </label>
          )}
          {done && <StepList steps={done.steps} caption="What was sent" />}
          {production && plan.plan.hasChanges && !done && <OrgConfirm orgId={profile.orgId} value={typedOrg} onChange={setTypedOrg} action="apply this plan" />}
        </section>
      )}
    </Modal>
  );
}
