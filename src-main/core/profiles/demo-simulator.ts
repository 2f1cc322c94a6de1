// The embedded simulator as a demo server for createAppCore (the desktop app and the browser harness).
import { join } from 'node:path';
import { startSimulator, type SimStateProblem, type SimulatorOptions } from '@simulator/index';
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
  const sim = await startSimulator({ port: 0, ...demoStateOptions(context) });
  return { url: sim.url, close: () => sim.close(), demo: DEMO_ACCOUNT };
}

/**
 * The simulator options that keep the demo's state in the data folder (none without one): problems with
 * the file are reported as data problems of DEMO_STATE_FILE, a taken port only logged.
 */
export function demoStateOptions(context: Partial<DemoServerContext>): Pick<SimulatorOptions, 'stateFile' | 'onStateProblem'> {
  const { dataDir, reportProblem, log } = context;
  if (dataDir === undefined) return {};
  const now = context.now ?? (() => new Date());
  return {
    stateFile: join(dataDir, DEMO_STATE_FILE),
    onStateProblem: (problem: SimStateProblem) => {
      if (problem.kind === 'port-taken') {
        log?.(`The demo's port ${problem.savedPort} is taken; the demo listens on ${problem.port} this time.`);
        return;
      }
      const movedTo = problem.kind === 'unreadable' ? problem.movedTo : null;
      reportProblem?.({ file: DEMO_STATE_FILE, movedTo, reason: demoProblemText(problem), at: now().toISOString() });
    },
  };
}

function demoProblemText(problem: Exclude<SimStateProblem, { kind: 'port-taken' }>): string {
  if (problem.kind === 'unwritable') {
    return `The demo's schedules could not be saved (${problem.reason}); what you change in the demo now is lost when the app closes.`;
  }
  return problem.movedTo === null
    ? `The demo's schedules could not be read (${problem.reason}) and could not be moved aside; the demo starts from its sample schedules and saves nothing until the file is removed.`
    : `The demo's schedules could not be read (${problem.reason}). They were kept as ${problem.movedTo}; the demo starts again from its sample schedules.`;
}
