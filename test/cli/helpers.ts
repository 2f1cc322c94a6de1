// Runs the real command line (the bin launcher: a current build, else tsx) as a child process, and sets up a
// data folder with profiles the way the desktop app writes them.
import { spawn } from 'node:child_process';
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

export function cli(args: readonly string[], options: { env?: NodeJS.ProcessEnv; input?: string; cwd?: string } = {}): Promise<CliRun> {
  return new Promise((done, fail) => {
    const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
    delete env['ATSCALE_SECRET'];
    Object.assign(env, options.env);
    const child = spawn(process.execPath, [LAUNCHER, ...args], { cwd: options.cwd ?? ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', fail);
    child.on('close', (code) => {
      printed.push(stdout, stderr);
      done({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
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
