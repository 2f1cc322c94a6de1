// Load per server: runs in progress per bucket, against fire times from the real engine.
import { describe, expect, it } from 'vitest';
import { expandWindow } from '@shared/cron';
import { computeLoad, RunCache, runsInWindow } from '@shared/fleet';
import { DAY, H, MIN, source } from './helpers';

const at = (iso: string): Date => new Date(iso);
const hourOf = (iso: string, from: string): number => (Date.parse(iso) - Date.parse(from)) / H;

describe('computeLoad', () => {
  it('finds a known pile-up: five orgs at 04:00 plus one run spilling over from 03:45', () => {
    const sources = [1, 2, 3, 4, 5].map(() => source('0 0 4 * * ?')).concat(source('0 45 3 * * ?'), source('0 0 10 * * ?', { serverKey: 'engine-b:443' }));
    const from = '2026-12-01T00:00:00Z';
    const load = computeLoad({ sources, from: at(from), to: at('2026-12-03T00:00:00Z'), bucketMs: H });
    expect(load.bucketStarts).toHaveLength(48);
    const a = load.servers.find((s) => s.serverKey === 'engine-a.example.com:10502')!;
    expect(a.peak).toBe(6);
    const four = hourOf('2026-12-01T04:00:00Z', from);
    expect(a.cells.busy[four]).toBe(6); // five starting plus the 03:45 run still in progress
    expect(a.cells.starts[four]).toBe(5);
    expect(a.cells.busy[four - 1]).toBe(1);
    expect(a.cells.busy[four + 1]).toBe(0);
    expect(a.cells.busy[four + 24]).toBe(6);
    expect(load.servers.map((s) => s.serverKey)).toEqual(['engine-a.example.com:10502', 'engine-b:443']);
    expect(load.servers[1]!.cells.busy.reduce((x, y) => x + y, 0)).toBe(2);
  });

  it('splits a server by environment and names the runs of a cell', () => {
    const prod = source('0 0 4 * * ?', { environment: 'production' });
    const test = source('0 10 4 * * ?', { environment: 'test' });
    const load = computeLoad({ sources: [prod, test], from: at('2026-12-01T00:00:00Z'), to: at('2026-12-02T00:00:00Z'), bucketMs: H });
    const s = load.servers[0]!;
    expect(s.environments.map((e) => e.environment)).toEqual(['production', 'test']);
    expect(s.environments.map((e) => e.cells.busy[4])).toEqual([1, 1]);
    const cell = runsInWindow([prod, test], at('2026-12-01T04:00:00Z'), at('2026-12-01T05:00:00Z'));
    expect(cell.runs.map((r) => [r.key, new Date(r.start).toISOString()])).toEqual([
      [prod.key, '2026-12-01T04:00:00.000Z'],
      [test.key, '2026-12-01T04:10:00.000Z'],
    ]);
  });

  it("spring-forward day in New York: 23 hourly buckets, each with the engine's runs", () => {
    const hourly = source('0 0 * * * ?', { serverTimeZone: 'America/New_York', durationMs: 10 * MIN });
    const skipped = source('0 30 2 * * ?', { serverTimeZone: 'America/New_York' });
    const from = at('2026-03-08T05:00:00Z'); // local midnight, EST
    const to = at('2026-03-09T04:00:00Z'); // next local midnight, EDT
    const load = computeLoad({ sources: [hourly, skipped], from, to, bucketMs: H, timeZone: 'America/New_York' });
    expect(load.bucketStarts).toHaveLength(23);
    const s = load.servers[0]!;
    const engine = expandWindow(hourly.timeExpression, { from, to, timeZone: 'America/New_York', limit: 100 }).total;
    expect(s.cells.starts.reduce((x, y) => x + y, 0)).toBe(
      engine + expandWindow(skipped.timeExpression, { from, to, timeZone: 'America/New_York', limit: 10 }).total,
    );
    expect(s.cells.starts).toEqual(
      load.bucketStarts.map(
        (b) => expandWindow(hourly.timeExpression, { from: new Date(b), to: new Date(b + H), timeZone: 'America/New_York', limit: 5 }).total,
      ),
    );
    // The week summary on New York's wall clock has no 02:00 on that Sunday.
    expect(s.weekHour.starts[0]![2]).toBe(0);
    expect(s.weekHour.starts[0]![3]).toBe(1);
  });

  it('fall-back day in New York: 25 hourly buckets; the repeated hour holds what Quartz fires', () => {
    const hourly = source('0 0 * * * ?', { serverTimeZone: 'America/New_York', durationMs: 90 * MIN });
    const from = at('2026-11-01T04:00:00Z');
    const to = at('2026-11-02T05:00:00Z');
    const load = computeLoad({ sources: [hourly], from, to, bucketMs: H, timeZone: 'America/New_York' });
    expect(load.bucketStarts).toHaveLength(25);
    const s = load.servers[0]!;
    const starts = load.bucketStarts.map(
      (b) => expandWindow(hourly.timeExpression, { from: new Date(b), to: new Date(b + H), timeZone: 'America/New_York', limit: 5 }).total,
    );
    expect(s.cells.starts).toEqual(starts);
    // 90-minute runs: each bucket holds its own start and the previous run, except where a fire is missing.
    const fires = expandWindow(hourly.timeExpression, { from: new Date(from.getTime() - 90 * MIN + 1), to, timeZone: 'America/New_York', limit: 100 }).runs.map(
      (d) => d.getTime(),
    );
    const busy = load.bucketStarts.map((b) => fires.filter((t) => t < b + H && t + 90 * MIN > b).length);
    expect(s.cells.busy).toEqual(busy);
    expect(s.weekHour.starts[0]!.reduce((x, y) => x + y, 0)).toBe(
      expandWindow(hourly.timeExpression, { from, to, timeZone: 'America/New_York', limit: 100 }).total,
    );
  });

  it('an every-second schedule counts exactly without building its runs', () => {
    const every = source('* * * * * ?', { durationMs: 1000 });
    const long = source('* * * * * ?', { durationMs: 10 * MIN });
    const t0 = performance.now();
    const load = computeLoad({ sources: [every, long], from: at('2026-12-01T00:00:00Z'), to: at('2026-12-03T00:00:00Z'), bucketMs: H });
    expect(performance.now() - t0).toBeLessThan(2000);
    const s = load.servers[0]!;
    expect(s.dense.sort()).toEqual([every.key, long.key].sort());
    expect(s.environments[0]!.cells.starts.every((n) => n === 7200)).toBe(true); // two schedules x 3,600
    expect(s.cells.starts.reduce((x, y) => x + y, 0)).toBe(2 * 2 * 86_400);
    // Runs in progress during an hour: 3,600 starting in it, plus those started within a duration before it.
    expect(s.cells.busy[5]).toBe(3600 + (3600 + 599));
    expect(s.cells.busy[0]).toBe(3600 + (3600 + 599)); // runs started before the window still count
  });

  it('a week-by-hour summary folds the days onto wall hours of the chosen zone', () => {
    const daily = source('0 0 4 * * ?', { durationMs: 2 * H });
    const load = computeLoad({ sources: [daily], from: at('2026-11-30T00:00:00Z'), to: at('2026-12-14T00:00:00Z'), bucketMs: 6 * H, timeZone: 'Asia/Kolkata' });
    const wh = load.servers[0]!.weekHour;
    // 04:00 UTC is 09:30 in India: the two-hour run touches 09, 10 and 11 there, every day of two weeks.
    for (let d = 0; d < 7; d++) {
      expect(wh.starts[d]![9]).toBe(2);
      expect([wh.busy[d]![9], wh.busy[d]![10], wh.busy[d]![11], wh.busy[d]![12]]).toEqual([2, 2, 2, 0]);
    }
    expect(load.servers[0]!.cells.busy).toHaveLength(14 * 4);
  });

  it('a cache kept across calls gives the same load when the filter drops a schedule', () => {
    const sources = [source('0 0 4 * * ?'), source('0 0 4 * * ?', { environment: 'test' }), source('0 30 4 ? * MON')];
    const window = { from: at('2026-12-01T00:00:00Z'), to: at('2026-12-15T00:00:00Z'), bucketMs: H };
    const cache = new RunCache();
    expect(computeLoad({ ...window, sources, cache })).toEqual(computeLoad({ ...window, sources }));
    const fewer = sources.slice(1);
    expect(computeLoad({ ...window, sources: fewer, cache })).toEqual(computeLoad({ ...window, sources: fewer }));
    expect(computeLoad({ ...window, sources: fewer, cache }).servers[0]!.cells.starts.reduce((x, y) => x + y, 0)).toBe(14 + 2);
  });

  it('skips unreadable schedules and refuses unusable windows', () => {
    const load = computeLoad({
      sources: [source('bad'), source('0 0 4 * * ?')],
      from: at('2026-12-01T00:00:00Z'),
      to: at('2026-12-02T00:00:00Z'),
      bucketMs: H,
    });
    expect(load.skipped).toHaveLength(1);
    expect(() => computeLoad({ sources: [], from: at('2026-12-02T00:00:00Z'), to: at('2026-12-01T00:00:00Z'), bucketMs: H })).toThrow(/start before its end/);
    expect(() => computeLoad({ sources: [], from: at('2026-01-01T00:00:00Z'), to: at('2027-01-01T00:00:00Z'), bucketMs: MIN })).toThrow(/too many/);
    expect(DAY).toBe(86_400_000);
  });
});
