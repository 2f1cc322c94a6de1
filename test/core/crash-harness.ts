// The crash tests' harness: a writer fixture run as a child process and SIGKILLed mid-way, many times.
// The writer takes `<dataDir> <start>` and prints the number of each write it completed, one a line.
import { spawn } from 'node:child_process';
import { basename, join, resolve } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { build } from 'vite';
import { removeDir, tempDir } from './helpers';

const root = resolve(__dirname, '../..');

export interface CrashHarness {
  /** The test file's temp folder (the bundled writer lives there too); set before the first test. */
  readonly work: string;
  /** Runs the writer until it has completed `minWrites` writes, waits a random moment, then SIGKILLs it; answers the last write acknowledged. */
  runAndKill(dataDir: string, start: number, minWrites: number): Promise<number>;
}

/**
 * A temp folder and the writer at `writer` (a .ts fixture) bundled into it, for a whole test file:
 * built before its first test, removed after its last.
 */
export function crashHarness(options: { readonly prefix: string; readonly writer: string }): CrashHarness {
  const entry = `${basename(options.writer, '.ts')}.cjs`;
  let work = '';
  let writerJs = '';

  beforeAll(async () => {
    work = await tempDir(options.prefix);
    writerJs = join(work, entry);
    // Bundled once with vite (a declared devDependency) so each child starts as plain Node, without a
    // TypeScript loader (tsx would add a second or more per kill on a loaded machine). Packages stay
    // external and resolve through NODE_PATH (see runAndKill).
    await build({
      configFile: false,
      root,
      logLevel: 'silent',
      resolve: { alias: { '@shared': resolve(root, 'src-shared'), '@core': resolve(root, 'src-main/core') } },
      build: {
        ssr: options.writer,
        outDir: work,
        emptyOutDir: false,
        minify: false,
        target: 'node20',
        rollupOptions: { output: { format: 'cjs', entryFileNames: entry } },
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

  return {
    get work() {
      if (!work) throw new Error('the crash harness is set up before the first test');
      return work;
    },
    runAndKill,
  };
}
