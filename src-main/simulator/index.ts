// The embedded AtScale simulator: the app's demo mode, the tests and `npm run simulator` all use it.
// One server answers both the engine API and the Design Center sign-in (authUrl = apiUrl = sim.url).
export { startSimulator } from './server';
export type { SimHold, Simulator, SimulatorControl, SimulatorOptions, SimulatorState, RequestLogEntry, SimJobView } from './types';
export type { FaultAction, FaultRule, SimEndpoint, ActiveFault } from './faults';
export type { SeedJob, SeedOrg } from './demo-data';
export { DEMO_ORGS, DEMO_USER, DEMO_PASSWORD, DEMO_TOKEN, DEFAULT_EXPRESSION, DEFAULT_SIMULATOR_PORT } from './demo-data';
