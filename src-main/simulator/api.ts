// The documented AtScale endpoints, answered from the store with the documented envelopes.
import { validateQuartz } from '@shared/cron';
import type { SimAuth } from './auth';
import type { SimEndpoint } from './faults';
import type { SimJob, SimStore } from './store';

export interface SimResponse {
  status: number;
  contentType: string;
  body: string;
  headers?: Record<string, string>;
}

export interface Route {
  endpoint: SimEndpoint;
  orgId: string;
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
  if (route.endpoint === 'auth') {
    if (!ctx.store.hasOrg(route.orgId)) return envelope(now, 404, `Organization ${route.orgId} not found`, null);
    const token = ctx.auth.signIn(req.authorization);
    if (!token) return envelope(now, 401, 'Invalid username or password', null);
    return { status: 200, contentType: 'text/plain; charset=utf-8', body: token };
  }

  const user = ctx.auth.check(req.authorization);
  if (!user) return envelope(now, 401, 'Unauthorized: missing, invalid or expired token', null);
  if (!ctx.store.hasOrg(route.orgId)) return envelope(now, 404, `Organization ${route.orgId} not found or no access`, null);

  if (route.endpoint === 'list') {
    const active = req.query.get('active');
    if (active !== null && active !== 'true' && active !== 'false') {
      return envelope(now, 400, `Invalid parameter active=${active}: use true or false`, null);
    }
    const jobs = ctx.store.list(route.orgId, active === null ? undefined : active === 'true');
    return envelope(now, 200, 'success', jobs.map((job) => jobJson(ctx, job)));
  }

  if (route.endpoint === 'create') return create(ctx, req, user, now);

  const job = ctx.store.deactivate(route.orgId, route.jobId ?? '');
  if (!job) return envelope(now, 404, `No active job with Id: [${route.jobId ?? ''}] in organization ${route.orgId}`, null);
  return envelope(now, 200, 'success', `successfully deleted job with Id: [${job.jobId}]`);
}

function create(ctx: ApiContext, req: ApiRequest, user: string, now: Date): SimResponse {
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
  const job = ctx.store.create(req.route.orgId, expression, user);
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
