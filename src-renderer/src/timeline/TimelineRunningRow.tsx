// A profile's maintenance run in progress: a bar from its start to now that grows with the clock, and
// the words ("Running since 04:00 UTC (12 min)") beside it. Not a Tab stop: the lanes are.
import type { CSSProperties } from 'react';
import { fraction, type TimeRange } from './timeline-scale';
import type { RunningBar } from './timeline-rows';

const pct = (x: number) => `${(Math.min(1, Math.max(0, x)) * 100).toFixed(3)}%`;

export function TimelineRunningRow({ bar, range, now, top, height }: { bar: RunningBar; range: TimeRange; now: Date; top: number; height: number }) {
  const x0 = fraction(bar.since, range);
  const x1 = fraction(now, range);
  // The window may have moved away from now: then only the words say it runs.
  const inView = x1 >= 0 && x0 <= 1;
  const style = { transform: `translateY(${top}px)`, height, ['--run-color' as string]: bar.color } as CSSProperties;
  return (
    <div role="listitem" className="tl-row tl-running" style={style} data-testid="timeline-running" data-profile={bar.profileId}>
      <span className="tl-label tl-running-label">
        <span className="running-pulse" aria-hidden="true" />
        <span className="tl-profile">{bar.profileName}</span> <span className="tl-desc">maintenance running;</span>{' '}
      </span>
      <div className="tl-track">
        {inView ? (
          <span
            className="tl-running-bar"
            style={{ left: pct(x0), width: `max(4px, ${pct(Math.min(1, x1) - Math.max(0, x0))})` }}
            title={bar.text}
            data-testid="timeline-running-bar"
          />
        ) : null}
        <span className="tl-running-text">{bar.text}</span>
      </div>
    </div>
  );
}
