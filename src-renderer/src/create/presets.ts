// Presets for the create dialog: the common schedules, each turned into a Quartz expression.
export type PresetKind = 'daily' | 'weekly' | 'monthly-day' | 'monthly-last' | 'monthly-nth' | 'every-hours';

export interface PresetState {
  kind: PresetKind;
  /** "HH:MM" in the server's zone. */
  time: string;
  /** Quartz day-of-week numbers, 1 = Sunday. */
  days: number[];
  dayOfMonth: number;
  nth: number;
  weekday: number;
  everyHours: number;
  atMinute: number;
}

export const PRESET_LABELS: Record<PresetKind, string> = {
  daily: 'Daily at',
  weekly: 'Weekly on',
  'monthly-day': 'Monthly on a day',
  'monthly-last': 'Monthly on the last day',
  'monthly-nth': 'Monthly on the nth weekday',
  'every-hours': 'Every N hours',
};

/** Quartz numbers days 1 (Sunday) to 7 (Saturday). */
export const WEEKDAYS: { value: number; short: string; long: string }[] = [
  { value: 2, short: 'MON', long: 'Monday' },
  { value: 3, short: 'TUE', long: 'Tuesday' },
  { value: 4, short: 'WED', long: 'Wednesday' },
  { value: 5, short: 'THU', long: 'Thursday' },
  { value: 6, short: 'FRI', long: 'Friday' },
  { value: 7, short: 'SAT', long: 'Saturday' },
  { value: 1, short: 'SUN', long: 'Sunday' },
];

export const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth'];

export const DEFAULT_PRESET: PresetState = {
  kind: 'daily',
  time: '04:00',
  days: [2],
  dayOfMonth: 1,
  nth: 1,
  weekday: 2,
  everyHours: 6,
  atMinute: 0,
};

function hourMinute(time: string): [number, number] {
  const m = /^(\d{1,2}):(\d{2})$/.exec(time);
  if (!m) return [4, 0];
  return [Math.min(23, Number(m[1])), Math.min(59, Number(m[2]))];
}

export function presetExpression(p: PresetState): string {
  const [h, m] = hourMinute(p.time);
  switch (p.kind) {
    case 'daily':
      return `0 ${m} ${h} ? * * *`;
    case 'weekly': {
      const days = WEEKDAYS.filter((d) => p.days.includes(d.value)).map((d) => d.short);
      return `0 ${m} ${h} ? * ${days.length > 0 ? days.join(',') : 'MON'} *`;
    }
    case 'monthly-day':
      return `0 ${m} ${h} ${p.dayOfMonth} * ? *`;
    case 'monthly-last':
      return `0 ${m} ${h} L * ? *`;
    case 'monthly-nth':
      return `0 ${m} ${h} ? * ${p.weekday}#${p.nth} *`;
    case 'every-hours':
      return `0 ${p.atMinute} 0/${p.everyHours} ? * * *`;
  }
}

/** Times tried, in order, for the default preset (maintenance runs at night). */
const DEFAULT_TIMES = ['04:00', '03:00', '05:00', '02:00', '01:00', '00:00', '23:00', '22:00', '06:00'];

/**
 * The preset the dialog opens with: daily at the first night hour whose runs neither duplicate nor
 * land near another schedule of the org (`clashes`), else the plain default.
 */
export function firstFreePreset(clashes: (expression: string) => boolean): PresetState {
  for (const time of DEFAULT_TIMES) {
    const preset = { ...DEFAULT_PRESET, time };
    if (!clashes(presetExpression(preset))) return preset;
  }
  return DEFAULT_PRESET;
}
