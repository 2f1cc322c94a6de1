// Health's own files failing never costs the user what the server said: a history folder that cannot be
// written still judges each schedule by the list, and notification settings that cannot be saved say
// where and why, keeping the settings as they were.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HISTORY_DIR } from '@core/health/history-store';
import { call, callFails, tempDir } from '../core/helpers';
import { DAILY_JOB, world, type World } from './setup';

let w: World | undefined;
afterEach(async () => {
  await w?.close();
  w = undefined;
});

const TODAY_04 = new Date(Date.parse('2026-11-28T04:00:00.000Z')).toISOString();

describe("health's local files failing", () => {
  it('a history folder that cannot be written still judges each schedule by the list', async () => {
    const dir = await tempDir('health-core-');
    await writeFile(join(dir, HISTORY_DIR), 'a file where the folder should be');
    w = await world({ dir });
    const list = await call(w.core, 'schedules:list', { profileId: w.profileId });
    expect(list.source).toBe('live');
    expect(list.schedules.find((s) => s.jobId === DAILY_JOB)?.health).toEqual({ verdict: 'on-time', expectedAt: TODAY_04, executedAt: TODAY_04 });
  });

  it('notification settings that cannot be saved say where and why, and stay as they were', async () => {
    w = await world();
    await call(w.core, 'notifications:set', { enabled: true, profiles: { [w.profileId]: false } });
    // A folder where the file goes: the atomic rename onto it fails.
    await rm(join(w.dir, 'notifications.json'));
    await mkdir(join(w.dir, 'notifications.json'));
    const error = await callFails(w.core, 'notifications:set', { enabled: false });
    expect(error.kind).toBe('storage');
    expect(error.message).toMatch(/^Could not save the notification settings in .+ \(E[A-Z]+\)\. Check the folder is writable and the disk is not full\.$/);
    expect(await call(w.core, 'notifications:get', {})).toEqual({ enabled: true, profiles: { [w.profileId]: false } });
  });
});
