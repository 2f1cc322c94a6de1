// The words, validation and next runs the UI shows for an expression: never a crash for an expression
// the server sent that cannot be read, and times in 24-hour form in the schedule's zone.
import { describe, expect, it, vi } from 'vitest';
import { describe as describeExpression, nextRun, upcoming, validate } from '@renderer/common/schedule-info';

describe('the description shown for an expression', () => {
  it('words afternoon times on the 24-hour clock', () => {
    expect(describeExpression('0 30 16 ? * *')).toBe('At 16:30');
  });

  it('words in English where the app has no user locale to read', async () => {
    vi.stubGlobal('navigator', undefined);
    vi.resetModules();
    try {
      const fresh = await import('@renderer/common/schedule-info');
      expect(fresh.describe('0 30 16 ? * *')).toBe('At 16:30');
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('shows the same words each time the expression is drawn', () => {
    expect(describeExpression('0 0 4 ? * MON-FRI')).toBe(describeExpression('0 0 4 ? * MON-FRI'));
  });

  it('shows a message instead of failing when the server sent no expression at all', () => {
    const missing = null as unknown as string;
    const text = describeExpression(missing);
    expect(text.startsWith('Cannot describe: ')).toBe(true);
    expect(text.length).toBeGreaterThan('Cannot describe: '.length);
  });
});

describe('validation of an expression', () => {
  it('accepts a well-formed expression', () => {
    expect(validate('0 0 4 ? * *')).toEqual({ ok: true });
  });

  it('names the field and the problem of a malformed one', () => {
    expect(validate('0 0 25 ? * *')).toEqual({ ok: false, field: 'hours', message: 'Hours: 25 is out of range 0-23.' });
  });
});

describe('the next runs shown for an expression', () => {
  it('lists fire times strictly after the given instant, in the schedule zone', () => {
    // 16:00 in Berlin is 15:00Z in winter; a run at exactly `after` is not upcoming.
    const runs = upcoming('0 0 16 ? * *', 'Europe/Berlin', new Date('2026-12-02T15:00:00Z'), 2);
    expect(runs.map((d) => d.toISOString())).toEqual(['2026-12-03T15:00:00.000Z', '2026-12-04T15:00:00.000Z']);
  });

  it('lists nothing for an expression the engine refuses', () => {
    expect(upcoming('0 0 25 ? * *', 'UTC', new Date('2026-12-02T15:00:00Z'), 3)).toEqual([]);
  });

  it('moves on to the following run once the next one has fired', () => {
    const expr = '0 0 16 ? * *';
    expect(nextRun(expr, 'Europe/Berlin', new Date('2026-12-02T10:00:00Z'))?.toISOString()).toBe('2026-12-02T15:00:00.000Z');
    expect(nextRun(expr, 'Europe/Berlin', new Date('2026-12-02T14:59:59Z'))?.toISOString()).toBe('2026-12-02T15:00:00.000Z');
    expect(nextRun(expr, 'Europe/Berlin', new Date('2026-12-02T15:00:00Z'))?.toISOString()).toBe('2026-12-03T15:00:00.000Z');
    expect(nextRun(expr, 'Europe/Berlin', new Date('2026-12-02T15:30:00Z'))?.toISOString()).toBe('2026-12-03T15:00:00.000Z');
  });

  it('answers for an earlier instant after a later one was asked (a shifted view)', () => {
    const expr = '0 0 6 ? * *';
    expect(nextRun(expr, 'UTC', new Date('2026-12-05T07:00:00Z'))?.toISOString()).toBe('2026-12-06T06:00:00.000Z');
    expect(nextRun(expr, 'UTC', new Date('2026-12-01T07:00:00Z'))?.toISOString()).toBe('2026-12-02T06:00:00.000Z');
  });

  it('keeps zones apart for the same expression', () => {
    const at = new Date('2026-12-02T00:00:00Z');
    expect(nextRun('0 0 9 ? * *', 'UTC', at)?.toISOString()).toBe('2026-12-02T09:00:00.000Z');
    expect(nextRun('0 0 9 ? * *', 'Asia/Tokyo', at)?.toISOString()).toBe('2026-12-03T00:00:00.000Z');
  });

  it('shows no next run for a schedule that never fires again or cannot be read', () => {
    const now = new Date('2026-12-02T10:00:00Z');
    expect(nextRun('0 0 16 ? * * 2020', 'UTC', now)).toBeNull();
    expect(nextRun('0 0 16 ? * * 2020', 'UTC', new Date('2026-12-03T10:00:00Z'))).toBeNull();
    expect(nextRun('0 0 25 ? * *', 'UTC', now)).toBeNull();
  });

  it('stops at the last run of a schedule limited to one year', () => {
    const expr = '0 0 12 31 DEC ? 2026';
    expect(nextRun(expr, 'UTC', new Date('2026-12-30T00:00:00Z'))?.toISOString()).toBe('2026-12-31T12:00:00.000Z');
    expect(nextRun(expr, 'UTC', new Date('2026-12-31T12:00:00Z'))).toBeNull();
  });
});
