import { describe, expect, it } from 'vitest';
import { gridZone, isValidZone, safeZone, serverZones, zoneAbbreviation, zoneCaption, zoneForSource, zoneLabel } from '@renderer/common/time';

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

describe('zone names the engine does not know', () => {
  it('accepts IANA names only, as the profile editor checks them', () => {
    expect(isValidZone('Europe/Berlin')).toBe(true);
    expect(isValidZone('Australia/Lord_Howe')).toBe(true);
    expect(isValidZone('Mars/Olympus')).toBe(false);
    expect(isValidZone('')).toBe(false);
  });

  it('names an unknown zone as given, once, rather than breaking the label', () => {
    expect(zoneAbbreviation('Mars/Olympus', winter)).toBe('Mars/Olympus');
    expect(zoneLabel('Mars/Olympus', winter)).toBe('Mars/Olympus');
  });
});

describe('offset labels where no abbreviation is in use', () => {
  it('writes a zone west of Greenwich with a minus sign', () => {
    expect(zoneAbbreviation('America/Sao_Paulo', winter)).toBe('UTC-3');
    expect(zoneLabel('America/Sao_Paulo', winter)).toBe('America/Sao_Paulo (UTC-3)');
    expect(zoneAbbreviation('Pacific/Marquesas', summer)).toBe('UTC-9:30');
  });

  it("follows Lord Howe's half-hour change of offset", () => {
    expect(zoneLabel('Australia/Lord_Howe', winter)).toBe('Australia/Lord_Howe (UTC+11)');
    expect(zoneLabel('Australia/Lord_Howe', summer)).toBe('Australia/Lord_Howe (UTC+10:30)');
  });

  it('writes an offset of zero as UTC, never UTC+0 (the Azores in summer)', () => {
    expect(zoneAbbreviation('Atlantic/Azores', winter)).toBe('UTC-1');
    expect(zoneAbbreviation('Atlantic/Azores', summer)).toBe('UTC');
    expect(zoneLabel('Atlantic/Azores', summer)).toBe('Atlantic/Azores (UTC)');
  });

  it('pads an offset with fewer than ten minutes, as Paris mean time in 1900', () => {
    expect(zoneAbbreviation('Europe/Paris', new Date('1900-06-01T12:00:00Z'))).toBe('UTC+0:09');
  });

  it('labels the UTC aliases as plain UTC', () => {
    expect(zoneAbbreviation('Etc/UTC', winter)).toBe('UTC');
    expect(zoneAbbreviation('Etc/GMT', winter)).toBe('UTC');
    expect(zoneLabel('Etc/UTC', winter)).toBe('UTC');
  });
});

describe('captions in server time', () => {
  it('says server time without a zone when there are no sources', () => {
    expect(zoneCaption([], 'server', 'Europe/Berlin', winter)).toBe('Times in server time');
  });

  it('names a single server zone with its label', () => {
    expect(zoneCaption([src('Europe/Berlin'), src('Europe/Berlin')], 'server', 'UTC', winter)).toBe('Times in server time: Europe/Berlin (CET)');
    expect(zoneCaption([src('Asia/Kolkata')], 'server', 'UTC', summer)).toBe('Times in server time: Asia/Kolkata (UTC+5:30)');
  });
});
