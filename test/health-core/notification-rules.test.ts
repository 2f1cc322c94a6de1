// The notification policy's edges, on its own clock: the hour is measured from the last one sent (one
// exactly an hour later goes), a profile opted out while its problems waited gets nothing, a forgotten
// profile starts afresh, and a profile with no name is still named. The typical duration is a median.
import { describe, expect, it } from 'vitest';
import type { AppNotification } from '@shared/ipc';
import { createNotificationPolicy } from '@core/health/notification-policy';
import { median } from '@core/health/running-monitor';
import { HOUR, START } from './setup';

function setup(names: Record<string, string | null> = { a: 'Sales' }) {
  let t = START;
  const sent: AppNotification[] = [];
  const wanted = new Set(Object.keys(names));
  const policy = createNotificationPolicy({
    wants: (id) => wanted.has(id),
    profileName: (id) => names[id] ?? null,
    now: () => new Date(t),
    emit: (n) => sent.push(n),
  });
  return {
    policy,
    sent,
    wanted,
    at: (ms: number) => {
      t = START + ms;
    },
  };
}
const problem = (kind: 'missed' | 'unreachable' | 'long-run', key: string) => ({ kind, key, title: `${kind} ${key}`, body: `body ${key}` });

describe('notification policy edges', () => {
  it('sends what waited exactly an hour after the last one, naming every kind once', () => {
    const { policy, sent, at } = setup();
    policy.report('a', problem('missed', '1'));
    at(HOUR - 1);
    policy.report('a', problem('unreachable', '2'));
    policy.report('a', problem('missed', '3'));
    policy.flush();
    expect(sent).toHaveLength(1);
    at(HOUR);
    policy.flush();
    expect(sent.map((n) => [n.title, n.kinds])).toEqual([
      ['Sales: missed 1', ['missed']],
      ['Sales: 2 problems', ['unreachable', 'missed']],
    ]);
    expect(sent[0]?.id).not.toBe(sent[1]?.id);
  });

  it('drops what waited for a profile opted out meanwhile, and names a profile that has no name', () => {
    const { policy, sent, wanted, at } = setup({ a: 'Sales', b: null });
    policy.report('a', problem('missed', '1'));
    policy.report('a', problem('missed', '2'));
    wanted.delete('a');
    at(2 * HOUR);
    policy.flush();
    expect(sent.map((n) => n.title)).toEqual(['Sales: missed 1']);
    policy.report('b', problem('long-run', '1'));
    expect(sent.at(-1)?.title).toBe('A profile: long-run 1');
  });

  it('a forgotten profile loses what waited and may be told at once again', () => {
    const { policy, sent, at } = setup();
    policy.report('a', problem('missed', '1'));
    policy.report('a', problem('missed', '2'));
    policy.forget('a');
    at(10 * 60_000);
    policy.report('a', problem('missed', '3'));
    expect(sent.map((n) => n.body)).toEqual(['body 1', 'body 3']);
    at(2 * HOUR);
    policy.flush();
    expect(sent).toHaveLength(2);
  });
});

describe('typical duration', () => {
  it('is the median: the middle run, or the rounded mean of the two middle ones', () => {
    expect(median([])).toBeNull();
    expect(median([30, 10, 20])).toBe(20);
    expect(median([40, 10, 20, 30])).toBe(25);
    expect(median([1, 2])).toBe(2);
  });
});
