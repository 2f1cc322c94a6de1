// Words for a health verdict (tooltips, notifications) and the worst verdict of a group (sidebar dot).
import type { HealthVerdict, ScheduleHealth } from './types';

/** "45 s", "7 min", "1 h 12 min", "3 d 4 h": the size of a lateness, rounded to what a reader needs. */
export function formatLateness(ms: number): string {
  const s = Math.round(Math.abs(ms) / 1000);
  if (s < 60) return `${s} s`;
  const min = Math.round(s / 60);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 48) return min % 60 === 0 ? `${h} h` : `${h} h ${min % 60} min`;
  const d = Math.floor(h / 24);
  return h % 24 === 0 ? `${d} d` : `${d} d ${h % 24} h`;
}

function offsetWords(expectedAt: string, executedAt: string): string {
  const ms = Date.parse(executedAt) - Date.parse(expectedAt);
  if (Math.abs(ms) < 30_000) return 'on the minute';
  return ms > 0 ? `${formatLateness(ms)} late` : `${formatLateness(ms)} early`;
}

/**
 * One short sentence for a tooltip, e.g. "Expected 04:00, ran 04:07 (7 min late)". `formatTime` turns an
 * ISO instant into the caller's own words (renderer: user's zone and locale; core: notifications).
 */
export function explainHealth(health: ScheduleHealth, formatTime: (iso: string) => string): string {
  const { expectedAt: exp, executedAt: ran } = health;
  const latest = ran === null ? 'it has never run' : `latest run ${formatTime(ran)}`;
  switch (health.verdict) {
    case 'on-time':
    case 'late':
      if (exp === null || ran === null) break;
      return `Expected ${formatTime(exp)}, ran ${formatTime(ran)} (${offsetWords(exp, ran)})`;
    case 'missed':
      if (exp === null) break;
      return `Expected ${formatTime(exp)}, did not run (${latest})`;
    case 'extra':
      if (ran === null) break;
      return exp === null
        ? `Ran ${formatTime(ran)} outside the schedule (manual or event-triggered)`
        : `Ran ${formatTime(ran)} outside the schedule (manual or event-triggered); expected fire ${formatTime(exp)}`;
    case 'not-due':
      return exp === null ? 'Not due yet' : `Not due yet: first expected ${formatTime(exp)}`;
    case 'never-fires':
      return 'This expression never fires: no date matches it';
    case 'unknown':
      break;
  }
  return 'Health unknown: the schedule is inactive, its expression or zone cannot be read, or no run history is known';
}

/**
 * Most alarming first: what needs action, then what needs a look, then what is fine. A schedule not due
 * yet or of unknown health says nothing is wrong, so it never hides its siblings' "on time" from a group.
 */
export const VERDICT_SEVERITY: readonly HealthVerdict[] = ['missed', 'never-fires', 'late', 'extra', 'on-time', 'not-due', 'unknown'];

/** The verdict a group shows (a profile's sidebar dot); null for an empty group. */
export function worstVerdict(verdicts: Iterable<HealthVerdict>): HealthVerdict | null {
  let best: number | null = null;
  for (const v of verdicts) {
    const rank = VERDICT_SEVERITY.indexOf(v);
    if (best === null || rank < best) best = rank;
  }
  return best === null ? null : (VERDICT_SEVERITY[best] as HealthVerdict);
}

/** Each group (an org, a profile) counted once, at the worst verdict of its schedules. */
export function countGroupsByWorst(entries: Iterable<{ group: string; verdict: HealthVerdict }>): Record<HealthVerdict, number> {
  const byGroup = new Map<string, HealthVerdict[]>();
  for (const e of entries) {
    const list = byGroup.get(e.group);
    if (list) list.push(e.verdict);
    else byGroup.set(e.group, [e.verdict]);
  }
  const counts = Object.fromEntries(VERDICT_SEVERITY.map((v) => [v, 0])) as Record<HealthVerdict, number>;
  for (const verdicts of byGroup.values()) counts[worstVerdict(verdicts) as HealthVerdict]++;
  return counts;
}

const SUMMARY_WORDS: Record<HealthVerdict, string> = {
  'on-time': 'on time',
  missed: 'missed',
  late: 'late',
  extra: 'with extra runs',
  'never-fires': 'never firing',
  unknown: 'unknown',
  'not-due': 'not due yet',
};

/** "9 orgs on time, 1 missed": the good news first, then the problems by severity; zeros left out. */
export function describeHealthCounts(counts: Record<HealthVerdict, number>, noun: [string, string] = ['org', 'orgs']): string {
  const order: HealthVerdict[] = ['on-time', ...VERDICT_SEVERITY.filter((v) => v !== 'on-time')];
  const parts = order.filter((v) => counts[v] > 0).map((v) => `${counts[v]} ${SUMMARY_WORDS[v]}`);
  if (parts.length === 0) return `No ${noun[1]}`;
  const firstCount = counts[order.find((v) => counts[v] > 0) as HealthVerdict];
  parts[0] = parts[0]!.replace(/^(\d+) /, `$1 ${firstCount === 1 ? noun[0] : noun[1]} `);
  return parts.join(', ');
}
