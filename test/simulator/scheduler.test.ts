// The simulated server's scheduler over real HTTP: runs recorded as they fire, runs that take time, and
// the faults that make every health verdict reachable (paused, late, event-triggered, zone, 503).
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_TOKEN, startSimulator, TRIGGER_EVENT, TRIGGER_RUN_NOW, TRIGGER_SCHEDULED, type Simulator, type SimulatorOptions } from '@simulator/index';

let sim: Simulator | null = null;
afterEach(async () => {
  await sim?.close();
  sim = null;
});

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const START = new Date('2027-03-10T03:00:00Z'); // an hour before the daily 04:00 fire
const DAILY = '3740f5fd-a6b8-45fb-a3ab-313bf8481af3'; // org default, 0 0 4 ? * * *, created 240 days ago
const bearer = { authorization: `Bearer ${DEMO_TOKEN}` };

async function start(options: SimulatorOptions = {}): Promise<Simulator> {
  sim = await startSimulator({ now: () => START, ...options });
  return sim;
}

/** latest_execution of the daily job, as the list endpoint answers it over HTTP. */
async function dailyLatest(s: Simulator): Promise<string | null> {
  const res = await fetch(`${s.url}/aggregates/maintenance/scheduler/jobs/orgId/default`, { headers: bearer });
  const body = (await res.json()) as { response: { job_id: string; latest_execution: { executedAt: string } | null }[] };
  return body.response.find((j) => j.job_id === DAILY)?.latest_execution?.executedAt ?? null;
}

async function running(s: Simulator, orgId = 'default'): Promise<{ status: number; body: { status: unknown; response: Record<string, unknown> | null } }> {
  const res = await fetch(`${s.url}/aggregates/maintenance/orgId/${orgId}`, { headers: bearer });
  return { status: res.status, body: (await res.json()) as { status: unknown; response: Record<string, unknown> | null } };
}

describe('runs as they fire', () => {
  it('a scheduled fire becomes an execution at its fire time, runs for the org duration, and shows as the running job meanwhile', async () => {
    const s = await start();
    expect(await dailyLatest(s)).toBe('2027-03-09T04:00:00.000Z');
    expect((await running(s)).body).toEqual({ status: { code: 0, message: '200 OK' }, response: null });
    s.advanceTime(HOUR + 3 * MIN); // 04:03, org "default" runs take 6 minutes
    expect(await dailyLatest(s)).toBe('2027-03-10T04:00:00.000Z');
    const now = await running(s);
    expect(now.status).toBe(200);
    expect(now.body.response).toMatchObject({
      triggerType: TRIGGER_SCHEDULED,
      scheduleJobId: DAILY,
      creationTime: '2027-03-10T04:00:00.000Z',
      startTime: '2027-03-10T04:00:00.000Z',
      status: 'RUNNING',
    });
    s.advanceTime(3 * MIN); // 04:06: done
    expect((await running(s)).body.response).toBeNull();
    expect(s.runs('default', { from: '2027-03-10T00:00:00Z' })).toEqual([
      expect.objectContaining({ jobId: DAILY, startTime: '2027-03-10T04:00:00.000Z', endTime: '2027-03-10T04:06:00.000Z', running: false }),
    ]);
  });

  it('the run duration is per org and can be changed', async () => {
    const s = await start();
    s.setRunDuration('default', 30 * MIN);
    s.advanceTime(HOUR + 20 * MIN);
    expect(s.runningJob('default')).toMatchObject({ startTime: '2027-03-10T04:00:00.000Z', endTime: '2027-03-10T04:30:00.000Z' });
    expect(s.state().orgs.find((o) => o.orgId === 'finance-prod')?.runDurationMs).toBe(12 * MIN);
  });
});

describe('faults for every health verdict', () => {
  it('a paused scheduler misses its fires (latest_execution stays old); resuming brings the next fire back', async () => {
    const s = await start();
    s.setSchedulerPaused('default', true);
    s.advanceTime(2 * DAY);
    expect(await dailyLatest(s)).toBe('2027-03-09T04:00:00.000Z');
    expect(s.runs('default', { from: START }).filter((r) => r.jobId === DAILY)).toEqual([]);
    expect(s.state().orgs.find((o) => o.orgId === 'default')?.paused).toBe(true);
    s.setSchedulerPaused('default', false);
    s.advanceTime(DAY);
    expect(await dailyLatest(s)).toBe('2027-03-12T04:00:00.000Z'); // now 03-13 03:00
  });

  it('a pause can start in the past (missed for days already); seeds can say so too', async () => {
    const s = await start();
    s.setSchedulerPaused('sales-analytics', true, { at: new Date(START.getTime() - 3 * DAY) });
    const daily = s.jobs('sales-analytics').find((j) => j.timeExpression === '0 0 4 ? * * *');
    expect(daily?.latestExecution?.executedAt).toBe('2027-03-06T04:00:00.000Z');
    await s.close();
    const seeded = await start({
      seed: [
        {
          orgId: 'o',
          name: 'O',
          pausedDaysAgo: 3,
          jobs: [{ jobId: 'a1a1a1a1-0000-4000-8000-000000000001', timeExpression: '0 0 4 ? * * *', fullBuild: false, createdBy: 'x', createdDaysAgo: 10 }],
        },
      ],
    });
    expect(seeded.jobs('o')[0]?.latestExecution?.executedAt).toBe('2027-03-06T04:00:00.000Z');
  });

  it('a paused scheduler still runs run-immediately and event-triggered maintenance', async () => {
    const s = await start();
    s.setSchedulerPaused('default', true);
    const res = await fetch(`${s.url}/api/1.0/aggregates/maintenance/orgId/default/run-immediately`, { method: 'POST', headers: bearer });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: { code: 200, message: 'Maintenance successfully started for default' }, response: null });
    expect(s.runningJob('default')).toMatchObject({ triggerType: TRIGGER_RUN_NOW });
    expect(await dailyLatest(s)).toBe(START.toISOString());
  });

  it('late runs: executions N minutes after the fire, queued (not running) until then', async () => {
    const s = await start();
    s.setLateRuns('default', 25 * MIN);
    s.advanceTime(HOUR + 10 * MIN); // 04:10: fired, still queued
    expect(await dailyLatest(s)).toBe('2027-03-09T04:00:00.000Z');
    expect(s.runningJob('default')).toBeNull();
    s.advanceTime(20 * MIN); // 04:30
    expect(await dailyLatest(s)).toBe('2027-03-10T04:25:00.000Z');
    expect((await running(s)).body.response).toMatchObject({ creationTime: '2027-03-10T04:00:00.000Z', startTime: '2027-03-10T04:25:00.000Z' });
    expect(s.state().orgs.find((o) => o.orgId === 'default')?.lateMs).toBe(25 * MIN);
  });

  it('late runs from a past moment on: the fires before it stay on time', async () => {
    const s = await start({
      seed: [
        {
          orgId: 'o',
          name: 'O',
          lateMinutes: 90,
          jobs: [{ jobId: 'a1a1a1a1-0000-4000-8000-000000000002', timeExpression: '0 0 4 ? * * *', fullBuild: false, createdBy: 'x', createdDaysAgo: 10 }],
        },
      ],
    });
    expect(s.jobs('o')[0]?.latestExecution?.executedAt).toBe('2027-03-09T05:30:00.000Z');
    s.setLateRuns('o', 0, { at: '2027-03-05T00:00:00Z' });
    expect(s.runs('o', { from: '2027-03-03T00:00:00Z' }).map((r) => r.startTime.slice(0, 16))).toEqual([
      '2027-03-03T05:30',
      '2027-03-04T05:30',
      '2027-03-05T04:00',
      '2027-03-06T04:00',
      '2027-03-07T04:00',
      '2027-03-08T04:00',
      '2027-03-09T04:00',
    ]);
  });

  it('an event-triggered run is an extra execution for every active job of the org (each its own id), not for other orgs', async () => {
    const s = await start();
    const before = s.jobs('default', true).map((j) => j.latestExecution?.id);
    const event = s.triggerEvent('default', { at: new Date(START.getTime() - 2 * HOUR) });
    expect(event).toMatchObject({ triggerType: TRIGGER_EVENT, jobId: null, startTime: '2027-03-10T01:00:00.000Z' });
    const after = s.jobs('default', true);
    expect(after.map((j) => j.latestExecution?.executedAt)).toEqual(after.map(() => '2027-03-10T01:00:00.000Z'));
    expect(new Set(after.map((j) => j.latestExecution?.id)).size).toBe(after.length);
    expect(after.map((j) => j.latestExecution?.id)).not.toEqual(before);
    expect(s.jobs('default', false)[0]?.latestExecution?.executedAt).not.toBe('2027-03-10T01:00:00.000Z');
    expect(s.jobs('sales-analytics').some((j) => j.latestExecution?.executedAt === '2027-03-10T01:00:00.000Z')).toBe(false);
    // The next scheduled fire takes over again.
    s.advanceTime(HOUR + MIN);
    expect(await dailyLatest(s)).toBe('2027-03-10T04:00:00.000Z');
  });

  it('run-immediately answering 503 (Design Center APIs off) through the fault table starts nothing', async () => {
    const s = await start();
    s.inject({ endpoint: 'run-now', action: { type: 'status', status: 503, message: 'Design Center APIs are not enabled' } });
    const res = await fetch(`${s.url}/api/1.0/aggregates/maintenance/orgId/default/run-immediately`, { method: 'POST', headers: bearer });
    expect(res.status).toBe(503);
    expect(s.runningJob('default')).toBeNull();
  });

  it('fires expressions in its own zone: daily 04:00 in America/New_York lands at 08:00Z / 09:00Z; the zone can change', async () => {
    const s = await start({ timeZone: 'America/New_York' });
    expect(await dailyLatest(s)).toBe('2027-03-09T09:00:00.000Z'); // EST, before the 14 March switch
    s.advanceTime(5 * DAY);
    expect(await dailyLatest(s)).toBe('2027-03-14T08:00:00.000Z'); // EDT
    s.setTimeZone('Asia/Kolkata');
    expect(await dailyLatest(s)).toBe('2027-03-14T22:30:00.000Z');
    expect(s.state().timeZone).toBe('Asia/Kolkata');
    expect(() => s.setTimeZone('Mars/Olympus')).toThrow(/unknown time zone/);
    s.reset();
    expect(s.timeZone()).toBe('America/New_York');
  });

  it('reset() clears pauses, lateness, events and durations', async () => {
    const s = await start();
    s.setSchedulerPaused('default', true, { at: new Date(START.getTime() - 5 * DAY) });
    s.setLateRuns('default', HOUR);
    s.triggerEvent('default');
    s.reset();
    expect(s.state().orgs.find((o) => o.orgId === 'default')).toMatchObject({ paused: false, lateMs: 0, runDurationMs: 6 * MIN, running: false });
    expect(await dailyLatest(s)).toBe('2027-03-09T04:00:00.000Z');
  });
});

describe('the same knobs over /__sim/', () => {
  const control = (s: Simulator, method: string, path: string, body?: unknown): Promise<Response> =>
    fetch(`${s.url}/__sim/${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });

  it('scheduler, events, time-zone, runs and running', async () => {
    const s = await start({ control: true });
    expect((await control(s, 'POST', 'scheduler', { orgId: 'default', paused: true, at: '2027-03-07T00:00:00Z', runDurationMs: 10 * MIN })).status).toBe(200);
    expect(await dailyLatest(s)).toBe('2027-03-06T04:00:00.000Z');
    const event = (await (await control(s, 'POST', 'events', { orgId: 'default', triggerType: 'CubeUpdateMaintenance(CubePublished)' })).json()) as {
      triggerType: string;
      running: boolean;
    };
    expect(event).toMatchObject({ triggerType: 'CubeUpdateMaintenance(CubePublished)', running: true });
    expect(await (await control(s, 'GET', 'running?orgId=default')).json()).toMatchObject({ triggerType: 'CubeUpdateMaintenance(CubePublished)' });
    const runs = (await (await control(s, 'GET', 'runs?orgId=default&from=2027-03-05T00:00:00Z')).json()) as { startTime: string }[];
    expect(runs.map((r) => r.startTime)).toContain('2027-03-06T04:00:00.000Z');
    expect(runs.map((r) => r.startTime)).not.toContain('2027-03-07T04:00:00.000Z');
    expect(await (await control(s, 'POST', 'time-zone', { timeZone: 'Europe/Berlin' })).json()).toEqual({ timeZone: 'Europe/Berlin' });
    expect((await control(s, 'POST', 'time-zone', { timeZone: 'Nowhere/Land' })).status).toBe(400);
    expect((await control(s, 'POST', 'scheduler', { orgId: 'ghost', paused: true })).status).toBe(400);
    expect((await control(s, 'POST', 'scheduler', { orgId: 'default', lateMs: 15 * MIN })).status).toBe(200);
    expect(s.state().orgs.find((o) => o.orgId === 'default')).toMatchObject({ paused: true, lateMs: 15 * MIN, runDurationMs: 10 * MIN });
  });
});
