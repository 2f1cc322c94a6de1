// Password sign-in: GET {authUrl}/{orgId}/auth with HTTP Basic; the body is the bearer token.
// Also the in-memory token cache, which shares one sign-in between concurrent calls.
import { AtScaleError } from './errors';
import { looksLikeHtml, statusError, type Operation } from './responses';
import type { HttpResponse } from './transport';

/** Reads the bearer token from a sign-in answer (plain text as documented; a JSON string or {token} tolerated). */
export function readToken(res: HttpResponse, op: Operation): string {
  if (res.status < 200 || res.status >= 300) {
    const err = statusError(res.status, res.body, op);
    if (res.status === 404) {
      return fail(
        'not-found',
        `Sign-in at ${op.host} failed: not found (HTTP 404). Check the Design Center URL (usually port 10500) and that the org "${op.orgId}" exists.`,
        res.status,
      );
    }
    if (res.status === 401 || res.status === 403) {
      return fail('unauthorized', `Sign-in at ${op.host} was refused (HTTP ${res.status}). Check the user name and password for org "${op.orgId}".`, res.status);
    }
    throw new AtScaleError(err.kind, err.message, { status: res.status, step: 'sign-in' });
  }
  const bad = (what: string): never =>
    fail(
      'bad-response',
      `Sign-in at ${op.host} returned ${what} instead of a token. Check that the sign-in URL is the Design Center URL (usually port 10500).`,
      res.status,
    );
  if (looksLikeHtml(res.body, res.contentType)) return bad('an HTML page');
  let token = res.body.trim();
  if (token.startsWith('"') || token.startsWith('{')) {
    try {
      const parsed = JSON.parse(token) as unknown;
      if (typeof parsed === 'string') token = parsed;
      else if (parsed && typeof parsed === 'object') {
        const obj = parsed as Record<string, unknown>;
        const candidate = obj['token'] ?? obj['access_token'] ?? obj['response'];
        token = typeof candidate === 'string' ? candidate : '';
      }
    } catch {
      return bad('malformed JSON');
    }
  }
  if (token === '') return bad('an empty answer');
  if (/\s/.test(token) || token.length > 8192) return bad('text that is not a token');
  return token;
}

function fail(kind: AtScaleError['kind'], message: string, status: number): never {
  throw new AtScaleError(kind, message, { status, step: 'sign-in' });
}

/** Caches one token; concurrent callers share a single in-flight sign-in. */
export class TokenCache {
  private token: string | null = null;
  private pending: Promise<string> | null = null;
  /** Every token this client ever held: all of them are scrubbed from messages, even expired ones. */
  private readonly issued = new Set<string>();

  constructor(private readonly fetchToken: () => Promise<string>) {}

  get(): Promise<string> {
    if (this.token) return Promise.resolve(this.token);
    if (!this.pending) {
      this.pending = this.fetchToken().then(
        (token) => {
          this.token = token;
          this.issued.add(token);
          this.pending = null;
          return token;
        },
        (err: unknown) => {
          this.pending = null;
          throw err;
        },
      );
    }
    return this.pending;
  }

  /** Forget `token` (when the server refused it); a newer token fetched meanwhile is kept. */
  invalidate(token: string): void {
    if (this.token === token) this.token = null;
  }

  /** Every token held so far, for scrubbing them from messages. */
  all(): string[] {
    return [...this.issued];
  }
}
