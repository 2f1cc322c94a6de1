// Contract: TLS is verified; a private CA is trusted per client only, never process-wide.
import https from 'node:https';
import net, { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '@simulator/index';
import { answerMayBeLost } from '@core/schedules/lost-answer';
import { passwordClient, rejection, tokenClient } from './helpers';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ tls: true });
});
afterAll(async () => {
  await sim.close();
});

describe('TLS', () => {
  it('serves HTTPS with a certificate from a private CA it exposes as PEM', () => {
    expect(sim.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(sim.caCert).toContain('-----BEGIN CERTIFICATE-----');
  });

  it('refuses the server without the CA: tls kind, the verification code, and advice to add the CA', async () => {
    const err = await rejection(tokenClient(sim, { caCert: undefined }).listSchedules());
    expect(err.kind).toBe('tls');
    expect(err.step).toBe('tls');
    expect(err.code).toMatch(/UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED|UNABLE_TO_GET_ISSUER/);
    expect(err.message).toMatch(/CA certificate \(PEM\)/);
    expect(sim.requests()).toHaveLength(0); // refused at the handshake, before any request reached the server
  });

  it('works with the CA: sign-in, list, create and delete over HTTPS', async () => {
    const client = passwordClient(sim, { orgId: 'sandbox' });
    const created = await client.createSchedule('0 0 4 ? * * *');
    expect((await client.listSchedules({ active: true })).map((s) => s.jobId)).toEqual([created.jobId]);
    await client.deleteSchedule(created.jobId);
    expect(await client.listSchedules({ active: true })).toEqual([]);
  });

  it('trusting the CA in one client does not switch anything on globally', async () => {
    await tokenClient(sim).listSchedules();
    await rejection(tokenClient(sim, { caCert: undefined }).listSchedules());
    const plain = await new Promise<string>((resolve) => {
      https.get(`${sim.url}/default/auth`, () => resolve('connected')).on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
    });
    expect(plain).not.toBe('connected');
    expect(process.env['NODE_TLS_REJECT_UNAUTHORIZED']).toBeUndefined();
  });

  it("a CA that is not the server's does not help", async () => {
    const { generate } = await import('selfsigned');
    const stranger = await generate([{ name: 'commonName', value: 'Some other CA' }], {
      keyType: 'ec',
      algorithm: 'sha256',
      extensions: [{ name: 'basicConstraints', cA: true }],
    });
    const err = await rejection(tokenClient(sim, { caCert: stranger.cert }).listSchedules());
    expect(err.kind).toBe('tls');
  });

  it('an unreadable CA file content is refused as invalid input before any connection', () => {
    expect(() => tokenClient(sim, { caCert: 'not a certificate' })).toThrow(/PEM/);
  });

  it('plain http:// against the HTTPS server fails fast as a network error that suggests https://', async () => {
    const err = await rejection(tokenClient(sim, { apiUrl: sim.url.replace('https:', 'http:'), retry: { attempts: 1 } }).listSchedules());
    expect(err).toMatchObject({ kind: 'network', step: 'connect' });
    expect(err.message).toContain('https://');
  });

  it('a port that accepts TCP but never speaks TLS -> timeout at the tls step', async () => {
    const silent = net.createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as AddressInfo).port;
    try {
      const err = await rejection(tokenClient(sim, { apiUrl: `https://127.0.0.1:${port}`, timeoutMs: 500 }).listSchedules());
      expect(err).toMatchObject({ kind: 'timeout', step: 'tls' });
      expect(err.message).toMatch(/TLS handshake/);
    } finally {
      silent.close();
    }
  });
});

describe('a connection reset during the TLS handshake', () => {
  it('is a plain failure of a create: no byte of the request left, so its outcome is never "unknown"', async () => {
    // A balancer with no backend: it takes the TCP connection and resets it on the ClientHello.
    const balancer = net.createServer((socket) => socket.once('data', () => socket.resetAndDestroy()));
    await new Promise<void>((r) => balancer.listen(0, '127.0.0.1', r));
    const port = (balancer.address() as AddressInfo).port;
    try {
      const err = await rejection(tokenClient(sim, { apiUrl: `https://127.0.0.1:${port}` }).createSchedule('0 0 4 ? * * *'));
      expect(err).toMatchObject({ kind: 'network', code: 'ECONNRESET', notSent: true });
      expect(answerMayBeLost(err)).toBe(false);
    } finally {
      balancer.close();
    }
  });

  it('after the handshake, a reset of the create is one whose answer may be lost', async () => {
    sim.inject({ endpoint: 'create', action: { type: 'reset' }, when: 'after', times: 1 });
    const err = await rejection(tokenClient(sim).createSchedule('0 0 5 ? * * *'));
    expect(err).toMatchObject({ kind: 'network', notSent: false });
    expect(answerMayBeLost(err)).toBe(true);
  });
});

describe('TLS with a self-signed server certificate', () => {
  let selfSigned: Simulator;
  beforeAll(async () => {
    selfSigned = await startSimulator({ tls: 'self-signed' });
  });
  afterAll(async () => {
    await selfSigned.close();
  });

  it('is refused as self-signed, with advice to add the certificate to the profile', async () => {
    const err = await rejection(tokenClient(selfSigned, { caCert: undefined }).listSchedules());
    expect(err).toMatchObject({ kind: 'tls', step: 'tls', code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    expect(err.message).toMatch(/self-signed/);
    expect(selfSigned.requests()).toHaveLength(0);
  });

  it('works once the profile trusts that very certificate, and the private-CA server stays untrusted by it', async () => {
    expect(selfSigned.caCert).not.toBe(sim.caCert);
    const client = passwordClient(selfSigned);
    expect((await client.listSchedules()).length).toBeGreaterThan(0);
    const err = await rejection(tokenClient(sim, { caCert: selfSigned.caCert ?? undefined }).listSchedules());
    expect(err.kind).toBe('tls');
  });
});
