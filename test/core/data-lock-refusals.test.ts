// What a second writer on one data folder is told, in-process: refused after the default wait naming the
// holder's pid only when the owner file really carries one, a folder that cannot be locked named as such,
// a released lock free for the next, and a lock lost while held reported.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { acquireDataLock, LOCK_DIR, LOCK_OWNER_FILE, type DataLock } from '@core/storage/data-lock';
import { removeDir, tempDir } from './helpers';

let dir: string;
const held: DataLock[] = [];
beforeEach(async () => {
  dir = await tempDir('data-lock-');
});
afterEach(async () => {
  for (const lock of held.splice(0)) await lock.release();
  await removeDir(dir);
});

async function hold(options: Parameters<typeof acquireDataLock>[1] = {}): Promise<DataLock> {
  const lock = await acquireDataLock(dir, options);
  held.push(lock);
  return lock;
}
const refused = (pid: string): string =>
  `Another AtScale Maintenance Scheduler${pid} is using ${dir}. Close it, or start this one with another data folder; two apps writing one folder would overwrite each other's profiles.`;

describe('a second writer on the data folder', () => {
  it('waits the default two seconds before it is refused, as a storage problem naming this process', async () => {
    await hold();
    const started = Date.now();
    await expect(acquireDataLock(dir)).rejects.toMatchObject({ kind: 'storage', message: refused(` (pid ${process.pid})`) });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
  });

  it('names the pid only when the owner file carries a whole number', async () => {
    await hold();
    const owner = join(dir, LOCK_OWNER_FILE);
    for (const [text, pid] of [
      ['{"pid": 4242, "host": "elsewhere"}', ' (pid 4242)'],
      ['{"pid": "4242"}', ''],
      ['{"pid": 42.5}', ''],
      ['null', ''],
      ['"4242"', ''],
      ['{"pid": 42', ''],
    ] as const) {
      await writeFile(owner, text);
      await expect(acquireDataLock(dir, { waitMs: 0 }), text).rejects.toMatchObject({ kind: 'storage', message: refused(pid) });
    }
    await rm(owner);
    await expect(acquireDataLock(dir, { waitMs: 0 })).rejects.toMatchObject({ message: refused('') });
    await mkdir(owner);
    await expect(acquireDataLock(dir, { waitMs: 0 })).rejects.toMatchObject({ message: refused('') });
  });

  it('gets in once the holder released, and a second release by the old holder does not free it', async () => {
    const first = await acquireDataLock(dir, { waitMs: 0 });
    await first.release();
    await hold({ waitMs: 0 });
    await first.release();
    await expect(acquireDataLock(dir, { waitMs: 0 })).rejects.toMatchObject({ message: refused(` (pid ${process.pid})`) });
  });
});

describe('a data folder that cannot be locked', () => {
  it('is named with the cause, not blamed on another app', async () => {
    const gone = join(dir, 'not-there');
    await expect(acquireDataLock(gone, { waitMs: 500 })).rejects.toMatchObject({
      kind: 'storage',
      message: `The data folder ${gone} cannot be locked for this app (ENOENT). Check that it exists and is writable.`,
    });
  });
});

describe('a lock lost while held', () => {
  it('is reported with the folder and what to do', async () => {
    const lost: string[] = [];
    await hold({ staleMs: 2000, onLost: (message) => lost.push(message) });
    await rm(join(dir, LOCK_DIR), { recursive: true });
    await vi.waitFor(() => expect(lost).toHaveLength(1), { timeout: 8000, interval: 50 });
    expect(lost[0]).toMatch(/^The lock on the data folder .+ was lost \(.+\); another process may now be writing the same folder\. Restart the app\.$/);
    expect(lost[0]).toContain(` ${dir} `);
  });
});
