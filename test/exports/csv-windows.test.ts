// The CSV of upcoming runs at its edges: the window and row limits as the user reads them, runs of several
// schedules at one instant in a stable order, and cells that hold no value.
import { describe, expect, it } from 'vitest';
import { csvCell, upcomingRunsCsv } from '@core/exports/csv';
import type { ExportSource } from '@core/exports/source';
import { DAILY, parseCsv, refusal } from './helpers';

const daily = DAILY;
const FROM = new Date('2026-12-01T00:00:00Z');
const TO = new Date('2026-12-04T00:00:00Z');

describe('the window of the upcoming runs', () => {
  it('needs a start before its end: an empty or reversed window is refused as invalid input', () => {
    const expected = { kind: 'invalid-input', message: 'The export window needs a start before its end.' };
    expect(refusal(() => upcomingRunsCsv({ sources: [daily], from: FROM, to: FROM }))).toEqual(expected);
    expect(refusal(() => upcomingRunsCsv({ sources: [daily], from: TO, to: FROM }))).toEqual(expected);
  });

  it('names the schedule whose expression cannot be read, with the engine’s reason', () => {
    const broken = { ...daily, jobId: 'job-bad', profileName: 'Finance', timeExpression: '0 0 25 * * ?' };
    expect(refusal(() => upcomingRunsCsv({ sources: [daily, broken], from: FROM, to: TO }))).toEqual({
      kind: 'invalid-input',
      message: 'Job job-bad of Finance cannot be exported: Hours: 25 is out of range 0-23.',
    });
  });
});

describe('the row limit', () => {
  const other = { ...daily, profileId: 'p2', profileName: 'Finance', jobId: 'j2', timeExpression: '0 30 6 * * ?' };

  it('counts the runs of every schedule together: exactly the limit is written, one more is refused', () => {
    const out = upcomingRunsCsv({ sources: [daily, other], from: FROM, to: TO, maxRows: 6 });
    expect(out.rows).toBe(6);
    expect(parseCsv(out.text)).toHaveLength(7);
    expect(refusal(() => upcomingRunsCsv({ sources: [daily, other], from: FROM, to: TO, maxRows: 5 }))).toEqual({
      kind: 'invalid-input',
      message:
        'More than 5 runs fall between 2026-12-01 and 2026-12-03 (UTC): choose a shorter window or fewer profiles, or leave out the schedules that fire every few minutes.',
    });
  });
});

describe('runs at the same instant', () => {
  it('are ordered by profile name, then job ID, whatever order the schedules came in', () => {
    const same = (profileName: string, jobId: string): ExportSource => ({ ...daily, profileName, jobId });
    const sources = [same('Zeta', 'j2'), same('Alpha', 'j9'), same('Zeta', 'j1'), same('Alpha', 'j3'), same('Mid', 'j5'), same('Alpha', 'j1')];
    const oneDay = { from: FROM, to: new Date('2026-12-02T00:00:00Z') };
    const order = (list: ExportSource[]): string[] =>
      parseCsv(upcomingRunsCsv({ sources: list, ...oneDay }).text)
        .slice(1)
        .map((r) => `${r[3]} ${r[6]}`);
    const expected = ['Alpha j1', 'Alpha j3', 'Alpha j9', 'Mid j5', 'Zeta j1', 'Zeta j2'];
    expect(order(sources)).toEqual(expected);
    expect(order([...sources].reverse())).toEqual(expected);
  });
});

describe('cells without a value', () => {
  it('are empty for a missing value and for a number that is not finite', () => {
    expect([undefined, null, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY].map(csvCell)).toEqual(['', '', '', '', '']);
    expect(csvCell(0)).toBe('0');
    expect(csvCell(true)).toBe('true');
  });
});
