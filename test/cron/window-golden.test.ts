// The window expansion read against fire times the real Quartz 2.3.2 jar computed (test/golden): a window
// around each golden run of fire times, starting and ending exactly on a fire time, a millisecond before
// and after one, with lists cut short, must list exactly those fire times and count them exactly.
// Every expression is parsed afresh (parseQuartz, not the compile cache) so the per-expression tables of
// fast-step.ts are built inside this test and a mutant there cannot hide behind another test's cache.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseQuartz } from '@shared/cron/parse';
import { expand } from '@shared/cron/window';
import { zoneFor } from '@shared/cron/zone';

interface Golden {
  zones: string[];
  starts: number[];
  cases: { e: string; f: number[][]; x?: string; utcFirstStartOnly?: boolean }[];
}
const golden = JSON.parse(readFileSync(fileURLToPath(new URL('../golden/fixtures/quartz-golden.json', import.meta.url)), 'utf8')) as Golden;
const cases = golden.cases.filter((c) => !c.x && !c.utcFirstStartOnly);
const nStarts = golden.starts.length;
// Mutation runs (vitest.mutate.config.ts) take every sixteenth expression, turning with the zone.
const SAMPLE = process.env['CRON_GOLDEN_SAMPLE'] === '1';

/** One (start, fires) of the case per zone, turning with the case so every start is met. */
function firesIn(i: number, z: number): { start: number; fires: number[] } {
  const s = (i + 3 * z) % nStarts;
  const c = cases[i] as (typeof cases)[number];
  return { start: golden.starts[s] as number, fires: c.f[z * nStarts + s] ?? [] };
}

const iso = (t: number): string => new Date(t).toISOString();

describe('expand lists and counts the fire times Quartz computed', () => {
  it.each(golden.zones.map((z, i) => [z, i] as const))('golden corpus in %s', (zoneName, z) => {
    const zone = zoneFor(zoneName);
    const problems: string[] = [];
    let windows = 0;
    const check = (e: string, from: number, to: number, limit: number, want: number[]): void => {
      const got = expand(parseQuartz(e), zone, from, to, limit);
      windows++;
      const runs = want.slice(0, limit);
      if (got.total !== want.length || got.runs.join() !== runs.join()) {
        problems.push(
          `${e} in ${zoneName} [${iso(from)}, ${iso(to)}) limit ${limit}: total ${got.total} (Quartz ${want.length}), runs ${got.runs.map(iso).join(' ')} (Quartz ${runs.map(iso).join(' ')})`,
        );
      }
    };
    cases.forEach((c, i) => {
      if (SAMPLE && i % 16 !== (z * 5) % 16) return;
      const { start, fires } = firesIn(i, z);
      const n = fires.length;
      if (n < 2) return; // the end of a schedule is checked by the walk tests
      const first = fires[0] as number,
        last = fires[n - 1] as number;
      // Everything after the start up to just past the last fire time Quartz listed.
      check(c.e, start + 1, last + 1, n, fires);
      check(c.e, start + 1, last + 1, 2, fires);
      // Starting exactly on a fire time includes it; ending exactly on one excludes it.
      check(c.e, first, last, n, fires.slice(0, -1));
      // A millisecond before a fire time (x.999) still includes it; a millisecond after excludes it.
      check(c.e, first - 1, last + 1, 0, fires);
      check(c.e, first + 1, last + 1, n, fires.slice(1));
      check(c.e, first + 999, last - 1, 1, fires.slice(1, -1));
      // Ending a millisecond after a fire time (and a whole second before the next) includes it.
      const second = fires[1] as number;
      check(c.e, first, second + 1, 3, [first, second]);
      check(c.e, second, second + 999, 3, [second]);
    });
    expect(windows).toBeGreaterThan(SAMPLE ? 250 : 4_000);
    expect(problems.slice(0, 8)).toEqual([]);
  });
});
