// Planning settings per profile (blackout windows, assumed run length) in one atomic JSON file in the data
// folder. An unreadable file is moved aside (never deleted) and the app plans with no blackouts meanwhile.
import { join } from 'node:path';
import { z } from 'zod';
import { blackoutProblem, type Blackout } from '@shared/fleet';
import { blackoutSchema, DEFAULT_RUN_MINUTES, MAX_RUN_MINUTES, type FleetProfileSettings } from '@shared/ipc/channels/fleet';
import type { DataProblem } from '@shared/ipc';
import { fail } from '@core/errors';
import { moveAside, readJsonFile, removeStaleTempFiles, writeJsonAtomic } from '@core/storage/json-file';

export const FLEET_FILE = 'fleet-settings.json';
const VERSION = 1;

const fileSchema = z.object({
  version: z.literal(VERSION),
  profiles: z.record(z.string(), z.object({ blackouts: z.array(blackoutSchema), runMinutes: z.number().int().min(1).max(MAX_RUN_MINUTES).optional() })),
});
type Stored = z.infer<typeof fileSchema>['profiles'][string];

export interface BlackoutsStore {
  get(profileId: string): FleetProfileSettings;
  setBlackouts(profileId: string, blackouts: readonly Blackout[]): Promise<FleetProfileSettings>;
  setRunMinutes(profileId: string, runMinutes: number): Promise<FleetProfileSettings>;
  /** Set when the file could not be read at start (it was moved aside). */
  problem: DataProblem | null;
}

/** Refuses a window the planner could not use, saying which one and why. */
export function checkBlackouts(blackouts: readonly Blackout[]): void {
  blackouts.forEach((b, i) => {
    const problem = blackoutProblem(b);
    if (problem) fail('invalid-input', `Blackout window ${i + 1}${b.label ? ` (${b.label})` : ''}: ${problem}`);
  });
}

export async function openBlackoutsStore(dataDir: string, now: () => Date): Promise<BlackoutsStore> {
  const path = join(dataDir, FLEET_FILE);
  await removeStaleTempFiles(path);
  let profiles: Record<string, Stored> = {};
  let problem: DataProblem | null = null;
  const keepAside = async (reason: string): Promise<DataProblem> => {
    const at = now();
    const movedTo = await moveAside(path, at);
    return {
      file: FLEET_FILE,
      movedTo,
      reason: `The blackout windows and run lengths could not be read (${reason}). They were kept as ${movedTo}; planning starts without them.`,
      at: at.toISOString(),
    };
  };
  const read = await readJsonFile(path);
  if (read.status === 'corrupt') problem = await keepAside(read.reason);
  else if (read.status === 'ok') {
    const parsed = fileSchema.safeParse(read.value);
    if (parsed.success) profiles = parsed.data.profiles;
    else problem = await keepAside('unexpected content');
  }

  let queue: Promise<unknown> = Promise.resolve();
  const view = (profileId: string): FleetProfileSettings => {
    const stored = profiles[profileId];
    return { profileId, blackouts: stored ? structuredClone(stored.blackouts) : [], runMinutes: stored?.runMinutes ?? DEFAULT_RUN_MINUTES };
  };
  /** Writes run one after another, each on the state the previous one left. */
  const update = (profileId: string, change: (current: Stored) => Stored): Promise<FleetProfileSettings> => {
    const run = queue.then(async () => {
      const next = { ...profiles, [profileId]: change(profiles[profileId] ?? { blackouts: [] }) };
      await writeJsonAtomic(path, { version: VERSION, profiles: next });
      profiles = next;
      return view(profileId);
    });
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    problem,
    get: view,
    setBlackouts(profileId, blackouts) {
      checkBlackouts(blackouts);
      return update(profileId, (current) => ({ ...current, blackouts: structuredClone([...blackouts]) }));
    },
    setRunMinutes(profileId, runMinutes) {
      if (!Number.isInteger(runMinutes) || runMinutes < 1 || runMinutes > MAX_RUN_MINUTES)
        fail('invalid-input', `A run length must be 1 to ${MAX_RUN_MINUTES} minutes.`);
      return update(profileId, (current) => ({ ...current, runMinutes }));
    },
  };
}
