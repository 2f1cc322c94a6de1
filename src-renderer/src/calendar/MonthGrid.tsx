// The month view: 6 weeks of day cells. A cell lists bands first, then chips by time, then "+N more";
// a dense day (density.ts) shows its runs per environment and a density colour instead. "+N more" and
// a dense day's count open the day's list in place (DayList).
import type { SourceLookup } from '@renderer/sources/source-index';
import { memo, useCallback, useEffect, useState, type KeyboardEvent, type RefObject } from 'react';
import { formatLongDate, isoDate, sameDate, type CivilDate } from '@renderer/common/time';
import type { DayRuns } from './day-runs';
import { formatCount } from './expansion-cache';
import { densityLevel, environmentLines, isDense } from './density';
import { DayList } from './DayList';
import { RunButtons } from './RunChip';
import { PastMarks } from '@renderer/health/PastMarks';
import type { PastMark } from '@renderer/health/past-marks';

/** Lines a day cell shows before "+N more"; the month's layout keeps as many chips and bands a day. */
export const MONTH_LINES = 3;

export interface MonthGridProps {
  weeks: CivilDate[][];
  weekdayNames: string[];
  month: number;
  focused: CivilDate;
  today: CivilDate;
  runsByDay: Map<string, DayRuns>;
  /** Executions and missed fires by ISO day (past days and today up to now). */
  pastMarks: Map<string, PastMark[]>;
  /** The zone the grid's days are in. */
  zone: string;
  sourcesByKey: SourceLookup;
  selectedKey: string | null;
  onSelect(key: string, at?: Date): void;
  showProfile: boolean;
  onKeyDown(e: KeyboardEvent<HTMLElement>): void;
  onFocusDay(date: CivilDate): void;
  refocusRef: RefObject<boolean>;
  /** The runs are still being placed: cells say so instead of "no runs". */
  pending: boolean;
  /** Colour of each environment (its profiles' colour), for the dense cells. */
  envColors: ReadonlyMap<string, string>;
  /** The busiest day's runs: the density colour's scale. */
  maxRuns: number;
  /** Every chip and band of a day, for its list. */
  listOf(iso: string, keep: number): DayRuns | null;
}

export function MonthGrid(props: MonthGridProps) {
  const focusedIso = isoDate(props.focused);
  const { refocusRef } = props;
  const [openIso, setOpenIso] = useState<string | null>(null);
  useEffect(() => {
    // After a keyboard move the old cell may be gone (another month): focus the new one.
    if (!refocusRef.current) return;
    refocusRef.current = false;
    document.querySelector<HTMLElement>(`[data-testid="calendar-day"][data-date="${focusedIso}"]`)?.focus();
  }, [focusedIso, refocusRef]);
  const closeList = useCallback((iso: string, refocus: boolean) => {
    setOpenIso(null);
    if (refocus) document.querySelector<HTMLElement>(`[data-testid="calendar-day"][data-date="${iso}"] [data-testid="calendar-more"]`)?.focus();
  }, []);

  return (
    <div role="grid" className="month-grid" aria-label="Upcoming runs by day" data-testid="calendar-month" onKeyDown={props.onKeyDown}>
      <div role="row" className="month-row month-head">
        {props.weekdayNames.map((name) => (
          <div role="columnheader" key={name} className="month-colhead">
            {name}
          </div>
        ))}
      </div>
      {/* Rows and cells are keyed by position: paging a month updates the cells in place instead of rebuilding them. */}
      {props.weeks.map((week, w) => (
        <div role="row" className="month-row" key={w}>
          {week.map((date, d) => {
            const iso = isoDate(date);
            return (
              <DayCell
                key={d}
                date={date}
                iso={iso}
                runs={props.runsByDay.get(iso)}
                marks={props.pastMarks.get(iso)}
                inMonth={date.month === props.month}
                isToday={sameDate(date, props.today)}
                isPast={iso < isoDate(props.today)}
                isFocused={iso === focusedIso}
                open={openIso === iso}
                alignRight={d >= 4}
                alignUp={w >= 3}
                zone={props.zone}
                sourcesByKey={props.sourcesByKey}
                selectedKey={props.selectedKey}
                onSelect={props.onSelect}
                showProfile={props.showProfile}
                onFocusDay={props.onFocusDay}
                pending={props.pending}
                envColors={props.envColors}
                maxRuns={props.maxRuns}
                onOpen={setOpenIso}
                onClose={closeList}
                listOf={props.listOf}
              />
            );
          })}
        </div>
      ))}
    </div>
  );
}

interface DayCellProps {
  date: CivilDate;
  iso: string;
  runs: DayRuns | undefined;
  marks: PastMark[] | undefined;
  inMonth: boolean;
  isToday: boolean;
  isPast: boolean;
  isFocused: boolean;
  open: boolean;
  alignRight: boolean;
  alignUp: boolean;
  zone: string;
  sourcesByKey: SourceLookup;
  selectedKey: string | null;
  onSelect(key: string, at?: Date): void;
  showProfile: boolean;
  onFocusDay(date: CivilDate): void;
  pending: boolean;
  envColors: ReadonlyMap<string, string>;
  maxRuns: number;
  onOpen(iso: string | null): void;
  onClose(iso: string, refocus: boolean): void;
  listOf(iso: string, keep: number): DayRuns | null;
}

const DayCell = memo(function DayCell(props: DayCellProps) {
  const { date, iso, runs, isToday, isPast, isFocused, onClose } = props;
  const runCount = runs?.runCount ?? 0;
  const runsText = runCount === 0 ? (props.pending && !isPast ? 'runs not placed yet' : 'no runs') : `${formatCount(runCount)} run${runCount === 1 ? '' : 's'}`;
  const blackoutCount = runs?.blackoutCount ?? 0;
  const label = `${formatLongDate(date)}${isToday ? ', today' : ''}, ${runsText}${blackoutCount > 0 ? `, ${formatCount(blackoutCount)} in a blackout window` : ''}`;
  const dense = isDense(runs);
  const level = dense ? densityLevel(runCount, props.maxRuns) : 0;
  const close = useCallback((refocus: boolean) => onClose(iso, refocus), [onClose, iso]);
  // The cell's name comes from its content (a hidden long date, then the runs), not aria-label:
  // a label would hide the runs' own names and differ from the visible text.
  return (
    <div
      role="gridcell"
      tabIndex={isFocused ? 0 : -1}
      aria-selected={isFocused}
      aria-current={isToday ? 'date' : undefined}
      data-testid="calendar-day"
      data-date={iso}
      data-dense={dense || undefined}
      className={`month-cell${props.inMonth ? '' : ' is-outside'}${isToday ? ' is-today' : ''}${isPast ? ' is-past' : ''}${isFocused ? ' is-focused' : ''}${level > 0 ? ` density-${level}` : ''}`}
      onClick={() => props.onFocusDay(date)}
    >
      <span className="sr-only">{label}</span>
      <span className="month-daynum" aria-hidden="true">
        {date.day}
      </span>
      <PastMarks marks={props.marks} zone={props.zone} sourcesByKey={props.sourcesByKey} onSelect={props.onSelect} />
      {runs ? dense ? <DenseRuns {...props} runs={runs} /> : <ListedRuns {...props} runs={runs} /> : null}
      {props.open ? (
        <DayList
          date={date}
          iso={iso}
          listOf={props.listOf}
          sourcesByKey={props.sourcesByKey}
          selectedKey={props.selectedKey}
          onSelect={props.onSelect}
          showProfile={props.showProfile}
          onClose={close}
          align={{ right: props.alignRight, up: props.alignUp }}
        />
      ) : null}
    </div>
  );
});

/** The button that opens the day's list: tabbable in the focused cell, so the keyboard reaches it. */
function MoreButton(props: DayCellProps & { text: string; what: string }) {
  return (
    <button
      type="button"
      tabIndex={props.isFocused ? 0 : -1}
      className="month-more"
      data-testid="calendar-more"
      aria-haspopup="dialog"
      aria-expanded={props.open}
      aria-label={`${props.what} on ${formatLongDate(props.date)}: list them`}
      onClick={(e) => {
        e.stopPropagation();
        props.onOpen(props.open ? null : props.iso);
      }}
    >
      {props.text}
    </button>
  );
}

function ListedRuns(props: DayCellProps & { runs: DayRuns }) {
  const { runs } = props;
  const total = runs.bandCount + runs.chipCount;
  const shown = total > MONTH_LINES ? MONTH_LINES - 1 : total;
  // One band at most while single runs wait: twenty frequent schedules should not hide the daily ones.
  const shownBands = runs.bands.slice(0, Math.max(Math.min(1, shown), shown - runs.chipCount));
  const shownChips = runs.chips.slice(0, shown - shownBands.length);
  const hidden = total - shownBands.length - shownChips.length;
  return (
    <div className="month-runs">
      <RunButtons
        byPosition
        bands={shownBands}
        chips={shownChips}
        sourcesByKey={props.sourcesByKey}
        selectedKey={props.selectedKey}
        onSelect={props.onSelect}
        showProfile={props.showProfile}
      />
      {hidden > 0 ? <MoreButton {...props} text={`+${hidden} more`} what={`${hidden} more`} /> : null}
    </div>
  );
}

function DenseRuns(props: DayCellProps & { runs: DayRuns }) {
  const { runs } = props;
  const { lines, rest } = environmentLines(runs.byEnvironment);
  const count = formatCount(runs.runCount);
  return (
    <div className="month-runs month-dense">
      <ul className="month-env-counts" aria-label="Runs per environment">
        {lines.map((env) => (
          <li
            key={env.label}
            data-testid="calendar-env-count"
            data-env={env.label}
            style={{ ['--run-color' as string]: props.envColors.get(env.label) ?? 'var(--c-accent)' }}
          >
            <span className="env-name">{env.label || 'No environment'}</span> <span className="env-runs">{formatCount(env.runs)}</span>
          </li>
        ))}
        {rest ? (
          <li data-testid="calendar-env-count" data-env="">
            <span className="env-name">
              {rest.environments} more environment{rest.environments === 1 ? '' : 's'}
            </span>{' '}
            <span className="env-runs">{formatCount(rest.runs)}</span>
          </li>
        ) : null}
      </ul>
      {runs.blackoutCount > 0 ? (
        <span className="month-blackout-count" data-testid="calendar-blackout-count">
          <span aria-hidden="true">⛔</span> {formatCount(runs.blackoutCount)} in blackout
        </span>
      ) : null}
      <MoreButton {...props} text={`${count} runs`} what={`${count} runs`} />
    </div>
  );
}
