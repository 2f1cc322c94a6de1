// "Keep in memory for this session" is the way out when the keychain stops answering: a save with it
// goes through whole even when the old keychain entry cannot be removed, and the app says that an older
// keychain entry remains.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Simulator } from '@simulator/index';
import { call, DEMO_PASSWORD, keyringOrSkip, makeCore, profileInput, removeDir, sim, tempDir } from './helpers';

let server: Simulator;
beforeAll(async () => {
  server = await sim({ users: { admin: 'new-Password-1' } });
});
afterAll(async () => {
  await server.close();
});

describe('the keychain failing mid-session', { timeout: 60_000 }, () => {
  const ready = keyringOrSkip();
  it.skipIf(!ready)('a save kept in memory goes through whole, and the remaining keychain entry is named', async () => {
    const keytar = (await import('keytar')).default;
    const service = `AtScale Maintenance Scheduler test ${randomUUID()}`;
    const dir = await tempDir();
    const core = await makeCore(dir, { secrets: 'keytar', keychainService: service });
    try {
      const saved = await call(core, 'profiles:save', { profile: profileInput(server), secret: DEMO_PASSWORD, secretStorage: 'keychain' });
      expect(saved.secretStorage).toBe('keychain');
      // The Secret Service goes away (its daemon died): removing an entry fails.
      const dead = vi.spyOn(keytar, 'deletePassword').mockRejectedValue(new Error('The name :1.0 was not provided by any .service files'));
      try {
        const edited = await call(core, 'profiles:save', {
          profile: { ...profileInput(server, { notes: 'edited' }), id: saved.id },
          secret: 'new-Password-1',
          secretStorage: 'memory',
        });
        expect(edited).toMatchObject({ notes: 'edited', secretStorage: 'memory', hasSecret: true });
      } finally {
        dead.mockRestore();
      }
      expect((await call(core, 'profiles:list', {})).map((p) => [p.notes, p.secretStorage])).toEqual([['edited', 'memory']]);
      // The new password signs in for this session.
      expect((await call(core, 'connection:test', { profileId: saved.id })).ok).toBe(true);
      const info = await call(core, 'app:info', {});
      expect(info.keychain).toBe('available');
      expect(info.keychainProblem).toMatch(
        /^A secret now kept in memory for this session still has an older keychain entry: the keychain failed while removing it \(The name :1\.0 was not provided by any \.service files\)\. After a restart the app signs in with that older secret/,
      );
      expect(info.keychainProblem).not.toContain('new-Password-1');
    } finally {
      await core.close();
      for (const c of await keytar.findCredentials(service)) await keytar.deletePassword(service, c.account);
      await removeDir(dir);
    }
  });
});
