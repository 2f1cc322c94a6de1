// When each profile's API token was saved in this app (or issued, when the server said so), kept in
// connections/token-dates.json in the data folder, keyed by profile id. Dates only: never a token.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { TokenAge } from '@shared/ipc/channels/connections';
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
  get(profileId: string): Promise<TokenDates | undefined>;
  /** A new token was saved now: what the server said about the old one no longer applies. */
  saved(profileId: string, at: Date): Promise<void>;
  /** The server said when the token in use was issued (and maybe when it expires). */
  issued(profileId: string, issuedAt: string, expiresAt: string | null): Promise<void>;
  forget(profileId: string): Promise<void>;
}

export function openTokenDates(dataDir: string, now: () => Date): TokenDateStore {
  const path = join(dataDir, TOKEN_DATES_FILE);
  let loaded: Promise<Record<string, TokenDates>> | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  const load = (): Promise<Record<string, TokenDates>> => {
    loaded ??= (async () => {
      const read = await readJsonFile(path);
      if (read.status === 'missing') return {};
      const parsed = read.status === 'ok' ? fileSchema.safeParse(read.value) : null;
      if (parsed?.success) return { ...parsed.data.tokens };
      // Only dates are lost (the warning falls back to "unknown"); the file is kept aside, not deleted.
      await moveAside(path, now()).catch(() => undefined);
      return {};
    })();
    return loaded;
  };
  const change = (apply: (tokens: Record<string, TokenDates>) => void): Promise<void> => {
    const run = queue.then(async () => {
      const tokens = await load();
      apply(tokens);
      await mkdir(join(dataDir, 'connections'), { recursive: true, mode: 0o700 });
      await writeJsonAtomic(path, { version: 1, tokens });
    });
    queue = run.catch(() => undefined);
    return run;
  };
  return {
    get: async (id) => (await load())[id],
    saved: (id, at) => change((t) => void (t[id] = { savedAt: at.toISOString() })),
    issued: (id, issuedAt, expiresAt) =>
      change((t) => void (t[id] = { ...(t[id]?.savedAt ? { savedAt: t[id].savedAt } : {}), issuedAt, ...(expiresAt ? { expiresAt } : {}) })),
    forget: (id) => change((t) => void delete t[id]),
  };
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
