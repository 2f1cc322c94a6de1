// A crash during a history write (SIGKILL mid-way, many times): the file always reads back whole, holding
// every acknowledged execution (and perhaps the one in flight), and the next start sweeps the temp files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import type { DataProblem } from '@shared/ipc';
import { createHistoryStore, HISTORY_DIR } from '@core/health/history-store';
import { removeDir, tempDir } from '../core/helpers';

const KILLS = 8;
let work: string;
let writerJs: string;
const root = resolve(__dirname, '../..');

beforeAll(async () => {
  work = await tempDir('history-crash-');
  writerJs = join(work, 'history-writer.cjs');
  // Bundled once so each child starts as plain Node (see test/core/profile-crash.test.ts).
  await build({
    configFile: false,
    root,
    logLevel: 'silent',
    resolve: { alias: { '@shared': resolve(root, 'src-shared'), '@core': resolve(root, 'src-main/core') } },
    build: {
      ssr: resolve(__dirname, 'fixtures/history-writer.ts'),
      outDir: work,
      emptyOutDir: false,
      minify: false,
      target: 'node20',
      rollupOptions: { output: { format: 'cjs', entryFileNames: 'history-writer.cjs' } },
    },
  });
});
afterAll(async () => {
  await removeDir(work);
});

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

describe('a crash during a history write', () => {
  it(`never loses an acknowledged execution nor leaves a torn file (${KILLS} kills)`, async () => {
    const dataDir = join(work, 'data');
    let acked = 0;
    for (let i = 0; i < KILLS; i += 1) {
      acked = await runAndKill(dataDir, acked, 1 + (i % 2));
      const problems: DataProblem[] = [];
      const { executions } = await createHistoryStore(dataDir, { now: () => new Date(), onProblem: (p) => problems.push(p) }).load('crash-profile');
      expect(problems).toEqual([]);
      const ids = executions.map((e) => Number(e.id.slice('exec-'.length)));
      // Every execution from 1 on, in order, ending at the last acknowledged one or the one in flight.
      expect(ids).toEqual(Array.from({ length: ids.length }, (_, k) => k + 1));
      expect([acked, acked + 1]).toContain(ids.length);
      acked = ids.length;
    }
    expect((await readdir(join(dataDir, HISTORY_DIR))).filter((n) => n !== 'crash-profile.json')).toEqual([]);
  }, 90_000);
});
