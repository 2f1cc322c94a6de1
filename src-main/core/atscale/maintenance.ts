// The maintenance and account endpoints: the running job, run now, the user's orgs, the token's age.
// Their envelopes differ from the schedule endpoints' (and from each other): the HTTP status is trusted,
// `status.code` is not, and the payload is read tolerantly (see maintenance-schemas.ts).
import type { ClientOrg, ClientRunNowResult, ClientRunningJob, ClientSessionToken } from '@core/atscale-port';
import type { ClientContext } from './client';
import { quoteServerText } from './errors';
import { readOrgs, readRunningJob, readSessionToken, runNowEnvelopeSchema } from './maintenance-schemas';
import { joinUrl } from './options';
import { badResponse, interpret, looksLikeHtml, statusError, type Operation } from './responses';
import type { HttpResponse } from './transport';
import { z } from 'zod';

/** The documented meaning of a 503 on this API family. */
export const DESIGN_CENTER_APIS_OFF = 'Design Center APIs are not enabled on this server';

const RUNNING_PATH = '/aggregates/maintenance/orgId/';
const RUN_NOW_PATH = '/api/1.0/aggregates/maintenance/orgId/';
const ORGS_PATH = '/api/1.0/org';
const SESSION_TOKEN_PATH = '/api/1.0/sessiontoken';

export async function getRunningJob(ctx: ClientContext): Promise<ClientRunningJob | null> {
  const url = joinUrl(ctx.opts.apiBase, RUNNING_PATH + ctx.orgSegment);
  const op = ctx.op(`Reading the running maintenance job of org "${ctx.opts.orgId}"`, url, {
    unavailable: DESIGN_CENTER_APIS_OFF,
    envelopeCodeOverrides: false,
  });
  const res = await ctx.call('GET', url);
  // Nothing running: servers answer 404, 204, an empty body or a null response; all mean the same.
  if (res.status === 404 || res.status === 204 || (isOk(res) && res.body.trim() === '')) return null;
  return readRunningJob(parsed(res, op), op);
}

export async function runNow(ctx: ClientContext): Promise<ClientRunNowResult> {
  const url = joinUrl(ctx.opts.apiBase, `${RUN_NOW_PATH}${ctx.orgSegment}/run-immediately`);
  // Stryker disable next-line BooleanLiteral: runNow reads its answer itself; only interpret() reads envelopeCodeOverrides
  const op = ctx.op(`Starting maintenance now in org "${ctx.opts.orgId}"`, url, { unavailable: DESIGN_CENTER_APIS_OFF, envelopeCodeOverrides: false });
  // A POST: sent once (ctx.call never retries it), so a lost answer can never start a second run.
  const res = await ctx.call('POST', url, '');
  if (!isOk(res)) throw statusError(res.status, res.body, op);
  // A 2xx started the run, whatever its body says; only a web page means AtScale never saw the request.
  if (looksLikeHtml(res.body, res.contentType)) throw badResponse(op, 'an HTML page', res.status);
  const data = runNowEnvelopeSchema.safeParse(tryJson(res.body));
  const said = data.success ? (data.data.status?.message ?? (typeof data.data.response === 'string' ? data.data.response : null)) : null;
  return { message: (said && quoteServerText(said, op.secrets, undefined, op.publicValues)) || 'Maintenance started' };
}

function tryJson(body: string): unknown {
  try {
    return JSON.parse(body.replace(/^\uFEFF/, '')) as unknown;
  } catch {
    return null;
  }
}

export async function listOrgs(ctx: ClientContext): Promise<ClientOrg[]> {
  const url = joinUrl(ctx.opts.apiBase, ORGS_PATH);
  const op = ctx.op('Listing the orgs this user can reach', url, { envelopeCodeOverrides: false });
  const res = await ctx.call('GET', url);
  return readOrgs(parsed(res, op), op);
}

export async function sessionToken(ctx: ClientContext): Promise<ClientSessionToken | null> {
  const url = joinUrl(ctx.opts.apiBase, SESSION_TOKEN_PATH);
  const op = ctx.op('Reading the session token details', url, { envelopeCodeOverrides: false });
  const res = await ctx.call('GET', url);
  // Older servers do not have the endpoint: the app then falls back to when the token was saved.
  if (res.status === 404 || res.status === 405) return null;
  return readSessionToken(parsed(res, op), op);
}

function isOk(res: HttpResponse): boolean {
  return res.status >= 200 && res.status < 300;
}

/** 2xx -> the parsed JSON (any shape); anything else -> the usual AtScaleError. */
function parsed(res: HttpResponse, op: Operation): unknown {
  // Stryker disable next-line ConditionalExpression: interpret() throws the same statusError for a non-2xx; this only says so here
  if (!isOk(res)) throw statusError(res.status, res.body, op);
  return interpret(res, z.unknown(), op);
}
