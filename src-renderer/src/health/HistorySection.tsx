// The schedule panel's history: recent executions beside the fire each one answered, with lateness,
// and the expected fires nothing answered (missed). Asked again whenever the profile's list changes.
import { useEffect, useState } from 'react';
import type { HistoryAnswer } from '@shared/ipc';
import { formatLateness } from '@shared/health';
import { call, messageOf } from '../api-client';
import { formatCompact } from '../common/time';
import { VERDICT_LABEL, VERDICT_TONE } from './verdicts';

interface Props {
  profileId: string;
  jobId: string;
  /** The list's fetchedAt: a new list may have recorded a new execution. */
  listedAt: string | null;
  zone: string;
  now: Date;
}

const SHOWN = 8;

interface Row {
  key: string;
  executedAt: string | null;
  expectedAt: string | null;
  latenessMs: number | null;
  verdict: 'on-time' | 'late' | 'extra' | 'missed';
}

/** Executions and missed fires in one list, newest first. */
export function historyRows(answer: HistoryAnswer, jobId: string, limit = SHOWN): Row[] {
  const rows: Row[] = answer.executions
    .filter((e) => e.jobId === jobId)
    .map((e) => ({ key: e.executionId, executedAt: e.executedAt, expectedAt: e.expectedAt, latenessMs: e.latenessMs, verdict: e.verdict }));
  for (const f of answer.fires) {
    if (f.jobId === jobId && f.verdict === 'missed')
      rows.push({ key: `missed-${f.at}`, executedAt: null, expectedAt: f.at, latenessMs: null, verdict: 'missed' });
  }
  const at = (r: Row) => Date.parse(r.executedAt ?? r.expectedAt ?? '');
  return rows.sort((a, b) => at(b) - at(a)).slice(0, limit);
}

function latenessText(row: Row): string {
  if (row.verdict === 'missed') return 'did not run';
  if (row.latenessMs === null) return 'outside the schedule';
  if (Math.abs(row.latenessMs) < 30_000) return 'on the minute';
  return row.latenessMs > 0 ? `${formatLateness(row.latenessMs)} late` : `${formatLateness(row.latenessMs)} early`;
}

export function HistorySection({ profileId, jobId, listedAt, zone, now }: Props) {
  const [answer, setAnswer] = useState<{ for: string; value: HistoryAnswer | null; error: string | null } | null>(null);
  const request = `${profileId}|${jobId}|${listedAt ?? ''}`;
  useEffect(() => {
    let current = true;
    call('history:list', { profileId, jobId })
      .then((value) => current && setAnswer({ for: request, value, error: null }))
      .catch((error: unknown) => current && setAnswer({ for: request, value: null, error: `The history could not be read: ${messageOf(error)}` }));
    return () => {
      current = false;
    };
  }, [profileId, jobId, request]);

  const rows = answer?.value ? historyRows(answer.value, jobId) : [];
  return (
    <section className="history" aria-label="Recent executions">
      <h3>Recent executions</h3>
      {answer === null ? (
        <p className="muted">Loading…</p>
      ) : answer.error ? (
        <p className="form-error">{answer.error}</p>
      ) : rows.length === 0 ? (
        <p className="muted">No execution recorded yet: the app records each one it sees in a list, from now on.</p>
      ) : (
        <table className="history-table">
          <thead>
            <tr>
              <th scope="col">Ran</th>
              <th scope="col">Expected</th>
              <th scope="col">
                <span className="visually-hidden">Verdict</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} data-testid="history-row" data-verdict={r.verdict}>
                <td>{r.executedAt ? formatCompact(new Date(r.executedAt), zone, now) : '—'}</td>
                <td>{r.expectedAt ? formatCompact(new Date(r.expectedAt), zone, now) : <span className="muted">no fire</span>}</td>
                <td>
                  <span className={`health-badge health-${VERDICT_TONE[r.verdict]}`}>{VERDICT_LABEL[r.verdict]}</span>{' '}
                  <span className="muted">{latenessText(r)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
