// The shortcut for consecutive fire times (fast-step.ts) must give exactly what Quartz's full walk gives,
// over long runs that cross several DST changes in zones with 1 h, 30 min and :45 offsets.
import { describe, expect, it } from 'vitest';
import { compile } from '@shared/cron/compiled-cache';
import { timeAfter } from '@shared/cron/next';
import { zoneFor } from '@shared/cron/zone';
import { nextRunTimes } from '@shared/cron/index';

const EXPRESSIONS = [
  '0 * * * * ?',
  '0 0/15 * * * ?',
  '0 30 1,2,3 * * ?',
  '0 0 2 * * ?',
  '0 45 2 ? * SUN',
  '0 15 2 ? * MON-FRI',
  '30 59 23 L * ?',
  '0 0 0 31 * ?',
  '0 0 12 ? * 6#3',
  '0 0 0/7 ? 3,4,9,10 *',
  '0 20 0-3 ? * 1,7 2027-2028',
];
// Start a few hours before a fall-back change so even every-minute runs cross it.
const STARTS: Record<string, string> = {
  'America/New_York': '2027-11-07T00:00:00Z',
  'Australia/Lord_Howe': '2027-04-03T10:00:00Z',
  'Pacific/Chatham': '2027-04-03T10:00:00Z',
  'Europe/Berlin': '2027-10-30T20:00:00Z',
};
const ZONES = Object.keys(STARTS);

describe('fast path for consecutive fire times', () => {
  it.each(ZONES)('matches the full Quartz walk for 600 fire times per expression across a DST change in %s', (zoneName) => {
    const zone = zoneFor(zoneName);
    const after = Date.parse(STARTS[zoneName] as string);
    const problems: string[] = [];
    for (const e of EXPRESSIONS) {
      const fast = nextRunTimes(e, after, 600, zoneName);
      const slow: number[] = [];
      let t: number | null = after;
      while (slow.length < 600 && (t = timeAfter(compile(e), zone, t)) !== null) slow.push(t);
      const i = fast.findIndex((v, k) => v !== slow[k]);
      if (i !== -1 || fast.length !== slow.length) {
        problems.push(`${e}: first difference at #${i}: fast ${new Date(fast[i] ?? 0).toISOString()} vs Quartz walk ${new Date(slow[i] ?? 0).toISOString()}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
