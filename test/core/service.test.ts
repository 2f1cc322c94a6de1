// The service end to end: real core, real simulator over sockets, real keyring (when the test setup has one).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEMO_TOKEN, type Simulator } from '@simulator/index';
import type { AppCore } from '@core/app-core';
import { fullBacklogPort } from '../atscale/full-backlog';
import { DEMO_PASSWORD, call, callFails, keyringOrSkip, makeCore, profileInput, removeDir, sim, tempDir } from './helpers';

let server: Simulator;
beforeAll(async () => {
  server = await sim();
});
afterAll(async () => {
  await server.close();
});

describe('profiles, schedules and audit against the simulator (memory secrets)', () => {
  let dir: string;
  let core: AppCore;
  afterEach(async () => {
    await core.close();
    await removeDir(dir);
    server.reset();
  });

  it('lists live schedules labelled active and deactivated, creates and deletes, and audits both', async () => {
    dir = await tempDir();
    core = await makeCore(dir);
    const profile = await call(core, 'profiles:save', { profile: profileInput(server), secret: DEMO_PASSWORD, secretStorage: 'memory' });
    expect(profile).toMatchObject({ hasSecret: true, secretStorage: 'memory', orgId: 'default' });

    const list = await call(core, 'schedules:list', { profileId: profile.id });
    expect(list.source).toBe('live');
    expect(list.stale).toBeNull();
    const byId = new Map(list.schedules.map((s) => [s.jobId, s]));
    expect(byId.get('3740f5fd-a6b8-45fb-a3ab-313bf8481af3')?.active).toBe(true);
    expect(byId.get('0f1e2d3c-4b5a-4697-8877-665544332211')?.active).toBe(false);
    expect(list.schedules.filter((s) => s.active).length).toBe(server.jobs('default', true).length);
    // The snapshot is on disk for offline use.
    expect(existsSync(join(dir, 'snapshots', `${profile.id}.json`))).toBe(true);

    const created = await call(core, 'schedules:create', { profileId: profile.id, orgId: 'default', timeExpression: '0 0 3 ? * MON *' });
    expect(server.jobs('default', true).map((j) => j.jobId)).toContain(created.jobId);

    await call(core, 'schedules:delete', { profileId: profile.id, orgId: 'default', jobId: created.jobId });
    expect(server.jobs('default', true).map((j) => j.jobId)).not.toContain(created.jobId);
    expect(server.jobs('default', false).map((j) => j.jobId)).toContain(created.jobId);

    const audit = await call(core, 'audit:list', { profileId: profile.id });
    expect(audit.map((a) => [a.action, a.outcome, a.orgId, a.jobId])).toEqual([
      ['delete', 'ok', 'default', created.jobId],
      ['create', 'ok', 'default', created.jobId],
    ]);
    expect(audit[1]?.timeExpression).toBe('0 0 3 ? * MON *');
    // Each names the server it went to: after a move to another server the org ID alone would not say.
    expect(audit.map((a) => a.server)).toEqual([`127.0.0.1:${new URL(server.url).port}`, `127.0.0.1:${new URL(server.url).port}`]);
  });

  it('refuses a create or delete confirmed for another org, and sends nothing', async () => {
    dir = await tempDir();
    core = await makeCore(dir);
    const profile = await call(core, 'profiles:save', { profile: profileInput(server), secret: DEMO_PASSWORD, secretStorage: 'memory' });
    server.clearRequests();
    const create = await callFails(core, 'schedules:create', { profileId: profile.id, orgId: 'sales-analytics', timeExpression: '0 0 3 ? * MON *' });
    expect(create.kind).toBe('profile-mismatch');
    expect(create.message).toContain('sales-analytics');
    const del = await callFails(core, 'schedules:delete', { profileId: profile.id, orgId: 'sales-analytics', jobId: '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d' });
    expect(del.kind).toBe('profile-mismatch');
    expect(server.requests()).toEqual([]);
    expect(server.jobs('sales-analytics', true).map((j) => j.jobId)).toContain('5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d');
  });

  it('answers bad requests with invalid-input naming the field', async () => {
    dir = await tempDir();
    core = await makeCore(dir);
    const bad = await callFails(core, 'profiles:save', { profile: { ...profileInput(server), apiUrl: 'atscale.example.com' } });
    expect(bad.kind).toBe('invalid-input');
    expect(bad.message).toMatch(/^profile\.apiUrl: /);
    const zone = await callFails(core, 'profiles:save', { profile: profileInput(server, { serverTimeZone: 'Mars/Olympus' }) });
    expect(zone).toMatchObject({ kind: 'invalid-input' });
    expect(zone.message).toContain('Mars/Olympus');
    expect((await callFails(core, 'schedules:list', { profileId: 'nope' })).kind).toBe('not-found');
    expect((await callFails(core, 'app:info', { extra: 1 })).kind).toBe('invalid-input');
    expect((await callFails(core, 'app:info', 'not an object')).kind).toBe('invalid-input');
  });

  it('tells which step of a connection test failed', async () => {
    dir = await tempDir();
    core = await makeCore(dir);
    const save = (o: Parameters<typeof profileInput>[1], secret = DEMO_PASSWORD) =>
      call(core, 'profiles:save', { profile: profileInput(server, { name: `p ${Math.random()}`, ...o }), secret, secretStorage: 'memory' });
    const test = async (o: Parameters<typeof profileInput>[1], secret?: string) => call(core, 'connection:test', { profileId: (await save(o, secret)).id });

    expect(await test({})).toMatchObject({ ok: true, scheduleCount: 4 });
    expect(await test({}, 'wrong-password')).toMatchObject({ ok: false, step: 'sign-in', error: { kind: 'unauthorized' } });
    // An API token has no sign-in call: a refused token still reads as the credentials step.
    expect(await test({ signIn: 'token', username: '' }, 'revoked-token-123')).toMatchObject({ ok: false, step: 'sign-in', error: { kind: 'unauthorized' } });
    expect(await test({ signIn: 'token', username: '' }, DEMO_TOKEN)).toMatchObject({ ok: true, scheduleCount: 4 });
    expect(await test({ orgId: 'no-such-org' })).toMatchObject({ ok: false, step: 'org', error: { kind: 'not-found' } });
    expect(await test({ apiUrl: 'http://127.0.0.1:1', authUrl: 'http://127.0.0.1:1' })).toMatchObject({
      ok: false,
      step: 'connect',
      error: { kind: 'network' },
    });
    expect(await test({ apiUrl: 'http://no-such-host.invalid:10502', authUrl: 'http://no-such-host.invalid:10500' })).toMatchObject({
      ok: false,
      step: 'dns',
      error: { kind: 'network' },
    });
    server.inject({ endpoint: 'list', action: { type: 'status', status: 500 } });
    expect(await test({})).toMatchObject({ ok: false, step: 'list', error: { kind: 'server' } });
  });

  it('reports a server that never accepts the connection as the connect step, within the request timeout', async () => {
    dir = await tempDir();
    core = await makeCore(dir, { requestTimeoutMs: 400 });
    const blackhole = await fullBacklogPort();
    try {
      const url = `http://127.0.0.1:${blackhole.port}`;
      const p = await call(core, 'profiles:save', {
        profile: profileInput(server, { apiUrl: url, authUrl: url }),
        secret: DEMO_PASSWORD,
        secretStorage: 'memory',
      });
      const result = await call(core, 'connection:test', { profileId: p.id });
      expect(result).toMatchObject({ ok: false, step: 'connect', error: { kind: 'timeout' } });
      expect(result.ok ? '' : result.error.message).toMatch(/Could not connect to 127\.0\.0\.1:\d+ within 400 ms/);
    } finally {
      await blackhole.close();
    }
  });

  it('reports an untrusted certificate as the tls step, and connects once the profile trusts the CA', async () => {
    dir = await tempDir();
    core = await makeCore(dir);
    const tlsServer = await sim({ tls: true });
    try {
      const input = profileInput(tlsServer);
      const p = await call(core, 'profiles:save', { profile: input, secret: DEMO_PASSWORD, secretStorage: 'memory' });
      const untrusted = await call(core, 'connection:test', { profileId: p.id });
      expect(untrusted).toMatchObject({ ok: false, step: 'tls', error: { kind: 'tls' } });
      const caPath = join(dir, 'private-ca.pem');
      await writeFile(caPath, tlsServer.caCert ?? '');
      await call(core, 'profiles:save', { profile: { ...input, id: p.id, caCertPath: caPath } });
      expect(await call(core, 'connection:test', { profileId: p.id })).toMatchObject({ ok: true });
      expect((await call(core, 'schedules:list', { profileId: p.id })).source).toBe('live');
      // A missing file is refused where it is chosen; one that disappears later is a tls failure naming it.
      const missing = await callFails(core, 'profiles:save', { profile: { ...input, id: p.id, caCertPath: join(dir, 'missing.pem') } });
      expect(missing).toMatchObject({ kind: 'invalid-input', message: expect.stringContaining('missing.pem') });
      await rm(caPath);
      expect(await call(core, 'connection:test', { profileId: p.id })).toMatchObject({
        ok: false,
        step: 'tls',
        error: { message: expect.stringContaining('private-ca.pem') },
      });
    } finally {
      await tlsServer.close();
    }
  });

  it('duplicates, renames, exports and imports profiles, reporting skipped imports with reasons', async () => {
    dir = await tempDir();
    core = await makeCore(dir);
    const p = await call(core, 'profiles:save', { profile: profileInput(server, { name: 'Finance prod' }), secret: DEMO_PASSWORD, secretStorage: 'memory' });
    const copy = await call(core, 'profiles:duplicate', { id: p.id });
    expect(copy).toMatchObject({ name: 'Finance prod (copy)', hasSecret: true, orgId: 'default' });
    expect(copy.id).not.toBe(p.id);
    const renamed = await call(core, 'profiles:rename', { id: copy.id, name: 'Finance test' });
    expect(renamed.name).toBe('Finance test');

    const exported = await call(core, 'profiles:export', {});
    expect(exported.count).toBe(2);
    const doc = JSON.parse(exported.json) as { profiles: Record<string, unknown>[] };
    expect(doc.profiles.map((x) => x['name'])).toEqual(['Finance prod', 'Finance test']);
    expect(exported.json).not.toContain(DEMO_PASSWORD);

    // Into a fresh data folder: good ones in, bad ones reported.
    const dir2 = await tempDir();
    const core2 = await makeCore(dir2);
    try {
      doc.profiles.push({ ...doc.profiles[0], name: 'Broken', apiUrl: 'not a url' });
      doc.profiles.push({ ...doc.profiles[0], name: 'Zone', serverTimeZone: 'Nowhere/Land' });
      doc.profiles.push({ ...doc.profiles[0] });
      const result = await call(core2, 'profiles:import', { json: JSON.stringify(doc) });
      expect(result.imported.map((x) => x.name)).toEqual(['Finance prod', 'Finance test']);
      expect(result.imported.every((x) => !x.hasSecret)).toBe(true);
      expect(result.skipped.map((s) => s.name)).toEqual(['Broken', 'Zone', 'Finance prod']);
      expect(result.skipped[0]?.reason).toMatch(/^apiUrl: /);
      expect(result.skipped[2]?.reason).toContain('already exists');
      expect((await callFails(core2, 'profiles:import', { json: '{oops' })).kind).toBe('invalid-input');
      expect((await call(core2, 'profiles:list', {})).length).toBe(2);
    } finally {
      await core2.close();
      await removeDir(dir2);
    }

    await call(core, 'schedules:list', { profileId: copy.id });
    expect(existsSync(join(dir, 'snapshots', `${copy.id}.json`))).toBe(true);
    await call(core, 'profiles:delete', { id: copy.id });
    expect((await call(core, 'profiles:list', {})).map((x) => x.id)).toEqual([p.id]);
    expect(existsSync(join(dir, 'snapshots', `${copy.id}.json`))).toBe(false);
  });

  it('starts the demo simulator on a first start, and re-points demo profiles at its new port on the next', async () => {
    dir = await tempDir();
    const servers: Simulator[] = [];
    const demoServer = async () => {
      const s = await sim();
      servers.push(s);
      return { url: s.url, close: () => s.close() };
    };
    core = await makeCore(dir, { demoServer });
    expect(await call(core, 'app:info', {})).toMatchObject({ demoRunning: true, demoAvailable: true });
    const demo = await call(core, 'demo:start', {});
    expect(demo.map((p) => [p.name, p.environment.kind, p.orgId])).toEqual([
      ['Demo dev', 'development', 'default'],
      ['Demo prod', 'production', 'sales-analytics'],
    ]);
    expect((await call(core, 'schedules:list', { profileId: demo[1]!.id })).source).toBe('live');
    await core.close();

    core = await makeCore(dir, { demoServer });
    expect(servers).toHaveLength(2);
    const again = await call(core, 'profiles:list', {});
    expect(again.every((p) => p.apiUrl === servers[1]!.url && p.hasSecret)).toBe(true);
    expect((await call(core, 'schedules:list', { profileId: again[0]!.id })).source).toBe('live');
    // demo:start again does not duplicate them
    expect(await call(core, 'demo:start', {})).toHaveLength(2);
  });

  it('leaves a real profile beside the demo ones where it points, with its own secret', async () => {
    dir = await tempDir();
    const real = await sim();
    const demoServer = async () => {
      const s = await sim();
      return { url: s.url, close: () => s.close() };
    };
    try {
      core = await makeCore(dir, { demoServer });
      await call(core, 'demo:start', {});
      const saved = await call(core, 'profiles:save', {
        profile: profileInput(real, { name: 'Real', signIn: 'token', username: '' }),
        secret: DEMO_TOKEN,
        secretStorage: 'memory',
      });
      await core.close();
      // The next start re-points the demo profiles and sets their password; the real profile keeps its
      // server and sign-in, and gets no secret (its token was kept in memory, so it is gone).
      core = await makeCore(dir, { demoServer });
      const after = (await call(core, 'profiles:list', {})).find((p) => p.id === saved.id);
      expect(after?.apiUrl).toBe(real.url);
      expect(after?.signIn).toBe('token');
      expect(after?.hasSecret).toBe(false);
    } finally {
      await real.close();
    }
  });
});

describe('secrets in the real keychain', () => {
  const ready = keyringOrSkip();
  it.skipIf(!ready)('keeps the secret in the keychain only, and removes the entry with the profile', async () => {
    const keytar = (await import('keytar')).default;
    const service = `AtScale Maintenance Scheduler test ${Date.now()}`;
    const dir = await tempDir();
    let core = await makeCore(dir, { secrets: 'keytar', keychainService: service });
    try {
      expect(await call(core, 'app:info', {})).toMatchObject({ keychain: 'available', keychainProblem: null });
      const p = await call(core, 'profiles:save', { profile: profileInput(server), secret: DEMO_PASSWORD });
      expect(p).toMatchObject({ hasSecret: true, secretStorage: 'keychain' });
      expect(await keytar.getPassword(service, p.id)).toBe(DEMO_PASSWORD);

      // A new process (a restart) finds it in the keychain and signs in with it.
      await core.close();
      core = await makeCore(dir, { secrets: 'keytar', keychainService: service });
      expect((await call(core, 'profiles:list', {}))[0]).toMatchObject({ hasSecret: true, secretStorage: 'keychain' });
      expect((await call(core, 'schedules:list', { profileId: p.id })).source).toBe('live');

      // Moving it to memory removes the keychain entry: one place only.
      await call(core, 'secrets:set', { profileId: p.id, secret: DEMO_PASSWORD, storage: 'memory' });
      expect(await keytar.getPassword(service, p.id)).toBeNull();
      await call(core, 'secrets:set', { profileId: p.id, secret: DEMO_PASSWORD, storage: 'keychain' });
      expect(await keytar.getPassword(service, p.id)).toBe(DEMO_PASSWORD);

      // A duplicate is another org on the same server: it signs in with the server's one entry (the
      // entry is named by the server's id, which is the id of the profile that created it), which stays
      // through a rename and when the copy is deleted.
      const copy = await call(core, 'profiles:duplicate', { id: p.id });
      expect(copy).toMatchObject({ hasSecret: true, secretStorage: 'keychain', serverId: p.id });
      await call(core, 'profiles:rename', { id: copy.id, name: 'Renamed copy' });
      expect((await keytar.findCredentials(service)).map((c) => c.account)).toEqual([p.id]);
      await call(core, 'profiles:delete', { id: copy.id });
      expect(await keytar.getPassword(service, p.id)).toBe(DEMO_PASSWORD);

      await call(core, 'profiles:delete', { id: p.id });
      expect(await keytar.getPassword(service, p.id)).toBeNull();
      expect(await keytar.findCredentials(service)).toEqual([]);
      expect(existsSync(join(dir, 'snapshots', `${p.id}.json`))).toBe(false);
    } finally {
      await core.close();
      await removeDir(dir);
    }
  });
});
