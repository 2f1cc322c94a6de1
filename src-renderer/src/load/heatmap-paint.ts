// Drawing the heatmap on a canvas: colours come from the load view's CSS custom properties (so the light
// and dark schemes are the stylesheet's, as for every other part of the app), sizes from the geometry, and
// the backing store is scaled by devicePixelRatio so cells and counts stay sharp on a dense screen.
import { levelOf, type GridCell, type GridRow } from './load-grid';
import { CELL_H, CELL_W, GAP, HOURS_PER_ROW, LABEL_W, canvasWidth, cellOrigin, rowsInView } from './heatmap-geometry';

export const LEVELS = 6;

export interface HeatmapTheme {
  /** Fill of each colour step, 0 (nothing runs) to 5 (the server's peak). */
  levels: string[];
  /** Count text on each step (the darkest step needs a light text). */
  text: string[];
  /** Stripes of an hour that does not exist (clocks go forward). */
  hatch: string;
  label: string;
  outline: string;
  hover: string;
  font: string;
}

/** What the stylesheet leaves unset falls back to the light scheme's colours. */
const FALLBACK: Record<string, string> = {
  '--hm-l0': '#f0f2f5',
  '--hm-l1': '#d3e5f7',
  '--hm-l2': '#9cc3ec',
  '--hm-l3': '#f2c66d',
  '--hm-l4': '#ec8a4f',
  '--hm-l5': '#d9480f',
  '--hm-text': '#1b1f24',
  '--hm-text-l5': '#ffffff',
  '--hm-hatch': '#d8dce3',
  '--hm-label': '#57606a',
  '--hm-outline': '#0b5cad',
  '--hm-hover': '#57606a',
};

/** The theme from an element's computed custom properties (custom properties inherit, so any descendant of the load view). */
export function readTheme(style: Pick<CSSStyleDeclaration, 'getPropertyValue' | 'fontFamily'>): HeatmapTheme {
  const get = (name: string): string => style.getPropertyValue(name).trim() || (FALLBACK[name] as string);
  const levels = Array.from({ length: LEVELS }, (_, l) => get(`--hm-l${l}`));
  const text = levels.map((_, l) => (l === LEVELS - 1 ? get('--hm-text-l5') : get('--hm-text')));
  return {
    levels,
    text,
    hatch: get('--hm-hatch'),
    label: get('--hm-label'),
    outline: get('--hm-outline'),
    hover: get('--hm-hover'),
    font: style.fontFamily || 'sans-serif',
  };
}

export interface CellPaint {
  fill: string;
  /** The count drawn in the cell, or null for none. */
  text: { value: string; color: string } | null;
  /** Striped: the hour does not exist that day. */
  missing: boolean;
}

/** How one cell is drawn: its colour step against the peak, and its count unless nothing runs. */
export function cellPaint(cell: GridCell, peak: number, theme: HeatmapTheme): CellPaint {
  if (cell.buckets.length === 0) return { fill: 'transparent', text: null, missing: true };
  const level = levelOf(cell.busy, peak);
  return {
    fill: theme.levels[level] as string,
    text: cell.busy > 0 ? { value: String(cell.busy), color: theme.text[level] as string } : null,
    missing: false,
  };
}

/** What a canvas covers: rows [top, top + height) in CSS pixels, at the screen's pixel ratio. */
export interface View {
  top: number;
  height: number;
  ratio: number;
}

/** Sizes the canvas to `height` CSS pixels; its backing store is only reset (and cleared) when that size changes. */
export function sizeCanvas(canvas: HTMLCanvasElement, height: number, ratio: number): void {
  const w = canvasWidth();
  const pw = Math.round(w * ratio),
    ph = Math.round(height * ratio);
  if (canvas.width !== pw) canvas.width = pw;
  if (canvas.height !== ph) canvas.height = ph;
  const cssW = `${w}px`,
    cssH = `${height}px`;
  if (canvas.style.width !== cssW) canvas.style.width = cssW;
  if (canvas.style.height !== cssH) canvas.style.height = cssH;
}

/** Clears the canvas and maps the view's rows onto it. */
function begin(ctx: CanvasRenderingContext2D, view: View): void {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.setTransform(view.ratio, 0, 0, view.ratio, 0, -view.top * view.ratio);
}

function hatch(ctx: CanvasRenderingContext2D, x: number, y: number, color: string): void {
  ctx.save();
  ctx.beginPath();
  ctx.rect(x, y, CELL_W, CELL_H);
  ctx.clip();
  ctx.strokeStyle = color;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (let d = -CELL_H; d < CELL_W; d += 4) {
    ctx.moveTo(x + d, y + CELL_H);
    ctx.lineTo(x + d + CELL_H, y);
  }
  ctx.stroke();
  ctx.restore();
}

/** Rounded cell fill (radius 2, as the week summary's cells). */
function cellPath(ctx: CanvasRenderingContext2D, x: number, y: number): void {
  if (typeof ctx.roundRect === 'function') ctx.roundRect(x, y, CELL_W, CELL_H, 2);
  else ctx.rect(x, y, CELL_W, CELL_H);
}

/** Draws the rows in view: day labels, cells by colour step (one path per step), counts on top. */
export function drawHeatmap(
  ctx: CanvasRenderingContext2D,
  rows: readonly GridRow[],
  labels: readonly string[],
  peak: number,
  theme: HeatmapTheme,
  view: View,
): void {
  begin(ctx, view);
  const { first, end } = rowsInView(view.top, view.height, rows.length);
  const paints = new Map<number, CellPaint[]>();
  for (let r = first; r < end; r++)
    paints.set(
      r,
      (rows[r] as GridRow).cells.map((cell) => cellPaint(cell, peak, theme)),
    );
  // One fill per colour: the cells in view cost a handful of draw calls.
  for (const fill of theme.levels) {
    ctx.beginPath();
    for (const [r, p] of paints)
      p.forEach((c, col) => {
        if (c.fill !== fill) return;
        const o = cellOrigin(r, col);
        cellPath(ctx, o.x, o.y);
      });
    ctx.fillStyle = fill;
    ctx.fill();
  }
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.font = `9px ${theme.font}`;
  for (const [r, p] of paints)
    p.forEach((c, col) => {
      const o = cellOrigin(r, col);
      if (c.missing) hatch(ctx, o.x, o.y, theme.hatch);
      else if (c.text) {
        ctx.fillStyle = c.text.color;
        ctx.fillText(c.text.value, o.x + CELL_W / 2, o.y + CELL_H / 2 + 0.5, CELL_W - 2);
      }
    });
  ctx.textAlign = 'left';
  ctx.font = `11px ${theme.font}`;
  ctx.fillStyle = theme.label;
  for (let r = first; r < end; r++) ctx.fillText(labels[r] ?? '', 0, cellOrigin(r, 0).y + CELL_H / 2 + 0.5, LABEL_W - 4);
}

/** The pointer's and the pinned cell's outlines, on the layer above the cells (redrawn alone, cheaply). */
export function drawMarks(
  ctx: CanvasRenderingContext2D,
  rows: number,
  theme: HeatmapTheme,
  view: View,
  marks: { hover: [number, number] | null; selected: [number, number] | null },
): void {
  begin(ctx, view);
  const ring = (at: [number, number] | null, color: string, width: number) => {
    if (!at || at[0] >= rows || at[1] >= HOURS_PER_ROW) return;
    const o = cellOrigin(at[0], at[1]);
    ctx.strokeStyle = color;
    ctx.lineWidth = width;
    ctx.strokeRect(o.x + width / 2, o.y + width / 2, CELL_W - width, CELL_H - width);
  };
  ring(marks.hover, theme.hover, GAP);
  ring(marks.selected, theme.outline, 2);
}
