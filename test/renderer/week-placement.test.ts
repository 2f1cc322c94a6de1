import { describe, expect, it } from 'vitest';
import { placeItems } from '@renderer/calendar/week-placement';

const item = (id: string, startMin: number, endMin = startMin + 30) => ({ id, startMin, endMin });

describe('week view placement', () => {
  it('gives non-overlapping chips the full width', () => {
    const { placed, overflow } = placeItems([item('a', 60), item('b', 120)], 4);
    expect(placed.map((p) => [p.id, p.column, p.columns])).toEqual([
      ['a', 0, 1],
      ['b', 0, 1],
    ]);
    expect(overflow.size).toBe(0);
  });

  it('puts overlapping chips side by side and shares the width across the cluster', () => {
    const { placed } = placeItems([item('a', 240), item('b', 250), item('c', 270), item('d', 600)], 4);
    const byId = Object.fromEntries(placed.map((p) => [p.id, p]));
    expect([byId.a!.column, byId.b!.column, byId.c!.column]).toEqual([0, 1, 0]);
    expect(byId.a!.columns).toBe(2);
    expect(byId.d!.columns).toBe(1);
  });

  it('counts what does not fit per hour instead of drawing 200 chips at 04:00', () => {
    const many = Array.from({ length: 200 }, (_, i) => item(`s${i}`, 240));
    const { placed, overflow } = placeItems(many, 4);
    expect(placed).toHaveLength(4);
    expect(placed.every((p) => p.columns === 4)).toBe(true);
    expect(overflow.get(4)).toHaveLength(196);
  });

  it('keeps a band spanning hours in its own column next to chips', () => {
    const { placed } = placeItems([item('band', 540, 1020), item('x', 600), item('y', 900)], 4);
    const band = placed.find((p) => p.id === 'band')!;
    expect(band.column).toBe(0);
    expect(placed.filter((p) => p.id !== 'band').every((p) => p.column === 1)).toBe(true);
  });
});
