// Turns an HTTP answer into parsed JSON or an AtScaleError whose message says what to do about it.
import type { z } from 'zod';
import { AtScaleError, quoteServerText } from './errors';
import type { HttpResponse } from './transport';
import { anyEnvelopeSchema, describeIssues } from './schemas';

/** What the request was for: shapes the advice in messages. */
export interface Operation {
  /** e.g. 'Listing schedules for org "sales"' */
  what: string;
  orgId: string;
  host: string;
  credentialKind: 'password' | 'token';
  jobId?: string;
  /** Every secret the client holds: scrubbed from the server's raw words before they are quoted. */
  secrets: readonly string[];
  /** What the user sees anyway (org ID, user name, hosts): never starred, so a star never hints at a password. */
  publicValues?: readonly string[];
  /** What a 503 means for this endpoint, when the docs say (e.g. Design Center APIs switched off). */
  unavailable?: string;
  /**
   * Whether a 2xx answer's `status.code` >= 400 overrides the HTTP status (the schedule endpoints' gateways
   * do that). The maintenance endpoints send `status.code` 0 with "200 OK": they trust the HTTP status.
   */
  envelopeCodeOverrides?: boolean;
}

export function looksLikeHtml(body: string, contentType: string): boolean {
  return /text\/html|application\/xhtml/i.test(contentType) || /^\s*</.test(body);
}

function parseJson(body: string): { ok: true; value: unknown } | { ok: false } {
  try {
    // A byte-order mark is not JSON, but some Windows-hosted proxies add one.
    return { ok: true, value: JSON.parse(body.replace(/^\uFEFF/, '')) as unknown };
  } catch {
    return { ok: false };
  }
}

/** A short, single-line server message, secrets removed, when the body is an AtScale envelope that has one. */
function serverMessage(body: string, secrets: readonly string[], publicValues: readonly string[]): string | null {
  const parsed = parseJson(body);
  if (!parsed.ok) return null;
  const envelope = anyEnvelopeSchema.safeParse(parsed.value);
  const message = envelope.success ? envelope.data.status?.message : undefined;
  if (!message) return null;
  const line = quoteServerText(message, secrets, undefined, publicValues);
  return line === '' ? null : line;
}

export function statusError(status: number, body: string, op: Operation): AtScaleError {
  const said = serverMessage(body, op.secrets, op.publicValues ?? [op.orgId, op.host]);
  const quoted = said ? ` AtScale said: "${said}".` : '';
  if (status === 503 && op.unavailable) {
    return new AtScaleError('server', `${op.what} failed: ${op.unavailable} (HTTP 503).${quoted}`, { status });
  }
  if (status === 429) {
    return new AtScaleError(
      'server',
      `${op.what} was turned away: AtScale or a gateway is limiting requests (HTTP 429).${quoted} Wait a minute and try again.`,
      { status },
    );
  }
  if (status >= 300 && status < 400) {
    // Redirects are never followed: a sign-in page or another host would receive the credentials.
    return new AtScaleError(
      'bad-response',
      `${op.what} was redirected by ${op.host} (HTTP ${status}); redirects are not followed. Check that the URL is the AtScale server's own address (scheme, host, port and path), not a login page or proxy.`,
      { status },
    );
  }
  if (status === 400) {
    return new AtScaleError('bad-request', `${op.what} was refused as an invalid request (HTTP 400).${quoted} Check the values sent and try again.`, {
      status,
    });
  }
  if (status === 401 || status === 403) {
    const check =
      op.credentialKind === 'password'
        ? 'Check the user name and password'
        : 'Check the API token (tokens expire after 90 days and can be revoked in Design Center)';
    return new AtScaleError(
      'unauthorized',
      `${op.what} was refused: not authorised (HTTP ${status}).${quoted} ${check}, and that the user may manage aggregates in org "${op.orgId}" (org admin or Manage Aggregates).`,
      { status },
    );
  }
  if (status === 404) {
    const job = op.jobId ? `, the job ${op.jobId} does not exist there (it may already be deleted),` : '';
    return new AtScaleError(
      'not-found',
      `${op.what} failed: not found (HTTP 404). The org "${op.orgId}" does not exist${job} or this user has no access to it.${quoted} ` +
        "Check the org ID and the user's role, and that the API URL points at the AtScale engine.",
      { status },
    );
  }
  if (status >= 500) {
    return new AtScaleError(
      'server',
      `${op.what} failed: AtScale had a server error (HTTP ${status}).${quoted} Try again later; if it persists, check the AtScale engine logs.`,
      { status },
    );
  }
  // An AtScale envelope is AtScale's own answer: its words are the reason, and the URL is not in doubt.
  const advice = !isEnvelope(body)
    ? ' Check that the URL points at the AtScale engine.'
    : said
      ? ''
      : ' AtScale gave no reason; if it persists, check the AtScale engine logs.';
  return new AtScaleError('bad-response', `${op.what} got an unexpected answer from ${op.host} (HTTP ${status}).${quoted}${advice}`, { status });
}

/** Whether the body is an AtScale envelope: a JSON object with a `status` object (code and/or message). */
function isEnvelope(body: string): boolean {
  const parsed = parseJson(body);
  if (!parsed.ok) return false;
  const envelope = anyEnvelopeSchema.safeParse(parsed.value);
  return envelope.success && envelope.data.status !== undefined;
}

export function badResponse(op: Operation, what: string, status: number): AtScaleError {
  return new AtScaleError(
    'bad-response',
    `${op.what} got ${what} from ${op.host} instead of AtScale's JSON answer. ` +
      'Check that the API URL points at the AtScale engine (usually port 10502) and not at Design Center, a proxy or a login page.',
    { status },
  );
}

/** 2xx -> validated data; anything else -> AtScaleError. */
export function interpret<T>(res: HttpResponse, schema: z.ZodType<T>, op: Operation): T {
  if (res.status < 200 || res.status >= 300) throw statusError(res.status, res.body, op);
  if (looksLikeHtml(res.body, res.contentType)) throw badResponse(op, 'an HTML page', res.status);
  const parsed = parseJson(res.body);
  if (!parsed.ok) throw badResponse(op, res.body.trim() === '' ? 'an empty answer' : 'malformed JSON', res.status);
  // Some gateways answer 200 and put the real outcome in the envelope.
  const envelope = anyEnvelopeSchema.safeParse(parsed.value);
  const code = envelope.success ? envelope.data.status?.code : undefined;
  if ((op.envelopeCodeOverrides ?? true) && code !== undefined && code >= 400 && code <= 599) throw statusError(code, res.body, op);
  const result = schema.safeParse(parsed.value);
  if (!result.success) {
    throw new AtScaleError(
      'bad-response',
      `${op.what} got an answer of the wrong shape from ${op.host} (${describeIssues(result.error)}). ` +
        'The server may run an AtScale version this app does not support, or the URL points at another service.',
      { status: res.status },
    );
  }
  return result.data;
}
