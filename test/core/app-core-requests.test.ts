// The app core's handlers take the untrusted request: what a bad one is told (the field, a short quote,
// never a secret), how a data problem shows once per file, and what app:info and the events say. Each
// test opens its own core, so the wiring it builds is part of what the test checks.
import { appendFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Simulator } from '@simulator/index';
import type { AppCore, CoreEvent } from '@core/app-core';
import { DEMO_PASSWORD, call, callFails, makeCore, profileInput, removeDir, sim, tempDir } from './helpers';

let server: Simulator;
let dir: string;
let core: AppCore;
let events: CoreEvent[] = [];

beforeAll(async () => {
  server = await sim();
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  dir = await tempDir('app-core-requests-');
  core = await makeCore(dir, { version: '9.8.7', runningPollMs: 1234 });
  events = [];
  core.onEvent((e) => events.push(e));
});
afterEach(async () => {
  await core.close();
  await removeDir(dir);
});

describe('a request that does not fit its channel', () => {
  it('is refused naming the channel; a missing request is an empty one', async () => {
    expect((await core.handlers['app:info'](undefined)).ok).toBe(true);
    expect((await core.handlers['profiles:list'](null)).ok).toBe(true);
    const error = await callFails(core, 'profiles:rename', 'rename please');
    expect(error.kind).toBe('invalid-input');
    expect(error.message).toMatch(/^request: .+ \(profiles:rename\)$/);
  });

  it('names the field by its path, list positions included', async () => {
    const error = await callFails(core, 'profiles:export', { ids: ['fine', 7] });
    expect(error.message).toMatch(/^ids\.1: .+ \(profiles:export\)$/);
    const nested = await callFails(core, 'profiles:save', { profile: { ...profileInput(server), orgId: 42 } });
    expect(nested.message).toMatch(/^profile\.orgId: /);
  });

  it('names up to three unknown fields, then counts the rest', async () => {
    const three = await callFails(core, 'profiles:rename', { id: 'a', name: 'b', x1: 1, x2: 2, x3: 3 });
    expect(three.message).toBe('request: unknown field “x1”, “x2”, “x3” (profiles:rename)');
    const five = await callFails(core, 'profiles:rename', { id: 'a', name: 'b', x1: 1, x2: 2, x3: 3, x4: 4, x5: 5 });
    expect(five.message).toBe('request: unknown field “x1”, “x2”, “x3” and 2 more (profiles:rename)');
  });

  it('never repeats a stored secret, even sent back as a field name', async () => {
    const secret = 'Pw-only-the-keychain-knows-31';
    await call(core, 'profiles:save', { profile: profileInput(server, { name: 'Secret holder' }), secret, secretStorage: 'memory' });
    const error = await callFails(core, 'profiles:rename', { id: 'a', name: 'b', [secret]: 1 });
    expect(error.message).not.toContain(secret);
    expect(error.message).toContain('unknown field “***”');
  });

  it('a handler that fails answers its kind and words, naming no channel when the failure is known', async () => {
    const error = await callFails(core, 'profiles:rename', { id: 'no-such-profile', name: 'b' });
    expect(error.kind).toBe('not-found');
    expect(error.message).not.toContain('(profiles:rename)');
  });
});

describe('app:info and the events', () => {
  it('shows the version it was started with, and no demo without the embedded simulator', async () => {
    const info = await call(core, 'app:info', {});
    expect(info).toMatchObject({ version: '9.8.7', demoRunning: false, demoAvailable: false, platform: process.platform, dataProblems: [] });
    // The name the app's entries carry in the OS keychain: the one the core was opened with (the tests' own).
    expect(info.keychainService).toMatch(/^AtScale Maintenance Scheduler test [0-9a-f-]{36}$/);
    // Secrets kept in memory, as the core was opened: no keychain, and the reason says so.
    expect(info.keychain).toBe('unavailable');
    expect(info.keychainProblem).toEqual(expect.stringContaining('turned off for this run'));
    expect(await call(core, 'maintenance:watch', { profileIds: [] })).toEqual({ profileIds: [], intervalMs: 1234 });
    const demo = await callFails(core, 'demo:start', {});
    expect(demo).toEqual({ kind: 'invalid-input', message: expect.stringContaining('Demo mode is not available here') });
  });

  it('lists an unreadable audit log once, its count kept current, telling listeners only of a change', async () => {
    const infoEvents = (): number => events.filter((e) => e.event === 'app:info-changed').length;
    await writeFile(join(dir, 'audit.jsonl'), 'not a record\n');
    const before = infoEvents();
    await call(core, 'audit:list', {});
    const one = (await call(core, 'app:info', {})).dataProblems;
    expect(one.map((p) => [p.file, p.movedTo, p.reason])).toEqual([
      ['audit.jsonl', null, '1 line is not a valid audit record (torn by a crash or edited) and was skipped; the other records are shown.'],
    ]);
    expect(infoEvents()).toBe(before + 1);
    await call(core, 'audit:list', {}); // the same problem again: nothing new to tell
    expect(infoEvents()).toBe(before + 1);
    await appendFile(join(dir, 'audit.jsonl'), '{"half a line\n');
    await call(core, 'audit:list', {});
    const two = (await call(core, 'app:info', {})).dataProblems;
    expect(two.map((p) => [p.file, p.reason])).toEqual([
      ['audit.jsonl', '2 lines are not a valid audit record (torn by a crash or edited) and were skipped; the other records are shown.'],
    ]);
    expect(infoEvents()).toBe(before + 2);
    const last = events.filter((e) => e.event === 'app:info-changed').at(-1);
    expect(last?.event === 'app:info-changed' && last.payload.dataProblems.map((p) => p.reason)).toEqual([two[0]?.reason]);
  });

  it('keeps telling the other listeners when one throws, and stops telling one that unsubscribed', async () => {
    const heard: string[] = [];
    const stopThrowing = core.onEvent(() => {
      throw new Error('a closed window');
    });
    const stop = core.onEvent((e) => heard.push(e.event));
    await call(core, 'profiles:save', { profile: profileInput(server, { name: 'Heard' }), secret: DEMO_PASSWORD, secretStorage: 'memory' });
    expect(heard).toContain('profiles:changed');
    stop();
    stopThrowing();
    const count = heard.length;
    await call(core, 'profiles:save', { profile: profileInput(server, { name: 'Not heard' }), secret: DEMO_PASSWORD, secretStorage: 'memory' });
    expect(heard).toHaveLength(count);
  });
});

describe('the demo', () => {
  let demoDir: string;
  let demoCore: AppCore | undefined;
  afterEach(async () => {
    await demoCore?.close();
    demoCore = undefined;
    await removeDir(demoDir);
  });
  const demoServer = (started: Simulator[]) => async () => {
    const demo = await sim();
    started.push(demo);
    return { url: demo.url, close: () => demo.close() };
  };

  it('starts by itself on a first start, and is offered no more when its simulator cannot start', async () => {
    demoDir = await tempDir('app-core-demo-');
    const demos: Simulator[] = [];
    demoCore = await makeCore(demoDir, { demoServer: demoServer(demos) });
    expect(await call(demoCore, 'app:info', {})).toMatchObject({ demoRunning: true, demoAvailable: true });
    expect((await call(demoCore, 'profiles:list', {})).every((p) => p.demo)).toBe(true);
    await demoCore.close();
    await demoCore.close(); // a second close is harmless
    // Closing the core stopped the embedded simulator.
    await expect(fetch(demos[0]?.url ?? 'http://127.0.0.1:1')).rejects.toThrow();

    // Demo profiles from the earlier start bring it up again.
    demoCore = await makeCore(demoDir, { demoServer: demoServer(demos) });
    expect(await call(demoCore, 'app:info', {})).toMatchObject({ demoRunning: true });
    await demoCore.close();

    demoCore = await makeCore(demoDir, {
      demoServer: async () => {
        throw new Error('port in use');
      },
    });
    expect(await call(demoCore, 'app:info', {})).toMatchObject({ demoRunning: false, demoAvailable: false });
  });

  it('waits for demo:start when profiles of ones own exist, and tells listeners once that it runs', async () => {
    demoDir = await tempDir('app-core-demo-');
    const first = await makeCore(demoDir);
    await call(first, 'profiles:save', { profile: profileInput(server), secret: DEMO_PASSWORD, secretStorage: 'memory' });
    await first.close();
    const demos: Simulator[] = [];
    demoCore = await makeCore(demoDir, { demoServer: demoServer(demos) });
    const seen: CoreEvent[] = [];
    demoCore.onEvent((e) => seen.push(e));
    expect(await call(demoCore, 'app:info', {})).toMatchObject({ demoRunning: false, demoAvailable: true });
    expect(demos).toHaveLength(0);
    await call(demoCore, 'demo:start', {});
    await call(demoCore, 'demo:start', {});
    const told = seen.flatMap((e) => (e.event === 'app:info-changed' ? [e.payload.demoRunning] : []));
    expect(told).toEqual([true]);
    expect(demos).toHaveLength(1);
  });
});

describe('the data folder lock', () => {
  it('a lock lost while the app runs is listed as a data problem, telling listeners', async () => {
    const lockDir = await tempDir('app-core-lock-');
    const locked = await makeCore(lockDir, { lockStaleMs: 2000 });
    const seen: CoreEvent[] = [];
    locked.onEvent((e) => seen.push(e));
    try {
      await rm(join(lockDir, 'app.lock'), { recursive: true, force: true });
      // The lock is refreshed every half of its stale time: the loss shows within about a second.
      await expect.poll(async () => (await call(locked, 'app:info', {})).dataProblems.map((p) => p.file), { timeout: 4000 }).toEqual(['app.lock']);
      const [problem] = (await call(locked, 'app:info', {})).dataProblems;
      expect(problem?.reason).toMatch(/^The lock on the data folder .+ was lost .*another process may now be writing the same folder\. Restart the app\.$/);
      expect(seen.some((e) => e.event === 'app:info-changed' && e.payload.dataProblems.length === 1)).toBe(true);
    } finally {
      await locked.close();
      await removeDir(lockDir);
    }
  });
});
