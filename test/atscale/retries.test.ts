// Contract: how a GET is retried, as the server sees it. The waits between tries double from the base
// delay (plus at most half again of jitter) and never exceed the cap; a Retry-After in seconds replaces
// the backoff (0 = at once); what the retry cannot fix (TLS, a timeout) is tried once.
import { describe, expect, it } from 'vitest';
import { startSimulator } from '@simulator/index';
import { answerLikeAtScale, rawServerClients, type RawHandler } from './raw-server';
import { passwordClient, rejection } from './helpers';

const { clientFor, server: rawServer } = rawServerClients();

/** Answers the list with 503 (and `headers`) `times` times, then like AtScale; records when each list came. */
function busyList(times: number, headers: Record<string, string> = {}): { handler: RawHandler; arrivals: number[] } {
  const arrivals: number[] = [];
  const handler: RawHandler = (req, res) => {
    if (!req.url?.includes('/scheduler/jobs/')) return answerLikeAtScale(req, res);
    arrivals.push(performance.now());
    if (arrivals.length > times) return answerLikeAtScale(req, res);
    res.writeHead(503, { 'content-type': 'application/json', ...headers });
    res.end('{"status":{"code":503,"message":"busy"},"response":null}');
  };
  return { handler, arrivals };
}

const gaps = (arrivals: number[]): number[] => arrivals.slice(1).map((t, i) => t - (arrivals[i] ?? t));

describe('backoff between tries of a GET', () => {
  it('waits the base delay, then twice it (each plus at most half again), within the cap', async () => {
    const { handler, arrivals } = busyList(2);
    const client = await clientFor(handler, { retry: { attempts: 3, baseDelayMs: 300, maxDelayMs: 5000 } });
    expect(await client.listSchedules()).toEqual([]);
    const [first = 0, second = 0] = gaps(arrivals);
    expect(first).toBeGreaterThanOrEqual(295);
    expect(first).toBeLessThan(600);
    expect(second).toBeGreaterThanOrEqual(595);
    expect(second).toBeLessThan(1200);
  });

  it('a delay above the cap waits the cap', async () => {
    const { handler, arrivals } = busyList(1);
    const client = await clientFor(handler, { retry: { attempts: 2, baseDelayMs: 5000, maxDelayMs: 250 } });
    expect(await client.listSchedules()).toEqual([]);
    const [gap = 0] = gaps(arrivals);
    expect(gap).toBeGreaterThanOrEqual(245);
    expect(gap).toBeLessThan(1000);
  });

  it('Retry-After: 0 retries at once; an empty one, or one that is not seconds, falls back to the backoff', async () => {
    const now = busyList(1, { 'retry-after': '0' });
    const atOnce = await clientFor(now.handler, { retry: { attempts: 2, baseDelayMs: 5000, maxDelayMs: 5000 } });
    expect(await atOnce.listSchedules()).toEqual([]);
    expect(gaps(now.arrivals)[0]).toBeLessThan(1000);
    await rawServer()?.close();

    for (const value of ['', '-3', 'Wed, 21 Oct 2015 07:28:00 GMT', 'Infinity']) {
      const odd = busyList(1, { 'retry-after': value });
      const client = await clientFor(odd.handler, { retry: { attempts: 2, baseDelayMs: 300, maxDelayMs: 5000 } });
      expect(await client.listSchedules()).toEqual([]);
      expect(gaps(odd.arrivals)[0]).toBeGreaterThanOrEqual(295);
      expect(gaps(odd.arrivals)[0]).toBeLessThan(1000);
      await rawServer()?.close();
    }
  });
});

describe('what is not retried', () => {
  it('a refused certificate at sign-in is a tls failure at the tls step (not "sign-in"), and nothing reached the server', async () => {
    const sim = await startSimulator({ tls: true });
    try {
      const err = await rejection(passwordClient(sim, { caCert: undefined }).listSchedules());
      expect(err).toMatchObject({ kind: 'tls', step: 'tls' });
      expect(sim.requests()).toEqual([]);
    } finally {
      await sim.close();
    }
  });
});
