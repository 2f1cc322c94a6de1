// A corrupt or unreadable profiles file is kept aside and reported, never silently replaced; older
// schema versions are migrated.
import { afterEach, describe, expect, it } from 'vitest';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppCore } from '@core/app-core';
import { call, makeCore, removeDir, tempDir } from './helpers';

let dir: string;
let core: AppCore | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
  await removeDir(dir);
});

const NOW = new Date('2026-11-28T03:00:00.000Z');

describe('a corrupt profiles file', () => {
  it.each([
    ['half-written JSON', '{"schemaVersion": 2, "profiles": [{"id": "a", "na', /not valid JSON/],
    ['an empty file', '', /the file is empty/],
    ['a wrong shape', '{"schemaVersion": 2, "profiles": [{"id": "a"}]}', /invalid content at profiles\.0\.name/],
    ['a newer schema', '{"schemaVersion": 99, "profiles": []}', /newer version of the app \(schema 99/],
  ])('with %s is moved aside, reported in app:info, and kept byte for byte', async (_label, content, reason) => {
    dir = await tempDir();
    await writeFile(join(dir, 'profiles.json'), content);
    core = await makeCore(dir, { now: () => NOW });

    const info = await call(core, 'app:info', {});
    expect(info.dataProblems).toHaveLength(1);
    const problem = info.dataProblems[0]!;
    expect(problem.file).toBe('profiles.json');
    expect(problem.movedTo).toBe('profiles.corrupt-2026-11-28T03-00-00-000Z.json');
    expect(problem.reason).toMatch(reason);
    expect(problem.reason).toContain(problem.movedTo ?? 'a moved-aside file');
    expect(await readFile(join(dir, problem.movedTo ?? ''), 'utf8')).toBe(content);
    expect(await call(core, 'profiles:list', {})).toEqual([]);

    // New profiles go to a fresh file; the kept copy stays untouched.
    await call(core, 'profiles:save', {
      profile: {
        name: 'Fresh',
        environment: { kind: 'test', label: 'test', color: '#1f7a3a' },
        apiUrl: 'https://a.example.com:10502',
        authUrl: 'https://a.example.com:10500',
        orgId: 'default',
        signIn: 'token',
        username: '',
        serverTimeZone: 'UTC',
        caCertPath: null,
        notes: '',
      },
    });
    expect(await readFile(join(dir, problem.movedTo ?? ''), 'utf8')).toBe(content);
    expect((await readdir(dir)).filter((n) => n.startsWith('profiles')).sort()).toEqual([problem.movedTo, 'profiles.json']);
  });

  it('a second corrupt file the same millisecond does not overwrite the first kept copy', async () => {
    dir = await tempDir();
    await writeFile(join(dir, 'profiles.json'), 'first');
    core = await makeCore(dir, { now: () => NOW });
    await core.close();
    await writeFile(join(dir, 'profiles.json'), 'second');
    core = await makeCore(dir, { now: () => NOW });
    const moved = (await readdir(dir)).filter((n) => n.includes('corrupt')).sort();
    expect(moved).toEqual(['profiles.corrupt-2026-11-28T03-00-00-000Z-2.json', 'profiles.corrupt-2026-11-28T03-00-00-000Z.json']);
    expect(await readFile(join(dir, moved[1]!), 'utf8')).toBe('first');
  });
});

describe('schema migrations', () => {
  it('reads a version 1 file, fills the new fields, and writes it back as the current version', async () => {
    dir = await tempDir();
    const v1 = {
      version: 1,
      profiles: [
        {
          id: 'legacy-1',
          name: 'Legacy',
          environment: { kind: 'production', label: 'production', color: '#d9480f' },
          apiUrl: 'https://atscale.example.com:10502',
          authUrl: 'https://atscale.example.com:10500',
          orgId: 'default',
          signIn: 'password',
          username: 'admin',
          createdAt: '2025-01-01T00:00:00.000Z',
          updatedAt: '2025-01-01T00:00:00.000Z',
        },
      ],
    };
    await writeFile(join(dir, 'profiles.json'), JSON.stringify(v1));
    core = await makeCore(dir);
    expect((await call(core, 'app:info', {})).dataProblems).toEqual([]);
    expect(await call(core, 'profiles:list', {})).toEqual([
      expect.objectContaining({ id: 'legacy-1', name: 'Legacy', serverTimeZone: 'UTC', caCertPath: null, demo: false, notes: '', hasSecret: false }),
    ]);
    const onDisk = JSON.parse(await readFile(join(dir, 'profiles.json'), 'utf8')) as { schemaVersion: number };
    expect(onDisk.schemaVersion).toBe(3);
    expect(JSON.parse(await readFile(join(dir, 'profiles.v1-backup.json'), 'utf8'))).toEqual(v1);
  });
});
