// Contract: the words a user reads for each HTTP answer, compared whole (a stray, missing or reworded
// sentence fails), with the server's own message quoted where there is one, and the envelope code of a
// 200 read as the status only from 400 to 599.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAtScaleClient, type AtScaleClient } from '@core/atscale/index';
import { answerLikeAtScale, startRawServer, type RawServer } from './raw-server';
import { rejection } from './helpers';

let server: RawServer;
/** What the list (and the delete) answer next: status, envelope, retry-after. */
let next = { status: 200, body: '{"response":[]}' };
beforeAll(async () => {
  server = await startRawServer((req, res) => {
    if (req.url?.includes('/scheduler/jobs/') || req.method === 'DELETE') {
      res.writeHead(next.status, { 'content-type': 'application/json' });
      res.end(next.body);
    } else answerLikeAtScale(req, res);
  });
});
afterAll(async () => {
  await server.close();
});

const host = (): string => new URL(server.url).host;
const said = (message: string): string => JSON.stringify({ status: { code: 0, message }, response: null });
function client(kind: 'token' | 'password' = 'token'): AtScaleClient {
  return createAtScaleClient({
    apiUrl: server.url,
    orgId: 'sales',
    credentials: kind === 'token' ? { kind, token: 'raw-test-token-0123456789' } : { kind, username: 'admin', password: 'raw-password-123' },
    timeoutMs: 2000,
    retry: { attempts: 1 },
  });
}

describe('what each status says, word for word', () => {
  const LIST = 'Listing schedules for org "sales"';
  it.each([
    [400, 'bad-request', `${LIST} was refused as an invalid request (HTTP 400). AtScale said: "missing time_expression". Check the values sent and try again.`],
    [
      401,
      'unauthorized',
      `${LIST} was refused: not authorised (HTTP 401). AtScale said: "missing time_expression". Check the API token (tokens expire after 90 days and can be revoked in Design Center), and that the user may manage aggregates in org "sales" (org admin or Manage Aggregates).`,
    ],
    [
      404,
      'not-found',
      `${LIST} failed: not found (HTTP 404). The org "sales" does not exist or this user has no access to it. AtScale said: "missing time_expression". Check the org ID and the user's role, and that the API URL points at the AtScale engine.`,
    ],
    [
      429,
      'server',
      `${LIST} was turned away: AtScale or a gateway is limiting requests (HTTP 429). AtScale said: "missing time_expression". Wait a minute and try again.`,
    ],
    [
      503,
      'server',
      `${LIST} failed: AtScale had a server error (HTTP 503). AtScale said: "missing time_expression". Try again later; if it persists, check the AtScale engine logs.`,
    ],
  ])('%i -> %s', async (status, kind, message) => {
    next = { status, body: said('missing time_expression') };
    const err = await rejection(client().listSchedules());
    expect(err).toMatchObject({ kind, status });
    expect(err.message).toBe(message);
  });

  it.each([300, 399])('%i is a redirect, never followed', async (status) => {
    next = { status, body: '' };
    const err = await rejection(client().listSchedules());
    expect(err).toMatchObject({ kind: 'bad-response', status });
    expect(err.message).toBe(
      `Listing schedules for org "sales" was redirected by ${host()} (HTTP ${status}); redirects are not followed. Check that the URL is the AtScale server's own address (scheme, host, port and path), not a login page or proxy.`,
    );
  });

  it.each([
    [418, 'bad-response'],
    [499, 'bad-response'],
  ])("%i is an unexpected answer: in an envelope, AtScale's words and no blame on the URL", async (status, kind) => {
    next = { status, body: said('teapot') };
    const err = await rejection(client().listSchedules());
    expect(err).toMatchObject({ kind, status });
    expect(err.message).toBe(`Listing schedules for org "sales" got an unexpected answer from ${host()} (HTTP ${status}). AtScale said: "teapot".`);
  });

  it.each([418, 499])('%i without an envelope is an unexpected answer: check the URL', async (status) => {
    next = { status, body: 'I am a teapot' };
    const err = await rejection(client().listSchedules());
    expect(err).toMatchObject({ kind: 'bad-response', status });
    expect(err.message).toBe(
      `Listing schedules for org "sales" got an unexpected answer from ${host()} (HTTP ${status}). Check that the URL points at the AtScale engine.`,
    );
  });

  it('403 with password sign-in: the advice is about the user name and password; no server message, no quote', async () => {
    next = { status: 403, body: '{}' };
    const err = await rejection(client('password').listSchedules());
    expect(err.message).toBe(
      'Listing schedules for org "sales" was refused: not authorised (HTTP 403). Check the user name and password, and that the user may manage aggregates in org "sales" (org admin or Manage Aggregates).',
    );
  });

  it('404 on a delete names the job, which may already be deleted', async () => {
    next = { status: 404, body: '{}' };
    const job = '3740f5fd-a6b8-45fb-a3ab-313bf8481af3';
    const err = await rejection(client().deleteSchedule(job));
    expect(err.message).toBe(
      `Deleting the job ${job} in org "sales" failed: not found (HTTP 404). The org "sales" does not exist, the job ${job} does not exist there (it may already be deleted), or this user has no access to it. Check the org ID and the user's role, and that the API URL points at the AtScale engine.`,
    );
  });

  it('a server message that is only invisible characters is not quoted', async () => {
    next = { status: 500, body: said('\u200b\u202e ') };
    const err = await rejection(client().listSchedules());
    expect(err.message).not.toContain('AtScale said');
  });
});

describe("a 200's envelope code", () => {
  it.each([
    [400, 'bad-request'],
    [599, 'server'],
  ])('%i -> the answer is that status', async (code, kind) => {
    next = { status: 200, body: JSON.stringify({ status: { code, message: 'from the envelope' }, response: [] }) };
    const err = await rejection(client().listSchedules());
    expect(err).toMatchObject({ kind, status: code });
    expect(err.message).toContain('AtScale said: "from the envelope".');
  });

  it.each([399, 600])('%i -> not an HTTP status: the list is read', async (code) => {
    next = { status: 200, body: JSON.stringify({ status: { code }, response: [] }) };
    expect(await client().listSchedules()).toEqual([]);
  });

  it('an answer of the wrong shape names the first three problems', async () => {
    next = { status: 200, body: JSON.stringify({ response: [{ job_id: 1 }, { time_expression: 2 }] }) };
    const err = await rejection(client().listSchedules());
    expect(err).toMatchObject({ kind: 'bad-response', status: 200 });
    expect(err.message).toMatch(
      new RegExp(
        `^Listing schedules for org "sales" got an answer of the wrong shape from ${host().replace(/\./g, '\\.')} \\(response\\[0\\]\\.job_id: [^;]+; response\\[0\\]\\.time_expression: [^;]+; response\\[1\\]\\.job_id: [^;)]+\\)\\. The server may run an AtScale version this app does not support, or the URL points at another service\\.$`,
      ),
    );
  });

  it('an empty 200 is named as empty, not as malformed', async () => {
    next = { status: 200, body: '  ' };
    const err = await rejection(client().listSchedules());
    expect(err.message).toContain('got an empty answer from');
    expect(err.message).toContain('(usually port 10502)');
  });
});
