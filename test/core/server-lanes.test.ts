// The core's per-server cap (server-lanes.ts): shared by every refresh given it, first come first served,
// and a failed or thrown piece of work gives its slot back.
import { describe, expect, it } from 'vitest';
import type { Profile, ScheduleList } from '@shared/domain';
import { refreshMany } from '@core/schedules/refresh-many';
import { createServerLanes } from '@core/schedules/server-lanes';
import { createRedactor } from '@core/errors';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('server lanes', () => {
  it('two overlapping refreshMany calls given the same lanes share one cap per server', async () => {
    const lanes = createServerLanes(2);
    let inFlight = 0;
    let peak = 0;
    const release: (() => void)[] = [];
    const deps = {
      profiles: { get: (id: string) => ({ id, apiUrl: id.startsWith('a') ? 'https://a.example.com' : 'https://b.example.com' }) as Profile },
      list: async (profileId: string) => {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        await new Promise<void>((resolve) => release.push(resolve));
        inFlight -= 1;
        return { profileId } as ScheduleList;
      },
      redact: createRedactor(() => []),
      lanes,
    };
    const one = refreshMany(deps, ['a1', 'a2', 'a3'], () => undefined, { refreshId: 'one' });
    const two = refreshMany(deps, ['a4', 'a5', 'b1'], () => undefined);
    await tick();
    // Two of server a (the first refresh's), and b's own lane beside them.
    expect(release).toHaveLength(3);
    expect(lanes.busy('a.example.com:443')).toBe(2);
    let settled = false;
    void Promise.all([one, two]).then(() => (settled = true));
    while (!settled) {
      release.splice(0).forEach((r) => r());
      await tick();
    }
    expect(peak).toBeLessThanOrEqual(3);
    expect(lanes.busy('a.example.com:443')).toBe(0);
  });

  it('hands the slot on in order, also after a failure', async () => {
    const lanes = createServerLanes(1);
    const order: string[] = [];
    const work =
      (name: string, fail = false) =>
      async () => {
        order.push(name);
        await tick();
        if (fail) throw new Error(name);
        return name;
      };
    const results = await Promise.allSettled([lanes.run('s', work('first', true)), lanes.run('s', work('second')), lanes.run('s', work('third'))]);
    expect(order).toEqual(['first', 'second', 'third']);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    expect(lanes.busy('s')).toBe(0);
    expect(() => createServerLanes(0)).toThrow(RangeError);
  });
});
