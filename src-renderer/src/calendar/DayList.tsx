// A day's runs listed in place over the month (as desktop calendars do for "+N more"): frequent
// schedules with their count, then every single run by time, each one a button that selects it.
// Keyboard: focus moves in when it opens, Tab and the arrow keys move between runs, Escape closes
// and gives the focus back to the button that opened it.
import type { SourceLookup } from '@renderer/sources/source-index';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { formatLongDate, type CivilDate } from '@renderer/common/time';
import type { DayRuns } from './day-runs';
import { formatCount } from './expansion-cache';
import { LIST_BANDS, LIST_PAGE } from './density';
import { RunButtons } from './RunChip';

export interface DayListProps {
  date: CivilDate;
  iso: string;
  /** The day's chips and bands, the first `keep` of each (counts exact). */
  listOf(iso: string, keep: number): DayRuns | null;
  sourcesByKey: SourceLookup;
  selectedKey: string | null;
  onSelect(key: string, at?: Date): void;
  showProfile: boolean;
  /** Closes the list; `refocus` gives the focus back to the button that opened it. */
  onClose(refocus: boolean): void;
  /** Which corner of the cell the list hangs from, so it stays inside the grid. */
  align: { right: boolean; up: boolean };
}

export function DayList(props: DayListProps) {
  const { iso, listOf, onClose } = props;
  const ref = useRef<HTMLDivElement>(null);
  const [all, setAll] = useState(false);
  // The first page of a long day is all that is built until "Show all": 7,500 runs a day at 10,000 schedules.
  const day = useMemo(() => listOf(iso, all ? Infinity : LIST_PAGE), [listOf, iso, all]);
  useEffect(() => {
    const list = ref.current;
    (list?.querySelector<HTMLElement>('.run-band, .run-chip') ?? list?.querySelector<HTMLElement>('.day-list-close'))?.focus();
  }, []);
  useEffect(() => {
    // A press outside the list closes it, as a popover does; the focus stays where the press put it.
    const onDown = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node) && !(e.target as HTMLElement).closest?.('.month-more')) onClose(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [onClose]);

  const bands = day?.bands ?? [];
  const chips = day?.chips ?? [];
  const total = (day?.bandCount ?? 0) + (day?.chipCount ?? 0);
  // Frequent schedules take a few lines at most before "Show all", so the single runs stay in sight.
  const shownBands = all ? bands : bands.slice(0, LIST_BANDS);
  const shownChips = all ? chips : chips.slice(0, Math.max(0, LIST_PAGE - shownBands.length));
  const hidden = total - shownBands.length - shownChips.length;
  const title = formatLongDate(props.date);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose(true);
      return;
    }
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const items = [...(ref.current?.querySelectorAll<HTMLElement>('.run-chip, .run-band') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const next = items[Math.max(0, Math.min(items.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)))];
    e.preventDefault();
    next?.focus();
  };

  return (
    <div
      ref={ref}
      role="dialog"
      aria-label={`Runs on ${title}`}
      className={`day-list${props.align.right ? ' is-right' : ''}${props.align.up ? ' is-up' : ''}`}
      data-testid="calendar-day-list"
      onKeyDown={onKeyDown}
      onClick={(e) => e.stopPropagation()}
    >
      <header className="day-list-head">
        <strong>{title}</strong>
        <span className="muted">
          {' '}
          · {formatCount(day?.runCount ?? 0)} run{day?.runCount === 1 ? '' : 's'}
          {day && day.blackoutCount > 0 ? ` · ${formatCount(day.blackoutCount)} in blackout` : ''}
        </span>
        <button type="button" className="day-list-close" aria-label="Close the list" onClick={() => onClose(true)}>
          ×
        </button>
      </header>
      {total === 0 ? <p className="muted">No upcoming runs.</p> : null}
      <div className="day-list-items">
        <RunButtons
          bands={shownBands}
          chips={shownChips}
          sourcesByKey={props.sourcesByKey}
          selectedKey={props.selectedKey}
          onSelect={props.onSelect}
          showProfile={props.showProfile}
          inList
        />
      </div>
      {hidden > 0 ? (
        <button type="button" className="month-more" onClick={() => setAll(true)}>
          Show all {formatCount(total)}
        </button>
      ) : null}
    </div>
  );
}
