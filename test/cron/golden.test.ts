// Compares the engine with fire times that the real Quartz 2.3.2 computed (test/golden/generate.sh).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CronSyntaxError, nextRunTimes, nextRuns, validateQuartz } from '@shared/cron/index';
import { describeQuartz, loadDescriptionLocale } from '@shared/cron/describe';

interface Golden {
  javaTzdb: string;
  fires: number;
  zones: string[];
  starts: number[];
  cases: { e: string; f: number[][]; x?: string; utcFirstStartOnly?: boolean }[];
  invalid: { e: string; quartz: string }[];
}

const golden = JSON.parse(readFileSync(fileURLToPath(new URL('../golden/fixtures/quartz-golden.json', import.meta.url)), 'utf8')) as Golden;

const iso = (t: number): string => new Date(t).toISOString().replace('.000Z', 'Z');

// Mutation runs (vitest.mutate.config.ts) check each expression in one zone from two starts, turning
// with the expression so every zone and start is still met; `npm test` checks them all.
const SAMPLE = process.env['CRON_GOLDEN_SAMPLE'] === '1';
const sampled = (i: number, z: number, s: number, zones: number, starts: number): boolean =>
  z === i % zones && (s === i % starts || s === (i + Math.floor(starts / 2)) % starts);

describe('golden fixtures from Quartz 2.3.2', () => {
  it('has the promised size', () => {
    expect(golden.cases.length).toBeGreaterThanOrEqual(500);
    expect(golden.invalid.length).toBeGreaterThanOrEqual(100);
    expect(golden.zones.length).toBeGreaterThanOrEqual(6);
  });

  // One test per expression, so a failure names it and a mutation run stops at the first wrong one.
  describe('computes every fire time exactly as Quartz does in every zone and from every start', () => {
    const checked = golden.cases.flatMap((c, i) => (c.x ? [] : [{ c, i }]));
    it('compares more than 100,000 fire times', () => {
      const fires = checked.reduce((n, { c }) => n + c.f.reduce((m, f) => m + f.length, 0), 0);
      expect(fires).toBeGreaterThan(100_000);
    });
    it.each(checked.map(({ c, i }) => [c.e, c, i] as const))('%s', (_e, c, i) => {
      // Quartz needs ~1 s per call for a few never-firing expressions: the generator kept one UTC case.
      const zones = c.utcFirstStartOnly ? ['UTC'] : golden.zones;
      const starts = c.utcFirstStartOnly ? golden.starts.slice(0, 1) : golden.starts;
      const mismatches: string[] = [];
      zones.forEach((zone, z) => {
        starts.forEach((start, s) => {
          if (SAMPLE && !sampled(i, z, s, zones.length, starts.length)) return;
          const expected = c.f[z * starts.length + s] ?? [];
          let actual: number[] | string;
          try {
            actual = nextRunTimes(c.e, start, golden.fires, zone);
          } catch (e) {
            actual = String(e);
          }
          if (typeof actual === 'string' || actual.join() !== expected.join()) {
            mismatches.push(
              `in ${zone} after ${iso(start)}\n    expected ${expected.map(iso).join(' ')}\n    actual   ${typeof actual === 'string' ? actual : actual.map(iso).join(' ')}`,
            );
          }
        });
      });
      expect(mismatches.slice(0, 5)).toEqual([]);
    });
  });

  it.each(golden.cases.filter((x) => x.x).map((c) => [c.e]))('fails clearly where Quartz itself fails or never finishes: %s', (e) => {
    expect(() => nextRuns(e, { after: new Date(golden.starts[0] ?? 0), count: 3, timeZone: 'UTC' })).toThrow(CronSyntaxError);
  });

  it('accepts every expression Quartz accepts', () => {
    const refused = golden.cases.filter((c) => !validateQuartz(c.e).ok).map((c) => `${c.e}: ${JSON.stringify(validateQuartz(c.e))}`);
    expect(refused).toEqual([]);
  });

  it('describes every accepted expression in words without throwing (English and German)', async () => {
    await loadDescriptionLocale('de');
    let worded = 0;
    for (const c of golden.cases) {
      const en = describeQuartz(c.e);
      expect(en.length, c.e).toBeGreaterThan(5);
      expect(describeQuartz(c.e, { locale: 'de' }).length, c.e).toBeGreaterThan(5);
      if (!en.startsWith('Quartz schedule')) worded++;
    }
    // The fallback label is for the odd forms cronstrue cannot read; real schedules get words.
    expect(worded / golden.cases.length).toBeGreaterThan(0.9);
  });

  it('rejects every expression Quartz rejects, naming the field', () => {
    const problems: string[] = [];
    for (const { e, quartz } of golden.invalid) {
      const v = validateQuartz(e);
      if (v.ok) {
        problems.push(`${JSON.stringify(e)} accepted; Quartz: ${quartz}`);
        continue;
      }
      const label = /^(Seconds|Minutes|Hours|Day-of-month|Month|Day-of-week|Year|Expression): \S/;
      if (!label.test(v.message)) problems.push(`${JSON.stringify(e)}: message does not name the field: ${v.message}`);
      if (/invalid$|Exception|undefined/i.test(v.message)) problems.push(`${JSON.stringify(e)}: unclear message: ${v.message}`);
    }
    expect(problems).toEqual([]);
  });
});
