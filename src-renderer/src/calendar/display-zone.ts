// Which zone a time is shown in, and the words that tell the user so.
import { isKnownTimeZone } from './zoned-time';

export type DisplayZone = 'server' | 'local';

interface Zoned {
  serverTimeZone: string;
}

/** A server zone Intl does not know is shown as UTC rather than breaking the view. */
export function safeZone(zone: string): string {
  return zone && isKnownTimeZone(zone) ? zone : 'UTC';
}

/** The zone one source's times are shown in. */
export function zoneForSource(source: Zoned, displayZone: DisplayZone, localZone: string): string {
  return displayZone === 'local' ? localZone : safeZone(source.serverTimeZone);
}

/** Distinct server zones of the sources, most used first. */
export function serverZones(sources: Zoned[]): string[] {
  const counts = new Map<string, number>();
  for (const s of sources) {
    const z = safeZone(s.serverTimeZone);
    counts.set(z, (counts.get(z) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([z]) => z);
}

/**
 * The zone whose days the grid shows and whose date is "today". In server mode each run still
 * lands on its own server zone's date; the grid follows the most used server zone.
 */
export function gridZone(sources: Zoned[], displayZone: DisplayZone, localZone: string): string {
  if (displayZone === 'local') return localZone;
  return serverZones(sources)[0] ?? 'UTC';
}

/** 'UTC', or 'America/New_York (EST)' with the abbreviation in force at `at`. */
export function zoneLabel(zone: string, at: Date): string {
  if (zone === 'UTC' || zone === 'Etc/UTC') return 'UTC';
  const abbr = zoneAbbreviation(zone, at);
  return abbr && abbr !== zone ? `${zone} (${abbr})` : zone;
}

const abbreviationFormats = new Map<string, Intl.DateTimeFormat>();

export function zoneAbbreviation(zone: string, at: Date): string {
  // Called for every chip drawn: keep one formatter per zone.
  let f = abbreviationFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' });
    abbreviationFormats.set(zone, f);
  }
  const part = f
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? zone;
}

/** The sentence the views show above their grid, e.g. 'Times in local time: Europe/Berlin (CET)'. */
export function zoneCaption(sources: Zoned[], displayZone: DisplayZone, localZone: string, at: Date): string {
  if (displayZone === 'local') return `Times in local time: ${zoneLabel(localZone, at)}`;
  const zones = serverZones(sources);
  if (zones.length === 0) return 'Times in server time';
  if (zones.length === 1) return `Times in server time: ${zoneLabel(zones[0] ?? 'UTC', at)}`;
  return `Times in each profile's server time: ${zones.map((z) => zoneLabel(z, at)).join(', ')}`;
}
