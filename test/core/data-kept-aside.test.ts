// What the user saved is never lost: an unreadable offline snapshot, token-dates file or window state is
// kept aside and reported, a failed profile delete leaves the profile whole, and the profiles file the
// app kept aside can be imported back once repaired.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppCore } from '@core/app-core';
import { loadWindowState, saveWindowState, WINDOW_STATE_FILE } from '@core/storage/window-bounds';
import { TOKEN_DATES_FILE } from '@core/connections/token-dates';
import type { Simulator } from '@simulator/index';
import { call, callFails, DEMO_PASSWORD, makeCore, profileInput, removeDir, sim, tempDir } from './helpers';

let dir: string;
let core: AppCore | undefined;
let server: Simulator | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
  await server?.close();
  server = undefined;
  await removeDir(dir);
});

const NOW = new Date('2026-11-28T03:00:00.000Z');

describe('an unreadable offline snapshot', () => {
  it.each([
    ['torn', (good: string) => good.slice(0, good.length - 40)],
    ['of another shape', () => JSON.stringify({ snapshotVersion: 2, profileId: 'x', schedules: 'none' })],
  ])('(%s) is kept aside, reported, and never overwritten by the next list', async (_label, damage) => {
    dir = await tempDir();
    server = await sim();
    core = await makeCore(dir, { now: () => NOW });
    const p = await call(core, 'profiles:save', { profile: profileInput(server), secret: DEMO_PASSWORD, secretStorage: 'memory' });
    await call(core, 'schedules:list', { profileId: p.id });
    const file = join(dir, 'snapshots', `${p.id}.json`);
    const damaged = damage(await readFile(file, 'utf8'));
    await writeFile(file, damaged);
    const url = server.url;
    await server.close();

    const offline = await callFails(core, 'schedules:list', { profileId: p.id });
    expect(offline.kind).toBe('network');
    const kept = `${p.id}.corrupt-2026-11-28T03-00-00-000Z.json`;
    // The user is told the copy existed and where it went, not that none was ever saved.
    expect(offline.message).toContain(`The offline copy of “Sales dev” was unreadable and was kept as snapshots/${kept}`);
    expect(await readdir(join(dir, 'snapshots'))).toContain(kept);
    expect(await readFile(join(dir, 'snapshots', kept), 'utf8')).toBe(damaged);
    const info = await call(core, 'app:info', {});
    expect(info.dataProblems).toEqual([expect.objectContaining({ file: `snapshots/${p.id}.json`, movedTo: `snapshots/${kept}`, at: NOW.toISOString() })]);
    expect(info.dataProblems[0]?.reason).toMatch(/The offline snapshot of “Sales dev” could not be read \(.+\)\. It was kept as snapshots\/.+corrupt/);

    // Back online: a fresh snapshot is written beside the kept copy, which stays byte for byte.
    server = await sim({ port: Number(new URL(url).port) });
    expect((await call(core, 'schedules:list', { profileId: p.id })).source).toBe('live');
    expect((await readdir(join(dir, 'snapshots'))).sort()).toEqual([kept, `${p.id}.json`].sort());
    expect(await readFile(join(dir, 'snapshots', kept), 'utf8')).toBe(damaged);
  });
});

describe('a profile delete that cannot be saved', () => {
  it('leaves the profile, its secret, its paused schedules and its offline copy as they were', async () => {
    dir = await tempDir();
    server = await sim();
    core = await makeCore(dir);
    const p = await call(core, 'profiles:save', { profile: profileInput(server), secret: DEMO_PASSWORD, secretStorage: 'memory' });
    const list = await call(core, 'schedules:list', { profileId: p.id });
    const job = list.schedules.find((s) => s.active);
    expect(job).toBeDefined();
    await call(core, 'changes:pause', { profileId: p.id, orgId: 'default', jobId: job!.jobId });
    expect((await call(core, 'changes:paused-list', { profileId: p.id })).paused).toHaveLength(1);

    // profiles.json can no longer be replaced (a directory in its way).
    await rename(join(dir, 'profiles.json'), join(dir, 'profiles.keep'));
    await mkdir(join(dir, 'profiles.json'));
    const failed = await callFails(core, 'profiles:delete', { id: p.id });
    expect(failed.kind).toBe('storage');
    await rm(join(dir, 'profiles.json'), { recursive: true });
    await rename(join(dir, 'profiles.keep'), join(dir, 'profiles.json'));

    const after = await call(core, 'profiles:list', {});
    expect(after.map((x) => [x.id, x.hasSecret])).toEqual([[p.id, true]]);
    expect((await call(core, 'changes:paused-list', { profileId: p.id })).paused.map((x) => x.jobId)).toEqual([job!.jobId]);
    expect(await readdir(join(dir, 'snapshots'))).toContain(`${p.id}.json`);
    // Still signs in: its secret was put back.
    expect((await call(core, 'connection:test', { profileId: p.id })).ok).toBe(true);

    // A delete that can be saved then removes all of it.
    await call(core, 'profiles:delete', { id: p.id });
    expect(await call(core, 'profiles:list', {})).toEqual([]);
    expect((await call(core, 'changes:paused-list', { profileId: p.id })).paused).toEqual([]);
    expect(await readdir(join(dir, 'snapshots'))).not.toContain(`${p.id}.json`);
  });
});

describe('the profiles file kept aside', () => {
  const damage = async (): Promise<string> => {
    const text = await readFile(join(dir, 'profiles.json'), 'utf8');
    await writeFile(join(dir, 'profiles.json'), text.replace('"Prod"', '"Prod",,'));
    return text;
  };

  it('is named once in its problem, with what to do', async () => {
    dir = await tempDir();
    server = await sim();
    core = await makeCore(dir, { now: () => NOW });
    await call(core, 'profiles:save', { profile: profileInput(server, { name: 'Prod' }) });
    await core.close();
    await damage();
    core = await makeCore(dir, { now: () => NOW });
    const [problem] = (await call(core, 'app:info', {})).dataProblems;
    expect(problem?.movedTo).toBe('profiles.corrupt-2026-11-28T03-00-00-000Z.json');
    expect(problem?.reason.split(problem.movedTo ?? '')).toHaveLength(2);
    expect(problem?.reason).toMatch(
      /^The profiles file could not be read \(not valid JSON \(.+\)\)\. It was kept as profiles\.corrupt-.+\.json in the data folder/,
    );
    expect(problem?.reason).toMatch(/repair that file and import it with Import profiles\.$/);
  });

  it('imports back once repaired, with every org on its server', async () => {
    dir = await tempDir();
    server = await sim();
    core = await makeCore(dir, { now: () => NOW });
    await call(core, 'profiles:save', { profile: profileInput(server, { name: 'Prod', healthGraceMinutes: 30 }) });
    await call(core, 'profiles:save', { profile: profileInput(server, { name: 'Finance', orgId: 'finance' }) });
    const before = await call(core, 'profiles:list', {});
    await core.close();
    const original = await damage();
    core = await makeCore(dir, { now: () => NOW });
    expect(await call(core, 'profiles:list', {})).toEqual([]);
    const kept = (await readdir(dir)).find((n) => n.startsWith('profiles.corrupt-'))!;
    expect(await readFile(join(dir, kept), 'utf8')).not.toBe(original);

    const result = await call(core, 'profiles:import', { json: original });
    expect(result.skipped).toEqual([]);
    const pick = (list: typeof before) => list.map((x) => [x.name, x.orgId, x.apiUrl, x.environment, x.healthGraceMinutes]).sort();
    expect(pick(result.imported)).toEqual(pick(before));
    const now = await call(core, 'profiles:list', {});
    expect(new Set(now.map((x) => x.serverId)).size).toBe(1);
  });

  it('still unreadable is refused, saying what the file is and what to do', async () => {
    dir = await tempDir();
    core = await makeCore(dir);
    const error = await callFails(core, 'profiles:import', { json: JSON.stringify({ schemaVersion: 3, servers: [{ id: 'x' }], profiles: [] }) });
    expect(error.kind).toBe('invalid-input');
    expect(error.message).toMatch(
      /^This is the app's own profiles data file \(profiles\.json or a copy of it\), not an export, and it cannot be read: .+\. Repair it/,
    );
  });
});

describe('the profile export', () => {
  it('keeps the grace period of each profile', async () => {
    dir = await tempDir();
    server = await sim();
    core = await makeCore(dir);
    await call(core, 'profiles:save', { profile: profileInput(server, { healthGraceMinutes: 45 }) });
    const { json } = await call(core, 'profiles:export', {});
    const other = await makeCore(await tempDir());
    try {
      const { imported } = await call(other, 'profiles:import', { json });
      expect(imported.map((p) => p.healthGraceMinutes)).toEqual([45]);
    } finally {
      await other.close();
    }
  });
});

describe('small files of the data folder', () => {
  it('an unreadable token-dates file is kept aside and reported', async () => {
    dir = await tempDir();
    server = await sim();
    await mkdir(join(dir, 'connections'), { recursive: true });
    await writeFile(join(dir, TOKEN_DATES_FILE), '{"version": 1, "tokens": {');
    core = await makeCore(dir, { now: () => NOW });
    await call(core, 'profiles:save', { profile: profileInput(server, { signIn: 'token', username: '' }), secret: 'tok-1', secretStorage: 'memory' });
    await call(core, 'tokens:ages', {});
    const kept = 'connections/token-dates.corrupt-2026-11-28T03-00-00-000Z.json';
    expect(await readFile(join(dir, kept), 'utf8')).toBe('{"version": 1, "tokens": {');
    const problem = (await call(core, 'app:info', {})).dataProblems.find((x) => x.file === TOKEN_DATES_FILE);
    expect(problem).toMatchObject({ movedTo: kept });
    expect(problem?.reason).toMatch(/^The API token dates could not be read \(not valid JSON .+\)\. They were kept as connections\/token-dates\.corrupt-/);
  });

  it('an unreadable window state is kept aside before the next save', async () => {
    dir = await tempDir();
    await writeFile(join(dir, WINDOW_STATE_FILE), '{"bounds": {"x": 1');
    expect(await loadWindowState(dir, () => NOW)).toEqual({ bounds: null, maximized: false });
    await saveWindowState(dir, { bounds: null, maximized: true });
    expect(await readFile(join(dir, 'window-state.corrupt-2026-11-28T03-00-00-000Z.json'), 'utf8')).toBe('{"bounds": {"x": 1');
  });

  it.each([
    ['torn', '{"bounds": {"x": 1', /^The window size and position could not be read \(not valid JSON .+\)\. They were kept as /],
    ['of another shape', '{"bounds": "wide"}', /^The window size and position could not be read \(unexpected content\)\. They were kept as /],
  ])('an unreadable window state (%s) is kept aside at start and reported', async (_label, text, reason) => {
    dir = await tempDir();
    await writeFile(join(dir, WINDOW_STATE_FILE), text);
    core = await makeCore(dir, { now: () => NOW });
    const kept = 'window-state.corrupt-2026-11-28T03-00-00-000Z.json';
    expect(await readFile(join(dir, kept), 'utf8')).toBe(text);
    const problems = (await call(core, 'app:info', {})).dataProblems;
    expect(problems).toEqual([{ file: WINDOW_STATE_FILE, movedTo: kept, reason: expect.stringMatching(reason), at: NOW.toISOString() }]);
    expect(problems[0]?.reason).toMatch(new RegExp(`kept as ${kept.replace(/\./g, '\\.')}; the app window opens at its default size\\.$`));
    // The window, opened after the core, finds no file and opens at its default size.
    expect(await loadWindowState(dir)).toEqual({ bounds: null, maximized: false });
  });

  it('a readable window state is left as it is and reports nothing', async () => {
    dir = await tempDir();
    await saveWindowState(dir, { bounds: { x: 5, y: 6, width: 1000, height: 700 }, maximized: true });
    core = await makeCore(dir, { now: () => NOW });
    expect((await call(core, 'app:info', {})).dataProblems).toEqual([]);
    expect(await loadWindowState(dir)).toEqual({ bounds: { x: 5, y: 6, width: 1000, height: 700 }, maximized: true });
  });
});
