// One data folder, one writer. The app core holds a lock on its data folder for as long as it runs
// (proper-lockfile: an atomic mkdir whose mtime the holder keeps fresh). A second app, harness or
// command-line process on the same folder waits briefly, then is refused with the holder's pid; a lock
// whose holder was killed goes stale (its mtime stops moving) and is taken over.
import { hostname } from 'node:os';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { z } from 'zod';
import { AppFailure } from '@core/errors';
import { readJsonFile, writeJsonAtomic } from './json-file';

export const LOCK_DIR = 'app.lock';
/** Who holds the lock (pid, host, since), for the refusal message. Advisory; the lock is the mkdir. */
export const LOCK_OWNER_FILE = 'app.lock.owner.json';
export const DEFAULT_LOCK_WAIT_MS = 2000;
export const DEFAULT_LOCK_STALE_MS = 10_000;

export interface DataLockOptions {
  /** How long to wait for another process to let go before refusing (default 2 s). */
  waitMs?: number;
  /** A lock not refreshed for this long is a killed holder's and is taken over (default 10 s, at least 2 s). */
  staleMs?: number;
  /** The lock was lost while held (its folder removed, or taken over after the process stalled). */
  onLost?: (message: string) => void;
}

export interface DataLock {
  release(): Promise<void>;
}

export async function acquireDataLock(dataDir: string, options: DataLockOptions = {}): Promise<DataLock> {
  const waitMs = options.waitMs ?? DEFAULT_LOCK_WAIT_MS;
  const deadline = Date.now() + waitMs;
  const lockOptions = {
    lockfilePath: join(dataDir, LOCK_DIR),
    stale: options.staleMs ?? DEFAULT_LOCK_STALE_MS,
    retries: 0,
    onCompromised: (error: Error) =>
      options.onLost?.(
        `The lock on the data folder ${dataDir} was lost (${error.message}); another process may now be writing the same folder. Restart the app.`,
      ),
  };
  for (;;) {
    try {
      const release = await lockfile.lock(dataDir, lockOptions);
      await writeJsonAtomic(join(dataDir, LOCK_OWNER_FILE), { pid: process.pid, host: hostname(), since: new Date().toISOString() }).catch(() => undefined);
      // A second release is refused by proper-lockfile itself (ERELEASED), never reaching a later holder.
      return {
        async release() {
          await release().catch(() => undefined);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') {
        const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
        throw new AppFailure('storage', `The data folder ${dataDir} cannot be locked for this app (${code}). Check that it exists and is writable.`);
      }
      // Stryker disable next-line EqualityOperator: a millisecond more or less of waiting
      if (Date.now() >= deadline) throw await refusal(dataDir);
      // Stryker disable next-line MethodExpression,ArithmeticOperator: the poll interval sets only how soon within the wait a freed lock is seen
      await new Promise((resolve) => setTimeout(resolve, Math.min(100, Math.max(10, deadline - Date.now()))));
    }
  }
}

const ownerSchema = z.object({ pid: z.number().int() });

async function refusal(dataDir: string): Promise<AppFailure> {
  const read = await readJsonFile(join(dataDir, LOCK_OWNER_FILE)).catch(() => undefined);
  const owner = ownerSchema.safeParse(read?.status === 'ok' ? read.value : null);
  const pid = owner.success ? ` (pid ${owner.data.pid})` : '';
  return new AppFailure(
    'storage',
    `Another AtScale Maintenance Scheduler${pid} is using ${dataDir}. Close it, or start this one with another data folder; ` +
      "two apps writing one folder would overwrite each other's profiles.",
  );
}
