// Simulated AtScale authentication: Basic sign-in issuing session tokens, long-lived API tokens that
// expire like Design Center's, and which orgs each user may reach.
import { randomBytes } from 'node:crypto';

export type AuthKind = 'basic' | 'bearer' | 'none' | 'other';

export function authKind(header: string | undefined): AuthKind {
  if (!header) return 'none';
  if (/^basic /i.test(header)) return 'basic';
  if (/^bearer /i.test(header)) return 'bearer';
  return 'other';
}

export interface SimApiToken {
  token: string;
  user: string;
  issuedAt: number;
}

/** Who a bearer token belongs to and when it was issued (what GET /api/1.0/sessiontoken tells). */
export interface TokenOwner {
  user: string;
  issuedAt: number;
}

export class SimAuth {
  private readonly sessions = new Map<string, TokenOwner>();
  private readonly apiTokens: ReadonlyMap<string, SimApiToken>;

  constructor(
    private readonly users: ReadonlyMap<string, string>,
    apiTokens: readonly SimApiToken[],
    /** user -> reachable org ids, or '*' for every org. A user without an entry reaches every org. */
    private readonly access: ReadonlyMap<string, readonly string[] | '*'>,
    private readonly now: () => Date,
    private readonly sessionTtlMs: number,
    private readonly apiTokenTtlMs: number,
  ) {
    this.apiTokens = new Map(apiTokens.map((t) => [t.token, t]));
  }

  /** HTTP Basic -> the user, or null when the credentials are wrong. */
  checkBasic(header: string | undefined): string | null {
    const match = /^basic\s+(.+)$/i.exec(header ?? '');
    if (!match?.[1]) return null;
    const decoded = Buffer.from(match[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return null;
    const username = decoded.slice(0, colon);
    const password = decoded.slice(colon + 1);
    return this.users.get(username) === password ? username : null;
  }

  /** A fresh session token for a user whose credentials were checked. */
  issueSession(user: string): string {
    const token = randomBytes(24).toString('base64url');
    this.sessions.set(token, { user, issuedAt: this.now().getTime() });
    return token;
  }

  /** The owner of a bearer token, or null when it is unknown, expired or revoked. */
  owner(header: string | undefined): TokenOwner | null {
    const match = /^bearer\s+(\S+)$/i.exec(header ?? '');
    const token = match?.[1];
    if (!token) return null;
    const now = this.now().getTime();
    const api = this.apiTokens.get(token);
    if (api) return now - api.issuedAt > this.apiTokenTtlMs ? null : { user: api.user, issuedAt: api.issuedAt };
    const session = this.sessions.get(token);
    if (!session) return null;
    if (now - session.issuedAt > this.sessionTtlMs) {
      this.sessions.delete(token);
      return null;
    }
    return session;
  }

  /** The user behind a bearer token, or null. */
  check(header: string | undefined): string | null {
    return this.owner(header)?.user ?? null;
  }

  canReach(user: string, orgId: string): boolean {
    const orgs = this.access.get(user) ?? '*';
    return orgs === '*' || orgs.includes(orgId);
  }

  /** Every session token stops working (API tokens keep working): the next call gets 401. */
  expireSessions(): number {
    const count = this.sessions.size;
    this.sessions.clear();
    return count;
  }

  sessionCount(): number {
    return this.sessions.size;
  }
}
