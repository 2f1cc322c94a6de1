// One schedule's lane: its label (a button that selects it) and its track with the latest
// execution in the past and upcoming runs ahead, as ticks or, when dense, bands with a count.
import { memo, useMemo, useReducer, type CSSProperties } from 'react';
import type { ScheduleSource } from '@renderer/schedule-view-types';
import { bandLabel, describeLower, formatCount } from '@renderer/calendar/expansion-cache';
import { formatWithZone } from '@renderer/common/time';
import { nextRun } from '@renderer/common/schedule-info';
import { fraction, type TimeRange, type Zoom } from './timeline-scale';
import { laneRuns, type LaneRuns } from './lane-runs';
import { retryCounter, useRetryWhenDeferred, withinPassBudget } from './pass-budget';
import { TimelinePastMarks } from '@renderer/health/TimelinePastMarks';
import type { PastMark } from '@renderer/health/past-marks';
import { savedAgo, type SavedMark } from '@renderer/sources/saved-marks';

export interface TimelineLaneProps {
  source: ScheduleSource;
  index: number;
  range: TimeRange;
  zoom: Zoom;
  now: Date;
  widthPx: number;
  /** Zone the times in titles are shown in. */
  zone: string;
  showProfile: boolean;
  selected: boolean;
  /** The lane list's one Tab stop (roving tabindex). */
  tabbable: boolean;
  onFocusLane(index: number): void;
  onSelect(key: string): void;
  /** Position in the virtual list; plain numbers so memo() skips lanes that did not move. */
  top: number;
  height: number;
  /** Recorded executions and missed fires of this schedule in the window. */
  past?: readonly PastMark[] | undefined;
  /** Its profile's mark when the lane comes from a saved list (one object per profile, so memo() holds). */
  saved?: SavedMark | null | undefined;
}

// The profile name is read out even when the lane sits under its profile's header.
const showProfileText = (shown: boolean, name: string) => (shown ? '' : ` (${name})`);

/** A lane whose runs wait for a later task: drawn with its label, no marks yet. */
const PENDING: LaneRuns = { marks: null, count: 0, error: null };

/** Nothing upcoming in view (the window moved, or the runs are far apart): the next run beyond it, or null. */
function nextBeyond(source: ScheduleSource, lane: LaneRuns, now: Date, range: TimeRange): Date | null {
  if (source.schedule.active === false || lane.count > 0 || lane.error) return null;
  const after = new Date(Math.max(now.getTime(), range.from.getTime()));
  const at = nextRun(source.schedule.timeExpression, source.serverTimeZone, after);
  return at && at.getTime() >= range.to.getTime() ? at : null;
}

const pct = (x: number) => `${(Math.min(1, Math.max(0, x)) * 100).toFixed(3)}%`;

export const TimelineLane = memo(function TimelineLane(props: TimelineLaneProps) {
  const { source, range, zoom, now, widthPx } = props;
  const active = source.schedule.active !== false;
  // Describing and expanding a new expression (and finding the next run when none is in view) is the
  // lane's cost: done within the render pass's budget, or in a later task (pass-budget.ts).
  const [attempt, retry] = useReducer(retryCounter, 0);
  const drawn = useMemo(() => {
    void attempt;
    return withinPassBudget(() => {
      const lane = laneRuns(source, now, zoom, range, widthPx);
      return { description: describeLower(source.schedule.timeExpression), lane, next: nextBeyond(source, lane, now, range) };
    });
  }, [source, range, zoom, now, widthPx, attempt]);
  useRetryWhenDeferred(drawn === null, retry, attempt);
  const description = drawn?.description ?? '';
  const lane = drawn?.lane ?? PENDING;
  const next = drawn?.next ?? null;

  const ticks = lane.marks === null ? [] : lane.marks.kind === 'ticks' ? lane.marks.xs : lane.marks.singles;
  const latest = source.schedule.latestExecution ? new Date(source.schedule.latestExecution.executedAt) : null;
  const latestX = latest && !Number.isNaN(latest.getTime()) ? fraction(latest, range) : null;
  const latestText = latest && latestX !== null ? `last run ${formatWithZone(latest, props.zone)}` : 'not run yet';
  const saved = props.saved ?? null;
  const savedText = saved ? `from the list ${saved.label}` : null;
  const style = { transform: `translateY(${props.top}px)`, height: props.height, ['--run-color' as string]: source.color } as CSSProperties;
  const nextText = next ? `next run ${formatWithZone(next, props.zone)}` : null;
  // Beyond the right edge: the latest execution (the window is in the past), then the next run.
  const after = [latestX !== null && latestX > 1 ? latestText : null, nextText].filter((t): t is string => t !== null);
  const summary = !active
    ? 'deactivated'
    : drawn === null
      ? 'runs not drawn yet'
      : source.paused
        ? `paused: ${formatCount(lane.count)} in view that do not run`
        : lane.error
          ? `cannot draw: ${lane.error}`
          : `${formatCount(lane.count)} upcoming in view`;

  return (
    <div
      role="listitem"
      className={`tl-row tl-lane${props.selected ? ' is-selected' : ''}${active ? '' : ' is-inactive'}${source.paused ? ' is-paused' : ''}${saved ? ' is-saved' : ''}`}
      style={style}
      data-testid="timeline-lane"
      data-key={source.key}
      data-pending={drawn === null ? 'true' : undefined}
      data-saved={saved ? saved.fetchedAt : undefined}
    >
      <button
        type="button"
        className="tl-label"
        data-index={props.index}
        tabIndex={props.tabbable ? 0 : -1}
        onFocus={() => props.onFocusLane(props.index)}
        aria-pressed={props.selected}
        onClick={() => props.onSelect(source.key)}
      >
        <span className="tl-dot" aria-hidden="true" />
        {props.showProfile ? <span className="tl-profile">{source.profileName}</span> : null}
        <span className="tl-desc">{description}</span>
        {active ? null : <span className="tl-badge">deactivated</span>}
        {source.paused ? <span className="tl-badge">paused</span> : null}
        {saved ? (
          <span className="tl-badge tl-saved" data-testid="timeline-saved" title={`From the list ${saved.label}`}>
            {savedAgo(saved, now)}
          </span>
        ) : null}
        <span className="sr-only">
          {showProfileText(props.showProfile, source.profileName)}, {source.environmentLabel}; {summary}; {latestText}
          {nextText ? `; ${nextText}` : ''}
          {savedText ? `; ${savedText}` : ''}
        </span>
      </button>
      <div className="tl-track" aria-hidden="true" title={`${description} · ${summary} · ${latestText}${savedText ? ` · ${savedText}` : ''}`}>
        {latestX !== null && latestX >= 0 && latestX <= 1 ? <span className="tl-latest" style={{ left: pct(latestX) }} data-testid="timeline-latest" /> : null}
        {latestX !== null && latestX < 0 ? <span className="tl-pointer tl-pointer-before">◂ {latestText}</span> : null}
        {after.length > 0 ? (
          <span className="tl-pointer tl-pointer-after" data-testid="timeline-next-run">
            {after.join(' · ')} ▸
          </span>
        ) : null}
        <TimelinePastMarks marks={props.past} x={(at) => fraction(at, range)} zone={props.zone} />
        {ticks.length > 0 ? (
          // All of a lane's ticks are one SVG path: one element instead of dozens, cheap to mount while scrolling.
          <svg className="tl-ticks" viewBox="0 0 1000 10" preserveAspectRatio="none" data-testid="timeline-ticks" data-count={ticks.length}>
            <path d={ticks.map((x) => `M${(x * 1000).toFixed(2)} 0V10`).join('')} vectorEffect="non-scaling-stroke" />
          </svg>
        ) : null}
        {lane.marks?.kind === 'bands'
          ? lane.marks.bands.map((b) => (
              <span
                key={`b${b.x0}`}
                className="tl-band"
                style={{ left: pct(b.x0), width: `max(3px, ${pct(b.x1 - b.x0)})` }}
                data-testid="timeline-band"
                data-count={b.count}
              >
                {lane.marks?.kind === 'bands' && lane.marks.bands.length === 1 ? bandLabel(description, b.count) : formatCount(b.count)}
              </span>
            ))
          : null}
      </div>
    </div>
  );
});
