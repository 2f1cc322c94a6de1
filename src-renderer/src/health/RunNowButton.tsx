// Run now: starts the org's maintenance at once, after a confirmation (production: the org ID typed).
// The request is sent once and never repeated; a lost answer says the run may have started.
// The dialog is one of the store's dialogs (so Ctrl+K and the one-dialog rule apply), bound to the
// profile as it was when opened: it closes when another profile is shown or this one changes its
// server, org or environment, and never shows or runs in a profile it was not opened for.
import { useEffect, useState } from 'react';
import type { ProfileView } from '@shared/domain';
import { useAppStore } from '../store';
import { runNowStale, type Dialog } from '../store/view-slice';
import { ApiError, messageOf } from '../api-client';
import { Modal } from '../common/Modal';
import { OrgConfirm } from '../common/OrgConfirm';
import { EnvBadge } from '../common/EnvBadge';
import { ActionMessage } from '../common/ActionMessage';
import { clause } from '../common/text';
import { causeOf } from '../store/causes';
import { settledOf, type ProfileSchedules } from '../store/schedule-state';

interface Props {
  profile: ProfileView;
  /** Why the server cannot be asked now (offline, signed out), or null. */
  blocked: string | null;
  /** A run is already in progress in this org. */
  running: boolean;
}

export function RunNowButton({ profile, blocked, running }: Props) {
  const openDialog = useAppStore((s) => s.openDialog);
  const pending = useAppStore((s) => s.runNowPending[profile.id] === true);
  const title = blocked ?? (running ? 'Maintenance is already running in this org' : `Start aggregate maintenance in org ${profile.orgId} now`);
  return (
    <>
      <button
        type="button"
        className="button"
        onClick={() => openDialog({ kind: 'run-now', profileId: profile.id, profile })}
        disabled={blocked !== null || pending}
        title={title}
      >
        {pending ? 'Starting…' : 'Run now'}
      </button>
    </>
  );
}

export function RunNowDialog({ dialog }: { dialog: Extract<Dialog, { kind: 'run-now' }> }) {
  const profile = dialog.profile;
  const runNow = useAppStore((s) => s.runNow);
  const notify = useAppStore((s) => s.notify);
  const onClose = useAppStore((s) => s.closeDialog);
  const noticeIfGone = useAppStore((s) => s.noticeIfDialogGone);
  const running = useAppStore((s) => Boolean(s.running[profile.id]?.running));
  const stale = useAppStore((s) =>
    runNowStale(
      profile,
      s.profiles.find((p) => p.id === profile.id),
      s.selectedProfileId,
    ),
  );
  useEffect(() => {
    if (stale && useAppStore.getState().dialog === dialog) onClose();
  }, [stale, dialog, onClose]);
  const [typedOrg, setTypedOrg] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [unknown, setUnknown] = useState<string | null>(null);
  const prod = profile.environment.kind === 'production';
  // The org is the one this dialog shows: main refuses when the profile points elsewhere by then.
  const orgId = profile.orgId;
  const canRun = (!prod || typedOrg.trim() === orgId) && !busy && unknown === null;

  // When this dialog is gone by the time the answer comes, a failure or a lost answer stays as a notice.
  const gone = () => useAppStore.getState().dialog !== dialog;
  const confirm = async () => {
    if (!canRun) return;
    setBusy(true);
    setError(null);
    try {
      const result = await runNow(profile.id, orgId);
      notify(`${profile.name}: ${clause(result.message)}.`);
      if (result.warning) notify(result.warning, 'warning');
      if (!gone()) onClose();
    } catch (e) {
      if (e instanceof ApiError && e.kind === 'outcome-unknown') {
        noticeIfGone(
          dialog,
          `Maintenance may have started in ${profile.name}: ${clause(e.message)}. It was not sent again; the running state shows whether it did.`,
        );
        setUnknown(e.message);
      } else {
        noticeIfGone(dialog, `Maintenance was not started in ${profile.name}: ${clause(messageOf(e))}.`);
        setError(`Maintenance was not started: ${messageOf(e)}`);
      }
      setBusy(false);
    }
  };

  if (stale) return null;

  return (
    <Modal
      title="Run maintenance now?"
      danger={prod}
      onClose={onClose}
      footer={
        <>
          {unknown ? (
            <ActionMessage tone="unknown">
              <strong>Maintenance may have started.</strong> {clause(unknown)}. It was not sent again; the running state above shows whether it did.
            </ActionMessage>
          ) : (
            error && <ActionMessage tone="error">{error}</ActionMessage>
          )}
          <button type="button" className="button" onClick={onClose} data-autofocus>
            {unknown ? 'Close' : 'Cancel'}
          </button>
          {!unknown && (
            <button type="button" className={prod ? 'button button-danger' : 'button button-primary'} disabled={!canRun} onClick={() => void confirm()}>
              {busy ? 'Starting…' : prod ? 'Run now in production' : 'Run now'}
            </button>
          )}
        </>
      }
    >
      <p className="dialog-target">
        In <strong>{profile.name}</strong> <EnvBadge environment={profile.environment} /> org <code>{orgId}</code>
      </p>
      <p>Aggregate maintenance starts at once, outside its schedules. The request is sent once and never repeated.</p>
      {running && <p className="warning">Maintenance is already running in this org.</p>}
      {prod && <OrgConfirm orgId={orgId} value={typedOrg} onChange={setTypedOrg} action="start maintenance now" />}
    </Modal>
  );
}

/** Why run now cannot be sent for this profile right now, or null: it needs the server to answer. */
export function runNowBlock(entry: ProfileSchedules | undefined): string | null {
  const state = settledOf(entry);
  if (!state) return 'Wait for the schedules to load first.';
  if (state.status === 'live') return null;
  return `${causeOf(state.kind).title}: run now needs the server. Refresh when it answers.`;
}
