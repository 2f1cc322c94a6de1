// The last successful list per profile, so schedules can be reviewed offline. One atomic file each.
// A snapshot belongs to the server (API URL) and org it was taken from: it is only ever handed out for
// a profile that still points there, and only under the profile id written inside it. A profile moved to
// another server or org keeps the copy of where it pointed before beside it (`<id>.at-<connection>.json`,
// the latest few), so pointed back there it has that copy again rather than none.
import { createHash } from 'node:crypto';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'zod';
import type { Profile, Schedule } from '@shared/domain';
import type { DataProblem } from '@shared/ipc';
import { quote } from '@core/errors';
import { createKeyedQueue } from './keyed-queue';
import { moveAside, readJsonFile, removeStaleTempFilesIn, writeJsonAtomic } from './json-file';

/** 2 added apiUrl; version 1 files say nothing of their server and are never shown. */
const SNAPSHOT_VERSION = 2;
export const SNAPSHOTS_DIR = 'snapshots';
/** Copies of a profile's former servers and orgs kept beside its current one: the latest left are kept. */
export const MAX_FORMER_COPIES = 8;

export interface Snapshot {
  profileId: string;
  /** The API URL the list was fetched from. */
  apiUrl: string;
  orgId: string;
  fetchedAt: string;
  serverTimeZone: string;
  schedules: Schedule[];
}

const scheduleSchema = z.object({
  jobId: z.string(),
  orgId: z.string(),
  timeExpression: z.string(),
  fullBuild: z.boolean(),
  createdBy: z.string(),
  createdAt: z.string(),
  latestExecution: z.object({ id: z.string(), executedAt: z.string() }).nullable(),
  active: z.boolean().nullable(),
});
/** What says whose copy a file is, read before the whole of it. */
const headerSchema = z.object({ snapshotVersion: z.literal(SNAPSHOT_VERSION), profileId: z.string(), apiUrl: z.string(), orgId: z.string() });
const snapshotSchema = z.object({
  snapshotVersion: z.literal(SNAPSHOT_VERSION),
  profileId: z.string(),
  apiUrl: z.string(),
  orgId: z.string(),
  fetchedAt: z.string(),
  serverTimeZone: z.string(),
  schedules: z.array(scheduleSchema),
});

export interface SnapshotStore {
  save(snapshot: Snapshot): Promise<void>;
  /**
   * The profile's snapshot when it was taken from the server and org the profile points at now (its current
   * copy, or the one kept from when it last pointed there); null when there is none, it cannot be read
   * (only a missed cache), or it belongs elsewhere.
   */
  load(profile: Pick<Profile, 'id' | 'apiUrl' | 'orgId'> & { name?: string }): Promise<Snapshot | null>;
  /**
   * Where the profile's last snapshot went when it was found unreadable (torn, or not of the snapshot's
   * shape): the name it was kept as in snapshots/ (e.g. `<id>.corrupt-<time>.json`), or null when its
   * snapshot was never found unreadable since this store opened, or a newer one was saved since. When
   * the file could not even be moved aside, `movedTo` is null (the file stays, and is never overwritten).
   */
  unreadable(profileId: string): { movedTo: string | null } | null;
  /** The profile's copies, its former servers' and orgs' included. */
  remove(profileId: string): Promise<void>;
  /** Removes temp files left by interrupted writes (called once at start). */
  sweep(): Promise<void>;
}

/** Same server: URLs that differ only in case of scheme/host, a default port or a trailing slash. */
export function sameApiUrl(a: string, b: string): boolean {
  return normalizeUrl(a) === normalizeUrl(b);
}

/** A server (as sameApiUrl compares them) and org as a file-name part. */
function connectionTag(apiUrl: string, orgId: string): string {
  return createHash('sha256')
    .update(JSON.stringify([normalizeUrl(apiUrl), orgId]))
    .digest('hex')
    .slice(0, 16);
}

function normalizeUrl(url: string): string {
  try {
    // URL parsing drops leading and trailing spaces itself.
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, '')}`;
  } catch {
    return url.trim();
  }
}

export interface SnapshotStoreDeps {
  now?: () => Date;
  /** An unreadable snapshot, moved aside (or left in place when it could not be moved). */
  reportProblem?: (problem: DataProblem) => void;
}

export function createSnapshotStore(dataDir: string, deps: SnapshotStoreDeps = {}): SnapshotStore {
  const dir = join(dataDir, SNAPSHOTS_DIR);
  const now = deps.now ?? (() => new Date());
  const reportProblem = deps.reportProblem ?? (() => undefined);
  /** Profiles whose snapshot was found unreadable: where it was kept (null: it could not be moved and stays). */
  const unreadable = new Map<string, { movedTo: string | null }>();
  /** The connection (connectionTag) of each profile's current copy as last read or written. */
  const current = new Map<string, string>();
  /** Saves and removals of one profile one after another: a former copy is kept before the next is written. */
  const serial = createKeyedQueue();
  // Profile ids are generated by the app; the check keeps a hostile id from naming a path outside dir.
  const fileOf = (id: string): string => {
    if (!/^[A-Za-z0-9_-]{1,128}$/.test(id)) throw new Error(`unsafe profile id for a snapshot: ${id.slice(0, 40)}`);
    return join(dir, `${id}.json`);
  };
  /** Where the copy of a former server and org is kept. */
  const formerFileOf = (id: string, tag: string): string => join(dir, `${basename(fileOf(id), '.json')}.at-${tag}.json`);

  type Found = { kind: 'copy'; snapshot: Snapshot; tag: string } | { kind: 'none' };

  /** A snapshot file as this profile's copy of some server and org; an unreadable one is kept aside and reported. */
  async function readCopy(profile: Pick<Profile, 'id'> & { name?: string }, path: string, isCurrent: boolean): Promise<Found> {
    const read = await readJsonFile(path).catch(() => undefined);
    if (read === undefined || read.status === 'missing') return { kind: 'none' };
    if (read.status === 'corrupt') return keepAside(profile, path, read.reason, isCurrent);
    // An older format is no copy of this server's list, but nothing is wrong with it: the next save replaces it.
    if (isOlderFormat(read.value)) return { kind: 'none' };
    return copyOf(profile, read.value) ?? keepAside(profile, path, 'unexpected content', isCurrent);
  }

  /** A valid snapshot as the profile's copy (none under another profile id); null when it is not a snapshot. */
  function copyOf(profile: Pick<Profile, 'id'>, value: unknown): Found | null {
    const parsed = snapshotSchema.safeParse(value);
    if (!parsed.success) return null;
    const { snapshotVersion: _v, ...snapshot } = parsed.data;
    // A file copied or edited to hold another profile is not this profile's truth.
    if (snapshot.profileId !== profile.id) return { kind: 'none' };
    return { kind: 'copy', snapshot, tag: connectionTag(snapshot.apiUrl, snapshot.orgId) };
  }

  /** The copy of the server and org the profile points at, with every job of that org; null otherwise. */
  function ofProfile(found: Found, profile: Pick<Profile, 'apiUrl' | 'orgId'>): Snapshot | null {
    if (found.kind !== 'copy') return null;
    const { snapshot } = found;
    if (snapshot.orgId !== profile.orgId || !sameApiUrl(snapshot.apiUrl, profile.apiUrl)) return null;
    // Every job in it must be of that org too (a hand-edited file could mix in another org's jobs).
    if (snapshot.schedules.some((s) => s.orgId !== profile.orgId)) return null;
    return snapshot;
  }

  /**
   * Before the current copy is replaced by another server's or org's: it is kept as that connection's
   * former copy (written atomically, so the current file is never missing meanwhile), the oldest beyond
   * MAX_FORMER_COPIES go, and a former copy of the connection now written is superseded by it.
   */
  async function keepFormer(profileId: string, path: string, tag: string): Promise<void> {
    if (current.get(profileId) === tag) return;
    // What it cannot read it replaces, as a save always did (a load is what keeps an unreadable copy aside).
    const read = await readJsonFile(path).catch(() => undefined);
    const head = read?.status === 'ok' ? headerSchema.safeParse(read.value) : null;
    // Only the head is read first: the whole list is checked only when it is kept.
    if (read?.status === 'ok' && head?.success && head.data.profileId === profileId && connectionTag(head.data.apiUrl, head.data.orgId) !== tag) {
      const found = copyOf({ id: profileId }, read.value);
      if (found?.kind === 'copy') {
        await writeJsonAtomic(formerFileOf(profileId, found.tag), { snapshotVersion: SNAPSHOT_VERSION, ...found.snapshot });
        await pruneFormer(profileId);
      }
    }
    await rm(formerFileOf(profileId, tag), { force: true });
  }

  async function formerCopies(profileId: string): Promise<string[]> {
    const prefix = `${profileId}.at-`;
    const names = await readdir(dir).catch(() => [] as string[]);
    return names.filter((n) => n.startsWith(prefix) && /^[0-9a-f]{16}\.json$/.test(n.slice(prefix.length)));
  }

  async function pruneFormer(profileId: string): Promise<void> {
    const names = await formerCopies(profileId);
    if (names.length <= MAX_FORMER_COPIES) return;
    const dated = await Promise.all(names.map(async (n) => ({ n, at: (await stat(join(dir, n)).catch(() => null))?.mtimeMs ?? 0 })));
    dated.sort((a, b) => b.at - a.at);
    await Promise.all(dated.slice(MAX_FORMER_COPIES).map(({ n }) => rm(join(dir, n), { force: true })));
  }

  return {
    async save(snapshot) {
      const path = fileOf(snapshot.profileId);
      return serial(snapshot.profileId, async () => {
        // An unreadable file that could not be moved aside is never overwritten: it may be all there is.
        if (unreadable.get(snapshot.profileId)?.movedTo === null) {
          throw new Error(`the unreadable ${SNAPSHOTS_DIR}/${snapshot.profileId}.json could not be moved aside, so it was not overwritten`);
        }
        await mkdir(dir, { recursive: true, mode: 0o700 });
        const tag = connectionTag(snapshot.apiUrl, snapshot.orgId);
        await keepFormer(snapshot.profileId, path, tag);
        await writeJsonAtomic(path, { snapshotVersion: SNAPSHOT_VERSION, ...snapshot });
        current.set(snapshot.profileId, tag);
        unreadable.delete(snapshot.profileId);
      });
    },
    unreadable(profileId) {
      const found = unreadable.get(profileId);
      return found ? { ...found } : null;
    },
    async load(profile) {
      const path = fileOf(profile.id);
      const found = await readCopy(profile, path, true);
      if (found.kind === 'copy') current.set(profile.id, found.tag);
      const mine = ofProfile(found, profile);
      if (mine || (found.kind === 'copy' && found.tag === connectionTag(profile.apiUrl, profile.orgId))) return mine;
      // Not a copy of where it points now: the one kept from when it last pointed there, if any.
      return ofProfile(await readCopy(profile, formerFileOf(profile.id, connectionTag(profile.apiUrl, profile.orgId)), false), profile);
    },
    sweep() {
      return removeStaleTempFilesIn(dir);
    },
    async remove(profileId) {
      const path = fileOf(profileId);
      return serial(profileId, async () => {
        await rm(path, { force: true });
        await Promise.all((await formerCopies(profileId)).map((n) => rm(join(dir, n), { force: true })));
        unreadable.delete(profileId);
        current.delete(profileId);
      });
    },
  };

  /**
   * Moves an unreadable snapshot aside and reports it; the profile then has no offline copy of it. Only the
   * current copy is then never overwritten while it could not be moved (a former one is replaced by a newer).
   */
  async function keepAside(profile: { id: string; name?: string }, path: string, reason: string, isCurrent: boolean): Promise<{ kind: 'none' }> {
    const profileId = profile.id;
    const whose = profile.name === undefined ? 'An offline snapshot' : `The offline snapshot of ${quote(profile.name)}`;
    const at = now();
    let movedTo: string | null;
    try {
      movedTo = await moveAside(path, at);
    } catch (error) {
      // Another load of the same file moved it first: that one reported it.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' };
      movedTo = null;
    }
    if (isCurrent || movedTo !== null) unreadable.set(profileId, { movedTo });
    if (isCurrent) current.delete(profileId);
    reportProblem({
      file: `${SNAPSHOTS_DIR}/${basename(path)}`,
      movedTo: movedTo === null ? null : `${SNAPSHOTS_DIR}/${movedTo}`,
      reason:
        movedTo === null
          ? `${whose} could not be read (${reason}) and could not be moved aside; it was left in place${isCurrent ? ' and is not overwritten until it is moved or removed' : ''}.`
          : `${whose} could not be read (${reason}). It was kept as ${SNAPSHOTS_DIR}/${movedTo}; the next successful refresh saves a new one.`,
      at: at.toISOString(),
    });
    return { kind: 'none' };
  }
}

function isOlderFormat(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const version = (value as { snapshotVersion?: unknown }).snapshotVersion;
  return typeof version === 'number' && Number.isInteger(version) && version >= 1 && version < SNAPSHOT_VERSION;
}
