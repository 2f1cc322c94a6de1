// The embedded simulator as a demo server for createAppCore (the desktop app and the browser harness).
import { startSimulator } from '@simulator/index';
import { DEMO_ACCOUNT, type DemoServer } from './demo';

/** Port 0: a free port each start; demo profiles are re-pointed at it (see attachDemoProfiles). */
export async function startDemoSimulator(): Promise<DemoServer> {
  const sim = await startSimulator({ port: 0 });
  return { url: sim.url, close: () => sim.close(), demo: DEMO_ACCOUNT };
}
