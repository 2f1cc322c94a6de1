// A lane's past on the timeline: a dot per recorded execution, a hollow red ring per missed fire.
import { formatWithZone } from '../common/time';
import type { PastMark } from './past-marks';
import { VERDICT_LABEL } from './verdicts';
import './health.css';

interface Props {
  marks: readonly PastMark[] | undefined;
  /** Where an instant falls on the track, 0..1 (outside: not drawn). */
  x(at: Date): number;
  zone: string;
}

export function TimelinePastMarks({ marks, x, zone }: Props) {
  if (!marks || marks.length === 0) return null;
  return (
    <>
      {marks.map((m) => {
        const at = x(m.at);
        if (!(at >= 0 && at <= 1)) return null;
        const time = formatWithZone(m.at, zone);
        return (
          <span
            key={`${m.kind}:${m.at.getTime()}`}
            className={`tl-past past-mark past-${m.kind} past-${m.verdict}`}
            style={{ left: `${(at * 100).toFixed(3)}%` }}
            title={m.kind === 'missed' ? `Missed: expected ${time}` : `Ran ${time} (${VERDICT_LABEL[m.verdict].toLowerCase()})`}
            data-testid={m.kind === 'missed' ? 'timeline-missed-fire' : 'timeline-past-run'}
          />
        );
      })}
    </>
  );
}
