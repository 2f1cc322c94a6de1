// The .ics export read back through an independent parser (ical.js): event count, start instants equal to
// the engine's fire times, stable UIDs across exports.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { nextRuns } from '@shared/cron';
import { buildIcs, icsUid, MAX_ICS_EVENTS, type IcsSource } from '@core/exports/ics';
import { refusal } from './helpers';

const FROM = new Date('2026-12-01T00:00:00Z');
const TO = new Date('2026-12-15T00:00:00Z');
const NOW = new Date('2026-11-30T12:00:00Z');

const nightly: IcsSource = {
  profileId: 'prof-1',
  profileName: 'Sales, production',
  orgId: 'default',
  environmentLabel: 'Production',
  jobId: 'job-42',
  timeExpression: '0 0 4 * * ?',
  serverTimeZone: 'America/New_York',
  durationMs: 45 * 60_000,
  description: 'Nightly rebuild; =cmd is just text here',
};
const weekly: IcsSource = {
  ...nightly,
  profileId: 'prof-2',
  profileName: 'Finance',
  orgId: 'fin',
  environmentLabel: 'Test',
  jobId: 'job-7',
  timeExpression: '0 30 2 ? * SUN',
  serverTimeZone: 'UTC',
  durationMs: undefined,
  description: undefined,
};

interface Parsed {
  uid: string;
  start: number;
  end: number;
  summary: string;
  description: string;
}

function parse(text: string): Parsed[] {
  const root = new ICAL.Component(ICAL.parse(text));
  return root.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return { uid: e.uid, start: e.startDate.toJSDate().getTime(), end: e.endDate.toJSDate().getTime(), summary: e.summary, description: e.description };
  });
}

const engine = (s: IcsSource): number[] =>
  nextRuns(s.timeExpression, { after: new Date(FROM.getTime() - 1), count: 1000, timeZone: s.serverTimeZone })
    .map((d) => d.getTime())
    .filter((t) => t < TO.getTime());

describe('buildIcs', () => {
  it("round-trips through a parser: one event per fire time, at the engine's instants", () => {
    const out = buildIcs({ sources: [nightly, weekly], from: FROM, to: TO, now: NOW });
    const events = parse(out.text);
    const expected = [...engine(nightly), ...engine(weekly)];
    expect(out.events).toBe(expected.length);
    expect(events).toHaveLength(expected.length);
    expect(events.map((e) => e.start).sort()).toEqual(expected.sort());
    expect(out.text).toMatch(/DTSTART:20261201T090000Z/); // 04:00 in New York, written in UTC
  });

  it("each event names profile, org, environment and expression, and lasts the run's length", () => {
    const events = parse(buildIcs({ sources: [nightly, weekly], from: FROM, to: TO, now: NOW }).text);
    const first = events.find((e) => e.uid.startsWith('prof-1-'))!;
    expect(first.summary).toBe('AtScale maintenance: Sales, production (Production), org default');
    expect(first.description).toContain('Profile: Sales, production');
    expect(first.description).toContain('Org: default');
    expect(first.description).toContain('Environment: Production');
    expect(first.description).toContain('Expression: 0 0 4 * * ? (Quartz, server zone America/New_York)');
    expect(first.description).toContain('Nightly rebuild');
    expect(first.end - first.start).toBe(45 * 60_000);
    const other = events.find((e) => e.uid.startsWith('prof-2-'))!;
    expect(other.end - other.start).toBe(30 * 60_000);
  });

  it('UIDs are stable per job and fire time across exports, and unique within one', () => {
    const a = parse(buildIcs({ sources: [nightly, weekly], from: FROM, to: TO, now: NOW }).text).map((e) => e.uid);
    const b = parse(buildIcs({ sources: [weekly, nightly], from: new Date('2026-12-05T00:00:00Z'), to: TO, now: new Date() }).text).map((e) => e.uid);
    expect(new Set(a).size).toBe(a.length);
    expect(b.every((uid) => a.includes(uid))).toBe(true);
    expect(a).toContain(icsUid('prof-1', 'job-42', new Date('2026-12-01T09:00:00Z')));
    expect(a[0]).toMatch(/^prof-\d-job-\d+-\d+@atscale-maintenance-scheduler$/);
  });

  it('is deterministic given now', () => {
    const one = buildIcs({ sources: [nightly], from: FROM, to: TO, now: NOW }).text;
    expect(buildIcs({ sources: [nightly], from: FROM, to: TO, now: NOW }).text).toBe(one);
  });

  it('refuses an export too large for a calendar, naming the window and how to narrow it', () => {
    const everyMinute = { ...nightly, timeExpression: '0 * * * * ?' };
    expect(() => buildIcs({ sources: [everyMinute], from: FROM, to: new Date('2027-02-01T00:00:00Z'), now: NOW })).toThrow(
      /89,280 runs fall between 2026-12-01 and 2027-01-31 \(UTC\): more than the 50,000 .*shorter window or fewer profiles/,
    );
    expect(MAX_ICS_EVENTS).toBe(50_000);
  });

  it('refuses a reversed window and an unreadable expression with the job named', () => {
    expect(() => buildIcs({ sources: [nightly], from: TO, to: FROM, now: NOW })).toThrow(/start before its end/);
    expect(() => buildIcs({ sources: [{ ...nightly, timeExpression: '0 0 25 * * ?' }], from: FROM, to: TO, now: NOW })).toThrow(
      /Job job-42 of Sales, production/,
    );
  });

  it('commas, semicolons, backslashes, line breaks and non-ASCII text survive escaping and folding', () => {
    const odd: IcsSource = {
      ...nightly,
      profileId: 'p,1;x\\y',
      jobId: 'job;with,odd-0b7c9a36-1c53-4a55-9a3e-2f1f1a0f1d2e',
      profileName: 'Ventes, «production»; Zürich — 東京 ✓',
      description: 'line one\nline two; with, punctuation \\ and a very long tail that certainly has to be folded over several lines',
    };
    const [event] = parse(buildIcs({ sources: [odd], from: FROM, to: new Date('2026-12-02T00:00:00Z'), now: NOW }).text);
    expect(event!.uid).toBe(icsUid(odd.profileId, odd.jobId, new Date('2026-12-01T09:00:00Z')));
    expect(event!.summary).toBe('AtScale maintenance: Ventes, «production»; Zürich — 東京 ✓ (Production), org default');
    expect(event!.description).toContain('Description: line one\nline two; with, punctuation \\ and a very long tail');
  });

  it('long lines are folded without splitting a character, every line ending in CRLF', () => {
    const text = buildIcs({ sources: [{ ...nightly, profileName: 'Zürich 東京 '.repeat(12) }], from: FROM, to: TO, now: NOW }).text;
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    const lines = text.split('\r\n').slice(0, -1);
    // RFC 5545 §3.1: at most 75 octets a line, a continuation's leading space included.
    expect(lines.every((l) => !l.includes('\n') && new TextEncoder().encode(l).length <= 75)).toBe(true);
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for (const l of lines) expect(decoder.decode(new TextEncoder().encode(l))).toBe(l);
  });

  it('an empty window is refused: a calendar needs at least one event', () => {
    const expected = {
      kind: 'invalid-input',
      message: 'No runs fall between 2026-12-01 and 2026-12-14 (UTC): there is nothing to export. Choose a longer window or other schedules.',
    };
    expect(refusal(() => buildIcs({ sources: [], from: FROM, to: TO, now: NOW }))).toEqual(expected);
    const newYearOnly = { ...nightly, timeExpression: '0 0 4 1 1 ?' };
    expect(refusal(() => buildIcs({ sources: [newYearOnly], from: FROM, to: TO, now: NOW }))).toEqual(expected);
  });
});

describe('the calendar file as a calendar app reads it', () => {
  const oneDay = { from: FROM, to: new Date('2026-12-02T00:00:00Z'), now: NOW };

  it('names itself and its calendar, and stamps each event with the export time in UTC', () => {
    const text = buildIcs({ sources: [nightly], ...oneDay }).text;
    const root = new ICAL.Component(ICAL.parse(text));
    expect(['prodid', 'version', 'calscale', 'method', 'x-wr-calname'].map((name) => root.getFirstPropertyValue(name))).toEqual([
      '-//AtScale Maintenance Scheduler//maintenance-export//EN',
      '2.0',
      'GREGORIAN',
      'PUBLISH',
      'AtScale maintenance',
    ]);
    expect(text).toContain('\r\nDTSTAMP:20261130T120000Z\r\n');
    // One BEGIN and one END per event: the shared lines carry no END of their own.
    expect(text.split('\r\n').filter((l) => l === 'END:VEVENT')).toHaveLength(1);
  });

  it('describes each event line by line, with the description only when the schedule has one', () => {
    const [withText] = parse(buildIcs({ sources: [nightly], ...oneDay }).text);
    expect(withText!.description).toBe(
      [
        'Profile: Sales, production',
        'Org: default',
        'Environment: Production',
        'Expression: 0 0 4 * * ? (Quartz, server zone America/New_York)',
        'Job: job-42',
        'Description: Nightly rebuild; =cmd is just text here',
      ].join('\n'),
    );
    const [without] = parse(buildIcs({ sources: [{ ...nightly, description: '' }], ...oneDay }).text);
    expect(without!.description).toBe(withText!.description.slice(0, withText!.description.lastIndexOf('\n')));
  });

  it('gives a run without a usable length (none, zero, negative) the default 30 minutes, and a short one its own', () => {
    const length = (durationMs: number | undefined): number => {
      const [event] = parse(buildIcs({ sources: [{ ...nightly, durationMs }], ...oneDay }).text);
      return event!.end - event!.start;
    };
    expect([undefined, 0, -60_000, 1_000].map(length)).toEqual([30 * 60_000, 30 * 60_000, 30 * 60_000, 1_000]);
    const durationLine = (durationMs: number | undefined): string | undefined =>
      buildIcs({ sources: [{ ...nightly, durationMs }], ...oneDay })
        .text.split('\r\n')
        .find((l) => l.startsWith('DURATION:'));
    expect([undefined, 0, 45 * 60_000].map(durationLine)).toEqual(['DURATION:PT30M', 'DURATION:PT30M', 'DURATION:PT45M']);
  });

  it('holds exactly as many events as allowed; one more is refused, counting every schedule', () => {
    const twoWeeks = { from: FROM, to: TO, now: NOW };
    const events = engine(nightly).length + engine(weekly).length;
    expect(buildIcs({ sources: [nightly, weekly], ...twoWeeks, maxEvents: events }).events).toBe(events);
    expect(refusal(() => buildIcs({ sources: [nightly, weekly], ...twoWeeks, maxEvents: events - 1 }))).toEqual({
      kind: 'invalid-input',
      message: `${events} runs fall between 2026-12-01 and 2026-12-14 (UTC): more than the ${events - 1} one calendar file can hold. Choose a shorter window or fewer profiles, or leave out the schedules that fire every few minutes.`,
    });
  });

  it('refuses an empty window and an unreadable schedule as invalid input, in words', () => {
    expect(refusal(() => buildIcs({ sources: [nightly], from: FROM, to: FROM, now: NOW }))).toEqual({
      kind: 'invalid-input',
      message: 'The export window needs a start before its end.',
    });
    expect(refusal(() => buildIcs({ sources: [{ ...nightly, timeExpression: '0 0 25 * * ?' }], ...oneDay }))).toEqual({
      kind: 'invalid-input',
      message: 'Job job-42 of Sales, production cannot be exported: Hours: 25 is out of range 0-23.',
    });
  });
});
