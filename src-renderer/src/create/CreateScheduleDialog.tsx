// Create a schedule: presets, builder and raw box in sync, live validation, words, next runs, and the
// linter's verdicts (errors block; too-frequent needs the explicit override; fixes offered in one click).
// The outcome is told beside the button: an error, or (answer lost) that it may have happened, with a
// check of the list instead of a retry that could create it twice.
import { useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store';
import { sourceKey } from '../store/sources';
import { Modal } from '../common/Modal';
import { OrgConfirm } from '../common/OrgConfirm';
import { EnvBadge } from '../common/EnvBadge';
import { describe, upcoming } from '../common/schedule-info';
import { formatWithZone } from '../common/time';
import { messageOf } from '../api-client';
import { writeBlockReason } from '../schedules/write-block';
import { ActionMessage } from '../common/ActionMessage';
import { clause } from '../common/text';
import type { CreateOutcome } from '../store/write-outcome';
import { sameSchedule } from '@shared/cron';
import { firstFreePreset, presetExpression, type PresetState } from './presets';
import { PresetPicker } from './PresetPicker';
import { FieldBuilder } from './FieldBuilder';
import { checkExpression, normalizeExpression, sameOrgSchedules, validationMessage } from './expression-fields';
import { RunPreview } from './RunPreview';
import { findClash } from './analysis';
import { gateOf, lintForWrite } from './lint-gate';
import { LintVerdicts } from './LintVerdicts';
import { FleetPlanning } from '../load/FleetPlanning';

export function CreateScheduleDialog({ profileId }: { profileId: string }) {
  const s = useAppStore(
    useShallow((st) => ({ profiles: st.profiles, lists: st.lists, now: st.now, close: st.closeDialog, create: st.createSchedule, select: st.setSelectedKey })),
  );
  const profile = s.profiles.find((p) => p.id === profileId);
  const entry = s.lists[profileId];
  const zone = entry?.list?.serverTimeZone ?? profile?.serverTimeZone ?? 'UTC';
  const others = useMemo(
    () => (profile ? sameOrgSchedules(profile, s.profiles, (id) => s.lists[id]?.list?.schedules ?? []) : []),
    [profile, s.profiles, s.lists],
  );
  // The dialog never opens on a clash: the first default time that lands near no other schedule.
  // A duplicate (the same fire times) is no free time either.
  const [initial] = useState(() =>
    firstFreePreset(
      (expr) => findClash(expr, zone, others, new Date()) !== null || others.some((o) => sameSchedule(expr, o.timeExpression, { timeZone: zone })),
    ),
  );
  const [preset, setPreset] = useState<PresetState>(initial);
  const [expression, setExpression] = useState(() => presetExpression(initial));
  const [typedOrg, setTypedOrg] = useState('');
  const [allowTooFrequent, setAllowTooFrequent] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The answer to the create was lost: from here on the dialog only helps find out what happened.
  const [unknown, setUnknown] = useState<Extract<CreateOutcome, { outcome: 'unknown' }> | null>(null);
  // The store's dialog this component shows: an answer that comes after it is gone touches nothing of the window's.
  const [owner] = useState(() => useAppStore.getState().dialog);

  const trimmed = normalizeExpression(expression);
  const validation = useMemo(() => checkExpression(expression), [expression]);
  const analysis = useMemo(() => {
    if (!validation.ok) return null;
    const now = new Date();
    return {
      words: describe(trimmed),
      runs: upcoming(trimmed, zone, now, 10),
      clash: findClash(trimmed, zone, others, now),
      duplicate: others.find((o) => sameSchedule(trimmed, o.timeExpression, { timeZone: zone, from: now })) ?? null,
    };
  }, [validation.ok, trimmed, zone, others]);
  // The raw text, not the normalized one: look-alike characters and stray text are what it looks for.
  const issues = useMemo(
    () => lintForWrite(expression.trim(), { timeZone: zone, now: new Date(), existing: others.map((o) => o.timeExpression) }),
    [expression, zone, others],
  );
  const lint = gateOf(issues, allowTooFrequent);

  if (!profile) return null;
  const prod = profile.environment.kind === 'production';
  const blocked = writeBlockReason(entry, profile.signIn);
  const invalidField = validation.ok ? null : validation.field;
  const named = validationMessage(validation);
  const canSubmit = validation.ok && lint.ok && blocked === null && (!prod || typedOrg.trim() === profile.orgId) && !submitting && unknown === null;

  const settle = (outcome: CreateOutcome) => {
    if (outcome.outcome === 'created') {
      // Closed meanwhile (or replaced by another dialog): the toast told it; nothing else is touched.
      if (useAppStore.getState().dialog !== owner) return;
      s.select(sourceKey(profile.id, outcome.schedule.jobId));
      s.close();
      return;
    }
    setUnknown(outcome);
    setSubmitting(false);
  };

  const submit = async () => {
    if (!canSubmit) return;
    setSubmitting(true);
    setError(null);
    try {
      settle(await s.create(profile.id, profile.orgId, trimmed, { allowTooFrequent }));
    } catch (e) {
      setError(`The server did not create the schedule: ${messageOf(e)}`);
      setSubmitting(false);
    }
  };

  const recheck = async () => {
    if (!unknown) return;
    setSubmitting(true);
    settle(await unknown.recheck());
  };

  return (
    <Modal
      title="New schedule"
      wide
      danger={prod}
      onClose={s.close}
      footer={
        <>
          {/* In the footer, beside the button it unlocks: in view without scrolling, however long the form. */}
          {prod && !unknown && <OrgConfirm orgId={profile.orgId} value={typedOrg} onChange={setTypedOrg} action="create this schedule" />}
          {unknown ? (
            <ActionMessage tone="unknown">
              <strong>The schedule may have been created.</strong> {clause(unknown.message)}.{' '}
              {unknown.noBaseline
                ? 'The jobs could not be listed just before it was sent, so the list cannot tell this create’s job from one made by someone else. Check the list yourself before creating it again, or it may exist twice.'
                : unknown.listed
                  ? 'The list, fetched again, does not show it: it was most likely not created. Check again before creating it once more.'
                  : 'The list could not be fetched to check. Refresh and check before creating it again, or it may exist twice.'}
            </ActionMessage>
          ) : error ? (
            <ActionMessage tone="error">{error}</ActionMessage>
          ) : (
            (blocked ?? (validation.ok ? lint.reason : null)) && <span className="blocked-reason">{blocked ?? lint.reason}</span>
          )}
          <button type="button" className="button" onClick={s.close}>
            {unknown ? 'Close' : 'Cancel'}
          </button>
          {unknown ? (
            <button type="button" className="button button-primary" onClick={() => void recheck()} disabled={submitting}>
              {submitting ? 'Checking…' : 'Refresh and check'}
            </button>
          ) : (
            <button type="submit" form="create-form" className={`button ${prod ? 'button-danger' : 'button-primary'}`} disabled={!canSubmit}>
              {submitting ? 'Creating…' : prod ? 'Create in production' : 'Create schedule'}
            </button>
          )}
        </>
      }
    >
      <form
        id="create-form"
        className="create-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <p className="dialog-target">
          For <strong>{profile.name}</strong> <EnvBadge environment={profile.environment} /> org <code>{profile.orgId}</code>, evaluated in the server zone{' '}
          <strong>{zone}</strong>.
        </p>
        <PresetPicker
          preset={preset}
          custom={presetExpression(preset) !== expression}
          onChange={(p) => {
            setPreset(p);
            setExpression(presetExpression(p));
          }}
        />
        <FieldBuilder expression={expression} invalidField={invalidField} onChange={setExpression} />
        <label className="raw-expression">
          <span>Quartz expression</span>
          <input
            className="input mono"
            value={expression}
            spellCheck={false}
            aria-invalid={!validation.ok}
            aria-describedby="expression-status"
            onChange={(e) => setExpression(e.target.value)}
          />
        </label>
        <div id="expression-status" aria-live="polite">
          {validation.ok ? (
            <p className="expression-words">{analysis?.words}</p>
          ) : (
            <p className="field-error" role="alert">
              {named}
            </p>
          )}
        </div>
        <LintVerdicts
          issues={issues}
          hide={['invalid']}
          allowTooFrequent={allowTooFrequent}
          onAllowTooFrequent={setAllowTooFrequent}
          production={prod}
          onUseSuggestion={setExpression}
        />
        {analysis?.duplicate ? (
          <p className="warning" data-testid="create-duplicate">
            ⚠ Duplicate: this org already has a schedule that fires at exactly these times, <code>{analysis.duplicate.timeExpression}</code> (
            {describe(analysis.duplicate.timeExpression)}). Creating it would run every build twice.
          </p>
        ) : (
          analysis?.clash && (
            <p className="warning">
              ⚠ Lands within an hour of another schedule in this org, <code>{analysis.clash.other.timeExpression}</code> (
              {describe(analysis.clash.other.timeExpression)}): this one at {formatWithZone(analysis.clash.ours, zone)}, that one at{' '}
              {formatWithZone(analysis.clash.theirs, zone)}. Overlapping runs compete for the engine.
            </p>
          )
        )}
        {analysis && <RunPreview runs={analysis.runs} serverZone={zone} caption="Next 10 runs" />}
        <FleetPlanning profileId={profileId} expression={validation.ok ? trimmed : null} onUse={setExpression} />
      </form>
    </Modal>
  );
}
