// Synthetic schedules for the bench page: the same expression mix the browser harness seeds
// (test/harness/seed.ts), so the standalone figures compare with the harness ones.
import type { ScheduleSource } from '@renderer/schedule-view-types';
import { ENVIRONMENTS, expressionFor } from '../../test/harness/seed-mix';

export function benchSources(profiles: number, perProfile: number, now: Date): ScheduleSource[] {
  const out: ScheduleSource[] = [];
  for (let i = 0; i < profiles; i++) {
    const env = ENVIRONMENTS[i % ENVIRONMENTS.length] ?? ENVIRONMENTS[0];
    const profileId = `bench-${i + 1}`;
    for (let j = 0; j < perProfile; j++) {
      const jobId = `job-${i + 1}-${j + 1}`;
      out.push({
        key: `${profileId}:${jobId}`,
        profileId,
        profileName: `Org ${String(i + 1).padStart(2, '0')} ${env.label}`,
        environmentLabel: env.label,
        color: env.color,
        serverTimeZone: 'UTC',
        schedule: {
          jobId,
          orgId: `org-${i + 1}`,
          timeExpression: expressionFor(i, j),
          fullBuild: j % 5 === 0,
          createdBy: 'bench',
          createdAt: new Date(now.getTime() - (10 + j) * 86_400_000).toISOString(),
          latestExecution: { id: `exec-${i}-${j}`, executedAt: new Date(now.getTime() - ((j % 9) + 1) * 3_600_000 * 7).toISOString() },
          active: true,
        },
      });
    }
  }
  return out;
}

/** A fixed small set for the component tests: every case the views must handle, at a fixed `now`. */
export const FIXTURE_NOW = new Date('2027-03-10T10:17:00Z');

export function fixtureSources(): ScheduleSource[] {
  const make = (profile: 'eu' | 'us', jobId: string, timeExpression: string, active: boolean | null, ranHoursAgo: number | null): ScheduleSource => {
    const eu = profile === 'eu';
    return {
      key: `${profile}:${jobId}`,
      profileId: profile,
      profileName: eu ? 'Prod EU' : 'Dev US',
      environmentLabel: eu ? 'Production' : 'Development',
      color: eu ? '#e03131' : '#2f9e44',
      serverTimeZone: eu ? 'UTC' : 'America/New_York',
      schedule: {
        jobId,
        orgId: eu ? 'org-eu' : 'org-us',
        timeExpression,
        fullBuild: false,
        createdBy: 'test',
        createdAt: '2027-01-01T00:00:00Z',
        latestExecution:
          ranHoursAgo === null ? null : { id: `x-${jobId}`, executedAt: new Date(FIXTURE_NOW.getTime() - ranHoursAgo * 3_600_000).toISOString() },
        active,
      },
    };
  };
  return [
    make('eu', 'daily', '0 0 4 ? * * *', true, 6),
    make('eu', 'minutely', '0 * * ? * *', true, 0.1),
    make('eu', 'paused', '0 0 6 ? * MON', false, 50),
    make('us', 'weekdays', '0 30 9 ? * MON-FRI', null, null),
    make('us', 'broken', '0 0 4 * * MON', true, null),
  ];
}

/** One production schedule firing every second: the densest lane there is. */
export function everySecondSources(now: Date): ScheduleSource[] {
  const [one] = benchSources(1, 1, now);
  if (!one) return [];
  return [{ ...one, key: 'dense:every-second', schedule: { ...one.schedule, jobId: 'every-second', timeExpression: '* * * ? * *' } }];
}
