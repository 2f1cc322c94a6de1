// The rows the virtualized timeline draws: one lane per schedule, optionally under a header per profile.

export interface LaneSource {
  key: string;
  profileId: string;
  profileName: string;
  environmentLabel: string;
  color: string;
}

/**
 * A profile's maintenance run in progress. The server's running job names no schedule (AtScale also
 * starts maintenance on events and on run now, and several schedules often fire in the same minute),
 * so the run is drawn on a row of its profile's own, never guessed onto one schedule's lane.
 */
export interface RunningBar {
  profileId: string;
  profileName: string;
  color: string;
  since: Date;
  /** "Running since 04:00 UTC (12 min; usually 6 min)". */
  text: string;
}

export type TimelineRow<S extends LaneSource> =
  | { kind: 'group'; id: string; profileId: string; profileName: string; environmentLabel: string; color: string; lanes: number }
  | { kind: 'running'; id: string; bar: RunningBar }
  | { kind: 'lane'; id: string; source: S };

export const ROW_HEIGHT = { group: 28, running: 34, lane: 34 } as const;

/**
 * Running maintenance first (live, so it is seen without scrolling), then the lanes: profiles keep the
 * order they first appear in; lanes keep their order inside a profile.
 */
export function buildRows<S extends LaneSource>(sources: readonly S[], groupByProfile: boolean, running: readonly RunningBar[] = []): TimelineRow<S>[] {
  const live: TimelineRow<S>[] = running.map((bar) => ({ kind: 'running', id: `running:${bar.profileId}`, bar }));
  return [...live, ...laneRows(sources, groupByProfile)];
}

function laneRows<S extends LaneSource>(sources: readonly S[], groupByProfile: boolean): TimelineRow<S>[] {
  if (!groupByProfile) return sources.map((source) => ({ kind: 'lane', id: `lane:${source.key}`, source }));
  const groups = new Map<string, S[]>();
  for (const s of sources) {
    const list = groups.get(s.profileId);
    if (list) list.push(s);
    else groups.set(s.profileId, [s]);
  }
  const rows: TimelineRow<S>[] = [];
  for (const [profileId, lanes] of groups) {
    const head = lanes[0];
    if (!head) continue;
    rows.push({
      kind: 'group',
      id: `group:${profileId}`,
      profileId,
      profileName: head.profileName,
      environmentLabel: head.environmentLabel,
      color: head.color,
      lanes: lanes.length,
    });
    for (const source of lanes) rows.push({ kind: 'lane', id: `lane:${source.key}`, source });
  }
  return rows;
}

/** Index of the next lane row from `index` in `direction`, skipping group headers; -1 if none. */
export function nextLaneIndex<S extends LaneSource>(rows: readonly TimelineRow<S>[], index: number, direction: 1 | -1): number {
  for (let i = index + direction; i >= 0 && i < rows.length; i += direction) {
    if (rows[i]?.kind === 'lane') return i;
  }
  return -1;
}
