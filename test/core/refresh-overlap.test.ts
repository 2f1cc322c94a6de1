// Overlapping schedules:refresh calls through the app core, against the real simulator: they share one
// per-server cap (never more than PER_SERVER_CONCURRENCY profiles, two list requests each, in flight on one
// server, however many refreshes run), and every progress event names its refresh, so each refresh's
// progress counts up on its own instead of mixing with the other's.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppCore, CoreEvent } from '@core/app-core';
import type { RefreshProgress } from '@shared/ipc';
import { PER_SERVER_CONCURRENCY } from '@core/schedules/refresh-many';
import { DEMO_TOKEN, type Simulator } from '@simulator/index';
import { call, callFails, makeCore, profileInput, removeDir, sim, tempDir } from './helpers';

describe('overlapping schedules:refresh calls', () => {
  let dir: string;
  let core: AppCore;
  let s: Simulator;
  const events: CoreEvent[] = [];

  beforeEach(async () => {
    dir = await tempDir();
    core = await makeCore(dir);
    core.onEvent((e) => events.push(e));
    s = await sim({ seed: 'empty' });
    events.length = 0;
  });
  afterEach(async () => {
    await core.close();
    await s.close();
    await removeDir(dir);
  });

  async function profiles(count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const orgId = `org-${i}`;
      s.addOrg(orgId, [{ jobId: `job-${orgId}`, timeExpression: '0 0 4 ? * *', fullBuild: false, createdBy: 'admin', createdDaysAgo: 3 }]);
      const saved = await call(core, 'profiles:save', {
        profile: profileInput(s, { name: `org ${orgId}`, orgId, signIn: 'token', username: '' }),
        secret: DEMO_TOKEN,
        secretStorage: 'memory',
      });
      ids.push(saved.id);
    }
    return ids;
  }

  const progress = (): RefreshProgress[] => events.flatMap((e) => (e.event === 'schedules:refresh-progress' ? [e.payload] : []));
  const inFlight = (): number => s.requests({ endpoint: 'list' }).filter((r) => r.outcome === null).length;

  it('two refreshes of ten profiles on one server keep at most 4 profiles (8 list requests) in flight between them', async () => {
    const ids = await profiles(10);
    s.clearRequests();
    const held = s.hold({ endpoint: 'list' });
    const first = call(core, 'schedules:refresh', { profileIds: ids });
    const second = call(core, 'schedules:refresh', { profileIds: [...ids].reverse() });
    await expect.poll(() => held.waiting(), { timeout: 2000 }).toBeGreaterThanOrEqual(PER_SERVER_CONCURRENCY * 2);
    // Long enough for a second lane of requests to arrive, were there one (and well inside the 3 s request timeout).
    await new Promise((r) => setTimeout(r, 300));
    expect(held.waiting()).toBe(PER_SERVER_CONCURRENCY * 2);
    expect(inFlight()).toBe(PER_SERVER_CONCURRENCY * 2);

    // Released a request at a time, the server never sees more than the cap at once.
    let peak = 0;
    const watch = setInterval(() => (peak = Math.max(peak, inFlight())), 2);
    held.release();
    const [a, b] = await Promise.all([first, second]);
    clearInterval(watch);
    expect(peak).toBeLessThanOrEqual(PER_SERVER_CONCURRENCY * 2);

    // Each answer keeps its shape: one entry per id, in the order asked, each its own live list.
    expect(a.map((e) => e.profileId)).toEqual(ids);
    expect(b.map((e) => e.profileId)).toEqual([...ids].reverse());
    for (const entry of [...a, ...b]) {
      expect(Object.keys(entry).sort()).toEqual(['ok', 'profileId', 'value']);
      expect(entry).toMatchObject({ ok: true, value: { profileId: entry.profileId, source: 'live' } });
    }
    // Both refreshes listed every profile (twice: active and deactivated jobs).
    expect(s.requests({ endpoint: 'list' })).toHaveLength(40);
  });

  it('names its refresh in every progress event, so each refresh counts 1..n of its own', async () => {
    const ids = await profiles(10);
    const held = s.hold({ endpoint: 'list' });
    const first = call(core, 'schedules:refresh', { profileIds: ids, refreshId: 'window-1' });
    const second = call(core, 'schedules:refresh', { profileIds: ids.slice(0, 8) });
    await expect.poll(() => held.waiting(), { timeout: 5000 }).toBeGreaterThan(0);
    held.release();
    await Promise.all([first, second]);

    const all = progress();
    expect(all).toHaveLength(18);
    const mine = all.filter((p) => p.refreshId === 'window-1');
    expect(mine.map((p) => `${p.done}/${p.total}`)).toEqual(Array.from({ length: 10 }, (_, i) => `${i + 1}/10`));
    expect(new Set(mine.map((p) => p.entry.profileId))).toEqual(new Set(ids));
    // The refresh that gave no id got one from the core, the same in each of its events.
    const others = all.filter((p) => p.refreshId !== 'window-1');
    const generated = new Set(others.map((p) => p.refreshId));
    expect(generated.size).toBe(1);
    expect([...generated][0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(others.map((p) => `${p.done}/${p.total}`)).toEqual(Array.from({ length: 8 }, (_, i) => `${i + 1}/8`));
  });

  it('gives each refresh without an id an id of its own, and refuses a malformed id', async () => {
    const ids = await profiles(2);
    await call(core, 'schedules:refresh', { profileIds: ids });
    await call(core, 'schedules:refresh', { profileIds: ids });
    const seen = progress().map((p) => p.refreshId);
    expect(seen).toHaveLength(4);
    expect(seen[0]).toBe(seen[1]);
    expect(seen[2]).toBe(seen[3]);
    expect(seen[0]).not.toBe(seen[2]);
    expect((await callFails(core, 'schedules:refresh', { profileIds: ids, refreshId: '' })).kind).toBe('invalid-input');
    expect((await callFails(core, 'schedules:refresh', { profileIds: ids, refreshId: 'a\nb' })).kind).toBe('invalid-input');
    expect((await callFails(core, 'schedules:refresh', { profileIds: ids, refreshId: 'x'.repeat(129) })).kind).toBe('invalid-input');
  });
});
