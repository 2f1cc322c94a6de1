// A few words that tell one schedule from another on a chip ('Mon–Fri', 'every 15 min', 'day 1'),
// read from the expression's fields: cheap enough for every chip of a month, unlike the full words.
const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const ORDINAL = ['', '1st', '2nd', '3rd', '4th', '5th'];

const labels = new Map<string, string>();

const any = (field: string) => field === '*' || field === '?';

function dayName(token: string): string {
  if (/^\d$/.test(token)) return DAY_NAMES[(Number(token) - 1 + 7) % 7] ?? token;
  const name = token.slice(0, 3).toLowerCase();
  return DAY_NAMES.find((d) => d.toLowerCase() === name) ?? token;
}

function daysOfWeek(field: string): string {
  const nth = /^(\w+)#(\d)$/.exec(field);
  if (nth) return `${ORDINAL[Number(nth[2])] ?? `${nth[2]}th`} ${dayName(nth[1] ?? '')}`;
  const last = /^(\w+)L$/.exec(field);
  if (last) return `last ${dayName(last[1] ?? '')}`;
  return field
    .split(',')
    .map((part) => part.split('-').map(dayName).join('–'))
    .join(', ');
}

function every(field: string, unit: string): string | null {
  if (field === '*') return `every ${unit}`;
  const step = /^(?:\*|\d+)\/(\d+)$/.exec(field);
  return step ? `every ${step[1]} ${unit}` : null;
}

function months(field: string): string {
  return field
    .split(',')
    .map((part) =>
      part
        .split('-')
        .map((m) => (/^\d+$/.test(m) ? (MONTH_NAMES[Number(m) - 1] ?? m) : m.charAt(0) + m.slice(1, 3).toLowerCase()))
        .join('–'),
    )
    .join(', ');
}

function build(expression: string): string {
  const [sec = '0', min = '0', hour = '0', dom = '?', month = '*', dow = '?'] = expression.trim().split(/\s+/);
  const repeat = every(sec, 's') ?? every(min, 'min') ?? every(hour, 'h') ?? (hour.includes(',') ? `at ${hour.split(',').length} hours` : null);
  let days: string | null = null;
  if (!any(dow)) days = daysOfWeek(dow.toUpperCase());
  else if (dom === 'L') days = 'last day';
  else if (dom === 'LW') days = 'last weekday';
  else if (!any(dom)) days = `day ${dom}`;
  const parts = [repeat, days ?? (repeat ? null : 'daily'), any(month) ? null : months(month)].filter((p): p is string => p !== null);
  return parts.join(' · ');
}

/** The expression in a few words for a chip; the same words for the same expression. */
export function shortLabel(expression: string): string {
  let label = labels.get(expression);
  if (label === undefined) {
    label = build(expression);
    labels.set(expression, label);
  }
  return label;
}
