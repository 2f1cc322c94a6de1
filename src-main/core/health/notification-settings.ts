// Who wants desktop notifications: off until the user opts in, globally or per profile. One atomic file
// in the data folder, validated when read; an unreadable file is moved aside, reported, and read as off.
import { join } from 'node:path';
import { z } from 'zod';
import type { DataProblem, NotificationSettings } from '@shared/ipc';
import { AppFailure } from '@core/errors';
import { moveAside, readJsonFile, removeStaleTempFiles, writeJsonAtomic } from '@core/storage/json-file';

export const NOTIFICATIONS_FILE = 'notifications.json';

const fileSchema = z.object({
  settingsVersion: z.literal(1),
  enabled: z.boolean(),
  profiles: z.record(z.string(), z.boolean()),
});

export interface NotificationSettingsStore {
  get(): NotificationSettings;
  /** Whether notifications about this profile are wanted: its own switch, else the global one. */
  wants(profileId: string): boolean;
  set(change: { enabled?: boolean | undefined; profiles?: Record<string, boolean | null> | undefined }): Promise<NotificationSettings>;
}

export async function openNotificationSettings(dataDir: string, now: () => Date, onProblem: (p: DataProblem) => void): Promise<NotificationSettingsStore> {
  const path = join(dataDir, NOTIFICATIONS_FILE);
  await removeStaleTempFiles(path);
  let settings: NotificationSettings = { enabled: false, profiles: {} };
  const read = await readJsonFile(path);
  let reason: string | null = null;
  if (read.status === 'ok') {
    const parsed = fileSchema.safeParse(read.value);
    if (parsed.success) settings = { enabled: parsed.data.enabled, profiles: { ...parsed.data.profiles } };
    else reason = `invalid content at ${parsed.error.issues[0]?.path.join('.') || '(root)'}`;
  } else if (read.status === 'corrupt') reason = read.reason;
  if (reason !== null) {
    const at = now();
    const movedTo = await moveAside(path, at);
    onProblem({
      file: NOTIFICATIONS_FILE,
      movedTo,
      reason: `The notification settings could not be read (${reason}). They were kept as ${movedTo}; notifications are off until switched on again.`,
      at: at.toISOString(),
    });
  }

  let queue: Promise<unknown> = Promise.resolve();
  const copy = (): NotificationSettings => ({ enabled: settings.enabled, profiles: { ...settings.profiles } });
  return {
    get: copy,
    wants: (profileId) => settings.profiles[profileId] ?? settings.enabled,
    set(change) {
      const run = queue.then(async () => {
        const next = copy();
        if (change.enabled !== undefined) next.enabled = change.enabled;
        for (const [id, on] of Object.entries(change.profiles ?? {})) {
          if (on === null) delete next.profiles[id];
          else next.profiles[id] = on;
        }
        try {
          await writeJsonAtomic(path, { settingsVersion: 1, ...next });
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
          throw new AppFailure(
            'storage',
            `Could not save the notification settings in ${dataDir} (${code}). Check the folder is writable and the disk is not full.`,
          );
        }
        settings = next;
        return copy();
      });
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
