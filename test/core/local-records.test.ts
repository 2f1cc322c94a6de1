// Local bookkeeping never turns a server's success into a failure; the audit log survives torn lines and
// hand edits; snapshots belong to the server and org they were taken from; temp files are swept.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { appendFile, mkdir, readFile, readdir, rm, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Simulator } from '@simulator/index';
import type { AppCore, CoreEvent } from '@core/app-core';
import { DEMO_PASSWORD, call, callFails, makeCore, profileInput, removeDir, sim, tempDir } from './helpers';

let server: Simulator;
let dir: string;
let core: AppCore;
beforeAll(async () => {
  server = await sim();
});
afterAll(async () => {
  await server.close();
});
afterEach(async () => {
  await core.close();
  await removeDir(dir);
  server.reset();
});

async function start(): Promise<{ id: string; events: CoreEvent[] }> {
  dir = await tempDir();
  core = await makeCore(dir);
  const events: CoreEvent[] = [];
  core.onEvent((e) => events.push(e));
  const p = await call(core, 'profiles:save', { profile: profileInput(server), secret: DEMO_PASSWORD, secretStorage: 'memory' });
  return { id: p.id, events };
}

describe('after the server accepted a write', () => {
  it('answers success with a warning, and lists a data problem, when the audit log cannot be written', async () => {
    const { id, events } = await start();
    await mkdir(join(dir, 'audit.jsonl')); // a directory where the file should be
    const created = await call(core, 'schedules:create', { profileId: id, orgId: 'default', timeExpression: '0 0 1 ? * THU *' });
    expect(server.jobs('default', true).map((j) => j.jobId)).toContain(created.jobId);
    expect(created.reconciled).toBe(false);
    expect(created.warning).toMatch(/^Created on the server, but the local audit record could not be written: .*EISDIR/);
    const info = await call(core, 'app:info', {});
    expect(info.dataProblems).toEqual([
      expect.objectContaining({ file: 'audit.jsonl', movedTo: null, reason: expect.stringContaining('Created on the server') }),
    ]);
    expect(events.some((e) => e.event === 'app:info-changed' && e.payload.dataProblems.some((p) => p.file === 'audit.jsonl'))).toBe(true);

    const deleted = await call(core, 'schedules:delete', { profileId: id, orgId: 'default', jobId: created.jobId });
    expect(deleted).toMatchObject({ deleted: true, reconciled: false, warning: expect.stringMatching(/^Deleted on the server, but the local audit record/) });
  });

  it("keeps a failed write's own error when its audit record cannot be written either", async () => {
    const { id } = await start();
    await mkdir(join(dir, 'audit.jsonl'));
    server.inject({ endpoint: 'create', action: { type: 'status', status: 500 }, times: 1 });
    const error = await callFails(core, 'schedules:create', { profileId: id, orgId: 'default', timeExpression: '0 0 1 ? * THU *' });
    expect(error.kind).toBe('server');
    expect((await call(core, 'app:info', {})).dataProblems.map((p) => p.file)).toEqual(['audit.jsonl']);
  });

  it('reports a snapshot that cannot be written, and still answers the live list', async () => {
    const { id } = await start();
    await mkdir(join(dir, 'snapshots', `${id}.json`), { recursive: true });
    const list = await call(core, 'schedules:list', { profileId: id });
    expect(list.source).toBe('live');
    expect((await call(core, 'app:info', {})).dataProblems.map((p) => p.file)).toEqual([`snapshots/${id}.json`]);
  });
});

describe('the audit log', () => {
  it('starts every append on a fresh line, so a torn last line loses only itself', async () => {
    const { id } = await start();
    await call(core, 'schedules:create', { profileId: id, orgId: 'default', timeExpression: '0 0 1 ? * THU *' });
    await appendFile(join(dir, 'audit.jsonl'), '{"at":"2026-11-30T00:00:00.000Z","profileId":"torn');
    await call(core, 'schedules:create', { profileId: id, orgId: 'default', timeExpression: '0 0 2 ? * THU *' });
    const entries = await call(core, 'audit:list', {});
    expect(entries.map((e) => e.timeExpression)).toEqual(['0 0 2 ? * THU *', '0 0 1 ? * THU *']);
    const lines = (await readFile(join(dir, 'audit.jsonl'), 'utf8')).split('\n');
    expect(lines[1]).toMatch(/"torn$/);
    expect(JSON.parse(lines[2] ?? '')).toMatchObject({ timeExpression: '0 0 2 ? * THU *' });
  });

  it('skips and counts lines that are not valid records, and reads lines from before resolutions existed', async () => {
    const { id } = await start();
    const old = {
      at: '2026-11-01T00:00:00.000Z',
      profileId: id,
      profileName: 'Sales dev',
      orgId: 'default',
      action: 'delete',
      jobId: 'j1',
      timeExpression: null,
      outcome: 'ok',
      error: null,
    };
    const hostile = { ...old, outcome: 'ok', profileName: { toString: 'x' }, jobId: 42 };
    await writeFile(
      join(dir, 'audit.jsonl'),
      [JSON.stringify(old), JSON.stringify(hostile), '[1,2]', 'not json', JSON.stringify({ ...old, action: 'drop-table' })].join('\n') + '\n',
    );
    const entries = await call(core, 'audit:list', {});
    expect(entries).toEqual([{ ...old, resolution: null }]);
    const info = await call(core, 'app:info', {});
    expect(info.dataProblems).toEqual([
      expect.objectContaining({ file: 'audit.jsonl', reason: expect.stringMatching(/^4 lines are not a valid audit record/) }),
    ]);
  });
});

describe('files far larger than the app writes', () => {
  it('are not read whole: a huge audit log shows its newest records, a huge snapshot is kept aside unread', async () => {
    const { id } = await start();
    const log = join(dir, 'audit.jsonl');
    await writeFile(log, '');
    await truncate(log, 40 * 1024 * 1024); // sparse: no disk or memory used until read
    await call(core, 'schedules:create', { profileId: id, orgId: 'default', timeExpression: '0 0 1 ? * THU *' });
    expect((await call(core, 'audit:list', {})).map((e) => e.timeExpression)).toEqual(['0 0 1 ? * THU *']);

    await call(core, 'schedules:list', { profileId: id });
    await truncate(join(dir, 'snapshots', `${id}.json`), 200 * 1024 * 1024);
    await server.setOffline(true);
    try {
      expect((await callFails(core, 'schedules:list', { profileId: id })).message).toMatch(
        /The offline copy of “.+” was unreadable and was kept as snapshots\/.+corrupt/,
      );
    } finally {
      await server.setOffline(false);
    }
  });
});

describe('snapshots', () => {
  it('are never shown for a profile that now points at another server', async () => {
    const { id } = await start();
    await call(core, 'schedules:list', { profileId: id });
    const other = await sim();
    try {
      const p = (await call(core, 'profiles:list', {}))[0]!;
      const { hasSecret: _h, secretStorage: _s, demo: _d, createdAt: _c, updatedAt: _u, ...input } = p;
      const moved = await call(core, 'profiles:save', { profile: { ...input, apiUrl: other.url, authUrl: other.url } });
      // The password was entered for the first server: pointed elsewhere, the profile no longer has it.
      expect(moved.hasSecret).toBe(false);
      await call(core, 'secrets:set', { profileId: id, secret: DEMO_PASSWORD, storage: 'memory' });
      await other.setOffline(true);
      const error = await callFails(core, 'schedules:list', { profileId: id });
      expect(error.kind).toBe('network');
      expect(error.message).toMatch(/No offline copy .* for this server and org exists yet/);
      // Pointed back at the first server, its snapshot is that server's truth again.
      await call(core, 'profiles:save', { profile: { ...input }, secret: DEMO_PASSWORD, secretStorage: 'memory' });
      await server.setOffline(true);
      expect((await call(core, 'schedules:list', { profileId: id })).source).toBe('snapshot');
    } finally {
      await server.setOffline(false);
      await other.close();
    }
  });

  it("are ignored when edited to hold another profile's id or another org's jobs", async () => {
    const { id } = await start();
    const second = await call(core, 'profiles:save', { profile: profileInput(server, { name: 'Other' }), secret: DEMO_PASSWORD, secretStorage: 'memory' });
    await call(core, 'schedules:list', { profileId: id });
    const file = join(dir, 'snapshots', `${id}.json`);
    const original = JSON.parse(await readFile(file, 'utf8')) as { profileId: string; schedules: { orgId: string }[] };
    await writeFile(join(dir, 'snapshots', `${second.id}.json`), JSON.stringify(original));
    await writeFile(file, JSON.stringify({ ...original, schedules: original.schedules.map((s) => ({ ...s, orgId: 'sales-analytics' })) }));
    await server.setOffline(true);
    try {
      for (const profileId of [id, second.id]) expect((await callFails(core, 'schedules:list', { profileId })).message).toContain('No offline copy');
    } finally {
      await server.setOffline(false);
    }
  });
});

describe('temp files of interrupted writes', () => {
  it('are swept at start in the data folder and in snapshots/', async () => {
    dir = await tempDir();
    await mkdir(join(dir, 'snapshots'), { recursive: true });
    const leftovers = ['profiles.json.123456', 'window-state.json.987', 'snapshots/abc.json.4242'];
    for (const name of leftovers) await writeFile(join(dir, name), 'partial');
    await writeFile(join(dir, 'snapshots', 'keep.json.bak'), 'not ours');
    core = await makeCore(dir);
    expect(await readdir(join(dir, 'snapshots'))).toEqual(['keep.json.bak']);
    expect((await readdir(dir)).filter((n) => /\.json\.\d+$/.test(n))).toEqual([]);
    await rm(join(dir, 'snapshots', 'keep.json.bak'));
  });
});
