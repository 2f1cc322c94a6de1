// The .ics file against RFC 5545 where importers are strict: no control characters from the server in any
// line, lines of at most 75 octets, at least one event, and never more text than the save channel takes.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildIcs, icsUid, type IcsSource } from '@core/exports/ics';
import { exportChannels, MAX_SAVE_TEXT_LENGTH } from '@shared/ipc/channels/exports';
import { refusal } from './helpers';

const FROM = new Date('2026-12-01T00:00:00Z');
const ONE_DAY = new Date('2026-12-02T00:00:00Z');
const NOW = new Date('2026-11-30T12:00:00Z');

const nightly: IcsSource = {
  profileId: 'prof-1',
  profileName: 'Sales',
  orgId: 'default',
  environmentLabel: 'Production',
  jobId: 'job-42',
  timeExpression: '0 0 4 * * ?',
  serverTimeZone: 'UTC',
};

const CONTROL = /\p{Cc}/u;
const octets = (line: string): number => new TextEncoder().encode(line).length;
/** The physical lines, each without its CRLF; throws when the file does not end in CRLF. */
function physicalLines(text: string): string[] {
  expect(text.endsWith('\r\n')).toBe(true);
  return text.split('\r\n').slice(0, -1);
}

function onlyEvent(text: string): ICAL.Event {
  const [event] = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
  return new ICAL.Event(event);
}

describe('control characters from the server', () => {
  const noisy: IcsSource = {
    ...nightly,
    profileName: 'Sales\u0007bell',
    orgId: 'de\u0000fault',
    environmentLabel: 'Prod\nEU',
    jobId: 'job\rX',
    timeExpression: '0 0 4 * * ?\r',
    serverTimeZone: 'UTC',
    description: 'line one\r\nline two\rline three\u007f\tend',
  };

  it('never reach a line of the file: each becomes a space, a line break in the description a new line', () => {
    const text = buildIcs({ sources: [noisy], from: FROM, to: ONE_DAY, now: NOW }).text;
    const bad = physicalLines(text).filter((l) => CONTROL.test(l));
    expect(bad).toEqual([]);
    const event = onlyEvent(text);
    expect(event.uid).toBe('prof-1-job X-1796097600@atscale-maintenance-scheduler');
    expect(event.uid).toBe(icsUid(noisy.profileId, noisy.jobId, new Date('2026-12-01T04:00:00Z')));
    expect(event.summary).toBe('AtScale maintenance: Sales bell (Prod EU), org de fault');
    expect(event.description).toBe(
      [
        'Profile: Sales bell',
        'Org: de fault',
        'Environment: Prod EU',
        'Expression: 0 0 4 * * ?  (Quartz, server zone UTC)',
        'Job: job X',
        'Description: line one',
        'line two',
        'line three  end',
      ].join('\n'),
    );
  });

  it('do not move the runs: the engine still reads the expression as it came', () => {
    const event = onlyEvent(buildIcs({ sources: [noisy], from: FROM, to: ONE_DAY, now: NOW }).text);
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-12-01T04:00:00.000Z');
  });
});

describe('line folding', () => {
  // Every alignment of 2-, 3- and 4-octet characters (the last a surrogate pair) against the fold.
  const names = [0, 1, 2, 3].map((lead) => `${'x'.repeat(lead)}${'ü東😀'.repeat(30)}`);

  it('keeps every line within 75 octets, the leading space included, and splits no character', () => {
    for (const profileName of names) {
      const text = buildIcs({ sources: [{ ...nightly, profileName, jobId: `job-${'ß'.repeat(50)}` }], from: FROM, to: ONE_DAY, now: NOW }).text;
      const lines = physicalLines(text);
      expect(lines.filter((l) => octets(l) > 75)).toEqual([]);
      expect(lines.filter((l) => l.startsWith(' ')).length).toBeGreaterThan(4);
      // A split surrogate pair would come back from UTF-8 as U+FFFD.
      for (const l of lines) expect(new TextDecoder('utf-8', { fatal: true }).decode(new TextEncoder().encode(l))).toBe(l);
      expect(onlyEvent(text).summary).toBe(`AtScale maintenance: ${profileName} (Production), org default`);
    }
  });

  it('fills each line: a long ASCII line is cut at exactly 75 octets', () => {
    const text = buildIcs({ sources: [{ ...nightly, profileName: 'N'.repeat(300) }], from: FROM, to: ONE_DAY, now: NOW }).text;
    const summary = physicalLines(text).filter((l, i, all) => l.startsWith('SUMMARY:') || (l.startsWith(' ') && all[i - 1]?.startsWith('SUMMARY:')));
    expect(summary.map(octets).slice(0, 2)).toEqual([75, 75]);
  });

  // Characters at each UTF-8 size's edges (U+007F and U+0080 are controls, cleaned to spaces, so '~' and '¡'
  // stand in): counted one octet too many, lines end short; one too few, they run past 75.
  for (const char of ['~', '\u00a1', '\u07ff', '\u0800', '\uffff', '\u{10000}']) {
    const size = Buffer.byteLength(char, 'utf8');
    it(`packs U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} (${size} octets) as full as 75 octets allow, never split`, () => {
      const text = buildIcs({ sources: [{ ...nightly, profileName: char.repeat(120) }], from: FROM, to: ONE_DAY, now: NOW }).text;
      const lines = physicalLines(text);
      const first = lines.findIndex((l) => l.startsWith('SUMMARY:'));
      let end = first + 1;
      while (lines[end]?.startsWith(' ')) end++;
      const summary = lines.slice(first, end);
      for (const line of summary.slice(0, -1)) {
        expect(octets(line)).toBeLessThanOrEqual(75);
        expect(octets(line)).toBeGreaterThan(75 - size);
      }
      expect(summary.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toContain(char.repeat(120));
    });
  }
});

describe('a window without runs', () => {
  it('is refused, naming the days it covers', () => {
    expect(refusal(() => buildIcs({ sources: [{ ...nightly, timeExpression: '0 0 4 1 1 ?' }], from: FROM, to: ONE_DAY, now: NOW }))).toEqual({
      kind: 'invalid-input',
      message: 'No runs fall on 2026-12-01 (UTC): there is nothing to export. Choose a longer window or other schedules.',
    });
  });
});

describe('the size of the file', () => {
  it('is within what files:save takes, and the shared limit is the one that channel checks', () => {
    const save = exportChannels['files:save'].request;
    expect(save.safeParse({ suggestedName: 'runs.ics', text: 'x'.repeat(MAX_SAVE_TEXT_LENGTH) }).success).toBe(true);
    expect(save.safeParse({ suggestedName: 'runs.ics', text: 'x'.repeat(MAX_SAVE_TEXT_LENGTH + 1) }).success).toBe(false);
  });

  it('an export under the event limit but too long to save is refused, naming the window and how to narrow it', () => {
    // 48,960 events (every minute for 34 days), each about 1,700 characters long with these names.
    const long: IcsSource = {
      ...nightly,
      profileName: 'Sales '.repeat(42),
      orgId: 'org-'.repeat(63),
      environmentLabel: 'Production '.repeat(23),
      timeExpression: '0 * * * * ?',
    };
    const to = new Date('2027-01-04T00:00:00Z');
    expect(refusal(() => buildIcs({ sources: [long], from: FROM, to, now: NOW }))).toEqual({
      kind: 'invalid-input',
      message:
        '48,960 runs fall between 2026-12-01 and 2027-01-03 (UTC): their calendar file would be larger than the 64 MiB one saved file can hold. ' +
        'Choose a shorter window or fewer profiles.',
    });
  });
});
