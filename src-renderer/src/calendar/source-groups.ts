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

// Stryker disable next-line EqualityOperator,ConditionalExpression: source keys are unique, so ties never reach the comparator.
const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A group being built: its members as parallel lists (key, index in the list, environment). */
interface Entry {
  expression: string;
  evalZone: string;
  zone: string;
  inBlackout: BlackoutCheck | null;
  check: number;
  keys: string[];
  order: number[];
  envs: number[];
}

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
  /**
   * Groups by expression (the source's own string: no key is built per source), then by blackout check
   * and zones, which nearly every source of a list shares.
   */
  private readonly byExpression = new Map<string, Entry[]>();
  private readonly entries: Entry[] = [];
  private lastServerZone: string | undefined = undefined;
  private lastEvalZone = 'UTC';
  private lastZone = 'UTC';

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
      // Stryker disable next-line all: when a slice ends changes only how the work is split, not the groups.
      if (index % CHECK_EVERY === CHECK_EVERY - 1 && this.index < sources.length && performance.now() > until) return null;
    }
    return this.finish();
  }

  private add(source: DaySource, index: number): void {
    const { opts, envIds, envNames, checkIds } = this;
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
    // Nearly every source of a list has the zone the one before had: validated once per change.
    // Stryker disable next-line ConditionalExpression,EqualityOperator: validating the zone again gives the same zones.
    if (source.serverTimeZone !== this.lastServerZone) {
      this.lastServerZone = source.serverTimeZone;
      this.lastEvalZone = safeZone(source.serverTimeZone);
      this.lastZone = zoneForSource(source, opts.displayZone, opts.localZone);
    }
    const evalZone = this.lastEvalZone;
    const zone = this.lastZone;
    let variants = this.byExpression.get(expression);
    if (!variants) {
      variants = [];
      this.byExpression.set(expression, variants);
    }
    let entry: Entry | undefined;
    // Indexed loops here and below: a for-of allocates an iterator per loop until the code is optimized,
    // and this runs once per source, mostly before it is.
    for (let i = 0; i < variants.length; i++) {
      const v = variants[i] as Entry;
      // The zone shown follows from the evaluation zone under one list's options: no need to compare it.
      if (v.check === check && v.evalZone === evalZone) {
        entry = v;
        break;
      }
    }
    if (!entry) {
      entry = { expression, evalZone, zone, inBlackout, check, keys: [], order: [], envs: [] };
      variants.push(entry);
      this.entries.push(entry);
    }
    entry.keys.push(source.key);
    entry.order.push(index);
    entry.envs.push(env);
  }

  private finish(): SourceGroups {
    const { entries, envNames } = this;
    const groups: SourceGroup[] = [];
    const perEnv = new Array<number>(envNames.length).fill(0);
    for (let g = 0; g < entries.length; g++) {
      const { expression, evalZone, zone, inBlackout, keys, order, envs } = entries[g] as Entry;
      const group: SourceGroup = { expression, evalZone, zone, inBlackout, keys, order, envs: [] };
      // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: sorting members already in key order changes nothing.
      if (keys.length > 1 && !inKeyOrder(keys)) {
        const byMember = keys.map((_, i) => i).sort((a, b) => byKey(keys[a] as string, keys[b] as string));
        group.keys = byMember.map((i) => keys[i] as string);
        group.order = byMember.map((i) => order[i] as number);
      }
      // Stryker disable next-line EqualityOperator: a read past the end counts an environment that is never listed.
      for (let i = 0; i < envs.length; i++) perEnv[envs[i] as number] = (perEnv[envs[i] as number] as number) + 1;
      // Environments by first appearance, as the members came.
      // Stryker disable next-line EqualityOperator: a read past the end finds no environment to list.
      for (let i = 0; i < envs.length; i++) {
        const env = envs[i] as number;
        const n = perEnv[env] as number;
        // Stryker disable next-line ConditionalExpression: an environment listed again with no members adds no runs.
        if (n === 0) continue;
        group.envs.push(env, n);
        perEnv[env] = 0;
      }
      groups.push(group);
    }
    return { groups, envNames, inactive: this.inactive };
  }
}

function inKeyOrder(keys: readonly string[]): boolean {
  // Stryker disable next-line all: a wrong "not in order" only sorts what was sorted.
  for (let i = 1; i < keys.length; i++) if ((keys[i - 1] as string) > (keys[i] as string)) return false;
  return true;
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
  // Stryker disable next-line all: how many groupings are kept changes only whether one is made again.
  if (list.length > 4) list.shift();
}
