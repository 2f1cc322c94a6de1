import { describe, expect, it } from 'vitest';
import { shortLabel } from '@renderer/calendar/short-label';
import { firstFreePreset, presetExpression } from '@renderer/create/presets';
import { shiftedRange, timelineRange, timeStepKey } from '@renderer/timeline/timeline-scale';
import { calendarKeyAction } from '@renderer/calendar/calendar-keys';
import { environmentName } from '@renderer/common/environment-name';

describe('chip labels tell schedules of one profile apart', () => {
  it('names the days, the repeat and the month in a few words', () => {
    expect(shortLabel('0 0 4 ? * * *')).toBe('daily');
    expect(shortLabel('0 15 4 ? * MON-FRI *')).toBe('Mon–Fri');
    expect(shortLabel('0 30 1 ? * 1 *')).toBe('Sun');
    expect(shortLabel('0 0/15 * ? * * *')).toBe('every 15 min');
    expect(shortLabel('* * * ? * * *')).toBe('every s');
    expect(shortLabel('0 0 2 L * ? *')).toBe('last day');
    expect(shortLabel('0 0 3 ? * 2#1 *')).toBe('1st Mon');
    expect(shortLabel('0 0 3 1 JAN,JUL ? *')).toBe('day 1 · Jan, Jul');
    expect(shortLabel('0 0 4 ? * * *')).not.toBe(shortLabel('0 0 4 ? * SAT *'));
  });
});

describe('the create dialog opens on a free time', () => {
  it('skips default times that clash', () => {
    const taken = new Set(['0 0 4 ? * * *', '0 0 3 ? * * *']);
    expect(presetExpression(firstFreePreset((e) => taken.has(e)))).toBe('0 0 5 ? * * *');
    expect(presetExpression(firstFreePreset(() => false))).toBe('0 0 4 ? * * *');
  });
});

describe('moving in time', () => {
  const now = new Date('2027-03-10T10:17:00Z');
  it('steps the timeline by half its window, back and forth', () => {
    const base = timelineRange(now, 'week');
    expect(shiftedRange(now, 'week', 1).from.getTime() - base.from.getTime()).toBe(3.5 * 86_400_000);
    expect(shiftedRange(now, 'day', -2).to.getTime() - base.from.getTime()).toBe(timelineRange(now, 'day').to.getTime() - base.from.getTime() - 86_400_000);
    expect([timeStepKey('['), timeStepKey('PageDown'), timeStepKey('ArrowDown')]).toEqual([-1, 1, null]);
  });
  it('pages a week in the week view and a month in the month view', () => {
    const day = { year: 2027, month: 3, day: 10 };
    expect(calendarKeyAction('PageDown', day, 0, 'week')).toEqual({ kind: 'move', to: { year: 2027, month: 3, day: 17 } });
    expect(calendarKeyAction('PageDown', day, 0)).toEqual({ kind: 'move', to: { year: 2027, month: 4, day: 10 } });
  });
});

describe('environment labels', () => {
  it('read alike whatever case the profile stored', () => {
    expect(environmentName({ kind: 'production', label: 'production' })).toBe('Production');
    expect(environmentName({ kind: 'production', label: ' PROD ' })).toBe('Production');
    expect(environmentName({ kind: 'development', label: 'dev' })).toBe('Development');
    expect(environmentName({ kind: 'custom', label: 'eu live' })).toBe('Eu live');
    expect(environmentName({ kind: 'custom', label: '  ' })).toBe('Custom');
  });
});
