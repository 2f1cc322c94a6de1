// The packaged command line: electron-builder puts build/cli's launcher in the resources folder, and the
// launcher runs the app binary with --cli. Checked on installed layouts (Linux and macOS) with a stand-in
// binary that records how it was started, and through electron-builder's own reading of the config.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Configuration } from 'electron-builder';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cliArgumentsOf } from '../../src-main/cli/process-io';
import { loadBuilderConfig, projectDir } from './builder-config';

const LAUNCHER = resolve(projectDir, 'build/cli/atscale-schedules');
const WINDOWS_LAUNCHER = resolve(projectDir, 'build/cli/atscale-schedules.cmd');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cli-launcher-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** An installed app: the launcher in resources/, and a binary that writes its arguments and exits 3. */
function install(binary: string, resources: string): { launcher: string; record: string } {
  const record = join(dir, 'started-with.txt');
  mkdirSync(resources, { recursive: true });
  writeFileSync(binary, `#!/bin/sh\nfor a in "$@"; do printf '%s\\n' "$a"; done > '${record}'\nexit 3\n`);
  chmodSync(binary, 0o755);
  const launcher = join(resources, 'atscale-schedules');
  copyFileSync(LAUNCHER, launcher);
  chmodSync(launcher, 0o755);
  return { launcher, record };
}

describe('the packaged launcher (build/cli/atscale-schedules)', () => {
  it('runs the Linux app binary beside resources/ with --cli and the arguments as given, and passes its exit code on', () => {
    const app = join(dir, 'AtScale Maintenance Scheduler');
    const { launcher, record } = install(join(app, 'atscale-maintenance-scheduler'), join(app, 'resources'));
    const run = spawnSync(launcher, ['plan', 'schedules file.json', 'Prod', '--exit-code'], { encoding: 'utf8' });
    expect(run.status).toBe(3);
    expect(readFileSync(record, 'utf8').split('\n')).toEqual(['--cli', 'plan', 'schedules file.json', 'Prod', '--exit-code', '']);
  });

  it('finds the macOS binary in Contents/MacOS, also when started through a link in another folder', () => {
    const contents = join(dir, 'AtScale Maintenance Scheduler.app', 'Contents');
    mkdirSync(join(contents, 'MacOS'), { recursive: true });
    const { launcher, record } = install(join(contents, 'MacOS', 'AtScale Maintenance Scheduler'), join(contents, 'Resources'));
    mkdirSync(join(dir, 'bin'));
    symlinkSync(launcher, join(dir, 'bin', 'atscale-schedules'));
    const run = spawnSync(join(dir, 'bin', 'atscale-schedules'), ['profiles', '--json'], { encoding: 'utf8' });
    expect(run.status).toBe(3);
    expect(readFileSync(record, 'utf8')).toBe('--cli\nprofiles\n--json\n');
  });

  it('says where it looked when no app binary is beside it', () => {
    const launcher = join(dir, 'atscale-schedules');
    copyFileSync(LAUNCHER, launcher);
    chmodSync(launcher, 0o755);
    const run = spawnSync(launcher, ['profiles'], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('the app binary is not next to');
  });

  it('on Windows runs the product executable one folder up with --cli and returns its exit code', () => {
    const text = readFileSync(WINDOWS_LAUNCHER, 'utf8');
    expect(text).toContain('"%~dp0..\\AtScale Maintenance Scheduler.exe" --cli %*');
    expect(text).toMatch(/exit \/b %ERRORLEVEL%/);
  });
});

describe('the app binary started by a launcher', () => {
  it('runs the command line only when --cli comes first (after the app folder when unpackaged)', () => {
    expect(cliArgumentsOf(['/opt/app/atscale-maintenance-scheduler', '--cli', 'profiles', '--json'])).toEqual(['profiles', '--json']);
    expect(cliArgumentsOf(['/usr/bin/electron', '.', '--cli', 'schedules', 'Dev'])).toEqual(['schedules', 'Dev']);
    expect(cliArgumentsOf(['/opt/app/atscale-maintenance-scheduler'])).toBeNull();
    // A file opened with the app, or a later argument that happens to be --cli, opens the window.
    expect(cliArgumentsOf(['/opt/app/atscale-maintenance-scheduler', '/home/me/a.json', 'x', '--cli'])).toBeNull();
  });
});

describe('electron-builder.yml ships the command line', () => {
  let config: Configuration;
  beforeAll(async () => {
    config = await loadBuilderConfig();
  });
  const resourcesOf = (platform: { extraResources?: unknown } | null | undefined): { from: string; to: string }[] =>
    ([] as unknown[]).concat(platform?.extraResources ?? []).map((r) => (typeof r === 'string' ? { from: r, to: r } : (r as { from: string; to: string })));

  it('puts the launcher into resources/ on every platform, from files that exist', () => {
    expect(resourcesOf(config.linux)).toContainEqual({ from: 'build/cli/atscale-schedules', to: 'atscale-schedules' });
    expect(resourcesOf(config.mac)).toContainEqual({ from: 'build/cli/atscale-schedules', to: 'atscale-schedules' });
    expect(resourcesOf(config.win)).toContainEqual({ from: 'build/cli/atscale-schedules.cmd', to: 'atscale-schedules.cmd' });
    expect(spawnSync('test', ['-x', LAUNCHER]).status, 'the launcher is executable (git keeps the bit)').toBe(0);
  });

  it('names the binaries the launchers run, and packs the built command line (out/**)', () => {
    const launcher = readFileSync(LAUNCHER, 'utf8');
    expect(launcher).toContain(`../${config.linux?.executableName ?? 'unset'}"`);
    expect(launcher).toContain(`../MacOS/${config.productName ?? 'unset'}"`);
    expect(readFileSync(WINDOWS_LAUNCHER, 'utf8')).toContain(`\\${config.productName ?? 'unset'}.exe"`);
    expect(JSON.stringify(config.files)).toContain('out/**');
    const vite = readFileSync(resolve(projectDir, 'electron.vite.config.ts'), 'utf8');
    expect(vite).toMatch(/cli: resolve\(__dirname, 'src-main\/cli\/main\.ts'\)/);
  });
});
