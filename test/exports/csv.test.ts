// CSV exports: RFC 4180 quoting (read back by a strict parser written from the RFC) and the formula guard.
import { describe, expect, it } from 'vitest';
import { nextRuns } from '@shared/cron';
import type { AuditEntry } from '@shared/domain';
import { auditCsv, csvCell, schedulesCsv, toCsv, upcomingRunsCsv, type ScheduleCsvRow } from '@core/exports/csv';
import type { ExportSource } from '@core/exports/source';
import { parseCsv } from './helpers';

describe('csvCell', () => {
  it('quotes commas, quotes and line breaks (RFC 4180) and leaves plain text alone', () => {
    expect(csvCell('plain text')).toBe('plain text');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvCell('lf\nonly')).toBe('"lf\nonly"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(false)).toBe('false');
  });

  it('text a spreadsheet would run as a formula gets a leading apostrophe', () => {
    for (const evil of ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tTAB', '\rCR']) expect(csvCell(evil)).toMatch(/^"?'/);
    expect(csvCell('=HYPERLINK("http://x","click")')).toBe('"\'=HYPERLINK(""http://x"",""click"")"');
    expect(csvCell('0 0 4 * * ?')).toBe('0 0 4 * * ?');
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('a file reads back field for field', () => {
    const rows = [
      ['x,y', 'He said "no"', 'multi\r\nline', '=cmd|/C calc'],
      ['', 'ünïcødé', '@SUM(1)', 'plain'],
    ];
    const text = toCsv(['a', 'b', 'c', 'd'], rows);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c', 'd'],
      ['x,y', 'He said "no"', 'multi\r\nline', "'=cmd|/C calc"],
      ['', 'ünïcødé', "'@SUM(1)", 'plain'],
    ]);
  });
});

describe('schedulesCsv', () => {
  it('one row per schedule with health, next run and latest execution', () => {
    const row: ScheduleCsvRow = {
      profileName: 'Sales, EU',
      orgId: 'default',
      environmentLabel: 'Production',
      jobId: 'job-1',
      timeExpression: '0 0 4 ? * MON-FRI',
      description: '-nightly, "full" rebuild',
      active: true,
      health: { verdict: 'late', expectedAt: '2026-12-01T04:00:00.000Z', executedAt: '2026-12-01T05:12:00.000Z' },
      nextRun: '2026-12-02T04:00:00.000Z',
      latestExecution: '2026-12-01T05:12:00.000Z',
    };
    const none: ScheduleCsvRow = { ...row, jobId: 'job-2', description: null, active: null, health: null, nextRun: null, latestExecution: null };
    const [header, first, second] = parseCsv(schedulesCsv([row, none]));
    expect(header).toEqual([
      'Profile',
      'Org',
      'Environment',
      'Job ID',
      'Expression',
      'Description',
      'Active',
      'Health',
      'Expected at',
      'Executed at',
      'Next run (UTC)',
      'Latest execution (UTC)',
    ]);
    expect(first).toEqual([
      'Sales, EU',
      'default',
      'Production',
      'job-1',
      '0 0 4 ? * MON-FRI',
      '\'-nightly, "full" rebuild',
      'true',
      'late',
      '2026-12-01T04:00:00.000Z',
      '2026-12-01T05:12:00.000Z',
      '2026-12-02T04:00:00.000Z',
      '2026-12-01T05:12:00.000Z',
    ]);
    expect(second).toEqual(['Sales, EU', 'default', 'Production', 'job-2', '0 0 4 ? * MON-FRI', '', '', '', '', '', '', '']);
  });
});

describe('upcomingRunsCsv', () => {
  const ny: ExportSource = {
    profileId: 'p1',
    profileName: 'NY',
    orgId: 'o1',
    environmentLabel: 'Production',
    jobId: 'j1',
    timeExpression: '0 0 4 * * ?',
    serverTimeZone: 'America/New_York',
  };
  const utc: ExportSource = { ...ny, profileId: 'p2', profileName: 'UTC', jobId: 'j2', timeExpression: '0 30 6 * * ?', serverTimeZone: 'UTC' };
  const from = new Date('2026-10-31T00:00:00Z');
  const to = new Date('2026-11-03T00:00:00Z');

  it("every run of the window in time order, with the UTC instant and the server's wall time", () => {
    const out = upcomingRunsCsv({ sources: [ny, utc], from, to });
    const [header, ...rows] = parseCsv(out.text);
    expect(header![0]).toBe('Run at (UTC)');
    const expected = [ny, utc]
      .flatMap((s) => nextRuns(s.timeExpression, { after: new Date(from.getTime() - 1), count: 10, timeZone: s.serverTimeZone }).map((d) => d.toISOString()))
      .filter((t) => t < to.toISOString())
      .sort();
    expect(rows.map((r) => r[0])).toEqual(expected);
    expect(out.rows).toBe(expected.length);
    // Across the fall-back change the New York wall time stays 04:00 while the UTC instant moves.
    const nyRows = rows.filter((r) => r[6] === 'j1');
    expect(nyRows.map((r) => r[1])).toEqual(['2026-10-31 04:00:00', '2026-11-01 04:00:00', '2026-11-02 04:00:00']);
    expect(nyRows.map((r) => r[0])).toEqual(['2026-10-31T08:00:00.000Z', '2026-11-01T09:00:00.000Z', '2026-11-02T09:00:00.000Z']);
  });

  it('refuses more rows than allowed, naming the window', () => {
    expect(() => upcomingRunsCsv({ sources: [{ ...ny, timeExpression: '* * * * * ?' }], from, to, maxRows: 1000 })).toThrow(
      /More than 1,000 runs fall between 2026-10-31 and 2026-11-02 \(UTC\)/,
    );
  });
});

describe('auditCsv', () => {
  it('writes every field of every entry, guarded and quoted', () => {
    const entries: AuditEntry[] = [
      {
        at: '2026-12-01T10:00:00.000Z',
        profileId: 'p1',
        profileName: 'Sales',
        orgId: 'default',
        action: 'create',
        jobId: 'job-9',
        timeExpression: '0 0 4 * * ?',
        outcome: 'ok',
        resolution: null,
        error: null,
      },
      {
        at: '2026-12-01T10:02:00.000Z',
        profileId: 'p1',
        profileName: 'Sales',
        orgId: 'default',
        action: 'create',
        jobId: 'job-10',
        timeExpression: '0 0 5 * * ?',
        outcome: 'unknown',
        resolution: 'reconciled: created as job job-10',
        error: 'connection reset',
      },
      {
        at: '2026-12-01T10:05:00.000Z',
        profileId: 'p1',
        profileName: 'Sales',
        orgId: 'default',
        action: 'delete',
        jobId: null,
        timeExpression: null,
        outcome: 'failed',
        resolution: null,
        error: '=Server said: "no", try again',
      },
    ];
    expect(parseCsv(auditCsv(entries))).toEqual([
      ['At (UTC)', 'Profile', 'Profile ID', 'Org', 'Action', 'Job ID', 'Expression', 'Outcome', 'Resolution', 'Error'],
      ['2026-12-01T10:00:00.000Z', 'Sales', 'p1', 'default', 'create', 'job-9', '0 0 4 * * ?', 'ok', '', ''],
      [
        '2026-12-01T10:02:00.000Z',
        'Sales',
        'p1',
        'default',
        'create',
        'job-10',
        '0 0 5 * * ?',
        'unknown',
        'reconciled: created as job job-10',
        'connection reset',
      ],
      ['2026-12-01T10:05:00.000Z', 'Sales', 'p1', 'default', 'delete', '', '', 'failed', '', '\'=Server said: "no", try again'],
    ]);
  });
});
