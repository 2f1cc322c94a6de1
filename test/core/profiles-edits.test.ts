// Editing and deleting a profile through the core's handlers: an edit keeps what the user did not change
// (when the profile was created, that it is a demo profile, a CA file chosen before, which is not read
// again), and a delete takes the profile's offline copy along and leaves the others'.
import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AppCore } from '@core/app-core';
import { DEMO_TOKEN, type Simulator } from '@simulator/index';
import { DEMO_PASSWORD, caFileFixture, call, callFails, makeCore, profileInput, removeDir, sim, tempDir } from './helpers';

const T0 = new Date('2026-12-01T08:00:00.000Z');
const T1 = new Date('2026-12-01T09:30:00.000Z');
const ca = caFileFixture('profiles-edits-ca-');

let server: Simulator;
let dir = '';
let core: AppCore | undefined;
let clock = T0;
beforeAll(async () => {
  server = await sim();
});
afterAll(async () => {
  await server.close();
});
afterEach(async () => {
  await core?.close();
  core = undefined;
  await removeDir(dir);
});

async function open(options: Parameters<typeof makeCore>[1] = {}): Promise<AppCore> {
  dir = await tempDir('profiles-edits-');
  clock = T0;
  core = await makeCore(dir, { now: () => clock, ...options });
  return core;
}

describe('an edit', () => {
  it('keeps when the profile was created and that it is a demo profile', async () => {
    const c = await open({ demoServer: async () => ({ url: server.url, close: async () => undefined }) });
    const [demo] = await call(c, 'demo:start', {});
    if (!demo) throw new Error('demo:start adds the demo profiles');
    clock = T1;
    const { id: _id, serverId: _s, demo: _d, createdAt: _c, updatedAt: _u, hasSecret: _h, secretStorage: _st, ...fields } = demo;
    const saved = await call(c, 'profiles:save', { profile: { ...fields, notes: 'Edited', id: demo.id } });
    expect(saved).toMatchObject({ id: demo.id, notes: 'Edited', demo: true, createdAt: demo.createdAt, updatedAt: T1.toISOString() });
    expect((await call(c, 'profiles:list', {})).map((p) => p.demo)).toEqual([true, true]);
  });

  it('does not read a CA file chosen before again, and checks a newly chosen one', async () => {
    const c = await open();
    const pem = join(ca.dir, `trusted-${Date.now()}.pem`);
    await writeFile(pem, ca.pem);
    const saved = await call(c, 'profiles:save', { profile: profileInput(server, { caCertPath: pem }) });
    // The share holding it went away: renaming the profile or editing its notes still works.
    await rm(pem);
    const edited = await call(c, 'profiles:save', { profile: { ...profileInput(server, { caCertPath: pem, notes: 'share offline' }), id: saved.id } });
    expect(edited).toMatchObject({ caCertPath: pem, notes: 'share offline' });
    const other = join(ca.dir, 'never-there.pem');
    const refused = await callFails(c, 'profiles:save', { profile: { ...profileInput(server, { caCertPath: other }), id: saved.id } });
    expect(refused.kind).toBe('invalid-input');
    expect(refused.message).toContain('does not exist');
    expect((await call(c, 'profiles:list', {}))[0]?.caCertPath).toBe(pem);
  });
});

describe('server settings applied to the server', () => {
  it('change every org of that server and no other; a new profile applies them to itself only', async () => {
    const c = await open();
    const a = await call(c, 'profiles:save', { profile: profileInput(server, { name: 'A' }) });
    await call(c, 'profiles:save', { profile: profileInput(server, { name: 'B', orgId: 'sales-analytics' }) });
    await call(c, 'profiles:save', { profile: profileInput({ url: 'https://other.example.com:10502' }, { name: 'Other' }) });
    await call(c, 'profiles:save', { profile: { ...profileInput(server, { name: 'A', serverTimeZone: 'Europe/Berlin' }), id: a.id }, applyToServer: true });
    await call(c, 'profiles:save', {
      profile: profileInput(server, { name: 'New', orgId: 'finance-prod', serverTimeZone: 'Asia/Tokyo' }),
      applyToServer: true,
    });
    expect((await call(c, 'profiles:list', {})).map((p) => [p.name, p.serverTimeZone])).toEqual([
      ['A', 'Europe/Berlin'],
      ['B', 'Europe/Berlin'],
      ['Other', 'UTC'],
      ['New', 'Asia/Tokyo'],
    ]);
  });
});

describe("a token's age", () => {
  it('stays through an edit without a new token and through another server’s new password', async () => {
    const c = await open();
    const token = await call(c, 'profiles:save', {
      profile: profileInput(server, { name: 'Token', signIn: 'token', username: '' }),
      secret: DEMO_TOKEN,
      secretStorage: 'memory',
    });
    clock = T1;
    await call(c, 'profiles:save', { profile: { ...profileInput(server, { name: 'Token', signIn: 'token', username: '', notes: 'edited' }), id: token.id } });
    await call(c, 'profiles:save', { profile: profileInput(server, { name: 'Password' }), secret: DEMO_PASSWORD, secretStorage: 'memory' });
    expect((await call(c, 'tokens:ages', {})).map((a) => [a.profileId, a.since])).toEqual([[token.id, T0.toISOString()]]);
  });
});

describe('a delete', () => {
  it("removes the profile's offline copy and leaves the other profiles' copies", async () => {
    const c = await open();
    const a = await call(c, 'profiles:save', { profile: profileInput(server, { name: 'A' }), secret: DEMO_PASSWORD, secretStorage: 'memory' });
    const b = await call(c, 'profiles:save', { profile: profileInput(server, { name: 'B', orgId: 'sales-analytics' }) });
    for (const p of [a, b]) expect((await call(c, 'schedules:list', { profileId: p.id })).source).toBe('live');
    const copyOf = (id: string) => join(dir, 'snapshots', `${id}.json`);
    expect([existsSync(copyOf(a.id)), existsSync(copyOf(b.id))]).toEqual([true, true]);
    expect(await call(c, 'profiles:delete', { id: b.id })).toEqual({ deleted: true });
    expect([existsSync(copyOf(a.id)), existsSync(copyOf(b.id))]).toEqual([true, false]);
    expect((await call(c, 'profiles:list', {})).map((p) => [p.name, p.hasSecret])).toEqual([['A', true]]);
  });
});
