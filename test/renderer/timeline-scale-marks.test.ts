// Where a lane's runs are drawn: separate ticks while they fit and are far enough apart, bands with a
// count where they crowd, and one band over the whole stretch when even the bands would be too many.
import { describe, expect, it } from 'vitest';
import { laneMarks, type TimeRange } from '@renderer/timeline/timeline-scale';

// A window of 1,024 seconds on a 1,024 px track: run k (at k seconds) sits at k/1024, and the default
// 4 px merge distance is exactly 4/1024 of the window, so every position below is exact.
const from = Date.parse('2026-12-01T08:00:00Z');
const range: TimeRange = { from: new Date(from), to: new Date(from + 1_024_000) };
const at = (...ks: number[]) => ks.map((k) => new Date(from + k * 1000));
const x = (k: number) => k / 1024;
const opts = { widthPx: 1024 };
const spread = (n: number, stepK: number) => Array.from({ length: n }, (_, i) => i * stepK);

describe('lane marks: ticks or bands', () => {
  it('keeps two runs exactly the merge distance apart as separate ticks', () => {
    expect(laneMarks(at(0, 4), 2, false, range, opts)).toEqual({ kind: 'ticks', xs: [x(0), x(4)] });
  });

  it('draws two runs closer than the merge distance in mid-window as one band of two', () => {
    expect(laneMarks(at(500, 501), 2, false, range, opts)).toEqual({ kind: 'bands', bands: [{ x0: x(500), x1: x(501), count: 2 }], singles: [] });
  });

  it('keeps a run at the merge distance from a crowded pair as its own tick', () => {
    expect(laneMarks(at(0, 1, 5), 3, false, range, opts)).toEqual({ kind: 'bands', bands: [{ x0: x(0), x1: x(1), count: 2 }], singles: [x(5)] });
  });

  it('draws up to 48 well-spaced runs as ticks', () => {
    const ks = spread(48, 20);
    const marks = laneMarks(at(...ks), 48, false, range, opts);
    expect(marks).toEqual({ kind: 'ticks', xs: ks.map(x) });
  });

  it('draws 49 well-spaced runs as one band over their stretch', () => {
    const ks = spread(49, 20);
    expect(laneMarks(at(...ks), 49, false, range, opts)).toEqual({ kind: 'bands', bands: [{ x0: x(0), x1: x(960), count: 49 }], singles: [] });
  });

  it('draws 24 crowded pairs as 24 bands', () => {
    const ks = spread(24, 40).flatMap((k) => [k, k + 1]);
    const marks = laneMarks(at(...ks), ks.length, false, range, opts);
    expect(marks.kind === 'bands' && marks.bands.length).toBe(24);
    expect(marks.kind === 'bands' && marks.bands.every((b) => b.count === 2)).toBe(true);
  });

  it('collapses more than 24 bands and ticks into one band with the total count', () => {
    // 20 crowded pairs and 5 lone runs: 25 marks.
    const pairs = spread(20, 40).flatMap((k) => [k, k + 1]);
    const lone = [820, 860, 900, 940, 980];
    const ks = [...pairs, ...lone];
    expect(laneMarks(at(...ks), ks.length, false, range, opts)).toEqual({ kind: 'bands', bands: [{ x0: x(0), x1: x(980), count: 45 }], singles: [] });
  });

  it('collapses when the lone ticks beside a band exceed the tick budget', () => {
    const ks = [0, 1, 100, 200, 300];
    expect(laneMarks(at(...ks), 5, false, range, { widthPx: 1024, maxTicks: 2 })).toEqual({
      kind: 'bands',
      bands: [{ x0: x(0), x1: x(300), count: 5 }],
      singles: [],
    });
    expect(laneMarks(at(0, 1, 100, 200), 4, false, range, { widthPx: 1024, maxTicks: 2 })).toEqual({
      kind: 'bands',
      bands: [{ x0: x(0), x1: x(1), count: 2 }],
      singles: [x(100), x(200)],
    });
  });

  it('draws a truncated expansion as one band from its first run to the window end, with the full count', () => {
    expect(laneMarks(at(100, 101), 9000, true, range, opts)).toEqual({ kind: 'bands', bands: [{ x0: x(100), x1: 1, count: 9000 }], singles: [] });
  });

  it('draws nothing when no run was built, even for a truncated count', () => {
    expect(laneMarks([], 9000, true, range, opts)).toEqual({ kind: 'ticks', xs: [] });
  });
});
