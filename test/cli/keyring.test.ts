// The command line with the real keychain, as the desktop app keeps secrets: the profile saved with its
// secret in the keyring by the app's core is used by the command line without any secret given to it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '@simulator/index';
import type { ScheduleList } from '@shared/domain';
import { createAppCore } from '@core/app-core';
import { call, keyringOrSkip, profileInput, removeDir, sim, tempDir } from '../core/helpers';
import { cli, printed } from './helpers';

const SECRET = 'cli-Keyring-7e1c#';
let server: Simulator;
let dir: string;
beforeAll(async () => {
  server = await sim({ users: { admin: SECRET } });
  dir = await tempDir('cli-keyring-');
});
afterAll(async () => {
  expect(printed.join('\n')).not.toContain(SECRET);
  await server.close();
  await removeDir(dir);
});

describe('the command line and the real keychain', { timeout: 60_000 }, () => {
  const ready = keyringOrSkip();
  it.skipIf(!ready)('lists and creates with the secret the app stored in the keychain', async () => {
    // The app's own keychain service name: the keyring is private to this test run (with-keyring.sh).
    let core = await createAppCore({ dataDir: dir, secrets: 'keytar' });
    const profile = await call(core, 'profiles:save', { profile: profileInput(server, { name: 'Keyring dev' }), secret: SECRET });
    expect(profile.secretStorage).toBe('keychain');
    await core.close();
    try {
      const listed = await cli(['schedules', 'Keyring dev', '--json', '--data-dir', dir]);
      expect(listed.stderr).toBe('');
      expect(listed.code).toBe(0);
      expect((JSON.parse(listed.stdout) as ScheduleList).source).toBe('live');
      const created = await cli(['create', profile.id, '0 0 2 ? * TUE', '--data-dir', dir]);
      expect(created.code).toBe(0);
      expect(server.jobs('default', true).map((j) => j.timeExpression)).toContain('0 0 2 ? * TUE');
    } finally {
      core = await createAppCore({ dataDir: dir, secrets: 'keytar' });
      await call(core, 'profiles:delete', { id: profile.id });
      await core.close();
    }
  });
});
