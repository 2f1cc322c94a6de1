// The paused schedules file on its own, on real files: entries kept per profile across a restart, writes
// one after another (two pauses at once keep both), a write that fails named with its cause (and the next
// write taken once the folder is writable again), a file that cannot be read kept aside with the place of
// what is wrong, and the temporary file of an interrupted write swept at start.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PausedSchedule } from '@shared/ipc/channels/changes';
import { openPausedStore, PAUSED_FILE } from '@core/changes/paused-store';
import { removeDir, tempDir } from '../core/helpers';

const NOW = new Date('2026-12-01T10:00:00.000Z');
const entry = (id: string, profileId: string, fields: Partial<PausedSchedule> = {}): PausedSchedule => ({
  id,
  profileId,
  orgId: 'default',
  jobId: `job-${id}`,
  timeExpression: '0 0 4 ? * *',
  serverTimeZone: 'UTC',
  pausedAt: NOW.toISOString(),
  state: 'paused',
  ...fields,
});

const idsOnDisk = async () => (JSON.parse(await readFile(join(dir, PAUSED_FILE), 'utf8')) as { paused: PausedSchedule[] }).paused.map((e) => e.id);

let dir: string;
beforeEach(async () => {
  dir = await tempDir('paused-store-');
});
afterEach(async () => {
  await removeDir(dir);
});

describe('paused schedules', () => {
  it('are kept per profile across a restart; two pauses at once keep both', async () => {
    const store = await openPausedStore(dir, () => NOW);
    await Promise.all([store.put(entry('a', 'p1', { label: 'Nightly' })), store.put(entry('b', 'p2')), store.put(entry('c', 'p1'))]);
    await store.put(entry('a', 'p1', { label: 'Nightly', state: 'pausing' }));
    const again = await openPausedStore(dir, () => NOW);
    expect(again.problem()).toBeNull();
    expect(again.list('p1').map((e) => [e.id, e.label ?? null, e.state])).toEqual([
      ['c', null, 'paused'],
      ['a', 'Nightly', 'pausing'],
    ]);
    expect(again.list().map((e) => e.id)).toEqual(['b', 'c', 'a']);
    expect(again.get('b')).toEqual(entry('b', 'p2'));
    expect(again.get('nope')).toBeUndefined();
  });

  it('of a profile being deleted go with it, and only they; nothing is written when it had none', async () => {
    const store = await openPausedStore(dir, () => NOW);
    await store.removeProfile('p1');
    expect(await readdir(dir)).toEqual([]);
    await store.put(entry('a', 'p1'));
    await store.put(entry('b', 'p2'));
    await store.removeProfile('p1');
    expect(store.list().map((e) => e.id)).toEqual(['b']);
    await store.remove('b');
    expect(JSON.parse(await readFile(join(dir, PAUSED_FILE), 'utf8'))).toEqual({ pausedVersion: 1, paused: [] });
  });

  it('that cannot be written are refused as a storage problem, saying nothing was sent', async () => {
    const store = await openPausedStore(dir, () => NOW);
    await store.put(entry('a', 'p1'));
    await rm(join(dir, PAUSED_FILE));
    await mkdir(join(dir, PAUSED_FILE));
    expect(await store.put(entry('b', 'p1')).catch((error: unknown) => error)).toMatchObject({
      kind: 'storage',
      message: `Could not save the paused schedules in ${dir} (EISDIR). Nothing was sent to the server; check the folder is writable and the disk is not full.`,
    });
    expect(store.list().map((e) => e.id)).toEqual(['a']);
  });

  it('leave one at a time, and a profile without any is deleted even when the file cannot be written', async () => {
    const store = await openPausedStore(dir, () => NOW);
    await store.put(entry('a', 'p1'));
    await store.put(entry('b', 'p2'));
    await store.remove('a');
    expect(await idsOnDisk()).toEqual(['b']);
    await rm(join(dir, PAUSED_FILE));
    await mkdir(join(dir, PAUSED_FILE));
    await store.removeProfile('p1');
    expect(store.list().map((e) => e.id)).toEqual(['b']);
  });

  it('take the next write once the folder is writable again after one failed', async () => {
    const store = await openPausedStore(dir, () => NOW);
    await store.put(entry('a', 'p1'));
    await rm(join(dir, PAUSED_FILE));
    await mkdir(join(dir, PAUSED_FILE));
    await expect(store.put(entry('b', 'p1'))).rejects.toMatchObject({ kind: 'storage' });
    await rm(join(dir, PAUSED_FILE), { recursive: true });
    await store.put(entry('c', 'p1'));
    expect(await idsOnDisk()).toEqual(['a', 'c']);
    expect(store.list().map((e) => e.id)).toEqual(['a', 'c']);
  });

  it('stay as they were saved whatever a caller does with what it was handed', async () => {
    const store = await openPausedStore(dir, () => NOW);
    await store.put(entry('a', 'p1'));
    store.list()[0]!.timeExpression = 'changed';
    store.get('a')!.state = 'pausing';
    await store.put(entry('b', 'p1'));
    expect(store.get('a')).toEqual(entry('a', 'p1'));
    expect(store.list('p1')).toEqual([entry('a', 'p1'), entry('b', 'p1')]);
    expect(store.list('p2')).toEqual([]);
  });

  it('lose the temporary file of an interrupted write at start and keep what was saved', async () => {
    const store = await openPausedStore(dir, () => NOW);
    await store.put(entry('a', 'p1'));
    await writeFile(join(dir, `${PAUSED_FILE}.12345`), '{"pausedVersion":1,"paus');
    const again = await openPausedStore(dir, () => NOW);
    expect(await readdir(dir)).toEqual([PAUSED_FILE]);
    expect(again.list().map((e) => e.id)).toEqual(['a']);
  });
});

describe('a paused schedules file that cannot be read', () => {
  it('because it is not JSON is kept aside, saying why, and nothing is listed', async () => {
    await writeFile(join(dir, PAUSED_FILE), '{"pausedVersion":1,');
    const store = await openPausedStore(dir, () => NOW);
    expect(store.problem()).toMatch(
      /^The paused schedules file could not be read \(not valid JSON \(\S.*\)\)\. It was kept as paused-schedules\.corrupt-2026-12-01T10-00-00-000Z\.json; no paused schedules are listed until it is repaired\.$/,
    );
    expect(store.list()).toEqual([]);
    expect(await readdir(dir)).toEqual(['paused-schedules.corrupt-2026-12-01T10-00-00-000Z.json']);
  });

  it.each([
    ['an entry of the wrong shape', { pausedVersion: 1, paused: [{ ...entry('a', 'p1'), jobId: '' }] }, 'paused.0.jobId: '],
    ['another version', { pausedVersion: 2, paused: [] }, 'pausedVersion: '],
    ['not an object', [1, 2], 'file: '],
  ])('with %s is kept aside, naming the place', async (_label, content, place) => {
    await writeFile(join(dir, PAUSED_FILE), JSON.stringify(content));
    const store = await openPausedStore(dir, () => NOW);
    const movedTo = 'paused-schedules.corrupt-2026-12-01T10-00-00-000Z.json';
    expect(store.problem()).toMatch(
      new RegExp(
        `^The paused schedules file could not be read \\(${place.replace(/\./g, '\\.')}\\S.*\\)\\. It was kept as ${movedTo.replace(/\./g, '\\.')}; no paused schedules are listed until it is repaired\\.$`,
      ),
    );
    expect(store.list()).toEqual([]);
    expect(JSON.parse(await readFile(join(dir, movedTo), 'utf8'))).toEqual(content);
  });

  it('quotes the first problem in the words of the check that found it', async () => {
    await writeFile(join(dir, PAUSED_FILE), JSON.stringify({ pausedVersion: 2, paused: [] }));
    const store = await openPausedStore(dir, () => NOW);
    expect(store.problem()).toMatch(/^The paused schedules file could not be read \(pausedVersion: Invalid input: expected 1\)\./);
  });
});
