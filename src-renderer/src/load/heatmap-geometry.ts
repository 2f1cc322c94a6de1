// Where the heatmap's cells sit, in CSS pixels from the top of the first row: a day label column, then 24
// hour columns, one row per day. The canvas covers the rows in view only; the overlay row of focusable
// cells uses the same numbers (as CSS variables), so the focus ring and a click land on the drawn cell.

export const HOURS_PER_ROW = 24;
/** Width of the day label column. */
export const LABEL_W = 76;
export const CELL_W = 18;
export const CELL_H = 16;
/** Space between two cells, across and down. */
export const GAP = 1;
export const COL_PITCH = CELL_W + GAP;
export const ROW_PITCH = CELL_H + GAP;
/** The hour header above the rows (it stays in view while the rows scroll). */
export const HEAD_PITCH = ROW_PITCH;
/** Height of the rows' viewport at most: the canvas covers what is in view, never all 90 days. */
export const MAX_VIEW_H = 24 * ROW_PITCH;

export const canvasWidth = (): number => LABEL_W + HOURS_PER_ROW * COL_PITCH;
/** Height of all rows (the canvas covers `viewOf` of it). */
export const rowsHeight = (rows: number): number => Math.max(0, rows) * ROW_PITCH;

/** Top-left corner of cell (row, col). */
export function cellOrigin(row: number, col: number): { x: number; y: number } {
  return { x: LABEL_W + GAP + col * COL_PITCH, y: row * ROW_PITCH };
}

/** The cell under (x, y), from the first row's top-left corner, or null over a label, a gap or outside the rows. */
export function cellAt(x: number, y: number, rows: number): [number, number] | null {
  if (!Number.isFinite(x) || !Number.isFinite(y) || y < 0) return null;
  const row = Math.floor(y / ROW_PITCH);
  const col = Math.floor((x - LABEL_W - GAP) / COL_PITCH);
  if (row >= rows || col < 0 || col >= HOURS_PER_ROW) return null;
  const o = cellOrigin(row, col);
  return x - o.x < CELL_W && y - o.y < CELL_H ? [row, col] : null;
}

/** The rows meeting [top, top + height): first included, end excluded. */
export function rowsInView(top: number, height: number, rows: number): { first: number; end: number } {
  const first = Math.min(rows, Math.max(0, Math.floor(top / ROW_PITCH)));
  return { first, end: Math.max(first, Math.min(rows, Math.ceil((top + height) / ROW_PITCH))) };
}

/**
 * The part of the rows the canvas shows: it sticks below the header, so it follows the scroll until the
 * last row reaches the bottom. `viewport` is the scroll box's height below the header.
 */
export function viewOf(scrollTop: number, viewport: number, rows: number): { top: number; height: number } {
  const total = rowsHeight(rows);
  const height = Math.max(0, Math.min(total, viewport));
  return { top: Math.max(0, Math.min(scrollTop, total - height)), height };
}
