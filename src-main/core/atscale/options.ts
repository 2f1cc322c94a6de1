// The client's options and their validation: bad input is refused before any request, with a message
// that names the field and how to fix it.
import { X509Certificate } from 'node:crypto';
import { AtScaleError, excerpt, INVISIBLE } from './errors';

export type AtScaleCredentials = { kind: 'password'; username: string; password: string } | { kind: 'token'; token: string };

export interface RetryOptions {
  /** Total tries for a GET, first one included (default 3). POST and DELETE are never retried. */
  attempts?: number;
  /** First backoff delay; doubles each retry, plus up to 50% jitter (default 200 ms). */
  baseDelayMs?: number;
  /** Cap on one delay, also on a server's Retry-After (default 2000 ms). */
  maxDelayMs?: number;
}

export interface AtScaleClientOptions {
  /** Engine API base URL, e.g. https://atscale.example.com:10502 (a path prefix is kept). */
  apiUrl: string;
  /** Design Center URL for password sign-in; defaults to apiUrl (the simulator serves both). */
  authUrl?: string;
  orgId: string;
  credentials: AtScaleCredentials;
  /** Deadline for one HTTP exchange, connect to last byte (default 15000 ms). */
  timeoutMs?: number;
  /** PEM text of a private CA to trust for this client only, on top of the system roots. */
  caCert?: string;
  retry?: RetryOptions;
}

export interface ResolvedOptions {
  apiBase: URL;
  authBase: URL;
  orgId: string;
  credentials: AtScaleCredentials;
  timeoutMs: number;
  caCert: string | undefined;
  retry: Required<RetryOptions>;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_RETRY: Required<RetryOptions> = { attempts: 3, baseDelayMs: 200, maxDelayMs: 2000 };

function hasControlChars(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) < 0x20 || text.charCodeAt(i) === 0x7f) return true;
  return false;
}

function invalid(message: string): never {
  throw new AtScaleError('invalid-input', message);
}

function parseBaseUrl(value: unknown, field: string): URL {
  if (typeof value !== 'string' || value.trim() === '') invalid(`The ${field} is empty. Enter the server address, e.g. https://atscale.example.com:10502.`);
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    // Quote the text only when it cannot hold credentials (user:password@host).
    const shown = value.includes('@') ? '' : ` "${excerpt(value, 120)}"`;
    return invalid(`The ${field}${shown} is not a valid URL. Enter it with its scheme, e.g. https://atscale.example.com:10502.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    invalid(`The ${field} must start with https:// (or http:// for a local test server), not ${url.protocol}//.`);
  }
  if (url.username || url.password) {
    invalid(`The ${field} must not contain a user name or password; enter the credentials in the profile's sign-in fields instead.`);
  }
  if (url.search || url.hash) invalid(`The ${field} must not contain a query (?) or fragment (#); enter just the server address.`);
  return url;
}

export function resolveOptions(options: AtScaleClientOptions): ResolvedOptions {
  if (!options || typeof options !== 'object') invalid('The AtScale client needs options: apiUrl, orgId and credentials.');
  const apiBase = parseBaseUrl(options.apiUrl, 'API URL');
  const authBase = options.authUrl === undefined || options.authUrl === '' ? apiBase : parseBaseUrl(options.authUrl, 'sign-in (Design Center) URL');

  const orgId = typeof options.orgId === 'string' ? options.orgId.trim() : '';
  const orgProblem = pathSegmentProblem(orgId);
  if (orgProblem) invalid(`The org ID ${orgProblem}. Enter the AtScale organization ID exactly as Design Center shows it, e.g. "default".`);

  const credentials = options.credentials;
  if (!credentials || (credentials.kind !== 'password' && credentials.kind !== 'token')) {
    invalid("The credentials are missing: give { kind: 'password', username, password } or { kind: 'token', token }.");
  }
  if (credentials.kind === 'password') {
    if (typeof credentials.username !== 'string' || credentials.username.trim() === '') invalid('The user name is empty. Enter the AtScale user name.');
    if (credentials.username.includes(':')) invalid('The user name must not contain ":" (HTTP Basic sign-in cannot carry it).');
    if (typeof credentials.password !== 'string' || credentials.password === '')
      invalid('The password is empty. Enter the password, or use an API token instead.');
  } else {
    if (typeof credentials.token !== 'string' || credentials.token.trim() === '')
      invalid('The API token is empty. Generate one in Design Center (profile icon, API Token).');
    if (/\s/.test(credentials.token.trim()) || hasControlChars(credentials.token))
      invalid('The API token contains spaces or line breaks. Paste the token again, exactly as Design Center shows it.');
    if (/[^\u0021-\u007e]/.test(credentials.token.trim())) {
      invalid('The API token contains characters a token never has (outside visible ASCII). Paste the token again, exactly as Design Center shows it.');
    }
  }

  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0 || timeoutMs > 600_000)
    invalid(`The timeout must be between 1 ms and 600000 ms (10 minutes), not ${String(timeoutMs)}.`);

  let caCert: string | undefined;
  if (options.caCert !== undefined && options.caCert.trim() !== '') {
    caCert = options.caCert;
    try {
      new X509Certificate(caCert);
    } catch {
      invalid(
        `The CA certificate is not a readable PEM certificate. In the profile's "Trusted CA certificate" field, enter the path of a file that starts with "-----BEGIN CERTIFICATE-----".`,
      );
    }
  }

  const retry = { ...DEFAULT_RETRY, ...options.retry };
  if (!Number.isInteger(retry.attempts) || retry.attempts < 1 || retry.attempts > 10) invalid('retry.attempts must be a whole number from 1 to 10.');
  if (retry.baseDelayMs < 0 || retry.maxDelayMs < 0) invalid('retry delays must not be negative.');

  const creds: AtScaleCredentials =
    credentials.kind === 'password'
      ? { kind: 'password', username: credentials.username.trim(), password: credentials.password }
      : { kind: 'token', token: credentials.token.trim() };
  return { apiBase, authBase, orgId, credentials: creds, timeoutMs, caCert, retry };
}

/**
 * Why `value` cannot be one segment of a request path, or null when it can. "." and ".." would vanish or
 * climb when the URL is resolved; a "/" or a backslash, even percent-encoded, is decoded into a different
 * path by many proxies (and refused by Tomcat), so the request could reach another org or endpoint.
 */
export function pathSegmentProblem(value: string): string | null {
  if (value === '') return 'is empty';
  if (value.length > 200) return 'is longer than 200 characters';
  if (hasControlChars(value)) return 'contains control characters';
  if (new RegExp(INVISIBLE.source).test(value)) return 'contains invisible or text-direction characters';
  if (value === '.' || value === '..') return `cannot be "${value}" (a URL path would drop or climb over it)`;
  const bad = /[/\\]/.exec(value);
  if (bad) return `"${excerpt(value, 60)}" cannot contain "${bad[0]}" (it would change the request's path)`;
  return null;
}

/** base URL + path, keeping any path prefix of the base (servers behind a reverse proxy). */
export function joinUrl(base: URL, path: string, query: Record<string, string> = {}): URL {
  const url = new URL(base.origin + base.pathname.replace(/\/+$/, '') + path);
  const parts = Object.entries(query).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  // encodeURIComponent, not URLSearchParams: spaces become %20 (not '+'), which every server decodes alike.
  if (parts.length > 0) url.search = `?${parts.join('&')}`;
  return url;
}
