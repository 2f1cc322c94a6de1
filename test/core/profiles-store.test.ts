// The profiles file on disk through its store: changes one after another (none lost), nothing written when
// the step before the write refuses, a write that fails named as a storage problem with its cause, and
// copies handed out so a caller cannot change the list behind the store's back.
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Profile } from '@shared/domain';
import { openProfileStore } from '@core/profiles/profile-store';
import { profileInput, removeDir, tempDir } from './helpers';

const NOW = new Date('2026-12-01T10:00:00.000Z');
const profile = (id: string, name: string): Profile => ({
  ...profileInput({ url: 'https://atscale.example.com:10502' }, { name, orgId: id }),
  id,
  demo: false,
  createdAt: NOW.toISOString(),
  updatedAt: NOW.toISOString(),
});
const onDisk = async (dir: string): Promise<string[]> =>
  (JSON.parse(await readFile(join(dir, 'profiles.json'), 'utf8')) as { profiles: { name: string }[] }).profiles.map((p) => p.name);

let dir: string;
beforeEach(async () => {
  dir = await tempDir('profiles-store-');
});
afterEach(async () => {
  await removeDir(dir);
});

describe('changes to the list', () => {
  it('run one after another, each on the list the previous one left', async () => {
    const { store } = await openProfileStore(dir, () => NOW);
    await Promise.all(['A', 'B', 'C'].map((name) => store.update((list) => [...list, profile(name.toLowerCase(), name)])));
    expect(store.list().map((p) => p.name)).toEqual(['A', 'B', 'C']);
    expect(await onDisk(dir)).toEqual(['A', 'B', 'C']);
  });

  it('write nothing when the step before the write refuses, and the next change still runs', async () => {
    const { store } = await openProfileStore(dir, () => NOW);
    await store.update(() => [profile('a', 'A')]);
    const seen: string[][] = [];
    const refused = store.update((list) => [...list, profile('b', 'B')], {
      beforeWrite: async (next) => {
        seen.push(next.profiles.map((p) => p.name));
        throw new Error('the keychain said no');
      },
    });
    await expect(refused).rejects.toThrow('the keychain said no');
    expect(seen).toEqual([['A', 'B']]);
    expect(store.list().map((p) => p.name)).toEqual(['A']);
    expect(await onDisk(dir)).toEqual(['A']);
    await store.update((list) => [...list, profile('c', 'C')]);
    expect(await onDisk(dir)).toEqual(['A', 'C']);
  });

  it('that cannot be written are a storage problem naming the folder and the cause; the list stays as it was', async () => {
    const { store } = await openProfileStore(dir, () => NOW);
    await store.update(() => [profile('a', 'A')]);
    // A folder where the file should go: the atomic rename cannot replace it.
    await rm(join(dir, 'profiles.json'));
    await mkdir(join(dir, 'profiles.json'));
    const failed = await store.update((list) => [...list, profile('b', 'B')]).catch((error: unknown) => error);
    expect(failed).toMatchObject({
      kind: 'storage',
      message: `Could not save profiles in ${dir} (EISDIR). Check the folder is writable and the disk is not full.`,
    });
    expect(store.list().map((p) => p.name)).toEqual(['A']);
  });
});

describe('what the store hands out', () => {
  it('is a copy: changing it changes nothing in the store', async () => {
    const { store } = await openProfileStore(dir, () => NOW);
    await store.update(() => [profile('a', 'A')]);
    const listed = store.list()[0]!;
    listed.name = 'changed';
    listed.environment.label = 'changed';
    const got = store.get('a')!;
    got.environment.color = 'changed';
    store.doc().profiles[0]!.name = 'changed';
    expect(store.get('a')).toMatchObject({ name: 'A', environment: { label: 'development', color: '#2f9e44' } });
    expect(store.doc().profiles.map((p) => p.name)).toEqual(['A']);
    expect(store.get('missing')).toBeUndefined();
  });
});
