// CSV exports: schedules (with health), upcoming runs and the audit log. RFC 4180: CRLF line ends, fields
// quoted when they hold a comma, quote or line break, quotes doubled. Text cells that a spreadsheet would
// read as a formula (starting with = + - @, tab or CR) get a leading apostrophe: an expression, description
// or error message typed by someone else must never run as a formula on the reader's machine.
import { expandWindow, MAX_RUNS, type WindowExpansion } from '@shared/cron';
import type { AuditEntry } from '@shared/domain';
import { zoneOffsetMs } from '@shared/fleet/wall-clock';
import type { ScheduleHealth } from '@shared/health/types';
import { fail } from '@core/errors';
import type { ExportSource } from './source';

export type CsvValue = string | number | boolean | null | undefined;

/** Rows above this make a file no spreadsheet opens whole (Excel stops at 1,048,576). */
export const MAX_CSV_ROWS = 1_000_000;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One field: formula guard for text, then RFC 4180 quoting. Numbers and booleans are written as they are. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: header and rows, each line ending in CRLF. */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return lines.join('\r\n') + '\r\n';
}

export interface ScheduleCsvRow {
  profileName: string;
  orgId: string;
  environmentLabel: string;
  jobId: string;
  timeExpression: string;
  description?: string | null;
  active: boolean | null;
  health: ScheduleHealth | null;
  /** ISO instant or null. */
  nextRun: string | null;
  /** ISO instant or null. */
  latestExecution: string | null;
}

export const SCHEDULE_COLUMNS = [
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
] as const;

export function schedulesCsv(rows: readonly ScheduleCsvRow[]): string {
  return toCsv(
    SCHEDULE_COLUMNS,
    rows.map((r) => [
      r.profileName,
      r.orgId,
      r.environmentLabel,
      r.jobId,
      r.timeExpression,
      r.description ?? '',
      r.active,
      r.health?.verdict ?? '',
      r.health?.expectedAt ?? '',
      r.health?.executedAt ?? '',
      r.nextRun,
      r.latestExecution,
    ]),
  );
}

export const RUN_COLUMNS = ['Run at (UTC)', 'Run at (server time)', 'Server zone', 'Profile', 'Org', 'Environment', 'Job ID', 'Expression'] as const;

/** Code-unit order, the same on every machine (a locale's collation is not). */
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** '2026-12-01 04:00:00': the wall clock of the server's zone, as Quartz reads the expression. */
function serverWall(ms: number, zone: string): string {
  return new Date(ms + zoneOffsetMs(zone, ms)).toISOString().slice(0, 19).replace('T', ' ');
}

export interface UpcomingRunsRequest {
  sources: readonly ExportSource[];
  /** Inclusive. */
  from: Date;
  /** Exclusive. */
  to: Date;
  maxRows?: number;
}

/** Every run in [from, to), in time order, one row each. Throws AppFailure('invalid-input') when too many. */
export function upcomingRunsCsv(request: UpcomingRunsRequest): { text: string; rows: number } {
  const { from, to } = request;
  if (!(from.getTime() < to.getTime())) fail('invalid-input', 'The export window needs a start before its end.');
  const max = Math.min(request.maxRows ?? MAX_CSV_ROWS, MAX_RUNS);
  const runs: { t: number; s: ExportSource }[] = [];
  for (const s of request.sources) {
    let w: WindowExpansion;
    try {
      w = expandWindow(s.timeExpression, { from, to, timeZone: s.serverTimeZone, limit: Math.max(0, max - runs.length) });
    } catch (e) {
      fail('invalid-input', `Job ${s.jobId} of ${s.profileName} cannot be exported: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (w.truncated) {
      fail(
        'invalid-input',
        `More than ${max.toLocaleString('en-US')} runs fall between ${from.toISOString().slice(0, 10)} and ${to.toISOString().slice(0, 10)}: ` +
          'choose a shorter window or fewer profiles, or leave out the schedules that fire every few minutes.',
      );
    }
    for (const d of w.runs) runs.push({ t: d.getTime(), s });
  }
  runs.sort((a, b) => a.t - b.t || byText(a.s.profileName, b.s.profileName) || byText(a.s.jobId, b.s.jobId));
  const text = toCsv(
    RUN_COLUMNS,
    runs.map(({ t, s }) => [
      new Date(t).toISOString(),
      serverWall(t, s.serverTimeZone),
      s.serverTimeZone,
      s.profileName,
      s.orgId,
      s.environmentLabel,
      s.jobId,
      s.timeExpression,
    ]),
  );
  return { text, rows: runs.length };
}

export const AUDIT_COLUMNS = ['At (UTC)', 'Profile', 'Profile ID', 'Org', 'Action', 'Job ID', 'Expression', 'Outcome', 'Resolution', 'Error'] as const;

export function auditCsv(entries: readonly AuditEntry[]): string {
  return toCsv(
    AUDIT_COLUMNS,
    entries.map((e) => [e.at, e.profileName, e.profileId, e.orgId, e.action, e.jobId, e.timeExpression, e.outcome, e.resolution, e.error]),
  );
}
