// Profiles on disk: one JSON file, versioned, written atomically, changes serialized in one queue. The
// file keeps servers and the orgs on them (server-model.ts); callers read and change the flat,
// resolved profiles, and the store finds or creates each profile's server on every write.
import { randomUUID } from 'node:crypto';
import { constants, copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Profile } from '@shared/domain';
import type { DataProblem } from '@shared/ipc';
import { moveAside, readJsonFile, removeStaleTempFiles, writeJsonAtomic } from '@core/storage/json-file';
import { PROFILES_FILE, PROFILES_SCHEMA_VERSION, parseProfilesFile, type ProfilesFile } from './profile-file';
import { EMPTY_DOC, factorize, resolveAll, type ProfilesDoc } from './server-model';
import { AppFailure, quote } from '@core/errors';

export interface ProfileStore {
  list(): Profile[];
  get(id: string): Profile | undefined;
  /** The servers and stored profiles as on disk (copies). */
  doc(): ProfilesDoc;
  /**
   * Applies `change` to the current list and persists the result before resolving. `beforeWrite` sees
   * the servers and profiles about to be written (e.g. to store a secret under the server first).
   */
  update(change: (profiles: Profile[]) => Profile[], options?: { beforeWrite?: (next: ProfilesDoc) => Promise<void> }): Promise<Profile[]>;
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
  let doc: ProfilesDoc = EMPTY_DOC;
  let profiles: Profile[] = [];
  let problem: DataProblem | null = null;
  const read = await readJsonFile(path);
  if (read.status === 'ok') {
    const parsed = parseProfilesFile(read.value);
    if (parsed.ok) {
      doc = { servers: parsed.file.servers, profiles: parsed.file.profiles };
      profiles = resolveAll(doc);
      if (parsed.migratedFrom !== null) {
        // The original stays next to it, in case the user goes back to the older app version; a backup
        // that exists is never replaced (it is the oldest copy there is).
        await copyFile(path, join(dataDir, `profiles.v${parsed.migratedFrom}-backup.json`), constants.COPYFILE_EXCL).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'EEXIST') throw error;
        });
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
    doc: () => structuredClone(doc),
    update: (change, options) => {
      // Serialized: two handlers changing profiles at once must not lose one another's change.
      const run = queue.then(async () => {
        const nextDoc = factorize(change(store.list()), doc, now().toISOString(), randomUUID);
        await options?.beforeWrite?.(structuredClone(nextDoc));
        const file: ProfilesFile = { schemaVersion: PROFILES_SCHEMA_VERSION, ...nextDoc };
        try {
          await writeJsonAtomic(path, file);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
          throw new AppFailure('storage', `Could not save profiles in ${dataDir} (${code}). Check the folder is writable and the disk is not full.`);
        }
        doc = nextDoc;
        profiles = resolveAll(nextDoc);
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
    reason: `The profiles file could not be read (${reason}). It was kept as ${movedTo} in the data folder, and the app started with no profiles. To bring them back, repair that file and import it with Import profiles.`,
    at: at.toISOString(),
  };
}

/** The profile with this id, or a not-found error that says what to do. */
export function requireProfile(profiles: Pick<ProfileStore, 'get'>, id: string): Profile {
  const profile = profiles.get(id);
  if (!profile) throw new AppFailure('not-found', `There is no profile with id ${quote(id)}; it may have been deleted. Pick a profile from the list.`);
  return profile;
}
