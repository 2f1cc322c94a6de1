// The month view: 6 weeks of day cells; each shows bands first, then chips by time, then "+N more".
import { useEffect, type KeyboardEvent, type RefObject } from 'react';
import type { ScheduleSource } from '@renderer/schedule-view-types';
import { formatLongDate, isoDate, sameDate, type CivilDate } from '@renderer/common/time';
import type { DayRuns } from './day-runs';
import { formatCount } from './expansion-cache';
import { RunBandButton, RunChipButton } from './RunChip';

/** Lines a day cell shows before "+N more"; the month's layout keeps as many chips and bands a day. */
export const MONTH_LINES = 3;

export interface MonthGridProps {
  weeks: CivilDate[][];
  weekdayNames: string[];
  month: number;
  focused: CivilDate;
  today: CivilDate;
  runsByDay: Map<string, DayRuns>;
  sourcesByKey: Map<string, ScheduleSource>;
  selectedKey: string | null;
  onSelect(key: string): void;
  onKeyDown(e: KeyboardEvent<HTMLElement>): void;
  onFocusDay(date: CivilDate): void;
  onShowWeek(date: CivilDate): void;
  refocusRef: RefObject<boolean>;
  /** The runs are still being placed: cells say so instead of "no runs". */
  pending: boolean;
}

export function MonthGrid(props: MonthGridProps) {
  const focusedIso = isoDate(props.focused);
  const { refocusRef } = props;
  useEffect(() => {
    // After a keyboard move the old cell may be gone (another month): focus the new one.
    if (!refocusRef.current) return;
    refocusRef.current = false;
    document.querySelector<HTMLElement>(`[data-testid="calendar-day"][data-date="${focusedIso}"]`)?.focus();
  }, [focusedIso, refocusRef]);

  return (
    <div role="grid" className="month-grid" aria-label="Upcoming runs by day" data-testid="calendar-month" onKeyDown={props.onKeyDown}>
      <div role="row" className="month-row month-head">
        {props.weekdayNames.map((name) => (
          <div role="columnheader" key={name} className="month-colhead">
            {name}
          </div>
        ))}
      </div>
      {props.weeks.map((week) => (
        <div role="row" className="month-row" key={isoDate(week[0] ?? props.focused)}>
          {week.map((date) => (
            <DayCell key={isoDate(date)} date={date} {...props} />
          ))}
        </div>
      ))}
    </div>
  );
}

function DayCell(props: MonthGridProps & { date: CivilDate }) {
  const { date } = props;
  const iso = isoDate(date);
  const runs = props.runsByDay.get(iso);
  const bands = runs?.bands ?? [];
  const chips = runs?.chips ?? [];
  const isToday = sameDate(date, props.today);
  const isFocused = sameDate(date, props.focused);
  // Days already gone show no runs (this is a calendar of upcoming runs): dim them.
  const isPast = iso < isoDate(props.today);
  const chipCount = runs?.chipCount ?? 0;
  const total = (runs?.bandCount ?? 0) + chipCount;
  const shown = total > MONTH_LINES ? MONTH_LINES - 1 : total;
  const runCount = runs?.runCount ?? 0;
  const runsText = runCount === 0 ? (props.pending && !isPast ? 'runs not placed yet' : 'no runs') : `${formatCount(runCount)} run${runCount === 1 ? '' : 's'}`;
  const label = `${formatLongDate(date)}${isToday ? ', today' : ''}, ${runsText}`;
  // The cell's name comes from its content (a hidden long date, then the runs), not aria-label:
  // a label would hide the runs' own names and differ from the visible text.
  // One band at most while single runs wait: twenty frequent schedules should not hide the daily ones.
  const shownBands = bands.slice(0, Math.max(Math.min(1, shown), shown - chipCount));
  const shownChips = chips.slice(0, shown - shownBands.length);
  const hidden = total - shownBands.length - shownChips.length;
  return (
    <div
      role="gridcell"
      tabIndex={isFocused ? 0 : -1}
      aria-selected={isFocused}
      aria-current={isToday ? 'date' : undefined}
      data-testid="calendar-day"
      data-date={iso}
      className={`month-cell${date.month === props.month ? '' : ' is-outside'}${isToday ? ' is-today' : ''}${isPast ? ' is-past' : ''}${isFocused ? ' is-focused' : ''}`}
      onClick={() => props.onFocusDay(date)}
    >
      <span className="sr-only">{label}</span>
      <span className="month-daynum" aria-hidden="true">
        {date.day}
      </span>
      <div className="month-runs">
        {shownBands.map((band) => (
          <RunBandButton
            key={`b:${band.sourceKey}`}
            band={band}
            source={props.sourcesByKey.get(band.sourceKey)}
            selected={band.sourceKey === props.selectedKey}
            onSelect={props.onSelect}
          />
        ))}
        {shownChips.map((chip) => (
          <RunChipButton
            key={`c:${chip.sourceKey}:${chip.at.getTime()}`}
            chip={chip}
            source={props.sourcesByKey.get(chip.sourceKey)}
            selected={chip.sourceKey === props.selectedKey}
            onSelect={props.onSelect}
          />
        ))}
        {hidden > 0 ? (
          <button
            type="button"
            tabIndex={-1}
            className="month-more"
            data-testid="calendar-more"
            aria-label={`+${hidden} more on ${formatLongDate(date)}: show the week`}
            onClick={(e) => {
              e.stopPropagation();
              props.onShowWeek(date);
            }}
          >
            +{hidden} more
          </button>
        ) : null}
      </div>
    </div>
  );
}
