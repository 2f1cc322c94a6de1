// Refreshing many orgs at once: 20 orgs at 200 ms simulated latency vs one org.
// Goal (issue 3): 20 orgs take under twice as long as one, because requests go out concurrently
// (mapWithConcurrency with DEFAULT_CONCURRENCY).
import { createAtScaleClient, DEFAULT_CONCURRENCY, mapWithConcurrency, type AtScaleClient } from '@core/atscale/index';
import { DEFAULT_EXPRESSION, DEMO_PASSWORD, DEMO_USER, startSimulator } from '@simulator/index';

const LATENCY_MS = 200;
const ORGS = 20;
const ROUNDS = 3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

export async function run(): Promise<void> {
  const sim = await startSimulator({ seed: 'empty', latencyMs: LATENCY_MS });
  const orgIds = Array.from({ length: ORGS }, (_, i) => `bench-${String(i + 1).padStart(2, '0')}`);
  for (const orgId of orgIds) {
    sim.addOrg(orgId, [
      { jobId: crypto.randomUUID(), timeExpression: DEFAULT_EXPRESSION, fullBuild: false, createdBy: 'admin', createdDaysAgo: 30 },
      { jobId: crypto.randomUUID(), timeExpression: '0 30 1 ? * SUN *', fullBuild: true, createdBy: 'admin', createdDaysAgo: 60 },
      { jobId: crypto.randomUUID(), timeExpression: '0 0 2 L * ?', fullBuild: false, createdBy: 'admin', createdDaysAgo: 90, deactivatedDaysAgo: 10 },
    ]);
  }
  const clientFor = (orgId: string): AtScaleClient =>
    createAtScaleClient({ apiUrl: sim.url, orgId, credentials: { kind: 'password', username: DEMO_USER, password: DEMO_PASSWORD } });
  const refresh = async (clients: AtScaleClient[]): Promise<number> => {
    const started = performance.now();
    const lists = await mapWithConcurrency(clients, DEFAULT_CONCURRENCY, (c) => c.listSchedules({ active: true }));
    const elapsed = performance.now() - started;
    if (lists.some((l) => l.length !== 2)) throw new Error('a refresh returned the wrong schedules');
    return elapsed;
  };

  try {
    const figures = { coldOne: [] as number[], coldAll: [] as number[], warmOne: [] as number[], warmAll: [] as number[] };
    for (let round = 0; round < ROUNDS + 1; round++) {
      // Cold: fresh clients, so each org signs in (one round trip) and then lists (another).
      const one = [clientFor(orgIds[0] as string)];
      const all = orgIds.map(clientFor);
      const coldOne = await refresh(one);
      const coldAll = await refresh(all);
      // Warm: tokens cached, a refresh is one list per org.
      const warmOne = await refresh(one);
      const warmAll = await refresh(all);
      [...one, ...all].forEach((c) => c.close());
      if (round === 0) continue; // first round warms up the JIT and the engine
      figures.coldOne.push(coldOne);
      figures.coldAll.push(coldAll);
      figures.warmOne.push(warmOne);
      figures.warmAll.push(warmAll);
    }
    const row = (label: string, one: number[], all: number[]): boolean => {
      const ratio = median(all) / median(one);
      const ok = ratio < 2;
      console.log(
        `${label.padEnd(34)} 1 org ${median(one).toFixed(0).padStart(5)} ms   ${ORGS} orgs ${median(all).toFixed(0).padStart(5)} ms   ratio ${ratio.toFixed(2)}x  ${ok ? 'OK (< 2x)' : 'OVER GOAL (>= 2x)'}`,
      );
      return ok;
    };
    console.log(`refresh, ${LATENCY_MS} ms simulated latency per request, concurrency cap ${DEFAULT_CONCURRENCY}, median of ${ROUNDS} rounds`);
    const coldOk = row('cold (sign-in + list per org)', figures.coldOne, figures.coldAll);
    const warmOk = row('warm (token cached, list per org)', figures.warmOne, figures.warmAll);
    if (!coldOk || !warmOk) process.exitCode = 1;
  } finally {
    await sim.close();
  }
}
