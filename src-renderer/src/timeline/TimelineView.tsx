// One lane per schedule over a zoomable window (day to quarter) with a now line and a time axis.
// Virtualized with @tanstack/react-virtual: only the lanes in view (plus a few) exist in the DOM and
// only they expand their runs, so thousands of lanes scroll smoothly. Dense runs draw as DOM bands
// with a count (not a canvas), so they stay readable and selectable.
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { afterLayout } from '../common/virtual-viewport';
import type { ScheduleViewProps } from '@renderer/schedule-view-types';
import { civilDateOf, formatAxis, formatDateRange, gridZone, localZone, zoneCaption } from '@renderer/common/time';
import { formatCount } from '@renderer/calendar/expansion-cache';
import { axisTicks, fraction, shiftedRange, timeStepKey, ZOOMS, type Zoom } from './timeline-scale';
import { buildRows, nextLaneIndex, ROW_HEIGHT, type RunningBar } from './timeline-rows';
import { TimelineLane } from './TimelineLane';
import { TimelineRunningRow } from './TimelineRunningRow';
import { distinctLanes, warmLane } from './lane-runs';
import { runWhenIdle } from '@renderer/calendar/idle-prefetch';
import { usePastMarksBySource } from '@renderer/health/use-past-marks';
import { savedAgo, useSavedMarks } from '@renderer/sources/saved-marks';
import '@renderer/calendar/calendar.css';
import './timeline.css';

export interface TimelineViewProps extends ScheduleViewProps {
  zoom: Zoom;
  onZoomChange(zoom: Zoom): void;
  groupByProfile: boolean;
  /** Profiles whose maintenance is running now, drawn as live bars above the lanes. */
  running?: readonly RunningBar[];
}

const LABEL_PX = 260;
const AXIS_PX = 34;
const ZOOM_NAMES: Record<Zoom, string> = { day: 'Day', week: 'Week', month: 'Month', quarter: 'Quarter' };

const NO_RUNS: readonly RunningBar[] = [];

const trackLeft = (x: number) => `calc(${LABEL_PX}px + (100% - ${LABEL_PX}px) * ${x.toFixed(5)})`;

export function TimelineView(props: TimelineViewProps) {
  const { sources, displayZone, zoom, now, selectedKey, onSelect, groupByProfile, running = NO_RUNS } = props;
  const zone = useMemo(() => gridZone(sources, displayZone, localZone), [sources, displayZone]);
  const nowMs = now.getTime();
  // The window only moves when its rounded start does (hourly or daily), not on every clock tick,
  // so lanes and cached expansions stay put in between.
  // Moving back or forth counts steps from the window around now; a new zoom starts at now again.
  const [shift, setShift] = useState<{ zoom: Zoom; steps: number }>({ zoom, steps: 0 });
  const steps = shift.zoom === zoom ? shift.steps : 0;
  const move = (by: -1 | 1 | 0) => setShift({ zoom, steps: by === 0 ? 0 : steps + by });
  const shifted = shiftedRange(now, zoom, steps);
  const fromMs = shifted.from.getTime();
  const toMs = shifted.to.getTime();
  const range = useMemo(() => ({ from: new Date(fromMs), to: new Date(toMs) }), [fromMs, toMs]);
  const ticks = useMemo(() => axisTicks(range, zoom, zone), [range, zoom, zone]);
  // The past of the window: recorded executions and missed fires per lane (health/past-marks.ts).
  const pastMarks = usePastMarksBySource(sources, range.from, range.to, now);
  const rows = useMemo(() => buildRows(sources, groupByProfile, running), [sources, groupByProfile, running]);
  const scroller = useRef<HTMLDivElement>(null);
  const [widthPx, setWidthPx] = useState(800);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setWidthPx(Math.max(100, el.clientWidth - LABEL_PX)));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // The virtualizer lays out every row again whenever getItemKey changes: stable between scroll frames.
  const getItemKey = useCallback((i: number) => rows[i]?.id ?? i, [rows]);
  const estimateSize = useCallback((i: number) => ROW_HEIGHT[rows[i]?.kind ?? 'lane'], [rows]);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is meant to be used this way
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize,
    getItemKey,
    overscan: 6,
    scrollMargin: AXIS_PX,
    // Measured after layout, not during the commit (common/virtual-viewport.ts).
    ...afterLayout(),
  });

  // A schedule selected elsewhere (list, calendar, a new one) scrolls into view.
  const selectedIndex = useMemo(() => rows.findIndex((r) => r.kind === 'lane' && r.source.key === selectedKey), [rows, selectedKey]);
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);
  // One Tab stop for the whole lane list (roving tabindex): the lane last moved to or clicked, else
  // the selected one, else the first; when that lane is scrolled out of the DOM, the first drawn lane.
  const [active, setActive] = useState(-1);
  const wanted = rows[active]?.kind === 'lane' ? active : selectedIndex >= 0 ? selectedIndex : nextLaneIndex(rows, -1, 1);
  const drawn = virtualizer.getVirtualItems();
  const tabStop = drawn.some((item) => item.index === wanted) ? wanted : (drawn.find((item) => rows[item.index]?.kind === 'lane')?.index ?? wanted);

  useEffect(() => {
    // Expand and describe every distinct expression in idle time, in the lanes' order, so lanes
    // scrolled into view only draw.
    const lanes = distinctLanes(rows.flatMap((r) => (r.kind === 'lane' ? [r.source] : [])));
    return runWhenIdle(lanes.map((s) => () => warmLane(s, new Date(nowMs), zoom, range)));
  }, [rows, nowMs, zoom, range]);

  useEffect(() => {
    performance.mark('timeline:drawn', { detail: { zoom, lanes: sources.length } });
  }, [rows, zoom, range, sources.length]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const current = Number((e.target as HTMLElement).dataset.index ?? -1);
    let next = -1;
    if (e.key === 'ArrowDown') next = nextLaneIndex(rows, current, 1);
    else if (e.key === 'ArrowUp') next = nextLaneIndex(rows, current, -1);
    else if (e.key === 'Home') next = nextLaneIndex(rows, -1, 1);
    else if (e.key === 'End') next = nextLaneIndex(rows, rows.length, -1);
    else return;
    e.preventDefault();
    if (next < 0) return;
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
    // The lane may only exist after the scroll renders it.
    requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`.tl-label[data-index="${next}"]`)?.focus());
  };

  const onRootKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const dir = timeStepKey(e.key);
    if (dir === null || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    move(dir);
  };

  const nowX = fraction(now, range);
  // Lanes of a profile shown from its saved list carry its one mark (looked up per lane, made per profile).
  const savedMarks = useSavedMarks();
  const nowInView = nowX >= 0 && nowX <= 1;
  // Drawn once per window, not on every scroll frame.
  const axis = useMemo(
    () =>
      ticks.map((t) => (
        <span key={t.at.getTime()} className={`tl-axis-tick${t.major ? ' is-major' : ''}`} style={{ left: trackLeft(fraction(t.at, range)) }}>
          {t.major ? formatAxis(t.at, zone, t.withHour) : ''}
        </span>
      )),
    [ticks, range, zone],
  );
  const gridlines = useMemo(
    () =>
      ticks.map((t) => (
        <span
          key={t.at.getTime()}
          aria-hidden="true"
          className={`tl-gridline${t.major ? ' is-major' : ''}`}
          style={{ left: trackLeft(fraction(t.at, range)) }}
        />
      )),
    [ticks, range],
  );
  const laneCount = sources.length;
  // Counting the zones walks every source: once per list and minute, not on every scroll frame.
  const caption = useMemo(() => zoneCaption(sources, displayZone, localZone, now), [sources, displayZone, now]);

  return (
    <section
      className="tl-root"
      aria-label="Timeline of runs"
      data-testid="timeline-view"
      data-zoom={zoom}
      data-lanes={sources.length}
      data-from={range.from.toISOString()}
      onKeyDown={onRootKeyDown}
    >
      <header className="tl-toolbar">
        <div role="group" aria-label="Move in time" className="tl-nav">
          <button type="button" onClick={() => move(-1)} aria-label="Earlier" title="Earlier ( [ or Page Up )" data-testid="timeline-prev">
            ‹
          </button>
          <button type="button" onClick={() => move(0)} disabled={steps === 0} data-testid="timeline-now-button">
            Now
          </button>
          <button type="button" onClick={() => move(1)} aria-label="Later" title="Later ( ] or Page Down )" data-testid="timeline-next">
            ›
          </button>
        </div>
        <h2 className="tl-title" aria-live="polite" data-testid="timeline-title">
          {formatDateRange(civilDateOf(range.from, zone), civilDateOf(new Date(range.to.getTime() - 1), zone))}
        </h2>
        <div role="group" aria-label="Zoom" className="tl-zoom">
          {ZOOMS.map((z) => (
            <button key={z} type="button" aria-pressed={zoom === z} onClick={() => props.onZoomChange(z)} data-testid={`timeline-zoom-${z}`}>
              {ZOOM_NAMES[z]}
            </button>
          ))}
        </div>
        <p className="tl-caption" data-testid="timeline-zone">
          {caption} · {formatCount(laneCount)} schedule{laneCount === 1 ? '' : 's'}
        </p>
        {/* The legend draws its marks with the lanes' own classes, so it looks like what it explains. */}
        <ul className="tl-legend" aria-label="Legend" data-testid="timeline-legend">
          <li>
            <span className="tl-legend-mark" aria-hidden="true">
              <span className="tl-latest" />
            </span>
            latest execution
          </li>
          <li>
            <span className="tl-legend-mark" aria-hidden="true">
              <svg className="tl-ticks" viewBox="0 0 10 10" preserveAspectRatio="none">
                <path d="M5 0V10" vectorEffect="non-scaling-stroke" />
              </svg>
            </span>
            upcoming run
          </li>
          <li>
            <span className="tl-legend-mark tl-legend-wide" aria-hidden="true">
              <span className="tl-band" />
            </span>
            many runs (count)
          </li>
          <li>
            <span className="tl-legend-mark" aria-hidden="true">
              <span className="tl-now" />
            </span>
            now
          </li>
        </ul>
      </header>
      <div className="tl-scroll" ref={scroller} data-testid="timeline-scroll">
        <div className="tl-axis" aria-hidden="true" style={{ height: AXIS_PX }}>
          {axis}
          {nowInView ? (
            <span className="tl-now-label" style={{ left: trackLeft(nowX) }}>
              now
            </span>
          ) : null}
        </div>
        <div role="list" aria-label="Schedules" className="tl-rows" style={{ height: virtualizer.getTotalSize() }} onKeyDown={onKeyDown}>
          {gridlines}
          {nowInView ? <span aria-hidden="true" className="tl-now" data-testid="timeline-now" style={{ left: trackLeft(nowX) }} /> : null}
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            if (row.kind === 'running') {
              return <TimelineRunningRow key={item.key} bar={row.bar} range={range} now={now} top={item.start - AXIS_PX} height={item.size} />;
            }
            if (row.kind === 'group') {
              const style = { transform: `translateY(${item.start - AXIS_PX}px)`, height: item.size };
              const groupSaved = savedMarks.get(row.profileId);
              return (
                <div
                  key={item.key}
                  role="listitem"
                  className="tl-row tl-group"
                  style={{ ...style, ['--run-color' as string]: row.color }}
                  data-testid="timeline-group"
                >
                  <span className="tl-dot" aria-hidden="true" />
                  <strong>{row.profileName}</strong>
                  <span className="tl-env">{row.environmentLabel}</span>
                  <span className="tl-env">
                    {row.lanes} schedule{row.lanes === 1 ? '' : 's'}
                  </span>
                  {groupSaved ? (
                    <span className="tl-badge tl-saved" title={`From the list ${groupSaved.label}`}>
                      {savedAgo(groupSaved, now)}
                    </span>
                  ) : null}
                </div>
              );
            }
            return (
              <TimelineLane
                key={item.key}
                source={row.source}
                index={item.index}
                range={range}
                zoom={zoom}
                now={now}
                widthPx={widthPx}
                zone={zone}
                showProfile={!groupByProfile}
                selected={row.source.key === selectedKey}
                tabbable={item.index === tabStop}
                onFocusLane={setActive}
                onSelect={onSelect}
                top={item.start - AXIS_PX}
                height={item.size}
                past={pastMarks.get(row.source.key)}
                saved={row.source.paused ? null : (savedMarks.get(row.source.profileId) ?? null)}
              />
            );
          })}
        </div>
      </div>
      <p className="cal-help">
        Tab reaches the schedules; Up/Down arrows move between them, Home/End go to the first/last, Enter selects one; [ and ] (or Page Up/Page Down) move
        earlier and later.
      </p>
    </section>
  );
}
