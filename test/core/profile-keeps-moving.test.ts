// A profile moved between orgs each time it is asked: the core asks again where it points now, three times
// at most; the third move is answered with a refusal that says so, and leaves no trace of any former org.
// Real core, real client, the simulator over sockets; each ask is held until the profile has moved.
import { readdir } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppCore } from '@core/app-core';
import type { ProfileView } from '@shared/domain';
import type { SimEndpoint, Simulator } from '@simulator/index';
import { DEMO_PASSWORD, call, makeCore, profileInput, quietClock, removeDir, sim, tempDir } from './helpers';

let core: AppCore | null = null;
let server: Simulator | null = null;
let dir = '';

afterEach(async () => {
  await core?.close();
  core = null;
  await server?.close();
  server = null;
  if (dir) await removeDir(dir);
  dir = '';
});

const job = (jobId: string, timeExpression: string) => ({ jobId, timeExpression, fullBuild: false, createdBy: 'admin', createdDaysAgo: 3 });

async function setUp(): Promise<{ s: Simulator; c: AppCore; p: ProfileView }> {
  const s = await sim({ seed: 'empty', now: quietClock() });
  server = s;
  s.addOrg('a', [job('job-of-a', '0 0 4 ? * *')]);
  s.addOrg('b', [job('job-of-b', '0 0 5 ? * *')]);
  dir = await tempDir();
  const c = await makeCore(dir);
  core = c;
  const p = await call(c, 'profiles:save', { profile: profileInput(s, { orgId: 'a', name: 'Moving' }), secret: DEMO_PASSWORD, secretStorage: 'memory' });
  return { s, c, p };
}

const until = async (what: () => boolean): Promise<void> => {
  for (let i = 0; i < 300 && !what(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(what()).toBe(true);
};

/**
 * Starts `ask`, then `moves` times: waits until the ask's `perAsk` requests are held, moves the profile to
 * the other org, and lets them answer (the next ask is held again). Then lets whatever comes next through.
 */
async function askWhileMoving<T>(
  s: Simulator,
  c: AppCore,
  p: ProfileView,
  endpoint: SimEndpoint,
  perAsk: number,
  moves: number,
  ask: () => Promise<T>,
): Promise<T> {
  let held = s.hold({ endpoint });
  const answer = ask();
  let orgId = p.orgId;
  for (let i = 0; i < moves; i++) {
    await until(() => held.waiting() === perAsk);
    orgId = orgId === 'a' ? 'b' : 'a';
    const { id, name, environment, apiUrl, authUrl, signIn, username, serverTimeZone, caCertPath, notes } = p;
    await call(c, 'profiles:save', { profile: { id, name, environment, apiUrl, authUrl, orgId, signIn, username, serverTimeZone, caCertPath, notes } });
    const next = s.hold({ endpoint });
    held.release();
    held = next;
  }
  held.release();
  return answer;
}

describe('a profile moved while its schedules are listed', () => {
  it('moved twice is listed a third time, where it points now', async () => {
    const { s, c, p } = await setUp();
    const [entry] = await askWhileMoving(s, c, p, 'list', 2, 2, () => call(c, 'schedules:refresh', { profileIds: [p.id] }));
    expect(entry?.ok && { orgId: entry.value.orgId, jobs: entry.value.schedules.map((x) => x.jobId) }).toEqual({ orgId: 'a', jobs: ['job-of-a'] });
    // Three asks of two lists each (active and deactivated).
    expect(s.requests({ endpoint: 'list' }).map((r) => r.orgId)).toEqual(['a', 'a', 'b', 'b', 'a', 'a']);
  });

  it('moved a third time is refused, saying so, after three asks, and leaves no snapshot or offline state', async () => {
    const { s, c, p } = await setUp();
    const [entry] = await askWhileMoving(s, c, p, 'list', 2, 3, () => call(c, 'schedules:refresh', { profileIds: [p.id] }));
    expect(entry).toEqual({
      profileId: p.id,
      ok: false,
      error: {
        kind: 'profile-mismatch',
        message: 'The connection of this profile changed 3 times while its schedules were being listed. Refresh again.',
      },
    });
    expect(s.requests({ endpoint: 'list' }).map((r) => r.orgId)).toEqual(['a', 'a', 'b', 'b', 'a', 'a']);
    await new Promise((r) => setTimeout(r, 50));
    expect((await readdir(dir, { recursive: true })).map(String).filter((f) => f.includes(p.id))).toEqual([]);
    // Refreshing again, as the refusal says, lists the org it points at now (b) and writes to it.
    const [again] = await call(c, 'schedules:refresh', { profileIds: [p.id] });
    expect(again?.ok && again.value.schedules.map((x) => x.jobId)).toEqual(['job-of-b']);
    const created = await c.handlers['schedules:create']({ profileId: p.id, orgId: 'b', timeExpression: '0 0 3 ? * *' });
    expect(created.ok).toBe(true);
  });
});

describe('a profile moved while its running job is read', () => {
  it('moved twice is read a third time; moved a third time is refused, saying so', async () => {
    const { s, c, p } = await setUp();
    const twice = await askWhileMoving(s, c, p, 'running', 1, 2, () => c.handlers['maintenance:running']({ profileId: p.id }));
    expect(twice.ok && twice.value.running).toBeNull();
    expect(s.requests({ endpoint: 'running' }).map((r) => r.orgId)).toEqual(['a', 'b', 'a']);

    s.clearRequests();
    const moved = await call(c, 'profiles:list', {});
    const thrice = await askWhileMoving(s, c, moved[0] as ProfileView, 'running', 1, 3, () => c.handlers['maintenance:running']({ profileId: p.id }));
    expect(thrice).toEqual({
      ok: false,
      error: { kind: 'profile-mismatch', message: 'The connection of this profile changed 3 times while its running job was being read. Ask again.' },
    });
    expect(s.requests({ endpoint: 'running' }).map((r) => r.orgId)).toEqual(['a', 'b', 'a']);
  });
});
