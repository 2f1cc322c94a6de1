// One long-lived cap per server on the profiles listed at once, shared by every refresh the core runs:
// two overlapping refreshes of the same server wait in one queue (first come, first served) instead of
// each opening its own lanes, so a server never sees more than `perServer` profiles in flight.

/** Profiles listed at once on one server (each list is two requests: active and deactivated). */
export const PER_SERVER_CONCURRENCY = 4;

export interface ServerLanes {
  /** Runs `work` once fewer than the cap run for `serverKey`; it keeps its slot until it settles. */
  run<T>(serverKey: string, work: () => Promise<T>): Promise<T>;
  /** How many run now for `serverKey` (for tests and diagnostics). */
  busy(serverKey: string): number;
}

export function createServerLanes(perServer: number = PER_SERVER_CONCURRENCY): ServerLanes {
  if (!Number.isInteger(perServer) || perServer < 1) throw new RangeError(`perServer must be a whole number of at least 1, not ${String(perServer)}`);
  const lanes = new Map<string, { running: number; waiting: (() => void)[] }>();

  const laneOf = (key: string) => {
    let lane = lanes.get(key);
    if (!lane) {
      lane = { running: 0, waiting: [] };
      lanes.set(key, lane);
    }
    return lane;
  };

  return {
    async run(serverKey, work) {
      const lane = laneOf(serverKey);
      if (lane.running >= perServer) await new Promise<void>((resolve) => lane.waiting.push(resolve));
      // The slot was handed over by the one that finished (running stays counted), or taken here.
      else lane.running += 1;
      try {
        return await work();
      } finally {
        const next = lane.waiting.shift();
        if (next) next();
        else {
          lane.running -= 1;
          if (lane.running === 0) lanes.delete(serverKey);
        }
      }
    },
    busy(serverKey) {
      return lanes.get(serverKey)?.running ?? 0;
    },
  };
}
