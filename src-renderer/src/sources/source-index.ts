// What the views read of a whole source list, built in one pass per list (lists are replaced, never
// changed in place): the calendar, the timeline and their past marks each walked ten thousand sources
// three or four times per list for keys, profiles and colours.
import type { ScheduleSource } from '@renderer/schedule-view-types';

export interface SourceIndex {
  /** Every source by key. */
  byKey: ReadonlyMap<string, ScheduleSource>;
  /** Distinct profile ids, sorted. */
  profileIds: readonly string[];
  /** An environment's colour: the first of its sources' (profiles of one environment share it). */
  envColors: ReadonlyMap<string, string>;
}

const indexes = new WeakMap<readonly ScheduleSource[], SourceIndex>();

export function sourceIndex(sources: readonly ScheduleSource[]): SourceIndex {
  let index = indexes.get(sources);
  if (!index) {
    const byKey = new Map<string, ScheduleSource>();
    const profiles = new Set<string>();
    const envColors = new Map<string, string>();
    let lastProfile: string | undefined;
    let lastEnv: string | undefined;
    // Indexed, and neighbours compared first: sources come grouped by profile, and a for-of allocates
    // an iterator per loop until the code is optimized.
    for (let i = 0; i < sources.length; i++) {
      const s = sources[i] as ScheduleSource;
      byKey.set(s.key, s);
      // Stryker disable next-line ConditionalExpression: adding a profile again changes nothing.
      if (s.profileId !== lastProfile) {
        lastProfile = s.profileId;
        profiles.add(s.profileId);
      }
      // Stryker disable next-line ConditionalExpression: the colour is only set for a label not yet seen.
      if (s.environmentLabel !== lastEnv) {
        lastEnv = s.environmentLabel;
        if (!envColors.has(s.environmentLabel)) envColors.set(s.environmentLabel, s.color);
      }
    }
    index = { byKey, profileIds: [...profiles].sort(), envColors };
    indexes.set(sources, index);
  }
  return index;
}
