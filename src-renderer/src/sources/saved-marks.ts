// The "saved <when>" mark of everything drawn from a saved list (a snapshot main answered with when the
// live list could not be fetched): list rows, calendar chips and bands, timeline lanes. A saved list's
// schedules look exactly like live ones otherwise, so each item says it, not only the banner.
//
// Computed per profile, never per drawn item: a profile's mark is one object, made once per saved list
// (its fetchedAt) and shared by every row, chip and lane of that profile, so a virtualized view of
// 10,000 schedules pays a map lookup per drawn item. The times go through the one time module.
import { useMemo } from 'react';
import type { ProfileView, ScheduleList } from '@shared/domain';
import { serverKeyOf } from '@shared/profile-urls';
import { formatWithZone, localZone, relativeTime } from '../common/time';
import { useAppStore } from '../store';
import type { ProfileSchedules } from '../store/schedule-state';

export interface SavedMark {
  /** The saved list's fetchedAt (ISO): when the server last answered with these schedules. */
  fetchedAt: string;
  at: Date;
  /** 'Wed 2 Dec 2026, 14:07 CET': when the list was saved, in the viewer's zone. */
  when: string;
  /** 'saved Wed 2 Dec 2026, 14:07 CET': for tooltips and screen readers. */
  label: string;
}

/** Whether a list on screen is a saved one (a snapshot), not the server's live answer. */
export function isSavedList(list: ScheduleList | null | undefined): list is ScheduleList {
  return !!list && (list.source === 'snapshot' || list.stale !== null);
}

/** The fetchedAt of the saved list a profile shows, or null when it shows a live list (or none). */
export function savedListAt(entry: ProfileSchedules | undefined): string | null {
  const list = entry?.list;
  return isSavedList(list) ? list.fetchedAt : null;
}

// One mark per saved list: every item of a profile shares it (and memoized rows see the same object).
const marks = new Map<string, SavedMark>();

export function savedMarkOf(fetchedAt: string): SavedMark {
  let mark = marks.get(fetchedAt);
  if (!mark) {
    const at = new Date(fetchedAt);
    const when = formatWithZone(at, localZone);
    mark = { fetchedAt, at, when, label: `saved ${when}` };
    if (marks.size > 256) marks.clear();
    marks.set(fetchedAt, mark);
  }
  return mark;
}

/** The visible short text: 'saved 15 hours ago'. */
export function savedAgo(mark: SavedMark, now: Date): string {
  return `saved ${relativeTime(mark.at, now)}`;
}

/** The mark of each profile shown from a saved list (profiles on live lists are absent). */
export function savedMarksOf(lists: Readonly<Record<string, ProfileSchedules>>): ReadonlyMap<string, SavedMark> {
  const byProfile = new Map<string, SavedMark>();
  for (const [profileId, entry] of Object.entries(lists)) {
    const at = savedListAt(entry);
    if (at !== null) byProfile.set(profileId, savedMarkOf(at));
  }
  return byProfile;
}

/** Every profile's mark, recomputed only when the lists change (once per answer, not per row). */
export function useSavedMarks(): ReadonlyMap<string, SavedMark> {
  const lists = useAppStore((st) => st.lists);
  return useMemo(() => savedMarksOf(lists), [lists]);
}

/** One profile's mark, for an item drawn without its view's help (a calendar chip): a string compare per store change. */
export function useSavedMark(profileId: string | undefined): SavedMark | null {
  const at = useAppStore((st) => (profileId === undefined ? null : savedListAt(st.lists[profileId])));
  return at === null ? null : savedMarkOf(at);
}

type OrgProfile = Pick<ProfileView, 'id' | 'name' | 'apiUrl' | 'orgId'>;

/**
 * The orgs of `profiles` that are judged from saved lists only (no profile of the org shows a live list),
 * each with its oldest mark: what the health summary should name instead of counting them as on time.
 * Keyed like the summary's orgs (server key and org ID).
 */
export function savedOrgs(
  profiles: readonly OrgProfile[],
  lists: Readonly<Record<string, ProfileSchedules>>,
): { org: string; name: string; mark: SavedMark }[] {
  const saved = new Map<string, { org: string; name: string; mark: SavedMark }>();
  const live = new Set<string>();
  for (const p of profiles) {
    const entry = lists[p.id];
    if (!entry?.list) continue;
    const org = `${serverKeyOf(p.apiUrl)}/${p.orgId}`;
    const at = savedListAt(entry);
    if (at === null) {
      live.add(org);
      continue;
    }
    const seen = saved.get(org);
    if (!seen || Date.parse(at) < seen.mark.at.getTime()) saved.set(org, { org, name: p.name, mark: savedMarkOf(at) });
  }
  return [...saved.values()].filter((o) => !live.has(o.org));
}

/** 'Demo prod not counted: only its saved list is known (saved 15 hours ago)', or '2 orgs not counted, ...: A, B'; null when none. */
export function savedOrgsNote(profiles: readonly OrgProfile[], lists: Readonly<Record<string, ProfileSchedules>>, now: Date): string | null {
  const orgs = savedOrgs(profiles, lists);
  const [first] = orgs;
  if (!first) return null;
  if (orgs.length === 1) return `${first.name} not counted: only its saved list is known (${savedAgo(first.mark, now)})`;
  return `${orgs.length} orgs not counted, only their saved lists are known: ${orgs.map((o) => o.name).join(', ')}`;
}
