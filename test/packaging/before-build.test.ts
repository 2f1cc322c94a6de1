// `npm run package` stops early with a clear message when this machine has no Electron binary.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { projectDir } from './builder-config';

interface BeforeBuildModule {
  packagingProblems(projectDir: string, nodeVersion?: string): { problems: string[]; warnings: string[] };
}
const { packagingProblems } = createRequire(import.meta.url)(resolve(projectDir, 'scripts/before-build.cjs')) as BeforeBuildModule;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'before-build-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('packaging pre-flight', () => {
  it('names the missing Electron binary and how to get it', () => {
    const { problems } = packagingProblems(dir, '22.12.0');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/Electron binary is not installed/);
    expect(problems[0]).toMatch(/ELECTRON_SKIP_BINARY_DOWNLOAD/);
  });

  it('goes ahead when node_modules/electron/dist holds the binary path.txt names', () => {
    const electron = join(dir, 'node_modules', 'electron');
    mkdirSync(join(electron, 'dist'), { recursive: true });
    writeFileSync(join(electron, 'path.txt'), 'electron');
    writeFileSync(join(electron, 'dist', 'electron'), '');
    expect(packagingProblems(dir, '22.12.0')).toEqual({ problems: [], warnings: [] });
  });

  it('warns on Node older than 22.12, which electron-builder’s rebuild step requires', () => {
    expect(packagingProblems(dir, '20.19.0').warnings[0]).toMatch(/Node >= 22\.12/);
    expect(packagingProblems(dir, '22.11.0').warnings).toHaveLength(1);
    expect(packagingProblems(dir, '24.0.0').warnings).toHaveLength(0);
  });

  it('makes the real electron-builder CLI fail with that message here (no Electron binary)', (ctx) => {
    const here = packagingProblems(projectDir);
    // On a machine that has the binary this would start a real, minutes-long packaging run.
    if (here.problems.length === 0) ctx.skip();
    const cli = resolve(projectDir, 'node_modules/electron-builder/cli.js');
    const run = spawnSync(process.execPath, [cli, '--config', 'electron-builder.yml', '--dir', '--publish', 'never'], {
      cwd: projectDir,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).not.toBe(0);
    expect(`${run.stdout}${run.stderr}`).toMatch(/cannot package on this machine[\s\S]*Electron binary is not installed/);
  }, 60_000);
});
