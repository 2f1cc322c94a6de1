// Demo mode: the embedded simulator and two demo profiles (two orgs, two environments) that point at it.
// Demo credentials are public (the simulator prints them), so they live in memory, re-set at each start.
import { randomUUID } from 'node:crypto';
import type { Profile } from '@shared/domain';
import type { DataProblem } from '@shared/ipc';
import { DEMO_PASSWORD, DEMO_USER } from '@simulator/demo-data';
import type { ProfileStore } from './profile-store';
import type { SecretVault } from '@core/secrets/secret-vault';

export interface DemoServer {
  url: string;
  close(): Promise<void>;
  /** Optional: what the simulator accepts. Defaults to DEMO_ACCOUNT when absent. */
  demo?: DemoAccount;
}

/** What createAppCore gives the function that starts its demo server. */
export interface DemoServerContext {
  /** The app's data folder: the demo keeps its server's state there (see demo-simulator.ts). */
  dataDir: string;
  /** A demo file that could not be read (kept aside) or written, listed with the app's data problems. */
  reportProblem(problem: DataProblem): void;
  /** A line for the process log (nothing secret); absent: not logged. */
  log?: (line: string) => void;
  now?: () => Date;
}

/** Starts the demo server; a function that takes no context (a test's own simulator) fits too. */
export type StartDemoServer = (context: DemoServerContext) => Promise<DemoServer>;

export interface DemoAccount {
  username: string;
  password: string;
  /** Two orgs seeded by the simulator: the first for 'Demo dev', the second for 'Demo prod'. */
  orgIds: readonly [string, string];
}

/** The simulator's seeded demo user and two of its orgs. */
export const DEMO_ACCOUNT: DemoAccount = { username: DEMO_USER, password: DEMO_PASSWORD, orgIds: ['default', 'sales-analytics'] };

const DEMO_SHAPES = [
  { name: 'Demo dev', environment: { kind: 'development', label: 'development', color: '#2f9e44' } },
  { name: 'Demo prod', environment: { kind: 'production', label: 'production', color: '#d9480f' } },
] as const;

export function demoProfiles(url: string, account: DemoAccount, now: Date): Profile[] {
  const stamp = now.toISOString();
  return DEMO_SHAPES.map((shape, index) => ({
    id: randomUUID(),
    name: shape.name,
    environment: { ...shape.environment },
    apiUrl: url,
    authUrl: url,
    orgId: account.orgIds[index] ?? account.orgIds[0],
    signIn: 'password',
    username: account.username,
    serverTimeZone: 'UTC',
    caCertPath: null,
    notes: 'Demo profile: points at the simulator built into the app. Delete it once you add a real AtScale server.',
    demo: true,
    createdAt: stamp,
    updatedAt: stamp,
  }));
}

/** Points every demo profile at the simulator's current URL (its port can change between starts) and sets its secret. */
export async function attachDemoProfiles(store: ProfileStore, vault: SecretVault, server: DemoServer): Promise<void> {
  const account = server.demo ?? DEMO_ACCOUNT;
  const stale = store.list().filter((p) => p.demo && (p.apiUrl !== server.url || p.authUrl !== server.url));
  if (stale.length > 0) {
    await store.update((list) => list.map((p) => (p.demo ? { ...p, apiUrl: server.url, authUrl: server.url } : p)));
  }
  for (const p of store.list()) if (p.demo) await vault.set(p.id, account.password, 'memory', { publicSecret: true });
}
