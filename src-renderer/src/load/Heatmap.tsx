// Days x hours of one server's load: a grid with one focusable cell at a time (roving tabindex); arrow keys,
// Home/End and PageUp/PageDown move, Enter or a click pins a cell, hovering previews it.
import { memo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { gridKeyTarget, levelOf, type GridRow } from './load-grid';

interface Props {
  label: string;
  rows: GridRow[];
  peak: number;
  /** e.g. "Tue 1 Dec" for a row. */
  dayLabel(row: GridRow): string;
  selected: [number, number] | null;
  onSelect(cell: [number, number]): void;
  onHover(cell: [number, number] | null): void;
}

const HOURS = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));

function cellWords(day: string, hour: number, busy: number, starts: number, missing: boolean): string {
  if (missing) return `${day}, ${HOURS[hour]}:00: this hour does not exist (clocks go forward)`;
  return `${day}, ${HOURS[hour]}:00 to ${HOURS[(hour + 1) % 24]}:00: ${busy} run${busy === 1 ? '' : 's'} in progress, ${starts} starting`;
}

const Row = memo(function Row({
  row,
  r,
  peak,
  day,
  focusCol,
  selectedCol,
}: {
  row: GridRow;
  r: number;
  peak: number;
  day: string;
  focusCol: number;
  selectedCol: number;
}) {
  return (
    <div role="row" className="hm-row">
      <span role="rowheader" className="hm-day">
        {day}
      </span>
      {row.cells.map((cell, c) => {
        const missing = cell.buckets.length === 0;
        return (
          <span
            key={c}
            role="gridcell"
            data-r={r}
            data-c={c}
            tabIndex={focusCol === c ? 0 : -1}
            aria-selected={selectedCol === c}
            aria-label={cellWords(day, c, cell.busy, cell.starts, missing)}
            className={`hm-cell l${missing ? 'x' : levelOf(cell.busy, peak)}${selectedCol === c ? ' selected' : ''}`}
          >
            {cell.busy > 0 ? cell.busy : ''}
          </span>
        );
      })}
    </div>
  );
});

function cellOf(target: EventTarget): [number, number] | null {
  const el = (target as HTMLElement).closest<HTMLElement>('[data-r]');
  return el ? [Number(el.dataset['r']), Number(el.dataset['c'])] : null;
}

export function Heatmap({ label, rows, peak, dayLabel, selected, onSelect, onHover }: Props) {
  const [focus, setFocus] = useState<[number, number]>([0, new Date().getHours() % 24]);
  const grid = useRef<HTMLDivElement>(null);
  const [fr, fc] = [Math.min(focus[0], Math.max(0, rows.length - 1)), focus[1]];

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = cellOf(e.target);
    if (!at) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(at);
      return;
    }
    const next = gridKeyTarget(e.key, at[0], at[1], rows.length, 24, e.ctrlKey);
    if (!next) return;
    e.preventDefault();
    setFocus(next);
    onHover(next);
    grid.current?.querySelector<HTMLElement>(`[data-r="${next[0]}"][data-c="${next[1]}"]`)?.focus();
  };
  const onClick = (e: MouseEvent) => {
    const at = cellOf(e.target);
    if (!at) return;
    setFocus(at);
    onSelect(at);
  };
  const onMouseOver = (e: MouseEvent) => onHover(cellOf(e.target));

  return (
    <div
      className="heatmap"
      role="grid"
      aria-label={label}
      aria-rowcount={rows.length + 1}
      ref={grid}
      onKeyDown={onKeyDown}
      onClick={onClick}
      onMouseOver={onMouseOver}
      onMouseLeave={() => onHover(null)}
    >
      <div role="row" className="hm-row hm-head">
        <span role="columnheader" className="hm-day">
          Day
        </span>
        {HOURS.map((h) => (
          <span key={h} role="columnheader" className="hm-hour">
            {h}
          </span>
        ))}
      </div>
      {rows.map((row, r) => (
        <Row
          key={row.day}
          row={row}
          r={r}
          peak={peak}
          day={dayLabel(row)}
          focusCol={r === fr ? fc : -1}
          selectedCol={selected && selected[0] === r ? selected[1] : -1}
        />
      ))}
    </div>
  );
}
