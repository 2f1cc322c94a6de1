// A plan shown as a diff: + to create, - to delete, = already there (same schedule), ‖ kept paused,
// each with the linter's verdicts and the schedules it would start at the same instant as.
import type { SchedulePlan } from '@shared/ipc/channels/changes';
import { describe } from '../common/schedule-info';
import { formatWithZone } from '../common/time';
import { diffLines } from './plan-logic';

export function PlanDiff({ plan, caption }: { plan: SchedulePlan; caption: string }) {
  const lines = diffLines(plan);
  if (lines.length === 0) return <p className="muted">No schedules on either side.</p>;
  return (
    <ul className="plan-diff" aria-label={caption}>
      {lines.map((l, i) => (
        <li key={`${l.kind}-${i}`} className={`diff-line diff-${l.kind}${l.refused ? ' diff-refused' : ''}`} data-kind={l.kind}>
          <span className="diff-sign" aria-hidden>
            {l.sign}
          </span>
          <code>{l.expression}</code>
          {l.label && <span className="diff-label"> “{l.label}”</span>}
          <span className="muted">
            {' '}
            — {describe(l.expression)}; {l.note}
          </span>
          {l.verdicts.length > 0 && (
            <ul className="diff-verdicts">
              {l.verdicts.map((v, n) => (
                <li key={n} className={`lint-verdict lint-${v.severity}`} data-code={v.code}>
                  {v.severity === 'error' ? '✖' : '⚠'} {v.message}
                </li>
              ))}
            </ul>
          )}
          {l.collisions.map((c) => (
            <div key={c.jobId} className="diff-collision">
              ⚠ Starts at the same instant as <code>{c.expression}</code> (job {c.jobId}) on this server, first at{' '}
              {formatWithZone(new Date(c.firstAt), plan.serverTimeZone)}.
            </div>
          ))}
        </li>
      ))}
    </ul>
  );
}
