// The AtScale schedule client: list, create, delete for one org, with sign-in, retries and typed errors,
// plus the maintenance and account endpoints (see maintenance.ts).
import type { Schedule } from '@shared/domain';
import type { ClientOrg, ClientRunNowResult, ClientRunningJob, ClientSessionToken } from '@core/atscale-port';
import { CronSyntaxError, validateQuartz } from '@shared/cron';
import { AtScaleError, excerpt, quoteServerText, scrubError } from './errors';
import { getRunningJob, listOrgs, runNow, sessionToken } from './maintenance';
import { interpret, type Operation } from './responses';
import { createEnvelopeSchema, deleteEnvelopeSchema, listEnvelopeSchema, toIso, toSchedule, type Job } from './schemas';
import { readToken, TokenCache } from './sign-in';
import { joinUrl, resolveOptions, type AtScaleClientOptions, type ResolvedOptions } from './options';
import { createTransport, type HttpMethod, type HttpResponse, type Transport } from './transport';

export interface DeleteResult {
  jobId: string;
  /** The server's own words, e.g. "successfully deleted job with Id: [...]". */
  message: string;
}

export interface AtScaleClient {
  readonly orgId: string;
  /** All jobs, or only active (true) / deactivated (false) ones. `active` on each is the filter asked, else null. */
  listSchedules(options?: { active?: boolean }): Promise<Schedule[]>;
  /** Validates with the Quartz engine first; never retried, so a failure never leaves a duplicate. */
  createSchedule(timeExpression: string): Promise<Schedule>;
  deleteSchedule(jobId: string): Promise<DeleteResult>;
  /** Signs in now (password credentials); a no-op for API tokens. Lets "Test connection" tell sign-in apart. */
  signIn(): Promise<void>;
  /** The maintenance run in progress in this org, or null when none is. */
  getRunningJob(): Promise<ClientRunningJob | null>;
  /** Starts maintenance in this org now; never retried (a lost answer means it may have started). */
  runNow(): Promise<ClientRunNowResult>;
  /** The orgs the signed-in user can reach (this client's org is only used to sign in). */
  listOrgs(): Promise<ClientOrg[]>;
  /** The token's user and age; null when the server does not offer it. */
  sessionToken(): Promise<ClientSessionToken | null>;
  /** Closes pooled sockets. */
  close(): void;
}

/** What the endpoint modules share: one authenticated call, and the description of an operation. */
export interface ClientContext {
  opts: ResolvedOptions;
  /** The org as one encoded path segment (checked at creation: never ".", "..", or with "/"). */
  orgSegment: string;
  call(method: HttpMethod, url: URL, body?: string): Promise<HttpResponse>;
  op(what: string, url: URL, extra?: Partial<Operation>): Operation;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const JOBS_PATH = '/aggregates/maintenance/scheduler/jobs/orgId/';
const DELETE_PATH = '/api/1.0/aggregates/maintenance-schedule/jobs/orgId/';

/** Throws AtScaleError('invalid-input') synchronously when the options are unusable. */
export function createAtScaleClient(options: AtScaleClientOptions): AtScaleClient {
  const opts = resolveOptions(options);
  const transport = createTransport({ caCert: opts.caCert });
  const creds = opts.credentials;
  // What the user sees anyway. A password equal to (or inside) one of these is not starred in messages:
  // the star would tell an onlooker the password, while the value itself is on screen already.
  const publicValues = [opts.orgId, opts.apiBase.host, opts.authBase.host, ...(creds.kind === 'password' ? [creds.username] : [])];
  const secrets = (): string[] => {
    if (creds.kind === 'token') return [creds.token, ...tokens.all()];
    const pair = `${creds.username}:${creds.password}`;
    const password = publicValues.some((value) => value.includes(creds.password)) ? [] : [creds.password];
    // The user:password pair is starred even when the password alone is public (user "ops", password "ops").
    return [...password, pair, Buffer.from(pair).toString('base64'), ...tokens.all()];
  };
  const tokens = new TokenCache(() => signInOnce(opts, transport, secrets, publicValues));
  const orgId = opts.orgId;
  const ctx: ClientContext = {
    opts,
    orgSegment: encodeURIComponent(orgId),
    call,
    op: (what, url, extra = {}) => ({ what, orgId, host: url.host, credentialKind: creds.kind, secrets: secrets(), publicValues, ...extra }),
  };
  const org = `org "${orgId}"`;

  /** A session token; a failure to get one means the call's own request was never sent. */
  async function signedIn(): Promise<string> {
    try {
      return await tokens.get();
    } catch (err) {
      if (err instanceof AtScaleError) throw new AtScaleError(err.kind, err.message, { ...err.details, notSent: true });
      throw err;
    }
  }

  /** One API call: bearer auth, GET retries, and one fresh sign-in after a 401 for password credentials. */
  async function call(method: HttpMethod, url: URL, body?: string): Promise<HttpResponse> {
    const bearer = creds.kind === 'token' ? creds.token : await signedIn();
    const res = await sendRaw(opts, transport, method, url, `Bearer ${bearer}`, body);
    if (res.status !== 401 || creds.kind !== 'password') return res;
    // The session token expired or was revoked: sign in again, exactly once, then repeat the request.
    // Repeating a POST here is safe: a 401 means the server did not act on it.
    tokens.invalidate(bearer);
    const fresh = await signedIn();
    return sendRaw(opts, transport, method, url, `Bearer ${fresh}`, body);
  }

  /** Every rejection leaves through here: AtScaleError only, secrets scrubbed. */
  function guard<T>(work: () => Promise<T>): Promise<T> {
    return work().catch((err: unknown) => {
      if (err instanceof AtScaleError) throw scrubError(err, secrets());
      const message = excerpt(messageOf(err));
      throw scrubError(new AtScaleError('network', `Unexpected failure talking to AtScale: ${message}`), secrets());
    });
  }

  return {
    orgId,

    listSchedules(listOptions = {}) {
      return guard(async () => {
        const active = listOptions.active;
        const query: Record<string, string> = active === undefined ? {} : { active: String(active) };
        const url = joinUrl(opts.apiBase, JOBS_PATH + ctx.orgSegment, query);
        const res = await call('GET', url);
        const what = `Listing schedules for ${org}`;
        const data = interpret(res, listEnvelopeSchema, ctx.op(what, url));
        return checkJobs(data.response, orgId, what, url.host).map((job) => toSchedule(job, orgId, active ?? null));
      });
    },

    createSchedule(timeExpression) {
      return guard(async () => {
        const expression = checkExpression(timeExpression);
        const url = joinUrl(opts.apiBase, JOBS_PATH + ctx.orgSegment, { time_expression: expression, scheduler_type: 'time-based' });
        const body = JSON.stringify({ time_expression: expression, scheduler_type: 'time-based' });
        const res = await call('POST', url, body);
        const data = interpret(res, createEnvelopeSchema, ctx.op(`Creating the schedule "${excerpt(expression)}" in ${org}`, url));
        const created = data.response;
        return {
          jobId: created.job_id,
          orgId,
          timeExpression: created.time_expression ?? expression,
          fullBuild: false,
          createdBy: created.created_by_user ?? (creds.kind === 'password' ? creds.username : ''),
          createdAt: toIso(created.created_at ?? data.responseCreated),
          latestExecution: null,
          active: true,
        } satisfies Schedule;
      });
    },

    deleteSchedule(jobId) {
      return guard(async () => {
        if (typeof jobId !== 'string' || !UUID.test(jobId.trim())) {
          const shown = typeof jobId === 'string' ? `"${excerpt(jobId, 60)}"` : `of type ${typeof jobId}`;
          throw new AtScaleError(
            'invalid-input',
            `The job ID ${shown} is not a UUID (like 3740f5fd-a6b8-45fb-a3ab-313bf8481af3). Pick the job from the list again.`,
          );
        }
        const id = jobId.trim();
        const url = joinUrl(opts.apiBase, `${DELETE_PATH}${ctx.orgSegment}/jobId/${encodeURIComponent(id)}`);
        const res = await call('DELETE', url);
        const op = ctx.op(`Deleting the job ${id} in ${org}`, url, { jobId: id });
        const data = interpret(res, deleteEnvelopeSchema, op);
        // The server's words: the response's text, else the status's message.
        const words = typeof data.response === 'string' ? data.response : (data.status?.message ?? '');
        const said = words ? quoteServerText(words, op.secrets, undefined, op.publicValues) : '';
        return { jobId: id, message: said || 'deleted' };
      });
    },

    signIn() {
      return guard(async () => {
        if (creds.kind === 'password') await tokens.get();
      });
    },

    getRunningJob: () => guard(() => getRunningJob(ctx)),
    runNow: () => guard(() => runNow(ctx)),
    listOrgs: () => guard(() => listOrgs(ctx)),
    sessionToken: () => guard(() => sessionToken(ctx)),

    close() {
      transport.close();
    },
  };
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * A list that names another org, or one job twice with different contents, is a wrong answer: showing it
 * (and deleting from it) would act on the wrong thing. Exact repeats of one job are shown once.
 */
function checkJobs(jobs: readonly Job[], orgId: string, what: string, host: string): Job[] {
  const seen = new Map<string, string>();
  const out: Job[] = [];
  for (const job of jobs) {
    if (job.organization_Id !== undefined && job.organization_Id !== orgId) {
      throw new AtScaleError(
        'bad-response',
        `${what} got jobs of the org "${excerpt(job.organization_Id, 60)}" from ${host}, not of "${orgId}". Check the org ID's spelling in the profile, and that the API URL points at the AtScale engine.`,
      );
    }
    const text = JSON.stringify(job);
    const before = seen.get(job.job_id);
    if (before === undefined) {
      seen.set(job.job_id, text);
      out.push(job);
    } else if (before !== text) {
      throw new AtScaleError(
        'bad-response',
        `${what} got the job ${excerpt(job.job_id, 60)} twice with different contents from ${host}; this answer cannot be trusted. Try again.`,
      );
    }
  }
  return out;
}

function checkExpression(timeExpression: unknown): string {
  if (typeof timeExpression !== 'string' || timeExpression.trim() === '') {
    throw new AtScaleError('invalid-input', 'The schedule expression is empty. Enter a Quartz cron expression such as "0 0 4 ? * * *" (daily at 04:00).');
  }
  const expression = timeExpression.trim().replace(/\s+/g, ' ');
  let verdict;
  try {
    verdict = validateQuartz(expression);
  } catch (err) {
    if (err instanceof CronSyntaxError) verdict = { ok: false as const, field: err.field, message: err.message };
    else throw err;
  }
  if (!verdict.ok) {
    throw new AtScaleError('invalid-input', `"${excerpt(expression)}" is not a valid Quartz expression (${verdict.field}): ${excerpt(verdict.message)}`);
  }
  return expression;
}

async function signInOnce(opts: ResolvedOptions, transport: Transport, secrets: () => string[], publicValues: readonly string[]): Promise<string> {
  if (opts.credentials.kind !== 'password') throw new Error('sign-in needs password credentials');
  const { username, password } = opts.credentials;
  const url = joinUrl(opts.authBase, `/${encodeURIComponent(opts.orgId)}/auth`);
  const basic = Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
  try {
    const res = await sendRaw(opts, transport, 'GET', url, `Basic ${basic}`);
    return readToken(res, {
      what: `Signing in to org "${opts.orgId}"`,
      orgId: opts.orgId,
      host: url.host,
      credentialKind: 'password',
      secrets: secrets(),
      publicValues,
    });
  } catch (err) {
    if (err instanceof AtScaleError && err.step === undefined) {
      throw new AtScaleError(err.kind, err.message, { status: err.status, code: err.code, step: 'sign-in' });
    }
    throw err;
  }
}

/** One request; GETs are retried on 5xx, 429 and connection failures with exponential backoff (or Retry-After). */
async function sendRaw(opts: ResolvedOptions, transport: Transport, method: HttpMethod, url: URL, authorization: string, body?: string): Promise<HttpResponse> {
  const headers: Record<string, string> = { authorization, accept: 'application/json, text/plain;q=0.9' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const attempts = method === 'GET' ? opts.retry.attempts : 1;
  for (let attempt = 1; ; attempt++) {
    let retryAfterMs: number | null = null;
    try {
      const res = await transport.send({ method, url, headers, body, timeoutMs: opts.timeoutMs });
      if ((res.status < 500 && res.status !== 429) || attempt >= attempts) return res;
      retryAfterMs = res.retryAfterMs;
    } catch (err) {
      // Retry only what a second try can fix: dropped or refused connections. Not DNS, TLS or timeouts
      // (the user already waited a full timeout once).
      const retriable = err instanceof AtScaleError && err.kind === 'network' && err.step === 'connect';
      if (!retriable || attempt >= attempts) throw err;
    }
    await sleep(backoff(opts, attempt, retryAfterMs));
  }
}

function backoff(opts: ResolvedOptions, attempt: number, retryAfterMs: number | null): number {
  const { baseDelayMs, maxDelayMs } = opts.retry;
  const exp = baseDelayMs * 2 ** (attempt - 1);
  const delay = retryAfterMs ?? exp + Math.random() * exp * 0.5;
  return Math.min(delay, maxDelayMs);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
