// Shared by the export suites: a strict RFC 4180 reader written from the RFC (not the code under test),
// what the user is told when an export is refused, and one plain daily schedule.
import type { ExportSource } from '@core/exports/source';

/** Every day at 04:00 UTC, in a production profile "Sales". */
export const DAILY: ExportSource = {
  profileId: 'p1',
  profileName: 'Sales',
  orgId: 'o1',
  environmentLabel: 'Production',
  jobId: 'j1',
  timeExpression: '0 0 4 * * ?',
  serverTimeZone: 'UTC',
};

/**
 * RFC 4180 reader: CRLF records, quoted fields with doubled quotes; throws on anything else. `separator` ';'
 * reads as a spreadsheet whose list separator is a semicolon (German, French locales) does.
 */
export function parseCsv(text: string, separator: ',' | ';' = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === separator) {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else if (c === '"' || c === '\n' || c === '\r') throw new Error(`bare ${JSON.stringify(c)} at ${i}`);
    else field += c;
  }
  if (field !== '' || row.length > 0) throw new Error('last record lacks CRLF');
  return rows;
}

/** The kind and whole message of the refusal `work` throws; fails the test when nothing is refused. */
export function refusal(work: () => unknown): { kind: unknown; message: string } {
  try {
    work();
  } catch (error) {
    return { kind: (error as { kind?: unknown }).kind, message: (error as Error).message };
  }
  throw new Error('expected the export to be refused');
}
