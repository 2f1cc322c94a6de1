// The load view asks again with a RunCache whenever the window changes: a changed schedule must never be
// answered with the grouping of the schedules it had before.
import { describe, expect, it } from 'vitest';
import { computeLoad, RunCache, type FleetSource } from '@shared/fleet';
import { H, MIN, source } from './helpers';

const at = (iso: string): Date => new Date(iso);
const window = { from: at('2026-12-01T00:00:00Z'), to: at('2026-12-02T00:00:00Z'), bucketMs: H };
const busyHours = (busy: number[]): number[] => busy.flatMap((v, i) => (v > 0 ? [i] : []));

function twice(before: FleetSource[], after: FleetSource[]) {
  const cache = new RunCache();
  computeLoad({ sources: before, ...window, cache });
  return { cached: computeLoad({ sources: after, ...window, cache }), fresh: computeLoad({ sources: after, ...window }) };
}

describe('grouping kept with a RunCache', () => {
  const base = (): FleetSource => ({
    key: 'p1/job1',
    serverKey: 'engine-a:443',
    profileId: 'p1',
    environment: 'production',
    timeExpression: '0 0 4 * * ?',
    serverTimeZone: 'UTC',
    durationMs: 30 * MIN,
  });

  it('the same schedules asked again give the same load', () => {
    const { cached, fresh } = twice([base()], [base()]);
    expect(cached.servers).toEqual(fresh.servers);
    expect(busyHours(cached.servers[0]!.cells.busy)).toEqual([4]);
  });

  it('a longer run length is seen: the run now fills three hours', () => {
    const { cached } = twice([base()], [{ ...base(), durationMs: 150 * MIN }]);
    expect(busyHours(cached.servers[0]!.cells.busy)).toEqual([4, 5, 6]);
  });

  it('a renamed schedule is listed under its new key', () => {
    const { cached } = twice([base()], [{ ...base(), key: 'p1/job2' }]);
    expect(cached.servers[0]!.sourceKeys).toEqual(['p1/job2']);
  });

  it('a schedule moved to another server is counted there', () => {
    const { cached } = twice([base()], [{ ...base(), serverKey: 'engine-b:443' }]);
    expect(cached.servers.map((s) => s.serverKey)).toEqual(['engine-b:443']);
  });

  it('a schedule moved to another environment is shown under it', () => {
    const { cached } = twice([base()], [{ ...base(), environment: 'test' }]);
    expect(cached.servers[0]!.environments.map((e) => e.environment)).toEqual(['test']);
  });

  it('a new expression moves the runs', () => {
    const { cached } = twice([base()], [{ ...base(), timeExpression: '0 0 9 * * ?' }]);
    expect(busyHours(cached.servers[0]!.cells.busy)).toEqual([9]);
  });

  it('a new server zone moves the runs (04:00 in Tokyo is 19:00 UTC the day before)', () => {
    const { cached } = twice([base()], [{ ...base(), serverTimeZone: 'Asia/Tokyo' }]);
    expect(busyHours(cached.servers[0]!.cells.busy)).toEqual([19]);
  });

  it('a change in the second of two schedules is seen', () => {
    const other = { ...base(), key: 'p2/job1', profileId: 'p2', timeExpression: '0 0 6 * * ?' };
    const { cached } = twice([base(), other], [base(), { ...other, timeExpression: '0 0 8 * * ?' }]);
    expect(busyHours(cached.servers[0]!.cells.busy)).toEqual([4, 8]);
  });

  it('an added schedule is counted', () => {
    const other = { ...base(), key: 'p2/job1', profileId: 'p2' };
    const { cached } = twice([base()], [base(), other]);
    expect(cached.servers[0]!.cells.busy[4]).toBe(2);
  });
});

describe('servers and environments in name order', () => {
  it('lists servers and environments alphabetically whatever order the schedules come in', () => {
    const sources = [
      source('0 0 4 * * ?', { serverKey: 'zeta:443', environment: 'test' }),
      source('0 0 4 * * ?', { serverKey: 'alpha:443', environment: 'test' }),
      source('0 0 4 * * ?', { serverKey: 'alpha:443', environment: 'production' }),
      source('0 0 4 * * ?', { serverKey: 'mid:443', environment: 'dev' }),
    ];
    const load = computeLoad({ sources, ...window });
    expect(load.servers.map((s) => s.serverKey)).toEqual(['alpha:443', 'mid:443', 'zeta:443']);
    expect(load.servers[0]!.environments.map((e) => e.environment)).toEqual(['production', 'test']);
  });

  it('counts alike schedules of one server once each, split by environment and run length', () => {
    const sources = [
      source('0 0 4 * * ?', { environment: 'production', durationMs: 30 * MIN }),
      source('0 0 4 * * ?', { environment: 'production', durationMs: 30 * MIN }),
      source('0 0 4 * * ?', { environment: 'production', durationMs: 90 * MIN }),
      source('0 0 4 * * ?', { environment: 'test', durationMs: 30 * MIN }),
    ];
    const s = computeLoad({ sources, ...window }).servers[0]!;
    expect(s.environments.map((e) => [e.environment, e.cells.busy[4], e.cells.busy[5]])).toEqual([
      ['production', 3, 1],
      ['test', 1, 0],
    ]);
  });
});
