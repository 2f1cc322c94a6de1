// Blackout windows and run lengths per profile: validated, kept in the data folder across restarts, and an
// unreadable file moved aside (reported, never deleted) rather than stopping the app.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppCore } from '@core/app-core';
import { FLEET_FILE } from '@core/fleet/blackouts-store';
import { DEMO_PASSWORD, call, callFails, makeCore, profileInput, removeDir, tempDir } from '../core/helpers';

const server = { url: 'https://engine.example.com:10502' };
const BUSINESS = { kind: 'weekly' as const, days: [2, 3, 4, 5, 6], start: '07:00', end: '19:00', timeZone: 'Europe/Berlin', label: 'Business hours' };
const FREEZE = { kind: 'dates' as const, from: '2030-12-20T00:00:00Z', to: '2031-01-04T00:00:00Z', label: 'Year-end freeze' };

let dir: string;
let core: AppCore | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
  await removeDir(dir);
});

async function withProfile(): Promise<string> {
  dir = await tempDir();
  core = await makeCore(dir);
  return (await call(core, 'profiles:save', { profile: profileInput(server), secret: DEMO_PASSWORD, secretStorage: 'memory' })).id;
}

describe('blackouts:get / blackouts:set', () => {
  it('starts with none and a 10-minute run, and keeps what was set across a restart', async () => {
    const id = await withProfile();
    expect(await call(core!, 'blackouts:get', {})).toEqual([{ profileId: id, blackouts: [], runMinutes: 10 }]);
    await call(core!, 'blackouts:set', { profileId: id, blackouts: [BUSINESS, FREEZE] });
    expect(await call(core!, 'durations:set', { profileId: id, runMinutes: 45 })).toEqual({ profileId: id, blackouts: [BUSINESS, FREEZE], runMinutes: 45 });
    await core!.close();
    core = await makeCore(dir);
    expect(await call(core, 'blackouts:get', { profileId: id })).toEqual([{ profileId: id, blackouts: [BUSINESS, FREEZE], runMinutes: 45 }]);
    expect(JSON.parse(await readFile(join(dir, FLEET_FILE), 'utf8'))).toMatchObject({ version: 1 });
  });

  it('refuses an unusable window, naming it, and keeps the windows it had', async () => {
    const id = await withProfile();
    await call(core!, 'blackouts:set', { profileId: id, blackouts: [BUSINESS] });
    const backwards = await callFails(core!, 'blackouts:set', { profileId: id, blackouts: [BUSINESS, { ...FREEZE, from: FREEZE.to, to: FREEZE.from }] });
    expect(backwards).toMatchObject({ kind: 'invalid-input', message: expect.stringMatching(/window 2 \(Year-end freeze\).*end after it starts/) });
    const zone = await callFails(core!, 'blackouts:set', { profileId: id, blackouts: [{ ...BUSINESS, timeZone: 'Mars/Olympus' }] });
    expect(zone.message).toMatch(/Mars\/Olympus/);
    expect((await callFails(core!, 'blackouts:set', { profileId: id, blackouts: [{ ...BUSINESS, start: '7am' }] })).kind).toBe('invalid-input');
    expect((await callFails(core!, 'blackouts:set', { profileId: 'nobody', blackouts: [] })).kind).toBe('not-found');
    expect((await callFails(core!, 'durations:set', { profileId: id, runMinutes: 0 })).kind).toBe('invalid-input');
    expect((await call(core!, 'blackouts:get', { profileId: id }))[0]?.blackouts).toEqual([BUSINESS]);
  });

  it('moves an unreadable settings file aside and reports it, starting without blackouts', async () => {
    const id = await withProfile();
    await call(core!, 'blackouts:set', { profileId: id, blackouts: [BUSINESS] });
    await core!.close();
    await writeFile(join(dir, FLEET_FILE), '{"version": 1, "profiles": ', 'utf8');
    core = await makeCore(dir);
    const info = await call(core, 'app:info', {});
    expect(info.dataProblems.map((p) => p.file)).toEqual([FLEET_FILE]);
    expect(await call(core, 'blackouts:get', { profileId: id })).toEqual([{ profileId: id, blackouts: [], runMinutes: 10 }]);
    expect((await readdir(dir)).some((n) => n.startsWith('fleet-settings.corrupt-'))).toBe(true);
  });
});
