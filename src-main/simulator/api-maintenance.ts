// The maintenance endpoints (the running job, run-immediately) and the account endpoints (the user's
// orgs, the session token), each with the envelope its AtScale sample shows: these differ on purpose.
import type { ApiContext, ApiRequest, SimResponse } from './api';
import type { SimRun } from './runs';

function json(status: number, value: unknown): SimResponse {
  return { status, contentType: 'application/json', body: JSON.stringify(value) };
}

/** The running job's sample: `status.code` 0 with "200 OK", whatever the HTTP status. */
function maintenanceEnvelope(response: unknown): SimResponse {
  return json(200, { status: { code: 0, message: '200 OK' }, response });
}

/** The Design Center envelope of the account endpoints. */
function designCenterEnvelope(response: unknown): SimResponse {
  return json(200, { status: { i18n_message: 'success', message: 'OK' }, response });
}

export function runJson(run: SimRun): Record<string, unknown> {
  return {
    id: run.id,
    organizationId: run.orgId,
    scheduleJobId: run.jobId,
    triggerType: run.triggerType,
    creationTime: run.creationTime.toISOString(),
    startTime: run.startTime.toISOString(),
    status: 'RUNNING',
  };
}

/** Called after the bearer token, the org's existence and the user's access were checked. */
export function handleMaintenance(ctx: ApiContext, req: ApiRequest, user: string, now: Date): SimResponse {
  const { route } = req;
  if (route.endpoint === 'running' && route.orgId !== null) {
    // Nothing running: 200 with a null response (the client also takes 404, 204 or an empty body).
    const run = ctx.store.runningJob(route.orgId);
    return maintenanceEnvelope(run ? runJson(run) : null);
  }
  if (route.endpoint === 'run-now' && route.orgId !== null) {
    ctx.store.runNow(route.orgId);
    return json(200, { status: { code: 200, message: `Maintenance successfully started for ${route.orgId}` }, response: null });
  }
  if (route.endpoint === 'orgs') {
    const orgs = ctx.store.orgIds().filter((orgId) => ctx.auth.canReach(user, orgId));
    return designCenterEnvelope(orgs.map((id) => ({ id, name: ctx.store.orgName(id) })));
  }
  // session-token
  const owner = ctx.auth.owner(req.authorization);
  return json(200, {
    status: { code: 200, message: 'success' },
    responseCreated: now.toISOString(),
    response: owner ? { user_id: owner.user, generated_at: new Date(owner.issuedAt).toISOString() } : null,
  });
}
