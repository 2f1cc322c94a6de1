// The load view's list of upcoming runs that fall in their own profile's blackout windows, and the
// words a blackout window is shown in.
import { describe, expect, it, vi } from 'vitest';
import type { Blackout } from '@shared/fleet';
import type { PlannedSource } from '@renderer/load/fleet-sources';
import { blackoutRunsOf, blackoutWords } from '@renderer/load/blackout-runs';

function planned(profileId: string, timeExpression: string): PlannedSource {
  return {
    key: `${profileId}:${timeExpression}`,
    serverKey: 'engine.example.com:10502',
    profileId,
    environment: 'Production',
    timeExpression,
    serverTimeZone: 'UTC',
    durationMs: 10 * 60_000,
    orgId: `org-${profileId}`,
    source: {} as PlannedSource['source'],
  };
}

// Every day of the week, 00:00 to 24:00 UTC: every run is in it.
const always: Blackout = { kind: 'weekly', days: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '24:00', timeZone: 'UTC' };
const from = Date.parse('2026-12-01T00:00:00Z');
const to = Date.parse('2026-12-04T00:00:00Z');
const iso = (t: number) => new Date(t).toISOString();

describe('runs in a blackout window across a server', () => {
  it('lists the runs of every schedule in order of start, whatever the order of the schedules', () => {
    const r = blackoutRunsOf([planned('a', '0 0 9 ? * * *'), planned('b', '0 0 3 ? * * *')], from, to, () => [always]);
    expect(r.total).toBe(6);
    expect(r.runs.map((x) => [x.source.profileId, iso(x.start)])).toEqual([
      ['b', '2026-12-01T03:00:00.000Z'],
      ['a', '2026-12-01T09:00:00.000Z'],
      ['b', '2026-12-02T03:00:00.000Z'],
      ['a', '2026-12-02T09:00:00.000Z'],
      ['b', '2026-12-03T03:00:00.000Z'],
      ['a', '2026-12-03T09:00:00.000Z'],
    ]);
    expect(r.runs[0]?.blackout).toBe(always);
  });

  it('shows only the first runs up to the limit but counts them all', () => {
    const r = blackoutRunsOf([planned('a', '0 0 9 ? * * *'), planned('b', '0 0 3 ? * * *')], from, to, () => [always], 2);
    expect(r.total).toBe(6);
    expect(r.runs.map((x) => iso(x.start))).toEqual(['2026-12-01T03:00:00.000Z', '2026-12-01T09:00:00.000Z']);
  });

  it('asks for a profile’s blackout windows once, however many schedules it has', () => {
    const blackoutsOf = vi.fn((id: string) => (id === 'a' ? [always] : []));
    const r = blackoutRunsOf([planned('a', '0 0 9 ? * * *'), planned('a', '0 0 3 ? * * *'), planned('b', '0 0 5 ? * * *')], from, to, blackoutsOf);
    expect(blackoutsOf.mock.calls).toEqual([['a'], ['b']]);
    expect(r.total).toBe(6);
    expect(new Set(r.runs.map((x) => x.source.profileId))).toEqual(new Set(['a']));
  });
});

describe('a blackout window in words', () => {
  it('a weekly window: its days from Monday, its hours and its zone', () => {
    const b: Blackout = { kind: 'weekly', days: [7, 1, 2, 6, 4], start: '07:00', end: '19:00', timeZone: 'Europe/Berlin' };
    expect(blackoutWords(b)).toBe('Mon, Wed, Fri, Sat, Sun 07:00–19:00 Europe/Berlin');
  });

  it('every day of the week, named in order', () => {
    expect(blackoutWords(always)).toBe('Mon, Tue, Wed, Thu, Fri, Sat, Sun 00:00–24:00 UTC');
  });

  it('a labelled window starts with its label', () => {
    expect(blackoutWords({ kind: 'weekly', days: [3], start: '22:00', end: '23:30', timeZone: 'UTC', label: 'Backups' })).toBe('Backups: Tue 22:00–23:30 UTC');
  });

  it('a change freeze: its first and last days', () => {
    const freeze: Blackout = { kind: 'dates', from: '2026-12-20T00:00:00.000Z', to: '2027-01-04T23:59:59.000Z' };
    expect(blackoutWords(freeze)).toBe('change freeze 2026-12-20 to 2027-01-04');
    expect(blackoutWords({ ...freeze, label: 'Year end' })).toBe('Year end: change freeze 2026-12-20 to 2027-01-04');
  });
});
