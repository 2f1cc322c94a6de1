// A crash during a profile write (SIGKILL mid-way, many times): the file always parses and holds either
// the last completed list or the one being written, never a mix, and nothing acknowledged is lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { parseProfilesFile } from '@core/profiles/profile-file';
import { openProfileStore } from '@core/profiles/profile-store';
import { removeDir, tempDir } from './helpers';

const KILLS = 10;
let work: string;
let writerJs: string;

const root = resolve(__dirname, '../..');

beforeAll(async () => {
  work = await tempDir('crash-test-');
  writerJs = join(work, 'profile-writer.cjs');
  // Bundled once with vite (a declared devDependency) so each child starts as plain Node, without a
  // TypeScript loader (tsx would add a second or more per kill on a loaded machine). Packages stay
  // external and resolve through NODE_PATH (see runAndKill).
  await build({
    configFile: false,
    root,
    logLevel: 'silent',
    resolve: { alias: { '@shared': resolve(root, 'src-shared'), '@core': resolve(root, 'src-main/core') } },
    build: {
      ssr: resolve(__dirname, 'fixtures/profile-writer.ts'),
      outDir: work,
      emptyOutDir: false,
      minify: false,
      target: 'node20',
      rollupOptions: { output: { format: 'cjs', entryFileNames: 'profile-writer.cjs' } },
    },
  });
});
afterAll(async () => {
  await removeDir(work);
});

/** Runs the writer until it has completed `minWrites` writes, waits a random moment, then SIGKILLs it. */
function runAndKill(dataDir: string, start: number, minWrites: number): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [writerJs, dataDir, String(start)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_PATH: join(root, 'node_modules') },
    });
    let acked = start;
    let out = '';
    let err = '';
    let scheduled = false;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const lines = out.split('\n').filter(Boolean);
      acked = Number(lines[lines.length - 1] ?? start);
      if (!scheduled && acked - start >= minWrites) {
        scheduled = true;
        setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 15));
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer exited by itself (code ${code}): ${err}`));
      else resolvePromise(acked);
    });
  });
}

describe('a crash during a profile write', () => {
  it(`never leaves a torn or mixed file (${KILLS} kills)`, async () => {
    const dataDir = join(work, 'data');
    let acked = 0;
    const seen = new Set<'old' | 'new'>();
    for (let i = 0; i < KILLS; i += 1) {
      acked = await runAndKill(dataDir, acked, 1 + (i % 2));
      const parsed = parseProfilesFile(JSON.parse(await readFile(join(dataDir, 'profiles.json'), 'utf8')));
      if (!parsed.ok) throw new Error(`kill ${i}: ${parsed.reason}`);
      const names = parsed.file.profiles.map((p) => p.name);
      const generation = Number(/^gen (\d+) /.exec(names[0] ?? '')?.[1]);
      // Whole list of one generation: the right size, every profile from that generation.
      expect(names).toEqual(Array.from({ length: 1 + (generation % 5) }, (_, k) => `gen ${generation} #${k}`));
      expect(parsed.file.profiles.every((p) => p.orgId === `org-${generation}`)).toBe(true);
      // Either the last acknowledged list, or the one in flight when the kill came: nothing acked is lost.
      expect([acked, acked + 1]).toContain(generation);
      seen.add(generation === acked ? 'old' : 'new');
      acked = generation;
    }
    // The next start reads the file without a problem and removes temp files a kill left behind.
    const { store, problem } = await openProfileStore(dataDir, () => new Date());
    expect(problem).toBeNull();
    expect(store.list().length).toBeGreaterThan(0);
    expect((await readdir(dataDir)).filter((n) => n !== 'profiles.json')).toEqual([]);
    console.log(`crash test: ${KILLS} kills, outcomes seen: ${[...seen].join(', ')}`);
  }, 90_000);
});
