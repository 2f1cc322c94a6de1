// The profile editor's notice of an older secret left in the keychain: shown only for that problem (a
// keychain that is available yet reports one), in the core's words, naming the profiles it can be (those
// kept in memory; the problem itself names none) and what to do.
import { describe, expect, it } from 'vitest';
import { keychainNoticeOf } from '@renderer/profiles/keychain-notice';

const STALE =
  'A secret now kept in memory for this session still has an older keychain entry: the keychain failed while removing it (no answer within 10 s while removing the old keychain entry). After a restart the app signs in with that older secret; save the secret again once the keychain answers.';
const SERVICE = 'AtScale Maintenance Scheduler (a data folder)';
const available = { keychain: 'available' as const, keychainProblem: STALE, keychainService: SERVICE };
const p = (id: string, secretStorage: 'keychain' | 'memory' | 'none', signIn: 'password' | 'token' = 'password') => ({
  id,
  name: `Org ${id}`,
  secretStorage,
  signIn,
});

describe('keychainNoticeOf', () => {
  it('says nothing without that problem, or when the keychain is unavailable (the storage choice says so)', () => {
    expect(keychainNoticeOf(null, [p('a', 'memory')], null)).toBeNull();
    expect(keychainNoticeOf({ keychain: 'available', keychainProblem: null, keychainService: SERVICE }, [p('a', 'memory')], null)).toBeNull();
    expect(keychainNoticeOf({ keychain: 'available', keychainProblem: '  ', keychainService: SERVICE }, [p('a', 'memory')], null)).toBeNull();
    expect(
      keychainNoticeOf(
        { keychain: 'unavailable', keychainProblem: 'the system keychain (Secret Service) did not answer.', keychainService: SERVICE },
        [p('a', 'memory')],
        null,
      ),
    ).toBeNull();
  });

  it('tells what happened in the core words and what to do', () => {
    const notice = keychainNoticeOf(available, [p('a', 'memory'), p('b', 'keychain')], p('b', 'keychain'));
    expect(notice?.what).toBe(STALE);
    expect(notice?.which).toBe('Only a profile whose secret is kept in memory for this session can have one: “Org a”.');
    expect(notice?.todo).toMatch(
      /^To remove it, once the keychain answers again \(unlock it, or start its service\), type the password of each such profile in its editor and save it: /,
    );
    // The name the core's keychain entries carry, as it says in app:info (the harness's differs from the app's).
    expect(notice?.todo).toContain(`the app's entries are named “${SERVICE}”`);
  });

  it('says when the profile open is the one, and names at most three others', () => {
    expect(keychainNoticeOf(available, [p('a', 'memory', 'token'), p('b', 'none')], p('a', 'memory'))).toMatchObject({
      which: 'Only a profile whose secret is kept in memory for this session can have one, and this profile is the only one.',
      todo: expect.stringContaining('type its API token above and save this profile:'),
    });
    const many = ['a', 'b', 'c', 'd', 'e'].map((id) => p(id, 'memory', id === 'e' ? 'token' : 'password'));
    expect(keychainNoticeOf(available, many, p('b', 'memory'))).toMatchObject({
      which: 'Only a profile whose secret is kept in memory for this session can have one: “Org a”, “Org b”, “Org c” or 2 more (this profile among them).',
      todo: expect.stringContaining('type the password or API token of each such profile'),
    });
    expect(keychainNoticeOf(available, [p('a', 'keychain')], null)?.which).toBeNull();
  });
});
