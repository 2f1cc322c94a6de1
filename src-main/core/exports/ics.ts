// iCalendar export of upcoming runs: one VEVENT per fire time in [from, to), at the instant Quartz fires it in
// the server's zone (written in UTC, so every calendar app places it right). UIDs are stable per job and
// fire time, so re-importing an export updates the events instead of duplicating them.
// ical.js (Mozilla's iCalendar library) escapes and folds every line. Building one ical.js component per run
// costs ~0.1 ms, 5 s for a large export on the main process, so each schedule's constant lines are built once
// as a template and each run adds only its own UID and DTSTART, escaped and folded by the same library.
import ICAL from 'ical.js';
import { expandWindow, MAX_RUNS } from '@shared/cron';
import { fail } from '@core/errors';
import type { ExportSource } from './source';

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

/** `<profileId>-<jobId>-<epochSeconds>@atscale-maintenance-scheduler`: one job's run at one fire time. */
export function icsUid(profileId: string, jobId: string, fire: Date): string {
  return `${profileId}-${jobId}-${Math.floor(fire.getTime() / 1000)}@${ICS_UID_DOMAIN}`;
}

const day = (d: Date): string => d.toISOString().slice(0, 10);

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

/** Throws AppFailure('invalid-input') for a bad window, an unreadable schedule or too many events. */
export function buildIcs(request: IcsRequest): IcsExport {
  const { from, to, now } = request;
  if (!(from.getTime() < to.getTime())) fail('invalid-input', 'The export window needs a start before its end.');
  const max = Math.min(request.maxEvents ?? MAX_ICS_EVENTS, MAX_RUNS);
  const counted = request.sources.map((s) => {
    try {
      return expandWindow(s.timeExpression, { from, to, timeZone: s.serverTimeZone, limit: 0 }).total;
    } catch (e) {
      return fail('invalid-input', `Job ${s.jobId} of ${s.profileName} cannot be exported: ${e instanceof Error ? e.message : String(e)}`);
    }
  });
  const total = counted.reduce((a, b) => a + b, 0);
  if (total > max) {
    fail(
      'invalid-input',
      `${total.toLocaleString('en-US')} runs fall between ${day(from)} and ${day(to)}: more than the ${max.toLocaleString('en-US')} one calendar file can hold. ` +
        'Choose a shorter window or fewer profiles, or leave out the schedules that fire every few minutes.',
    );
  }
  const shell = new ICAL.Component('vcalendar');
  shell.addPropertyWithValue('prodid', '-//AtScale Maintenance Scheduler//maintenance-export//EN');
  shell.addPropertyWithValue('version', '2.0');
  shell.addPropertyWithValue('calscale', 'GREGORIAN');
  shell.addPropertyWithValue('method', 'PUBLISH');
  shell.addPropertyWithValue('x-wr-calname', 'AtScale maintenance');
  const [head, tail] = splitAt(shell.toString(), 'END:VCALENDAR');
  const parts: string[] = [head];
  request.sources.forEach((s, i) => {
    const runs = expandWindow(s.timeExpression, { from, to, timeZone: s.serverTimeZone, limit: counted[i] as number }).runs;
    const body = templateBody(s, now);
    // The UID's profile and job part escaped once; the rest (seconds, '@', domain) never needs escaping.
    const uidHead = unfolded('uid', `${s.profileId}-${s.jobId}-`);
    for (const start of runs) {
      const uid = ICAL.helpers.foldline(`${uidHead}${Math.floor(start.getTime() / 1000)}@${ICS_UID_DOMAIN}`);
      parts.push('BEGIN:VEVENT', CRLF, uid, CRLF, 'DTSTART:', utcStamp(start), CRLF, body, 'END:VEVENT', CRLF);
    }
  });
  parts.push(tail, CRLF);
  return { text: parts.join(''), events: total };
}

const CRLF = '\r\n';

function splitAt(text: string, marker: string): [string, string] {
  const at = text.lastIndexOf(marker);
  return [text.slice(0, at), text.slice(at)];
}

/** 20261201T090000Z: DATE-TIME in UTC form (fire times are whole seconds). */
function utcStamp(d: Date): string {
  const iso = d.toISOString();
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}

/** One TEXT property line, escaped by ical.js, not yet folded. */
function unfolded(name: string, value: string): string {
  const p = new ICAL.Property(name);
  p.setValue(value);
  return p.toICALString();
}

/** The lines every run of a schedule shares (DTSTAMP, DURATION, SUMMARY, DESCRIPTION), ending in CRLF. */
function templateBody(s: ExportSource, now: Date): string {
  const event = new ICAL.Component('vevent');
  event.addPropertyWithValue('dtstamp', ICAL.Time.fromJSDate(now, true));
  const length = s.durationMs !== undefined && s.durationMs > 0 ? s.durationMs : DEFAULT_EVENT_MS;
  event.addPropertyWithValue('duration', ICAL.Duration.fromSeconds(Math.round(length / 1000)));
  event.addPropertyWithValue('summary', `AtScale maintenance: ${s.profileName} (${s.environmentLabel}), org ${s.orgId}`);
  event.addPropertyWithValue('description', describe(s));
  const text = event.toString();
  return text.slice(text.indexOf(CRLF) + CRLF.length, text.lastIndexOf('END:VEVENT'));
}
