// CSV exports: schedules (with health), upcoming runs and the audit log. RFC 4180: CRLF line ends, fields
// quoted when they hold a comma, quote or line break, quotes doubled; a semicolon is quoted too, because
// spreadsheets in locales whose list separator is ';' (German, French) split a cell there. Text cells that a
// spreadsheet would read as a formula (starting, after any spaces, with = + - @, tab or CR) get a leading
// apostrophe: an expression, description or error message typed by someone else must never run as a formula
// on the reader's machine. Control characters other than tab and line breaks become spaces.
import { expandWindow, MAX_RUNS, type WindowExpansion } from '@shared/cron';
import type { AuditEntry } from '@shared/domain';
import { zoneOffsetMs } from '@shared/fleet/wall-clock';
import type { ScheduleHealth } from '@shared/health/types';
import { MAX_SAVE_TEXT_LENGTH } from '@shared/ipc/channels/exports';
import { fail } from '@core/errors';
import { oneLine, refuseUnsavable, windowDays, type ExportSource } from './source';

export type CsvValue = string | number | boolean | null | undefined;

/** Rows above this make a file no spreadsheet opens whole (Excel stops at 1,048,576). */
export const MAX_CSV_ROWS = 1_000_000;

// A spreadsheet skips leading spaces before it reads a formula, so ' =1+1' runs as well as '=1+1'.
const FORMULA_START = /^\s*[=+\-@\t\r]/;
/** Control characters a quoted cell cannot carry meaningfully (all but tab, CR and LF). */
const STRAY_CONTROL = /[^\P{Cc}\t\r\n]/gu;
const NEEDS_QUOTES = /[",;\r\n]/;

/** One field: stray controls to spaces and the formula guard for text, then quoting. Numbers and booleans as they are. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const clean = value.replace(STRAY_CONTROL, ' ');
  const text = FORMULA_START.test(clean) ? `'${clean}` : clean;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const CRLF = '\r\n';

/**
 * A whole file: header and rows, each line ending in CRLF. Throws AppFailure('invalid-input') with `tooLarge`
 * (what the file holds and what to narrow) once the text would be more than files:save takes.
 */
export function toCsv(
  header: readonly string[],
  rows: Iterable<readonly CsvValue[]>,
  tooLarge: { what: string; narrow: string } = { what: 'The CSV file', narrow: 'Export fewer rows.' },
): string {
  const head = header.map(csvCell).join(',');
  const lines = [head];
  let length = head.length + CRLF.length;
  for (const row of rows) {
    const line = row.map(csvCell).join(',');
    length += line.length + CRLF.length;
    if (length > MAX_SAVE_TEXT_LENGTH) refuseUnsavable(tooLarge.what, tooLarge.narrow);
    lines.push(line);
  }
  return lines.join(CRLF) + CRLF;
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
    { what: `The CSV of ${rows.length.toLocaleString('en-US')} schedules`, narrow: 'Choose fewer profiles.' },
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
      fail('invalid-input', `Job ${oneLine(s.jobId)} of ${oneLine(s.profileName)} cannot be exported: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (w.truncated) {
      fail(
        'invalid-input',
        `More than ${max.toLocaleString('en-US')} runs fall ${windowDays(from, to)}: ` +
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
    {
      what: `${runs.length.toLocaleString('en-US')} runs fall ${windowDays(from, to)}: their CSV file`,
      narrow: 'Choose a shorter window or fewer profiles.',
    },
  );
  return { text, rows: runs.length };
}

export const AUDIT_COLUMNS = ['At (UTC)', 'Profile', 'Profile ID', 'Org', 'Action', 'Job ID', 'Expression', 'Outcome', 'Resolution', 'Error'] as const;

export function auditCsv(entries: readonly AuditEntry[]): string {
  return toCsv(
    AUDIT_COLUMNS,
    entries.map((e) => [e.at, e.profileName, e.profileId, e.orgId, e.action, e.jobId, e.timeExpression, e.outcome, e.resolution, e.error]),
    { what: `The CSV of ${entries.length.toLocaleString('en-US')} audit entries`, narrow: 'Choose fewer profiles or a shorter period.' },
  );
}
