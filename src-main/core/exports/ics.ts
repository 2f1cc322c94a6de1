// iCalendar export of upcoming runs: one VEVENT per fire time in [from, to), at the instant Quartz fires it in
// the server's zone (written in UTC, so every calendar app places it right). UIDs are stable per job and
// fire time, so re-importing an export updates the events instead of duplicating them.
// ical.js (Mozilla's iCalendar library) escapes every value; `foldLine` below folds every line. Building one
// ical.js component per run costs ~0.1 ms, 5 s for a large export on the main process, so each schedule's
// constant lines are built once as a template and each run adds only its own UID and DTSTART.
// The text written is cleaned of control characters first (source.ts); the engine still reads the expression
// and zone as they came.
import ICAL from 'ical.js';
import { expandWindow, MAX_RUNS } from '@shared/cron';
import { MAX_SAVE_TEXT_LENGTH } from '@shared/ipc/channels/exports';
import { fail } from '@core/errors';
import { oneLine, refuseUnsavable, windowDays, writableSource, type ExportSource } from './source';

export const ICS_UID_DOMAIN = 'atscale-maintenance-scheduler';
export const DEFAULT_EVENT_MS = 30 * 60_000;
/** Beyond this a calendar app chokes and no reader can use the file: ask for a narrower export. */
export const MAX_ICS_EVENTS = 50_000;

/** The .ics export takes the same schedule rows as the CSV of upcoming runs. */
export type IcsSource = ExportSource;

export interface IcsRequest {
  sources: readonly IcsSource[];
  /** Inclusive. */
  from: Date;
  /** Exclusive. */
  to: Date;
  /** Written as each event's DTSTAMP: the export is deterministic given `now`. */
  now: Date;
  maxEvents?: number;
}

export interface IcsExport {
  text: string;
  events: number;
}

/**
 * `<profileId>-<jobId>-<epochSeconds>@atscale-maintenance-scheduler`: one job's run at one fire time, as the
 * file writes it (control characters in the ids become spaces).
 */
export function icsUid(profileId: string, jobId: string, fire: Date): string {
  return `${oneLine(profileId)}-${oneLine(jobId)}-${Math.floor(fire.getTime() / 1000)}@${ICS_UID_DOMAIN}`;
}

function describe(s: ExportSource): string {
  const lines = [
    `Profile: ${s.profileName}`,
    `Org: ${s.orgId}`,
    `Environment: ${s.environmentLabel}`,
    `Expression: ${s.timeExpression} (Quartz, server zone ${s.serverTimeZone})`,
    `Job: ${s.jobId}`,
  ];
  if (s.description) lines.push(`Description: ${s.description}`);
  return lines.join('\n');
}

interface Schedule {
  /** As it came: what the engine reads. */
  raw: ExportSource;
  /** Cleaned: what the file says. */
  text: ExportSource;
}

/** Throws AppFailure('invalid-input') for a bad window, an unreadable schedule, no runs or too many. */
export function buildIcs(request: IcsRequest): IcsExport {
  const { from, to, now } = request;
  if (!(from.getTime() < to.getTime())) fail('invalid-input', 'The export window needs a start before its end.');
  const schedules = request.sources.map((raw) => ({ raw, text: writableSource(raw) }));
  const counted = schedules.map((s) => countRuns(s, from, to));
  const total = counted.reduce((a, b) => a + b, 0);
  checkCount(total, Math.min(request.maxEvents ?? MAX_ICS_EVENTS, MAX_RUNS), from, to);
  const parts: string[] = [CALENDAR_HEAD];
  let length = CALENDAR_HEAD.length + CALENDAR_TAIL.length;
  schedules.forEach((s, i) => {
    for (const event of eventsOf(s, { from, to, now, limit: counted[i] as number })) {
      length += event.length;
      // Past this files:save refuses the text: say so here, in words, before the user picks a path.
      if (length > MAX_SAVE_TEXT_LENGTH) tooLargeToSave(total, from, to);
      parts.push(event);
    }
  });
  parts.push(CALENDAR_TAIL);
  return { text: parts.join(''), events: total };
}

function countRuns({ raw, text }: Schedule, from: Date, to: Date): number {
  try {
    return expandWindow(raw.timeExpression, { from, to, timeZone: raw.serverTimeZone, limit: 0 }).total;
  } catch (e) {
    return fail('invalid-input', `Job ${text.jobId} of ${text.profileName} cannot be exported: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** A calendar needs at least one event (RFC 5545 §3.6) and a calendar app at most `max`. */
function checkCount(total: number, max: number, from: Date, to: Date): void {
  if (total === 0) {
    fail('invalid-input', `No runs fall ${windowDays(from, to)}: there is nothing to export. Choose a longer window or other schedules.`);
  }
  if (total > max) {
    fail(
      'invalid-input',
      `${total.toLocaleString('en-US')} runs fall ${windowDays(from, to)}: more than the ${max.toLocaleString('en-US')} one calendar file can hold. ` +
        'Choose a shorter window or fewer profiles, or leave out the schedules that fire every few minutes.',
    );
  }
}

function tooLargeToSave(total: number, from: Date, to: Date): never {
  return refuseUnsavable(
    `${total.toLocaleString('en-US')} runs fall ${windowDays(from, to)}: their calendar file`,
    'Choose a shorter window or fewer profiles.',
  );
}

/** Each run of one schedule as a whole VEVENT, ending in CRLF. */
function* eventsOf({ raw, text }: Schedule, w: { from: Date; to: Date; now: Date; limit: number }): Generator<string> {
  const runs = expandWindow(raw.timeExpression, { from: w.from, to: w.to, timeZone: raw.serverTimeZone, limit: w.limit }).runs;
  const body = templateBody(text, w.now);
  // The UID's profile and job part escaped once; the rest (seconds, '@', domain) never needs escaping.
  const uidHead = unfolded('uid', `${text.profileId}-${text.jobId}-`);
  for (const start of runs) {
    const uid = foldLine(`${uidHead}${Math.floor(start.getTime() / 1000)}@${ICS_UID_DOMAIN}`);
    yield `BEGIN:VEVENT${CRLF}${uid}${CRLF}DTSTART:${utcStamp(start)}${CRLF}${body}END:VEVENT${CRLF}`;
  }
}

const CRLF = '\r\n';
/** RFC 5545 §3.1: a line SHOULD NOT exceed 75 octets, excluding its CRLF; a continuation's leading space counts. */
const MAX_LINE_OCTETS = 75;

const utf8Octets = (codePoint: number): number => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/**
 * Folds one unfolded line so that every physical line, the leading space of a continuation included, holds at
 * most 75 UTF-8 octets. Breaks only between code points, so no character or surrogate pair is split (a lone
 * surrogate counts the 3 octets of the U+FFFD it is written as).
 */
function foldLine(line: string): string {
  const pieces: string[] = [];
  let start = 0;
  let octets = 0;
  for (let i = 0; i < line.length;) {
    const codePoint = line.codePointAt(i) as number;
    const size = utf8Octets(codePoint);
    if (octets + size > MAX_LINE_OCTETS) {
      pieces.push(line.slice(start, i));
      start = i;
      octets = 1; // the continuation's leading space
    }
    octets += size;
    i += codePoint > 0xffff ? 2 : 1;
  }
  pieces.push(line.slice(start));
  return pieces.join(`${CRLF} `);
}

/** 20261201T090000Z: DATE-TIME in UTC form (fire times are whole seconds). */
function utcStamp(d: Date): string {
  const iso = d.toISOString();
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}

/** One property line, its value escaped by ical.js, not yet folded. */
function unfolded(name: string, value: string | ICAL.Time | ICAL.Duration): string {
  const p = new ICAL.Property(name);
  p.setValue(value);
  return p.toICALString();
}

const line = (name: string, value: string | ICAL.Time | ICAL.Duration): string => `${foldLine(unfolded(name, value))}${CRLF}`;

const CALENDAR_HEAD =
  `BEGIN:VCALENDAR${CRLF}` +
  line('prodid', '-//AtScale Maintenance Scheduler//maintenance-export//EN') +
  line('version', '2.0') +
  line('calscale', 'GREGORIAN') +
  line('method', 'PUBLISH') +
  line('x-wr-calname', 'AtScale maintenance');
const CALENDAR_TAIL = `END:VCALENDAR${CRLF}`;

/** The lines every run of a schedule shares (DTSTAMP, DURATION, SUMMARY, DESCRIPTION), each ending in CRLF. */
function templateBody(s: ExportSource, now: Date): string {
  const length = s.durationMs !== undefined && s.durationMs > 0 ? s.durationMs : DEFAULT_EVENT_MS;
  return (
    line('dtstamp', ICAL.Time.fromJSDate(now, true)) +
    line('duration', ICAL.Duration.fromSeconds(Math.round(length / 1000))) +
    line('summary', `AtScale maintenance: ${s.profileName} (${s.environmentLabel}), org ${s.orgId}`) +
    line('description', describe(s))
  );
}
