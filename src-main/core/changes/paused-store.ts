// Paused schedules: AtScale has no per-job pause, so a paused schedule lives here (one atomic JSON file in
// the data folder) while its job is deleted on the server. Written before the server delete and removed
// only after the server accepted the resume, so a crash in between never loses the schedule.
import { join } from 'node:path';
import { z } from 'zod';
import type { PausedSchedule } from '@shared/ipc/channels/changes';
import { AppFailure } from '@core/errors';
import { moveAside, readJsonFile, removeStaleTempFiles, writeJsonAtomic } from '@core/storage/json-file';

export const PAUSED_FILE = 'paused-schedules.json';
const PAUSED_VERSION = 1;

const pausedSchema = z
  .object({
    id: z.string().min(1).max(128),
    profileId: z.string().min(1).max(128),
    orgId: z.string().min(1).max(200),
    server: z.string().min(1).max(300).optional(),
    jobId: z.string().min(1).max(128),
    timeExpression: z.string().min(1).max(500),
    label: z.string().max(200).optional(),
    serverTimeZone: z.string().min(1).max(64),
    pausedAt: z.string().min(1).max(64),
    state: z.enum(['pausing', 'paused']),
  })
  .strict();
const fileSchema = z.object({ pausedVersion: z.literal(PAUSED_VERSION), paused: z.array(pausedSchema).max(100_000) }).strict();

export interface PausedStore {
  list(profileId?: string): PausedSchedule[];
  get(id: string): PausedSchedule | undefined;
  /** Why the file could not be read at start (it was kept aside), or null. */
  problem(): string | null;
  put(entry: PausedSchedule): Promise<void>;
  remove(id: string): Promise<void>;
  /** Drops every paused schedule of a profile that is being deleted (they exist nowhere else). */
  removeProfile(profileId: string): Promise<void>;
}

export async function openPausedStore(dataDir: string, now: () => Date): Promise<PausedStore> {
  const path = join(dataDir, PAUSED_FILE);
  await removeStaleTempFiles(path);
  let entries: PausedSchedule[] = [];
  let problem: string | null = null;
  const read = await readJsonFile(path);
  const reason = read.status === 'corrupt' ? read.reason : read.status === 'ok' ? invalidReason(read.value) : null;
  if (read.status === 'ok' && reason === null) entries = fileSchema.parse(read.value).paused;
  else if (reason !== null) {
    const movedTo = await moveAside(path, now());
    problem = `The paused schedules file could not be read (${reason}). It was kept as ${movedTo}; no paused schedules are listed until it is repaired.`;
  }

  let queue: Promise<unknown> = Promise.resolve();
  const write = (change: (list: PausedSchedule[]) => PausedSchedule[]): Promise<void> => {
    // Serialized: two pauses at once must not lose one another's entry.
    const run = queue.then(async () => {
      const next = change(entries.map((e) => ({ ...e })));
      try {
        await writeJsonAtomic(path, { pausedVersion: PAUSED_VERSION, paused: next });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
        throw new AppFailure(
          'storage',
          `Could not save the paused schedules in ${dataDir} (${code}). Nothing was sent to the server; check the folder is writable and the disk is not full.`,
        );
      }
      entries = next;
    });
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    list: (profileId) => entries.filter((e) => !profileId || e.profileId === profileId).map((e) => ({ ...e })),
    get: (id) => {
      const found = entries.find((e) => e.id === id);
      return found ? { ...found } : undefined;
    },
    problem: () => problem,
    put: (entry) => write((list) => [...list.filter((e) => e.id !== entry.id), entry]),
    remove: (id) => write((list) => list.filter((e) => e.id !== id)),
    removeProfile: async (profileId) => {
      if (entries.some((e) => e.profileId === profileId)) await write((list) => list.filter((e) => e.profileId !== profileId));
    },
  };
}

function invalidReason(value: unknown): string | null {
  const parsed = fileSchema.safeParse(value);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  return `${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'invalid'}`;
}
