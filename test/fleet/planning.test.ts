// Overlaps, quiet slots, blackout windows and server keys, with fire times from the real engine.
import { describe, expect, it } from 'vitest';
import { expandWindow } from '@shared/cron';
import { blackoutProblem, findOverlaps, inBlackout, runsInBlackout, serverKeyOf, suggestSlots, type Blackout } from '@shared/fleet';
import { DAY, H, MIN, source } from './helpers';

const at = (iso: string): Date => new Date(iso);
const FROM = at('2026-12-01T00:00:00Z');

describe('serverKeyOf', () => {
  it('is host:port, lower case, with the default port made explicit', () => {
    expect(serverKeyOf('https://AtScale.Example.com:10502/engine')).toBe('atscale.example.com:10502');
    expect(serverKeyOf('https://atscale.example.com')).toBe('atscale.example.com:443');
    expect(serverKeyOf('http://atscale.example.com/api?x=1')).toBe('atscale.example.com:80');
    expect(serverKeyOf(' https://admin@[::1]:8443 ')).toBe('[::1]:8443');
    expect(serverKeyOf('not a url')).toBe('not a url');
  });
});

describe('findOverlaps', () => {
  it('lists which runs overlap on one server and for how long', () => {
    const a = source('0 0 4 * * ?');
    const b = source('0 20 4 * * ?');
    const elsewhere = source('0 10 4 * * ?', { serverKey: 'other:443' });
    const r = findOverlaps({ sources: [a, b, elsewhere], from: FROM, to: new Date(FROM.getTime() + 3 * DAY) });
    expect(r.total).toBe(3);
    expect(r.overlaps.map((o) => [o.a.key, o.b.key, new Date(o.start).toISOString(), o.overlapMs / MIN])).toEqual([
      [a.key, b.key, '2026-12-01T04:20:00.000Z', 10],
      [a.key, b.key, '2026-12-02T04:20:00.000Z', 10],
      [a.key, b.key, '2026-12-03T04:20:00.000Z', 10],
    ]);
  });

  it('a run inside a longer one overlaps for its own length; a schedule never collides with itself', () => {
    const long = source('0 0 1 * * ?', { durationMs: 3 * H });
    const short = source('0 30 2 * * ?', { durationMs: 15 * MIN });
    const self = source('0 0/5 * * * ?', { serverKey: 'lonely:443' });
    const r = findOverlaps({ sources: [long, short, self], from: FROM, to: new Date(FROM.getTime() + DAY) });
    expect(r.overlaps.map((o) => o.overlapMs)).toEqual([15 * MIN]);
  });

  it("involving: only the candidate's collisions (the create dialog)", () => {
    const x = source('0 0 4 * * ?'),
      y = source('0 10 4 * * ?'),
      candidate = source('0 15 4 * * ?');
    const r = findOverlaps({ sources: [x, y, candidate], from: FROM, to: new Date(FROM.getTime() + DAY), involving: candidate.key });
    expect(r.overlaps.map((o) => [o.a.key, o.overlapMs / MIN])).toEqual([
      [x.key, 15],
      [y.key, 25],
    ]);
  });
});

describe('inBlackout', () => {
  const business: Blackout = { kind: 'weekly', days: [2, 3, 4, 5, 6], start: '07:00', end: '19:00', timeZone: 'America/New_York' };
  const night: Blackout = { kind: 'weekly', days: [6], start: '22:00', end: '06:00', timeZone: 'UTC' };
  const freeze: Blackout = { kind: 'dates', from: '2026-12-20T00:00:00Z', to: '2027-01-04T00:00:00Z', label: 'Year-end freeze' };

  it("weekly windows are read on their own zone's wall clock, end exclusive", () => {
    expect(inBlackout(at('2026-11-30T17:00:00Z'), [business])).toBe(true); // Monday 12:00 in New York
    expect(inBlackout(at('2026-11-30T12:00:00Z'), [business])).toBe(true); // Monday 07:00
    expect(inBlackout(at('2026-11-30T11:59:00Z'), [business])).toBe(false); // Monday 06:59
    expect(inBlackout(at('2026-12-01T00:00:00Z'), [business])).toBe(false); // Monday 19:00
    expect(inBlackout(at('2026-12-05T17:00:00Z'), [business])).toBe(false); // Saturday
    expect(inBlackout(at('2026-07-06T11:30:00Z'), [business])).toBe(true); // Monday 07:30 EDT
  });

  it('a window ending at or before its start runs past midnight', () => {
    expect(inBlackout(at('2026-12-04T23:00:00Z'), [night])).toBe(true); // Friday 23:00
    expect(inBlackout(at('2026-12-05T03:00:00Z'), [night])).toBe(true); // Saturday 03:00
    expect(inBlackout(at('2026-12-05T06:00:00Z'), [night])).toBe(false);
    expect(inBlackout(at('2026-12-04T03:00:00Z'), [night])).toBe(false); // Friday 03:00 (Thursday is not listed)
  });

  it('names what is wrong with an unusable window', () => {
    expect(blackoutProblem(business)).toBeNull();
    expect(blackoutProblem(freeze)).toBeNull();
    expect(blackoutProblem({ ...business, days: [] })).toMatch(/day of the week/);
    expect(blackoutProblem({ ...business, days: [8] })).toMatch(/day of the week/);
    expect(blackoutProblem({ ...business, start: '7am' })).toMatch(/HH:MM/);
    expect(blackoutProblem({ ...business, end: '07:00' })).toMatch(/same time/);
    expect(blackoutProblem({ ...business, timeZone: 'Mars/Base' })).toMatch(/Unknown time zone 'Mars\/Base'/);
    expect(blackoutProblem({ kind: 'dates', from: '2027-01-04T00:00:00Z', to: '2026-12-20T00:00:00Z' })).toMatch(/end after it starts/);
  });

  it('flags the runs of a schedule that touch a blackout, including one that only ends inside it', () => {
    const nightly = source('0 0 4 * * ?', { serverTimeZone: 'America/New_York', durationMs: 4 * H });
    const hits = runsInBlackout(nightly, [business, freeze], at('2026-12-14T00:00:00Z'), at('2026-12-22T00:00:00Z'));
    // Weekdays: 04:00-08:00 New York overlaps business hours from 07:00; from 20 December the freeze.
    expect(hits.map((h) => [new Date(h.start).toISOString().slice(0, 10), h.blackout.kind])).toEqual([
      ['2026-12-14', 'weekly'],
      ['2026-12-15', 'weekly'],
      ['2026-12-16', 'weekly'],
      ['2026-12-17', 'weekly'],
      ['2026-12-18', 'weekly'],
      ['2026-12-20', 'dates'],
      ['2026-12-21', 'weekly'],
    ]);
    expect(runsInBlackout({ ...nightly, durationMs: H }, [business], at('2026-12-14T00:00:00Z'), at('2026-12-22T00:00:00Z'))).toEqual([]);
  });

  it('date windows: from inclusive, to exclusive', () => {
    expect(inBlackout(at('2026-12-20T00:00:00Z'), [freeze])).toBe(true);
    expect(inBlackout(at('2027-01-04T00:00:00Z'), [freeze])).toBe(false);
    expect(inBlackout(at('2026-12-19T23:59:59Z'), [business, freeze])).toBe(false); // a Saturday
  });
});

describe('suggestSlots', () => {
  const pileUp = Array.from({ length: 10 }, () => source('0 0 4 * * ?'));
  const spread = ['0 0 1 * * ?', '0 0 2 * * ?', '0 0 3 * * ?', '0 0 5 * * ?'].map((e) => source(e, { durationMs: 45 * MIN }));

  it('avoids the pile-up: the best daily slots overlap nothing, ready as Quartz expressions', () => {
    const slots = suggestSlots({ existing: [...pileUp, ...spread], durationMs: 30 * MIN, blackouts: [], timeZone: 'UTC', kind: 'daily', count: 3, from: FROM });
    expect(slots).toHaveLength(3);
    for (const s of slots) {
      expect(s.timeExpression).toBe(`0 ${s.minute} ${s.hour} ? * *`);
      expect(s.overlapMinutes).toBe(0);
      expect(s.runs).toBe(28);
      const candidate = source(s.timeExpression);
      expect(
        findOverlaps({ sources: [...pileUp, ...spread, candidate], from: FROM, to: new Date(FROM.getTime() + 28 * DAY), involving: candidate.key }).total,
      ).toBe(0);
    }
    // Suggestions stay at least an hour apart.
    const minutes = slots.map((s) => s.hour * 60 + s.minute).sort((a, b) => a - b);
    for (let i = 1; i < minutes.length; i++) expect(minutes[i]! - minutes[i - 1]!).toBeGreaterThanOrEqual(60);
  });

  it('when every slot collides, picks the least overlap and says how much', () => {
    const hourly = source('0 0 * * * ?', { durationMs: 30 * MIN });
    const [best] = suggestSlots({ existing: [hourly], durationMs: 45 * MIN, blackouts: [], timeZone: 'UTC', kind: 'daily', count: 1, from: FROM });
    expect([15, 30]).toContain(best!.minute); // 45 minutes between two 30-minute runs an hour apart: 15 minutes overlap at best
    expect(best!.overlapMinutes).toBe(15 * 28);
    expect(best!.score).toBeLessThan(100);
  });

  it('keeps every run of a suggestion outside the blackouts', () => {
    const business: Blackout = { kind: 'weekly', days: [1, 2, 3, 4, 5, 6, 7], start: '06:00', end: '23:00', timeZone: 'America/New_York' };
    const slots = suggestSlots({
      existing: pileUp,
      durationMs: 30 * MIN,
      blackouts: [business],
      timeZone: 'America/New_York',
      kind: 'daily',
      count: 5,
      from: FROM,
    });
    expect(slots.length).toBeGreaterThan(0);
    for (const s of slots) {
      const fires = expandWindow(s.timeExpression, { from: FROM, to: new Date(FROM.getTime() + 28 * DAY), timeZone: 'America/New_York', limit: 100 }).runs;
      for (const f of fires) {
        expect(inBlackout(f, [business])).toBe(false);
        expect(inBlackout(new Date(f.getTime() + 30 * MIN - 1), [business])).toBe(false);
      }
      // 04:00 UTC is 23:00 in New York: the pile-up sits in the only open hours.
      expect(s.overlapMinutes).toBe(0);
    }
  });

  it('a freeze over the whole horizon leaves no slot', () => {
    const freeze: Blackout = { kind: 'dates', from: '2026-11-01T00:00:00Z', to: '2027-02-01T00:00:00Z' };
    expect(suggestSlots({ existing: [], durationMs: 30 * MIN, blackouts: [freeze], timeZone: 'UTC', kind: 'weekly', count: 3, from: FROM })).toEqual([]);
  });

  it('weekly slots name their day and avoid a weekly pile-up', () => {
    const sundays = Array.from({ length: 5 }, () => source('0 0 3 ? * SUN', { durationMs: 2 * H }));
    const slots = suggestSlots({ existing: sundays, durationMs: H, blackouts: [], timeZone: 'UTC', kind: 'weekly', count: 3, from: FROM });
    expect(slots).toHaveLength(3);
    for (const s of slots) {
      expect(s.timeExpression).toMatch(/^0 \d+ \d+ \? \* (SUN|MON|TUE|WED|THU|FRI|SAT)$/);
      expect(s.runs).toBe(4);
      expect(s.overlapMinutes).toBe(0);
      expect(s.dayOfWeek === 1 && s.hour >= 2 && s.hour < 5).toBe(false);
    }
  });

  it('an every-second neighbour does not explode the search', () => {
    const busy = source('* * 0-11 * * ?', { durationMs: 1000 });
    const t0 = performance.now();
    const [best] = suggestSlots({ existing: [busy], durationMs: 30 * MIN, blackouts: [], timeZone: 'UTC', kind: 'daily', count: 1, from: FROM });
    expect(performance.now() - t0).toBeLessThan(3000);
    expect(best!.hour).toBeGreaterThanOrEqual(12);
    expect(best!.overlapMinutes).toBe(0);
  });
});
