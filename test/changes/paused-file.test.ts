// The paused schedules file across the ways a data folder goes wrong, on real files: a temporary file left
// by an interrupted write is swept at start, a file that is not JSON is kept aside naming why, one failed
// write does not block the writes after it, and what the store hands out cannot change what it keeps.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PausedSchedule } from '@shared/ipc/channels/changes';
import { openPausedStore, PAUSED_FILE } from '@core/changes/paused-store';
import { removeDir, tempDir } from '../core/helpers';

const NOW = new Date('2026-12-01T10:00:00.000Z');
const entry = (id: string, profileId = 'p1'): PausedSchedule => ({
  id,
  profileId,
  orgId: 'default',
  jobId: `job-${id}`,
  timeExpression: '0 0 4 ? * *',
  serverTimeZone: 'UTC',
  pausedAt: NOW.toISOString(),
  state: 'paused',
});
const onDisk = async () => (JSON.parse(await readFile(join(dir, PAUSED_FILE), 'utf8')) as { paused: PausedSchedule[] }).paused.map((e) => e.id);

let dir: string;
beforeEach(async () => {
  dir = await tempDir('paused-file-');
});
afterEach(async () => {
  await removeDir(dir);
});

describe('the paused schedules file', () => {
  it('at start loses the temporary file of an interrupted write and keeps what was saved', async () => {
    const store = await openPausedStore(dir, () => NOW);
    await store.put(entry('a'));
    await writeFile(join(dir, `${PAUSED_FILE}.12345`), '{"pausedVersion":1,"paus');
    const again = await openPausedStore(dir, () => NOW);
    expect(await readdir(dir)).toEqual([PAUSED_FILE]);
    expect(again.list().map((e) => e.id)).toEqual(['a']);
  });

  it('that is not JSON is kept aside, saying why, and nothing is listed', async () => {
    await writeFile(join(dir, PAUSED_FILE), '{"pausedVersion":1,');
    const store = await openPausedStore(dir, () => NOW);
    expect(store.problem()).toMatch(
      /^The paused schedules file could not be read \(not valid JSON \(\S.*\)\)\. It was kept as paused-schedules\.corrupt-2026-12-01T10-00-00-000Z\.json; no paused schedules are listed until it is repaired\.$/,
    );
    expect(store.list()).toEqual([]);
    expect((await readdir(dir)).sort()).toEqual(['paused-schedules.corrupt-2026-12-01T10-00-00-000Z.json']);
  });

  it('takes the next write once the folder is writable again after one failed', async () => {
    const store = await openPausedStore(dir, () => NOW);
    await store.put(entry('a'));
    await rm(join(dir, PAUSED_FILE));
    await mkdir(join(dir, PAUSED_FILE));
    await expect(store.put(entry('b'))).rejects.toMatchObject({ kind: 'storage' });
    await rm(join(dir, PAUSED_FILE), { recursive: true });
    await store.put(entry('c'));
    expect(await onDisk()).toEqual(['a', 'c']);
    expect(store.list().map((e) => e.id)).toEqual(['a', 'c']);
  });

  it('keeps its entries as they were saved whatever a caller does with what it was handed', async () => {
    const store = await openPausedStore(dir, () => NOW);
    await store.put(entry('a'));
    const listed = store.list()[0]!;
    listed.timeExpression = 'changed';
    const got = store.get('a')!;
    got.state = 'pausing';
    await store.put(entry('b'));
    expect(store.get('a')).toEqual(entry('a'));
    expect(store.list('p1')).toEqual([entry('a'), entry('b')]);
    expect(store.list('p2')).toEqual([]);
  });
});
