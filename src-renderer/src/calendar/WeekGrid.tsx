// The week view: an hour grid, one column per day, chips at their time. Schedules too dense for chips
// are listed as bands with their count under the day's header (like all-day events) and drawn as a
// thin strip over the hours they cover, so they never push the single runs out of sight.
import type { SourceLookup } from '@renderer/sources/source-index';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { formatLongDate, isoDate, sameDate, wallMinutes, type CivilDate } from '@renderer/common/time';
import type { DayRuns, RunChip } from './day-runs';
import { PastMarks } from '@renderer/health/PastMarks';
import type { PastMark } from '@renderer/health/past-marks';
import { placeItems } from './week-placement';
import { formatCount } from './expansion-cache';
import { RunBandButton, RunChipButton } from './RunChip';

const HOUR_PX = 40;
const CHIP_MIN = 30; // a chip is drawn 30 minutes tall
/** Side-by-side chips are at least this wide, so each still shows its time (never a sliver). */
const MIN_CHIP_PX = 64;
const MAX_COLUMNS = 3;
const GUTTER_PX = 52;
/** Bands listed under a day's header before "+N frequent". */
const HEAD_BANDS = 2;
const STRIP_PX = 4;
const MAX_STRIPS = 3;

export interface WeekGridProps {
  days: CivilDate[];
  weekdayNames: string[];
  focused: CivilDate;
  today: CivilDate;
  runsByDay: Map<string, DayRuns>;
  sourcesByKey: SourceLookup;
  selectedKey: string | null;
  onSelect(key: string, at?: Date): void;
  showProfile: boolean;
  now: Date;
  /** The zone the grid's days are in: where the now line and the past marks stand. */
  zone: string;
  onKeyDown(e: KeyboardEvent<HTMLElement>): void;
  onFocusDay(date: CivilDate): void;
  refocusRef: RefObject<boolean>;
  /** Executions and missed fires by ISO day (past days and today up to now). */
  pastMarks: Map<string, PastMark[]>;
}

const hh = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

export function WeekGrid(props: WeekGridProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [allBands, setAllBands] = useState(false);
  // Columns a cluster of overlapping chips may use: as many as fit at MIN_CHIP_PX in a day's width.
  const [maxColumns, setMaxColumns] = useState(1);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setMaxColumns(Math.max(1, Math.min(MAX_COLUMNS, Math.floor((el.clientWidth - GUTTER_PX) / 7 / MIN_CHIP_PX))));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const focusedIso = isoDate(props.focused);
  const firstIso = isoDate(props.days[0] ?? props.focused);
  const { refocusRef } = props;
  useEffect(() => {
    if (!refocusRef.current) return;
    refocusRef.current = false;
    document.querySelector<HTMLElement>(`[data-testid="calendar-day"][data-date="${focusedIso}"]`)?.focus();
  }, [focusedIso, refocusRef]);
  // Open the week at working hours, or earlier when the week's first run is earlier (maintenance
  // often runs at night: opening at 07:00 hid every run of the demo week).
  const openHour = useMemo(() => {
    let hour = 7;
    for (const date of props.days) {
      const first = props.runsByDay.get(isoDate(date))?.chips[0];
      if (first) hour = Math.min(hour, Math.floor(wallMinutes(first.at, first.zone) / 60));
    }
    return hour;
  }, [props.days, props.runsByDay]);
  useLayoutEffect(() => {
    if (scroller.current) scroller.current.scrollTop = openHour * HOUR_PX;
  }, [firstIso, openHour]);

  return (
    <div role="grid" className="week-grid" aria-label="Upcoming runs by day and hour" data-testid="calendar-week" onKeyDown={props.onKeyDown}>
      <div role="row" className="week-head">
        <div className="week-gutter" aria-hidden="true" />
        {props.days.map((date, i) => {
          const bands = props.runsByDay.get(isoDate(date))?.bands ?? [];
          const shown = allBands ? bands : bands.slice(0, HEAD_BANDS);
          return (
            <div role="columnheader" key={isoDate(date)} className={`week-colhead${sameDate(date, props.today) ? ' is-today' : ''}`}>
              <div>
                {props.weekdayNames[i]} {date.day}
              </div>
              <PastMarks marks={props.pastMarks.get(isoDate(date))} zone={props.zone} sourcesByKey={props.sourcesByKey} onSelect={props.onSelect} />
              {shown.map((band) => (
                <RunBandButton
                  key={band.sourceKey}
                  band={band}
                  source={props.sourcesByKey.get(band.sourceKey)}
                  selected={band.sourceKey === props.selectedKey}
                  onSelect={props.onSelect}
                />
              ))}
              {bands.length > HEAD_BANDS ? (
                <button type="button" tabIndex={-1} className="month-more" aria-expanded={allBands} onClick={() => setAllBands(!allBands)}>
                  {allBands ? 'fewer' : `+${bands.length - HEAD_BANDS} frequent`}
                </button>
              ) : null}
            </div>
          );
        })}
      </div>
      <div className="week-scroll" ref={scroller}>
        <div role="row" className="week-body" style={{ height: 24 * HOUR_PX }}>
          <div className="week-gutter" aria-hidden="true">
            {Array.from({ length: 24 }, (_, h) => (
              <div key={h} className="week-hour-label" style={{ top: h * HOUR_PX }}>
                {hh(h)}
              </div>
            ))}
          </div>
          {props.days.map((date) => (
            <DayColumn key={isoDate(date)} date={date} maxColumns={maxColumns} {...props} />
          ))}
        </div>
      </div>
    </div>
  );
}

function DayColumn(props: WeekGridProps & { date: CivilDate; maxColumns: number }) {
  const { date } = props;
  const iso = isoDate(date);
  const runs = props.runsByDay.get(iso);
  const [openHour, setOpenHour] = useState<number | null>(null);
  const { placement, chips, strips } = useMemo(() => {
    const chips = new Map<string, RunChip>();
    const timed = [];
    for (const chip of runs?.chips ?? []) {
      const id = `c:${chip.sourceKey}:${chip.at.getTime()}`;
      const start = wallMinutes(chip.at, chip.zone);
      chips.set(id, chip);
      timed.push({ id, startMin: start, endMin: Math.min(1440, start + CHIP_MIN) });
    }
    const strips = (runs?.bands ?? []).slice(0, MAX_STRIPS).map((band) => {
      const start = wallMinutes(band.first, band.zone);
      const end = Math.max(start + CHIP_MIN, Math.min(1440, wallMinutes(band.last, band.zone) + 1));
      return { band, start, end };
    });
    return { placement: placeItems(timed, props.maxColumns), chips, strips };
  }, [runs, props.maxColumns]);
  const isToday = sameDate(date, props.today);
  const isFocused = sameDate(date, props.focused);
  const count = runs?.runCount ?? 0;
  const inset = strips.length * (STRIP_PX + 1);
  const chipButton = (id: string, chip: RunChip, style?: { top: number; height: number; left: string; width: string }) => (
    <RunChipButton
      key={id}
      chip={chip}
      source={props.sourcesByKey.get(chip.sourceKey)}
      selected={chip.sourceKey === props.selectedKey}
      onSelect={props.onSelect}
      showProfile={props.showProfile}
      style={style}
    />
  );

  return (
    <div
      role="gridcell"
      tabIndex={isFocused ? 0 : -1}
      aria-selected={isFocused}
      aria-current={isToday ? 'date' : undefined}
      data-testid="calendar-day"
      data-date={iso}
      className={`week-day${isToday ? ' is-today' : ''}${isoDate(date) < isoDate(props.today) ? ' is-past' : ''}${isFocused ? ' is-focused' : ''}`}
      onClick={() => props.onFocusDay(date)}
    >
      <span className="sr-only">{`${formatLongDate(date)}${isToday ? ', today' : ''}, ${count === 0 ? 'no runs' : `${formatCount(count)} run${count === 1 ? '' : 's'}`}`}</span>
      {strips.map((s, i) => (
        <span
          key={s.band.sourceKey}
          aria-hidden="true"
          className="week-strip"
          title={s.band.label}
          style={{
            top: (s.start / 60) * HOUR_PX,
            height: ((s.end - s.start) / 60) * HOUR_PX,
            left: i * (STRIP_PX + 1),
            width: STRIP_PX,
            ['--run-color' as string]: props.sourcesByKey.get(s.band.sourceKey)?.color,
          }}
        />
      ))}
      {isToday ? (
        <span aria-hidden="true" className="week-now" data-testid="calendar-now-line" style={{ top: (wallMinutes(props.now, props.zone) / 60) * HOUR_PX }} />
      ) : null}
      {placement.placed.map((p) => {
        const chip = chips.get(p.id);
        if (!chip) return null;
        return chipButton(p.id, chip, {
          top: (p.startMin / 60) * HOUR_PX,
          height: Math.max(((p.endMin - p.startMin) / 60) * HOUR_PX, 14),
          left: `calc(${inset}px + (100% - ${inset}px) * ${p.column / p.columns})`,
          width: `calc((100% - ${inset}px) / ${p.columns})`,
        });
      })}
      {[...placement.overflow.entries()].map(([hour, ids]) => (
        <div key={`o:${hour}`} className="week-overflow" style={{ top: hour * HOUR_PX }}>
          <button
            type="button"
            tabIndex={-1}
            className="month-more"
            data-testid="calendar-more"
            aria-expanded={openHour === hour}
            aria-label={`+${ids.length} more runs at ${hh(hour)} on ${formatLongDate(date)}`}
            onClick={(e) => {
              e.stopPropagation();
              setOpenHour(openHour === hour ? null : hour);
            }}
          >
            +{ids.length}
          </button>
          {openHour === hour ? (
            <div className="week-overflow-list" onKeyDown={(e) => e.key === 'Escape' && setOpenHour(null)}>
              {ids.map((id) => {
                const chip = chips.get(id);
                return chip ? chipButton(id, chip) : null;
              })}
            </div>
          ) : null}
        </div>
      ))}
    </div>
  );
}
