// nextAfterFire (the shortcut from one fire time to the next) read against the real Quartz 2.3.2 jar's fire
// times (test/golden): from each golden fire time it must give the next one Quartz listed, and null where
// Quartz's list ends early (the schedule stops). Each expression is parsed afresh (parseQuartz, not the
// compile cache), so fast-step.ts's per-expression tables are built inside this very test.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nextAfterFire } from '@shared/cron/fast-step';
import { parseQuartz } from '@shared/cron/parse';
import { zoneFor } from '@shared/cron/zone';

interface Golden {
  fires: number;
  zones: string[];
  starts: number[];
  cases: { e: string; f: number[][]; x?: string; utcFirstStartOnly?: boolean }[];
}
const golden = JSON.parse(readFileSync(fileURLToPath(new URL('../golden/fixtures/quartz-golden.json', import.meta.url)), 'utf8')) as Golden;
const cases = golden.cases.filter((c) => !c.x && !c.utcFirstStartOnly);
const nStarts = golden.starts.length;
// Mutation runs (vitest.mutate.config.ts) take one start in eight per expression instead of one in two.
const SAMPLE = process.env['CRON_GOLDEN_SAMPLE'] === '1';

const iso = (t: number | null): string => (t === null ? 'null' : new Date(t).toISOString());

describe('nextAfterFire gives the fire time Quartz gives after each fire time', () => {
  it.each(golden.zones.map((z, i) => [z, i] as const))('golden corpus in %s', (zoneName, z) => {
    const zone = zoneFor(zoneName);
    const problems: string[] = [];
    let steps = 0;
    cases.forEach((c, i) => {
      const compiled = parseQuartz(c.e);
      for (let s = 0; s < nStarts; s++) {
        const every = SAMPLE ? 8 : 2;
        if (s % every !== i % every) continue;
        const fires = c.f[z * nStarts + s] ?? [];
        for (let k = 0; k < fires.length; k++) {
          // Quartz listed fewer than asked only when the schedule stops: then there is no next fire time.
          if (k === fires.length - 1 && fires.length === golden.fires) break;
          const want = k + 1 < fires.length ? (fires[k + 1] as number) : null;
          const got = nextAfterFire(compiled, zone, fires[k] as number);
          steps++;
          if (got !== want) problems.push(`${c.e} in ${zoneName} after ${iso(fires[k] as number)}: ${iso(got)} (Quartz ${iso(want)})`);
        }
      }
    });
    expect(steps).toBeGreaterThan(SAMPLE ? 1_500 : 15_000);
    expect(problems.slice(0, 8)).toEqual([]);
  });
});
