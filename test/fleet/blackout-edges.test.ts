// Blackout windows: which runs fall in one (wall time of the blackout's zone, across a clock change), and
// what the form says about a window that cannot be used.
import { describe, expect, it } from 'vitest';
import { blackoutHit, blackoutProblem, inBlackout, type Blackout } from '@shared/fleet';
import { MIN } from './helpers';

const t = (iso: string): number => Date.parse(iso);
const weekly = (start: string, end: string, days = [1, 2, 3, 4, 5, 6, 7], timeZone = 'UTC'): Blackout => ({ kind: 'weekly', days, start, end, timeZone });
const hits = (start: string, minutes: number, b: Blackout): boolean => blackoutHit(t(start), t(start) + minutes * MIN, [b]) !== null;

describe('blackoutProblem', () => {
  it('accepts times with spaces around them, 23:59 and an end of 24:00', () => {
    expect(blackoutProblem(weekly(' 07:00 ', '09:00'))).toBeNull();
    expect(blackoutProblem(weekly('22:00', '23:59'))).toBeNull();
    expect(blackoutProblem(weekly('22:00', '24:00'))).toBeNull();
  });

  it('refuses times that are not HH:MM or not a time of day', () => {
    expect(blackoutProblem(weekly('x07:00', '09:00'))).toMatch(/must be HH:MM/);
    expect(blackoutProblem(weekly('07:00', '09:00pm'))).toMatch(/must be HH:MM/);
    expect(blackoutProblem(weekly('24:01', '09:00'))).toMatch(/not a time of day/);
    expect(blackoutProblem(weekly('07:00', '08:60'))).toMatch(/not a time of day/);
    expect(blackoutProblem(weekly('07:00', '7:00'))).toBe('The window starts and ends at the same time.');
  });

  it('needs valid days of the week: 1 (Sunday) to 7 (Saturday)', () => {
    expect(blackoutProblem(weekly('07:00', '09:00', [1, 7]))).toBeNull();
    for (const days of [[], [0], [8], [1.5], [2, 9]])
      expect(blackoutProblem(weekly('07:00', '09:00', days)), JSON.stringify(days)).toBe('Pick at least one day of the week.');
  });

  it('a change freeze needs two readable dates, the end after the start', () => {
    const dates = (from: string, to: string): Blackout => ({ kind: 'dates', from, to });
    expect(blackoutProblem(dates('2026-12-20T00:00:00Z', '2027-01-03T00:00:00Z'))).toBeNull();
    expect(blackoutProblem(dates('soon', '2027-01-03T00:00:00Z'))).toBe('A change freeze needs a start and an end date.');
    expect(blackoutProblem(dates('2026-12-20T00:00:00Z', 'later'))).toBe('A change freeze needs a start and an end date.');
    expect(blackoutProblem(dates('2026-12-20T00:00:00Z', '2026-12-20T00:00:00Z'))).toBe('A change freeze must end after it starts.');
  });
});

describe('blackoutHit: weekly windows', () => {
  it('a run before a window with minutes in its start does not touch it', () => {
    expect(hits('2026-12-01T07:10:00Z', 10, weekly('07:30', '08:00'))).toBe(false);
    expect(hits('2026-12-01T07:25:00Z', 10, weekly('07:30', '08:00'))).toBe(true);
  });

  it('a run ending as the window opens is clear; one starting as it closes is clear', () => {
    expect(hits('2026-12-01T06:30:00Z', 30, weekly('07:00', '08:00'))).toBe(false);
    expect(hits('2026-12-01T08:00:00Z', 30, weekly('07:00', '08:00'))).toBe(false);
  });

  it('a long run swallowing a short window is caught', () => {
    expect(hits('2026-12-01T06:00:00Z', 30, weekly('06:15', '06:20'))).toBe(true);
  });

  it('a run is not stretched before its start nor after its end', () => {
    expect(hits('2026-12-01T06:00:00Z', 30, weekly('05:30', '05:45'))).toBe(false);
    expect(hits('2026-12-01T06:00:00Z', 30, weekly('06:45', '07:00'))).toBe(false);
  });

  it('Saturday 22:00 to 02:00 reaches into Sunday morning (across the week’s end)', () => {
    const saturdayNight = weekly('22:00', '02:00', [7]);
    expect(hits('2026-12-06T01:00:00Z', 10, saturdayNight)).toBe(true); // Sunday 01:00
    expect(hits('2026-12-06T02:00:00Z', 10, saturdayNight)).toBe(false);
    expect(hits('2026-12-05T21:00:00Z', 30, saturdayNight)).toBe(false);
  });

  it('an end equal to the start is read as a whole day, on to the same time next day', () => {
    const tuesday = weekly('22:00', '22:00', [3]);
    expect(hits('2026-12-02T10:00:00Z', 10, tuesday)).toBe(true); // Wednesday 10:00
    expect(hits('2026-12-01T10:00:00Z', 10, tuesday)).toBe(false); // Tuesday 10:00, before it opens
  });

  it('spring forward in Berlin: a run from 01:50 to 03:10 local touches 03:00-04:00', () => {
    const morning = weekly('03:00', '04:00', [1], 'Europe/Berlin'); // Sunday
    expect(hits('2026-03-29T00:50:00Z', 20, morning)).toBe(true);
    expect(hits('2026-03-29T00:30:00Z', 20, morning)).toBe(false); // 01:30 .. 01:50 CET
  });
});

describe('blackoutHit and inBlackout: change freezes', () => {
  const freeze: Blackout = { kind: 'dates', from: '2026-12-20T00:00:00Z', to: '2027-01-03T00:00:00Z' };

  it('a run ending as the freeze begins is clear; an instant at its first moment is inside', () => {
    expect(blackoutHit(t('2026-12-19T23:00:00Z'), t('2026-12-20T00:00:00Z'), [freeze])).toBeNull();
    expect(blackoutHit(t('2026-12-20T00:00:00Z'), t('2026-12-20T00:00:00Z'), [freeze])).toBe(freeze);
    expect(inBlackout(t('2026-12-20T00:00:00Z'), [freeze])).toBe(true);
    expect(inBlackout(new Date('2027-01-03T00:00:00Z'), [freeze])).toBe(false);
  });
});
