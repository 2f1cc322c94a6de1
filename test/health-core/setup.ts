// A simulator and a core on one shared clock, seeded with one org and its daily job, and a saved profile.
import type { AppCore, AppCoreOptions, CoreEvent } from '@core/app-core';
import type { SeedOrg, Simulator, SimulatorOptions } from '@simulator/index';
import type { EventName, Events } from '@shared/ipc';
import type { ProfileInput } from '@shared/ipc/schemas';
import { DEMO_PASSWORD, call, makeCore, profileInput, removeDir, sim, tempDir } from '../core/helpers';

export const DAILY_JOB = '3740f5fd-a6b8-45fb-a3ab-313bf8481af3';
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** 12:00 UTC: the daily 04:00 fire of today is eight hours past. */
export const START = Date.parse('2026-11-28T12:00:00.000Z');

export function orgWithDailyJob(overrides: Partial<SeedOrg> = {}): SeedOrg {
  return {
    orgId: 'default',
    name: 'Default',
    runMinutes: 10,
    jobs: [{ jobId: DAILY_JOB, timeExpression: '0 0 4 ? * * *', fullBuild: false, createdBy: 'admin', createdDaysAgo: 30 }],
    ...overrides,
  };
}

export interface World {
  server: Simulator;
  core: AppCore;
  dir: string;
  profileId: string;
  events: CoreEvent[];
  /** Moves the shared clock (simulator and core) forward. */
  advance(ms: number): void;
  now(): Date;
  /** A second core on the same data folder (a restart); the first is closed. */
  restart(options?: Partial<AppCoreOptions>): Promise<AppCore>;
  close(): Promise<void>;
}

export async function world(
  options: { seed?: SeedOrg[]; sim?: SimulatorOptions; core?: Partial<AppCoreOptions>; profile?: Partial<ProfileInput>; dir?: string } = {},
): Promise<World> {
  let t = START;
  const now = (): Date => new Date(t);
  const server = await sim({ seed: options.seed ?? [orgWithDailyJob()], now, ...options.sim });
  const dir = options.dir ?? (await tempDir('health-core-'));
  const events: CoreEvent[] = [];
  let core = await makeCore(dir, { now, ...options.core });
  core.onEvent((e) => events.push(e));
  const saved = await call(core, 'profiles:save', { profile: profileInput(server, options.profile), secret: DEMO_PASSWORD, secretStorage: 'memory' });
  const w: World = {
    server,
    get core() {
      return core;
    },
    dir,
    profileId: saved.id,
    events,
    advance(ms) {
      t += ms;
    },
    now,
    async restart(extra = {}) {
      await core.close();
      core = await makeCore(dir, { now, ...options.core, ...extra });
      core.onEvent((e) => events.push(e));
      // Secrets were kept in memory: the new core needs the password again.
      await call(core, 'secrets:set', { profileId: saved.id, secret: DEMO_PASSWORD, storage: 'memory' });
      return core;
    },
    async close() {
      await core.close();
      await server.close();
      await removeDir(dir);
    },
  };
  return w;
}

/** The events of one name pushed so far. */
export function eventsOf<E extends EventName>(w: World, name: E): Events[E][] {
  return w.events.flatMap((e) => (e.event === name ? [e.payload as Events[E]] : []));
}
