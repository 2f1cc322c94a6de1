// Demo orgs, schedules and credentials: what the simulator is seeded with, and what demo mode signs in with.
// Job ids are fixed so tests and the demo can refer to them; times are relative to the simulator's clock.

export const DEMO_USER = 'admin';
export const DEMO_PASSWORD = 'atscale-demo';
/** An API token (as Design Center would issue) accepted by the simulator for every org. */
export const DEMO_TOKEN = 'demo-api-token-7c1f3b2a9e6d4f08b5a1c2d3e4f5a6b7';
/** A second demo user who can reach only some orgs (DEMO_ANALYST_ORGS): 403 for the others. */
export const DEMO_ANALYST_USER = 'analyst';
export const DEMO_ANALYST_PASSWORD = 'atscale-analyst';
export const DEMO_ANALYST_TOKEN = 'demo-analyst-token-2e9d41c7b3a85f60d1e2f3a4b5c6d7e8';
export const DEMO_ANALYST_ORGS: readonly string[] = ['default', 'sales-analytics'];
/** An API token of DEMO_USER issued 80 days before the simulator started: it expires within two weeks. */
export const DEMO_AGING_TOKEN = 'demo-aging-token-5b8e2f1a7c3d49e6a0b1c2d3e4f5a6b7';
/** API tokens expire this long after they are issued, as Design Center's do. */
export const API_TOKEN_TTL_DAYS = 90;
/** How long a maintenance run takes when the org does not say (simulated time). */
export const DEFAULT_RUN_MINUTES = 5;

export interface SeedApiToken {
  token: string;
  /** Whose token it is (decides which orgs it reaches); DEMO_USER when absent. */
  user?: string;
  /** Issued this long before the simulator started (0 when absent). */
  issuedDaysAgo?: number;
}

export const DEMO_API_TOKENS: readonly SeedApiToken[] = [
  { token: DEMO_TOKEN, user: DEMO_USER, issuedDaysAgo: 20 },
  { token: DEMO_ANALYST_TOKEN, user: DEMO_ANALYST_USER, issuedDaysAgo: 20 },
  { token: DEMO_AGING_TOKEN, user: DEMO_USER, issuedDaysAgo: 80 },
];

/** The default maintenance schedule AtScale ships with: every day at 04:00 UTC. */
export const DEFAULT_EXPRESSION = '0 0 4 ? * * *';
export const DEFAULT_SIMULATOR_PORT = 4510;

export interface SeedJob {
  jobId: string;
  timeExpression: string;
  fullBuild: boolean;
  createdBy: string;
  /** Created this long before the simulator started (0 = at start: the job has never run). */
  createdDaysAgo: number;
  /** Deleted (deactivated) this long before start; absent for active jobs. */
  deactivatedDaysAgo?: number;
}

export interface SeedOrg {
  orgId: string;
  /** A human name for logs and the CLI banner. */
  name: string;
  jobs: SeedJob[];
  /** How long one maintenance run takes here (default DEFAULT_RUN_MINUTES). */
  runMinutes?: number;
  /** The org's scheduled runs have been paused since this long before start (runs missed). */
  pausedDaysAgo?: number;
  /** Scheduled runs start this many minutes after their fire time (they queue). */
  lateMinutes?: number;
}

export const DEMO_ORGS: readonly SeedOrg[] = [
  {
    orgId: 'default',
    name: 'Default organization',
    runMinutes: 6,
    jobs: [
      { jobId: '3740f5fd-a6b8-45fb-a3ab-313bf8481af3', timeExpression: DEFAULT_EXPRESSION, fullBuild: false, createdBy: 'admin', createdDaysAgo: 240 },
      // Weekly full rebuild, Sunday 01:30.
      { jobId: '9b2d7c1e-4f3a-4e8b-9c6d-2a1b0f9e8d7c', timeExpression: '0 30 1 ? * SUN *', fullBuild: true, createdBy: 'admin', createdDaysAgo: 180 },
      // Monthly, last day of the month at 02:00.
      { jobId: 'c5e8a1b2-7d4f-4a3e-8b9c-1d2e3f4a5b6c', timeExpression: '0 0 2 L * ?', fullBuild: false, createdBy: 'dataops', createdDaysAgo: 95 },
      // Every six hours, deleted last month.
      {
        jobId: '0f1e2d3c-4b5a-4697-8877-665544332211',
        timeExpression: '0 0 0/6 ? * *',
        fullBuild: false,
        createdBy: 'dataops',
        createdDaysAgo: 120,
        deactivatedDaysAgo: 30,
      },
    ],
  },
  {
    orgId: 'sales-analytics',
    name: 'Sales Analytics',
    runMinutes: 4,
    jobs: [
      { jobId: '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d', timeExpression: DEFAULT_EXPRESSION, fullBuild: false, createdBy: 'admin', createdDaysAgo: 400 },
      // Weekdays after business hours.
      { jobId: '1a2b3c4d-5e6f-4708-9a0b-1c2d3e4f5a6b', timeExpression: '0 15 22 ? * MON-FRI', fullBuild: false, createdBy: 'jlopez', createdDaysAgo: 60 },
      // Third Friday of every month at 03:00 (Quartz: 6 = Friday).
      { jobId: 'e1d2c3b4-a5f6-4e7d-8c9b-0a1f2e3d4c5b', timeExpression: '0 0 3 ? * 6#3', fullBuild: true, createdBy: 'jlopez', createdDaysAgo: 75 },
      // Just created: has not run yet, so latest_execution is absent.
      { jobId: '7f8e9d0c-1b2a-4394-8576-a7b8c9d0e1f2', timeExpression: '0 45 23 ? * SAT', fullBuild: false, createdBy: 'jlopez', createdDaysAgo: 0 },
      {
        jobId: 'aa11bb22-cc33-4d44-8e55-ff6677889900',
        timeExpression: '0 0 1 * * ?',
        fullBuild: false,
        createdBy: 'admin',
        createdDaysAgo: 300,
        deactivatedDaysAgo: 200,
      },
    ],
  },
  {
    orgId: 'finance-prod',
    name: 'Finance (production)',
    runMinutes: 12,
    jobs: [
      { jobId: 'd4c3b2a1-f6e5-4d7c-9b8a-1234567890ab', timeExpression: DEFAULT_EXPRESSION, fullBuild: false, createdBy: 'admin', createdDaysAgo: 500 },
      // Last weekday of the month, 05:00: month-end close.
      { jobId: 'b1a2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d', timeExpression: '0 0 5 LW * ?', fullBuild: true, createdBy: 'fin-admin', createdDaysAgo: 210 },
      {
        jobId: '66778899-aabb-4ccd-9eef-001122334455',
        timeExpression: '0 0 3 ? * MON',
        fullBuild: false,
        createdBy: 'fin-admin',
        createdDaysAgo: 210,
        deactivatedDaysAgo: 150,
      },
    ],
  },
  { orgId: 'sandbox', name: 'Sandbox (empty)', jobs: [] },
];
