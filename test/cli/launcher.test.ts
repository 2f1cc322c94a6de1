// The bin in a checkout (src-main/cli/launch.mjs) runs a build of the command line when the build is
// current, and the TypeScript through tsx otherwise, so a stale out/ never answers for edited sources.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
let checkout: string;

/** A checkout with the real launcher, a built entry and a source entry that each say which they are. */
beforeAll(() => {
  checkout = mkdtempSync(join(tmpdir(), 'cli-bin-'));
  for (const folder of ['src-main/cli', 'src-shared', 'out/main']) mkdirSync(join(checkout, folder), { recursive: true });
  copyFileSync(join(ROOT, 'src-main/cli/launch.mjs'), join(checkout, 'src-main/cli/launch.mjs'));
  for (const tsconfig of ['tsconfig.node.json', 'tsconfig.base.json']) copyFileSync(join(ROOT, tsconfig), join(checkout, tsconfig));
  writeFileSync(join(checkout, 'package.json'), '{ "type": "module" }\n');
  symlinkSync(join(ROOT, 'node_modules'), join(checkout, 'node_modules'), 'dir');
  writeFileSync(join(checkout, 'src-main/cli/main.ts'), "const from: string = 'source';\nconsole.log(from, process.argv.slice(2).join(' '));\n");
  writeFileSync(join(checkout, 'src-shared/index.ts'), 'export {};\n');
  writeFileSync(join(checkout, 'out/main/cli.js'), "console.log('built', process.argv.slice(2).join(' '));\n");
});
afterAll(() => rmSync(checkout, { recursive: true, force: true }));

const bin = (): string => {
  const run = spawnSync(process.execPath, [join(checkout, 'src-main/cli/launch.mjs'), 'profiles', '--json'], {
    cwd: tmpdir(),
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(run.stderr).toBe('');
  return run.stdout.trim();
};
const touch = (file: string, secondsAgo: number): void => {
  const at = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(join(checkout, file), at, at);
};

describe('the atscale-schedules bin in a checkout', { timeout: 60_000 }, () => {
  it('runs out/main/cli.js with Node when it was built after the last source change', () => {
    touch('src-main/cli/main.ts', 60);
    touch('src-main/cli/launch.mjs', 60);
    touch('src-shared/index.ts', 60);
    touch('out/main/cli.js', 10);
    expect(bin()).toBe('built profiles --json');
  });

  it('runs the sources through tsx when a source is newer than the build', () => {
    touch('out/main/cli.js', 30);
    touch('src-shared/index.ts', 5);
    expect(bin()).toBe('source profiles --json');
  });
});
