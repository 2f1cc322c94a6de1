// One data folder, one writer: a second core (in this process or another) waits briefly, then is refused
// with the holder's pid; a killed holder's lock is taken over.
import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import type { AppCore } from '@core/app-core';
import { call, makeCore, removeDir, tempDir } from './helpers';

const root = resolve(__dirname, '../..');
let dir: string;
const cores: AppCore[] = [];
let child: ChildProcess | null = null;

afterEach(async () => {
  child?.kill('SIGKILL');
  child = null;
  for (const c of cores.splice(0)) await c.close();
  await removeDir(dir);
});

async function refusal(promise: Promise<AppCore>): Promise<string> {
  try {
    cores.push(await promise);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the second core was not refused');
}

/** Starts the lock holder (node with tsx's loader: one process, so its pid is the holder's) once it holds the lock. */
function holdInChild(dataDir: string): Promise<ChildProcess> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'test/core/fixtures/lock-holder.ts', dataDir], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TSX_TSCONFIG_PATH: 'tsconfig.node.json' },
  });
  child = proc;
  return new Promise((done, fail) => {
    let err = '';
    proc.stderr?.on('data', (c: Buffer) => (err += c.toString()));
    proc.stdout?.on('data', (c: Buffer) => c.toString().includes('locked') && done(proc));
    proc.on('exit', (code) => fail(new Error(`lock holder exited (${code}): ${err}`)));
  });
}

describe('the data folder lock', () => {
  it('refuses a second core on the same folder, naming the holder and the folder, until the first closes', async () => {
    dir = await tempDir();
    const first = await makeCore(dir);
    cores.push(first);
    const started = Date.now();
    const message = await refusal(makeCore(dir, { lockWaitMs: 300 }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(message).toBe(
      `Another AtScale Maintenance Scheduler (pid ${process.pid}) is using ${dir}. Close it, or start this one with another data folder; two apps writing one folder would overwrite each other's profiles.`,
    );
    await first.close();
    cores.splice(0);
    const second = await makeCore(dir, { lockWaitMs: 0 });
    cores.push(second);
    expect(await call(second, 'profiles:list', {})).toEqual([]);
  });

  it('lets a waiting core in when the holder closes within the wait', async () => {
    dir = await tempDir();
    const first = await makeCore(dir);
    const waiting = makeCore(dir, { lockWaitMs: 3000 });
    setTimeout(() => void first.close(), 200);
    cores.push(await waiting);
  });

  it('refuses while another process holds it, and takes over the lock of a killed holder', async () => {
    dir = await tempDir();
    const proc = await holdInChild(dir);
    const message = await refusal(makeCore(dir, { lockWaitMs: 200, lockStaleMs: 2000 }));
    expect(message).toContain(`Another AtScale Maintenance Scheduler (pid ${proc.pid}) is using ${dir}.`);
    proc.kill('SIGKILL');
    // Its lock stops being refreshed and goes stale after 2 s; the next core takes it over.
    cores.push(await makeCore(dir, { lockWaitMs: 8000, lockStaleMs: 2000 }));
  }, 20_000);
});
