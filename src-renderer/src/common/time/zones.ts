// Which zone a time is shown in, and the one label policy for zones.
//
// Zone label policy (the same label everywhere for the same zone and instant): "UTC" for UTC; else
// the abbreviation people use where one exists (US English first: EST, PDT; then British English:
// CET, CEST, BST, GMT); else the offset as "UTC+9" or "UTC+5:30", never a bare "GMT+9".
import { zoneFor } from '@shared/cron/zone';

export type DisplayZone = 'server' | 'local';

interface Zoned {
  serverTimeZone: string;
}

/** The zone the machine runs in, as the browser reports it. */
export const localZone: string = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** Whether the zone is a known IANA name (what the engine accepts). */
export function isValidZone(zone: string): boolean {
  if (!zone) return false;
  try {
    zoneFor(zone);
    return true;
  } catch {
    return false;
  }
}

/** A server zone the engine does not know is shown as UTC rather than breaking the view. */
export function safeZone(zone: string): string {
  return isValidZone(zone) ? zone : 'UTC';
}

/** The zone one source's times are shown in. */
export function zoneForSource(source: Zoned, displayZone: DisplayZone, local: string = localZone): string {
  return displayZone === 'local' ? local : safeZone(source.serverTimeZone);
}

// Per source list (lists are replaced, never changed in place): the grid's zone and its caption ask
// for the same list's zones on every draw.
const zonesOf = new WeakMap<readonly Zoned[], string[]>();

/** Distinct server zones of the sources, most used first. */
export function serverZones(sources: readonly Zoned[]): string[] {
  const known = zonesOf.get(sources);
  if (known) return [...known];
  // Counted by the text as given, then validated once per distinct text: ten thousand sources hold a few zones.
  // Runs of one zone are counted first (sources come grouped by profile): a map write per run, not per source.
  const raw = new Map<string, number>();
  for (let i = 0; i < sources.length;) {
    const zone = (sources[i] as Zoned).serverTimeZone;
    let end = i + 1;
    while (end < sources.length && (sources[end] as Zoned).serverTimeZone === zone) end += 1;
    raw.set(zone, (raw.get(zone) ?? 0) + end - i);
    i = end;
  }
  const counts = new Map<string, number>();
  for (const [text, n] of raw) {
    const z = safeZone(text);
    counts.set(z, (counts.get(z) ?? 0) + n);
  }
  const zones = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([z]) => z);
  zonesOf.set(sources, zones);
  return [...zones];
}

/**
 * The zone whose days the grid shows and whose date is "today". In server mode each run still
 * lands on its own server zone's date; the grid follows the most used server zone.
 */
export function gridZone(sources: readonly Zoned[], displayZone: DisplayZone, local: string = localZone): string {
  if (displayZone === 'local') return local;
  return serverZones(sources)[0] ?? 'UTC';
}

const shortNames = new Map<string, Intl.DateTimeFormat>();

function shortName(locale: string, zone: string, at: Date): string {
  const id = `${locale}|${zone}`;
  let f = shortNames.get(id);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' });
    shortNames.set(id, f);
  }
  return f.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? '';
}

function offsetLabel(offsetMs: number): string {
  if (offsetMs === 0) return 'UTC';
  const minutes = Math.round(Math.abs(offsetMs) / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `UTC${offsetMs < 0 ? '-' : '+'}${h}${m ? `:${String(m).padStart(2, '0')}` : ''}`;
}

// A label depends only on the zone and the offset in force: one Intl call per (zone, offset), not per chip.
const labels = new Map<string, string>();

/** The zone's short label at that instant under the policy above, e.g. "UTC", "CET", "EDT", "UTC+9". */
export function zoneAbbreviation(zone: string, at: Date): string {
  if (zone === 'UTC' || zone === 'Etc/UTC' || zone === 'Etc/GMT') return 'UTC';
  let offset: number;
  try {
    offset = zoneFor(zone).offsetAt(at.getTime());
  } catch {
    return zone;
  }
  const id = `${zone}|${offset}`;
  let label = labels.get(id);
  if (label === undefined) {
    const us = shortName('en-US', zone, at);
    const gb = shortName('en-GB', zone, at);
    label = us && !us.startsWith('GMT') ? us : gb && !/^GMT[+-]/.test(gb) && gb !== 'UTC' ? gb : offsetLabel(offset);
    labels.set(id, label);
  }
  return label;
}

/** 'UTC', or 'America/New_York (EST)' with the label in force at `at`. */
export function zoneLabel(zone: string, at: Date): string {
  if (zone === 'UTC' || zone === 'Etc/UTC') return 'UTC';
  const abbr = zoneAbbreviation(zone, at);
  return abbr && abbr !== zone ? `${zone} (${abbr})` : zone;
}

/** The sentence the views show above their grid, e.g. 'Times in local time: Europe/Berlin (CET)'. */
export function zoneCaption(sources: readonly Zoned[], displayZone: DisplayZone, local: string, at: Date): string {
  if (displayZone === 'local') return `Times in local time: ${zoneLabel(local, at)}`;
  const zones = serverZones(sources);
  if (zones.length === 0) return 'Times in server time';
  if (zones.length === 1) return `Times in server time: ${zoneLabel(zones[0] ?? 'UTC', at)}`;
  return `Times in each profile's server time: ${zones.map((z) => zoneLabel(z, at)).join(', ')}`;
}
