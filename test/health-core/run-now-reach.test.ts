// Run now's outcome where its request stops short of the engine or its answer cannot be trusted: a host
// that does not resolve, a TLS handshake that never finishes and a sign-in a gateway gave up on sent
// nothing (failed); an answer that is not HTTP may hide a started run (unknown); a redirect of any 3xx is
// a refusal; a lost answer keeps its kind; and a connection that cannot start runs says so.
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createAtScaleClient } from '@core/atscale/index';
import { call, callFails } from '../core/helpers';
import { world, type World } from './setup';

let w: World | undefined;
let raw: Server | undefined;
const sockets = new Set<Socket>();
afterEach(async () => {
  await w?.close();
  w = undefined;
  for (const s of sockets) s.destroy();
  sockets.clear();
  await new Promise((resolve) => (raw ? raw.close(resolve) : resolve(undefined)));
  raw = undefined;
});

/** A TCP server on 127.0.0.1 that answers every connection with `reply` (or stays silent when null). */
async function rawServer(reply: string | null): Promise<string> {
  raw = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    if (reply !== null) socket.once('data', () => socket.end(reply));
  });
  await new Promise<void>((resolve) => raw?.listen(0, '127.0.0.1', resolve));
  const address = raw.address();
  return `127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

async function runNowOutcome(x: World): Promise<{ kind: string; message: string; outcomes: string[][] }> {
  const error = await callFails(x.core, 'maintenance:run-now', { profileId: x.profileId, orgId: 'default' });
  const audit = await call(x.core, 'audit:list', { profileId: x.profileId });
  return { kind: error.kind, message: error.message, outcomes: audit.map((a) => [a.action, a.outcome, a.resolution ?? 'none']) };
}

const FAILED = [['run-now', 'failed', 'none']];
const UNKNOWN = [['run-now', 'unknown', 'unresolved']];

describe('run now stopped before its request reached the engine', () => {
  it('a host that does not resolve: failed, with the DNS reason', async () => {
    w = await world({ profile: { apiUrl: 'http://run-now-engine.invalid:10502' } });
    const { message, outcomes } = await runNowOutcome(w);
    expect(message).toContain('Cannot find the host run-now-engine.invalid');
    expect(message).not.toContain('may have started');
    expect(outcomes).toEqual(FAILED);
  });

  it('a TLS handshake that never finishes: failed, with the TLS reason', async () => {
    const silent = await rawServer(null);
    w = await world({ core: { requestTimeoutMs: 300 }, profile: { apiUrl: `https://${silent}` } });
    const { kind, message, outcomes } = await runNowOutcome(w);
    expect([kind, message]).toEqual(['timeout', expect.stringContaining(`The TLS handshake with ${silent} did not finish`)]);
    expect(message).not.toContain('may have started');
    expect(outcomes).toEqual(FAILED);
  });

  it('a sign-in a gateway gave up on (504): failed, and run now never sent', async () => {
    w = await world();
    w.server.inject({ endpoint: 'auth', action: { type: 'status', status: 504 } });
    const { message, outcomes } = await runNowOutcome(w);
    expect(message).not.toContain('may have started');
    expect(outcomes).toEqual(FAILED);
    expect(w.server.requests({ endpoint: 'run-now' })).toEqual([]);
  });
});

describe('run now answered in a way that cannot be trusted', () => {
  it('an answer that is not HTTP, after the request was sent: unknown', async () => {
    const garbage = await rawServer('SSH-2.0-OpenSSH_9.6\r\n\r\n');
    w = await world({ profile: { apiUrl: `http://${garbage}` } });
    const { kind, message, outcomes } = await runNowOutcome(w);
    expect(kind).toBe('outcome-unknown');
    expect(message).toContain('not valid HTTP');
    expect(message).toContain('maintenance may have started in org "default"');
    expect(outcomes).toEqual(UNKNOWN);
  });

  it.each([300, 307])('a redirect (%i) is a refusal: failed', async (status) => {
    w = await world();
    w.server.inject({ endpoint: 'run-now', action: { type: 'raw', status, contentType: 'text/html', body: '<a href="/login">moved</a>' } });
    const { message, outcomes } = await runNowOutcome(w);
    expect(message).toContain(`(HTTP ${status}); redirects are not followed`);
    expect(outcomes).toEqual(FAILED);
  });

  it("a gateway that gave up (502): outcome unknown, in the gateway's words", async () => {
    w = await world();
    w.server.inject({ endpoint: 'run-now', action: { type: 'status', status: 502 }, when: 'after', times: 1 });
    const { kind, message, outcomes } = await runNowOutcome(w);
    expect(kind).toBe('outcome-unknown');
    expect(message).toContain('may have started');
    expect(outcomes).toEqual(UNKNOWN);
  });
});

describe('run now answered', () => {
  it('started, while the running state cannot be read: the start is told, the running state is null', async () => {
    w = await world();
    w.server.inject({ endpoint: 'running', action: { type: 'status', status: 500 } });
    const started = await call(w.core, 'maintenance:run-now', { profileId: w.profileId, orgId: 'default' });
    expect(started.message).toContain('Maintenance successfully started');
    expect(started.running).toBeNull();
    expect((await call(w.core, 'audit:list', { profileId: w.profileId })).map((a) => a.outcome)).toEqual(['ok']);
  });
});

describe('a connection that cannot start or read runs', () => {
  it('says so and sends nothing', async () => {
    w = await world({
      core: {
        clientFactory: (o) => {
          // A schedules-only client: the port's maintenance methods are optional.
          const { runNow: _runNow, getRunningJob: _getRunningJob, ...schedulesOnly } = createAtScaleClient(o);
          return schedulesOnly;
        },
      },
    });
    expect(await callFails(w.core, 'maintenance:run-now', { profileId: w.profileId, orgId: 'default' })).toEqual({
      kind: 'invalid-input',
      message: 'This connection cannot start maintenance. Nothing was sent.',
    });
    expect(await callFails(w.core, 'maintenance:running', { profileId: w.profileId })).toEqual({
      kind: 'invalid-input',
      message: 'This connection cannot read the running maintenance job.',
    });
    expect(w.server.requests({ endpoint: 'run-now' })).toEqual([]);
    expect(await call(w.core, 'audit:list', { profileId: w.profileId })).toEqual([]);
  });
});
