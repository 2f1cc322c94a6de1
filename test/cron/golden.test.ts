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

describe('golden fixtures from Quartz 2.3.2', () => {
  it('has the promised size', () => {
    expect(golden.cases.length).toBeGreaterThanOrEqual(500);
    expect(golden.invalid.length).toBeGreaterThanOrEqual(100);
    expect(golden.zones.length).toBeGreaterThanOrEqual(6);
  });

  it('computes every fire time exactly as Quartz does in every zone and from every start', () => {
    const mismatches: string[] = [];
    let compared = 0;
    for (const c of golden.cases) {
      if (c.x) continue;
      // Quartz needs ~1 s per call for a few never-firing expressions: the generator kept one UTC case.
      const zones = c.utcFirstStartOnly ? ['UTC'] : golden.zones;
      const starts = c.utcFirstStartOnly ? golden.starts.slice(0, 1) : golden.starts;
      zones.forEach((zone, z) => {
        starts.forEach((start, s) => {
          const expected = c.f[z * starts.length + s] ?? [];
          let actual: number[] | string;
          try {
            actual = nextRunTimes(c.e, start, golden.fires, zone);
          } catch (e) {
            actual = String(e);
          }
          compared += expected.length;
          if (typeof actual === 'string' || actual.join() !== expected.join()) {
            mismatches.push(
              `${JSON.stringify(c.e)} in ${zone} after ${iso(start)}\n    expected ${expected.map(iso).join(' ')}\n    actual   ${
                typeof actual === 'string' ? actual : actual.map(iso).join(' ')
              }`,
            );
          }
        });
      });
    }
    expect(compared).toBeGreaterThan(100_000);
    expect(mismatches.length, `${mismatches.length} mismatches, first ones:\n${mismatches.slice(0, 15).join('\n')}`).toBe(0);
  });

  it('fails clearly where Quartz itself fails or never finishes', () => {
    for (const c of golden.cases.filter((x) => x.x)) {
      expect(() => nextRuns(c.e, { after: new Date(golden.starts[0] ?? 0), count: 3, timeZone: 'UTC' }), c.e).toThrow(CronSyntaxError);
    }
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
