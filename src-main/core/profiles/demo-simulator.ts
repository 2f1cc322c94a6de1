// The embedded simulator as a demo server for createAppCore (the desktop app and the browser harness).
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseSimState, startSimulator, type SimState, type SimStateProblem, type SimulatorOptions } from '@simulator/index';
import { moveAside, readJsonFile, writeJsonAtomic, type JsonRead } from '@core/storage/json-file';
import { DEMO_ACCOUNT, type DemoServer, type DemoServerContext } from './demo';

/** The demo's server state in the data folder: its jobs, runs and the port it listens on. */
export const DEMO_STATE_FILE = 'demo-simulator.json';

/**
 * With a data folder the demo keeps what the user did (schedules created and deleted, runs started) and
 * its address across restarts, in DEMO_STATE_FILE: it listens on the port it had, so the server key of
 * its profiles (serverKeyOf) stays the same; a free port only when that one is taken (demo profiles are
 * re-pointed at it, see attachDemoProfiles). Without one, as before: the seed and a free port each start.
 */
export async function startDemoSimulator(context: Partial<DemoServerContext> = {}): Promise<DemoServer> {
  const sim = await startSimulator({ port: 0, ...(await demoStateOptions(context)) });
  return { url: sim.url, close: () => sim.close(), demo: DEMO_ACCOUNT };
}

/**
 * The simulator options that keep the demo's state in DEMO_STATE_FILE of the data folder (none without
 * one), through the data folder's JSON file rules (storage/json-file.ts): written atomically, an
 * unreadable file moved aside and the seed used; one that cannot even be moved aside is left alone and
 * nothing is saved over it. Problems are reported as data problems of DEMO_STATE_FILE; a taken port is
 * only logged.
 */
export async function demoStateOptions(context: Partial<DemoServerContext>): Promise<Pick<SimulatorOptions, 'state' | 'onStateProblem'>> {
  const { dataDir, reportProblem, log } = context;
  if (dataDir === undefined) return {};
  const now = context.now ?? (() => new Date());
  const path = join(dataDir, DEMO_STATE_FILE);
  const report = (reason: string, movedTo: string | null): void => reportProblem?.({ file: DEMO_STATE_FILE, movedTo, reason, at: now().toISOString() });
  const onStateProblem = (problem: SimStateProblem): void => {
    if (problem.kind === 'port-taken') log?.(`The demo's port ${problem.savedPort} is taken; the demo listens on ${problem.port} this time.`);
    else report(`The demo's schedules could not be saved (${problem.reason}); what you change in the demo now is lost when the app closes.`, null);
  };
  await mkdir(dataDir, { recursive: true }).catch(() => undefined);
  const read = await readDemoState(path);
  if (typeof read === 'string') {
    const movedTo = await moveAside(path, now()).catch(() => null);
    report(
      movedTo === null
        ? `The demo's schedules could not be read (${read}) and could not be moved aside; the demo starts from its sample schedules and saves nothing until the file is removed.`
        : `The demo's schedules could not be read (${read}). They were kept as ${movedTo}; the demo starts again from its sample schedules.`,
      movedTo,
    );
    if (movedTo === null) return { onStateProblem };
  }
  const saved = typeof read === 'string' ? null : read;
  return { state: { saved, save: (state) => writeJsonAtomic(path, state) }, onStateProblem };
}

/** The saved state (null: none yet), or why it cannot be used. */
async function readDemoState(path: string): Promise<SimState | null | string> {
  let read: JsonRead;
  try {
    read = await readJsonFile(path);
  } catch (error) {
    return `the file cannot be opened: ${(error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error))}`;
  }
  if (read.status === 'missing') return null;
  if (read.status === 'corrupt') return read.reason;
  return parseSimState(read.value);
}
