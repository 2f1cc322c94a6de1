// Contract: a timeout names the phase the server stalled in (a reused socket is past connecting), says
// the deadline as set, and the body limits and encoding checks refuse exactly what they should.
import { describe, expect, it } from 'vitest';
import { answerLikeAtScale, rawServerClients, type RawHandler } from './raw-server';
import { FAST_RETRY, rejection } from './helpers';

const { clientFor, server: rawServer } = rawServerClients({ retry: { ...FAST_RETRY, attempts: 1 } });

const EMPTY_LIST = '{"status":{"code":200},"response":[]}';
const listCalls = (): number => rawServer()?.requests.filter((r) => r.includes('/scheduler/jobs/')).length ?? 0;

/** Answers the list with `answer` (headers, then whatever it writes); every other path like AtScale. */
const onList =
  (answer: RawHandler): RawHandler =>
  (req, res) =>
    req.url?.includes('/scheduler/jobs/') && req.method === 'GET' ? answer(req, res) : answerLikeAtScale(req, res);

describe('the phase a timeout names', () => {
  it('a reused keep-alive socket that gets no answer: "did not answer within 1 s", not a connect failure', async () => {
    let calls = 0;
    const client = await clientFor(
      onList((_req, res) => {
        calls++;
        if (calls > 1) return; // the second request on the pooled socket: silence
        res.writeHead(200, { 'content-type': 'application/json', connection: 'keep-alive' });
        res.end(EMPTY_LIST);
      }),
      { timeoutMs: 1000 },
    );
    expect(await client.listSchedules()).toEqual([]);
    const err = await rejection(client.listSchedules());
    expect(err).toMatchObject({ kind: 'timeout', code: 'ETIMEDOUT', step: undefined });
    expect(err.message).toBe(
      `${new URL(rawServer()!.url).host} did not answer within 1 s. The server may be overloaded; try again in a moment, and if it keeps happening ask the server's administrator to check it.`,
    );
    expect(listCalls()).toBe(2);
  });

  it('a fresh connection (a create) that gets no answer after connecting: "did not answer within 1.5 s", sent once', async () => {
    const client = await clientFor((req, res) => (req.method === 'POST' ? undefined : answerLikeAtScale(req, res)), { timeoutMs: 1500 });
    const err = await rejection(client.createSchedule('0 0 4 ? * * *'));
    expect(err).toMatchObject({ kind: 'timeout', step: undefined });
    expect(err.message).toMatch(/^127\.0\.0\.1:\d+ did not answer within 1\.5 s\. /);
    expect(rawServer()?.requests.filter((r) => r.startsWith('POST '))).toHaveLength(1);
  });
});

describe('body limits and encodings', () => {
  it('an announced body of exactly 16 MB is not refused as too large (here it is then cut: a dropped connection)', async () => {
    const client = await clientFor(
      onList((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(16 * 1024 * 1024) });
        res.write('{');
        setTimeout(() => res.socket?.destroy(), 20);
      }),
    );
    const err = await rejection(client.listSchedules());
    expect(err.kind).toBe('network');
    expect(err.message).toContain('closed in the middle of the answer');
  });

  it.each([
    ['identity', 'spelled out'],
    [' Identity ', 'in another case, padded'],
    ['', 'empty'],
  ])('Content-Encoding "%s" (%s) is no compression: the answer is read', async (encoding) => {
    const client = await clientFor(
      onList((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': encoding });
        res.end(EMPTY_LIST);
      }),
    );
    expect(await client.listSchedules()).toEqual([]);
  });

  it('Content-Encoding " GZIP " is refused, quoted as the encoding it is', async () => {
    const client = await clientFor(
      onList((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': ' GZIP ' });
        res.end(EMPTY_LIST);
      }),
    );
    const err = await rejection(client.listSchedules());
    expect(err).toMatchObject({ kind: 'bad-response', status: 200 });
    expect(err.message).toContain('sent a compressed answer (Content-Encoding gzip) although none was asked for');
  });
});
