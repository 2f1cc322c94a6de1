// The offline copy on disk: handed out only for the profile id, server and org it was taken from, with
// every job of that org; anything else (missing, torn, an older format, copied, mixed) is no copy at all.
// A former server's or org's copy is kept beside it (the latest few) and handed out when the profile points there again.
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSnapshotStore, MAX_FORMER_COPIES, sameApiUrl, SNAPSHOTS_DIR, type Snapshot } from '@core/storage/snapshot-store';
import type { DataProblem } from '@shared/ipc';
import type { Schedule } from '@shared/domain';
import { removeDir, tempDir } from './helpers';

let dir: string;
beforeEach(async () => {
  dir = await tempDir('snapshots-');
});
afterEach(async () => {
  await removeDir(dir);
});

const job = (jobId: string, orgId = 'default'): Schedule => ({
  jobId,
  orgId,
  timeExpression: '0 0 1 ? * MON *',
  fullBuild: false,
  createdBy: 'admin',
  createdAt: '2026-11-01T00:00:00.000Z',
  latestExecution: null,
  active: true,
});
const snapshot: Snapshot = {
  profileId: 'p1',
  apiUrl: 'https://atscale.example.com:10502/engine',
  orgId: 'default',
  fetchedAt: '2026-11-30T10:00:00.000Z',
  serverTimeZone: 'UTC',
  schedules: [job('j1'), job('j2')],
};
const profile = { id: 'p1', apiUrl: snapshot.apiUrl, orgId: 'default' };
const file = (id = 'p1'): string => join(dir, SNAPSHOTS_DIR, `${id}.json`);
const writeRaw = async (value: unknown, id = 'p1'): Promise<void> => {
  await mkdir(join(dir, SNAPSHOTS_DIR), { recursive: true });
  await writeFile(file(id), typeof value === 'string' ? value : JSON.stringify(value));
};

describe('the offline copy', () => {
  it('comes back for the profile that points where it was taken, whatever the URL spelling', async () => {
    const store = createSnapshotStore(dir);
    await store.save(snapshot);
    expect(JSON.parse(await readFile(file(), 'utf8'))).toEqual({ snapshotVersion: 2, ...snapshot });
    expect(await store.load(profile)).toEqual(snapshot);
    expect(await store.load({ ...profile, apiUrl: 'HTTPS://ATSCALE.example.com:10502/engine//' })).toEqual(snapshot);
  });

  it('is none when missing, torn, of an older format, or not readable', async () => {
    const store = createSnapshotStore(dir);
    expect(await store.load(profile)).toBeNull();
    await writeRaw('{"snapshotVersion": 2, "profileId": "p1"');
    expect(await store.load(profile)).toBeNull();
    const { apiUrl: _a, ...v1 } = snapshot;
    await writeRaw({ snapshotVersion: 1, ...v1 });
    expect(await store.load(profile)).toBeNull();
    await removeDir(file());
    await mkdir(file());
    expect(await store.load(profile)).toBeNull();
  });

  it('is none for another server, another org, or under another profile id', async () => {
    const store = createSnapshotStore(dir);
    await store.save(snapshot);
    expect(await store.load({ ...profile, apiUrl: 'https://atscale.example.com:10503/engine' })).toBeNull();
    expect(await store.load({ ...profile, apiUrl: 'https://atscale.example.com:10502/other' })).toBeNull();
    expect(await store.load({ ...profile, orgId: 'sales' })).toBeNull();
    await writeRaw({ snapshotVersion: 2, ...snapshot }, 'p2');
    expect(await store.load({ ...profile, id: 'p2' })).toBeNull();
  });

  it('is none for another org even when it holds no jobs', async () => {
    const store = createSnapshotStore(dir);
    await store.save({ ...snapshot, schedules: [] });
    expect(await store.load({ ...profile, orgId: 'sales' })).toBeNull();
    expect(await store.load(profile)).toEqual({ ...snapshot, schedules: [] });
  });

  it('is written again and again in an owner-only folder, removed once gone, and its leftovers swept', async () => {
    const store = createSnapshotStore(dir);
    await store.save(snapshot);
    await store.save({ ...snapshot, fetchedAt: '2026-12-01T00:00:00.000Z' });
    expect((await store.load(profile))?.fetchedAt).toBe('2026-12-01T00:00:00.000Z');
    expect((await stat(join(dir, SNAPSHOTS_DIR))).mode & 0o777).toBe(0o700);
    await writeFile(`${file()}.12345`, '{');
    await store.sweep();
    expect(await readdir(join(dir, SNAPSHOTS_DIR))).toEqual(['p1.json']);
    await store.remove('p1');
    await expect(store.remove('p1')).resolves.toBeUndefined();
    expect(await store.load(profile)).toBeNull();
  });

  it('is none when a job of another org was mixed in', async () => {
    await writeRaw({ snapshotVersion: 2, ...snapshot, schedules: [job('j1'), job('j9', 'sales')] });
    expect(await createSnapshotStore(dir).load(profile)).toBeNull();
  });

  it('refuses a profile id that would name a path outside its folder', async () => {
    const store = createSnapshotStore(dir);
    for (const id of ['../p1', 'p1/..', '', 'x'.repeat(129)]) {
      await expect(store.load({ ...profile, id }), id).rejects.toMatchObject({ message: `unsafe profile id for a snapshot: ${id.slice(0, 40)}` });
    }
    await expect(store.save({ ...snapshot, profileId: 'a'.repeat(128) })).resolves.toBeUndefined();
    await store.remove('a'.repeat(128));
    expect(await store.load({ ...profile, id: 'a'.repeat(128) })).toBeNull();
  });
});

describe('the same server', () => {
  it('ignores case of scheme and host, a default port, trailing slashes and spaces; not the path or port', () => {
    expect(sameApiUrl(' https://AtScale.example.com:443/engine/ ', 'https://atscale.example.com/engine')).toBe(true);
    expect(sameApiUrl('http://h:80/', 'http://h')).toBe(true);
    expect(sameApiUrl('http://h/a/b', 'http://h/ab')).toBe(false);
    expect(sameApiUrl('http://h:8080', 'http://h')).toBe(false);
    expect(sameApiUrl('http://h/A', 'http://h/a')).toBe(false);
    // What is not a URL is compared as typed, less surrounding spaces.
    expect(sameApiUrl('  not a url ', 'not a url')).toBe(true);
    expect(sameApiUrl('not a url', 'not an url')).toBe(false);
  });
});

describe('the copies of former servers and orgs', () => {
  const onB = { ...snapshot, apiUrl: 'https://other.example.com:10502', fetchedAt: '2026-12-01T00:00:00.000Z', schedules: [job('b1')] };
  const profileOnB = { ...profile, apiUrl: onB.apiUrl };
  const formers = async (id = 'p1'): Promise<string[]> => (await readdir(join(dir, SNAPSHOTS_DIR))).filter((n) => n.startsWith(`${id}.at-`));

  it("are kept when the profile's copy is replaced by another server's or org's, and handed out only for that one", async () => {
    const store = createSnapshotStore(dir);
    await store.save(snapshot);
    await store.save(onB);
    expect(await store.load(profileOnB)).toEqual(onB);
    expect(await store.load(profile)).toEqual(snapshot);
    expect(await store.load({ ...profile, orgId: 'sales' })).toBeNull();
    expect(await formers()).toHaveLength(1);
    // A fresh store (a restart) finds them too, and a save for the first server again supersedes its kept copy.
    const again = createSnapshotStore(dir);
    expect(await again.load(profile)).toEqual(snapshot);
    await again.save({ ...snapshot, fetchedAt: '2026-12-02T00:00:00.000Z' });
    expect((await again.load(profile))?.fetchedAt).toBe('2026-12-02T00:00:00.000Z');
    expect(await again.load(profileOnB)).toEqual(onB);
    expect(await formers()).toHaveLength(1);
    await again.save({ ...snapshot, orgId: 'sales', schedules: [job('s1', 'sales')] });
    expect(await formers()).toHaveLength(2);
    await again.remove('p1');
    expect(await readdir(join(dir, SNAPSHOTS_DIR))).toEqual([]);
  });

  it(`are at most ${MAX_FORMER_COPIES}: the ones left longest ago go first`, async () => {
    const store = createSnapshotStore(dir);
    const on = (n: number): Snapshot => ({ ...snapshot, apiUrl: `https://s${n}.example.com:10502` });
    for (let n = 0; n <= MAX_FORMER_COPIES + 2; n++) await store.save(on(n));
    expect(await formers()).toHaveLength(MAX_FORMER_COPIES);
    expect(await store.load({ ...profile, apiUrl: on(0).apiUrl })).toBeNull();
    expect(await store.load({ ...profile, apiUrl: on(MAX_FORMER_COPIES + 1).apiUrl })).toEqual(on(MAX_FORMER_COPIES + 1));
  });

  it('that cannot be read are kept aside and reported, and one copied from another profile is none', async () => {
    const problems: DataProblem[] = [];
    const store = createSnapshotStore(dir, { now: () => new Date('2026-12-03T00:00:00.000Z'), reportProblem: (p) => problems.push(p) });
    await store.save(snapshot);
    await store.save(onB);
    const [former] = await formers();
    await writeFile(join(dir, SNAPSHOTS_DIR, former!), '{"snapshotVersion": 2, "prof');
    expect(await store.load(profile)).toBeNull();
    expect(problems.map((p) => [p.file, p.movedTo])).toEqual([
      [`${SNAPSHOTS_DIR}/${former}`, `${SNAPSHOTS_DIR}/${former!.replace('.json', '')}.corrupt-2026-12-03T00-00-00-000Z.json`],
    ]);
    expect(store.unreadable('p1')?.movedTo).toMatch(/corrupt/);
    // The current copy is not held back by it.
    await store.save({ ...onB, fetchedAt: '2026-12-04T00:00:00.000Z' });
    expect((await store.load(profileOnB))?.fetchedAt).toBe('2026-12-04T00:00:00.000Z');

    await store.save({ ...snapshot, profileId: 'p2' });
    await store.save({ ...onB, profileId: 'p2' });
    const [copied] = await formers('p2');
    await writeFile(join(dir, SNAPSHOTS_DIR, copied!.replace('p2', 'p1')), JSON.stringify({ snapshotVersion: 2, ...snapshot, profileId: 'p2' }));
    expect(await store.load(profile)).toBeNull();
  });
});
