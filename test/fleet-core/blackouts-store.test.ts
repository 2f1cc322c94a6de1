// The planning settings file on its own, on real files: run lengths checked by the store itself (any
// caller, not only the channel's schema), a first setting of a profile that had none, and a file of the
// wrong shape kept aside with the reason.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_RUN_MINUTES } from '@shared/ipc/channels/fleet';
import { FLEET_FILE, openBlackoutsStore } from '@core/fleet/blackouts-store';
import { removeDir, tempDir } from '../core/helpers';

const NOW = new Date('2026-12-01T10:00:00.000Z');
const LUNCH = { kind: 'weekly' as const, days: [2], start: '12:00', end: '13:00', timeZone: 'UTC', label: 'Lunch' };

let dir: string;
beforeEach(async () => {
  dir = await tempDir('blackouts-store-');
});
afterEach(async () => {
  await removeDir(dir);
});

async function refusal(work: () => Promise<unknown>): Promise<string> {
  try {
    await work();
  } catch (error) {
    return `${(error as { kind: string }).kind}: ${(error as Error).message}`;
  }
  return 'accepted';
}

describe('run lengths', () => {
  it('are whole minutes from 1 to the maximum; anything else is refused in words and nothing is written', async () => {
    const store = await openBlackoutsStore(dir, () => NOW);
    const words = `invalid-input: A run length must be 1 to ${MAX_RUN_MINUTES} minutes.`;
    for (const bad of [0, -5, MAX_RUN_MINUTES + 1, 1.5, Number.NaN]) expect(await refusal(() => store.setRunMinutes('p', bad))).toBe(words);
    expect(await readdir(dir)).toEqual([]);
    expect(await store.setRunMinutes('p', 1)).toEqual({ profileId: 'p', blackouts: [], runMinutes: 1 });
    expect(await store.setRunMinutes('p', MAX_RUN_MINUTES)).toEqual({ profileId: 'p', blackouts: [], runMinutes: MAX_RUN_MINUTES });
  });

  it('set first for a profile without windows keep it without windows, also after a restart', async () => {
    const store = await openBlackoutsStore(dir, () => NOW);
    expect(await store.setRunMinutes('p', 20)).toEqual({ profileId: 'p', blackouts: [], runMinutes: 20 });
    const again = await openBlackoutsStore(dir, () => NOW);
    expect(again.problem).toBeNull();
    expect(again.get('p')).toEqual({ profileId: 'p', blackouts: [], runMinutes: 20 });
    expect(await again.setBlackouts('p', [LUNCH])).toEqual({ profileId: 'p', blackouts: [LUNCH], runMinutes: 20 });
  });
});

describe('blackout windows', () => {
  it('are refused naming the window by its place and label', async () => {
    const store = await openBlackoutsStore(dir, () => NOW);
    const { label: _label, ...unnamed } = LUNCH;
    expect(await refusal(() => store.setBlackouts('p', [LUNCH, { ...LUNCH, timeZone: 'Mars/Olympus' }]))).toMatch(
      /^invalid-input: Blackout window 2 \(Lunch\): \S/,
    );
    expect(await refusal(() => store.setBlackouts('p', [{ ...unnamed, timeZone: 'Mars/Olympus' }]))).toMatch(/^invalid-input: Blackout window 1: \S/);
  });
});

describe('a settings file of the wrong shape', () => {
  it('is kept aside with the reason, and planning starts without it', async () => {
    const content = JSON.stringify({ version: 2, profiles: { p: { blackouts: [LUNCH], runMinutes: 30 } } });
    await writeFile(join(dir, FLEET_FILE), content);
    const store = await openBlackoutsStore(dir, () => NOW);
    const movedTo = 'fleet-settings.corrupt-2026-12-01T10-00-00-000Z.json';
    expect(store.problem).toEqual({
      file: FLEET_FILE,
      movedTo,
      reason: `The blackout windows and run lengths could not be read (unexpected content). They were kept as ${movedTo}; planning starts without them.`,
      at: NOW.toISOString(),
    });
    expect(store.get('p')).toEqual({ profileId: 'p', blackouts: [], runMinutes: 10 });
    expect(await readFile(join(dir, movedTo), 'utf8')).toBe(content);
  });
});
