// The documented AtScale endpoints, answered from the store with the documented envelopes.
import { validateQuartz } from '@shared/cron';
import type { SimAuth } from './auth';
import type { SimEndpoint } from './faults';
import { handleMaintenance } from './api-maintenance';
import type { SimJob, SimStore } from './store';

export interface SimResponse {
  status: number;
  contentType: string;
  body: string;
  headers?: Record<string, string>;
}

export interface Route {
  endpoint: SimEndpoint;
  /** Null for the endpoints that are not about one org (the org list, the session token). */
  orgId: string | null;
  jobId?: string;
}

export interface ApiContext {
  store: SimStore;
  auth: SimAuth;
  now: () => Date;
}

export interface ApiRequest {
  method: string;
  route: Route;
  query: URLSearchParams;
  body: string;
  authorization: string | undefined;
}

const LIST_CREATE = /^\/aggregates\/maintenance\/scheduler\/jobs\/orgId\/([^/]+)\/?$/;
const DELETE = /^\/api\/1\.0\/aggregates\/maintenance-schedule\/jobs\/orgId\/([^/]+)\/jobId\/([^/]+)\/?$/;
const AUTH = /^\/([^/]+)\/auth\/?$/;
const RUNNING = /^\/aggregates\/maintenance\/orgId\/([^/]+)\/?$/;
const RUN_NOW = /^\/api\/1\.0\/aggregates\/maintenance\/orgId\/([^/]+)\/run-immediately\/?$/;
const ORGS = /^\/api\/1\.0\/org\/?$/;
const SESSION_TOKEN = /^\/api\/1\.0\/sessiontoken\/?$/;

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** Which endpoint a request is for; null when no documented endpoint has that path and method. */
export function routeOf(method: string, pathname: string): Route | null {
  let m = LIST_CREATE.exec(pathname);
  if (m?.[1] && (method === 'GET' || method === 'POST')) {
    const orgId = decode(m[1]);
    return orgId === null ? null : { endpoint: method === 'GET' ? 'list' : 'create', orgId };
  }
  m = DELETE.exec(pathname);
  if (m?.[1] && m[2] && method === 'DELETE') {
    const orgId = decode(m[1]);
    const jobId = decode(m[2]);
    return orgId === null || jobId === null ? null : { endpoint: 'delete', orgId, jobId };
  }
  m = AUTH.exec(pathname);
  if (m?.[1] && method === 'GET') {
    const orgId = decode(m[1]);
    return orgId === null ? null : { endpoint: 'auth', orgId };
  }
  m = RUNNING.exec(pathname);
  if (m?.[1] && method === 'GET') {
    const orgId = decode(m[1]);
    return orgId === null ? null : { endpoint: 'running', orgId };
  }
  m = RUN_NOW.exec(pathname);
  if (m?.[1] && method === 'POST') {
    const orgId = decode(m[1]);
    return orgId === null ? null : { endpoint: 'run-now', orgId };
  }
  if (method === 'GET' && ORGS.test(pathname)) return { endpoint: 'orgs', orgId: null };
  if (method === 'GET' && SESSION_TOKEN.test(pathname)) return { endpoint: 'session-token', orgId: null };
  return null;
}

export function envelope(now: Date, code: number, message: string, response: unknown): SimResponse {
  return {
    status: code,
    contentType: 'application/json',
    body: JSON.stringify({ status: { code, message }, responseCreated: now.toISOString(), response }),
  };
}

export function handleApi(ctx: ApiContext, req: ApiRequest): SimResponse {
  const now = ctx.now();
  const { route } = req;
  const orgId = route.orgId;
  if (route.endpoint === 'auth' && orgId !== null) {
    if (!ctx.store.hasOrg(orgId)) return envelope(now, 404, `Organization ${orgId} not found`, null);
    const user = ctx.auth.checkBasic(req.authorization);
    if (!user) return envelope(now, 401, 'Invalid username or password', null);
    if (!ctx.auth.canReach(user, orgId)) return envelope(now, 403, `User ${user} has no access to organization ${orgId}`, null);
    return { status: 200, contentType: 'text/plain; charset=utf-8', body: ctx.auth.issueSession(user) };
  }

  const user = ctx.auth.check(req.authorization);
  if (!user) return envelope(now, 401, 'Unauthorized: missing, invalid or expired token', null);
  if (orgId === null) return handleMaintenance(ctx, req, user, now);
  if (!ctx.store.hasOrg(orgId)) return envelope(now, 404, `Organization ${orgId} not found or no access`, null);
  if (!ctx.auth.canReach(user, orgId)) return envelope(now, 403, `User ${user} has no access to organization ${orgId}`, null);
  if (route.endpoint === 'running' || route.endpoint === 'run-now') return handleMaintenance(ctx, req, user, now);

  if (route.endpoint === 'list') {
    const active = req.query.get('active');
    if (active !== null && active !== 'true' && active !== 'false') {
      return envelope(now, 400, `Invalid parameter active=${active}: use true or false`, null);
    }
    const jobs = ctx.store.list(orgId, active === null ? undefined : active === 'true');
    return envelope(
      now,
      200,
      'success',
      jobs.map((job) => jobJson(ctx, job)),
    );
  }

  if (route.endpoint === 'create') return create(ctx, req, orgId, user, now);

  const job = ctx.store.deactivate(orgId, route.jobId ?? '');
  if (!job) return envelope(now, 404, `No active job with Id: [${route.jobId ?? ''}] in organization ${orgId}`, null);
  return envelope(now, 200, 'success', `successfully deleted job with Id: [${job.jobId}]`);
}

function create(ctx: ApiContext, req: ApiRequest, orgId: string, user: string, now: Date): SimResponse {
  let body: Record<string, unknown> = {};
  if (req.body.trim() !== '') {
    try {
      const parsed = JSON.parse(req.body) as unknown;
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
      else return envelope(now, 400, 'Request body must be a JSON object', null);
    } catch {
      return envelope(now, 400, 'Request body is not valid JSON', null);
    }
  }
  const pick = (name: string): string | null => {
    const fromQuery = req.query.get(name);
    const fromBody = body[name];
    return fromQuery ?? (typeof fromBody === 'string' ? fromBody : null);
  };
  const expression = pick('time_expression');
  const type = pick('scheduler_type');
  if (expression === null || expression.trim() === '') return envelope(now, 400, 'Missing parameter time_expression', null);
  if (type !== 'time-based') return envelope(now, 400, `Invalid scheduler_type ${String(type)}: use time-based`, null);
  const bodyExpression = body['time_expression'];
  if (typeof bodyExpression === 'string' && req.query.get('time_expression') !== null && bodyExpression !== expression) {
    return envelope(now, 400, 'time_expression differs between the query and the body', null);
  }
  // Quartz would refuse it when scheduling, so the server does too.
  const verdict = validateQuartz(expression);
  if (!verdict.ok) return envelope(now, 400, `Invalid cron expression '${expression}': ${verdict.message}`, null);
  const job = ctx.store.create(orgId, expression, user);
  return envelope(now, 200, 'Time-based schedule successfully created.', {
    job_id: job.jobId,
    time_expression: job.timeExpression,
    scheduler_type: 'time-based/maintenance',
    created_at: job.createdAt.toISOString(),
    created_by_user: job.createdBy,
  });
}

/** One job as the list endpoint shows it (no `active` field: the real API has none). */
function jobJson(ctx: ApiContext, job: SimJob): Record<string, unknown> {
  const execution = ctx.store.latestExecution(job);
  const json: Record<string, unknown> = {
    job_id: job.jobId,
    organization_Id: job.orgId,
    full_build: job.fullBuild,
    time_expression: job.timeExpression,
    created_by_user: job.createdBy,
    created_at: job.createdAt.toISOString(),
    // AtScale sends null (or leaves it out) for a job that never ran; the simulator sends null.
    latest_execution: execution ? { id: execution.id, jobId: job.jobId, executedAt: execution.executedAt.toISOString() } : null,
    path: 'time-based',
  };
  return json;
}
