// The simulator over real HTTP, as any client (curl, the app) sees it.
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_EXPRESSION, DEMO_PASSWORD, DEMO_TOKEN, DEMO_USER, startSimulator, type Simulator } from '@simulator/index';

let sim: Simulator | null = null;
afterEach(async () => {
  await sim?.close();
  sim = null;
});

const JOBS = '/aggregates/maintenance/scheduler/jobs/orgId/';
const bearer = { authorization: `Bearer ${DEMO_TOKEN}` };
const basic = (user: string, password: string): Record<string, string> => ({ authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` });

async function start(options: Parameters<typeof startSimulator>[0] = {}): Promise<Simulator> {
  sim = await startSimulator(options);
  return sim;
}

async function getJson(s: Simulator, path: string, headers: Record<string, string> = bearer): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(s.url + path, { headers });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('seed data and envelopes', () => {
  it('seeds several orgs with the daily default, weekly and monthly (L, #, LW) jobs, a never-run job and deactivated jobs', async () => {
    const s = await start();
    expect(s.state().orgs.map((o) => o.orgId)).toEqual(['default', 'sales-analytics', 'finance-prod', 'sandbox']);
    const all = ['default', 'sales-analytics', 'finance-prod'].flatMap((org) => s.jobs(org));
    const expressions = all.map((j) => j.timeExpression);
    expect(expressions.filter((e) => e === DEFAULT_EXPRESSION)).toHaveLength(3);
    expect(expressions.some((e) => /\bSUN\b/.test(e))).toBe(true);
    expect(expressions.some((e) => / L /.test(e) || /#/.test(e))).toBe(true);
    expect(all.filter((j) => !j.active).length).toBeGreaterThanOrEqual(2);
    const ran = all.filter((j) => j.latestExecution !== null);
    expect(ran.length).toBeGreaterThan(5);
    expect(all.filter((j) => j.active && j.latestExecution === null).map((j) => j.jobId)).toEqual(['7f8e9d0c-1b2a-4394-8576-a7b8c9d0e1f2']);
  });

  it('answers the list with the documented envelope and job fields (no active field)', async () => {
    const s = await start();
    const { status, body } = await getJson(s, `${JOBS}default`);
    expect(status).toBe(200);
    expect(body['status']).toEqual({ code: 200, message: 'success' });
    expect(Date.parse(String(body['responseCreated']))).not.toBeNaN();
    const jobs = body['response'] as Record<string, unknown>[];
    expect(jobs).toHaveLength(4);
    expect(Object.keys(jobs[0] ?? {}).sort()).toEqual([
      'created_at',
      'created_by_user',
      'full_build',
      'job_id',
      'latest_execution',
      'organization_Id',
      'path',
      'time_expression',
    ]);
    expect((await getJson(s, `${JOBS}default?active=true`)).body['response']).toHaveLength(3);
    expect((await getJson(s, `${JOBS}default?active=false`)).body['response']).toHaveLength(1);
    expect((await getJson(s, `${JOBS}default?active=maybe`)).status).toBe(400);
  });

  it('signs in with Basic (plain-text token back), refuses wrong or missing credentials, and accepts API tokens', async () => {
    const s = await start();
    const res = await fetch(`${s.url}/default/auth`, { headers: basic(DEMO_USER, DEMO_PASSWORD) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/plain/);
    const token = await res.text();
    expect(token).toMatch(/^\S{20,}$/);
    expect((await getJson(s, `${JOBS}default`, { authorization: `Bearer ${token}` })).status).toBe(200);
    expect((await fetch(`${s.url}/default/auth`, { headers: basic(DEMO_USER, 'wrong') })).status).toBe(401);
    expect((await getJson(s, `${JOBS}default`, {})).status).toBe(401);
    expect((await getJson(s, `${JOBS}default`, { authorization: 'Bearer made-up' })).status).toBe(401);
    expect((await getJson(s, `${JOBS}ghost`)).status).toBe(404);
    expect((await getJson(s, '/no/such/endpoint')).status).toBe(404);
  });
});

describe('create and delete', () => {
  it('creates from the query (or the JSON body), and rejects what Quartz would reject with 400', async () => {
    const s = await start();
    const post = (query: string, body?: unknown): Promise<Response> =>
      fetch(`${s.url}${JOBS}sandbox${query}`, {
        method: 'POST',
        headers: { ...bearer, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const ok = await post(`?time_expression=${encodeURIComponent('0 0 0 ? * MON')}&scheduler_type=time-based`);
    expect(ok.status).toBe(200);
    const created = (await ok.json()) as { response: { job_id: string; scheduler_type: string } };
    expect(created.response.scheduler_type).toBe('time-based/maintenance');
    expect((await post('', { time_expression: '0 0 1 ? * *', scheduler_type: 'time-based' })).status).toBe(200);

    const bothDays = await post(`?time_expression=${encodeURIComponent('0 0 4 1 * MON')}&scheduler_type=time-based`);
    expect(bothDays.status).toBe(400);
    expect(((await bothDays.json()) as { status: { message: string } }).status.message).toContain('0 0 4 1 * MON');
    expect((await post(`?time_expression=${encodeURIComponent('0 0 25 * * ?')}&scheduler_type=time-based`)).status).toBe(400);
    expect((await post(`?time_expression=${encodeURIComponent('0 0 1 ? * *')}`)).status).toBe(400);
    expect(s.jobs('sandbox')).toHaveLength(2);
  });

  it('delete deactivates: the job moves to active=false, and a second delete is 404', async () => {
    const s = await start();
    const del = (): Promise<Response> =>
      fetch(`${s.url}/api/1.0/aggregates/maintenance-schedule/jobs/orgId/default/jobId/3740f5fd-a6b8-45fb-a3ab-313bf8481af3`, {
        method: 'DELETE',
        headers: bearer,
      });
    const first = await del();
    expect(first.status).toBe(200);
    expect(((await first.json()) as { response: string }).response).toBe('successfully deleted job with Id: [3740f5fd-a6b8-45fb-a3ab-313bf8481af3]');
    expect((await del()).status).toBe(404);
    expect(s.jobs('default', false).map((j) => j.jobId)).toContain('3740f5fd-a6b8-45fb-a3ab-313bf8481af3');
  });
});

describe('simulated time', () => {
  it('advances latest_execution as simulated runs happen, and stops it when a job is deactivated', async () => {
    const s = await start({ now: () => new Date('2027-03-10T03:00:00Z') });
    const daily = (): string | undefined => s.jobs('default').find((j) => j.jobId === '3740f5fd-a6b8-45fb-a3ab-313bf8481af3')?.latestExecution?.executedAt;
    expect(daily()).toBe('2027-03-09T04:00:00.000Z');
    s.advanceTime(2 * 3_600_000);
    expect(daily()).toBe('2027-03-10T04:00:00.000Z');

    // The never-run job (Saturdays 23:45, created at start) runs for the first time on Saturday 2027-03-13.
    const fresh = (): string | null | undefined =>
      s.jobs('sales-analytics').find((j) => j.jobId === '7f8e9d0c-1b2a-4394-8576-a7b8c9d0e1f2')?.latestExecution?.executedAt ?? null;
    expect(fresh()).toBeNull();
    s.advanceTime(4 * 86_400_000);
    expect(fresh()).toBe('2027-03-13T23:45:00.000Z');

    // The monthly last-day job ran on 2027-02-28; deactivated jobs keep their last run from before deletion.
    expect(s.jobs('default').find((j) => j.timeExpression === '0 0 2 L * ?')?.latestExecution?.executedAt).toBe('2027-02-28T02:00:00.000Z');
    const deactivated = s.jobs('default', false)[0]?.latestExecution?.executedAt ?? '';
    expect(Date.parse(deactivated)).toBeLessThan(Date.parse('2027-02-10T03:00:00Z'));
  });

  it('keeps the same execution id for the same run across lists', async () => {
    const s = await start({ now: () => new Date('2027-03-10T03:00:00Z') });
    const first = s.jobs('default')[0]?.latestExecution?.id;
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(s.jobs('default')[0]?.latestExecution?.id).toBe(first);
  });
});
