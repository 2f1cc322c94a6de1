// Overlaps between orgs on one server: which pairs are reported, in which order, and what is left out.
import { describe, expect, it } from 'vitest';
import { findOverlaps, type Overlap } from '@shared/fleet';
import { H, MIN, source } from './helpers';

const at = (iso: string): Date => new Date(iso);
const day = { from: at('2026-12-01T00:00:00Z'), to: at('2026-12-02T00:00:00Z') };
const pairs = (os: Overlap[]): string[] => os.map((o) => `${o.a.key}+${o.b.key}@${new Date(o.start).toISOString().slice(11, 16)}`);

describe('findOverlaps', () => {
  it('reports one overlap between two orgs, how long, and nothing dense', () => {
    const a = source('0 0 4 * * ?', { key: 'a', durationMs: 30 * MIN });
    const b = source('0 20 4 * * ?', { key: 'b', durationMs: 30 * MIN });
    const r = findOverlaps({ sources: [a, b], ...day });
    expect(pairs(r.overlaps)).toEqual(['a+b@04:20']);
    expect(r.overlaps[0]!.overlapMs).toBe(10 * MIN);
    expect(r).toMatchObject({ total: 1, truncated: false, dense: [] });
  });

  it('back to back is not an overlap: a run ending as the next starts', () => {
    const a = source('0 0 4 * * ?', { key: 'a', durationMs: 30 * MIN });
    const b = source('0 30 4 * * ?', { key: 'b', durationMs: 30 * MIN });
    const r = findOverlaps({ sources: [a, b], ...day });
    expect(r.overlaps).toEqual([]);
    expect(r.total).toBe(0);
  });

  it('runs starting together are paired by key, whatever order the schedules come in', () => {
    const keys = ['org-c/j', 'org-a/j', 'org-b/j'];
    for (const order of [keys, [...keys].reverse()]) {
      const r = findOverlaps({ sources: order.map((key) => source('0 0 4 * * ?', { key })), ...day });
      expect(pairs(r.overlaps)).toEqual(['org-a/j+org-b/j@04:00', 'org-a/j+org-c/j@04:00', 'org-b/j+org-c/j@04:00']);
    }
  });

  it('lists overlaps by when they begin, across servers, not by when their first run started', () => {
    // Server A: a 5-hour run from 01:00 overlapped at 06:00. Server B: 05:00 and 05:10.
    const long = source('0 0 1 * * ?', { key: 'a-long', serverKey: 'engine-a:443', durationMs: 5 * H + 30 * MIN });
    const later = source('0 0 6 * * ?', { key: 'a-later', serverKey: 'engine-a:443' });
    const b1 = source('0 0 5 * * ?', { key: 'b-1', serverKey: 'engine-b:443' });
    const b2 = source('0 10 5 * * ?', { key: 'b-2', serverKey: 'engine-b:443' });
    const r = findOverlaps({ sources: [long, later, b1, b2], ...day });
    expect(pairs(r.overlaps)).toEqual(['b-1+b-2@05:10', 'a-long+a-later@06:00']);
    expect(r.overlaps.map((o) => o.serverKey)).toEqual(['engine-b:443', 'engine-a:443']);
  });

  it('orders overlaps beginning at the same time by their first run', () => {
    const x1 = source('0 0 5 * * ?', { key: 'x-1', serverKey: 'engine-x:443', durationMs: H });
    const x2 = source('0 30 5 * * ?', { key: 'x-2', serverKey: 'engine-x:443' });
    const y1 = source('0 0 4 * * ?', { key: 'y-1', serverKey: 'engine-y:443', durationMs: 2 * H });
    const y2 = source('0 30 5 * * ?', { key: 'y-2', serverKey: 'engine-y:443' });
    const r = findOverlaps({ sources: [x1, x2, y1, y2], ...day });
    expect(pairs(r.overlaps)).toEqual(['y-1+y-2@05:30', 'x-1+x-2@05:30']);
  });

  it('does not pair runs on different servers', () => {
    const a = source('0 0 4 * * ?', { key: 'a', serverKey: 'engine-a:443' });
    const b = source('0 0 4 * * ?', { key: 'b', serverKey: 'engine-b:443' });
    expect(findOverlaps({ sources: [a, b], ...day }).total).toBe(0);
  });

  it('lists at most `limit` overlaps, counts them all and says the list is cut', () => {
    const a = source('0 0 4 * * ?', { key: 'a', durationMs: H });
    const b = source('0 10 4 * * ?', { key: 'b' });
    const c = source('0 20 4 * * ?', { key: 'c' });
    const r = findOverlaps({ sources: [a, b, c], ...day, limit: 1 });
    expect(pairs(r.overlaps)).toEqual(['a+b@04:10']);
    expect(r).toMatchObject({ total: 3, truncated: true });
    const all = findOverlaps({ sources: [a, b, c], ...day, limit: 3 });
    expect(pairs(all.overlaps)).toEqual(['a+b@04:10', 'a+c@04:20', 'b+c@04:20']);
    expect(all).toMatchObject({ total: 3, truncated: false });
  });

  it('for a candidate, keeps the overlaps it takes part in, whether it runs first or second', () => {
    const early = source('0 0 4 * * ?', { key: 'early', durationMs: H });
    const candidate = source('0 10 4 * * ?', { key: 'candidate', durationMs: H });
    const other = source('0 20 4 * * ?', { key: 'other' });
    const r = findOverlaps({ sources: [early, candidate, other], ...day, involving: 'candidate' });
    expect(pairs(r.overlaps)).toEqual(['early+candidate@04:10', 'candidate+other@04:20']);
    const first = findOverlaps({ sources: [early, candidate, other], ...day, involving: 'early' });
    expect(pairs(first.overlaps)).toEqual(['early+candidate@04:10', 'early+other@04:20']);
    expect(first.total).toBe(2);
  });

  it('names a schedule too dense to list (past runLimit) and leaves its runs out of the pairs', () => {
    const dense = source('0 * * * * ?', { key: 'dense', durationMs: MIN });
    const a = source('0 0 4 * * ?', { key: 'a' });
    const b = source('0 10 4 * * ?', { key: 'b' });
    const r = findOverlaps({ sources: [dense, a, b], ...day, runLimit: 100 });
    expect(r.dense).toEqual(['dense']);
    expect(pairs(r.overlaps)).toEqual(['a+b@04:10']);
    expect(r.total).toBe(1);
  });

  it('skips an unreadable schedule instead of failing', () => {
    const a = source('0 0 4 * * ?', { key: 'a' });
    const bad = source('0 0 25 * * ?', { key: 'bad' });
    const b = source('0 10 4 * * ?', { key: 'b' });
    const r = findOverlaps({ sources: [a, bad, b], ...day });
    expect(pairs(r.overlaps)).toEqual(['a+b@04:10']);
    expect(r.dense).toEqual([]);
  });
});
