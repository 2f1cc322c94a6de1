// Days x hours of one server's load: a grid with one focusable cell at a time (roving tabindex); arrow keys,
// Home/End and PageUp/PageDown move, Enter or a click pins a cell, hovering previews it. 90 days are 2,160
// cells: each row's cells are written as one piece of markup (events are handled on the grid, by delegation)
// and rows out of view skip layout and paint (content-visibility), so picking 90 days draws at once.
import { memo, useLayoutEffect, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
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

const escapeHtml = (text: string): string => text.replace(/[&<>"]/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[c] as string};`);

/** The 24 cells of a row as markup: the same elements React would build, in one string (text escaped). */
function cellsMarkup(row: GridRow, r: number, peak: number, day: string, focusCol: number, selectedCol: number): string {
  let html = '';
  row.cells.forEach((cell, c) => {
    const missing = cell.buckets.length === 0;
    const level = missing ? 'x' : String(levelOf(cell.busy, peak));
    html +=
      `<span role="gridcell" data-r="${r}" data-c="${c}" tabindex="${focusCol === c ? 0 : -1}" aria-selected="${selectedCol === c}"` +
      ` aria-label="${escapeHtml(cellWords(day, c, cell.busy, cell.starts, missing))}" class="hm-cell l${level}${selectedCol === c ? ' selected' : ''}">` +
      `${cell.busy > 0 ? cell.busy : ''}</span>`;
  });
  return html;
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
  const markup = `<span role="rowheader" class="hm-day">${escapeHtml(day)}</span>${cellsMarkup(row, r, peak, day, focusCol, selectedCol)}`;
  return <div role="row" className="hm-row hm-day-row" dangerouslySetInnerHTML={{ __html: markup }} />;
});

function cellOf(target: EventTarget): [number, number] | null {
  const el = (target as HTMLElement).closest<HTMLElement>('[data-r]');
  return el ? [Number(el.dataset['r']), Number(el.dataset['c'])] : null;
}

export function Heatmap({ label, rows, peak, dayLabel, selected, onSelect, onHover }: Props) {
  const [focus, setFocus] = useState<[number, number]>([0, new Date().getHours() % 24]);
  const grid = useRef<HTMLDivElement>(null);
  const [fr, fc] = [Math.min(focus[0], Math.max(0, rows.length - 1)), focus[1]];
  // A row's cells are rewritten when its focus or selection changes: put the focus back on the new cell.
  const keepFocus = useRef(false);
  useLayoutEffect(() => {
    if (!keepFocus.current) return;
    keepFocus.current = false;
    grid.current?.querySelector<HTMLElement>(`[data-r="${fr}"][data-c="${fc}"]`)?.focus();
  });

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = cellOf(e.target);
    if (!at) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      keepFocus.current = true;
      onSelect(at);
      return;
    }
    const next = gridKeyTarget(e.key, at[0], at[1], rows.length, 24, e.ctrlKey);
    if (!next) return;
    e.preventDefault();
    keepFocus.current = true;
    setFocus(next);
    onHover(next);
    grid.current?.querySelector<HTMLElement>(`[data-r="${next[0]}"][data-c="${next[1]}"]`)?.focus();
  };
  const onClick = (e: MouseEvent) => {
    const at = cellOf(e.target);
    if (!at) return;
    keepFocus.current = true;
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
