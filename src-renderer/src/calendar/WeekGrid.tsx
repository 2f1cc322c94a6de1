// The week view: an hour grid, one column per day; chips sit at their time, dense days as bands.
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { ScheduleSource } from '@renderer/schedule-view-types';
import { isoDate, sameDate, zonedParts, type CivilDate } from './zoned-time';
import { longDate } from './month-grid';
import type { DayRuns, RunBand, RunChip } from './day-runs';
import { placeItems, type PlacedItem } from './week-placement';
import { formatCount } from './expansion-cache';
import { RunBandButton, RunChipButton } from './RunChip';

const HOUR_PX = 40;
const CHIP_MIN = 30; // a chip is drawn 30 minutes tall
const MAX_COLUMNS = 4;

export interface WeekGridProps {
  days: CivilDate[];
  weekdayNames: string[];
  focused: CivilDate;
  today: CivilDate;
  runsByDay: Map<string, DayRuns>;
  sourcesByKey: Map<string, ScheduleSource>;
  selectedKey: string | null;
  onSelect(key: string): void;
  onKeyDown(e: KeyboardEvent<HTMLElement>): void;
  onFocusDay(date: CivilDate): void;
  refocusRef: RefObject<boolean>;
}

function wallMinutes(at: Date, zone: string): number {
  const p = zonedParts(at, zone);
  return p.hour * 60 + p.minute;
}

export function WeekGrid(props: WeekGridProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const focusedIso = isoDate(props.focused);
  const firstIso = isoDate(props.days[0] ?? props.focused);
  const { refocusRef } = props;
  useEffect(() => {
    if (!refocusRef.current) return;
    refocusRef.current = false;
    document.querySelector<HTMLElement>(`[data-testid="calendar-day"][data-date="${focusedIso}"]`)?.focus();
  }, [focusedIso, refocusRef]);
  useLayoutEffect(() => {
    // Open the week at working hours rather than at midnight.
    if (scroller.current) scroller.current.scrollTop = 7 * HOUR_PX;
  }, [firstIso]);

  return (
    <div role="grid" className="week-grid" aria-label="Upcoming runs by day and hour" data-testid="calendar-week" onKeyDown={props.onKeyDown}>
      <div role="row" className="week-head">
        <div className="week-gutter" aria-hidden="true" />
        {props.days.map((date, i) => (
          <div role="columnheader" key={isoDate(date)} className={`week-colhead${sameDate(date, props.today) ? ' is-today' : ''}`}>
            {props.weekdayNames[i]} {date.day}
          </div>
        ))}
      </div>
      <div className="week-scroll" ref={scroller}>
        <div role="row" className="week-body" style={{ height: 24 * HOUR_PX }}>
          <div className="week-gutter" aria-hidden="true">
            {Array.from({ length: 24 }, (_, h) => (
              <div key={h} className="week-hour-label" style={{ top: h * HOUR_PX }}>
                {String(h).padStart(2, '0')}:00
              </div>
            ))}
          </div>
          {props.days.map((date) => (
            <DayColumn key={isoDate(date)} date={date} {...props} />
          ))}
        </div>
      </div>
    </div>
  );
}

type Item = { kind: 'chip'; chip: RunChip } | { kind: 'band'; band: RunBand };

function DayColumn(props: WeekGridProps & { date: CivilDate }) {
  const { date } = props;
  const iso = isoDate(date);
  const runs = props.runsByDay.get(iso);
  const [openHour, setOpenHour] = useState<number | null>(null);
  const { placement, items } = useMemo(() => {
    const items = new Map<string, Item>();
    const timed = [];
    for (const band of runs?.bands ?? []) {
      const id = `b:${band.sourceKey}`;
      const start = wallMinutes(band.first, band.zone);
      const end = Math.max(start + CHIP_MIN, Math.min(1440, wallMinutes(band.last, band.zone) + 1));
      items.set(id, { kind: 'band', band });
      timed.push({ id, startMin: start, endMin: end });
    }
    for (const chip of runs?.chips ?? []) {
      const id = `c:${chip.sourceKey}:${chip.at.getTime()}`;
      const start = wallMinutes(chip.at, chip.zone);
      items.set(id, { kind: 'chip', chip });
      timed.push({ id, startMin: start, endMin: Math.min(1440, start + CHIP_MIN) });
    }
    return { placement: placeItems(timed, MAX_COLUMNS), items };
  }, [runs]);
  const isToday = sameDate(date, props.today);
  const isFocused = sameDate(date, props.focused);
  const count = (runs?.chips.length ?? 0) + (runs?.bands.reduce((n, b) => n + b.count, 0) ?? 0);

  const draw = (p: PlacedItem) => {
    const item = items.get(p.id);
    if (!item) return null;
    const style = {
      top: (p.startMin / 60) * HOUR_PX,
      height: Math.max(((p.endMin - p.startMin) / 60) * HOUR_PX, 14),
      left: `${(p.column / p.columns) * 100}%`,
      width: `${100 / p.columns}%`,
    };
    const common = { style, onSelect: props.onSelect };
    return item.kind === 'band' ? (
      <RunBandButton key={p.id} band={item.band} source={props.sourcesByKey.get(item.band.sourceKey)} selected={item.band.sourceKey === props.selectedKey} {...common} />
    ) : (
      <RunChipButton key={p.id} chip={item.chip} source={props.sourcesByKey.get(item.chip.sourceKey)} selected={item.chip.sourceKey === props.selectedKey} {...common} />
    );
  };

  return (
    <div
      role="gridcell"
      tabIndex={isFocused ? 0 : -1}
      aria-selected={isFocused}
      aria-current={isToday ? 'date' : undefined}
      data-testid="calendar-day"
      data-date={iso}
      className={`week-day${isToday ? ' is-today' : ''}${isFocused ? ' is-focused' : ''}`}
      onClick={() => props.onFocusDay(date)}
    >
      <span className="sr-only">{`${longDate(date)}${isToday ? ', today' : ''}, ${count === 0 ? 'no runs' : `${formatCount(count)} run${count === 1 ? '' : 's'}`}`}</span>
      {placement.placed.map(draw)}
      {[...placement.overflow.entries()].map(([hour, ids]) => (
        <div key={`o:${hour}`} className="week-overflow" style={{ top: hour * HOUR_PX }}>
          <button
            type="button"
            tabIndex={-1}
            className="month-more"
            data-testid="calendar-more"
            aria-expanded={openHour === hour}
            aria-label={`+${ids.length} more runs at ${String(hour).padStart(2, '0')}:00 on ${longDate(date)}`}
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
                const item = items.get(id);
                if (!item) return null;
                const key = item.kind === 'chip' ? item.chip.sourceKey : item.band.sourceKey;
                const common = { source: props.sourcesByKey.get(key), selected: key === props.selectedKey, onSelect: props.onSelect };
                return item.kind === 'chip' ? <RunChipButton key={id} chip={item.chip} {...common} /> : <RunBandButton key={id} band={item.band} {...common} />;
              })}
            </div>
          ) : null}
        </div>
      ))}
    </div>
  );
}
