// "Test connection" names the step to fix for each way a real connection fails: a host that does not
// resolve, a port nobody listens on, a CA file gone since it was saved, a listing the server fails, a
// token it refuses, and a sign-in redone during the listing that fails.
import { createServer, request as httpRequest, type Server } from 'node:http';
import { connect, createServer as createTcpServer, type Socket } from 'node:net';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppCore } from '@core/app-core';
import type { ProfileInput } from '@shared/ipc/schemas';
import { DEMO_TOKEN } from '@simulator/index';
import { DEMO_PASSWORD, call, fileSimulator, makeCore, profileInput, removeDir, sim, tempDir } from './helpers';

const simulator = fileSimulator();
let dir: string;
let core: AppCore;

beforeAll(async () => {
  dir = await tempDir('connection-test-steps-');
  core = await makeCore(dir);
});
afterAll(async () => {
  await core.close();
  await removeDir(dir);
});

async function testWith(overrides: Partial<ProfileInput>, secret = DEMO_PASSWORD): Promise<Awaited<ReturnType<typeof call<'connection:test'>>>> {
  const saved = await call(core, 'profiles:save', {
    profile: profileInput(simulator(), { name: `Profile ${Math.random()}`, ...overrides }),
    secret,
    secretStorage: 'memory',
  });
  try {
    return await call(core, 'connection:test', { profileId: saved.id });
  } finally {
    simulator().clearFaults();
  }
}

/** A port that was just free: nothing listens on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  await new Promise((done) => server.close(done));
  return typeof address === 'object' && address ? address.port : 0;
}

describe('the step a connection test names, for each real failure', () => {
  it('names DNS for a host that does not resolve', async () => {
    const url = 'http://no-such-host.invalid:10502';
    const result = await testWith({ apiUrl: url, authUrl: url });
    expect(result).toMatchObject({ ok: false, step: 'dns', error: { kind: 'network' } });
    expect(result.ok ? '' : result.error.message).toContain('Cannot find the host no-such-host.invalid');
  });

  it('names the connection for a port nobody listens on', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const result = await testWith({ apiUrl: url, authUrl: url });
    expect(result).toMatchObject({ ok: false, step: 'connect', error: { kind: 'network' } });
    expect(result.ok ? '' : result.error.message).toContain('refused the connection');
  });

  it('names TLS when the CA file saved with the profile is gone, before anything is sent', async () => {
    const tls = await sim({ tls: true });
    try {
      const path = join(dir, 'gone-ca.pem');
      await writeFile(path, tls.caCert ?? '');
      const saved = await call(core, 'profiles:save', {
        profile: profileInput(tls, { name: 'CA gone', caCertPath: path }),
        secret: DEMO_PASSWORD,
        secretStorage: 'memory',
      });
      await rm(path);
      tls.clearRequests();
      const result = await call(core, 'connection:test', { profileId: saved.id });
      expect(result).toMatchObject({ ok: false, step: 'tls', error: { kind: 'tls' } });
      expect(result.ok ? '' : result.error.message).toContain('does not exist');
      expect(tls.requests()).toEqual([]);
    } finally {
      await tls.close();
    }
  });

  it('names the listing when sign-in worked and the list fails with a server error', async () => {
    simulator().inject({ endpoint: 'list', action: { type: 'status', status: 500 } });
    expect(await testWith({})).toMatchObject({ ok: false, step: 'list', error: { kind: 'server' } });
  });

  it('names sign-in when the server refuses the API token at the listing', async () => {
    const result = await testWith({ signIn: 'token', username: '' }, `${DEMO_TOKEN}-revoked`);
    expect(result).toMatchObject({ ok: false, step: 'sign-in', error: { kind: 'unauthorized' } });
  });

  it('names sign-in when the sign-in redone after a 401 on the listing fails', async () => {
    // The sign-in server answers the first sign-in (passed through to the simulator) and fails the next.
    let signIns = 0;
    const auth: Server = createServer((req, res) => {
      signIns += 1;
      if (signIns > 1) {
        res.writeHead(500, { 'content-type': 'application/json' }).end('{"status":{"code":500,"message":"auth down"}}');
        return;
      }
      const target = new URL(req.url ?? '/', simulator().url);
      const forwarded = httpRequest(target, { method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      req.pipe(forwarded);
    });
    await new Promise<void>((done) => auth.listen(0, '127.0.0.1', done));
    try {
      const address = auth.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      simulator().inject({ endpoint: 'list', action: { type: 'status', status: 401 }, times: 1 });
      const result = await testWith({ authUrl: `http://127.0.0.1:${port}` });
      expect(signIns).toBeGreaterThan(1); // the second sign-in is a GET, retried once on a 500
      expect(result).toMatchObject({ ok: false, step: 'sign-in', error: { kind: 'server' } });
    } finally {
      auth.closeAllConnections();
      await new Promise((done) => auth.close(done));
    }
  });

  it('leaves no connection open to the server once it is done', async () => {
    // A TCP relay in front of the simulator counts the sockets the test opened and still holds.
    const open = new Set<Socket>();
    const relay = createTcpServer((socket) => {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
      const upstream = connect(simulator().port, '127.0.0.1');
      socket.pipe(upstream).pipe(socket);
      upstream.on('error', () => socket.destroy());
      socket.on('error', () => upstream.destroy());
    });
    await new Promise<void>((done) => relay.listen(0, '127.0.0.1', done));
    try {
      const address = relay.address();
      const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      expect(await testWith({ apiUrl: url, authUrl: url })).toMatchObject({ ok: true });
      await expect.poll(() => open.size, { timeout: 1000 }).toBe(0);
    } finally {
      for (const socket of open) socket.destroy();
      await new Promise((done) => relay.close(done));
    }
  });
});
