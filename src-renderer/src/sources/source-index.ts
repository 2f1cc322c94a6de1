// What the views read of a whole source list, built in one pass per list (lists are replaced, never
// changed in place): the calendar, the timeline and their past marks each walked ten thousand sources
// three or four times per list for keys, profiles and colours.
import type { ScheduleSource } from '@renderer/schedule-view-types';

/** Sources by key: the views only ever ask for a few (the chips drawn, the errors shown). */
export interface SourceLookup {
  get(key: string): ScheduleSource | undefined;
  has(key: string): boolean;
}

export interface SourceIndex {
  /** Every source by key, built on the first question (a month still placing its runs asks none). */
  byKey: SourceLookup;
  /** Distinct profile ids, sorted. */
  profileIds: readonly string[];
  /** An environment's colour: the first of its sources' (profiles of one environment share it). */
  envColors: ReadonlyMap<string, string>;
}

const indexes = new WeakMap<readonly ScheduleSource[], SourceIndex>();

export function sourceIndex(sources: readonly ScheduleSource[]): SourceIndex {
  let index = indexes.get(sources);
  if (!index) {
    const profiles = new Set<string>();
    const envColors = new Map<string, string>();
    let lastProfile: string | undefined;
    let lastEnv: string | undefined;
    // Indexed, and neighbours compared first: sources come grouped by profile, and a for-of allocates
    // an iterator per loop until the code is optimized.
    for (let i = 0; i < sources.length; i++) {
      const s = sources[i] as ScheduleSource;
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
    index = { byKey: new LazyLookup(sources), profileIds: [...profiles].sort(), envColors };
    indexes.set(sources, index);
  }
  return index;
}

class LazyLookup implements SourceLookup {
  private map: Map<string, ScheduleSource> | null = null;

  constructor(private readonly sources: readonly ScheduleSource[]) {}

  get(key: string): ScheduleSource | undefined {
    return this.built().get(key);
  }

  has(key: string): boolean {
    return this.built().has(key);
  }

  private built(): Map<string, ScheduleSource> {
    if (!this.map) {
      const map = new Map<string, ScheduleSource>();
      for (let i = 0; i < this.sources.length; i++) {
        const s = this.sources[i] as ScheduleSource;
        map.set(s.key, s);
      }
      this.map = map;
    }
    return this.map;
  }
}
