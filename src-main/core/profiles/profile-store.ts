// Profiles on disk: one JSON file, versioned, written atomically, changes serialized in one queue.
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Profile } from '@shared/domain';
import type { DataProblem } from '@shared/ipc';
import { moveAside, readJsonFile, removeStaleTempFiles, writeJsonAtomic } from '@core/storage/json-file';
import { PROFILES_FILE, PROFILES_SCHEMA_VERSION, parseProfilesFile, type ProfilesFile } from './profile-file';
import { AppFailure, quote } from '@core/errors';

export interface ProfileStore {
  list(): Profile[];
  get(id: string): Profile | undefined;
  /** Applies `change` to the current list and persists the result before resolving. */
  update(change: (profiles: Profile[]) => Profile[]): Promise<Profile[]>;
}

export interface OpenedProfileStore {
  store: ProfileStore;
  /** Set when the file was unreadable: it was moved aside, and the app starts with no profiles. */
  problem: DataProblem | null;
}

export async function openProfileStore(dataDir: string, now: () => Date): Promise<OpenedProfileStore> {
  const path = join(dataDir, PROFILES_FILE);
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  await removeStaleTempFiles(path);
  let profiles: Profile[] = [];
  let problem: DataProblem | null = null;
  const read = await readJsonFile(path);
  if (read.status === 'ok') {
    const parsed = parseProfilesFile(read.value);
    if (parsed.ok) {
      profiles = parsed.file.profiles;
      if (parsed.migratedFrom !== null) {
        // The original stays next to it, in case the user goes back to the older app version.
        await copyFile(path, join(dataDir, `profiles.v${parsed.migratedFrom}-backup.json`));
        await writeJsonAtomic(path, parsed.file);
      }
    } else problem = await keepAside(path, parsed.reason, now());
  } else if (read.status === 'corrupt') problem = await keepAside(path, read.reason, now());

  let queue: Promise<unknown> = Promise.resolve();
  const store: ProfileStore = {
    list: () => profiles.map((p) => ({ ...p, environment: { ...p.environment } })),
    get: (id) => {
      const p = profiles.find((x) => x.id === id);
      return p ? { ...p, environment: { ...p.environment } } : undefined;
    },
    update: (change) => {
      // Serialized: two handlers changing profiles at once must not lose one another's change.
      const run = queue.then(async () => {
        const next = change(store.list());
        const file: ProfilesFile = { schemaVersion: PROFILES_SCHEMA_VERSION, profiles: next };
        try {
          await writeJsonAtomic(path, file);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
          throw new AppFailure('storage', `Could not save profiles in ${dataDir} (${code}). Check the folder is writable and the disk is not full.`);
        }
        profiles = next;
        return store.list();
      });
      queue = run.catch(() => undefined);
      return run;
    },
  };
  return { store, problem };
}

async function keepAside(path: string, reason: string, at: Date): Promise<DataProblem> {
  const movedTo = await moveAside(path, at);
  return {
    file: PROFILES_FILE,
    movedTo,
    reason: `The profiles file could not be read (${reason}). It was kept as ${movedTo}; the app started with no profiles.`,
    at: at.toISOString(),
  };
}

/** The profile with this id, or a not-found error that says what to do. */
export function requireProfile(profiles: Pick<ProfileStore, 'get'>, id: string): Profile {
  const profile = profiles.get(id);
  if (!profile) throw new AppFailure('not-found', `There is no profile with id ${quote(id)}; it may have been deleted. Pick a profile from the list.`);
  return profile;
}
