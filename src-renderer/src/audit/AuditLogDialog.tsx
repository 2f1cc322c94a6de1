// The local audit log: every create, delete and run now that reached a server, newest first, so an
// administrator can answer "who changed what, where, and did it work" without the server.
import { useEffect, useState } from 'react';
import type { AuditEntry } from '@shared/domain';
import { useAppStore } from '../store';
import { call, messageOf } from '../api-client';
import { Modal } from '../common/Modal';
import { formatWithZone, localZone } from '../common/time';

const AUDIT_LIMIT = 200;

/** Each write as the log names it (a run now is no delete). */
const ACTION_WORDS: Record<AuditEntry['action'], string> = { create: 'Created', delete: 'Deleted', 'run-now': 'Ran maintenance now' };

function formatWhen(iso: string): string {
  return formatWithZone(new Date(iso), localZone, { seconds: true });
}

export function AuditLogDialog() {
  const close = useAppStore((s) => s.closeDialog);
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    call('audit:list', { limit: AUDIT_LIMIT })
      .then((list) => live && setEntries([...list].sort((a, b) => b.at.localeCompare(a.at))))
      .catch((e: unknown) => live && setError(`The audit log could not be read: ${messageOf(e)}`));
    return () => {
      live = false;
    };
  }, []);

  return (
    <Modal title="Audit log" onClose={close}>
      <p className="field-hint">Creates, deletes and runs now sent from this computer, newest first (last {AUDIT_LIMIT}).</p>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {entries === null && !error && <p>Loading…</p>}
      {entries?.length === 0 && <p>No schedule has been created or deleted from this computer yet.</p>}
      {entries && entries.length > 0 && (
        <table className="audit-table" data-testid="audit-table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Action</th>
              <th scope="col">Profile / org</th>
              <th scope="col">Schedule</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e, i) => (
              <tr key={`${e.at}-${i}`}>
                <td>{formatWhen(e.at)}</td>
                <td>{ACTION_WORDS[e.action]}</td>
                <td>
                  {e.profileName} <code>{e.orgId}</code>
                  {e.server && <div className="field-hint">on {e.server}</div>}
                </td>
                <td>
                  {e.timeExpression && <code>{e.timeExpression}</code>}
                  {e.jobId && <div className="field-hint">job {e.jobId}</div>}
                </td>
                <td className={`audit-${e.outcome === 'ok' ? 'ok' : e.outcome === 'unknown' ? 'unknown' : 'failed'}`}>
                  {e.outcome === 'ok'
                    ? `Done${e.resolution ? ` (${e.resolution})` : ''}`
                    : e.outcome === 'unknown'
                      ? `Outcome unknown: ${e.resolution ?? e.error ?? 'the answer was lost'}`
                      : `Failed: ${e.error ?? 'unknown error'}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Modal>
  );
}
