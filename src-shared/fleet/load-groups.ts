// The part of the load computation that no window changes: sources sorted into servers and into groups of
// alike schedules (same environment, zone, expression and run length), and the unreadable ones left out.
// Kept per RunCache for the next call, and reused when every source still reads the same.
import { readable } from './runs';
import type { RunCache, StartsSpan } from './run-cache';
import { runLength, type FleetSource } from './types';

/** Orders [name, value] pairs by name. */
export const byName = <T>([a]: [string, T], [b]: [string, T]): number => (a < b ? -1 : a > b ? 1 : 0);

/** One zone and expression: its fire times are asked for once, over the window of its longest runs. */
export interface Shape {
  zone: string;
  expression: string;
  ok: boolean;
  longest: number;
}

/** Schedules counted as one: same server, environment, shape and run length. */
export interface Group {
  environment: string;
  shape: Shape;
  len: number;
  keys: string[];
  /** The occupying runs, or null where they are too many to list (counted per bucket). */
  span: StartsSpan | null;
}

/** The sources sorted into servers and groups alike, and those left out: what a window does not change. */
export interface Grouping {
  skipped: string[];
  /** By server key, sorted. */
  servers: [string, { sources: FleetSource[]; groups: Group[] }][];
}

export function groupSources(sources: readonly FleetSource[]): Grouping {
  const skipped: string[] = [];
  const shapes = new Map<string, Map<string, Shape>>();
  const byServer = new Map<string, { sources: FleetSource[]; groups: Group[]; byShape: Map<Shape, Group[]> }>();
  for (const s of sources) {
    let inZone = shapes.get(s.serverTimeZone);
    if (!inZone) shapes.set(s.serverTimeZone, (inZone = new Map()));
    let shape = inZone.get(s.timeExpression);
    if (!shape) inZone.set(s.timeExpression, (shape = { zone: s.serverTimeZone, expression: s.timeExpression, ok: readable(s), longest: 0 }));
    if (!shape.ok) {
      skipped.push(s.key);
      continue;
    }
    let server = byServer.get(s.serverKey);
    if (!server) byServer.set(s.serverKey, (server = { sources: [], groups: [], byShape: new Map() }));
    server.sources.push(s);
    const len = runLength(s.durationMs);
    if (len > shape.longest) shape.longest = len;
    let alike = server.byShape.get(shape);
    if (!alike) server.byShape.set(shape, (alike = []));
    const group = alike.find((g) => g.len === len && g.environment === s.environment);
    if (group) group.keys.push(s.key);
    else {
      const created: Group = { environment: s.environment, shape, len, keys: [s.key], span: null };
      alike.push(created);
      server.groups.push(created);
    }
  }
  return { skipped, servers: [...byServer].sort(byName).map(([key, { sources: list, groups }]) => [key, { sources: list, groups }]) };
}

/** What the grouping read of each source, to tell whether the next call's sources are the same. */
interface Sorted {
  fields: string[];
  durations: number[];
  grouping: Grouping;
}

/** The last grouping per cache: the load view asks again with the same sources whenever the window changes. */
const lastGrouping = new WeakMap<RunCache, Sorted>();

function sameSources(sorted: Sorted, sources: readonly FleetSource[]): boolean {
  const { fields, durations } = sorted;
  if (durations.length !== sources.length) return false;
  for (let i = 0, f = 0; i < sources.length; i++, f += 5) {
    const s = sources[i] as FleetSource;
    if (
      durations[i] !== s.durationMs ||
      fields[f] !== s.key ||
      fields[f + 1] !== s.serverKey ||
      fields[f + 2] !== s.environment ||
      fields[f + 3] !== s.timeExpression ||
      fields[f + 4] !== s.serverTimeZone
    )
      return false;
  }
  return true;
}

/** The sources' grouping: the cache's last one when every source reads the same (compared field by field), else anew. */
export function groupingFor(sources: readonly FleetSource[], cache: RunCache | undefined): Grouping {
  if (!cache) return groupSources(sources);
  const held = lastGrouping.get(cache);
  if (held && sameSources(held, sources)) return held.grouping;
  const fields: string[] = [];
  for (const s of sources) fields.push(s.key, s.serverKey, s.environment, s.timeExpression, s.serverTimeZone);
  const grouping = groupSources(sources);
  lastGrouping.set(cache, { fields, durations: sources.map((s) => s.durationMs), grouping });
  return grouping;
}
