// Expressions written for Unix cron (five fields, Sunday = 0) and the day-field rule Quartz adds ('?' in
// exactly one of day-of-month and day-of-week), with the Quartz form to use instead.
import { excerpt } from './parse-notes';
import { QUARTZ_FIELDS } from './fields';
import type { LintIssue } from './lint-types';
import { readsWhole, wholeFix } from './lint-text';

const DAY_NAMES = QUARTZ_FIELDS[5]?.names ?? [];

/** A Unix day-of-week value (0-7, 0 and 7 = Sunday, or a name) as 0-6; null when it is neither. */
function unixDay(text: string): number | null {
  if (/^[0-7]$/.test(text)) return Number(text) % 7;
  // Names are three letters, so shorter text never matches.
  const i = DAY_NAMES.indexOf(text.slice(0, 3));
  return i >= 0 ? i : null;
}

/** Unix day-of-week text ('1-5', '0,6', '*\/2', 'MON-FRI') as Quartz text (1 = Sunday); null if unreadable. */
export function unixDayOfWeekToQuartz(field: string): string | null {
  const days = new Set<number>();
  for (const part of field.toUpperCase().split(',')) {
    const m = /^(\*|[0-7A-Z]+)(?:-([0-7A-Z]+))?(?:\/([0-9]+))?$/.exec(part);
    if (!m) return null;
    const start = m[1] === '*' ? 0 : unixDay(m[1] as string);
    // '7' as a range end is Saturday + 1 (Sunday), so keep it as 7 to run the range forward.
    const end = m[2] !== undefined ? (m[2] === '7' ? 7 : unixDay(m[2])) : m[1] === '*' || m[3] !== undefined ? 6 : start;
    const step = m[3] !== undefined ? Number(m[3]) : 1;
    if (start === null || end === null || step < 1 || end < start) return null;
    for (let d = start; d <= end; d += step) days.add(d % 7);
  }
  if (days.size === 7) return '*';
  const q = [...days].map((d) => d + 1).sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < q.length;) {
    let j = i;
    while (q[j + 1] === (q[j] as number) + 1) j++;
    runs.push(j - i >= 2 ? `${q[i]}-${q[j]}` : q.slice(i, j + 1).join(','));
    i = j + 1;
  }
  return runs.join(',');
}

const MACROS: Record<string, string> = {
  '@YEARLY': '0 0 0 1 1 ?',
  '@ANNUALLY': '0 0 0 1 1 ?',
  '@MONTHLY': '0 0 0 1 * ?',
  '@WEEKLY': '0 0 0 ? * 1',
  '@DAILY': '0 0 0 ? * *',
  '@MIDNIGHT': '0 0 0 ? * *',
  '@HOURLY': '0 0 * ? * *',
};

const isAny = (field: string): boolean => field === '*' || field === '?';

/** A five-field Unix cron or an @daily-style macro: say so, with the Quartz form when there is one. */
export function unixCronIssues(tokens: readonly string[]): LintIssue[] {
  if (tokens.length === 1 && (tokens[0] as string).startsWith('@')) {
    const q = MACROS[(tokens[0] as string).toUpperCase()];
    return [
      {
        code: 'unix-cron',
        severity: 'error',
        field: 'expression',
        message: q
          ? `Expression: '${excerpt(tokens[0] as string)}' is Unix cron shorthand; Quartz needs its fields written out: ${q}.`
          : `Expression: '${excerpt(tokens[0] as string)}' is Unix cron shorthand that Quartz has no form for; write the 6 or 7 fields, e.g. 0 0 3 ? * *.`,
        ...(q ? { suggestion: q } : {}),
      },
    ];
  }
  if (tokens.length !== 5) return [];
  const [min, hour, dom, month, dow] = tokens as [string, string, string, string, string];
  const qDow = unixDayOfWeekToQuartz(dow);
  const head = `0 ${min} ${hour}`;
  const issues: LintIssue[] = [];
  let suggestion: string | null = null;
  let message: string;
  if (!isAny(dom) && !isAny(dow)) {
    const a = `${head} ${dom} ${month} ?`,
      b = qDow ? `${head} ? ${month} ${qDow}` : null;
    message = `Expression: this is a five-field Unix cron, and it runs when either the day-of-month or the day-of-week matches, which one Quartz expression cannot say; create two schedules: ${a}${b ? ` and ${b}` : ''}.`;
  } else {
    suggestion = isAny(dow) ? `${head} ${isAny(dom) ? '?' : dom} ${month} ${isAny(dom) ? '*' : '?'}` : qDow ? `${head} ? ${month} ${qDow}` : null;
    if (suggestion) suggestion = wholeFix(suggestion) ?? null;
    message = `Expression: this is a five-field Unix cron; Quartz starts with seconds, needs '?' in one day field and counts days 1-7 from Sunday. ${suggestion ? `Use ${suggestion}` : 'Write it as 6 or 7 Quartz fields, e.g. 0 0 4 ? * *'}.`;
  }
  issues.push({ code: 'unix-cron', severity: 'error', field: 'expression', message, ...(suggestion ? { suggestion } : {}) });
  if (hasZeroDay(dow)) {
    issues.push({
      code: 'sunday-zero',
      severity: 'error',
      field: 'day-of-week',
      message: `Day-of-week: Unix cron's 0 (Sunday) is 1 in Quartz, which counts 1-7 from Sunday${qDow && qDow !== '*' ? `; '${excerpt(dow)}' becomes '${qDow}'` : ''}.`,
      ...(suggestion ? { suggestion } : {}),
    });
  }
  return issues;
}

/** A day number 0 anywhere in a day-of-week field ('0', '0-4', '5,0', '0#2', '0L'); steps and the n after '#' are not days. */
function hasZeroDay(field: string): boolean {
  return field.split(',').some((part) => (part.split(/[/#]/)[0] as string).split('-').some((v) => /^0+L?$/i.test(v)));
}

/** Day-of-week 0 in a Quartz expression: Quartz rejects it, except in '0#n', which it reads as Saturday. */
export function sundayZeroIssues(tokens: readonly string[], accepted: boolean): LintIssue[] {
  const dow = tokens[5];
  if ((tokens.length !== 6 && tokens.length !== 7) || dow === undefined || !hasZeroDay(dow)) return [];
  // With a 0 the numbers are most likely counted from Sunday = 0, as in Unix cron: shift them all.
  const shifted = unixDayOfWeekToQuartz(dow) ?? dow.replace(/(^|[,-])0+(?=$|[,#L/-])/gi, '$11');
  const candidate = [...tokens.slice(0, 5), shifted, ...tokens.slice(6)].join(' ');
  const suggestion = wholeFix(candidate);
  return [
    {
      code: 'sunday-zero',
      severity: 'error',
      field: 'day-of-week',
      message: `Day-of-week: Quartz counts days 1-7 from Sunday (1 = SUN, 7 = SAT), so ${accepted ? `it reads 0 in '${excerpt(dow)}' as Saturday` : '0 is not a day'}. Write 1 or SUN for Sunday${shifted !== dow ? `; counted from 0 as in Unix cron, '${excerpt(dow)}' is '${shifted}'` : ''}.`,
      ...(suggestion ? { suggestion } : {}),
    },
  ];
}

/** For an expression Quartz rejects: when the day fields break its rule ('?' in exactly one of them), say which way to fix it. */
export function dayFieldIssues(tokens: readonly string[]): LintIssue[] {
  if (tokens.length !== 6 && tokens.length !== 7) return [];
  const dom = tokens[3] as string,
    dow = tokens[5] as string;
  const withDays = (d: string, w: string): string => [...tokens.slice(0, 3), d, tokens[4], w, ...tokens.slice(6)].join(' ');
  const issue = (message: string, suggestion?: string): LintIssue[] => [
    {
      code: 'both-day-fields',
      severity: 'error',
      field: 'day-of-week',
      message,
      ...(suggestion ? { suggestion } : {}),
    },
  ];
  if (dom === '?' && dow === '?') {
    const s = withDays('*', '?');
    return readsWhole(s) ? issue(`Day-of-week: '?' is in both day fields; give one of them a value: ${s}.`, s) : [];
  }
  if (dom === '*' || dow === '*') {
    const s = dow === '*' ? withDays(dom, '?') : withDays('?', dow);
    const which = dow === '*' ? 'day-of-week' : 'day-of-month';
    return readsWhole(s) ? issue(`Day-of-week: Quartz needs '?' in day-of-month or day-of-week; put it in ${which}: ${s}.`, s) : [];
  }
  if (!readsWhole(withDays(dom, '?')) || !readsWhole(withDays('?', dow))) return [];
  return issue(
    `Day-of-week: Quartz cannot combine day-of-month '${excerpt(dom)}' with day-of-week '${excerpt(dow)}'; keep one and put '?' in the other (${withDays(dom, '?')} or ${withDays('?', dow)}).`,
  );
}
