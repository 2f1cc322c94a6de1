// The CSV as a spreadsheet opens it: set to a semicolon list separator (German, French locales), with a
// formula hidden behind spaces or a ';', with control characters from the server, and too large to save.
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '@shared/domain';
import { auditCsv, csvCell, schedulesCsv, toCsv, upcomingRunsCsv, type ScheduleCsvRow } from '@core/exports/csv';
import { DAILY, parseCsv, refusal } from './helpers';

const daily = DAILY;
const FROM = new Date('2026-12-01T00:00:00Z');

describe('a spreadsheet whose list separator is a semicolon', () => {
  it('reads a cell holding a semicolon as one cell, its formula part as text', () => {
    const text = toCsv(['Profile'], [['Sales;=1+1'], ['a;b']]);
    expect(parseCsv(text, ';')).toEqual([['Profile'], ['Sales;=1+1'], ['a;b']]);
    expect(parseCsv(text)).toEqual(parseCsv(text, ';'));
    expect(csvCell('Sales;=1+1')).toBe('"Sales;=1+1"');
  });
});

describe('the formula guard', () => {
  it('also catches a formula behind leading spaces', () => {
    expect([' =1+1', '   +SUM(A1)', ' -2+3', '  @cmd', ' \tTAB'].map(csvCell)).toEqual(["' =1+1", "'   +SUM(A1)", "' -2+3", "'  @cmd", "' \tTAB"]);
    expect(csvCell(' a=b')).toBe(' a=b');
  });
});

describe('control characters from the server', () => {
  it('become spaces in every cell; tab and line breaks, which a quoted cell holds, stay', () => {
    expect(['job\u0007bell', 'a\u0000b', 'del\u007f', 'nel\u0085'].map(csvCell)).toEqual(['job bell', 'a b', 'del ', 'nel ']);
    expect(csvCell('two\rlines')).toBe('"two\rlines"');
    expect(csvCell('a\tb')).toBe('a\tb');
  });

  it('never reach the CSV of upcoming runs', () => {
    const noisy = { ...daily, profileName: 'Sales\u0007', jobId: 'job\u0000X', timeExpression: '0 0 4 * * ?\u001b' };
    const [, row] = parseCsv(upcomingRunsCsv({ sources: [noisy], from: FROM, to: new Date('2026-12-02T00:00:00Z') }).text);
    expect(row).toEqual(['2026-12-01T04:00:00.000Z', '2026-12-01 04:00:00', 'UTC', 'Sales ', 'o1', 'Production', 'job X', '0 0 4 * * ? ']);
  });
});

describe('a CSV too large to save', () => {
  it('of upcoming runs is refused, naming the window and how to narrow it', () => {
    // 28,800 rows (every minute for 20 days), each about 2,600 characters long with these names.
    const long = {
      ...daily,
      profileName: 'Sales '.repeat(140),
      orgId: 'org-'.repeat(210),
      environmentLabel: 'Production '.repeat(76),
      timeExpression: '0 * * * * ?',
    };
    expect(refusal(() => upcomingRunsCsv({ sources: [long], from: FROM, to: new Date('2026-12-21T00:00:00Z') }))).toEqual({
      kind: 'invalid-input',
      message:
        '28,800 runs fall between 2026-12-01 and 2026-12-20 (UTC): their CSV file would be larger than the 64 MiB one saved file can hold. ' +
        'Choose a shorter window or fewer profiles.',
    });
  });

  it('of schedules or of the audit log is refused, saying what to choose instead', () => {
    const row: ScheduleCsvRow = {
      profileName: 'Sales',
      orgId: 'o1',
      environmentLabel: 'Production',
      jobId: 'j1',
      timeExpression: '0 0 4 * * ?',
      description: 'd'.repeat(1024 * 1024),
      active: true,
      health: null,
      nextRun: null,
      latestExecution: null,
    };
    expect(refusal(() => schedulesCsv(Array.from({ length: 64 }, () => row)))).toEqual({
      kind: 'invalid-input',
      message: 'The CSV of 64 schedules would be larger than the 64 MiB one saved file can hold. Choose fewer profiles.',
    });
    const entry: AuditEntry = {
      at: '2026-12-01T10:00:00.000Z',
      profileId: 'p1',
      profileName: 'Sales',
      orgId: 'o1',
      action: 'create',
      jobId: null,
      timeExpression: null,
      outcome: 'failed',
      resolution: null,
      error: 'e'.repeat(1024 * 1024),
    };
    expect(refusal(() => auditCsv(Array.from({ length: 64 }, () => entry)))).toEqual({
      kind: 'invalid-input',
      message: 'The CSV of 64 audit entries would be larger than the 64 MiB one saved file can hold. Choose fewer profiles or a shorter period.',
    });
  });
});
