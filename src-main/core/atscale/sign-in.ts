// Password sign-in: GET {authUrl}/{orgId}/auth with HTTP Basic; the body is the bearer token.
// Also the in-memory token cache, which shares one sign-in between concurrent calls.
import { AtScaleError } from './errors';
import { looksLikeHtml, statusError, type Operation } from './responses';
import type { HttpResponse } from './transport';

/** Longer than any bearer token a server issues (AtScale's JWTs are well under 4 KiB). */
export const MAX_TOKEN_CHARS = 8192;
/** RFC 6750's b64token: what may follow "Bearer " in an Authorization header. */
const BEARER_TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

/**
 * Why `token` cannot be a bearer token, or null when it can. The reason never quotes the text: an
 * almost-token may still be a real secret.
 */
export function notATokenReason(token: string): string | null {
  if (token === '') return 'an empty answer';
  if (token.length > MAX_TOKEN_CHARS) return `${token.length} characters of text (a token is at most ${MAX_TOKEN_CHARS})`;
  if (token.includes('\u0000')) return 'text with NUL characters';
  // eslint-disable-next-line no-control-regex
  if (/[\u0001-\u001f\u007f]/.test(token)) return 'text with control characters';
  if (/[^\u0020-\u007e]/.test(token)) return 'text with characters outside visible ASCII';
  if (/\s/.test(token)) return 'text with spaces inside';
  if (!BEARER_TOKEN.test(token)) return 'text with characters a bearer token never has';
  return null;
}

/** Reads the bearer token from a sign-in answer (plain text as documented; a JSON string or {token} tolerated). */
export function readToken(res: HttpResponse, op: Operation): string {
  // Stryker disable next-line ConditionalExpression: Node hands on no 1xx answer as the response, so below 200 never comes.
  if (res.status < 200 || res.status >= 300) {
    const err = statusError(res.status, res.body, op);
    if (res.status === 404) {
      return fail(
        'not-found',
        `Sign-in at ${op.host} failed: not found (HTTP 404). Check the Design Center URL (usually port 10500) and that the org "${op.orgId}" exists.`,
        res.status,
      );
    }
    if (res.status === 401) {
      return fail('unauthorized', `Sign-in at ${op.host} was refused (HTTP 401). Check the user name and password for org "${op.orgId}".`, res.status);
    }
    if (res.status === 403) {
      return fail(
        'unauthorized',
        `Sign-in at ${op.host} was refused (HTTP 403): this user may not sign in to org "${op.orgId}". Check the org ID, and ask an AtScale admin for access to that org.`,
        res.status,
      );
    }
    throw new AtScaleError(err.kind, err.message, { status: res.status, step: 'sign-in' });
  }
  const bad = (what: string): never =>
    fail(
      'bad-response',
      `Design Center at ${op.host} answered sign-in with something that is not a token: ${what}. Check the Design Center URL (usually port 10500) in the profile.`,
      res.status,
    );
  if (looksLikeHtml(res.body, res.contentType) || /<\/?(html|head|body|title|div|p|script|form)\b/i.test(res.body)) return bad('an HTML page');
  let token = res.body.replace(/^\uFEFF/, '').trim();
  if (token.startsWith('"') || token.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(token) as unknown;
    } catch {
      return bad('malformed JSON');
    }
    if (typeof parsed === 'string') token = parsed;
    else {
      // Text that starts with "{" and parses is an object.
      const obj = parsed as Record<string, unknown>;
      const candidate = obj['token'] ?? obj['access_token'] ?? obj['response'];
      const code = (obj['status'] as { code?: unknown } | undefined)?.code;
      // A gateway that answers 200 and puts the real outcome in the envelope: read it as that status.
      if (typeof candidate !== 'string' && typeof code === 'number' && code >= 400 && code <= 599) return readToken({ ...res, status: code }, op);
      if (typeof candidate !== 'string') return bad('JSON without a token in it');
      token = candidate;
    }
  }
  const reason = notATokenReason(token);
  if (reason !== null) return bad(reason);
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
