// schedules:refresh through the app core's handlers: one answer per id in order, each profile's own
// outcome, progress as events, at most a few profiles in flight per server and servers not holding
// each other up.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppCore, CoreEvent } from '@core/app-core';
import { PER_SERVER_CONCURRENCY } from '@core/schedules/refresh-many';
import { DEMO_TOKEN, type Simulator } from '@simulator/index';
import { call, callFails, makeCore, profileInput, removeDir, sim, tempDir } from './helpers';

describe('schedules:refresh', () => {
  let dir: string;
  let core: AppCore;
  const servers: Simulator[] = [];
  const events: CoreEvent[] = [];

  beforeEach(async () => {
    dir = await tempDir();
    core = await makeCore(dir);
    core.onEvent((e) => events.push(e));
    events.length = 0;
  });
  afterEach(async () => {
    await core.close();
    await Promise.all(servers.splice(0).map((s) => s.close()));
    await removeDir(dir);
  });

  async function server(orgs: string[]): Promise<Simulator> {
    const s = await sim({ seed: 'empty' });
    for (const org of orgs) s.addOrg(org, [{ jobId: `job-${org}`, timeExpression: '0 0 4 ? * *', fullBuild: false, createdBy: 'admin', createdDaysAgo: 3 }]);
    servers.push(s);
    return s;
  }
  async function profile(s: Simulator, orgId: string): Promise<string> {
    const saved = await call(core, 'profiles:save', {
      profile: profileInput(s, { name: `org ${orgId}`, orgId, signIn: 'token', username: '' }),
      secret: DEMO_TOKEN,
      secretStorage: 'memory',
    });
    return saved.id;
  }

  it('answers one entry per id in the order asked, each with its own list or error', async () => {
    const s = await server(['a', 'b']);
    const a = await profile(s, 'a');
    const b = await profile(s, 'b');
    const gone = await profile(s, 'no-such-org');
    const entries = await call(core, 'schedules:refresh', { profileIds: [b, 'missing-id', a, gone] });
    expect(entries.map((e) => e.profileId)).toEqual([b, 'missing-id', a, gone]);
    expect(entries[0]).toMatchObject({ ok: true, value: { profileId: b, orgId: 'b', source: 'live' } });
    expect(entries[0]?.ok && entries[0].value.schedules.map((x) => x.jobId)).toEqual(['job-b']);
    expect(entries[1]).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    expect(entries[2]).toMatchObject({ ok: true, value: { orgId: 'a' } });
    expect(entries[3]).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    const progress = events.filter((e) => e.event === 'schedules:refresh-progress');
    expect(progress.map((e) => e.payload.done).sort()).toEqual([1, 2, 3, 4]);
    expect(progress.every((e) => e.payload.total === 4)).toBe(true);
  });

  it('keeps at most a few profiles in flight on one server, while other servers finish', async () => {
    const busy = await server(Array.from({ length: 10 }, (_, i) => `busy-${i}`));
    const quiet = await server(['quiet']);
    const busyIds = await Promise.all(Array.from({ length: 10 }, (_, i) => profile(busy, `busy-${i}`)));
    const quietId = await profile(quiet, 'quiet');
    const held = busy.hold({ endpoint: 'list' });
    const pending = call(core, 'schedules:refresh', { profileIds: [...busyIds, quietId] });
    // The other server's profile is answered although every request to the busy one is held.
    await expect
      .poll(() => events.some((e) => e.event === 'schedules:refresh-progress' && e.payload.entry.profileId === quietId), { timeout: 5000 })
      .toBe(true);
    await expect.poll(() => held.waiting(), { timeout: 5000 }).toBe(PER_SERVER_CONCURRENCY * 2);
    await new Promise((r) => setTimeout(r, 200));
    // Each profile lists active and deactivated jobs at once: two requests per profile in flight.
    expect(held.waiting()).toBe(PER_SERVER_CONCURRENCY * 2);
    held.release();
    const entries = await pending;
    expect(entries.filter((e) => e.ok)).toHaveLength(11);
  });

  it('refuses a request that is not a list of ids', async () => {
    expect((await callFails(core, 'schedules:refresh', { profileIds: 'all' })).kind).toBe('invalid-input');
    expect((await callFails(core, 'schedules:refresh', {})).kind).toBe('invalid-input');
  });
});
