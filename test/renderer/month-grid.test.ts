import { describe, expect, it } from 'vitest';
import { monthGrid, startOfWeek, weekDates, weekdayNames } from '@renderer/calendar/month-grid';
import { formatDateRange, formatMonthTitle } from '@renderer/common/time';
import { calendarKeyAction, nextSelection } from '@renderer/calendar/calendar-keys';
import { isoDate } from '@renderer/common/time';

const d = (year: number, month: number, day: number) => ({ year, month, day });

describe('month and week grids', () => {
  it('shows six whole weeks starting on the chosen weekday, with the 1st in the first week', () => {
    const grid = monthGrid(d(2027, 3, 14), 0);
    expect(grid).toHaveLength(6);
    expect(grid.every((w) => w.length === 7)).toBe(true);
    // 1 March 2027 is a Monday: a Sunday-first grid starts on 28 February.
    expect(isoDate(grid[0]![0]!)).toBe('2027-02-28');
    expect(isoDate(grid[5]![6]!)).toBe('2027-04-10');
    expect(isoDate(monthGrid(d(2027, 3, 1), 1)[0]![0]!)).toBe('2027-03-01');
  });

  it('covers a month that spans six calendar rows', () => {
    // May 2027 starts on a Saturday and has 31 days: Sunday-first, the 31st is in row 6.
    const flat = monthGrid(d(2027, 5, 1), 0)
      .flat()
      .map(isoDate);
    expect(flat).toContain('2027-05-31');
  });

  it('finds the week of a date', () => {
    expect(isoDate(startOfWeek(d(2027, 3, 14), 0))).toBe('2027-03-14');
    expect(isoDate(startOfWeek(d(2027, 3, 14), 1))).toBe('2027-03-08');
    expect(weekDates(d(2027, 12, 30), 0).map(isoDate)).toEqual([
      '2027-12-26',
      '2027-12-27',
      '2027-12-28',
      '2027-12-29',
      '2027-12-30',
      '2027-12-31',
      '2028-01-01',
    ]);
  });

  it('names days and titles in words', () => {
    expect(weekdayNames(0)).toEqual(['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']);
    expect(weekdayNames(1)[0]).toBe('Mon');
    expect(formatMonthTitle(d(2027, 3, 14))).toBe('March 2027');
    expect(formatDateRange(d(2027, 3, 14), d(2027, 3, 20))).toBe('14–20 Mar 2027');
    expect(formatDateRange(d(2027, 2, 28), d(2027, 3, 6))).toBe('28 Feb – 6 Mar 2027');
    expect(formatDateRange(d(2026, 12, 27), d(2027, 1, 2))).toBe('27 Dec 2026 – 2 Jan 2027');
  });
});

describe('calendar keyboard', () => {
  const at = d(2027, 1, 31);
  it('moves by day, week, month and to the week ends', () => {
    expect(calendarKeyAction('ArrowRight', at, 0)).toEqual({ kind: 'move', to: d(2027, 2, 1) });
    expect(calendarKeyAction('ArrowLeft', at, 0)).toEqual({ kind: 'move', to: d(2027, 1, 30) });
    expect(calendarKeyAction('ArrowDown', at, 0)).toEqual({ kind: 'move', to: d(2027, 2, 7) });
    expect(calendarKeyAction('ArrowUp', at, 0)).toEqual({ kind: 'move', to: d(2027, 1, 24) });
    expect(calendarKeyAction('PageDown', at, 0)).toEqual({ kind: 'move', to: d(2027, 2, 28) });
    expect(calendarKeyAction('PageUp', at, 0)).toEqual({ kind: 'move', to: d(2026, 12, 31) });
    // 31 Jan 2027 is a Sunday.
    expect(calendarKeyAction('Home', at, 0)).toEqual({ kind: 'move', to: at });
    expect(calendarKeyAction('End', at, 0)).toEqual({ kind: 'move', to: d(2027, 2, 6) });
    expect(calendarKeyAction('Home', at, 1)).toEqual({ kind: 'move', to: d(2027, 1, 25) });
    expect(calendarKeyAction('Enter', at, 0)).toEqual({ kind: 'select' });
    expect(calendarKeyAction('x', at, 0)).toBeNull();
  });

  it('Enter cycles through the schedules of the day', () => {
    expect(nextSelection(['a', 'b', 'c'], null)).toBe('a');
    expect(nextSelection(['a', 'b', 'c'], 'a')).toBe('b');
    expect(nextSelection(['a', 'b', 'c'], 'c')).toBe('a');
    expect(nextSelection(['a', 'b'], 'elsewhere')).toBe('a');
    expect(nextSelection([], 'a')).toBeNull();
  });
});
