// Append-only audit of every write to a server (create, delete): one JSON object per line.
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuditEntry } from '@shared/domain';

export const AUDIT_FILE = 'audit.jsonl';

export interface AuditLog {
  append(entry: AuditEntry): Promise<void>;
  /** Newest first. */
  list(filter: { profileId?: string; limit?: number }): Promise<AuditEntry[]>;
}

export function createAuditLog(dataDir: string): AuditLog {
  const path = join(dataDir, AUDIT_FILE);
  let queue: Promise<unknown> = Promise.resolve();
  return {
    append(entry) {
      // One appendFile per line, in order; O_APPEND keeps earlier lines intact whatever happens later.
      const run = queue.then(async () => {
        await mkdir(dataDir, { recursive: true });
        await appendFile(path, `${JSON.stringify(entry)}\n`, { encoding: 'utf8', mode: 0o600, flag: 'a' });
      });
      queue = run.catch(() => undefined);
      return run;
    },
    async list({ profileId, limit = 500 }) {
      await queue;
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
      const entries: AuditEntry[] = [];
      for (const line of text.split('\n')) {
        if (line.trim() === '') continue;
        try {
          const entry = JSON.parse(line) as AuditEntry;
          if (!profileId || entry.profileId === profileId) entries.push(entry);
        } catch {
          // A torn last line (crash mid-append) is skipped; the lines before it are intact.
        }
      }
      return entries.reverse().slice(0, limit);
    },
  };
}
