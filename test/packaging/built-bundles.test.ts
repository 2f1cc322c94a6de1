// The electron-vite build that gets packaged: main loads keytar from node_modules (never bundled) and
// every package it loads is a shipped dependency. (The preload bundle is test/main/preload-bundle.test.ts.)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
