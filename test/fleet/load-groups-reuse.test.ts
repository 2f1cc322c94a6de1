// The grouping of the sources is kept per RunCache: asked again with schedules that read the same (even as
// new objects), the load view reuses it; any changed field makes a new one.
import { describe, expect, it } from 'vitest';
import { RunCache, type FleetSource } from '@shared/fleet';
import { groupingFor } from '@shared/fleet/load-groups';
import { MIN } from './helpers';

const make = (n: number): FleetSource => ({
  key: `p${n}/job`,
  serverKey: `engine-${n % 2}:443`,
  profileId: `p${n}`,
  environment: n % 3 === 0 ? 'test' : 'production',
  timeExpression: `0 0 ${n} * * ?`,
  serverTimeZone: n % 2 ? 'UTC' : 'Europe/Berlin',
  durationMs: (10 + n) * MIN,
});
const fleet = (): FleetSource[] => [1, 2, 3, 4].map(make);

describe('groupingFor', () => {
  it('reuses the grouping for schedules that read the same, as fresh objects', () => {
    const cache = new RunCache();
    const first = groupingFor(fleet(), cache);
    expect(groupingFor(fleet(), cache)).toBe(first);
    expect(groupingFor([], cache)).not.toBe(first);
  });

  it('without a cache, groups anew each time', () => {
    const sources = fleet();
    expect(groupingFor(sources, undefined)).not.toBe(groupingFor(sources, undefined));
    expect(groupingFor(sources, undefined)).toEqual(groupingFor(sources, undefined));
  });

  it.each(['key', 'serverKey', 'environment', 'timeExpression', 'serverTimeZone', 'durationMs'] as const)(
    'a changed %s in the last schedule makes a new grouping',
    (field) => {
      const cache = new RunCache();
      const first = groupingFor(fleet(), cache);
      const changed = fleet();
      const last = changed[3]!;
      changed[3] = {
        ...last,
        [field]:
          field === 'durationMs'
            ? last.durationMs + MIN
            : field === 'timeExpression'
              ? '0 30 4 * * ?'
              : field === 'serverTimeZone'
                ? 'Asia/Tokyo'
                : `${String(last[field])}-x`,
      };
      expect(groupingFor(changed, cache)).not.toBe(first);
    },
  );

  it('one schedule fewer makes a new grouping', () => {
    const cache = new RunCache();
    const first = groupingFor(fleet(), cache);
    expect(groupingFor(fleet().slice(0, 3), cache)).not.toBe(first);
  });
});
