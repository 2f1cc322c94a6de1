// The simulator's users over real HTTP: who reaches which org, the org list, the session token, token age.
import { afterEach, describe, expect, it } from 'vitest';
import { quietClock } from '../core/helpers';
import {
  DEMO_AGING_TOKEN,
  DEMO_ANALYST_ORGS,
  DEMO_ANALYST_PASSWORD,
  DEMO_ANALYST_TOKEN,
  DEMO_ANALYST_USER,
  DEMO_PASSWORD,
  DEMO_TOKEN,
  DEMO_USER,
  startSimulator,
  type Simulator,
} from '@simulator/index';

let sim: Simulator | null = null;
afterEach(async () => {
  await sim?.close();
  sim = null;
});

const START = new Date('2027-03-10T12:00:00Z');
const DAY = 86_400_000;
const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });
const basic = (user: string, password: string): Record<string, string> => ({ authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` });

async function get(s: Simulator, path: string, headers: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(s.url + path, { headers });
  const text = await res.text();
  return { status: res.status, body: (res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : { text }) as Record<string, unknown> };
}

describe('users and orgs', () => {
  it('GET /api/1.0/org lists only the orgs the user reaches, in the Design Center envelope', async () => {
    const s = (sim = await startSimulator());
    const admin = await get(s, '/api/1.0/org', bearer(DEMO_TOKEN));
    expect(admin.status).toBe(200);
    expect(admin.body['status']).toEqual({ i18n_message: 'success', message: 'OK' });
    expect((admin.body['response'] as { id: string }[]).map((o) => o.id)).toEqual(['default', 'sales-analytics', 'finance-prod', 'sandbox']);
    const analyst = await get(s, '/api/1.0/org', bearer(DEMO_ANALYST_TOKEN));
    expect(analyst.body['response']).toEqual([
      { id: 'default', name: 'Default organization' },
      { id: 'sales-analytics', name: 'Sales Analytics' },
    ]);
    expect((await get(s, '/api/1.0/org', {})).status).toBe(401);
  });

  it('a restricted user gets 403 for orgs it cannot reach, at sign-in and on every org endpoint; 404 for orgs that do not exist', async () => {
    // At an hour no seeded schedule runs: the refused run-now must be what leaves the org without a running job.
    const s = (sim = await startSimulator({ now: quietClock() }));
    expect((await get(s, '/default/auth', basic(DEMO_ANALYST_USER, DEMO_ANALYST_PASSWORD))).status).toBe(200);
    expect((await get(s, '/finance-prod/auth', basic(DEMO_ANALYST_USER, DEMO_ANALYST_PASSWORD))).status).toBe(403);
    const t = bearer(DEMO_ANALYST_TOKEN);
    for (const org of DEMO_ANALYST_ORGS) expect((await get(s, `/aggregates/maintenance/scheduler/jobs/orgId/${org}`, t)).status).toBe(200);
    const denied = await get(s, '/aggregates/maintenance/scheduler/jobs/orgId/finance-prod', t);
    expect(denied.status).toBe(403);
    expect((denied.body['status'] as { message: string }).message).toBe('User analyst has no access to organization finance-prod');
    expect((await get(s, '/aggregates/maintenance/orgId/sandbox', t)).status).toBe(403);
    const runNow = await fetch(`${s.url}/api/1.0/aggregates/maintenance/orgId/finance-prod/run-immediately`, { method: 'POST', headers: t });
    expect(runNow.status).toBe(403);
    expect(s.runningJob('finance-prod')).toBeNull();
    expect((await get(s, '/aggregates/maintenance/scheduler/jobs/orgId/ghost', t)).status).toBe(404);
  });

  it('your own users and access map replace the demo ones', async () => {
    const s = (sim = await startSimulator({
      users: { ops: 'pw-ops-123' },
      access: { ops: ['sandbox'] },
      apiTokens: [{ token: 'ops-token-0123456789', user: 'ops' }],
    }));
    expect((await get(s, '/default/auth', basic(DEMO_USER, DEMO_PASSWORD))).status).toBe(401);
    expect((await get(s, '/sandbox/auth', basic('ops', 'pw-ops-123'))).status).toBe(200);
    expect((await get(s, '/api/1.0/org', bearer('ops-token-0123456789'))).body['response']).toEqual([{ id: 'sandbox', name: 'Sandbox (empty)' }]);
  });
});

describe('session token', () => {
  it('GET /api/1.0/sessiontoken tells the user and when the token was generated', async () => {
    const s = (sim = await startSimulator({ now: () => START }));
    const api = await get(s, '/api/1.0/sessiontoken', bearer(DEMO_TOKEN));
    expect(api.status).toBe(200);
    expect(api.body['response']).toEqual({ user_id: 'admin', generated_at: new Date(START.getTime() - 20 * DAY).toISOString() });
    s.advanceTime(5000);
    const token = (await get(s, '/default/auth', basic(DEMO_ANALYST_USER, DEMO_ANALYST_PASSWORD))).body['text'] as string;
    expect((await get(s, '/api/1.0/sessiontoken', bearer(token))).body['response']).toEqual({
      user_id: 'analyst',
      generated_at: new Date(START.getTime() + 5000).toISOString(),
    });
  });

  it('API tokens expire 90 days after they were issued (the aging demo token 10 days from start)', async () => {
    const s = (sim = await startSimulator({ now: () => START }));
    expect((await get(s, '/api/1.0/sessiontoken', bearer(DEMO_AGING_TOKEN))).body['response']).toEqual({
      user_id: 'admin',
      generated_at: new Date(START.getTime() - 80 * DAY).toISOString(),
    });
    s.advanceTime(10 * DAY - 1000);
    expect((await get(s, '/aggregates/maintenance/scheduler/jobs/orgId/default', bearer(DEMO_AGING_TOKEN))).status).toBe(200);
    s.advanceTime(2000);
    expect((await get(s, '/aggregates/maintenance/scheduler/jobs/orgId/default', bearer(DEMO_AGING_TOKEN))).status).toBe(401);
    expect((await get(s, '/aggregates/maintenance/scheduler/jobs/orgId/default', bearer(DEMO_TOKEN))).status).toBe(200);
  });

  it('a server without the endpoint is one fault away (404)', async () => {
    const s = (sim = await startSimulator());
    s.inject({ endpoint: 'session-token', action: { type: 'status', status: 404 } });
    expect((await get(s, '/api/1.0/sessiontoken', bearer(DEMO_TOKEN))).status).toBe(404);
    expect(s.requests({ endpoint: 'session-token' })).toHaveLength(1);
  });
});
