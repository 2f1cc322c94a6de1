// "Test connection" names the step a user must fix, in the cases where the failing call and the kind of
// failure disagree: a sign-in the server fails with a 500, a TLS handshake that never finishes; and a
// success reports how long it took.
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppCore } from '@core/app-core';
import { DEMO_PASSWORD, call, makeCore, profileInput, fileSimulator, removeDir, tempDir } from './helpers';

const simulator = fileSimulator();
let dir: string;
let core: AppCore;
afterEach(async () => {
  simulator().clearFaults();
  await core.close();
  await removeDir(dir);
});

async function testAt(url: string, requestTimeoutMs = 3000): Promise<Awaited<ReturnType<typeof call<'connection:test'>>>> {
  dir = await tempDir();
  core = await makeCore(dir, { requestTimeoutMs });
  const p = await call(core, 'profiles:save', {
    profile: profileInput(simulator(), { apiUrl: url, authUrl: url }),
    secret: DEMO_PASSWORD,
    secretStorage: 'memory',
  });
  return call(core, 'connection:test', { profileId: p.id });
}

describe('the step a connection test names', () => {
  it('reports how long a successful test took', async () => {
    const started = performance.now();
    const result = await testAt(simulator().url);
    const wall = performance.now() - started;
    expect(result).toMatchObject({ ok: true, scheduleCount: 4 });
    expect(result.ok && result.elapsedMs).toBeGreaterThanOrEqual(0);
    expect(result.ok && result.elapsedMs).toBeLessThanOrEqual(Math.ceil(wall));
  });

  it('blames sign-in when the sign-in server fails, even with a server error', async () => {
    simulator().inject({ endpoint: 'auth', action: { type: 'status', status: 500 } });
    expect(await testAt(simulator().url)).toMatchObject({ ok: false, step: 'sign-in', error: { kind: 'server' } });
  });

  it('blames sign-in when no password is stored, before anything is sent', async () => {
    dir = await tempDir();
    core = await makeCore(dir);
    const p = await call(core, 'profiles:save', { profile: profileInput(simulator()) });
    simulator().clearRequests();
    expect(await call(core, 'connection:test', { profileId: p.id })).toMatchObject({ ok: false, step: 'sign-in', error: { kind: 'no-secret' } });
    expect(simulator().requests()).toEqual([]);
  });

  it('blames TLS when the handshake never finishes', async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((s) => sockets.push(s));
    await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done));
    try {
      const address = silent.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const result = await testAt(`https://127.0.0.1:${port}`, 400);
      expect(result).toMatchObject({ ok: false, step: 'tls', error: { kind: 'timeout' } });
      expect(result.ok ? '' : result.error.message).toContain('The TLS handshake with 127.0.0.1');
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((done) => silent.close(done));
    }
  });
});
