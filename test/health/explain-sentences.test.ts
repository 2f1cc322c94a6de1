// The words an administrator reads in a health tooltip, a notification and the All-profiles summary.
import { describe, expect, it } from 'vitest';
import { countGroupsByWorst, describeHealthCounts, explainHealth, formatLateness, type ScheduleHealth } from '@shared/health';

const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;
const hhmm = (iso: string): string => iso.slice(11, 16);
const say = (h: ScheduleHealth): string => explainHealth(h, hhmm);
const UNKNOWN = 'Health unknown: the schedule is inactive, its expression or zone cannot be read, or no run history is known';

describe('formatLateness', () => {
  it('seconds up to 59, then minutes', () => {
    expect(formatLateness(59 * S)).toBe('59 s');
    expect(formatLateness(60 * S)).toBe('1 min');
    expect(formatLateness(-45 * S)).toBe('45 s');
  });

  it('minutes up to 59, then hours with the minutes left over', () => {
    expect(formatLateness(59 * MIN)).toBe('59 min');
    expect(formatLateness(60 * MIN)).toBe('1 h');
    expect(formatLateness(72 * MIN)).toBe('1 h 12 min');
    expect(formatLateness(2 * H)).toBe('2 h');
  });

  it('hours up to 47, then days with the hours left over', () => {
    expect(formatLateness(47 * H + 30 * MIN)).toBe('47 h 30 min');
    expect(formatLateness(48 * H)).toBe('2 d');
    expect(formatLateness(76 * H)).toBe('3 d 4 h');
  });
});

describe('explainHealth', () => {
  it('an on-time run within half a minute reads "on the minute"; at 30 s it is counted', () => {
    expect(say({ verdict: 'on-time', expectedAt: '2026-12-01T04:00:00Z', executedAt: '2026-12-01T04:00:29Z' })).toBe(
      'Expected 04:00, ran 04:00 (on the minute)',
    );
    expect(say({ verdict: 'on-time', expectedAt: '2026-12-01T04:00:00Z', executedAt: '2026-12-01T04:00:30Z' })).toBe('Expected 04:00, ran 04:00 (30 s late)');
  });

  it('a run a little before its fire reads early, a late one late', () => {
    expect(say({ verdict: 'on-time', expectedAt: '2026-12-01T04:00:00Z', executedAt: '2026-12-01T03:58:00Z' })).toBe('Expected 04:00, ran 03:58 (2 min early)');
    expect(say({ verdict: 'late', expectedAt: '2026-12-01T04:00:00Z', executedAt: '2026-12-01T05:12:00Z' })).toBe(
      'Expected 04:00, ran 05:12 (1 h 12 min late)',
    );
  });

  it('on time or late without both instants says health is unknown', () => {
    expect(say({ verdict: 'on-time', expectedAt: null, executedAt: '2026-12-01T04:00:00Z' })).toBe(UNKNOWN);
    expect(say({ verdict: 'late', expectedAt: '2026-12-01T04:00:00Z', executedAt: null })).toBe(UNKNOWN);
  });

  it('missed names the expected fire and the latest run, or that it never ran', () => {
    expect(say({ verdict: 'missed', expectedAt: '2026-12-01T04:00:00Z', executedAt: '2026-11-20T04:01:00Z' })).toBe(
      'Expected 04:00, did not run (latest run 04:01)',
    );
    expect(say({ verdict: 'missed', expectedAt: '2026-12-01T04:00:00Z', executedAt: null })).toBe('Expected 04:00, did not run (it has never run)');
    expect(say({ verdict: 'missed', expectedAt: null, executedAt: null })).toBe(UNKNOWN);
  });

  it('an extra run is called manual or event-triggered, with the expected fire when there is one', () => {
    expect(say({ verdict: 'extra', expectedAt: null, executedAt: '2026-12-01T09:15:00Z' })).toBe('Ran 09:15 outside the schedule (manual or event-triggered)');
    expect(say({ verdict: 'extra', expectedAt: '2026-12-02T04:00:00Z', executedAt: '2026-12-01T09:15:00Z' })).toBe(
      'Ran 09:15 outside the schedule (manual or event-triggered); expected fire 04:00',
    );
    expect(say({ verdict: 'extra', expectedAt: '2026-12-02T04:00:00Z', executedAt: null })).toBe(UNKNOWN);
  });

  it('not due yet, with the first expected fire when known', () => {
    expect(say({ verdict: 'not-due', expectedAt: '2026-12-02T04:00:00Z', executedAt: null })).toBe('Not due yet: first expected 04:00');
    expect(say({ verdict: 'not-due', expectedAt: null, executedAt: null })).toBe('Not due yet');
  });

  it('never-fires and unknown have their own sentences', () => {
    expect(say({ verdict: 'never-fires', expectedAt: null, executedAt: null })).toBe('This expression never fires: no date matches it');
    expect(say({ verdict: 'unknown', expectedAt: '2026-12-01T04:00:00Z', executedAt: '2026-12-01T04:00:00Z' })).toBe(UNKNOWN);
  });
});

describe('All-profiles summary', () => {
  it('an org with a missed schedule listed before an on-time one counts as missed, once', () => {
    const counts = countGroupsByWorst([
      { group: 'acme', verdict: 'missed' },
      { group: 'acme', verdict: 'on-time' },
      { group: 'acme', verdict: 'on-time' },
    ]);
    expect(counts.missed).toBe(1);
    expect(counts['on-time']).toBe(0);
    expect(describeHealthCounts(counts)).toBe('1 org missed');
  });

  it('twelve orgs take the plural noun', () => {
    const entries = Array.from({ length: 12 }, (_, i) => ({ group: `org${i}`, verdict: 'late' as const }));
    expect(describeHealthCounts(countGroupsByWorst(entries), ['profile', 'profiles'])).toBe('12 profiles late');
  });
});
