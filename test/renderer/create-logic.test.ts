// The create dialog's pure logic against the real Quartz engine: presets, builder <-> raw sync,
// live validation naming the field, and the two warnings (more often than hourly, within an hour).
import { describe, expect, it } from 'vitest';
import type { Schedule } from '@shared/domain';
import { DEFAULT_PRESET, presetExpression, type PresetState } from '@renderer/create/presets';
import { checkExpression, joinFields, normalizeExpression, sameOrgSchedules, splitFields, validationMessage } from '@renderer/create/expression-fields';
import { findClash } from '@renderer/create/analysis';
import { gateOf, lintForWrite, suggestionsOf } from '@renderer/create/lint-gate';
import { validateQuartz, nextRuns } from '@shared/cron';

const preset = (p: Partial<PresetState>): PresetState => ({ ...DEFAULT_PRESET, ...p });
const now = new Date('2026-11-28T10:00:00Z');

function schedule(timeExpression: string, active: boolean | null = true): Schedule {
  return { timeExpression, active, jobId: timeExpression } as unknown as Schedule;
}

describe('presets -> expression', () => {
  it.each([
    [preset({ kind: 'daily', time: '04:00' }), '0 0 4 ? * * *'],
    [preset({ kind: 'daily', time: '23:45' }), '0 45 23 ? * * *'],
    [preset({ kind: 'weekly', time: '01:30', days: [1, 2, 6] }), '0 30 1 ? * MON,FRI,SUN *'],
    [preset({ kind: 'weekly', days: [] }), '0 0 4 ? * MON *'],
    [preset({ kind: 'monthly-day', time: '02:00', dayOfMonth: 15 }), '0 0 2 15 * ? *'],
    [preset({ kind: 'monthly-last', time: '02:00' }), '0 0 2 L * ? *'],
    [preset({ kind: 'monthly-nth', time: '03:10', weekday: 2, nth: 3 }), '0 10 3 ? * 2#3 *'],
    [preset({ kind: 'every-hours', everyHours: 6, atMinute: 15 }), '0 15 0/6 ? * * *'],
  ])('%o gives %s, which Quartz accepts', (p, expected) => {
    const expression = presetExpression(p);
    expect(expression).toBe(expected);
    expect(validateQuartz(expression)).toEqual({ ok: true });
  });

  it('clamps a malformed or out-of-range time instead of producing an invalid expression', () => {
    expect(presetExpression(preset({ time: '99:99' }))).toBe('0 59 23 ? * * *');
    expect(presetExpression(preset({ time: 'soon' }))).toBe('0 0 4 ? * * *');
  });

  it('the nth-weekday preset fires on that weekday of the month', () => {
    // Third Monday (2 = Monday in Quartz) at 03:10 UTC: 21 Dec 2026.
    const [first] = nextRuns(presetExpression(preset({ kind: 'monthly-nth', time: '03:10', weekday: 2, nth: 3 })), { after: now, count: 1, timeZone: 'UTC' });
    expect(first?.toISOString()).toBe('2026-12-21T03:10:00.000Z');
  });
});

describe('builder <-> raw expression', () => {
  it('splits a raw expression into seven fields, the year empty when absent', () => {
    expect(splitFields('0 30 1 ? * SUN')).toEqual(['0', '30', '1', '?', '*', 'SUN', '']);
    expect(splitFields('  0  30 1 ? *   SUN 2027 ')).toEqual(['0', '30', '1', '?', '*', 'SUN', '2027']);
  });

  it('joins the fields back to the same text (round trip), dropping an empty year', () => {
    for (const e of ['0 0 4 ? * * *', '0 30 1 ? * SUN', '0 0 2 L * ? 2027']) expect(joinFields(splitFields(e))).toBe(e);
    expect(joinFields(['0', '0', '4', '?', '*', '*', ''])).toBe('0 0 4 ? * *');
  });

  it('keeps an emptied field as a gap so the check names it, not the field after it', () => {
    const joined = joinFields(['0', '', '4', '?', '*', '*', '*']);
    expect(joined).toBe('0  4 ? * * *');
    const v = checkExpression(joined);
    expect(v).toMatchObject({ ok: false, field: 'minutes' });
    expect(validationMessage(v)).toBe('Minutes is empty: enter 0-59, or * for every value.');
  });

  it('normalizes spacing for submission', () => {
    expect(normalizeExpression('  0 0   4 ? * *  ')).toBe('0 0 4 ? * *');
  });
});

describe('live validation', () => {
  it('asks for an expression when the box is empty', () => {
    expect(checkExpression('   ')).toEqual({ ok: false, field: 'expression', message: 'Enter an expression.' });
  });

  it('accepts a valid expression', () => {
    expect(checkExpression('0 30 1 ? * SUN *')).toEqual({ ok: true });
  });

  it('names the field at fault for an out-of-range value', () => {
    const v = checkExpression('0 0 25 ? * * *');
    expect(v).toMatchObject({ ok: false, field: 'hours' });
    expect(validationMessage(v)).toMatch(/^Hours/i);
  });

  it('names the day fields when both are given (Quartz needs ? in one of them)', () => {
    const v = checkExpression('0 0 4 1 * MON *');
    expect(v.ok).toBe(false);
    expect(validationMessage(v)).toMatch(/day/i);
  });

  it('does not repeat the field name when the engine message already starts with it', () => {
    expect(validationMessage({ ok: false, field: 'day-of-week', message: 'Day-of-week: 8 is out of range' })).toBe('Day-of-week: 8 is out of range');
    expect(validationMessage({ ok: false, field: 'day-of-week', message: '8 is out of range' })).toBe('Day of week: 8 is out of range');
  });
});

describe('the linter before create', () => {
  const lint = (expression: string, existing: string[] = []) => lintForWrite(expression, { timeZone: 'UTC', now, existing });

  it('refuses every second, and lets it go only with the explicit override', () => {
    const issues = lint('* * * ? * *');
    expect(issues.map((i) => i.code)).toContain('too-frequent');
    expect(gateOf(issues, false).ok).toBe(false);
    expect(gateOf(issues, false).reason).toMatch(/Allow runs this frequent/);
    expect(gateOf(issues, true).ok).toBe(true);
  });

  it('no longer warns for every 15 minutes (the old hourly note): only runs closer than the minimum are refused', () => {
    expect(gateOf(lint('0 0/15 * ? * * *'), false).ok).toBe(true);
  });

  it('refuses a schedule that never fires, whatever the override', () => {
    const gate = gateOf(lint('0 0 4 30 2 ?'), true);
    expect(gate.ok).toBe(false);
    expect(gate.blocking.map((i) => i.code)).toEqual(['never-fires']);
  });

  it('flags an en dash between weekdays and offers the fix in one click', () => {
    const issues = lint('0 0 4 ? * MON\u2013FRI');
    expect(issues.map((i) => i.code)).toContain('lookalike-character');
    expect(suggestionsOf(issues).map((x) => x.suggestion)).toContain('0 0 4 ? * MON-FRI');
  });

  it('offers the Quartz form of a five-field Unix cron', () => {
    expect(suggestionsOf(lint('0 4 * * *'))).toEqual([{ code: 'unix-cron', suggestion: '0 0 4 ? * *' }]);
  });

  it('calls a schedule with the same fire times a duplicate, and no longer a near clash', () => {
    const issues = lint('0 0 4 * * ?', ['0 0 4 ? * * *']);
    expect(gateOf(issues, true).blocking.map((i) => i.code)).toEqual(['duplicate']);
    expect(findClash('0 0 4 * * ?', 'UTC', [schedule('0 0 4 ? * * *')], now)).toBeNull();
  });

  it('names a bad server zone instead of throwing', () => {
    expect(lintForWrite('0 0 4 ? * *', { timeZone: 'Mars/Base', now, existing: [] })[0]?.message).toMatch(/Mars\/Base/);
  });
});

describe('within an hour of another schedule in the same org', () => {
  it('finds the first run near another schedule, with both times', () => {
    const clash = findClash('0 30 4 ? * * *', 'UTC', [schedule('0 0 4 ? * * *')], now);
    expect(clash?.other.timeExpression).toBe('0 0 4 ? * * *');
    expect(clash?.ours.toISOString()).toBe('2026-11-29T04:30:00.000Z');
    expect(clash?.theirs.toISOString()).toBe('2026-11-29T04:00:00.000Z');
  });

  it('counts a run just before ours too, and not one exactly an hour away', () => {
    expect(findClash('0 0 4 ? * * *', 'UTC', [schedule('0 1 3 ? * * *')], now)).not.toBeNull();
    expect(findClash('0 0 4 ? * * *', 'UTC', [schedule('0 0 3 ? * * *')], now)).toBeNull();
  });

  it('finds a weekly clash days ahead, and none with a schedule far away in the day', () => {
    expect(findClash('0 0 2 ? * * *', 'UTC', [schedule('0 30 1 ? * SUN *')], now)?.ours.toISOString()).toBe('2026-11-29T02:00:00.000Z');
    expect(findClash('0 0 12 ? * * *', 'UTC', [schedule('0 0 4 ? * * *'), schedule('0 30 1 ? * SUN *')], now)).toBeNull();
  });

  it('only counts active schedules of the same server and org', () => {
    const profiles = [
      { id: 'a', apiUrl: 'https://h:10502', orgId: 'default' },
      { id: 'b', apiUrl: 'https://h:10502', orgId: 'default' },
      { id: 'c', apiUrl: 'https://h:10502', orgId: 'other' },
      { id: 'd', apiUrl: 'https://x:10502', orgId: 'default' },
    ];
    const lists: Record<string, Schedule[]> = {
      a: [schedule('0 0 1 ? * * *'), schedule('0 0 2 ? * * *', false)],
      b: [schedule('0 0 3 ? * * *')],
      c: [schedule('0 0 5 ? * * *')],
      d: [schedule('0 0 6 ? * * *')],
    };
    const others = sameOrgSchedules(profiles[0]!, profiles, (id) => lists[id] ?? []);
    expect(others.map((s) => s.timeExpression)).toEqual(['0 0 1 ? * * *', '0 0 3 ? * * *']);
  });
});
