// Which text Quartz takes as an expression, decided by the real Quartz 2.3.2 over 4,000 seeded expressions
// with typical slips (a stray token or separator, a name, a doubled field, tabs; test/golden/Acceptance.java):
// the app must refuse exactly what the server would refuse and accept exactly what it would accept, and for
// what it accepts give the server's fire times.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CronSyntaxError, nextRunTimes, validateQuartz } from '@shared/cron/index';

interface Acceptance {
  after: number;
  fires: number;
  cases: { e: string; ok: boolean; f?: number[]; x?: string }[];
}

const fixture = JSON.parse(readFileSync(fileURLToPath(new URL('../golden/fixtures/quartz-acceptance.json', import.meta.url)), 'utf8')) as Acceptance;
const shown = (e: string) => JSON.stringify(e);

describe('acceptance as Quartz 2.3.2 decides it', () => {
  it('covers thousands of slips, both accepted and refused ones', () => {
    expect(fixture.cases.length).toBeGreaterThanOrEqual(4000);
    expect(fixture.cases.filter((c) => c.ok).length).toBeGreaterThan(500);
  });

  it('refuses what Quartz refuses and accepts what it accepts', () => {
    const wrong = fixture.cases.flatMap((c) => {
      const v = validateQuartz(c.e);
      if (v.ok === c.ok) return [];
      return [`${shown(c.e)}: Quartz ${c.ok ? 'accepts' : 'refuses'} it, the app ${v.ok ? 'accepts' : `refuses it (${v.message})`}`];
    });
    expect(wrong).toEqual([]);
  });

  it('gives the fire times Quartz gives for what it accepts, and fails clearly where Quartz fails', () => {
    const wrong: string[] = [];
    for (const c of fixture.cases) {
      if (!c.ok) continue;
      let got: number[] | Error;
      try {
        got = nextRunTimes(c.e, fixture.after, fixture.fires, 'UTC');
      } catch (e) {
        got = e as Error;
      }
      if (c.x !== undefined) {
        if (!(got instanceof CronSyntaxError)) wrong.push(`${shown(c.e)}: Quartz fails (${c.x}); the app gives ${String(got)}`);
      } else if (got instanceof Error || got.join() !== (c.f ?? []).join()) {
        wrong.push(
          `${shown(c.e)}: Quartz ${(c.f ?? []).map((t) => new Date(t).toISOString()).join(' ')}; the app ${got instanceof Error ? got.message : got.map((t) => new Date(t).toISOString()).join(' ')}`,
        );
      }
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  });
});
