// The electron-vite build that gets packaged: main loads keytar from node_modules (never bundled) and
// every package it loads is a shipped dependency; the command line's bundle runs under plain Node.
// (The preload bundle is test/main/preload-bundle.test.ts.)
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '@simulator/index';
import type { ScheduleList } from '@shared/domain';
import { removeDir, sim, tempDir } from '../core/helpers';
import { saveProfiles } from '../cli/helpers';
import { projectDir } from './builder-config';
import { bareImports, jsFiles, packageOf } from './bundle-imports';

let out: string;
beforeAll(() => {
  // A private output folder: the shared out/ may be mid-build by someone else.
  out = mkdtempSync(join(tmpdir(), 'bundle-'));
  const run = spawnSync(
    process.execPath,
    [resolve(projectDir, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--outDir', out, '--logLevel', 'error'],
    { cwd: projectDir, encoding: 'utf8', timeout: 120_000 },
  );
  if (run.status !== 0) throw new Error(`electron-vite build failed:\n${run.stdout}\n${run.stderr}`);
  // The packaged layout: out/ beside node_modules (app.asar/out, app.asar/node_modules).
  symlinkSync(resolve(projectDir, 'node_modules'), join(out, 'node_modules'), 'dir');
}, 150_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

const pkg = JSON.parse(readFileSync(resolve(projectDir, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
};

describe('built main process bundle', () => {
  it('loads keytar at run time instead of bundling it', () => {
    const files = jsFiles(join(out, 'main'));
    expect(bareImports(files), 'out/main must import "keytar" (secrets go to the keychain)').toContain('keytar');
    for (const f of files) expect(readFileSync(f, 'utf8'), f).not.toContain('keytar.node');
    expect(readdirSync(join(out, 'main'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.node'))).toEqual([]);
  });

  it('loads only electron, Node builtins and packages listed in "dependencies" (what electron-builder ships)', () => {
    const unshipped = [...bareImports(jsFiles(join(out, 'main')))]
      .map(packageOf)
      .filter((p) => !p.builtin && p.name !== 'electron' && !(p.name in pkg.dependencies))
      .map((p) => p.name);
    expect(unshipped, 'move these to "dependencies" or let electron-vite bundle them').toEqual([]);
  });
});

/** Runs the built command line with this Node and nothing else: no tsx, no loader, no NODE_OPTIONS. */
function builtCli(args: readonly string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const clean: NodeJS.ProcessEnv = { PATH: process.env['PATH'], HOME: process.env['HOME'], ...env };
    const child = spawn(process.execPath, [join(out, 'main', 'cli.js'), ...args], { cwd: tmpdir(), env: clean, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe('built command line (out/main/cli.js)', () => {
  let server: Simulator;
  let dataDir: string;
  const SECRET = 'built-cli-Secret';
  beforeAll(async () => {
    server = await sim({ users: { admin: SECRET } });
    dataDir = await tempDir('built-cli-');
    await saveProfiles(dataDir, server);
  });
  afterAll(async () => {
    await server.close();
    await removeDir(dataDir);
  });

  it('is its own entry that never loads electron or tsx', () => {
    const code = readFileSync(join(out, 'main', 'cli.js'), 'utf8');
    const chunks = [join(out, 'main', 'cli.js'), ...[...code.matchAll(/from "\.\/(chunks\/[^"]+)"/g)].map((m) => join(out, 'main', m[1] ?? ''))];
    const loaded = [...bareImports(chunks)].map((s) => packageOf(s).name);
    expect(loaded).not.toContain('electron');
    expect(loaded).not.toContain('tsx');
  });

  it('lists the profiles and a profile’s live schedules from the simulator under plain Node', { timeout: 30_000 }, async () => {
    const profiles = await builtCli(['profiles', '--data-dir', dataDir, '--secrets', 'memory'], {});
    expect(profiles.stderr).toBe('');
    expect(profiles.code).toBe(0);
    expect(profiles.stdout).toMatch(/Dev\b/);
    expect(profiles.stdout).toMatch(/Prod\b/);
    const schedules = await builtCli(['schedules', 'Dev', '--json', '--data-dir', dataDir, '--secrets', 'memory'], { ATSCALE_SECRET: SECRET });
    expect(schedules.code).toBe(0);
    const list = JSON.parse(schedules.stdout) as ScheduleList;
    expect(list.source).toBe('live');
    expect(list.schedules.map((s) => s.jobId)).toContain('3740f5fd-a6b8-45fb-a3ab-313bf8481af3');
    expect(schedules.stdout).not.toContain(SECRET);
  });

  it('says what went wrong with its exit codes: 2 for bad usage, 1 for a refused sign-in', { timeout: 30_000 }, async () => {
    const usage = await builtCli(['schedules'], {});
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('usage: atscale-schedules schedules');
    const refused = await builtCli(['schedules', 'Dev', '--data-dir', dataDir, '--secrets', 'memory'], { ATSCALE_SECRET: 'wrong' });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^error: /m);
  });
});
