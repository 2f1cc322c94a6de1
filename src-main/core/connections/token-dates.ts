// When each API token was saved in this app (or issued, when the server said so), kept in
// connections/token-dates.json in the data folder, keyed by the token's keychain account: its server and
// user (`server:<id>`, shared by the orgs there), or one org's own. The first release keyed them by
// profile id; such a date still counts for that profile until a new token is saved. Dates only: never a token.
// A token kept in memory for this session only (the command line's --secrets memory, or "keep in memory")
// has its dates kept in memory too: the file describes the stored token, which another process (the
// desktop app) still signs in with, so a session's token never resets its expiry warning.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { DataProblem } from '@shared/ipc';
import type { TokenAge } from '@shared/ipc/channels/connections';
import type { ProfileStore } from '@core/profiles/profile-store';
import type { SecretHooks } from '@core/profiles/server-secrets';
import { moveAside, readJsonFile, writeJsonAtomic } from '@core/storage/json-file';

export const TOKEN_DATES_FILE = join('connections', 'token-dates.json');
/** AtScale API tokens stop working this many days after they are issued. */
export const API_TOKEN_DAYS = 90;
/** The warning shows from this many days before expiry on. */
export const TOKEN_WARN_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

const dateEntry = z.object({
  savedAt: z.string().datetime().optional(),
  issuedAt: z.string().datetime().optional(),
  expiresAt: z.string().datetime().optional(),
});
const fileSchema = z.object({ version: z.literal(1), tokens: z.record(z.string(), dateEntry) });
export type TokenDates = z.infer<typeof dateEntry>;

export interface TokenDateStore {
  get(account: string): Promise<TokenDates | undefined>;
  /** A new token was saved now: what the server said about the old one no longer applies. */
  saved(account: string, at: Date): Promise<void>;
  /** A token kept for this session only: its dates live in memory, over the file's, until the process ends. */
  savedForSession(account: string, at: Date): void;
  /** The server said when the token in use was issued (and maybe when it expires). */
  issued(account: string, issuedAt: string, expiresAt: string | null): Promise<void>;
  /** The token of `from` now also signs in as `to`: it is just as old. */
  copy(from: string, to: string): Promise<void>;
  forget(account: string): Promise<void>;
}

export function openTokenDates(dataDir: string, now: () => Date, reportProblem: (problem: DataProblem) => void = () => undefined): TokenDateStore {
  const path = join(dataDir, TOKEN_DATES_FILE);
  let loaded: Promise<Record<string, TokenDates>> | null = null;
  let unmovable = false;
  let queue: Promise<unknown> = Promise.resolve();
  /** Accounts whose token in use is kept for this session only: their dates, never written. */
  const session = new Map<string, TokenDates>();
  const load = (): Promise<Record<string, TokenDates>> => {
    loaded ??= (async () => {
      const read = await readJsonFile(path);
      if (read.status === 'missing') return {};
      const parsed = read.status === 'ok' ? fileSchema.safeParse(read.value) : null;
      if (parsed?.success) return { ...parsed.data.tokens };
      // Only dates are lost (the warning falls back to "unknown"); the file is kept aside, not deleted.
      const reason = read.status === 'corrupt' ? read.reason : 'unexpected content';
      const at = now();
      const movedTo = await moveAside(path, at).catch(() => null);
      if (movedTo === null) {
        // Not moved: it must not be overwritten either, so this session keeps its dates in memory only.
        unmovable = true;
        reportProblem({
          file: TOKEN_DATES_FILE,
          movedTo: null,
          reason: `The API token dates could not be read (${reason}) and could not be moved aside; token expiry warnings are unknown, and the file is left as it is.`,
          at: at.toISOString(),
        });
      } else {
        reportProblem({
          file: TOKEN_DATES_FILE,
          movedTo: join('connections', movedTo),
          reason: `The API token dates could not be read (${reason}). They were kept as ${join('connections', movedTo)}; token expiry warnings are unknown until each token is saved or checked again.`,
          at: at.toISOString(),
        });
      }
      return {};
    })();
    return loaded;
  };
  const change = (apply: (tokens: Record<string, TokenDates>) => void): Promise<void> => {
    const run = queue.then(async () => {
      const tokens = await load();
      apply(tokens);
      if (unmovable) return;
      await mkdir(join(dataDir, 'connections'), { recursive: true, mode: 0o700 });
      await writeJsonAtomic(path, { version: 1, tokens });
    });
    queue = run.catch(() => undefined);
    return run;
  };
  const withIssued = (dates: TokenDates | undefined, issuedAt: string, expiresAt: string | null): TokenDates => ({
    ...(dates?.savedAt ? { savedAt: dates.savedAt } : {}),
    issuedAt,
    ...(expiresAt ? { expiresAt } : {}),
  });
  return {
    get: async (id) => {
      const stored = (await load())[id];
      const own = session.get(id);
      return own ? { ...own } : stored;
    },
    saved: (id, at) => {
      session.delete(id);
      return change((t) => void (t[id] = { savedAt: at.toISOString() }));
    },
    savedForSession: (id, at) => void session.set(id, { savedAt: at.toISOString() }),
    issued: (id, issuedAt, expiresAt) => {
      const own = session.get(id);
      if (own) {
        session.set(id, withIssued(own, issuedAt, expiresAt));
        return Promise.resolve();
      }
      return change((t) => void (t[id] = withIssued(t[id], issuedAt, expiresAt)));
    },
    copy: (from, to) =>
      change((t) => {
        const dates = t[from];
        if (dates) t[to] = { ...dates };
      }),
    forget: (id) => {
      session.delete(id);
      return change((t) => void delete t[id]);
    },
  };
}

/** The profile service's secret hooks that keep the dates: a token saved, copied or removed. */
export function tokenDateHooks(dates: TokenDateStore, profiles: Pick<ProfileStore, 'get' | 'doc'>): Required<SecretHooks> {
  // The org that created a server has that server's id, which is also the server's account: its dates
  // are the server's token, which other orgs may still sign in with.
  const isServer = (id: string) => profiles.doc().servers.some((s) => s.id === id);
  return {
    onSecretSaved: async ({ account, profileIds, at, storage }) => {
      if (!profileIds.some((id) => profiles.get(id)?.signIn === 'token')) return;
      // The file keeps describing the stored token (another process may still sign in with it).
      if (storage === 'memory') return dates.savedForSession(account, at);
      await dates.saved(account, at);
      // Dates the first release kept per profile describe the token this one replaced.
      for (const id of profileIds) if (id !== account && !isServer(id)) await dates.forget(id);
    },
    onSecretCopied: (from, to) => dates.copy(from, to),
    onSecretCleared: (account) => dates.forget(account).catch(() => undefined),
  };
}

/** The dates of the token a profile signs in with (`account`), or those the first release kept for it. */
export async function datesFor(dates: TokenDateStore, account: string, profileId: string): Promise<TokenDates | undefined> {
  return (await dates.get(account)) ?? (await dates.get(profileId));
}

/** The token's age from what is known: the server's dates first, else when it was saved here. */
export function tokenAgeOf(profileId: string, dates: TokenDates | undefined, now: Date): TokenAge | null {
  const since = dates?.issuedAt ?? dates?.savedAt;
  if (!since) return null;
  const expiresAt = dates?.issuedAt && dates.expiresAt ? dates.expiresAt : new Date(Date.parse(since) + API_TOKEN_DAYS * DAY_MS).toISOString();
  const msLeft = Date.parse(expiresAt) - now.getTime();
  return {
    profileId,
    since,
    source: dates?.issuedAt ? 'server' : 'saved',
    expiresAt,
    daysLeft: Math.floor(msLeft / DAY_MS),
    warn: msLeft <= TOKEN_WARN_DAYS * DAY_MS,
  };
}
