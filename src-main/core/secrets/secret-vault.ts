// Secrets: the OS keychain through keytar (one entry per account: `server:<server id>` for a server and
// user, a profile id for an org that keeps its own secret; see profile-secrets.ts), or memory for this
// session only. Nothing else ever stores them. keytar is loaded lazily so a missing native module or
// a missing Secret Service becomes a plain "keychain unavailable" message, not a crash.
import type { SecretStorage } from '@shared/domain';
import { AppFailure } from '@core/errors';

export const KEYCHAIN_SERVICE = 'AtScale Maintenance Scheduler';

/** What a user can do when the keychain will not take a secret, as the refusal without a keychain says too. */
const MEMORY_WAY_OUT = 'You can keep the secret in memory for this session instead.';
const KEYCHAIN_TIMEOUT_MS = 10_000;

interface Keytar {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>;
}

export interface KeychainStatus {
  keychain: 'available' | 'unavailable';
  problem: string | null;
}

export interface SecretVault {
  /**
   * `problem` also names, while the keychain is available, old keychain entries that could not be
   * removed when a secret was put in memory for this session (they may sign in again after a restart).
   */
  status(): KeychainStatus;
  storageOf(account: string): SecretStorage;
  get(account: string): Promise<string | null>;
  /** `publicSecret`: a published demo password, not worth redacting (it would mangle ordinary words). */
  set(account: string, secret: string, storage: Exclude<SecretStorage, 'none'>, options?: { publicSecret?: boolean }): Promise<void>;
  clear(account: string): Promise<void>;
  /** Every secret this process has seen, so messages can be redacted. Memory only. */
  known(): Iterable<string>;
}

export interface VaultOptions {
  mode: 'keytar' | 'memory';
  service?: string;
}

export async function openSecretVault(options: VaultOptions): Promise<SecretVault> {
  const service = options.service ?? KEYCHAIN_SERVICE;
  const memory = new Map<string, string>();
  const inKeychain = new Set<string>();
  const seen = new Set<string>();
  let keytar: Keytar | null = null;
  let problem: string | null = null;
  /** Accounts kept in memory whose old keychain entry could not be removed (the keychain failed then). */
  const stale = new Map<string, string>();
  const staleProblem = (): string | null => {
    if (stale.size === 0) return null;
    // Stryker disable next-line StringLiteral: never used: stale has an entry here, so at(-1) is defined
    const detail = [...stale.values()].at(-1) ?? '';
    return `${stale.size === 1 ? 'A secret now kept in memory for this session still has an older keychain entry' : `${stale.size} secrets now kept in memory for this session still have older keychain entries`}: the keychain failed while removing it (${detail}). After a restart the app signs in with that older secret; save the secret again once the keychain answers.`;
  };

  if (options.mode === 'memory') {
    problem = 'The keychain is turned off for this run; secrets are kept in memory for this session only.';
  } else {
    try {
      keytar = await loadKeytar();
      // One call both proves the Secret Service answers and tells which profiles have a secret.
      const found = await withTimeout(keytar.findCredentials(service), 'reading the keychain');
      for (const c of found) {
        inKeychain.add(c.account);
        seen.add(c.password);
      }
    } catch (error) {
      keytar = null;
      problem = describeKeychainProblem(error);
    }
  }

  const unavailable = (): never => {
    throw new AppFailure('keychain-unavailable', `No keychain is available: ${problem ?? 'unknown reason'} ${MEMORY_WAY_OUT}`);
  };

  return {
    status: () => ({ keychain: keytar ? 'available' : 'unavailable', problem: problem ?? staleProblem() }),
    storageOf: (id) => (memory.has(id) ? 'memory' : inKeychain.has(id) ? 'keychain' : 'none'),
    async get(id) {
      const m = memory.get(id);
      if (m !== undefined) return m;
      // Stryker disable next-line LogicalOperator: keytar reads an account it has no entry for as null too; this saves the call.
      if (!keytar || !inKeychain.has(id)) return null;
      const secret = await guard(keytar.getPassword(service, id), 'reading the secret from the keychain');
      if (secret !== null) seen.add(secret);
      return secret;
    },
    async set(id, secret, storage, setOptions) {
      if (!setOptions?.publicSecret) seen.add(secret);
      if (storage === 'memory') {
        memory.set(id, secret);
        // Keep one place only: a memory secret replaces a keychain entry. Best effort: the memory secret
        // wins for this session already, and keeping in memory is the way out when the keychain fails.
        // Stryker disable next-line LogicalOperator: deleting an entry keytar does not have is a no-op (and without keytar none is known).
        if (keytar && inKeychain.has(id)) {
          try {
            await withTimeout(keytar.deletePassword(service, id), 'removing the old keychain entry');
            inKeychain.delete(id);
            stale.delete(id);
          } catch (error) {
            stale.set(id, error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error));
          }
        }
        return;
      }
      if (!keytar) unavailable();
      await guard(keytar!.setPassword(service, id, secret), 'saving the secret in the keychain', MEMORY_WAY_OUT);
      inKeychain.add(id);
      memory.delete(id);
      stale.delete(id);
    },
    async clear(id) {
      // The keychain entry first: a clear that fails leaves the secret where it was (a memory secret whose
      // old entry cannot be removed still signs in for this session).
      // Stryker disable next-line LogicalOperator: deleting an entry keytar does not have is a no-op (and without keytar none is known).
      if (keytar && inKeychain.has(id)) {
        await guard(keytar.deletePassword(service, id), 'removing the secret from the keychain');
        inKeychain.delete(id);
      }
      memory.delete(id);
      stale.delete(id);
    },
    known: () => seen,
  };
}

async function loadKeytar(): Promise<Keytar> {
  try {
    const mod = (await import('keytar')) as unknown as { default?: Keytar } & Keytar;
    // Stryker disable next-line LogicalOperator: keytar is CommonJS; the namespace itself carries its functions as named exports too
    return mod.default ?? mod;
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Error(`the keytar native module could not be loaded (${detail}).`);
  }
}

function describeKeychainProblem(error: unknown): string {
  const detail = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
  if (/keytar native module/.test(detail)) return `${detail} Reinstall the app.`;
  return `the system keychain (Secret Service) did not answer (${detail}). On Linux, install and unlock GNOME Keyring or KWallet.`;
}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    // A locked keyring may wait forever for a password prompt; do not hang the app on it.
    timer = setTimeout(() => reject(new Error(`no answer within ${KEYCHAIN_TIMEOUT_MS / 1000} s while ${what}`)), KEYCHAIN_TIMEOUT_MS);
    timer.unref();
  });
  // Stryker disable next-line ArrowFunction: the timer is unref'd and a late rejection of a settled race is ignored; this only frees it early
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function guard<T>(promise: Promise<T>, what: string, wayOut?: string): Promise<T> {
  try {
    return await withTimeout(promise, what);
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new AppFailure('keychain-unavailable', `The keychain failed while ${what} (${detail}).${wayOut ? ` ${wayOut}` : ''}`);
  }
}
