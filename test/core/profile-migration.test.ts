// A profiles file written by the app's first release (schema 2, produced by that release's own store:
// test/core/fixtures/profiles-written-by-app-1.json) with its per-profile keychain entries and token
// dates migrates without loss: every profile reads back field for field, every secret signs in through
// the same channels (now one entry per server and user; an org whose secret differed keeps its own), the
// old file is kept as a backup that a later migration never replaces.
import { afterEach, describe, expect, it } from 'vitest';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Profile } from '@shared/domain';
import type { AppCore } from '@core/app-core';
import { openSecretVault } from '@core/secrets/secret-vault';
import { unseal, sealedSchema } from '@core/connections/encrypted-secrets';
import { call, keyringOrSkip, makeCore, removeDir, tempDir } from './helpers';

const FIXTURE = join(__dirname, 'fixtures', 'profiles-written-by-app-1.json');
const NOW = new Date('2026-11-28T12:00:00.000Z');
/** The first release's keychain: one entry per profile, account = profile id. */
const OLD_SECRETS: Record<string, string> = {
  'east-sales': 'east-admin-pw',
  'east-finance': 'east-admin-pw',
  'east-default-old-pw': 'east-admin-OLD-pw',
  'east-staging-copy': 'east-admin-pw',
  'west-token': 'west-api-token',
  'west-other-user': 'west-ops-pw',
};

let dir: string;
let core: AppCore | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
  await removeDir(dir);
});

describe('migrating a profiles file of the first release', () => {
  const ready = keyringOrSkip();
  it.skipIf(!ready)('keeps every profile, field and secret; merges keychain entries per server and user; backs up the old file once', async () => {
    const keytar = (await import('keytar')).default;
    const service = `AtScale Maintenance Scheduler test ${Date.now()}`;
    dir = await tempDir();
    const original = await readFile(FIXTURE, 'utf8');
    const before = (JSON.parse(original) as { schemaVersion: number; profiles: Profile[] }).profiles;
    await copyFile(FIXTURE, join(dir, 'profiles.json'));
    const old = await openSecretVault({ mode: 'keytar', service });
    for (const [id, secret] of Object.entries(OLD_SECRETS)) await old.set(id, secret, 'keychain');
    await mkdir(join(dir, 'connections'));
    await writeFile(
      join(dir, 'connections', 'token-dates.json'),
      JSON.stringify({ version: 1, tokens: { 'west-token': { savedAt: '2026-09-10T08:00:00.000Z' } } }),
    );

    try {
      core = await makeCore(dir, { secrets: 'keytar', keychainService: service, now: () => NOW });
      expect((await call(core, 'app:info', {})).dataProblems).toEqual([]);
      const views = await call(core, 'profiles:list', {});
      // Every profile, every field, in the same order; the server's id is new information.
      expect(views.map(({ hasSecret: _h, secretStorage: _s, serverId: _v, ...flat }) => flat)).toEqual(before);
      expect(views.map((p) => [p.id, p.hasSecret, p.secretStorage])).toEqual([
        ['east-sales', true, 'keychain'],
        ['east-finance', true, 'keychain'],
        ['east-default-old-pw', true, 'keychain'],
        ['east-staging-copy', true, 'keychain'],
        ['west-token', true, 'keychain'],
        ['west-other-user', true, 'keychain'],
        ['dev-local', false, 'none'],
      ]);

      // Four servers: the east orgs share one (the staging view overrides environment, zone and CA);
      // the west server is two, one per user (the token and "ops").
      const disk = JSON.parse(await readFile(join(dir, 'profiles.json'), 'utf8')) as {
        schemaVersion: number;
        servers: { id: string; username: string; serverTimeZone: string; caCertPath: string | null }[];
        profiles: { id: string; serverId: string; overrides?: object }[];
      };
      expect(disk.schemaVersion).toBe(3);
      expect(disk.servers.map((s) => [s.id, s.username, s.serverTimeZone, s.caCertPath])).toEqual([
        ['east-sales', 'admin', 'America/New_York', '/etc/atscale/east-ca.pem'],
        ['west-token', '', 'Europe/Berlin', null],
        ['west-other-user', 'ops', 'UTC', null],
        ['dev-local', 'admin', 'UTC', null],
      ]);
      expect(disk.profiles.map((p) => [p.id, p.serverId, p.overrides ?? null])).toEqual([
        ['east-sales', 'east-sales', null],
        ['east-finance', 'east-sales', null],
        ['east-default-old-pw', 'east-sales', null],
        ['east-staging-copy', 'east-sales', { environment: { kind: 'staging', label: 'staging' }, serverTimeZone: 'UTC', caCertPath: null }],
        ['west-token', 'west-token', null],
        ['west-other-user', 'west-other-user', null],
        ['dev-local', 'dev-local', null],
      ]);
      // One entry per server and user; the org whose secret differed keeps its own.
      const entries = Object.fromEntries((await keytar.findCredentials(service)).map((c) => [c.account, c.password]));
      expect(entries).toEqual({
        'east-sales': 'east-admin-pw',
        'profile:east-default-old-pw': 'east-admin-OLD-pw',
        'west-token': 'west-api-token',
        'west-other-user': 'west-ops-pw',
      });

      // Each profile's secret is the one it had, read through the channel that exports them.
      const exported = await call(core, 'profiles:export-encrypted', { passphrase: 'correct horse battery' });
      const doc = JSON.parse(exported.json) as { profiles: unknown[]; secrets: unknown };
      const sealed = await unseal(sealedSchema.parse(doc.secrets), 'correct horse battery', JSON.stringify(doc.profiles));
      expect(Object.fromEntries(sealed.map((e) => [before[e.index]!.id, e.secret]))).toEqual(OLD_SECRETS);
      // The token's age is still known.
      expect(await call(core, 'tokens:ages', {})).toEqual([expect.objectContaining({ profileId: 'west-token', since: '2026-09-10T08:00:00.000Z' })]);

      // The old file is kept byte for byte.
      expect(await readFile(join(dir, 'profiles.v2-backup.json'), 'utf8')).toBe(original);

      // A restart changes nothing; a second migration (the old file put back) does not replace the backup.
      await core.close();
      await writeFile(join(dir, 'profiles.v2-backup.json'), 'the first backup');
      await copyFile(FIXTURE, join(dir, 'profiles.json'));
      core = await makeCore(dir, { secrets: 'keytar', keychainService: service, now: () => NOW });
      expect(await readFile(join(dir, 'profiles.v2-backup.json'), 'utf8')).toBe('the first backup');
      expect((await call(core, 'profiles:list', {})).map((p) => p.hasSecret)).toEqual([true, true, true, true, true, true, false]);
    } finally {
      for (const c of await keytar.findCredentials(service)) await keytar.deletePassword(service, c.account);
    }
  });
});
