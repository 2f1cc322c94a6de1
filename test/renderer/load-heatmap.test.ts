// The canvas heatmap's pure parts: which drawn cell a pointer is over, which rows the canvas covers as the
// rows scroll, how a cell is coloured from the stylesheet's theme, and what the text alternative says.
import { describe, expect, it } from 'vitest';
import { CELL_H, CELL_W, GAP, LABEL_W, ROW_PITCH, cellAt, cellOrigin, rowsHeight, rowsInView, viewOf } from '@renderer/load/heatmap-geometry';
import { cellPaint, readTheme } from '@renderer/load/heatmap-paint';
import { gridKeyTarget, gridSummary, type GridCell, type GridRow } from '@renderer/load/load-grid';
import { cellWords } from '@renderer/load/load-format';

const cell = (busy: number, missing = false): GridCell => ({
  buckets: missing ? [] : [0],
  busy,
  starts: busy,
  from: missing ? null : 0,
  to: missing ? null : 1,
});
const row = (day: number, busy: number[]): GridRow => ({ day, start: day * 86_400_000, cells: busy.map((b) => cell(b, b < 0)) });

/** A computed style as the load view's stylesheet gives it (custom properties already resolved). */
function style(values: Record<string, string>, fontFamily = 'system-ui') {
  return { fontFamily, getPropertyValue: (name: string) => values[name] ?? '' };
}

describe('heatmap hit-testing', () => {
  it('finds the cell under a point anywhere inside it, in any row and column', () => {
    const o = cellOrigin(3, 7);
    expect(cellAt(o.x, o.y, 10)).toEqual([3, 7]);
    expect(cellAt(o.x + CELL_W - 0.5, o.y + CELL_H - 0.5, 10)).toEqual([3, 7]);
    expect(cellAt(o.x + CELL_W / 2, o.y + CELL_H / 2, 10)).toEqual([3, 7]);
    const last = cellOrigin(9, 23);
    expect(cellAt(last.x + 1, last.y + 1, 10)).toEqual([9, 23]);
  });

  it('finds nothing over the day labels, the gaps between cells or past the last row and hour', () => {
    expect(cellAt(LABEL_W / 2, 5, 10)).toBeNull();
    const o = cellOrigin(2, 4);
    expect(cellAt(o.x + CELL_W + GAP / 2, o.y + 2, 10)).toBeNull(); // gap to the right
    expect(cellAt(o.x + 2, o.y + CELL_H + GAP / 2, 10)).toBeNull(); // gap below
    expect(cellAt(o.x, rowsHeight(10) + 1, 10)).toBeNull();
    expect(cellAt(cellOrigin(0, 23).x + CELL_W + 5, 5, 10)).toBeNull();
    expect(cellAt(o.x, -1, 10)).toBeNull();
    expect(cellAt(Number.NaN, 5, 10)).toBeNull();
  });
});

describe('the rows the canvas covers', () => {
  it('follows the scroll, and stops where the last row reaches the bottom', () => {
    expect(viewOf(0, 400, 90)).toEqual({ top: 0, height: 400 });
    expect(viewOf(170, 400, 90)).toEqual({ top: 170, height: 400 });
    expect(viewOf(99_999, 400, 90)).toEqual({ top: rowsHeight(90) - 400, height: 400 });
    // Fewer rows than the viewport holds: all of them, from the top.
    expect(viewOf(50, 400, 7)).toEqual({ top: 0, height: rowsHeight(7) });
  });

  it('draws the rows meeting the view, a cut row at either edge included', () => {
    expect(rowsInView(0, 10 * ROW_PITCH, 90)).toEqual({ first: 0, end: 10 });
    expect(rowsInView(ROW_PITCH * 5 + 3, 10 * ROW_PITCH, 90)).toEqual({ first: 5, end: 16 });
    expect(rowsInView(rowsHeight(90) - 100, 400, 90).end).toBe(90);
    expect(rowsInView(0, 400, 0)).toEqual({ first: 0, end: 0 });
  });
});

describe('cell colours', () => {
  const theme = readTheme(
    style({
      '--hm-l0': '#000000',
      '--hm-l1': '#111111',
      '--hm-l2': '#222222',
      '--hm-l3': '#333333',
      '--hm-l4': '#444444',
      '--hm-l5': '#555555',
      '--hm-text': '#eeeeee',
      '--hm-text-l5': '#ffffff',
    }),
  );

  it('steps from the idle colour to the peak colour as the stylesheet sets them, with the count on top', () => {
    expect(cellPaint(cell(0), 10, theme)).toEqual({ fill: '#000000', text: null, missing: false });
    expect(cellPaint(cell(1), 10, theme)).toEqual({ fill: '#111111', text: { value: '1', color: '#eeeeee' }, missing: false });
    expect(cellPaint(cell(6), 10, theme).fill).toBe('#333333');
    expect(cellPaint(cell(10), 10, theme)).toEqual({ fill: '#555555', text: { value: '10', color: '#ffffff' }, missing: false });
  });

  it('stripes an hour that does not exist instead of colouring it', () => {
    expect(cellPaint(cell(0, true), 10, theme)).toEqual({ fill: 'transparent', text: null, missing: true });
  });

  it('takes the dark scheme from the same properties, and the light colours where one is unset', () => {
    const dark = readTheme(style({ '--hm-l1': ' #17324d ', '--hm-text': '#e6e9ed' }, 'Ubuntu, sans-serif'));
    expect(dark.levels[1]).toBe('#17324d');
    expect(dark.text[1]).toBe('#e6e9ed');
    expect(dark.levels[5]).toBe('#d9480f');
    expect(dark.font).toBe('Ubuntu, sans-serif');
  });
});

describe('the grid for keyboards and screen readers', () => {
  const rows = [
    row(
      0,
      Array.from({ length: 24 }, (_, h) => (h === 4 ? 3 : 0)),
    ),
    row(
      1,
      Array.from({ length: 24 }, (_, h) => (h === 2 ? -1 : h === 4 ? 2 : 0)),
    ),
  ];

  it('names the busiest hour and counts the hours with runs, skipping the hour that does not exist', () => {
    expect(gridSummary(rows)).toEqual({ busiest: [0, 4], busyHours: 2, hours: 47 });
    expect(gridSummary([row(0, new Array<number>(24).fill(0))]).busiest).toBeNull();
  });

  it('describes a cell with its time range and run count', () => {
    expect(cellWords('Tue 1 Dec', 4, 3, 2, false)).toBe('Tue 1 Dec, 04:00 to 05:00: 3 runs in progress, 2 starting');
    expect(cellWords('Tue 1 Dec', 23, 1, 0, false)).toBe('Tue 1 Dec, 23:00 to 00:00: 1 run in progress, 0 starting');
    expect(cellWords('Sun 29 Mar', 2, 0, 0, true)).toBe('Sun 29 Mar, 02:00: this hour does not exist (clocks go forward)');
  });

  it('moves the focus a week with PageUp and to the grid corners with Ctrl+Home', () => {
    expect(gridKeyTarget('PageUp', 10, 5, 90, 24)).toEqual([3, 5]);
    expect(gridKeyTarget('PageUp', 3, 5, 90, 24)).toEqual([0, 5]);
    expect(gridKeyTarget('Home', 40, 9, 90, 24, true)).toEqual([0, 0]);
    expect(gridKeyTarget('End', 40, 9, 90, 24)).toEqual([40, 23]);
    expect(gridKeyTarget('ArrowLeft', 40, 0, 90, 24)).toEqual([40, 0]);
    expect(gridKeyTarget('ArrowUp', 0, 9, 90, 24)).toEqual([0, 9]);
  });
});
