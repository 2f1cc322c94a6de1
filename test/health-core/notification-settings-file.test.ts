// The notification settings file as found on disk: a well-formed one is read back as saved; one of the
// wrong shape is moved aside and reported with where it is wrong, and reads as off; a folder that cannot
// be written refuses the change with the reason and keeps the settings as they were.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DataProblem } from '@shared/ipc';
import { NOTIFICATIONS_FILE, openNotificationSettings } from '@core/health/notification-settings';
import { removeDir, tempDir } from '../core/helpers';

const NOW = new Date('2026-11-28T12:00:00.000Z');
let dir: string | undefined;
afterEach(async () => {
  if (dir) await removeDir(dir);
  dir = undefined;
});

async function open(content: string | null) {
  dir = await tempDir('notify-settings-');
  if (content !== null) await writeFile(join(dir, NOTIFICATIONS_FILE), content);
  const problems: DataProblem[] = [];
  const store = await openNotificationSettings(
    dir,
    () => NOW,
    (p) => problems.push(p),
  );
  return { store, problems, dir };
}

describe('the notification settings file', () => {
  it('reads back what was saved: the global switch and each profile’s own', async () => {
    const { store, problems } = await open(JSON.stringify({ settingsVersion: 1, enabled: false, profiles: { a: true, b: false } }));
    expect(problems).toEqual([]);
    expect(store.get()).toEqual({ enabled: false, profiles: { a: true, b: false } });
    expect([store.wants('a'), store.wants('b'), store.wants('c')]).toEqual([true, false, false]);
  });

  it.each([
    ['a field of the wrong type', { settingsVersion: 1, enabled: 'yes', profiles: {} }, 'invalid content at enabled'],
    ['a profile switch of the wrong type', { settingsVersion: 1, enabled: true, profiles: { a: 1 } }, 'invalid content at profiles.a'],
    ['not an object at all', [true], 'invalid content at (root)'],
  ])('with %s is moved aside, reported with where it is wrong, and reads as off', async (_what, content, where) => {
    const { store, problems, dir: folder } = await open(JSON.stringify(content));
    expect(store.get()).toEqual({ enabled: false, profiles: {} });
    expect(store.wants('a')).toBe(false);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: NOTIFICATIONS_FILE, at: NOW.toISOString() });
    expect(problems[0]?.reason).toBe(
      `The notification settings could not be read (${where}). They were kept as ${problems[0]?.movedTo ?? ''}; notifications are off until switched on again.`,
    );
    expect((await readdir(folder)).some((f) => f !== NOTIFICATIONS_FILE && f.startsWith('notifications'))).toBe(true);
  });

  it('a file that cannot be replaced refuses the change, naming the folder and the cause, and keeps the settings', async () => {
    const { store, dir: folder } = await open(null);
    // Something else took the file's name (a folder with content): even root cannot rename onto it.
    await mkdir(join(folder, NOTIFICATIONS_FILE, 'inside'), { recursive: true });
    const refused = await store.set({ enabled: true }).then(
      () => null,
      (e: unknown) => (e instanceof Error ? e.message : String(e)),
    );
    expect(refused).toMatch(
      new RegExp(
        `^Could not save the notification settings in ${folder} \\((EISDIR|ENOTEMPTY|EEXIST)\\)\\. Check the folder is writable and the disk is not full\\.$`,
      ),
    );
    expect(store.get().enabled).toBe(false);
    expect(store.wants('a')).toBe(false);
  });
});
