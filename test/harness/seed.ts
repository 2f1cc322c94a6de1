// Seeds the harness: N profiles, each its own simulator org with M schedules (bench: 10 x 20).
import { createHash } from 'node:crypto';
import type { Handlers } from '@core/app-core';
import { DEMO_TOKEN, type SeedJob, type Simulator } from '@simulator/index';
import { ENVIRONMENTS, expressionFor } from './seed-mix';

/** A UUID-shaped id derived from a name, so seeded runs are reproducible. */
function seededUuid(name: string): string {
  const h = createHash('sha256').update(name).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export async function seedProfiles(handlers: Handlers, sim: Simulator, profiles: number, schedulesPerProfile: number): Promise<void> {
  for (let i = 0; i < profiles; i++) {
    const orgId = `seed-org-${String(i + 1).padStart(2, '0')}`;
    const jobs: SeedJob[] = Array.from({ length: schedulesPerProfile }, (_, j) => ({
      jobId: seededUuid(`${orgId}/${j}`),
      timeExpression: expressionFor(i, j),
      fullBuild: j % 5 === 0,
      createdBy: j % 3 === 0 ? 'dataops' : 'admin',
      createdDaysAgo: 10 + j,
    }));
    sim.addOrg(orgId, jobs);
    const env = ENVIRONMENTS[i % ENVIRONMENTS.length]!;
    const saved = await handlers['profiles:save']({
      profile: {
        name: `Org ${String(i + 1).padStart(2, '0')} ${env.label}`,
        environment: { ...env },
        apiUrl: sim.url,
        authUrl: sim.url,
        orgId,
        signIn: 'token',
        username: '',
        serverTimeZone: 'UTC',
        caCertPath: null,
        notes: 'Seeded by the browser harness.',
      },
      secret: DEMO_TOKEN,
      secretStorage: 'memory',
    });
    if (!saved.ok) throw new Error(`Seeding profile ${i + 1} failed: ${saved.error.message}`);
  }
}
