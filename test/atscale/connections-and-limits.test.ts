// Contract: what the client puts on the wire and when it hangs up. Lists share one kept-alive
// connection; a create or delete gets a connection of its own; a refused or timed-out answer closes the
// connection at once (a hostile server never keeps a socket of ours); a body of exactly 16 MB is read.
import net, { type AddressInfo } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import { createAtScaleClient } from '@core/atscale/index';
import { startSimulator } from '@simulator/index';
import { simulatorCertificates } from '@simulator/tls';
import { answerLikeAtScale, rawServerClients, startRawServer, type RawHandler } from './raw-server';
import { FAST_RETRY, rejection, tokenClient } from './helpers';

const { clientFor, server: rawServer } = rawServerClients({ retry: { ...FAST_RETRY, attempts: 1 } });

const JOB = '11111111-2222-4333-8444-555555555555';
const EMPTY_LIST = '{"status":{"code":200},"response":[]}';
const MAX_BODY = 16 * 1024 * 1024;

const onList =
  (answer: RawHandler): RawHandler =>
  (req, res) =>
    req.url?.includes('/scheduler/jobs/') && req.method === 'GET' ? answer(req, res) : answerLikeAtScale(req, res);

/** Waits (bounded) until the server has seen every client connection close. */
async function expectAllClosed(): Promise<void> {
  await vi.waitFor(() => expect(rawServer()?.openConnections()).toBe(0), { timeout: 1500, interval: 10 });
}

describe('connections', () => {
  it('lists reuse one kept-alive connection; every create and delete opens a fresh one', async () => {
    const client = await clientFor(answerLikeAtScale);
    await client.listSchedules();
    await client.listSchedules();
    await client.createSchedule('0 0 4 ? * * *');
    await client.createSchedule('0 0 5 ? * * *');
    await client.deleteSchedule(JOB);
    await client.listSchedules();
    expect(rawServer()?.requests.map((r) => r.split(' ')[0])).toEqual(['GET', 'GET', 'POST', 'POST', 'DELETE', 'GET']);
    expect(rawServer()?.connections).toEqual([1, 1, 2, 3, 4, 1]);
  });

  it('over HTTPS too: lists share one connection, each create has its own, with the private CA trusted', async () => {
    const { caCert, cert, key } = await simulatorCertificates();
    const server = await startRawServer(answerLikeAtScale, { cert, key });
    try {
      const client = createAtScaleClient({
        apiUrl: server.url,
        orgId: 'default',
        credentials: { kind: 'token', token: 'raw-test-token-0123456789' },
        caCert,
        retry: { attempts: 1 },
      });
      await client.listSchedules();
      await client.listSchedules();
      await client.createSchedule('0 0 4 ? * * *');
      await client.createSchedule('0 0 5 ? * * *');
      expect(server.connections).toEqual([1, 1, 2, 3]);
      client.close();
    } finally {
      await server.close();
    }
  });

  it('close() hangs up the kept-alive connections', async () => {
    const client = await clientFor(answerLikeAtScale);
    await client.listSchedules();
    expect(rawServer()?.openConnections()).toBe(1);
    client.close();
    await expectAllClosed();
  });

  it('a create is sent with its exact Content-Length (not chunked), as JSON', async () => {
    const client = await clientFor(answerLikeAtScale);
    await client.createSchedule('0 0 4 ? * * *');
    const [post] = rawServer()?.received ?? [];
    const body = JSON.stringify({ time_expression: '0 0 4 ? * * *', scheduler_type: 'time-based' });
    expect(post?.body).toBe(body);
    expect(post?.headers).toMatchObject({ 'content-length': String(body.length), 'content-type': 'application/json', 'accept-encoding': 'identity' });
    expect(post?.headers['transfer-encoding']).toBeUndefined();
  });
});

describe('a refused or stalled answer closes the connection', () => {
  it('headers then silence: timeout (ETIMEDOUT) and the connection is closed', async () => {
    const client = await clientFor(
      onList((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
        res.write('{');
      }),
    );
    const err = await rejection(client.listSchedules());
    expect(err).toMatchObject({ kind: 'timeout', code: 'ETIMEDOUT', step: undefined });
    await expectAllClosed();
  });

  it('an unasked-for compressed answer is refused and the connection closed', async () => {
    const client = await clientFor(
      onList((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'br' });
        res.end('xxxx');
      }),
    );
    expect((await rejection(client.listSchedules())).message).toContain('Content-Encoding br');
    await expectAllClosed();
  });

  it('a long Content-Encoding is quoted as a short excerpt', async () => {
    const encoding = `x-${'z'.repeat(100)}`;
    const client = await clientFor(
      onList((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': encoding });
        res.end(EMPTY_LIST);
      }),
    );
    expect((await rejection(client.listSchedules())).message).toContain(`(Content-Encoding ${encoding.slice(0, 39)}…) although`);
  });

  it('an announced body over 16 MB is refused with the HTTP status, and the connection closed', async () => {
    const client = await clientFor(
      onList((_req, res) => {
        res.writeHead(502, { 'content-type': 'application/json', 'content-length': String(MAX_BODY + 1) });
        res.write('{');
      }),
    );
    const err = await rejection(client.listSchedules());
    expect(err).toMatchObject({ kind: 'bad-response', status: 502 });
    expect(err.message).toBe(
      `${new URL(rawServer()!.url).host} sent (or announced) more than 16 MB; this is not an AtScale answer. Check that the URL points at the AtScale server.`,
    );
    await expectAllClosed();
  });

  it('a body that grows past 16 MB is cut off with the HTTP status, and the connection closed', async () => {
    const client = await clientFor(
      onList((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write(' '.repeat(MAX_BODY));
        res.write('  ');
      }),
      { timeoutMs: 10_000 },
    );
    const err = await rejection(client.listSchedules());
    expect(err).toMatchObject({ kind: 'bad-response', status: 200 });
    expect(err.message).toContain('more than 16 MB');
    await expectAllClosed();
  });
});

describe('the body limit is 16 MB, not less', () => {
  it('a body of exactly 16 MB, announced or streamed, is read', async () => {
    const padded = EMPTY_LIST + ' '.repeat(MAX_BODY - EMPTY_LIST.length);
    let announced = true;
    const client = await clientFor(
      onList((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', ...(announced ? { 'content-length': String(MAX_BODY) } : {}) });
        res.end(padded);
      }),
      { timeoutMs: 10_000 },
    );
    expect(await client.listSchedules()).toEqual([]);
    announced = false;
    expect(await client.listSchedules()).toEqual([]);
  });
});

describe('timeouts after a TLS handshake', () => {
  it('an HTTPS server that completes the handshake and then is silent: "did not answer", not a TLS failure', async () => {
    const sim = await startSimulator({ tls: true });
    try {
      sim.inject({ endpoint: 'list', action: { type: 'hang' } });
      const err = await rejection(tokenClient(sim, { timeoutMs: 500, retry: { attempts: 1 } }).listSchedules());
      expect(err).toMatchObject({ kind: 'timeout', code: 'ETIMEDOUT', step: undefined });
      expect(err.message).toBe(
        `${new URL(sim.url).host} did not answer within 500 ms. The server may be overloaded; try again in a moment, and if it keeps happening ask the server's administrator to check it.`,
      );
    } finally {
      await sim.close();
    }
  });

  it('a port that never speaks TLS: the handshake timeout, coded ETIMEDOUT at the tls step', async () => {
    const silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const host = `127.0.0.1:${(silent.address() as AddressInfo).port}`;
    try {
      const client = await clientFor(answerLikeAtScale, { apiUrl: `https://${host}`, timeoutMs: 300 });
      const err = await rejection(client.listSchedules());
      expect(err).toMatchObject({ kind: 'timeout', code: 'ETIMEDOUT', step: 'tls' });
      expect(err.message).toBe(`The TLS handshake with ${host} did not finish within 300 ms. Check that the port serves HTTPS.`);
    } finally {
      silent.close();
    }
  });
});
