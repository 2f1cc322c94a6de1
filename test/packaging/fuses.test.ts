// The afterPack hook flips the shipped binary's fuses: run it on a synthetic Electron binary (the real
// one cannot be downloaded here) that carries the same fuse wire layout, and read the bytes back.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { projectDir } from './builder-config';

interface PackContext {
  appOutDir: string;
  electronPlatformName: string;
  arch: number;
  packager: { executableName: string; appInfo: { productFilename: string } };
}
interface AfterPackModule {
  (context: PackContext): Promise<void>;
  FUSES: Record<number, boolean>;
}
const afterPack = createRequire(import.meta.url)(resolve(projectDir, 'scripts/after-pack.cjs')) as AfterPackModule;

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ON = 49;
const OFF = 48;
// Electron's defaults for the nine fuses of the v1 wire (the ninth is one @electron/fuses 1.8 does not name).
const DEFAULT_WIRE = [ON, OFF, ON, ON, OFF, OFF, OFF, ON, ON];

function fakeElectron(file: string, wire = DEFAULT_WIRE): void {
  const head = Buffer.alloc(4096, 0x90);
  const fuse = Buffer.concat([Buffer.from(SENTINEL, 'latin1'), Buffer.from([1, wire.length]), Buffer.from(wire)]);
  writeFileSync(file, Buffer.concat([head, fuse, Buffer.alloc(1024, 0x90)]));
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'fuses-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const context = (platform: string): PackContext => ({
  appOutDir: dir,
  electronPlatformName: platform,
  arch: 1, // builder-util Arch.x64
  packager: { executableName: 'atscale-maintenance-scheduler', appInfo: { productFilename: 'AtScale Maintenance Scheduler' } },
});

describe('afterPack fuses', () => {
  it('turns off run-as-node, NODE_OPTIONS and --inspect, and loads the app only from a verified asar (Linux binary)', async () => {
    const binary = join(dir, 'atscale-maintenance-scheduler');
    fakeElectron(binary);
    await afterPack(context('linux'));
    const wire = (await getCurrentFuseWire(binary)) as unknown as Record<number, number>;
    expect(wire[FuseV1Options.RunAsNode]).toBe(OFF);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(OFF);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(OFF);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(ON);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(ON);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(ON);
    // Fuses the config does not name keep Electron's default.
    expect(wire[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]).toBe(OFF);
    expect(wire[8]).toBe(ON);
  });

  it('finds the Windows executable by product name', async () => {
    const binary = join(dir, 'AtScale Maintenance Scheduler.exe');
    fakeElectron(binary);
    await afterPack(context('win32'));
    const wire = (await getCurrentFuseWire(binary)) as unknown as Record<number, number>;
    expect(wire[FuseV1Options.RunAsNode]).toBe(OFF);
  });

  it('fails the build when the binary has no fuse wire, instead of shipping unfused', async () => {
    writeFileSync(join(dir, 'atscale-maintenance-scheduler'), Buffer.alloc(2048, 0x90));
    await expect(afterPack(context('linux'))).rejects.toThrow(/sentinel/i);
  });

  it('keeps file:// privileges exactly when the main process loads a page with loadFile / file://', () => {
    // GrantFileProtocolExtraPrivileges off breaks file:// pages; with app:// only, it must be off.
    const mainDir = resolve(projectDir, 'src-main');
    const sources = readdirSync(mainDir)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => readFileSync(join(mainDir, f), 'utf8'))
      .join('\n');
    const usesFile = /\.loadFile\(|loadURL\(\s*[`'"]file:|pathToFileURL\(/.test(sources);
    expect(afterPack.FUSES[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(usesFile);
  });
});
