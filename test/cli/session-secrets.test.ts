// The command line and the browser version on the desktop app's data folder and keychain: a secret given
// for one run (--secrets memory) leaves what the app stored about its token alone, and a profile saved in
// `npm run dev:browser -- --data-dir DIR` has its secret where the app and the command line look.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Simulator } from '@simulator/index';
import type { ScheduleList } from '@shared/domain';
import { createAppCore } from '@core/app-core';
import { KEYCHAIN_SERVICE } from '@core/secrets/secret-vault';
import { TOKEN_DATES_FILE } from '@core/connections/token-dates';
import { harnessOptions } from '../harness/cli';
import { call, keyringOrSkip, profileInput, removeDir, sim, tempDir, DEMO_PASSWORD } from '../core/helpers';
import { cli, printed } from './helpers';

const DAY = 86_400_000;
const TOKEN = 'tok-Session-3f9a#';
let server: Simulator;
let dir = '';
beforeAll(async () => {
  server = await sim();
});
afterAll(async () => {
  expect(printed.join('\n')).not.toContain(TOKEN);
  expect(printed.join('\n')).not.toContain(DEMO_PASSWORD);
  await server.close();
});
afterEach(async () => {
  if (dir === '') return;
  // Each test's profiles go, and with them their entries under the app's keychain service.
  const core = await createAppCore({ dataDir: dir, secrets: 'keytar' });
  for (const p of await call(core, 'profiles:list', {})) await call(core, 'profiles:delete', { id: p.id });
  await core.close();
  await removeDir(dir);
  dir = '';
});

describe('a secret given to the command line for one run', { timeout: 60_000 }, () => {
  const ready = keyringOrSkip();
  it.skipIf(!ready)("keeps the desktop app's token expiry warning as it was", async () => {
    dir = await tempDir('cli-session-');
    // The desktop app, 80 days ago: a token profile with its token in the keychain.
    let app = await createAppCore({ dataDir: dir, secrets: 'keytar', now: () => new Date(Date.now() - 80 * DAY) });
    await call(app, 'profiles:save', {
      profile: profileInput(server, { name: 'Prod', signIn: 'token', username: '' }),
      secret: TOKEN,
      secretStorage: 'keychain',
    });
    await app.close();
    app = await createAppCore({ dataDir: dir, secrets: 'keytar' });
    const before = await call(app, 'tokens:ages', {});
    await app.close();
    expect(before).toEqual([expect.objectContaining({ daysLeft: 9, warn: true })]);
    const file = await readFile(join(dir, TOKEN_DATES_FILE), 'utf8');

    // A script runs the command line without the keychain, the same token given through the environment.
    const run = await cli(['schedules', 'Prod', '--secrets', 'memory', '--data-dir', dir], { env: { ATSCALE_SECRET: TOKEN } });
    expect(run.stderr).not.toContain(TOKEN);

    expect(await readFile(join(dir, TOKEN_DATES_FILE), 'utf8')).toBe(file);
    app = await createAppCore({ dataDir: dir, secrets: 'keytar' });
    const after = await call(app, 'tokens:ages', {});
    await app.close();
    expect(after).toEqual(before);
  });
});

describe('npm run dev:browser -- --data-dir DIR', { timeout: 60_000 }, () => {
  const ready = keyringOrSkip();
  it('uses the data folder given and the keychain service of the app', () => {
    expect(harnessOptions(['--data-dir', '/some/dir', '--port', '0'])).toMatchObject({ dataDir: '/some/dir', keychainService: KEYCHAIN_SERVICE, port: 0 });
    expect(harnessOptions([]).keychainService).toBe(KEYCHAIN_SERVICE);
  });

  it.skipIf(!ready)('saves secrets the command line and the desktop app on that folder sign in with', async () => {
    dir = await tempDir('harness-dir-');
    // The core as the harness opens it from those options (test/harness/server.ts passes them through);
    // the harness itself needs a built renderer, which this stage runs before.
    const options = harnessOptions(['--data-dir', dir, '--port', '0']);
    const browser = await createAppCore({ dataDir: dir, secrets: 'keytar', ...(options.keychainService ? { keychainService: options.keychainService } : {}) });
    try {
      const saved = await call(browser, 'profiles:save', {
        profile: profileInput(server, { name: 'Browser profile' }),
        secret: DEMO_PASSWORD,
        secretStorage: 'keychain',
      });
      expect(saved.secretStorage).toBe('keychain');
    } finally {
      await browser.close();
    }
    const listed = await cli(['schedules', 'Browser profile', '--json', '--data-dir', dir]);
    expect(listed.stderr).toBe('');
    expect(listed.code).toBe(0);
    expect((JSON.parse(listed.stdout) as ScheduleList).source).toBe('live');
    const app = await createAppCore({ dataDir: dir, secrets: 'keytar' });
    try {
      expect((await call(app, 'profiles:list', {})).map((p) => p.secretStorage)).toEqual(['keychain']);
    } finally {
      await app.close();
    }
  });
});
