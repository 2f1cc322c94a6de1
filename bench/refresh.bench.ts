// Refreshing many profiles through the app core (schedules:refresh, the path the app runs): 20 orgs on
// 20 servers, and 20 orgs on one server, at 200 ms simulated latency per request, against one org.
// Goal: 20 orgs on 20 servers under 2x the time of one (requests to different servers go out at once).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppCore, type AppCore } from '@core/app-core';
import { PER_SERVER_CONCURRENCY } from '@core/schedules/refresh-many';
import { DEFAULT_EXPRESSION, DEMO_TOKEN, startSimulator, type Simulator } from '@simulator/index';

const LATENCY_MS = 200;
const ORGS = 20;
const ROUNDS = 3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function addProfile(core: AppCore, server: Simulator, orgId: string): Promise<string> {
  const result = await core.handlers['profiles:save']({
    profile: {
      name: orgId,
      environment: { kind: 'test', label: 'Test', color: '#1971c2' },
      apiUrl: server.url,
      authUrl: server.url,
      orgId,
      signIn: 'token',
      username: '',
      serverTimeZone: 'UTC',
      caCertPath: null,
      notes: '',
    },
    secret: DEMO_TOKEN,
    secretStorage: 'memory',
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value.id;
}

export async function run(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-refresh-'));
  const core = await createAppCore({ dataDir, secrets: 'memory' });
  const servers: Simulator[] = [];
  try {
    const spread: string[] = [];
    for (let i = 0; i < ORGS; i++) {
      const server = await startSimulator({ seed: 'empty', latencyMs: LATENCY_MS });
      servers.push(server);
      server.addOrg(`org-${i}`, [{ jobId: `job-${i}`, timeExpression: DEFAULT_EXPRESSION, fullBuild: false, createdBy: 'admin', createdDaysAgo: 30 }]);
      spread.push(await addProfile(core, server, `org-${i}`));
    }
    const shared = servers[0] as Simulator;
    const together: string[] = [];
    for (let i = 0; i < ORGS; i++) {
      shared.addOrg(`shared-${i}`, [{ jobId: `job-s${i}`, timeExpression: DEFAULT_EXPRESSION, fullBuild: false, createdBy: 'admin', createdDaysAgo: 30 }]);
      together.push(await addProfile(core, shared, `shared-${i}`));
    }
    const time = async (ids: string[]): Promise<number> => {
      const started = performance.now();
      const result = await core.handlers['schedules:refresh']({ profileIds: ids });
      const elapsed = performance.now() - started;
      if (!result.ok || result.value.some((e) => !e.ok)) throw new Error('a refresh failed');
      return elapsed;
    };
    const figures = { one: [] as number[], spread: [] as number[], together: [] as number[] };
    for (let round = 0; round <= ROUNDS; round++) {
      const one = await time([spread[0] as string]);
      const all = await time(spread);
      const same = await time(together);
      if (round === 0) continue; // warms up the JIT
      figures.one.push(one);
      figures.spread.push(all);
      figures.together.push(same);
    }
    const one = median(figures.one);
    const ratio = median(figures.spread) / one;
    console.log(`refresh through the app core, ${LATENCY_MS} ms latency per request, median of ${ROUNDS} rounds (per-server cap ${PER_SERVER_CONCURRENCY})`);
    console.log(`  1 org                     ${one.toFixed(0).padStart(5)} ms`);
    console.log(
      `  ${ORGS} orgs on ${ORGS} servers      ${median(figures.spread).toFixed(0).padStart(5)} ms   ratio ${ratio.toFixed(2)}x   goal < 2x: ${ratio < 2 ? 'OK' : 'OVER GOAL'}`,
    );
    console.log(
      `  ${ORGS} orgs on 1 server        ${median(figures.together).toFixed(0).padStart(5)} ms   (capped at ${PER_SERVER_CONCURRENCY} in flight: about ${Math.ceil(ORGS / PER_SERVER_CONCURRENCY)} rounds)`,
    );
    if (ratio >= 2) process.exitCode = 1;
  } finally {
    await core.close();
    await Promise.all(servers.map((s) => s.close()));
    await rm(dataDir, { recursive: true, force: true });
  }
}
