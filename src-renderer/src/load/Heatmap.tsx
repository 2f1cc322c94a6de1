// Days x hours of one server's load, drawn on a canvas (90 days are 2,160 cells: as elements their style,
// layout and paint cost more than the rest of the view). The canvas covers the rows in view and is redrawn
// as they scroll. Above it sits the grid people and screen readers use: the header row and the focused
// day's row of real cells (one Tab stop; arrows, Home/End and PageUp/PageDown move, Enter or a click pins
// a cell), a spoken description of the focused cell, and on request the same load as a table. The pointer
// is hit-tested against the drawn cells.
import { memo, useId, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type MouseEvent, type PointerEvent } from 'react';
import { gridKeyTarget, gridSummary, type GridRow } from './load-grid';
import { cellWords, dayLabel, hourLabel } from './load-format';
import { CELL_H, CELL_W, GAP, HEAD_PITCH, HOURS_PER_ROW, LABEL_W, MAX_VIEW_H, ROW_PITCH, cellAt, rowsHeight } from './heatmap-geometry';
import { useHeatmapCanvas } from './use-heatmap-canvas';
import { HeatmapTable } from './HeatmapTable';

interface Props {
  label: string;
  rows: GridRow[];
  peak: number;
  /** The display zone the rows are laid out in (labels are its wall dates). */
  zone: string;
  selected: [number, number] | null;
  onSelect(cell: [number, number]): void;
  onHover(cell: [number, number] | null): void;
}

type Cell = [number, number];

const HOURS = Array.from({ length: HOURS_PER_ROW }, (_, h) => hourLabel(h));
/** The geometry as CSS variables: the header and the focused row line up with the drawn cells. */
const GEOMETRY = {
  '--hm-label-w': `${LABEL_W}px`,
  '--hm-cell-w': `${CELL_W}px`,
  '--hm-cell-h': `${CELL_H}px`,
  '--hm-gap': `${GAP}px`,
  '--hm-head': `${HEAD_PITCH}px`,
  maxHeight: HEAD_PITCH + MAX_VIEW_H,
} as CSSProperties;

const sameCell = (a: Cell | null, b: Cell | null): boolean => a === b || (a !== null && b !== null && a[0] === b[0] && a[1] === b[1]);

function wordsOf(rows: readonly GridRow[], labels: readonly string[], [r, c]: Cell): string {
  const cell = rows[r]?.cells[c];
  if (!cell) return '';
  return cellWords(labels[r] ?? '', c, cell.busy, cell.starts, cell.buckets.length === 0);
}

export const Heatmap = memo(function Heatmap({ label, rows, peak, zone, selected, onSelect, onHover }: Props) {
  const [focus, setFocus] = useState<Cell>(() => [0, new Date().getHours() % HOURS_PER_ROW]);
  const [active, setActive] = useState(false);
  const [table, setTable] = useState(false);
  const grid = useRef<HTMLDivElement>(null);
  const labels = useMemo(() => rows.map((row) => dayLabel(row.start, zone)), [rows, zone]);
  const summary = useMemo(() => gridSummary(rows), [rows]);
  const canvas = useHeatmapCanvas(grid, { rows, labels, peak, selected });
  const at: Cell = [Math.min(focus[0], Math.max(0, rows.length - 1)), focus[1]];
  const [fr, fc] = at;
  const id = useId();

  // The focused row is re-rendered when the focus moves to another day: put the focus back on its cell.
  const keepFocus = useRef(false);
  useLayoutEffect(() => {
    if (!keepFocus.current) return;
    keepFocus.current = false;
    grid.current?.querySelector<HTMLElement>(`[data-c="${fc}"]`)?.focus();
  });

  const moveTo = (next: Cell) => {
    keepFocus.current = true;
    setFocus(next);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!(e.target as HTMLElement).closest('[role=gridcell]')) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(at);
      return;
    }
    const next = gridKeyTarget(e.key, fr, fc, rows.length, HOURS_PER_ROW, e.ctrlKey);
    if (!next) return;
    e.preventDefault();
    moveTo(next);
    onHover(next);
  };
  const cellOfPointer = (e: { clientX: number; clientY: number; currentTarget: HTMLElement }): Cell | null => {
    const box = e.currentTarget.getBoundingClientRect();
    return cellAt(e.clientX - box.left, e.clientY - box.top, rows.length);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const cell = cellOfPointer(e);
    if (sameCell(cell, canvas.hovered())) return;
    canvas.setHover(cell);
    onHover(cell);
  };
  const onPointerLeave = () => {
    if (!canvas.hovered()) return;
    canvas.setHover(null);
    onHover(null);
  };
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const cell = cellOfPointer(e);
    if (!cell) return;
    moveTo(cell);
    onSelect(cell);
  };

  const focusRow = rows[fr];
  return (
    <div className="heatmap-wrap">
      <div
        className="heatmap"
        role="grid"
        aria-label={label}
        aria-describedby={`${id}-summary`}
        aria-rowcount={rows.length + 1}
        aria-colcount={HOURS_PER_ROW + 1}
        style={GEOMETRY}
        ref={grid}
        onKeyDown={onKeyDown}
        onScroll={canvas.onScroll}
        onFocus={() => setActive(true)}
        onBlur={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setActive(false);
        }}
      >
        <div role="row" aria-rowindex={1} className="hm-row hm-head">
          <span role="columnheader" className="hm-day">
            Day
          </span>
          {HOURS.map((h) => (
            <span key={h} role="columnheader" className="hm-hour">
              {h}
            </span>
          ))}
        </div>
        <div className="hm-body" style={{ height: rowsHeight(rows.length) }} onPointerMove={onPointerMove} onPointerLeave={onPointerLeave} onClick={onClick}>
          <div className="hm-view" aria-hidden="true" style={{ height: canvas.viewHeight }}>
            <canvas ref={canvas.cells} className="hm-canvas" />
            <canvas ref={canvas.marks} className="hm-canvas" />
          </div>
          {focusRow && (
            <div role="row" aria-rowindex={fr + 2} className="hm-row hm-focus-row" style={{ top: fr * ROW_PITCH }}>
              <span role="rowheader" className="hm-day">
                <span className="visually-hidden">{labels[fr]}</span>
              </span>
              {focusRow.cells.map((cell, c) => (
                <span
                  key={c}
                  role="gridcell"
                  data-c={c}
                  aria-colindex={c + 2}
                  tabIndex={c === fc ? 0 : -1}
                  aria-selected={selected !== null && selected[0] === fr && selected[1] === c}
                  aria-label={wordsOf(rows, labels, [fr, c])}
                  className={`hm-cell${cell.buckets.length === 0 ? ' missing' : ''}`}
                  onFocus={() => c !== fc && setFocus([fr, c])}
                />
              ))}
            </div>
          )}
        </div>
      </div>
      <p id={`${id}-summary`} className="visually-hidden">
        {summary.busiest
          ? `Busiest: ${wordsOf(rows, labels, summary.busiest)}. ${summary.busyHours} of ${summary.hours} hours have runs in progress.`
          : `No runs in progress in these ${summary.hours} hours.`}
      </p>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {active ? wordsOf(rows, labels, at) : ''}
      </p>
      <button type="button" className="link-button small" aria-expanded={table} onClick={() => setTable((t) => !t)}>
        {table ? 'Hide the table' : 'Show as a table'}
      </button>
      {table && <HeatmapTable caption={label} rows={rows} labels={labels} />}
    </div>
  );
});
