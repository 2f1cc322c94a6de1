// The line at the top of All profiles: "last 24 h: 9 orgs on time, 1 missed". Each org (a server and
// org ID; two profiles of one org count once) is counted at the worst verdict of its schedules whose
// verdict is about the window: the expected fire (or, for an extra run, the execution) lies in it. An org
// known only from a saved list is not counted (its verdicts are as of its fetch) and is named instead.
import type { ProfileView } from '@shared/domain';
import { countGroupsByWorst, describeHealthCounts, type HealthVerdict } from '@shared/health';
import { serverKeyOf } from '@shared/profile-urls';
import type { ProfileSchedules } from '../store/schedule-state';
import { savedOrgs, savedOrgsNote } from '../sources/saved-marks';
import { healthOf } from './verdicts';

export const SUMMARY_WINDOW_MS = 24 * 3_600_000;

export interface HealthSummary {
  /** E.g. "last 24 h: 9 orgs on time, 1 missed; 2 with nothing due". */
  text: string;
  counts: Record<HealthVerdict, number>;
  /** Orgs counted at missed or late. */
  problems: number;
}

type ProfileLike = Pick<ProfileView, 'id' | 'name' | 'apiUrl' | 'orgId'>;

export function orgKeyOf(profile: Pick<ProfileView, 'apiUrl' | 'orgId'>): string {
  return `${serverKeyOf(profile.apiUrl)}/${profile.orgId}`;
}

export function healthSummary(
  profiles: readonly ProfileLike[],
  lists: Readonly<Record<string, ProfileSchedules>>,
  now: Date,
  windowMs = SUMMARY_WINDOW_MS,
): HealthSummary {
  const from = now.getTime() - windowMs;
  const entries: { group: string; verdict: HealthVerdict }[] = [];
  const loadedOrgs = new Set<string>();
  const notLoaded = new Set<string>();
  const savedOnly = new Set(savedOrgs(profiles, lists).map((o) => o.org));
  for (const profile of profiles) {
    const org = orgKeyOf(profile);
    const list = lists[profile.id]?.list;
    if (!list) {
      notLoaded.add(org);
      continue;
    }
    if (savedOnly.has(org)) continue;
    loadedOrgs.add(org);
    for (const schedule of list.schedules) {
      if (schedule.active === false) continue;
      const health = healthOf(schedule);
      const about = health.verdict === 'extra' ? (health.executedAt ?? health.expectedAt) : health.expectedAt;
      const t = about === null ? NaN : Date.parse(about);
      if (!Number.isFinite(t) || t < from || t > now.getTime()) continue;
      if (health.verdict === 'not-due' || health.verdict === 'never-fires') continue;
      entries.push({ group: org, verdict: health.verdict });
    }
  }
  const counts = countGroupsByWorst(entries);
  const judged = new Set(entries.map((e) => e.group));
  const idle = [...loadedOrgs].filter((o) => !judged.has(o)).length;
  const missing = [...notLoaded].filter((o) => !loadedOrgs.has(o) && !savedOnly.has(o)).length;
  const hours = Math.round(windowMs / 3_600_000);
  const parts = [judged.size > 0 ? `last ${hours} h: ${describeHealthCounts(counts)}` : `last ${hours} h: no runs were due`];
  if (idle > 0 && judged.size > 0) parts.push(`${idle} with nothing due`);
  if (missing > 0) parts.push(`${missing} not loaded`);
  const saved = savedOrgsNote(profiles, lists, now);
  if (saved) parts.push(saved);
  return { text: parts.join('; '), counts, problems: counts.missed + counts.late };
}
