// Append-only audit of every write to a server (create, delete): one JSON object per line.
// Every append starts on a fresh line, so a torn last line (a crash or a full disk mid-append) loses
// only itself; every line is validated when read, and what does not validate is skipped and counted.
import { appendFile, mkdir, open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { CHANGE_KINDS, type AuditEntry } from '@shared/domain';

export const AUDIT_FILE = 'audit.jsonl';
/** The newest records are read from at most this much of the file's end (years of writes). */
const MAX_READ_BYTES = 16 * 1024 * 1024;

const entrySchema = z.object({
  at: z.string(),
  profileId: z.string(),
  profileName: z.string(),
  orgId: z.string(),
  // Lines written before writes named their server have none.
  server: z.string().max(300).optional(),
  action: z.enum(['create', 'delete', 'run-now']),
  jobId: z.string().nullable(),
  timeExpression: z.string().nullable(),
  outcome: z.enum(['ok', 'failed', 'unknown']),
  error: z.string().nullable(),
  // Lines written before lost answers were reconciled have no resolution.
  resolution: z.string().nullable().default(null),
  // Steps of a change made of several writes (an edit, a copy, an apply) share its id.
  changeId: z.string().max(64).optional(),
  change: z.enum(CHANGE_KINDS).optional(),
}) satisfies z.ZodType<AuditEntry, unknown>;

export interface AuditRead {
  /** Newest first. */
  entries: AuditEntry[];
  /** Lines that are not a valid entry (torn, edited by hand); skipped. */
  skipped: number;
}

export interface AuditLog {
  append(entry: AuditEntry): Promise<void>;
  /** Newest first. */
  list(filter: { profileId?: string; limit?: number }): Promise<AuditEntry[]>;
  /** Like list, with the count of lines that were skipped as malformed. */
  read(filter: { profileId?: string; limit?: number }): Promise<AuditRead>;
}

export function createAuditLog(dataDir: string): AuditLog {
  const path = join(dataDir, AUDIT_FILE);
  let queue: Promise<unknown> = Promise.resolve();
  const log: AuditLog = {
    append(entry) {
      // One appendFile per line, in order; O_APPEND keeps earlier lines intact whatever happens later.
      const run = queue.then(async () => {
        await mkdir(dataDir, { recursive: true });
        const fresh = (await endsMidLine(path)) ? '\n' : '';
        // appendFile's defaults: UTF-8, O_APPEND.
        await appendFile(path, `${fresh}${JSON.stringify(entry)}\n`, { mode: 0o600 });
      });
      queue = run.catch(() => undefined);
      return run;
    },
    async list(filter) {
      return (await log.read(filter)).entries;
    },
    async read({ profileId, limit = 500 }) {
      await queue;
      let text: string;
      try {
        text = await readTail(path, MAX_READ_BYTES);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], skipped: 0 };
        throw error;
      }
      const entries: AuditEntry[] = [];
      let skipped = 0;
      for (const line of text.split('\n')) {
        if (line.trim() === '') continue;
        const parsed = entrySchema.safeParse(parseJson(line));
        if (!parsed.success) {
          skipped += 1;
          continue;
        }
        if (!profileId || parsed.data.profileId === profileId) entries.push(parsed.data);
      }
      return { entries: entries.reverse().slice(0, limit), skipped };
    },
  };
  return log;
}

/** The whole file, or its last `max` bytes from the first full line on (older records stay on disk). */
async function readTail(path: string, max: number): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size <= max) return await readFile(handle, 'utf8');
    const buffer = Buffer.alloc(max);
    const { bytesRead } = await handle.read(buffer, 0, max, size - max);
    const text = buffer.subarray(0, bytesRead).toString('utf8');
    return text.slice(text.indexOf('\n') + 1);
  } finally {
    await handle.close();
  }
}

/** The line's value, or undefined (which no record validates as) when it is not JSON. */
function parseJson(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    // not JSON
  }
}

/** True when the file exists, is not empty and its last byte is not a newline (a torn last line). */
async function endsMidLine(path: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    // Stryker disable next-line ConditionalExpression: any other error opening it fails the append that follows just the same
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    if (size === 0) return false;
    const last = Buffer.alloc(1);
    await handle.read(last, 0, 1, size - 1);
    return last[0] !== 0x0a;
  } finally {
    await handle.close();
  }
}
