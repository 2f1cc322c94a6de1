// The data folder's JSON files as the user finds them on disk: written whole and owner-only, an unreadable
// file named for what is wrong with it and moved aside (never deleted), and only an interrupted write's
// leftovers swept at start.
import { mkdir, readdir, readFile, stat, symlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { moveAside, readJsonFile, removeStaleTempFiles, removeStaleTempFilesIn, writeJsonAtomic } from '@core/storage/json-file';
import { removeDir, tempDir } from './helpers';

let dir: string;
beforeEach(async () => {
  dir = await tempDir('json-file-');
});
afterEach(async () => {
  await removeDir(dir);
});
const at = new Date('2026-11-28T03:00:00.000Z');
const STAMP = '2026-11-28T03-00-00-000Z';
const names = async (folder = dir): Promise<string[]> => (await readdir(folder)).sort();

describe('reading a JSON file', () => {
  it('tells missing, read and corrupt apart, naming what is wrong', async () => {
    const path = join(dir, 'profiles.json');
    expect(await readJsonFile(path)).toEqual({ status: 'missing' });
    await writeFile(path, '{"profiles": ["Zürich"]}');
    expect(await readJsonFile(path)).toEqual({ status: 'ok', value: { profiles: ['Zürich'] } });
    await writeFile(path, ' \n\t');
    expect(await readJsonFile(path)).toEqual({ status: 'corrupt', reason: 'the file is empty' });
    await writeFile(path, '{"profiles": [');
    const torn = await readJsonFile(path);
    expect(torn.status).toBe('corrupt');
    expect(torn.status === 'corrupt' && torn.reason).toMatch(/^not valid JSON \(.+\)$/);
  });

  it('refuses a file over the limit without reading it, saying how big it is; a file at the limit is read', async () => {
    const path = join(dir, 'snapshot.json');
    await writeFile(path, '[1]');
    expect(await readJsonFile(path, 3)).toEqual({ status: 'ok', value: [1] });
    expect(await readJsonFile(path, 2)).toEqual({ status: 'corrupt', reason: 'the file is 0 MB, far larger than this app ever writes' });
    await truncate(path, 3 * 1024 * 1024 + 100); // sparse: no 3 MB written
    expect(await readJsonFile(path, 1024 * 1024)).toEqual({ status: 'corrupt', reason: 'the file is 3 MB, far larger than this app ever writes' });
  });

  it('passes on an error that is not a missing file (a folder in its place)', async () => {
    const path = join(dir, 'profiles.json');
    await mkdir(path);
    await expect(readJsonFile(path)).rejects.toMatchObject({ code: 'EISDIR' });
    await expect(readJsonFile(join(path, 'inner.json'))).resolves.toEqual({ status: 'missing' });
    await writeFile(join(dir, 'plain'), '');
    await expect(readJsonFile(join(dir, 'plain', 'x.json'))).rejects.toMatchObject({ code: 'ENOTDIR' });
  });
});

describe('writing a JSON file', () => {
  it('writes indented JSON ending in a newline, owner-only, replacing the old file whole', async () => {
    const path = join(dir, 'profiles.json');
    await writeFile(path, 'old', { mode: 0o644 });
    await writeJsonAtomic(path, { name: 'Zürich ✓', list: [1] });
    expect(await readFile(path, 'utf8')).toBe('{\n  "name": "Zürich ✓",\n  "list": [\n    1\n  ]\n}\n');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await names()).toEqual(['profiles.json']);
  });
});

describe('moving an unreadable file aside', () => {
  it('keeps the extension after the stamp, and adds a number when that name is taken', async () => {
    const path = join(dir, 'profiles.json');
    await writeFile(path, 'one');
    expect(await moveAside(path, at)).toBe(`profiles.corrupt-${STAMP}.json`);
    await writeFile(path, 'two');
    expect(await moveAside(path, at)).toBe(`profiles.corrupt-${STAMP}-2.json`);
    await writeFile(path, 'three');
    expect(await moveAside(path, at)).toBe(`profiles.corrupt-${STAMP}-3.json`);
    expect(await readFile(join(dir, `profiles.corrupt-${STAMP}.json`), 'utf8')).toBe('one');
    expect(await readFile(join(dir, `profiles.corrupt-${STAMP}-2.json`), 'utf8')).toBe('two');
    expect(await names()).toEqual([`profiles.corrupt-${STAMP}-2.json`, `profiles.corrupt-${STAMP}-3.json`, `profiles.corrupt-${STAMP}.json`]);
  });

  it('never replaces a link that has the name, even one pointing nowhere', async () => {
    await symlink(join(dir, 'nowhere'), join(dir, `profiles.corrupt-${STAMP}.json`));
    await writeFile(join(dir, 'profiles.json'), 'one');
    expect(await moveAside(join(dir, 'profiles.json'), at)).toBe(`profiles.corrupt-${STAMP}-2.json`);
  });

  it('stamps the end of a name without an extension, or one that starts with its only dot', async () => {
    await writeFile(join(dir, 'settings'), 'x');
    expect(await moveAside(join(dir, 'settings'), at)).toBe(`settings.corrupt-${STAMP}`);
    await writeFile(join(dir, '.state'), 'x');
    expect(await moveAside(join(dir, '.state'), at)).toBe(`.state.corrupt-${STAMP}`);
  });
});

describe('sweeping leftovers of interrupted writes', () => {
  it('removes only `<file>.<number>` next to one file', async () => {
    const keep = [
      'profiles.json',
      'profiles.json.',
      'profiles.json.12a',
      'profiles.json.a12',
      'profiles.json.bak',
      'xprofiles.json.5',
      '42',
      'unrelated-file99',
      'other.json.7',
    ];
    for (const n of [...keep, 'profiles.json.7', 'profiles.json.123456']) await writeFile(join(dir, n), '');
    await removeStaleTempFiles(join(dir, 'profiles.json'));
    expect(await names()).toEqual([...keep].sort());
  });

  it('removes every `<name>.json.<number>` of a folder and nothing else', async () => {
    const keep = ['a.json', 'a.json.1a', 'a.json.', '.json.3', 'a.jsonx.3', 'odd\\name.json.3', 'a.txt.4'];
    for (const n of [...keep, 'a.json.1', 'snapshot-b.json.99']) await writeFile(join(dir, n), '');
    await removeStaleTempFilesIn(dir);
    expect(await names()).toEqual([...keep].sort());
  });

  it('does nothing when the folder does not exist', async () => {
    await expect(removeStaleTempFiles(join(dir, 'gone', 'profiles.json'))).resolves.toBeUndefined();
    await expect(removeStaleTempFilesIn(join(dir, 'gone'))).resolves.toBeUndefined();
  });
});
