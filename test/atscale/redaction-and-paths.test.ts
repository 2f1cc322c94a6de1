// Contract: no fragment of a secret survives in a message, messages quote only short marked excerpts,
// and every request path carries the org exactly (values that would vanish or move are refused).
import { afterEach, describe, expect, it } from 'vitest';
import { createAtScaleClient, type AtScaleClientOptions } from '@core/atscale/index';
import { answerLikeAtScale, startRawServer, type RawServer } from './raw-server';
import { FAST_RETRY, rejection } from './helpers';

let server: RawServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const LONG_TOKEN = Array.from({ length: 2048 }, (_, i) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'[(i * 7919) % 64]).join('');

/** Every 8-character piece of `secret` that appears in `text`. */
function leakedFragments(text: string, secret: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 8 <= secret.length; i++) if (text.includes(secret.slice(i, i + 8))) out.push(secret.slice(i, i + 8));
  return out;
}

const wrapped = (text: string, width: number): string => text.replace(new RegExp(`(.{${width}})`, 'g'), '$1\n');

describe('redaction of server text', () => {
  for (const [what, echo] of [
    ['intact, with newlines around it', (t: string) => `Rejected request.\n\nAuthorization: Bearer ${t}\n\nat com.atscale.Auth.check(Auth.java:42)`],
    ['wrapped over lines every 76 characters', (t: string) => `Rejected token:\n${wrapped(t, 76)}\nend`],
    ['cut by the server at 100 characters', (t: string) => `token ${t.slice(0, 100)}… was refused`],
  ] as const) {
    it(`a 2 KiB session token echoed ${what}: no 8-character fragment of it in the message`, async () => {
      server = await startRawServer((req, res) => {
        if (req.url?.endsWith('/auth')) return answerLikeAtScale(req, res, LONG_TOKEN);
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: { code: 400, message: echo(LONG_TOKEN) }, response: null }));
      });
      const client = createAtScaleClient({
        apiUrl: server.url,
        orgId: 'default',
        credentials: { kind: 'password', username: 'admin', password: 'raw-password-123' },
        retry: FAST_RETRY,
      });
      const err = await rejection(client.listSchedules());
      expect(err.kind).toBe('bad-request');
      const text = `${err.message} ${JSON.stringify(err)} ${err.stack ?? ''}`;
      expect(leakedFragments(text, LONG_TOKEN)).toEqual([]);
      expect(err.message).toContain('***');
    });
  }

  it("a server's long message is quoted as one short marked excerpt", async () => {
    server = await startRawServer((_req, res) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: { code: 500, message: `Engine failure:\n${'stack frame\tat x.y.z\n'.repeat(500)}` }, response: null }));
    });
    const client = createAtScaleClient({
      apiUrl: server.url,
      orgId: 'default',
      credentials: { kind: 'token', token: 'raw-test-token-0123456789' },
      retry: { attempts: 1 },
    });
    const err = await rejection(client.listSchedules());
    const quoted = /AtScale said: "([^"]*)"/.exec(err.message)?.[1] ?? '';
    expect(quoted.startsWith('Engine failure: stack frame at x.y.z')).toBe(true);
    expect(quoted.endsWith('…')).toBe(true);
    expect(Array.from(quoted).length).toBeLessThanOrEqual(200);
    expect(err.message).not.toMatch(/[\n\t]/);
  });
});

describe("redaction of the server's words in successful answers", () => {
  it('a delete, a run now and the running job that echo the session token show it starred', async () => {
    const session = 'raw-server-session-token-0123456789';
    server = await startRawServer((req, res) => {
      const json = (value: unknown): void => void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(value));
      const path = req.url ?? '';
      if (req.method === 'DELETE') return json({ status: { code: 200 }, response: `successfully deleted job; request had Bearer ${session}` });
      if (path.endsWith('/run-immediately')) return json({ status: { code: 200, message: `started for Bearer ${session}` }, response: null });
      if (path.startsWith('/aggregates/maintenance/orgId/'))
        return json({ status: { code: 0, message: '200 OK' }, response: { id: 'j1', triggerType: `Manual(${session})`, status: `RUNNING ${session}` } });
      return answerLikeAtScale(req, res, session);
    });
    const client = createAtScaleClient({
      apiUrl: server.url,
      orgId: 'default',
      credentials: { kind: 'password', username: 'admin', password: 'raw-password-123' },
      retry: FAST_RETRY,
    });
    const deleted = await client.deleteSchedule('11111111-2222-4333-8444-555555555555');
    expect(deleted.message).toBe('successfully deleted job; request had Bearer ***');
    expect((await client.runNow()).message).toBe('started for Bearer ***');
    const running = await client.getRunningJob();
    expect(running).toMatchObject({ triggerType: 'Manual(***)', status: 'RUNNING ***' });
    expect(JSON.stringify([deleted, running])).not.toContain(session);
  });

  it('a password equal to the user name is starred where the server echoes the user:password pair', async () => {
    server = await startRawServer((req, res) => {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: { code: 400, message: 'Rejected request with credentials ops:ops' }, response: null }));
    });
    const client = createAtScaleClient({
      apiUrl: server.url,
      orgId: 'default',
      credentials: { kind: 'password', username: 'ops', password: 'ops' },
      retry: FAST_RETRY,
    });
    const err = await rejection(client.listSchedules());
    expect(err.message).toContain('Rejected request with credentials ***');
    expect(err.message).not.toContain('ops:ops');
  });
});

describe('user input in messages', () => {
  it('a huge invalid expression is quoted as a short excerpt', async () => {
    const client = createAtScaleClient({ apiUrl: 'http://127.0.0.1:9', orgId: 'default', credentials: { kind: 'token', token: 'abc-0123456789' } });
    const err = await rejection(client.createSchedule(`0 0 4 ? * * ${'9'.repeat(5000)}`));
    expect(err.kind).toBe('invalid-input');
    expect(err.message.length).toBeLessThan(600);
    expect(err.message).toContain('…');
  });

  it('a job ID that is not a UUID is quoted short; a number is named by its type', async () => {
    const client = createAtScaleClient({ apiUrl: 'http://127.0.0.1:9', orgId: 'default', credentials: { kind: 'token', token: 'abc-0123456789' } });
    const long = await rejection(client.deleteSchedule('x'.repeat(5000)));
    expect(long.message.length).toBeLessThan(300);
    const numeric = await rejection(client.deleteSchedule(42 as unknown as string));
    expect(numeric.message).toContain('of type number');
  });
});

describe('org IDs as path parts', () => {
  const options = (orgId: string): AtScaleClientOptions => ({ apiUrl: 'http://127.0.0.1:9', orgId, credentials: { kind: 'token', token: 'abc-0123456789' } });

  for (const orgId of ['.', '..', ' .. ', '', '   ', 'a/b', '../other', 'a\\b', 'x'.repeat(201), 'a\u0000b']) {
    it(`${JSON.stringify(orgId.length > 20 ? `${orgId.slice(0, 10)}…` : orgId)} is refused with invalid-input before any request`, () => {
      let thrown: unknown;
      try {
        createAtScaleClient(options(orgId));
      } catch (err) {
        thrown = err;
      }
      expect(thrown).toMatchObject({ kind: 'invalid-input' });
      expect((thrown as Error).message).toMatch(/^The org ID /);
      expect((thrown as Error).message.length).toBeLessThan(300);
    });
  }

  it('every request path carries the org, encoded as one segment (recorded by a raw server)', async () => {
    server = await startRawServer((req, res) => answerLikeAtScale(req, res));
    const orgId = 'team a?b#c%2e.';
    const seg = encodeURIComponent(orgId);
    const client = createAtScaleClient({
      apiUrl: server.url,
      orgId,
      credentials: { kind: 'password', username: 'admin', password: 'raw-password-123' },
      retry: FAST_RETRY,
    });
    await client.listSchedules();
    await client.listSchedules({ active: true });
    await client.createSchedule('0 0 4 ? * * *');
    await client.deleteSchedule('11111111-2222-4333-8444-555555555555');
    await client.getRunningJob();
    await client.runNow();
    expect(server.requests).toEqual([
      `GET /${seg}/auth`,
      `GET /aggregates/maintenance/scheduler/jobs/orgId/${seg}`,
      `GET /aggregates/maintenance/scheduler/jobs/orgId/${seg}?active=true`,
      `POST /aggregates/maintenance/scheduler/jobs/orgId/${seg}?time_expression=0%200%204%20%3F%20*%20*%20*&scheduler_type=time-based`,
      `DELETE /api/1.0/aggregates/maintenance-schedule/jobs/orgId/${seg}/jobId/11111111-2222-4333-8444-555555555555`,
      `GET /aggregates/maintenance/orgId/${seg}`,
      `POST /api/1.0/aggregates/maintenance/orgId/${seg}/run-immediately`,
    ]);
  });

  it("dot segments in the API URL's path prefix are resolved once, before the org is added", async () => {
    server = await startRawServer((req, res) => answerLikeAtScale(req, res));
    const client = createAtScaleClient({
      apiUrl: `${server.url}/proxy/../atscale/./`,
      orgId: 'default',
      credentials: { kind: 'token', token: 'abc-0123456789' },
      retry: { attempts: 1 },
    });
    await client.listSchedules().catch(() => undefined); // the raw server has no prefix: a 404, but the path is what counts
    expect(server.requests).toEqual(['GET /atscale/aggregates/maintenance/scheduler/jobs/orgId/default']);
  });
});
