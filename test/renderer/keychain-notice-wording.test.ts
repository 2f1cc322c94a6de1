// The keychain notice's wording at its edges: exactly three profiles named, a new profile's editor, and
// the whole of what to do.
import { describe, expect, it } from 'vitest';
import { keychainNoticeOf } from '@renderer/profiles/keychain-notice';

const SERVICE = 'AtScale Maintenance Scheduler';
const available = { keychain: 'available' as const, keychainProblem: 'An older keychain entry is left. ', keychainService: SERVICE };
const p = (id: string, secretStorage: 'keychain' | 'memory' | 'none', signIn: 'password' | 'token' = 'password') => ({
  id,
  name: `Org ${id}`,
  secretStorage,
  signIn,
});
const ONLY = 'Only a profile whose secret is kept in memory for this session can have one';

describe('keychainNoticeOf wording', () => {
  it('names three profiles in memory without a "more"', () => {
    const three = ['a', 'b', 'c'].map((id) => p(id, 'memory'));
    expect(keychainNoticeOf(available, three, p('x', 'keychain'))?.which).toBe(`${ONLY}: “Org a”, “Org b” or “Org c”.`);
  });

  it('in a new profile’s editor, names the profiles it can be, none of them this one', () => {
    const notice = keychainNoticeOf(available, [p('a', 'memory', 'token'), p('b', 'memory', 'token')], null);
    expect(notice?.which).toBe(`${ONLY}: “Org a” or “Org b”.`);
    expect(notice?.todo).toContain('type the API token of each such profile in its editor and save it:');
  });

  it('ends the core’s sentence once, and says the whole of what to do', () => {
    const notice = keychainNoticeOf(available, [p('a', 'memory')], p('a', 'memory'));
    expect(notice?.what).toBe('An older keychain entry is left.');
    expect(notice?.todo).toBe(
      'To remove it, once the keychain answers again (unlock it, or start its service), type its password above and save this profile: ' +
        'kept in the system keychain, the new secret replaces the old entry; kept in memory, the old entry is removed. ' +
        'Or delete the old entry in your keychain app (Passwords and Keys, Keychain Access or Credential Manager), ' +
        `where the app's entries are named “${SERVICE}”; a server whose entry is gone asks for its secret at the next start.`,
    );
  });
});
