// "Suggest a time": the few daily or weekly start times with the least overlap with every run already on
// the server (all its orgs), outside the profile's blackout windows, each ready to use.
import { useMemo, useState } from 'react';
import { suggestSlots, type Blackout, type FleetSource } from '@shared/fleet';
import { describe } from '../common/schedule-info';
import { minutesLabel } from './load-format';
import { sharedRunCache } from './shared-run-cache';

interface Props {
  existing: readonly FleetSource[];
  serverKey: string;
  timeZone: string;
  durationMs: number;
  blackouts: readonly Blackout[];
  now: Date;
  onUse(expression: string): void;
}

export function SuggestTime({ existing, serverKey, timeZone, durationMs, blackouts, now, onUse }: Props) {
  const [kind, setKind] = useState<'daily' | 'weekly'>('daily');
  // Judged from the start of the current hour, so the suggestions stay put while the dialog is open.
  const hour = Math.floor(now.getTime() / 3_600_000);
  const slots = useMemo(
    () => suggestSlots({ existing, durationMs, blackouts, timeZone, kind, count: 4, from: new Date(hour * 3_600_000), cache: sharedRunCache }),
    [existing, durationMs, blackouts, timeZone, kind, hour],
  );
  return (
    <section className="suggest-time" aria-label="Suggest a time" data-testid="suggest-time">
      <div className="suggest-head">
        <h3>Suggest a time</h3>
        <fieldset className="choice-group">
          <legend className="visually-hidden">Repeat</legend>
          <label>
            <input type="radio" name="suggest-kind" checked={kind === 'daily'} onChange={() => setKind('daily')} /> Daily
          </label>
          <label>
            <input type="radio" name="suggest-kind" checked={kind === 'weekly'} onChange={() => setKind('weekly')} /> Weekly
          </label>
        </fieldset>
      </div>
      <p className="muted small">
        Quietest start times on <span className="mono">{serverKey}</span> over the next four weeks ({existing.length} schedule{existing.length === 1 ? '' : 's'}{' '}
        of all its orgs, runs of {minutesLabel(durationMs)}), {blackouts.length > 0 ? 'outside this profile’s blackout windows' : 'no blackout window set'}.
        Times are in the server zone, {timeZone}.
      </p>
      {slots.length === 0 ? (
        <p className="warning">No start time is outside the blackout windows.</p>
      ) : (
        <ol className="slot-list">
          {slots.map((s) => (
            <li key={s.timeExpression}>
              <code>{s.timeExpression}</code> <span>{describe(s.timeExpression)}</span>{' '}
              <span className="muted small">{s.overlapMinutes === 0 ? 'no overlap' : `${s.overlapMinutes} min of overlap in ${s.runs} runs`}</span>{' '}
              <button type="button" className="button button-small" onClick={() => onUse(s.timeExpression)} aria-label={`Use ${s.timeExpression}`}>
                Use
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
