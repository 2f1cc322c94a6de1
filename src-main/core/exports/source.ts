// One schedule as the exports see it: what names it for a reader, and what places its runs in time. Also
// what both exports share about it: its text made safe to write, and how a refusal names the window and a
// file too large to save.
import { MAX_SAVE_TEXT_LENGTH } from '@shared/ipc/channels/exports';
import { fail } from '@core/errors';

export interface ExportSource {
  profileId: string;
  profileName: string;
  orgId: string;
  environmentLabel: string;
  jobId: string;
  timeExpression: string;
  serverTimeZone: string;
  /** Length of each run (the schedule's typical run); exports use 30 minutes when absent. */
  durationMs?: number;
  /** The schedule's own description, when it has one. */
  description?: string;
}

// Control characters (C0, DEL, C1) come from the server or a user's typing and mean nothing to a reader; a bare
// CR or BEL in a calendar line breaks the file (RFC 5545 allows none in TEXT) and confuses a spreadsheet.
const CONTROL = /\p{Cc}/gu;
const LINE_BREAK = /\r\n|\r|\n/g;

/** A name, id, expression or zone: every control character, line breaks included, becomes a space. */
export function oneLine(value: string): string {
  return value.replace(CONTROL, ' ');
}

/** Free text: each line break (CRLF, CR or LF) becomes one LF, every other control character a space. */
export function freeText(value: string): string {
  return value
    .split(LINE_BREAK)
    .map((line) => oneLine(line))
    .join('\n');
}

/**
 * The source's text as it may be written to a file. Its expression and zone still go to the engine as they
 * came (the engine reads them as Quartz does); only what a reader sees is cleaned.
 */
export function writableSource(s: ExportSource): ExportSource {
  const out: ExportSource = {
    ...s,
    profileId: oneLine(s.profileId),
    profileName: oneLine(s.profileName),
    orgId: oneLine(s.orgId),
    environmentLabel: oneLine(s.environmentLabel),
    jobId: oneLine(s.jobId),
    timeExpression: oneLine(s.timeExpression),
    serverTimeZone: oneLine(s.serverTimeZone),
  };
  if (s.description !== undefined) out.description = freeText(s.description);
  return out;
}

const utcDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/**
 * 'between 2026-12-01 and 2026-12-14 (UTC)' for [from, to): the last day named is the last one the window
 * covers, not the day its exclusive end falls on. 'on 2026-12-01 (UTC)' when it covers one day.
 */
export function windowDays(from: Date, to: Date): string {
  const first = utcDay(from.getTime());
  const last = utcDay(Math.max(from.getTime(), to.getTime() - 1));
  return first === last ? `on ${first} (UTC)` : `between ${first} and ${last} (UTC)`;
}

/**
 * Refuses an export files:save would reject: `what` names it ('… runs fall …: their calendar file'), `narrow`
 * says what to choose instead.
 */
export function refuseUnsavable(what: string, narrow: string): never {
  return fail('invalid-input', `${what} would be larger than the ${MAX_SAVE_TEXT_LENGTH / (1024 * 1024)} MiB one saved file can hold. ${narrow}`);
}
