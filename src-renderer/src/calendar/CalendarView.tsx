// Month and week calendar of upcoming runs. Expands only the visible days (memoized), colours runs
// by profile, marks today, and says which zone its times are in.
import { useCallback, useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import type { ScheduleViewProps } from '@renderer/schedule-view-types';
import {
  addDays,
  addMonths,
  anchorInstant,
  civilDateOf,
  formatDateRange,
  formatMonthTitle,
  gridZone,
  isoDate,
  localZone,
  parseIsoDate,
  startOfZonedDay,
  zoneCaption,
  type CivilDate,
} from '@renderer/common/time';
import { usePastMarks } from '@renderer/health/use-past-marks';
import { sourceIndex } from '@renderer/sources/source-index';
import { monthGrid, startOfWeek, weekDates, weekdayNames, type WeekStart } from './month-grid';
import { dayList, prefetchTasks, type DayRuns, type DayRunsOptions } from './day-runs';
import { maxRunCount } from './density';
import { useBlackouts, type BlackoutLayout } from './use-blackouts';
import { useDayLayout } from './use-day-layout';
import { runWhenIdle } from './idle-prefetch';
import { calendarKeyAction, nextSelection } from './calendar-keys';
import { MonthGrid, MONTH_LINES } from './MonthGrid';
import { WeekGrid } from './WeekGrid';
import './calendar.css';

export type CalendarMode = 'month' | 'week';

export interface CalendarViewProps extends ScheduleViewProps {
  mode: CalendarMode;
  anchor: Date;
  onNavigate(anchor: Date): void;
  onModeChange(mode: CalendarMode): void;
  /** A chip was clicked: its schedule with that run (default: onSelect, without the run). */
  onSelectRun?(key: string, at: Date): void;
  /** 0 = Sunday (default), 1 = Monday. */
  weekStartsOn?: WeekStart;
}

/** A source firing more often than this on one day is drawn as a band with its count. */
export const BAND_THRESHOLD = { month: 4, week: 12 } as const;

/** The footer's keyboard help: what the keys do in this view (calendar-keys.ts). */
export const KEY_HELP: Record<CalendarMode, string> = {
  month: "Arrow keys move between days, Page Up/Page Down change month, Home/End go to the start/end of the week, Enter selects the day's next schedule.",
  week: "Left/Right arrows move between days, Up/Down arrows or Page Up/Page Down change week, Home/End go to the first/last day, Enter selects the day's next schedule.",
};

function layoutOptions(
  days: CivilDate[],
  mode: CalendarMode,
  displayZone: 'server' | 'local',
  localZone: string,
  now: Date,
  blackouts: BlackoutLayout,
): DayRunsOptions {
  // The month view draws a band from its count alone; the week view needs the last run for its height.
  const bandThreshold = BAND_THRESHOLD[mode];
  // Upcoming runs only: nothing before `now` is drawn as if it will still happen. The month shows
  // three lines a day, so it keeps three chips and three bands a day with exact counts of the rest.
  const month = mode === 'month';
  return {
    days,
    displayZone,
    localZone,
    bandThreshold,
    dayLimit: month ? bandThreshold + 1 : undefined,
    keep: month ? MONTH_LINES : undefined,
    now,
    ...blackouts,
  };
}

export function CalendarView(props: CalendarViewProps) {
  const { sources, displayZone, mode, onNavigate, onSelect, onSelectRun, selectedKey } = props;
  const weekStartsOn = props.weekStartsOn ?? 0;
  const zone = useMemo(() => gridZone(sources, displayZone, localZone), [sources, displayZone]);
  const focused = civilDateOf(props.anchor, zone);
  const today = civilDateOf(props.now, zone);
  // The grid depends only on the month (or week) of the focused day: moving focus inside it reuses the layout.
  const gridStartIso = isoDate(mode === 'month' ? { ...focused, day: 1 } : startOfWeek(focused, weekStartsOn));
  const weeks = useMemo(() => {
    const start = parseIsoDate(gridStartIso) ?? focused;
    return mode === 'month' ? monthGrid(start, weekStartsOn) : [weekDates(start, weekStartsOn)];
    // `focused` is only a fallback for an unparsable key, which cannot happen.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [gridStartIso, mode, weekStartsOn]);
  const now = props.now;
  const blackouts = useBlackouts();
  const options = useMemo(() => layoutOptions(weeks.flat(), mode, displayZone, localZone, now, blackouts), [weeks, displayZone, mode, now, blackouts]);
  const { layout, complete, opening } = useDayLayout(sources, options, `${mode}|${gridStartIso}|${displayZone}`);
  const runsByDay = useMemo(() => new Map<string, DayRuns>(layout.days.map((d) => [d.iso, d])), [layout]);
  const { byKey: sourcesByKey, profileIds, envColors } = sourceIndex(sources);
  const names = useMemo(() => weekdayNames(weekStartsOn), [weekStartsOn]);
  // The past of the shown days: executions and missed fires (health/past-marks.ts).
  const firstDay = weeks[0]?.[0] ?? focused;
  const lastDay = weeks[weeks.length - 1]?.at(-1) ?? focused;
  const pastFrom = useMemo(() => startOfZonedDay(firstDay, zone), [firstDay, zone]);
  const pastTo = useMemo(() => startOfZonedDay(addDays(lastDay, 1), zone), [lastDay, zone]);
  const pastMarks = usePastMarks(sources, pastFrom, pastTo, now, zone);
  const refocus = useRef(false);

  useEffect(() => {
    // The bench and the e2e tests wait for this mark: the visible range is laid out and committed.
    // 'calendar:grid' marks a grid drawn while its runs are still being placed.
    if (complete || !opening)
      performance.mark(complete ? 'calendar:drawn' : 'calendar:grid', { detail: { mode, from: gridStartIso, sources: sources.length } });
  }, [layout, complete, opening, mode, gridStartIso, sources.length]);

  useEffect(() => {
    // Warm the cache for the previous and next month (or week) while the user looks at this one.
    const start = parseIsoDate(gridStartIso);
    if (!start) return;
    const near = mode === 'month' ? [addMonths(start, 1), addMonths(start, -1)] : [addDays(start, 7), addDays(start, -7)];
    if (!complete) return;
    const tasks = near.flatMap((d) => {
      const days = (mode === 'month' ? monthGrid(d, weekStartsOn) : [weekDates(d, weekStartsOn)]).flat();
      return prefetchTasks(sources, layoutOptions(days, mode, displayZone, localZone, now, blackouts));
    });
    return runWhenIdle(tasks);
  }, [sources, gridStartIso, mode, weekStartsOn, displayZone, now, complete, blackouts]);

  const go = useCallback((date: CivilDate) => onNavigate(anchorInstant(date, zone)), [onNavigate, zone]);
  const step = (dir: 1 | -1) => go(mode === 'month' ? addMonths(focused, dir) : addDays(focused, 7 * dir));

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    // Keys pressed on a button inside a popover list keep their own meaning.
    if ((e.target as HTMLElement).closest('.week-overflow-list, .day-list')) return;
    // Enter and Space on a button (a day's "+N more") press it rather than select the day's schedule.
    if ((e.key === 'Enter' || e.key === ' ') && (e.target as HTMLElement).closest('button')) return;
    const action = calendarKeyAction(e.key, focused, weekStartsOn, mode);
    if (!action) return;
    e.preventDefault();
    if (action.kind === 'move') {
      refocus.current = true;
      go(action.to);
      return;
    }
    const day = runsByDay.get(isoDate(focused));
    const keys = [...new Set([...(day?.bands ?? []).map((b) => b.sourceKey), ...(day?.chips ?? []).map((c) => c.sourceKey)])];
    const next = nextSelection(keys, selectedKey);
    if (next !== null) onSelect(next);
  };

  const week = weeks[0] ?? [];
  const title = mode === 'month' ? formatMonthTitle(focused) : formatDateRange(week[0] ?? focused, week[week.length - 1] ?? focused);
  // Counting the zones walks every source: once per list and minute, not on every keypress.
  const caption = useMemo(() => zoneCaption(sources, displayZone, localZone, now), [sources, displayZone, now]);
  const selectRun = useCallback((key: string, at?: Date) => (at && onSelectRun ? onSelectRun(key, at) : onSelect(key)), [onSelect, onSelectRun]);
  // Within one profile the chip's label tells schedules apart; across profiles it names the profile too.
  const showProfile = profileIds.length > 1;
  const maxRuns = useMemo(() => maxRunCount(layout.days), [layout]);
  const listOf = useCallback((iso: string, keep: number) => dayList(sources, options, iso, keep), [sources, options]);
  const shared = {
    focused,
    today,
    runsByDay,
    pastMarks,
    zone,
    pending: !complete,
    sourcesByKey,
    selectedKey,
    onSelect: selectRun,
    showProfile,
    onKeyDown,
    onFocusDay: go,
    refocusRef: refocus,
    weekdayNames: names,
  };

  return (
    <section
      className="cal-root"
      aria-label="Calendar of upcoming runs"
      aria-busy={!complete}
      data-testid="calendar-view"
      data-complete={complete}
      data-mode={mode}
      data-from={gridStartIso}
      data-sources={sources.length}
    >
      <header className="cal-toolbar">
        <div className="cal-nav" role="group" aria-label="Navigate">
          <button type="button" onClick={() => step(-1)} aria-label={mode === 'month' ? 'Previous month' : 'Previous week'} data-testid="calendar-prev">
            ‹
          </button>
          <button type="button" onClick={() => go(civilDateOf(props.now, zone))} data-testid="calendar-today">
            Today
          </button>
          <button type="button" onClick={() => step(1)} aria-label={mode === 'month' ? 'Next month' : 'Next week'} data-testid="calendar-next">
            ›
          </button>
        </div>
        <h2 className="cal-title" aria-live="polite" data-testid="calendar-title">
          {title}
        </h2>
        <div className="cal-modes" role="group" aria-label="View">
          {(['month', 'week'] as const).map((m) => (
            <button key={m} type="button" aria-pressed={mode === m} onClick={() => props.onModeChange(m)} data-testid={`calendar-mode-${m}`}>
              {m === 'month' ? 'Month' : 'Week'}
            </button>
          ))}
        </div>
      </header>
      <p className="cal-caption" data-testid="calendar-zone">
        {caption}
        {weeks[0]?.[0] && isoDate(weeks[0][0]) < isoDate(today) ? ' · past days: recorded runs (dots) and missed fires (red rings)' : ''}
        {complete ? '' : ` · placing the runs of ${sources.length.toLocaleString('en-US')} schedules…`}
        {layout.inactive > 0 ? ` · ${layout.inactive} deactivated schedule${layout.inactive === 1 ? '' : 's'} not shown` : ''}
      </p>
      {layout.errors.length > 0 ? (
        <p className="cal-errors" role="status" data-testid="calendar-errors">
          {layout.errors.length} schedule{layout.errors.length === 1 ? '' : 's'} could not be drawn:{' '}
          {layout.errors
            .slice(0, 3)
            .map((e) => `${sourcesByKey.get(e.sourceKey)?.profileName ?? e.sourceKey}: ${e.message}`)
            .join('; ')}
        </p>
      ) : null}
      {opening ? (
        // The page's first month of thousands of schedules: drawn once its runs are placed (use-day-layout.ts).
        <div className={`cal-opening cal-opening-${mode}`} data-testid="calendar-opening" />
      ) : mode === 'month' ? (
        <MonthGrid {...shared} weeks={weeks} month={focused.month} envColors={envColors} maxRuns={maxRuns} listOf={listOf} />
      ) : (
        <WeekGrid {...shared} days={weeks[0] ?? []} now={now} zone={zone} />
      )}
      <p className="cal-help" data-testid="calendar-help">
        {KEY_HELP[mode]}
      </p>
    </section>
  );
}
