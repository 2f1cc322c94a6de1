// Run now: starts the org's maintenance at once, after a confirmation (production: the org ID typed).
// The request is sent once and never repeated; a lost answer says the run may have started.
import { useState } from 'react';
import type { ProfileView } from '@shared/domain';
import { useAppStore } from '../store';
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
  const [open, setOpen] = useState(false);
  const pending = useAppStore((s) => s.runNowPending[profile.id] === true);
  const title = blocked ?? (running ? 'Maintenance is already running in this org' : `Start aggregate maintenance in org ${profile.orgId} now`);
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)} disabled={blocked !== null || pending} title={title}>
        {pending ? 'Starting…' : 'Run now'}
      </button>
      {open && <RunNowDialog profile={profile} running={running} onClose={() => setOpen(false)} />}
    </>
  );
}

function RunNowDialog({ profile, running, onClose }: { profile: ProfileView; running: boolean; onClose(): void }) {
  const runNow = useAppStore((s) => s.runNow);
  const notify = useAppStore((s) => s.notify);
  const [typedOrg, setTypedOrg] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [unknown, setUnknown] = useState<string | null>(null);
  const prod = profile.environment.kind === 'production';
  // The org is the one this dialog shows: main refuses when the profile points elsewhere by then.
  const orgId = profile.orgId;
  const canRun = (!prod || typedOrg.trim() === orgId) && !busy && unknown === null;

  const confirm = async () => {
    if (!canRun) return;
    setBusy(true);
    setError(null);
    try {
      const result = await runNow(profile.id, orgId);
      notify(`${profile.name}: ${clause(result.message)}.`);
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.kind === 'outcome-unknown') setUnknown(e.message);
      else setError(`Maintenance was not started: ${messageOf(e)}`);
      setBusy(false);
    }
  };

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
