// The machine's own zone, as the browser reports it: read once when the time module loads.
import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.restoreAllMocks();
  vi.resetModules();
});

async function loadWithReportedZone(timeZone: string | undefined): Promise<string> {
  const real = Intl.DateTimeFormat.prototype.resolvedOptions;
  vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockImplementationOnce(function (this: Intl.DateTimeFormat) {
    return { ...real.call(this), timeZone } as Intl.ResolvedDateTimeFormatOptions;
  });
  vi.resetModules();
  const { localZone } = await import('@renderer/common/time/zones');
  return localZone;
}

describe('the local zone', () => {
  it('is the zone the browser reports', async () => {
    expect(await loadWithReportedZone('Australia/Lord_Howe')).toBe('Australia/Lord_Howe');
  });

  it('is UTC on a machine whose zone the browser cannot name', async () => {
    expect(await loadWithReportedZone(undefined)).toBe('UTC');
    expect(await loadWithReportedZone('')).toBe('UTC');
  });
});
