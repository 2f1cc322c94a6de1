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

export function groupSources(sources: readonly DaySource[], opts: GroupOptions): SourceGroups {
  const envIds = new Map<string, number>();
  const envNames: string[] = [];
  const checkIds = new Map<BlackoutCheck | null, number>();
  const byId = new Map<string, { group: SourceGroup; members: { key: string; index: number; env: number }[] }>();
  let inactive = 0;
  sources.forEach((source, index) => {
    if (source.schedule.active === false) {
      inactive += 1;
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
  });
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
  return { groups, envNames, inactive };
}

// One grouping per source list (by identity) and options: the months of one list share it.
const cache = new WeakMap<readonly DaySource[], { opts: GroupOptions; groups: SourceGroups }[]>();

export function cachedGroups(sources: readonly DaySource[], opts: GroupOptions): SourceGroups {
  let list = cache.get(sources);
  if (!list) {
    list = [];
    cache.set(sources, list);
  }
  const hit = list.find((e) => e.opts.displayZone === opts.displayZone && e.opts.localZone === opts.localZone && e.opts.blackoutOf === opts.blackoutOf);
  if (hit) return hit.groups;
  const groups = groupSources(sources, opts);
  list.push({ opts: { displayZone: opts.displayZone, localZone: opts.localZone, blackoutOf: opts.blackoutOf }, groups });
  // A list lives for a few zone or blackout changes at most; keep the latest few.
  if (list.length > 4) list.shift();
  return groups;
}
