import type { FleetSource } from '@shared/fleet';

export const MIN = 60_000;
export const H = 60 * MIN;
export const DAY = 24 * H;

let n = 0;
export function source(timeExpression: string, over: Partial<FleetSource> = {}): FleetSource {
  n++;
  return {
    key: `p${n}/job${n}`,
    serverKey: 'engine-a.example.com:10502',
    profileId: `p${n}`,
    environment: 'production',
    timeExpression,
    serverTimeZone: 'UTC',
    durationMs: 30 * MIN,
    ...over,
  };
}
