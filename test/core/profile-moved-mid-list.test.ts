// A profile moved to another server or org, or deleted, while its list or running check was under way:
// the answer about its former connection leaves no trace (no offline state, no snapshot, no history, no
// answer under its id). Real core, real client, simulators over sockets.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppCore } from '@core/app-core';
import type { ProfileView } from '@shared/domain';
import type { ProfileInput } from '@shared/ipc/schemas';
import type { Simulator } from '@simulator/index';
import { DEMO_PASSWORD, call, makeCore, profileInput, removeDir, sim, tempDir } from './helpers';

let core: AppCore | null = null;
let dir = '';
const servers: Simulator[] = [];

afterEach(async () => {
  await core?.close();
  core = null;
  await Promise.all(servers.splice(0).map((s) => s.close()));
  if (dir) await removeDir(dir);
  dir = '';
});

async function setUp(): Promise<{ a: Simulator; b: Simulator; c: AppCore }> {
  const a = await sim({ seed: 'empty' });
  const b = await sim({ seed: 'empty' });
  servers.push(a, b);
  a.addOrg('a', [{ jobId: 'job-of-a', timeExpression: '0 0 4 ? * *', fullBuild: false, createdBy: 'admin', createdDaysAgo: 3 }]);
  b.addOrg('a', [{ jobId: 'job-on-b', timeExpression: '0 0 5 ? * *', fullBuild: false, createdBy: 'admin', createdDaysAgo: 3 }]);
  a.addOrg('b', [{ jobId: 'job-of-org-b', timeExpression: '0 0 6 ? * *', fullBuild: false, createdBy: 'admin', createdDaysAgo: 3 }]);
  dir = await tempDir();
  core = await makeCore(dir, { requestTimeoutMs: 600 });
  return { a, b, c: core };
}

const save = (c: AppCore, s: Simulator, orgId: string, name: string) =>
  call(c, 'profiles:save', { profile: profileInput(s, { orgId, name }), secret: DEMO_PASSWORD, secretStorage: 'memory' });

/** The saved profile with some of its connection changed (the secret stays). */
function edited(p: ProfileView, change: Partial<ProfileInput>): { profile: ProfileInput & { id: string } } {
  const { id, name, environment, apiUrl, authUrl, orgId, signIn, username, serverTimeZone, caCertPath, notes } = p;
  return { profile: { id, name, environment, apiUrl, authUrl, orgId, signIn, username, serverTimeZone, caCertPath, notes, ...change } };
}

const until = async (what: () => boolean): Promise<void> => {
  for (let i = 0; i < 200 && !what(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(what()).toBe(true);
};

describe('a list under way when the profile changes', () => {
  it('answers for the server the profile was moved to, and the old server failing later leaves it online', async () => {
    const { a, b, c } = await setUp();
    const p = await save(c, a, 'a', 'Moved');
    a.inject({ endpoint: 'list', action: { type: 'hang' } });
    const refresh = call(c, 'schedules:refresh', { profileIds: [p.id] });
    await until(() => a.requests({ endpoint: 'list' }).length > 0);
    // A password is never carried to another server: it is entered again with the move.
    await call(c, 'profiles:save', { ...edited(p, { apiUrl: b.url, authUrl: b.url }), secret: DEMO_PASSWORD, secretStorage: 'memory' });
    const [entry] = await refresh;
    expect(entry?.ok ? entry.value.schedules.map((s) => s.jobId) : entry?.error).toEqual(['job-on-b']);
    // Not refused as offline: the hung server's time-out came after the move and says nothing of b.
    const created = await c.handlers['schedules:create']({ profileId: p.id, orgId: 'a', timeExpression: '0 0 3 ? * *' });
    expect(created.ok).toBe(true);
    expect(b.jobs('a', true).map((j) => j.timeExpression)).toContain('0 0 3 ? * *');
  });

  it('answers for the org the profile was moved to, never the former org under its name', async () => {
    const { a, c } = await setUp();
    const p = await save(c, a, 'a', 'Edited');
    const held = a.hold({ endpoint: 'list' });
    const refresh = call(c, 'schedules:refresh', { profileIds: [p.id] });
    await until(() => a.requests({ endpoint: 'list' }).length > 0);
    await call(c, 'profiles:save', edited(p, { orgId: 'b' }));
    held.release();
    const [entry] = await refresh;
    expect(entry?.ok && { orgId: entry.value.orgId, jobs: entry.value.schedules.map((s) => s.jobId) }).toEqual({ orgId: 'b', jobs: ['job-of-org-b'] });
    const snapshot = await call(c, 'schedules:list', { profileId: p.id });
    expect(snapshot.schedules.map((s) => s.jobId)).toEqual(['job-of-org-b']);
  });

  it('of a profile deleted meanwhile answers not found and writes no snapshot or history of it', async () => {
    const { a, c } = await setUp();
    const kept = await save(c, a, 'a', 'Kept');
    const gone = await save(c, a, 'a', 'Gone');
    const held = a.hold({ endpoint: 'list' });
    const refresh = call(c, 'schedules:refresh', { profileIds: [kept.id, gone.id] });
    await until(() => a.requests({ endpoint: 'list' }).length >= 2);
    await call(c, 'profiles:delete', { id: gone.id });
    held.release();
    const [first, second] = await refresh;
    expect(first?.ok).toBe(true);
    expect(second?.ok === false && second.error.kind).toBe('not-found');
    await new Promise((r) => setTimeout(r, 50));
    const files = (await readdir(dir, { recursive: true })).map(String);
    expect(files.filter((f) => f.includes(gone.id))).toEqual([]);
    expect(files.filter((f) => f.includes(kept.id)).length).toBeGreaterThan(0);
    expect(await readdir(join(dir, 'snapshots'))).toContain(`${kept.id}.json`);
  });
});

describe('a running check under way when the profile moves to another org', () => {
  it('answers for the new org and pushes nothing of the former one', async () => {
    const { a, c } = await setUp();
    const events: { event: string; payload: unknown }[] = [];
    c.onEvent((e) => events.push(e));
    const p = await save(c, a, 'a', 'Running');
    a.triggerEvent('a', { durationMs: 3_600_000 });
    const held = a.hold({ endpoint: 'running' });
    const first = c.handlers['maintenance:running']({ profileId: p.id });
    await until(() => a.requests({ endpoint: 'running' }).length > 0);
    await call(c, 'profiles:save', edited(p, { orgId: 'b' }));
    const asked = c.handlers['maintenance:running']({ profileId: p.id });
    held.release();
    const [before, after] = await Promise.all([first, asked]);
    expect(after.ok && after.value.running).toBeNull();
    expect(before.ok && before.value.running).toBeNull();
    expect(a.requests({ endpoint: 'running' }).map((r) => r.orgId)).toContain('b');
    const pushed = events.filter((e) => e.event === 'maintenance:running-changed').map((e) => (e.payload as { running: unknown }).running);
    expect(pushed.filter((r) => r !== null)).toEqual([]);
  });
});
