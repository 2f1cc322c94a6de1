// Contract: a hostile or broken server never holds the client past its deadline, never gets half an
// answer taken for a whole one, and never has the client follow it elsewhere.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { answerLikeAtScale, rawServerClients, type RawHandler } from './raw-server';
import { rejection } from './helpers';

const { clientFor, server: rawServer } = rawServerClients();

const onList =
  (hostile: RawHandler): RawHandler =>
  (req, res) =>
    req.url?.includes('/scheduler/jobs/') ? hostile(req, res) : answerLikeAtScale(req, res);
const onAuth =
  (hostile: RawHandler): RawHandler =>
  (req, res) =>
    req.url?.endsWith('/auth') ? hostile(req, res) : answerLikeAtScale(req, res);
const password = { credentials: { kind: 'password', username: 'admin', password: 'raw-password-123' } } as const;

describe('one deadline for the whole exchange', () => {
  it('headers sent, then the body stalls: a timeout at the deadline, not a hang', async () => {
    const client = await clientFor(
      onList((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '5000' });
        res.write('{"status":{"code":200},"response":[');
      }),
    );
    const started = Date.now();
    const err = await rejection(client.listSchedules());
    const elapsed = Date.now() - started;
    expect(err.kind).toBe('timeout');
    expect(err.message).toContain('started answering but did not finish within 400 ms');
    expect(elapsed).toBeGreaterThanOrEqual(390);
    expect(elapsed).toBeLessThan(1500);
    expect(rawServer()?.requests.filter((r) => r.includes('/scheduler/jobs/'))).toHaveLength(1); // a timeout is not retried
  });

  it('a body dripped one byte at a time never resets the deadline', async () => {
    const client = await clientFor(
      onList((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        const drip = setInterval(() => (res.destroyed ? clearInterval(drip) : res.write(' ')), 50);
        res.on('close', () => clearInterval(drip));
      }),
    );
    const started = Date.now();
    const err = await rejection(client.listSchedules());
    expect(err.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('sign-in: headers sent, then the token never comes -> timeout at the sign-in step', async () => {
    const client = await clientFor(
      onAuth((_req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '64' });
        res.write('abc');
      }),
      password,
    );
    const started = Date.now();
    const err = await rejection(client.signIn());
    expect(err).toMatchObject({ kind: 'timeout', step: 'sign-in' });
    expect(Date.now() - started).toBeLessThan(1500);
  });
});

describe('half answers and lies', () => {
  it('a body shorter than its Content-Length (connection closed) is a dropped connection, never parsed', async () => {
    const client = await clientFor(
      onList((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' });
        res.write('{"status":{"code":200},"response":[]}');
        setTimeout(() => res.socket?.destroy(), 20);
      }),
      { retry: { attempts: 1 } },
    );
    const err = await rejection(client.listSchedules());
    expect(err).toMatchObject({ kind: 'network' });
    expect(err.message).toMatch(/in the middle of the answer/);
  });

  it('a sign-in token cut short by a closed connection is never used', async () => {
    const client = await clientFor(
      onAuth((_req, res) => {
        res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '80' });
        res.write('raw-server-session-token');
        setTimeout(() => res.socket?.destroy(), 20);
      }),
      { ...password, retry: { attempts: 1 } },
    );
    const err = await rejection(client.listSchedules());
    expect(err.kind).toBe('network');
    expect(err.message).toMatch(/in the middle of the answer/);
    expect(rawServer()?.requests.some((r) => r.includes('/scheduler/jobs/'))).toBe(false);
  });

  it('oversized response headers -> bad-response (not valid HTTP), not retried as a dropped connection', async () => {
    const client = await clientFor(
      onList((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'x-padding': 'a'.repeat(64 * 1024) });
        res.end('{"response":[]}');
      }),
    );
    const err = await rejection(client.listSchedules());
    expect(err).toMatchObject({ kind: 'bad-response', code: 'HPE_HEADER_OVERFLOW' });
    expect(err.message).toMatch(/not valid HTTP/);
    expect(rawServer()?.requests.filter((r) => r.includes('/scheduler/jobs/'))).toHaveLength(1);
  });

  it('a gzip body the client never asked for (a decompression bomb in waiting) -> bad-response, never inflated', async () => {
    const bomb = gzipSync(Buffer.alloc(8 * 1024 * 1024, 0x20));
    let askedEncoding: string | undefined;
    const client = await clientFor(
      onList((req, res) => {
        askedEncoding = req.headers['accept-encoding'];
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
        res.end(bomb);
      }),
    );
    const err = await rejection(client.listSchedules());
    expect(askedEncoding).toBe('identity');
    expect(err.kind).toBe('bad-response');
    expect(err.message).toMatch(/compressed answer \(Content-Encoding gzip\)/);
  });

  it('an announced body over 16 MB is refused at once, not read or waited for', async () => {
    const client = await clientFor(
      onList((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(64 * 1024 * 1024) });
        res.write('{');
      }),
      { timeoutMs: 5000 },
    );
    const started = Date.now();
    const err = await rejection(client.listSchedules());
    expect(err.kind).toBe('bad-response');
    expect(err.message).toContain('more than 16 MB');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('a body that keeps coming past 16 MB is cut off as a bad-response', async () => {
    const client = await clientFor(
      onList((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(1024 * 1024, 0x20);
        const pump = (): void => {
          while (!res.destroyed && res.write(chunk));
          if (!res.destroyed) res.once('drain', pump);
        };
        pump();
      }),
      { timeoutMs: 10_000 },
    );
    const err = await rejection(client.listSchedules());
    expect(err.kind).toBe('bad-response');
    expect(err.message).toContain('more than 16 MB');
  });

  it('a redirect is never followed, and the message says so without quoting the target', async () => {
    const client = await clientFor(
      onList((_req, res) => {
        res.writeHead(302, { location: 'https://login.example.com/sso?next=steal' });
        res.end();
      }),
    );
    const err = await rejection(client.listSchedules());
    expect(err).toMatchObject({ kind: 'bad-response', status: 302 });
    expect(err.message).toMatch(/redirected .*redirects are not followed/);
    expect(err.message).not.toContain('login.example.com');
    expect(rawServer()?.requests).toHaveLength(1);
  });

  it('a JSON answer with a byte-order mark is still read', async () => {
    const client = await clientFor(
      onList((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('\uFEFF{"status":{"code":200},"response":[{"job_id":"11111111-2222-4333-8444-555555555555","time_expression":"0 0 4 ? * * *"}]}');
      }),
    );
    expect((await client.listSchedules()).map((s) => s.jobId)).toEqual(['11111111-2222-4333-8444-555555555555']);
  });
});

describe('what a list may contain', () => {
  const job = (id: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ job_id: id, time_expression: '0 0 4 ? * * *', ...extra });
  const listing = (jobs: unknown[]): RawHandler =>
    onList((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: { code: 200 }, response: jobs }));
    });
  const A = '11111111-2222-4333-8444-555555555555';

  it('the same job listed twice, identically, is shown once', async () => {
    const client = await clientFor(listing([job(A), job(A)]));
    expect(await client.listSchedules()).toHaveLength(1);
  });

  it('the same job id listed twice with different contents -> bad-response', async () => {
    const client = await clientFor(listing([job(A), job(A, { time_expression: '0 0 5 ? * * *' })]));
    const err = await rejection(client.listSchedules());
    expect(err.kind).toBe('bad-response');
    expect(err.message).toContain('twice with different contents');
  });

  it("a job of another org -> bad-response naming both orgs (never shown as this org's)", async () => {
    const client = await clientFor(listing([job(A, { organization_Id: 'finance-prod' })]));
    const err = await rejection(client.listSchedules());
    expect(err.kind).toBe('bad-response');
    expect(err.message).toContain('"finance-prod"');
    expect(err.message).toContain('"default"');
  });

  it('a job id sent as a JSON number -> bad-response naming the field', async () => {
    // Written as text: a number this long loses digits in JSON.parse, so it must never become an id.
    const client = await clientFor(
      onList((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"status":{"code":200},"response":[{"job_id":12345678901234567890,"time_expression":"0 0 4 ? * * *"}]}');
      }),
    );
    const err = await rejection(client.listSchedules());
    expect(err.kind).toBe('bad-response');
    expect(err.message).toContain('response[0].job_id');
  });

  it('non-JSON served as application/json -> bad-response', async () => {
    const client = await clientFor(
      onList((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('OK');
      }),
    );
    const err = await rejection(client.listSchedules());
    expect(err.kind).toBe('bad-response');
    expect(err.message).toContain('malformed JSON');
  });
});
