// The sources of a layout grouped by what their runs depend on: expression, evaluation zone, display
// zone and blackout check. Every source of a group fires at the same times, so a day's counts are the
// group's count times its size, and only its first members by key can be among a day's kept chips:
// ten thousand schedules are laid out as a few thousand groups. Built once per source list and options.
import { safeZone, zoneForSource, type DisplayZone } from '@renderer/common/time';
import type { BlackoutCheck, DaySource } from './day-runs';

export interface SourceGroup {
  expression: string;
  evalZone: string;
  /** The zone its runs are shown in (and its days counted in). */
  zone: string;
  inBlackout: BlackoutCheck | null;
  /** Member keys in order (chips and bands at the same time are ordered by key). */
  keys: string[];
  /** Each member's index in the source list: errors are reported in the list's order. */
  order: number[];
  /** Members per environment, as pairs: environment number, members. */
  envs: number[];
}

export interface SourceGroups {
  groups: SourceGroup[];
  /** Environment labels by number. */
  envNames: string[];
  /** Deactivated sources: not drawn. */
  inactive: number;
}

export interface GroupOptions {
  displayZone: DisplayZone;
  localZone: string;
  blackoutOf?: (source: DaySource) => BlackoutCheck | null;
}

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Sources grouped between checks of the clock: about a microsecond each. */
const CHECK_EVERY = 512;

/**
 * The grouping of a source list, built a slice at a time: ten thousand sources take a few tens of
 * milliseconds the first time, which the calendar spreads over the slices that then place the runs.
 */
export class SourceGrouping {
  private index = 0;
  private inactive = 0;
  private readonly envIds = new Map<string, number>();
  private readonly envNames: string[] = [];
  private readonly checkIds = new Map<BlackoutCheck | null, number>();
  private readonly byId = new Map<string, { group: SourceGroup; members: { key: string; index: number; env: number }[] }>();

  constructor(
    private readonly sources: readonly DaySource[],
    private readonly opts: GroupOptions,
  ) {}

  /** Groups until every source is in a group (then returns the groups) or `until` (performance.now()) has passed (null). */
  step(until: number): SourceGroups | null {
    const { sources } = this;
    while (this.index < sources.length) {
      const index = this.index;
      this.index += 1;
      this.add(sources[index] as DaySource, index);
      // Checked after a source is taken, so every slice moves on, even one begun with no time left.
      if (index % CHECK_EVERY === CHECK_EVERY - 1 && this.index < sources.length && performance.now() > until) return null;
    }
    return this.finish();
  }

  private add(source: DaySource, index: number): void {
    const { opts, envIds, envNames, checkIds, byId } = this;
    if (source.schedule.active === false) {
      this.inactive += 1;
      return;
    }
    const label = source.environmentLabel ?? '';
    let env = envIds.get(label);
    if (env === undefined) {
      env = envNames.length;
      envIds.set(label, env);
      envNames.push(label);
    }
    const inBlackout = opts.blackoutOf ? opts.blackoutOf(source) : null;
    let check = checkIds.get(inBlackout);
    if (check === undefined) {
      check = checkIds.size;
      checkIds.set(inBlackout, check);
    }
    const expression = source.schedule.timeExpression;
    const evalZone = safeZone(source.serverTimeZone);
    const zone = zoneForSource(source, opts.displayZone, opts.localZone);
    const id = `${check}\u0000${evalZone}\u0000${zone}\u0000${expression}`;
    let entry = byId.get(id);
    if (!entry) {
      entry = { group: { expression, evalZone, zone, inBlackout, keys: [], order: [], envs: [] }, members: [] };
      byId.set(id, entry);
    }
    entry.members.push({ key: source.key, index, env });
  }

  private finish(): SourceGroups {
    const { byId, envNames } = this;
    const groups: SourceGroup[] = [];
    for (const { group, members } of byId.values()) {
      if (members.length > 1) members.sort((a, b) => byKey(a.key, b.key));
      const perEnv = new Map<number, number>();
      for (const m of members) {
        group.keys.push(m.key);
        group.order.push(m.index);
        perEnv.set(m.env, (perEnv.get(m.env) ?? 0) + 1);
      }
      for (const [env, n] of perEnv) group.envs.push(env, n);
      groups.push(group);
    }
    return { groups, envNames, inactive: this.inactive };
  }
}

// One grouping per source list (by identity) and options: the months of one list share it.
const cache = new WeakMap<readonly DaySource[], { opts: GroupOptions; groups: SourceGroups }[]>();

/** The grouping already made for this list and options, if any. */
export function findGroups(sources: readonly DaySource[], opts: GroupOptions): SourceGroups | null {
  const hit = cache
    .get(sources)
    ?.find((e) => e.opts.displayZone === opts.displayZone && e.opts.localZone === opts.localZone && e.opts.blackoutOf === opts.blackoutOf);
  return hit ? hit.groups : null;
}

export function rememberGroups(sources: readonly DaySource[], opts: GroupOptions, groups: SourceGroups): void {
  let list = cache.get(sources);
  if (!list) {
    list = [];
    cache.set(sources, list);
  }
  list.push({ opts: { displayZone: opts.displayZone, localZone: opts.localZone, blackoutOf: opts.blackoutOf }, groups });
  // A list lives for a few zone or blackout changes at most; keep the latest few.
  if (list.length > 4) list.shift();
}
