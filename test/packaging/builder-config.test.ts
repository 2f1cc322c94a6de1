// electron-builder.yml declares what a shipped install needs, checked through electron-builder's own loader.
import { existsSync, readFileSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Configuration } from 'electron-builder';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBuilderConfig, projectDir } from './builder-config';

let config: Configuration;
beforeAll(async () => {
  config = await loadBuilderConfig();
});

function targetsOf(platform: { target?: unknown } | null | undefined): string[] {
  const t = platform?.target;
  const list = Array.isArray(t) ? t : [t];
  return list.map((x) => (typeof x === 'string' ? x : (x as { target: string }).target));
}

describe('electron-builder.yml', () => {
  it('passes electron-builder schema validation', () => {
    expect(config.appId).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    expect(config.productName).toBe('AtScale Maintenance Scheduler');
  });

  it('is rejected by the same validation when an option is misspelt (the check can fail)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'builder-config-'));
    try {
      const broken = readFileSync(resolve(projectDir, 'electron-builder.yml'), 'utf8').replace('synopsis:', 'synopsys:');
      writeFileSync(join(dir, 'broken.yml'), broken);
      await expect(loadBuilderConfig(join(dir, 'broken.yml'))).rejects.toThrow(/configuration\.linux/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('builds AppImage and deb on Linux, dmg on macOS, nsis on Windows', () => {
    expect(targetsOf(config.linux)).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(targetsOf(config.mac)).toContain('dmg');
    expect(targetsOf(config.win)).toContain('nsis');
    expect(config.mac?.hardenedRuntime).toBe(true);
    expect(config.mac?.category).toMatch(/^public\.app-category\./);
    expect(config.linux?.category).toBeTruthy();
    expect(config.linux?.maintainer).toMatch(/<.+@.+>/);
    expect(config.linux?.synopsis).toBeTruthy();
  });

  it('makes the deb depend on libsecret, which keytar needs to reach the keychain', () => {
    expect(config.deb?.depends).toContain('libsecret-1-0');
    // Overriding depends drops electron-builder's defaults: the GTK/NSS runtime must still be there.
    expect(config.deb?.depends).toEqual(expect.arrayContaining(['libgtk-3-0', 'libnss3', 'libxss1']));
  });

  it('ships the app in an asar archive with keytar’s native module unpacked', () => {
    expect(config.asar).toBe(true);
    const unpack = ([] as string[]).concat(config.asarUnpack ?? []);
    expect(unpack.some((p) => p.includes('node_modules/keytar') || p.endsWith('*.node'))).toBe(true);
  });

  it('packs the electron-vite output and package.json, whose main is that output', () => {
    const files = JSON.stringify(config.files);
    expect(files).toContain('out/**');
    expect(files).toContain('package.json');
    const pkg = JSON.parse(readFileSync(resolve(projectDir, 'package.json'), 'utf8')) as {
      main: string;
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    expect(pkg.main.replace(/^\.\//, '')).toBe('out/main/index.js');
    // electron-builder ships "dependencies" only: keytar must be there, not in devDependencies.
    expect(pkg.dependencies['keytar']).toBeTruthy();
    expect(pkg.devDependencies['keytar']).toBeUndefined();
  });

  it('points at icon files and hooks that exist', () => {
    expect(config.directories?.buildResources).toBe('build');
    for (const p of [config.linux?.icon, config.mac?.icon, config.win?.icon, config.afterPack, config.beforeBuild]) {
      expect(typeof p).toBe('string');
      expect(existsSync(resolve(projectDir, p as string)), `${String(p)} exists`).toBe(true);
    }
  });
});
