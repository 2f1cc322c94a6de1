// An export of several profiles lists them through the core's per-server lanes: profiles on different
// servers at once (the export takes about one server's latency, not their sum), never more than the cap on
// one server, the cap shared with refreshes; rows, saved lists and left-out profiles keep the order asked.
// Real core, real client, simulators over sockets with injected latency.
import { afterEach, describe, expect, it } from 'vitest';
import type { AppCore } from '@core/app-core';
import { PER_SERVER_CONCURRENCY } from '@core/schedules/server-lanes';
import { DEMO_TOKEN, type Simulator } from '@simulator/index';
import { call, makeCore, profileInput, removeDir, sim, tempDir } from '../core/helpers';

const LATENCY_MS = 400;

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

async function start(): Promise<AppCore> {
  dir = await tempDir();
  core = await makeCore(dir);
  return core;
}

/** A server with one org per name, each holding one job `job-<name>`. */
async function server(...orgs: string[]): Promise<Simulator> {
  const s = await sim({ seed: 'empty' });
  servers.push(s);
  for (const org of orgs) s.addOrg(org, [{ jobId: `job-${org}`, timeExpression: '0 0 4 ? * *', fullBuild: false, createdBy: 'admin', createdDaysAgo: 3 }]);
  return s;
}

const save = async (c: AppCore, s: Simulator, orgId: string): Promise<string> =>
  (
    await call(c, 'profiles:save', {
      profile: profileInput(s, { name: orgId, orgId, signIn: 'token', username: '' }),
      secret: DEMO_TOKEN,
      secretStorage: 'memory',
    })
  ).id;

const until = async (what: () => boolean): Promise<void> => {
  for (let i = 0; i < 300 && !what(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(what()).toBe(true);
};

describe('an export of profiles on several servers', () => {
  it('lists them at once: four servers of one latency each take about one latency, not four', async () => {
    const c = await start();
    const names = ['p1', 'p2', 'p3', 'p4'];
    const ids: string[] = [];
    for (const name of names) {
      const s = await server(name);
      s.inject({ endpoint: 'list', latencyMs: LATENCY_MS });
      ids.push(await save(c, s, name));
    }
    const started = performance.now();
    const answer = await call(c, 'export:csv', { kind: 'schedules', profileIds: ids });
    const elapsed = performance.now() - started;
    expect(answer.rows).toBe(4);
    expect(elapsed).toBeGreaterThanOrEqual(LATENCY_MS - 20);
    expect(elapsed).toBeLessThan(2.5 * LATENCY_MS);
  });

  it('keeps rows, saved lists and left-out profiles in the order asked, whichever server answers first', async () => {
    const c = await start();
    // Slowest first: answers come back in the reverse of the order asked.
    const plan = [
      { name: 'ok-slow', latencyMs: 700, fault: null },
      { name: 'out-slow', latencyMs: 600, fault: 403 },
      { name: 'saved-slow', latencyMs: 500, fault: 500 },
      { name: 'ok-fast', latencyMs: 300, fault: null },
      { name: 'out-fast', latencyMs: 0, fault: 403 },
      { name: 'saved-fast', latencyMs: 0, fault: 500 },
    ] as const;
    const ids: string[] = [];
    for (const { name, latencyMs, fault } of plan) {
      const s = await server(name);
      const id = await save(c, s, name);
      ids.push(id);
      // A list now, so a server failing later has a saved list to fall back on.
      if (fault === 500) await call(c, 'schedules:list', { profileId: id });
      if (latencyMs > 0) s.inject({ endpoint: 'list', latencyMs });
      if (fault !== null) s.inject({ endpoint: 'list', action: { type: 'status', status: fault } });
    }
    const started = performance.now();
    const answer = await call(c, 'export:csv', { kind: 'schedules', profileIds: ids });
    expect(performance.now() - started).toBeLessThan(2.5 * 700);
    const jobs = answer.text.split('\n').flatMap((line) => /job-[a-z-]+/.exec(line) ?? []);
    expect(jobs).toEqual(['job-ok-slow', 'job-saved-slow', 'job-ok-fast', 'job-saved-fast']);
    expect(answer.leftOut?.map((p) => [p.name, p.kind])).toEqual([
      ['out-slow', 'unauthorized'],
      ['out-fast', 'unauthorized'],
    ]);
    expect(answer.saved?.map((p) => p.name)).toEqual(['saved-slow', 'saved-fast']);
    expect(answer.warning?.match(/“[a-z-]+”/g)).toEqual(['“out-slow”', '“out-fast”', '“saved-slow”', '“saved-fast”']);
  });
});

describe('an export of many profiles on one server', () => {
  it('lists at most the cap at once, in the lanes refreshes use too', async () => {
    const c = await start();
    const orgs = ['o1', 'o2', 'o3', 'o4', 'o5', 'o6', 'o7'];
    const s = await server(...orgs);
    const ids: string[] = [];
    for (const org of orgs) ids.push(await save(c, s, org));
    const held = s.hold({ endpoint: 'list' });
    const exported = call(c, 'export:csv', { kind: 'schedules', profileIds: ids.slice(0, 6) });
    // Each profile's list is two requests (active and deactivated).
    const inFlight = 2 * PER_SERVER_CONCURRENCY;
    await until(() => held.waiting() === inFlight);
    // A refresh of another org of that server waits in the same lanes.
    const refreshed = call(c, 'schedules:refresh', { profileIds: [ids[6] as string] });
    await new Promise((r) => setTimeout(r, 150));
    expect(held.waiting()).toBe(inFlight);
    expect(s.requests({ endpoint: 'list' })).toHaveLength(inFlight);
    held.release();
    const [answer, [entry]] = await Promise.all([exported, refreshed]);
    expect(answer.rows).toBe(6);
    expect(entry?.ok).toBe(true);
    expect(s.requests({ endpoint: 'list' })).toHaveLength(2 * orgs.length);
  });
});
