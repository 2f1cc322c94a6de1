// The core lints an expression before it creates it: an error verdict refuses the create with the
// linter's words and nothing reaches the server; 'too-frequent' needs the explicit override; warnings pass.
// Real core, real client, the simulator over sockets.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Simulator } from '@simulator/index';
import type { AppCore } from '@core/app-core';
import type { ProfileView } from '@shared/domain';
import { DEMO_PASSWORD, call, callFails, makeCore, profileInput, removeDir, sim, tempDir } from './helpers';

let server: Simulator;
let dir: string;
let core: AppCore;
let profile: ProfileView;

beforeAll(async () => {
  server = await sim();
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  dir = await tempDir();
  core = await makeCore(dir);
  profile = await call(core, 'profiles:save', { profile: profileInput(server), secret: DEMO_PASSWORD, secretStorage: 'memory' });
});
afterEach(async () => {
  await core.close();
  await removeDir(dir);
  server.reset();
});

const onServer = (expression: string): number => server.jobs('default', true).filter((j) => j.timeExpression === expression).length;

describe('schedules:create lints before it sends', () => {
  it('refuses an expression that never fires (which the server would accept) with the linter’s message, nothing sent or audited', async () => {
    const expression = '0 0 4 ? * * 2020-2025';
    const error = await callFails(core, 'schedules:create', { profileId: profile.id, orgId: 'default', timeExpression: expression });
    expect(error.kind).toBe('invalid-input');
    expect(error.message).toMatch(/was not sent: Year: .*2020/);
    expect(onServer(expression)).toBe(0);
    expect(await call(core, 'audit:list', { profileId: profile.id })).toEqual([]);
  });

  it('refuses a schedule that runs every minute unless the override is given, and says how to allow it', async () => {
    const expression = '0 * * ? * *';
    const refused = await callFails(core, 'schedules:create', { profileId: profile.id, orgId: 'default', timeExpression: expression });
    expect(refused.kind).toBe('invalid-input');
    expect(refused.message).toMatch(/1 minute apart.*allow too-frequent schedules explicitly/);
    expect(onServer(expression)).toBe(0);

    const created = await call(core, 'schedules:create', { profileId: profile.id, orgId: 'default', timeExpression: expression, allowTooFrequent: true });
    expect(created.timeExpression).toBe(expression);
    expect(onServer(expression)).toBe(1);
  });

  it('never lets the override pass another error', async () => {
    const error = await callFails(core, 'schedules:create', {
      profileId: profile.id,
      orgId: 'default',
      timeExpression: '* * * ? * * 2020',
      allowTooFrequent: true,
    });
    expect(error.kind).toBe('invalid-input');
    expect(error.message).toMatch(/Year: /);
    expect(error.message).not.toMatch(/allow too-frequent/);
  });

  it('lets a warning through: the schedule is created', async () => {
    const expression = '0 0 4 ? * * 2020-2099';
    const created = await call(core, 'schedules:create', { profileId: profile.id, orgId: 'default', timeExpression: expression });
    expect(created.jobId).not.toBe('');
    expect(onServer(expression)).toBe(1);
  });

  it('checks the confirmed org before anything else: the override never stands in for it in production', async () => {
    const prod = await call(core, 'profiles:save', {
      profile: profileInput(server, { name: 'Sales prod', environment: { kind: 'production', label: 'production', color: '#c92a2a' } }),
      secret: DEMO_PASSWORD,
      secretStorage: 'memory',
    });
    const error = await callFails(core, 'schedules:create', { profileId: prod.id, orgId: 'other', timeExpression: '0 * * ? * *', allowTooFrequent: true });
    expect(error.kind).toBe('profile-mismatch');
    const created = await call(core, 'schedules:create', { profileId: prod.id, orgId: 'default', timeExpression: '0 * * ? * *', allowTooFrequent: true });
    expect(created.orgId).toBe('default');
  });
});
