// The HTTP control endpoint under /__sim/ (only when the simulator is started with control: true):
// the same knobs as the programmatic API, for the browser harness and manual demos.
//   GET    /__sim/state                     orgs, job counts, faults, latency, request count
//   GET    /__sim/requests                  the request log (no secrets are ever logged)
//   POST   /__sim/faults      FaultRule     -> { id }
//   DELETE /__sim/faults[/id]               clear all faults, or one
//   POST   /__sim/latency     { ms, orgId? }
//   POST   /__sim/expire-sessions           every session token stops working (next call: 401)
//   POST   /__sim/advance     { ms }        moves the simulated clock forward
//   POST   /__sim/orgs        { orgId, jobs? }   adds an org, empty or with jobs
//                                      [{ timeExpression, createdDaysAgo?, jobId? }] -> { orgId, jobs }
//   POST   /__sim/reset                     back to the seed, no faults, empty log
//   POST   /__sim/scheduler   { orgId, paused?, lateMs?, runDurationMs?, at? }   an org's scheduler faults
//   POST   /__sim/events      { orgId, at?, triggerType?, durationMs? }          an event-triggered run
//   POST   /__sim/time-zone   { timeZone }  the zone the server fires expressions in
//   GET    /__sim/runs?orgId=..&from=..&to=..   runs that started in the window (default the last 7 days)
//   GET    /__sim/running?orgId=..          the org's run in progress, or null
import { randomUUID } from 'node:crypto';
import type { FaultRule } from './faults';
import type { SeedJob } from './demo-data';
import type { SimResponse } from './api';
import type { SimulatorControl } from './types';

function json(status: number, value: unknown): SimResponse {
  return { status, contentType: 'application/json', body: JSON.stringify(value) };
}

function parseBody(body: string): Record<string, unknown> | null {
  if (body.trim() === '') return {};
  try {
    const value = JSON.parse(body) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Jobs to seed a new org with (none when absent), or null when the input is not a list of them. */
function seedJobs(value: unknown): SeedJob[] | null {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return null;
  const jobs: SeedJob[] = [];
  for (const item of value as unknown[]) {
    if (!item || typeof item !== 'object') return null;
    const { timeExpression, createdDaysAgo = 0, jobId = randomUUID() } = item as Record<string, unknown>;
    if (typeof timeExpression !== 'string' || typeof createdDaysAgo !== 'number' || !(createdDaysAgo >= 0) || typeof jobId !== 'string') return null;
    jobs.push({ jobId, timeExpression, fullBuild: false, createdBy: 'admin', createdDaysAgo });
  }
  return jobs;
}

export function handleControl(sim: SimulatorControl, method: string, path: string, body: string, query = new URLSearchParams()): SimResponse {
  const input = parseBody(body);
  if (input === null) return json(400, { error: 'body must be a JSON object' });
  const num = (key: string): number | null => (typeof input[key] === 'number' ? input[key] : null);
  try {
    if (method === 'GET' && path === '/__sim/state') return json(200, sim.state());
    if (method === 'GET' && path === '/__sim/requests') return json(200, sim.requests());
    if (method === 'POST' && path === '/__sim/faults') return json(200, { id: sim.inject(input as FaultRule) });
    if (method === 'DELETE' && path === '/__sim/faults') {
      sim.clearFaults();
      return json(200, { cleared: true });
    }
    const one = /^\/__sim\/faults\/(\d+)$/.exec(path);
    if (method === 'DELETE' && one?.[1]) {
      sim.removeFault(Number(one[1]));
      return json(200, { removed: Number(one[1]) });
    }
    if (method === 'POST' && path === '/__sim/latency') {
      const ms = num('ms');
      if (ms === null || ms < 0) return json(400, { error: 'give { "ms": <number >= 0>, "orgId"?: "<org>" }' });
      sim.setLatency(ms, typeof input['orgId'] === 'string' ? input['orgId'] : undefined);
      return json(200, { latencyMs: ms });
    }
    if (method === 'POST' && path === '/__sim/expire-sessions') return json(200, { expired: sim.expireSessions() });
    if (method === 'POST' && path === '/__sim/advance') {
      const ms = num('ms');
      if (ms === null) return json(400, { error: 'give { "ms": <number> }' });
      sim.advanceTime(ms);
      return json(200, { now: sim.now().toISOString() });
    }
    if (method === 'POST' && path === '/__sim/orgs') {
      const usage = 'give { "orgId": "<org>", "jobs"?: [{ "timeExpression": "<Quartz>", "createdDaysAgo"?: days, "jobId"?: "<id>" }] }';
      if (typeof input['orgId'] !== 'string' || input['orgId'] === '') return json(400, { error: usage });
      const jobs = seedJobs(input['jobs']);
      if (jobs === null) return json(400, { error: usage });
      sim.addOrg(input['orgId'], jobs);
      return json(200, { orgId: input['orgId'], jobs: jobs.map(({ jobId, timeExpression }) => ({ jobId, timeExpression })) });
    }
    const orgId = typeof input['orgId'] === 'string' ? input['orgId'] : null;
    const at = typeof input['at'] === 'string' ? input['at'] : undefined;
    if (method === 'POST' && path === '/__sim/scheduler') {
      if (orgId === null) return json(400, { error: 'give { "orgId": "<org>", "paused"?: bool, "lateMs"?: ms, "runDurationMs"?: ms, "at"?: ISO }' });
      if (typeof input['paused'] === 'boolean') sim.setSchedulerPaused(orgId, input['paused'], { at });
      const late = num('lateMs');
      if (late !== null) sim.setLateRuns(orgId, late, { at });
      const duration = num('runDurationMs');
      if (duration !== null) sim.setRunDuration(orgId, duration);
      return json(200, sim.state().orgs.find((o) => o.orgId === orgId) ?? null);
    }
    if (method === 'POST' && path === '/__sim/events') {
      if (orgId === null) return json(400, { error: 'give { "orgId": "<org>", "at"?: ISO, "triggerType"?: text, "durationMs"?: ms }' });
      const triggerType = typeof input['triggerType'] === 'string' ? input['triggerType'] : undefined;
      return json(200, sim.triggerEvent(orgId, { at, triggerType, durationMs: num('durationMs') ?? undefined }));
    }
    if (method === 'POST' && path === '/__sim/time-zone') {
      if (typeof input['timeZone'] !== 'string') return json(400, { error: 'give { "timeZone": "<IANA zone>" }' });
      sim.setTimeZone(input['timeZone']);
      return json(200, { timeZone: sim.timeZone() });
    }
    const queryOrg = query.get('orgId');
    if (method === 'GET' && path === '/__sim/runs') {
      if (!queryOrg) return json(400, { error: 'give ?orgId=<org>[&from=ISO&to=ISO]' });
      return json(200, sim.runs(queryOrg, { from: query.get('from') ?? undefined, to: query.get('to') ?? undefined }));
    }
    if (method === 'GET' && path === '/__sim/running') {
      if (!queryOrg) return json(400, { error: 'give ?orgId=<org>' });
      return json(200, sim.runningJob(queryOrg));
    }
    if (method === 'POST' && path === '/__sim/reset') {
      sim.reset();
      return json(200, { reset: true });
    }
  } catch (err) {
    return json(400, { error: err instanceof Error ? err.message : String(err) });
  }
  return json(404, { error: `no control endpoint ${method} ${path}` });
}
