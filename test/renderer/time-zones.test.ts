import { describe, expect, it } from 'vitest';
import { gridZone, safeZone, serverZones, zoneCaption, zoneForSource, zoneLabel } from '@renderer/common/time';

const winter = new Date('2027-01-15T12:00:00Z');
const summer = new Date('2027-07-15T12:00:00Z');
const src = (serverTimeZone: string) => ({ serverTimeZone });

describe('display zone', () => {
  it('labels a zone with the abbreviation in force', () => {
    expect(zoneLabel('UTC', winter)).toBe('UTC');
    expect(zoneLabel('America/New_York', winter)).toBe('America/New_York (EST)');
    expect(zoneLabel('America/New_York', summer)).toBe('America/New_York (EDT)');
  });

  it('shows each source in its server zone or all in the local one', () => {
    expect(zoneForSource(src('Asia/Tokyo'), 'server', 'Europe/Berlin')).toBe('Asia/Tokyo');
    expect(zoneForSource(src('Asia/Tokyo'), 'local', 'Europe/Berlin')).toBe('Europe/Berlin');
    // A zone Intl does not know is shown as UTC instead of breaking the view.
    expect(zoneForSource(src('Mars/Olympus'), 'server', 'Europe/Berlin')).toBe('UTC');
    expect(safeZone('')).toBe('UTC');
  });

  it('uses the most common server zone for the grid', () => {
    const sources = [src('UTC'), src('Asia/Tokyo'), src('Asia/Tokyo')];
    expect(serverZones(sources)).toEqual(['Asia/Tokyo', 'UTC']);
    expect(gridZone(sources, 'server', 'Europe/Berlin')).toBe('Asia/Tokyo');
    expect(gridZone(sources, 'local', 'Europe/Berlin')).toBe('Europe/Berlin');
    expect(gridZone([], 'server', 'Europe/Berlin')).toBe('UTC');
    // Interleaved runs of zones are all counted, and a zone shown as UTC counts as UTC.
    expect(serverZones([src('Asia/Tokyo'), src('UTC'), src('Mars/Olympus'), src('Mars/Olympus'), src('Asia/Tokyo')])).toEqual(['UTC', 'Asia/Tokyo']);
  });

  it('says which zone the times are in', () => {
    expect(zoneCaption([src('UTC')], 'server', 'Europe/Berlin', winter)).toBe('Times in server time: UTC');
    expect(zoneCaption([src('UTC')], 'local', 'Europe/Berlin', winter)).toBe('Times in local time: Europe/Berlin (CET)');
    expect(zoneCaption([src('UTC'), src('America/New_York')], 'server', 'UTC', summer)).toBe(
      "Times in each profile's server time: America/New_York (EDT), UTC",
    );
  });
});
