// Servers and their orgs through the profile channels as they were: orgs saved with the same URLs,
// sign-in method and user land on one server and share its secret; server settings change for all orgs
// only when asked; a profile pointed at another origin leaves the secret behind; deleting a profile
// drops its paused schedules.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppCore } from '@core/app-core';
import type { Simulator } from '@simulator/index';
import { DEMO_TOKEN } from '@simulator/demo-data';
import { TOKEN_DATES_FILE } from '@core/connections/token-dates';
import { DEMO_PASSWORD, call, callFails, keyringOrSkip, makeCore, profileInput, removeDir, sim, tempDir } from './helpers';

let server: Simulator;
let dir: string;
let core: AppCore;
beforeAll(async () => {
  server = await sim();
});
afterAll(async () => {
  await server.close();
});
afterEach(async () => {
  await core.close();
  await removeDir(dir);
});

interface OnDisk {
  schemaVersion: number;
  servers: { id: string; serverTimeZone: string }[];
  profiles: { id: string; serverId: string; overrides?: Record<string, unknown> }[];
}
const onDisk = async (): Promise<OnDisk> => JSON.parse(await readFile(join(dir, 'profiles.json'), 'utf8')) as OnDisk;

async function threeOrgs(): Promise<string[]> {
  dir = await tempDir();
  core = await makeCore(dir);
  const first = await call(core, 'profiles:save', { profile: profileInput(server, { name: 'Default' }), secret: DEMO_PASSWORD, secretStorage: 'memory' });
  const sales = await call(core, 'profiles:save', { profile: profileInput(server, { name: 'Sales', orgId: 'sales-analytics' }) });
  const finance = await call(core, 'profiles:save', {
    profile: profileInput(server, { name: 'Finance', orgId: 'finance-prod', environment: { kind: 'development', label: 'development', color: '#862e9c' } }),
  });
  return [first.id, sales.id, finance.id];
}

describe('orgs on one server', () => {
  it('share one server entry and its secret: saved once, signed in by every org, cleared for all', async () => {
    const ids = await threeOrgs();
    const list = await call(core, 'profiles:list', {});
    expect(new Set(list.map((p) => p.serverId))).toEqual(new Set([ids[0]]));
    expect(list.map((p) => [p.name, p.hasSecret, p.environment.color])).toEqual([
      ['Default', true, '#2f9e44'],
      ['Sales', true, '#2f9e44'],
      ['Finance', true, '#862e9c'],
    ]);
    const disk = await onDisk();
    expect(disk.schemaVersion).toBe(3);
    expect(disk.servers).toHaveLength(1);
    // Each org signs in with the one secret, although only the first was given it.
    for (const id of ids.slice(1)) expect((await call(core, 'schedules:list', { profileId: id })).source).toBe('live');

    await call(core, 'secrets:clear', { profileId: ids[2]! });
    expect((await call(core, 'profiles:list', {})).map((p) => p.hasSecret)).toEqual([false, false, false]);
    await call(core, 'secrets:set', { profileId: ids[1]!, secret: DEMO_PASSWORD, storage: 'memory' });
    expect((await call(core, 'profiles:list', {})).map((p) => p.hasSecret)).toEqual([true, true, true]);
  });

  it('changes a server setting for one org as its override, or for every org when asked to apply it to the server', async () => {
    const ids = await threeOrgs();
    const [first] = (await call(core, 'profiles:list', {})) as [Awaited<ReturnType<typeof call<'profiles:list'>>>[number]];
    await call(core, 'profiles:save', { profile: { ...profileInput(server, { name: 'Default', serverTimeZone: 'America/New_York' }), id: first.id } });
    let list = await call(core, 'profiles:list', {});
    expect(list.map((p) => p.serverTimeZone)).toEqual(['America/New_York', 'UTC', 'UTC']);
    expect((await onDisk()).profiles.map((p) => p.overrides ?? null)).toEqual([{ serverTimeZone: 'America/New_York' }, null, null]);

    await call(core, 'profiles:save', {
      profile: { ...profileInput(server, { name: 'Sales', orgId: 'sales-analytics', serverTimeZone: 'Europe/Berlin' }), id: ids[1]! },
      applyToServer: true,
    });
    list = await call(core, 'profiles:list', {});
    expect(list.map((p) => p.serverTimeZone)).toEqual(['Europe/Berlin', 'Europe/Berlin', 'Europe/Berlin']);
    // The org's own name and colour stay its own; the server setting is stored once.
    expect(list.map((p) => [p.name, p.environment.color])).toEqual([
      ['Default', '#2f9e44'],
      ['Sales', '#2f9e44'],
      ['Finance', '#862e9c'],
    ]);
    const disk = await onDisk();
    expect(disk.servers.map((s) => s.serverTimeZone)).toEqual(['Europe/Berlin']);
    expect(disk.profiles.every((p) => p.overrides === undefined)).toBe(true);
  });

  it('a profile pointed at another origin leaves the secret with its server; another path of the same origin takes it along', async () => {
    const ids = await threeOrgs();
    const elsewhere = 'http://127.0.0.1:9';
    const moved = await call(core, 'profiles:save', {
      profile: { ...profileInput(server, { name: 'Finance', orgId: 'finance-prod' }), apiUrl: elsewhere, id: ids[2]! },
    });
    expect(moved).toMatchObject({ hasSecret: false, apiUrl: elsewhere });
    expect(moved.serverId).not.toBe(ids[0]);
    expect((await call(core, 'profiles:list', {})).slice(0, 2).map((p) => p.hasSecret)).toEqual([true, true]);

    const path = await call(core, 'profiles:save', {
      profile: { ...profileInput(server, { name: 'Sales', orgId: 'sales-analytics' }), apiUrl: `${server.url}/`, id: ids[1]! },
    });
    expect(path.hasSecret).toBe(true);
    const pathed = await call(core, 'profiles:save', {
      profile: { ...profileInput(server, { name: 'Sales', orgId: 'sales-analytics' }), apiUrl: `${server.url}/engine`, id: ids[1]! },
    });
    expect(pathed).toMatchObject({ hasSecret: true });
    expect(pathed.serverId).not.toBe(ids[0]);
  });

  it('deleting the last org removes its server; deleting a profile drops its paused schedules and no others', async () => {
    const ids = await threeOrgs();
    const active = async (id: string): Promise<string> =>
      (await call(core, 'schedules:list', { profileId: id })).schedules.find((j) => j.active !== false)!.jobId;
    await call(core, 'changes:pause', { profileId: ids[0]!, orgId: 'default', jobId: await active(ids[0]!) });
    await call(core, 'changes:pause', { profileId: ids[1]!, orgId: 'sales-analytics', jobId: await active(ids[1]!) });
    expect((await call(core, 'changes:paused-list', {})).paused).toHaveLength(2);

    await call(core, 'profiles:delete', { id: ids[0]! });
    const left = (await call(core, 'changes:paused-list', {})).paused;
    expect(left.map((p) => p.profileId)).toEqual([ids[1]]);
    const file = JSON.parse(await readFile(join(dir, 'paused-schedules.json'), 'utf8')) as { paused: { profileId: string }[] };
    expect(file.paused.map((p) => p.profileId)).toEqual([ids[1]]);
    // The server stays for the other orgs (with its id, which named the first org), and its secret.
    expect((await call(core, 'profiles:list', {})).map((p) => [p.serverId, p.hasSecret])).toEqual([
      [ids[0], true],
      [ids[0], true],
    ]);
    await call(core, 'profiles:delete', { id: ids[1]! });
    await call(core, 'profiles:delete', { id: ids[2]! });
    expect(await onDisk()).toMatchObject({ servers: [], profiles: [] });
    expect((await callFails(core, 'profiles:delete', { id: ids[0]! })).kind).toBe('not-found');
  });

  it.runIf(keyringOrSkip())('keeps the date a token was saved on its server: every org there shows the same age, a new token resets it', async () => {
    dir = await tempDir();
    let now = new Date('2026-09-01T00:00:00.000Z');
    core = await makeCore(dir, { now: () => now, secrets: 'keytar' });
    const token = { signIn: 'token' as const, username: '' };
    // Kept in the keychain: only a kept secret's dates are written to the file (a session's stay in memory).
    const a = await call(core, 'profiles:save', { profile: profileInput(server, { ...token, name: 'A' }), secret: DEMO_TOKEN, secretStorage: 'keychain' });
    now = new Date('2026-11-20T00:00:00.000Z');
    const b = await call(core, 'profiles:save', { profile: profileInput(server, { ...token, name: 'B', orgId: 'sales-analytics' }) });
    expect(b.serverId).toBe(a.id);
    const ages = await call(core, 'tokens:ages', {});
    expect(ages.map((x) => [x.profileId, x.since, x.warn])).toEqual([
      [a.id, '2026-09-01T00:00:00.000Z', true],
      [b.id, '2026-09-01T00:00:00.000Z', true],
    ]);
    const file = JSON.parse(await readFile(join(dir, TOKEN_DATES_FILE), 'utf8')) as { tokens: Record<string, unknown> };
    expect(Object.keys(file.tokens)).toEqual([a.id]);

    await call(core, 'secrets:set', { profileId: b.id, secret: DEMO_TOKEN, storage: 'keychain' });
    expect((await call(core, 'tokens:ages', {})).map((x) => [x.since, x.warn])).toEqual([
      ['2026-11-20T00:00:00.000Z', false],
      ['2026-11-20T00:00:00.000Z', false],
    ]);
  });
});
