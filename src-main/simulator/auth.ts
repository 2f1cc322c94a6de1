// Simulated AtScale authentication: Basic sign-in issuing session tokens, and long-lived API tokens.
import { randomBytes } from 'node:crypto';

export type AuthKind = 'basic' | 'bearer' | 'none' | 'other';

export function authKind(header: string | undefined): AuthKind {
  if (!header) return 'none';
  if (/^basic /i.test(header)) return 'basic';
  if (/^bearer /i.test(header)) return 'bearer';
  return 'other';
}

export class SimAuth {
  private readonly sessions = new Map<string, { username: string; issuedAt: number }>();

  constructor(
    private readonly users: ReadonlyMap<string, string>,
    private readonly apiTokens: ReadonlySet<string>,
    private readonly now: () => Date,
    private readonly sessionTtlMs: number,
  ) {}

  /** HTTP Basic -> a fresh session token, or null when the credentials are wrong. */
  signIn(header: string | undefined): string | null {
    const match = /^basic\s+(.+)$/i.exec(header ?? '');
    if (!match?.[1]) return null;
    const decoded = Buffer.from(match[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return null;
    const username = decoded.slice(0, colon);
    const password = decoded.slice(colon + 1);
    if (this.users.get(username) !== password) return null;
    const token = randomBytes(24).toString('base64url');
    this.sessions.set(token, { username, issuedAt: this.now().getTime() });
    return token;
  }

  /** The user behind a bearer token, or null when it is unknown, expired or revoked. */
  check(header: string | undefined): string | null {
    const match = /^bearer\s+(\S+)$/i.exec(header ?? '');
    const token = match?.[1];
    if (!token) return null;
    if (this.apiTokens.has(token)) return 'api-token-user';
    const session = this.sessions.get(token);
    if (!session) return null;
    if (this.now().getTime() - session.issuedAt > this.sessionTtlMs) {
      this.sessions.delete(token);
      return null;
    }
    return session.username;
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
