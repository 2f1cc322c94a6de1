// The labels the load view shows on its one axis: days, instants with the zone's name, spans and lengths.
import { describe, expect, it } from 'vitest';
import { atLabel, dayLabel, minutesLabel, spanLabel } from '@renderer/load/load-format';

const at = Date.parse('2026-12-01T03:00:00Z'); // Tuesday

describe('load view labels', () => {
  it('names the day in the axis zone', () => {
    expect(dayLabel(at, 'UTC')).toBe('Tue 1 Dec');
    expect(dayLabel(at, 'America/New_York')).toBe('Mon 30 Nov');
    expect(dayLabel(at, 'UTC')).toBe('Tue 1 Dec');
  });

  it('an instant: its day, its time and the zone’s name', () => {
    expect(atLabel(at, 'UTC')).toBe('Tue 1 Dec, 03:00 UTC');
    expect(atLabel(at, 'America/New_York')).toBe('Mon 30 Nov, 22:00 EST');
  });

  it('a span: from and to on the wall clock of the zone', () => {
    expect(spanLabel(at, at + 30 * 60_000, 'UTC')).toBe('03:00–03:30');
    expect(spanLabel(at, at + 90 * 60_000, 'Asia/Kolkata')).toBe('08:30–10:00');
  });

  it('a length: minutes up to 89, then hours and minutes', () => {
    expect(minutesLabel(45 * 60_000)).toBe('45 min');
    expect(minutesLabel(89 * 60_000 + 20_000)).toBe('89 min');
    expect(minutesLabel(89 * 60_000 + 40_000)).toBe('1 h 30 min');
    expect(minutesLabel(90 * 60_000)).toBe('1 h 30 min');
    expect(minutesLabel(125 * 60_000)).toBe('2 h 5 min');
  });
});
