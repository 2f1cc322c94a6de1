// The embedded AtScale simulator: the app's demo mode, the tests and `npm run simulator` all use it.
// One server answers both the engine API and the Design Center sign-in (authUrl = apiUrl = sim.url).
export { startSimulator } from './server';
export { parseSimState, type SimState } from './saved-state';
export type {
  SimHold,
  Simulator,
  SimulatorControl,
  SimulatorOptions,
  SimulatorState,
  SimStateKeeping,
  SimStateProblem,
  RequestLogEntry,
  SimJobView,
  SimRunView,
  SimSchedulerState,
} from './types';
export type { FaultAction, FaultRule, SimEndpoint, ActiveFault } from './faults';
export type { SeedApiToken, SeedJob, SeedOrg } from './demo-data';
export {
  API_TOKEN_TTL_DAYS,
  DEFAULT_RUN_MINUTES,
  DEMO_AGING_TOKEN,
  DEMO_ANALYST_ORGS,
  DEMO_ANALYST_PASSWORD,
  DEMO_ANALYST_TOKEN,
  DEMO_ANALYST_USER,
  DEMO_API_TOKENS,
  DEMO_ORGS,
  DEMO_USER,
  DEMO_PASSWORD,
  DEMO_TOKEN,
  DEFAULT_EXPRESSION,
  DEFAULT_SIMULATOR_PORT,
} from './demo-data';
export { TRIGGER_EVENT, TRIGGER_RUN_NOW, TRIGGER_SCHEDULED } from './runs';
