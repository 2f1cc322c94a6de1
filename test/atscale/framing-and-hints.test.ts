// Contract: raw-socket framing lies are bad responses (never parsed, never retried as a drop), a 429 is
// waited out, and a star in a message never hints at a password that equals something on screen.
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAtScaleClient } from '@core/atscale/index';
import { startSimulator, type Simulator } from '@simulator/index';
import { FAST_RETRY, passwordClient, rejection, tokenClient } from './helpers';

/** A TCP server that answers every connection with exactly `bytes`, then closes it. */
async function rawSocketServer(bytes: string): Promise<{ url: string; connections: () => number; close: () => Promise<void> }> {
  let count = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    count++;
    sockets.add(socket);
    socket.once('data', () => socket.end(bytes));
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connections: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

const BODY = '{"status":{"code":200},"response":[]}';
const FRAMING_LIES: [string, string][] = [
  [
    'two different Content-Length headers',
    `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5\r\nContent-Length: ${BODY.length}\r\n\r\n${BODY}`,
  ],
  [
    'Content-Length and chunked at once (a smuggling shape)',
    `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n${BODY.length.toString(16)}\r\n${BODY}\r\n0\r\n\r\n`,
  ],
  ['a status line that is not HTTP', `HELLO 200 OK\r\n\r\n${BODY}`],
  [
    'a header with a raw control character',
    `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Bad: a\u0001b\r\nContent-Length: ${BODY.length}\r\n\r\n${BODY}`,
  ],
];

describe('framing lies on the wire', () => {
  for (const [what, bytes] of FRAMING_LIES) {
    it(`${what} -> bad-response, tried once`, async () => {
      const server = await rawSocketServer(bytes);
      try {
        const client = createAtScaleClient({
          apiUrl: server.url,
          orgId: 'default',
          credentials: { kind: 'token', token: 'raw-test-token-0123456789' },
          timeoutMs: 2000,
          retry: FAST_RETRY,
        });
        const err = await rejection(client.listSchedules());
        expect(err.kind).toBe('bad-response');
        expect(err.code).toMatch(/^HPE_/);
        expect(server.connections()).toBe(1);
      } finally {
        await server.close();
      }
    });
  }
});

describe('with the simulator', () => {
  let sim: Simulator;
  beforeEach(async () => {
    sim = await startSimulator();
  });
  afterEach(async () => {
    await sim.close();
  });

  it('429 on a GET is waited out (Retry-After, capped) and retried; after the budget it says requests are limited', async () => {
    sim.inject({ endpoint: 'list', times: 1, action: { type: 'status', status: 429, retryAfterSeconds: 1 } });
    await tokenClient(sim, { retry: { baseDelayMs: 5, maxDelayMs: 50 } }).listSchedules();
    expect(sim.requests({ endpoint: 'list' }).map((r) => r.outcome)).toEqual([429, 200]);
    sim.inject({ endpoint: 'list', action: { type: 'status', status: 429 } });
    const err = await rejection(tokenClient(sim).listSchedules());
    expect(err).toMatchObject({ kind: 'server', status: 429 });
    expect(err.message).toMatch(/limiting requests \(HTTP 429\)/);
  });

  it('429 on a POST is not retried (create is not idempotent)', async () => {
    sim.inject({ endpoint: 'create', action: { type: 'status', status: 429 } });
    await rejection(tokenClient(sim, { orgId: 'sandbox' }).createSchedule('0 0 4 ? * * *'));
    expect(sim.requests({ endpoint: 'create' })).toHaveLength(1);
  });

  it('a password equal to the org ID is never starred where the org ID is shown (the star would tell it)', async () => {
    await sim.close();
    sim = await startSimulator({ users: { admin: 'sales-analytics' } });
    sim.inject({ endpoint: 'list', action: { type: 'status', status: 500, message: 'engine busy for org sales-analytics, come back later' } });
    const err = await rejection(
      passwordClient(sim, {
        orgId: 'sales-analytics',
        credentials: { kind: 'password', username: 'admin', password: 'sales-analytics' },
        retry: { attempts: 1 },
      }).listSchedules(),
    );
    expect(err.message).toContain('org "sales-analytics"');
    expect(err.message).toContain('engine busy for org sales-analytics, come back later');
    expect(err.message).not.toContain('***');
  });

  it('a password that merely contains the org ID is still scrubbed when echoed, and the org ID itself is left alone', async () => {
    await sim.close();
    sim = await startSimulator({ users: { admin: 'sales-analytics-2024!' } });
    sim.inject({ endpoint: 'list', action: { type: 'status', status: 400, message: 'bad password sales-analytics-2024! for org sales-analytics' } });
    const err = await rejection(
      passwordClient(sim, {
        orgId: 'sales-analytics',
        credentials: { kind: 'password', username: 'admin', password: 'sales-analytics-2024!' },
      }).listSchedules(),
    );
    expect(err.message).not.toContain('sales-analytics-2024!');
    expect(err.message).not.toContain('-2024!');
    expect(err.message).toContain('for org sales-analytics');
  });

  it('server text with direction overrides and zero-width characters is quoted flat', async () => {
    sim.inject({ endpoint: 'list', action: { type: 'status', status: 400, message: 'ok\u202Edetelped\u202C \u200Bjob' } });
    const err = await rejection(tokenClient(sim).listSchedules());
    expect(err.message).not.toMatch(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069]/);
    expect(err.message).toContain('ok detelped job');
  });

  it('an org ID with direction overrides or zero-width characters is refused', () => {
    for (const orgId of ['sales\u202Eorp', 'de\u200Bfault', '\u2066default\u2069']) {
      expect(() => tokenClient(sim, { orgId })).toThrow(/invisible or text-direction characters/);
    }
  });

  it('display fields from the server are one short line: created_by_user, an unreadable executedAt', async () => {
    const body = JSON.stringify({
      status: { code: 200 },
      response: [
        {
          job_id: '11111111-2222-4333-8444-555555555555',
          time_expression: '0 0 4 ? * * *',
          created_by_user: `eve\n${'x'.repeat(5000)}`,
          latest_execution: { id: 'e1', executedAt: `yesterday\u0000${'y'.repeat(500)}` },
        },
      ],
    });
    sim.inject({ endpoint: 'list', times: 1, action: { type: 'raw', status: 200, body } });
    const [job] = await tokenClient(sim).listSchedules();
    expect(job?.createdBy.length).toBeLessThanOrEqual(120);
    expect(job?.createdBy).toMatch(/^eve x+…$/);
    expect(job?.latestExecution?.executedAt.length).toBeLessThanOrEqual(64);
    expect(job?.latestExecution?.executedAt).not.toContain('\u0000');
  });
});
