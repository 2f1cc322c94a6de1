// The one error type the AtScale client rejects with: a kind the service can branch on and a
// message a person can act on. Messages never carry a password or token (see redactSecrets).
import type { ErrorKind } from '@shared/domain';

export type AtScaleErrorKind = Extract<
  ErrorKind,
  'invalid-input' | 'network' | 'timeout' | 'tls' | 'unauthorized' | 'not-found' | 'bad-request' | 'server' | 'bad-response'
>;

/**
 * Where the failure happened; lets "Test connection" say DNS vs refused vs TLS vs sign-in.
 * Absent when the failure is the API call's own answer (e.g. 404 on the list).
 */
export type AtScaleStep = 'dns' | 'connect' | 'tls' | 'sign-in';

export interface AtScaleErrorDetails {
  /** HTTP status when the server answered. */
  status?: number;
  /** Low-level code such as 'ENOTFOUND', 'ECONNREFUSED', 'DEPTH_ZERO_SELF_SIGNED_CERT'. */
  code?: string;
  step?: AtScaleStep;
  /** True when the call failed while signing in, so its own request was never sent. */
  notSent?: boolean;
}

export class AtScaleError extends Error {
  readonly kind: AtScaleErrorKind;
  readonly status: number | undefined;
  readonly code: string | undefined;
  readonly step: AtScaleStep | undefined;
  readonly notSent: boolean;
  /** The low-level code again (never the raw error object, which could hold request details). */
  override readonly cause: string | undefined;

  constructor(kind: AtScaleErrorKind, message: string, details: AtScaleErrorDetails = {}) {
    super(message);
    this.name = 'AtScaleError';
    this.kind = kind;
    this.status = details.status;
    this.code = details.code;
    this.cause = details.code;
    this.step = details.step;
    this.notSent = details.notSent === true;
  }

  /** Its details, to build the same error with another message. */
  get details(): AtScaleErrorDetails {
    return { status: this.status, code: this.code, step: this.step, notSent: this.notSent };
  }

  /** The IPC-safe shape: kind and message only. */
  toJSON(): { kind: AtScaleErrorKind; message: string; status?: number; code?: string } {
    return { kind: this.kind, message: this.message, status: this.status, code: this.code };
  }
}

export function isAtScaleError(value: unknown): value is AtScaleError {
  return value instanceof AtScaleError;
}

/** Replaces every occurrence of a secret (and its percent-encoded form) with '***'. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length < 3) continue; // too short to redact without mangling ordinary words
    for (const form of new Set([secret, encodeURIComponent(secret)])) out = out.split(form).join('***');
  }
  return out;
}

/**
 * Control characters, line and paragraph separators, zero-width characters and bidirectional overrides:
 * none belongs in a one-line message, and direction overrides could make quoted text read as something else.
 */
// eslint-disable-next-line no-control-regex
export const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/** Fragments at least this long that also occur in a secret are scrubbed from quoted server text. */
const FRAGMENT = 8;
/** How much of a server's text or of a user's input a message quotes at most. */
export const EXCERPT_CHARS = 200;

/**
 * A short, marked, single-line excerpt of text a message quotes (a server's words or a user's input):
 * control characters become spaces, whitespace collapses, and beyond `max` characters it ends in "…".
 */
export function excerpt(text: string, max = EXCERPT_CHARS): string {
  const line = text.replace(INVISIBLE, ' ').replace(/\s+/g, ' ').trim();
  const chars = Array.from(line);
  return chars.length > max
    ? `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`
    : line;
}

/**
 * Server text made safe to quote: secrets are removed from the RAW text first (before any whitespace
 * collapse or truncation could split one), then any run of 8+ characters that also occurs inside a
 * secret is removed too (a token wrapped over lines, or cut by the server itself), then it is shortened.
 */
// Stryker disable next-line ArrayDeclaration: the default is "no public values"; an invented one would only shield pieces of its own words.
export function quoteServerText(raw: string, secrets: readonly string[], max = EXCERPT_CHARS, publicValues: readonly string[] = []): string {
  const line = excerpt(redactSecrets(raw, secrets), Number.MAX_SAFE_INTEGER);
  return excerpt(scrubFragments(redactSecrets(line, secrets), secrets, publicValues), max);
}

/**
 * Replaces every run that shares a FRAGMENT-long substring with a secret by '***'. Pieces that also occur
 * in a public value (the org ID, the user name, the host) are left alone: the user sees those anyway, and
 * starring them would tell an onlooker that the password contains them.
 */
function scrubFragments(text: string, secrets: readonly string[], publicValues: readonly string[]): string {
  const grams = new Set<string>();
  for (const secret of secrets) {
    // Stryker disable next-line ArithmeticOperator: slices past the end are shorter than 8, and the text is searched only for 8-character runs.
    for (let i = 0; i + FRAGMENT <= secret.length; i++) {
      const gram = secret.slice(i, i + FRAGMENT);
      if (!publicValues.some((value) => value.includes(gram))) grams.add(gram);
    }
  }
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: a shortcut only; without it the scan finds no run and returns the text as it is.
  if (grams.size === 0 || text.length < FRAGMENT) return text;
  const hit = new Uint8Array(text.length);
  // Stryker disable next-line BooleanLiteral: a shortcut only; with no run marked the copy below is the text itself.
  let any = false;
  // Stryker disable next-line ArithmeticOperator: windows past the end are shorter than 8 characters and match no piece.
  for (let i = 0; i + FRAGMENT <= text.length; i++) {
    if (grams.has(text.slice(i, i + FRAGMENT))) {
      hit.fill(1, i, i + FRAGMENT);
      any = true;
    }
  }
  // Stryker disable next-line ConditionalExpression: a shortcut only; with no run marked the copy below is the text itself.
  if (!any) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (!hit[i]) out += text[i];
    else if (i === 0 || !hit[i - 1]) out += '***';
  }
  return out;
}

/** A copy of `err` with secrets scrubbed from its message; the client runs every rejection through it. */
export function scrubError(err: AtScaleError, secrets: readonly string[]): AtScaleError {
  const message = redactSecrets(err.message, secrets);
  if (message === err.message) return err;
  return new AtScaleError(err.kind, message, err.details);
}

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE',
  'HOSTNAME_MISMATCH',
  'EPROTO',
]);

export function isTlsCode(code: string): boolean {
  return TLS_CODES.has(code) || code.startsWith('ERR_TLS_') || code.startsWith('ERR_SSL_');
}

/** Turns a socket-level error into an AtScaleError with advice for the person reading it. */
export function transportError(code: string, host: string, rawDetail: string, plainHttp = false): AtScaleError {
  const detail = excerpt(rawDetail);
  if (code.startsWith('HPE_')) {
    // Node's HTTP parser refused the answer (oversized headers, a Content-Length that lies, garbage):
    // a second try would get the same, so this is a bad response, not a dropped connection.
    return new AtScaleError(
      'bad-response',
      `${host} sent an answer that is not valid HTTP (${code}). Check that the URL points at the AtScale server and not at another service or a broken proxy.`,
      { code },
    );
  }
  if (isTlsCode(code)) {
    return new AtScaleError(
      'tls',
      `The TLS certificate of ${host} could not be verified (${code}: ${detail}). ` +
        'If this server uses a private or self-signed certificate authority, add its CA certificate (PEM) to the profile; ' +
        'otherwise check the host name and the server certificate.',
      { code, step: 'tls' },
    );
  }
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_FAIL':
    case 'EAI_NONAME':
      return new AtScaleError(
        'network',
        `Cannot find the host ${host} (DNS lookup failed: ${code}). Check the host name in the profile's URL and your network or VPN.`,
        { code, step: 'dns' },
      );
    case 'ECONNREFUSED':
      return new AtScaleError(
        'network',
        `${host} refused the connection (${code}). Check that AtScale is running and that the port in the profile's URL is right ` +
          '(the engine API usually listens on 10502, Design Center on 10500).',
        { code, step: 'connect' },
      );
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ENETDOWN':
      return new AtScaleError('network', `${host} is unreachable (${code}). Check your network connection or VPN.`, {
        code,
        step: 'connect',
      });
    default: {
      // An HTTPS server hangs up on plain HTTP: the usual cause of a reset on an http:// URL.
      const hint = plainHttp && code === 'ECONNRESET' ? ' If the server uses HTTPS, make the URL start with https://.' : '';
      return new AtScaleError('network', `The connection to ${host} failed (${code}: ${detail}). Check your network connection and try again.${hint}`, {
        code,
        step: 'connect',
      });
    }
  }
}
