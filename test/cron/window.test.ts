// The calendar's window expansion (per-day arithmetic on steady days) must list and count exactly the fire
// times that Quartz's own walk gives, for the whole golden corpus, across DST changes and partial days.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expandWindow, nextRunTimes } from '@shared/cron/index';

const golden = JSON.parse(readFileSync(fileURLToPath(new URL('../golden/fixtures/quartz-golden.json', import.meta.url)), 'utf8')) as {
  cases: { e: string; x?: string; utcFirstStartOnly?: boolean }[];
};
const all = golden.cases.filter((c) => !c.x && !c.utcFirstStartOnly).map((c) => c.e);
// Mutation runs (vitest.mutate.config.ts) take every fourth expression, a different quarter per window.
const SAMPLE = process.env['CRON_GOLDEN_SAMPLE'] === '1';
const corpusFor = (w: number): string[] => (SAMPLE ? all.filter((_e, i) => i % 4 === w % 4) : all);

// Windows that start and end mid-day (odd seconds and milliseconds) and contain a DST change.
const WINDOWS: [string, string, string][] = [
  ['America/New_York', '2027-03-13T09:17:31.250Z', '2027-03-16T02:00:00.001Z'],
  ['Australia/Lord_Howe', '2027-04-02T11:00:00Z', '2027-04-05T13:30:59.999Z'],
  ['Pacific/Chatham', '2027-09-25T00:00:00Z', '2027-09-27T23:59:59Z'],
  ['Europe/Berlin', '2027-10-30T00:00:00Z', '2027-11-01T07:45:00Z'],
];
const WALK_CAP = 5_000;

/** Fire times in [from, to) by Quartz's walk, in batches so sparse schedules stop at `to`; null past the cap. */
function walk(e: string, zone: string, from: number, to: number): number[] | null {
  const out: number[] = [];
  let after = Math.ceil(from / 1000) * 1000 - 1000;
  for (;;) {
    const batch = nextRunTimes(e, after, 64, zone);
    for (const t of batch) {
      if (t >= to) return out;
      out.push(t);
    }
    if (batch.length < 64) return out;
    if (out.length > WALK_CAP) return null;
    after = batch[63] as number;
  }
}

describe('expandWindow matches the fire-by-fire Quartz walk', () => {
  it.each(WINDOWS.map((w, i) => [...w, i] as const))('golden corpus in %s from %s to %s', (zone, fromIso, toIso, w) => {
    const corpus = corpusFor(w);
    const from = Date.parse(fromIso),
      to = Date.parse(toIso);
    const problems: string[] = [];
    let checked = 0;
    for (const e of corpus) {
      const walked = walk(e, zone, from, to);
      if (walked === null) continue; // every-second schedules: covered by the engine tests
      for (const limit of [0, 5, WALK_CAP]) {
        const w = expandWindow(e, { from: new Date(from), to: new Date(to), timeZone: zone, limit });
        const want = walked.slice(0, limit);
        if (w.total !== walked.length || w.runs.map((d) => d.getTime()).join() !== want.join() || w.truncated !== walked.length > limit) {
          problems.push(`${e} limit ${limit}: total ${w.total} vs walked ${walked.length}, runs ${w.runs.length} vs ${want.length}`);
        }
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(SAMPLE ? 125 : 500);
    expect(problems.slice(0, 10)).toEqual([]);
  });
});
