// Runs the real command line (the bin launcher: a current build, else tsx) as a child process, and sets up a
// data folder with profiles the way the desktop app writes them.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { resolve } from 'node:path';
import { createAppCore } from '@core/app-core';
import type { Simulator } from '@simulator/index';
import type { ProfileView } from '@shared/domain';
import { call, profileInput } from '../core/helpers';

const ROOT = resolve(__dirname, '../..');
const LAUNCHER = resolve(ROOT, 'src-main/cli/launch.mjs');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Everything the command line printed in this test file, to check no secret ever appears. */
export const printed: string[] = [];

export interface CliChild {
  child: ChildProcessWithoutNullStreams;
  /** What it printed on stderr so far. */
  stderr(): string;
  /** Resolves once it exited, with its exit code (null when a signal ended it) and everything it printed. */
  done: Promise<CliRun & { signal: NodeJS.Signals | null }>;
}

/** Starts the command line and leaves it running, e.g. to send it a signal. */
export function startCli(args: readonly string[], options: { env?: NodeJS.ProcessEnv; input?: string; cwd?: string } = {}): CliChild {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  delete env['ATSCALE_SECRET'];
  Object.assign(env, options.env);
  const child = spawn(process.execPath, [LAUNCHER, ...args], { cwd: options.cwd ?? ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const done = new Promise<CliRun & { signal: NodeJS.Signals | null }>((resolve, fail) => {
    child.on('error', fail);
    child.on('close', (code, signal) => {
      printed.push(stdout, stderr);
      resolve({ code, signal, stdout, stderr });
    });
  });
  child.stdin.end(options.input ?? '');
  return { child, stderr: () => stderr, done };
}

export async function cli(args: readonly string[], options: { env?: NodeJS.ProcessEnv; input?: string; cwd?: string } = {}): Promise<CliRun> {
  const { code, stdout, stderr } = await startCli(args, options).done;
  return { code, stdout, stderr };
}

/** Waits (polling) until the condition holds; fails with `what` after timeoutMs. */
export async function until(what: string, condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Saves Dev (development, org default) and Prod (production, org sales-analytics) in dataDir; no secret kept. */
export async function saveProfiles(dataDir: string, server: Simulator): Promise<{ dev: ProfileView; prod: ProfileView }> {
  const core = await createAppCore({ dataDir, secrets: 'memory' });
  try {
    const dev = await call(core, 'profiles:save', { profile: profileInput(server, { name: 'Dev' }) });
    const prod = await call(core, 'profiles:save', {
      profile: profileInput(server, { name: 'Prod', orgId: 'sales-analytics', environment: { kind: 'production', label: 'production', color: '#c92a2a' } }),
    });
    return { dev, prod };
  } finally {
    await core.close();
  }
}
