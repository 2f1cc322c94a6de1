// The health attacher's test set-up: one profile, its schedules and lists at a fixed now, over a real
// history store in a temp folder removed after each test.
import { afterEach } from 'vitest';
import type { Profile, Schedule } from '@shared/domain';
import type { DataProblem } from '@shared/ipc';
import type { BareScheduleList } from '@core/health/attach-health';
import { createHistoryStore, type HistoryStore } from '@core/health/history-store';
import { removeDir, tempDir } from '../core/helpers';

export const NOW = new Date('2026-11-28T12:00:00.000Z');
export const DAILY = '0 0 4 ? * * *';
export const PROFILE_ID = 'p-1';

/** A history store opener for a test file: each store in a temp folder of its own, removed after its test. */
export function historyStores(prefix: string): () => Promise<HistoryStore> {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await removeDir(dir);
    dir = undefined;
  });
  return async () => {
    dir = await tempDir(prefix);
    const problems: DataProblem[] = [];
    return createHistoryStore(dir, { now: () => NOW, onProblem: (p) => problems.push(p) });
  };
}

export function profile(over: Partial<Profile> = {}): Profile {
  return {
    id: PROFILE_ID,
    name: 'Prod',
    environment: { kind: 'production', label: 'production', color: '#d9480f' },
    apiUrl: 'https://atscale.example.com:10502',
    authUrl: 'https://atscale.example.com:10500',
    orgId: 'default',
    signIn: 'token',
    username: '',
    serverTimeZone: 'UTC',
    caCertPath: null,
    notes: '',
    demo: false,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...over,
  };
}

export function schedule(jobId: string, latestAt: string | null, over: Partial<Schedule> = {}): Schedule {
  return {
    jobId,
    orgId: 'default',
    timeExpression: DAILY,
    fullBuild: false,
    createdBy: 'admin',
    createdAt: '2026-11-01T00:00:00.000Z',
    latestExecution: latestAt ? { id: `${jobId}@${latestAt}`, executedAt: latestAt } : null,
    active: true,
    ...over,
  };
}

export function list(schedules: Schedule[], over: Partial<BareScheduleList> = {}): BareScheduleList {
  return { profileId: PROFILE_ID, orgId: 'default', schedules, fetchedAt: NOW.toISOString(), serverTimeZone: 'UTC', source: 'live', stale: null, ...over };
}
