// Starts the harness as a child process (tsx), for runners whose module loader cannot load src-main
// directly (Playwright's). The simulator is driven through its HTTP control endpoint (/__sim/).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ROOT } from './build';

/** The subset of the simulator's FaultRule the tests use (see src-main/simulator/faults.ts). */
export interface RemoteFaultRule {
  orgId?: string;
  endpoint?: 'auth' | 'list' | 'create' | 'delete' | 'run-now';
  times?: number;
  skip?: number;
  latencyMs?: number;
  action?:
    | { type: 'status'; status: number; message?: string }
    | { type: 'html'; status?: number }
    | { type: 'malformed-json' }
    | { type: 'hang' }
    | { type: 'reset' };
  when?: 'before' | 'after';
}

export interface RemoteSimulator {
  url: string;
  inject(rule: RemoteFaultRule): Promise<number>;
  clearFaults(): Promise<void>;
  reset(): Promise<void>;
  /** An org's scheduled runs paused from `from` on: none of them runs after it; event and run-now runs still do. */
  pauseSchedules(orgId: string, from: Date): Promise<void>;
  /** Any other control request (orgs, events, ...: src-main/simulator/control.ts); its answer, or a throw naming the refusal. */
  post(path: string, body: unknown): Promise<unknown>;
}

export interface SpawnedHarness {
  url: string;
  simulator: RemoteSimulator;
  close(): Promise<void>;
}

async function control(base: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${base}/__sim/${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`simulator control ${method} ${path} answered ${res.status}: ${text}`);
  return JSON.parse(text) as unknown;
}

/** Expects the renderer to be built already (the Playwright global setup does it once). */
export async function spawnHarness(options: { seed?: string } = {}): Promise<SpawnedHarness> {
  const dataDir = await mkdtemp(join(tmpdir(), 'atscale-e2e-'));
  const args = [
    '--tsconfig',
    'tsconfig.node.json',
    'test/harness/cli.ts',
    '--port',
    '0',
    '--json',
    '--data-dir',
    dataDir,
    ...(options.seed ? ['--seed', options.seed] : []),
  ];
  const child: ChildProcess = spawn(join(ROOT, 'node_modules/.bin/tsx'), args, {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, HARNESS_SKIP_BUILD: '1' },
  });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const first = await new Promise<{ url: string; simulatorUrl: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The harness did not start within 90 s:\n${stderr}`)), 90_000);
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (!line.startsWith('{')) return;
      clearTimeout(timer);
      resolve(JSON.parse(line) as { url: string; simulatorUrl: string });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The harness exited (${code}) before it started:\n${stderr}`));
    });
  });
  const sim = first.simulatorUrl;
  return {
    url: first.url,
    simulator: {
      url: sim,
      inject: async (rule) => ((await control(sim, 'POST', 'faults', rule)) as { id: number }).id,
      clearFaults: async () => void (await control(sim, 'DELETE', 'faults')),
      reset: async () => void (await control(sim, 'POST', 'reset')),
      pauseSchedules: async (orgId, from) => void (await control(sim, 'POST', 'scheduler', { orgId, paused: true, at: from.toISOString() })),
      post: (path, body) => control(sim, 'POST', path, body),
    },
    async close() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
