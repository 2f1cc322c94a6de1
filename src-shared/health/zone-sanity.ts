// Zone sanity: when every known execution misses its fire in the profile's zone but answers a fire on time
// in another zone, that zone is probably the server's (a profile saying UTC for a server in New York shows
// runs consistently five hours "late").
import { validateQuartz } from '@shared/cron';
import { zoneOffsetMs } from '@shared/fleet/wall-clock';
import { DEFAULT_GRACE_MS, EARLY_TOLERANCE_MS, LOOKBACK_MS } from './classify';
import { lastFireAtOrBefore } from './fires';
import type { ExecutionRecord } from './types';

/** Zones searched when the caller names none: the common server locations, most frequent first. */
export const COMMON_SERVER_ZONES: readonly string[] = [
  'UTC',
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Phoenix',
  'America/Los_Angeles',
  'America/Anchorage',
  'Pacific/Honolulu',
  'America/Toronto',
  'America/Mexico_City',
  'America/Bogota',
  'America/Sao_Paulo',
  'America/Argentina/Buenos_Aires',
  'Europe/London',
  'Europe/Dublin',
  'Europe/Lisbon',
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/Amsterdam',
  'Europe/Madrid',
  'Europe/Rome',
  'Europe/Zurich',
  'Europe/Stockholm',
  'Europe/Warsaw',
  'Europe/Athens',
  'Europe/Helsinki',
  'Europe/Istanbul',
  'Europe/Moscow',
  'Africa/Johannesburg',
  'Africa/Lagos',
  'Africa/Cairo',
  'Asia/Dubai',
  'Asia/Jerusalem',
  'Asia/Karachi',
  'Asia/Kolkata',
  'Asia/Dhaka',
  'Asia/Bangkok',
  'Asia/Jakarta',
  'Asia/Singapore',
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Manila',
  'Asia/Seoul',
  'Asia/Tokyo',
  'Australia/Perth',
  'Australia/Adelaide',
  'Australia/Brisbane',
  'Australia/Sydney',
  'Pacific/Auckland',
];

export interface ZoneSuggestionInput {
  timeExpression: string;
  executions: readonly ExecutionRecord[];
  /** The zone the profile says the server uses. */
  currentZone: string;
  /** Zones to try, in order of preference; COMMON_SERVER_ZONES when absent. */
  candidates?: readonly string[];
  graceMs?: number;
  /** Fewer executions than this prove nothing (one manual run matches some zone by chance); default 2. */
  minExecutions?: number;
}

export interface ZoneSuggestion {
  zone: string;
  /** How much later than the profile's zone expects the executions ran, at the latest one (e.g. 300). */
  offsetMinutes: number;
}

function explains(expression: string, zone: string, runs: readonly number[], grace: number): boolean {
  return runs.every((t) => {
    const fire = lastFireAtOrBefore(expression, zone, t + EARLY_TOLERANCE_MS, t - LOOKBACK_MS);
    return fire !== null && t - fire <= grace;
  });
}

/** The zone that explains every execution when the current one explains none of them, else null. */
export function suggestServerZone(input: ZoneSuggestionInput): ZoneSuggestion | null {
  const grace = input.graceMs ?? DEFAULT_GRACE_MS;
  const runs = [...new Set(input.executions.map((e) => Date.parse(e.executedAt)).filter(Number.isFinite))].sort((a, b) => a - b);
  if (runs.length < (input.minExecutions ?? 2) || !validateQuartz(input.timeExpression).ok) return null;
  try {
    // Some runs on time in the current zone: the zone is fine and the others are manual or late runs.
    if (runs.some((t) => explains(input.timeExpression, input.currentZone, [t], grace))) return null;
    for (const zone of input.candidates ?? COMMON_SERVER_ZONES) {
      if (zone === input.currentZone) continue;
      if (!explains(input.timeExpression, zone, runs, grace)) continue;
      const at = runs[runs.length - 1] as number;
      const offsetMinutes = Math.round((zoneOffsetMs(input.currentZone, at) - zoneOffsetMs(zone, at)) / 60_000);
      if (offsetMinutes === 0) continue; // same clock as the current zone at that time: explains nothing new
      return { zone, offsetMinutes };
    }
  } catch {
    return null; // an unknown zone among the inputs: no suggestion rather than a wrong one
  }
  return null;
}
