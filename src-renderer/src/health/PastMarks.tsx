// A past day's marks: a filled dot per execution, a hollow red ring per missed fire. Clicking one
// selects its schedule (its panel lists the history).
import type { SourceLookup } from '@renderer/sources/source-index';
import { formatTime, zoneAbbreviation } from '../common/time';
import type { PastMark } from './past-marks';
import { VERDICT_LABEL } from './verdicts';
import './health.css';

interface Props {
  marks: readonly PastMark[] | undefined;
  zone: string;
  sourcesByKey: SourceLookup;
  onSelect(key: string): void;
  /** At most this many marks; the rest are counted. */
  limit?: number;
}

export function PastMarks({ marks, zone, sourcesByKey, onSelect, limit = 12 }: Props) {
  if (!marks || marks.length === 0) return null;
  const shown = marks.slice(0, limit);
  return (
    <div className="past-marks">
      {shown.map((m) => {
        const source = sourcesByKey.get(m.sourceKey);
        const time = `${formatTime(m.at, zone)} ${zoneAbbreviation(zone, m.at)}`;
        const label = m.kind === 'missed' ? `Missed: expected ${time}` : `Ran ${time} (${VERDICT_LABEL[m.verdict].toLowerCase()})`;
        return (
          <button
            key={`${m.kind}:${m.sourceKey}:${m.at.getTime()}`}
            type="button"
            tabIndex={-1}
            className={`past-mark past-${m.kind} past-${m.verdict}`}
            style={{ ['--run-color' as string]: source?.color ?? 'var(--accent)' }}
            title={`${label} · ${source?.profileName ?? m.sourceKey}`}
            aria-label={`${label}, ${source?.profileName ?? m.sourceKey}`}
            data-testid={m.kind === 'missed' ? 'calendar-missed-fire' : 'calendar-past-run'}
            onClick={(e) => {
              e.stopPropagation();
              onSelect(m.sourceKey);
            }}
          />
        );
      })}
      {marks.length > shown.length && <span className="muted past-more">+{marks.length - shown.length}</span>}
    </div>
  );
}
