// The heatmap's two canvases (cells; hover and pinned outlines above them) covering the rows in view of
// its scroll box: drawn before the browser paints, again as the rows scroll, when the box changes size,
// when the colour scheme or the pixel ratio changes, and the outline layer alone when the pointer moves.
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { GridRow } from './load-grid';
import { MAX_VIEW_H, viewOf } from './heatmap-geometry';
import { drawHeatmap, drawMarks, readTheme, sizeCanvas, type HeatmapTheme, type View } from './heatmap-paint';
import { useCanvasEnvironment } from './use-canvas-environment';

type Cell = [number, number];

interface Input {
  rows: readonly GridRow[];
  labels: readonly string[];
  peak: number;
  selected: Cell | null;
}

/** The canvas keeps the viewport's full size (its box clips it to fewer rows), so a change of days never re-allocates it. */
function paint(canvas: HTMLCanvasElement | null, viewport: number, view: View, draw: (ctx: CanvasRenderingContext2D) => void): void {
  const ctx = canvas?.getContext('2d');
  if (!canvas || !ctx) return;
  sizeCanvas(canvas, viewport, view.ratio);
  draw(ctx);
}

export function useHeatmapCanvas(box: RefObject<HTMLElement | null>, { rows, labels, peak, selected }: Input) {
  const cells = useRef<HTMLCanvasElement>(null);
  const marks = useRef<HTMLCanvasElement>(null);
  const theme = useRef<HeatmapTheme | null>(null);
  const view = useRef<View>({ top: 0, height: 0, ratio: 1 });
  // Kept from scroll events: reading the box's scrollTop while drawing would force a layout before the frame's.
  const scrollTop = useRef(0);
  const hover = useRef<Cell | null>(null);
  const { ratio, scheme } = useCanvasEnvironment();
  // The rows' viewport at most: less when a horizontal scrollbar (a narrow window) takes room.
  const [viewport, setViewport] = useState(MAX_VIEW_H);

  const placeView = (): View => (view.current = { ...viewOf(scrollTop.current, viewport, rows.length), ratio });
  const paintCells = () => {
    const t = theme.current;
    if (t) paint(cells.current, viewport, view.current, (ctx) => drawHeatmap(ctx, rows, labels, peak, t, view.current));
  };
  const paintMarks = () => {
    const t = theme.current;
    if (t) paint(marks.current, viewport, view.current, (ctx) => drawMarks(ctx, rows.length, t, view.current, { hover: hover.current, selected }));
  };

  // The colours are read once per scheme (reading computed style forces a style pass).
  useLayoutEffect(() => {
    if (cells.current) theme.current = readTheme(getComputedStyle(cells.current));
  }, [scheme]);
  useLayoutEffect(() => {
    const canvas = cells.current;
    const t = theme.current;
    if (!canvas || !t) return;
    const v = (view.current = { ...viewOf(scrollTop.current, viewport, rows.length), ratio });
    paint(canvas, viewport, v, (ctx) => drawHeatmap(ctx, rows, labels, peak, t, v));
    // The bench reads how many days were drawn.
    canvas.dataset['rows'] = String(rows.length);
  }, [rows, labels, peak, ratio, scheme, viewport]);
  // Every render: the pinned cell may have moved (two rectangles, nothing to save by skipping).
  useLayoutEffect(() => {
    const t = theme.current;
    if (t) paint(marks.current, viewport, view.current, (ctx) => drawMarks(ctx, rows.length, t, view.current, { hover: hover.current, selected }));
  });
  useLayoutEffect(() => {
    const el = box.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const watch = new ResizeObserver(() => setViewport(Math.max(0, MAX_VIEW_H - (el.offsetHeight - el.clientHeight))));
    watch.observe(el);
    return () => watch.disconnect();
  }, [box]);

  return {
    cells,
    marks,
    /** Height of the canvases' box. */
    viewHeight: viewOf(0, viewport, rows.length).height,
    onScroll(e: { currentTarget: HTMLElement }) {
      scrollTop.current = e.currentTarget.scrollTop;
      const before = view.current.top;
      if (placeView().top === before) return;
      paintCells();
      paintMarks();
    },
    /** The cell under the pointer changed (null: none): its outline is redrawn. */
    setHover(cell: Cell | null) {
      hover.current = cell;
      paintMarks();
    },
    hovered: (): Cell | null => hover.current,
  };
}
