// Tolerant readers for the maintenance and account answers. The docs show one sample each (or none), so
// these accept the envelope or a bare payload, several spellings of each field, string or epoch times,
// and ignore unknown fields; what they cannot read at all is a bad-response naming the field.
import { z } from 'zod';
import type { ClientOrg, ClientRunningJob, ClientSessionToken } from '@core/atscale-port';
import { AtScaleError, excerpt, quoteServerText } from './errors';
import type { Operation } from './responses';
import { describeIssues } from './schemas';

const statusSchema = z.object({ code: z.number().optional(), message: z.string().optional() }).partial();

// `response` may be missing (zod 4 requires a key whose schema is a bare z.unknown()): the status's words still count.
export const runNowEnvelopeSchema = z.object({ status: statusSchema.optional(), response: z.unknown().optional() });

/** A string id, or a JSON number that is a safe integer (a bigger one lost digits in JSON.parse: refused). */
const idSchema = z.union([z.string().min(1), z.number().int().nonnegative()]).transform(String);
const timeSchema = z.union([z.string(), z.number()]).nullable().optional();
const textSchema = z.string().nullable().optional();

const runningJobSchema = z.object({
  id: idSchema.nullable().optional(),
  jobId: idSchema.nullable().optional(),
  triggerType: textSchema,
  creationTime: timeSchema,
  startTime: timeSchema,
  endTime: timeSchema,
  status: textSchema,
});

/** ISO from an ISO-ish string or an epoch number (milliseconds, or seconds when small); null when unreadable. */
export function timeToIso(value: string | number | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  const numeric = typeof value === 'number' ? value : /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : null;
  const ms = numeric === null ? Date.parse(value as string) : numeric < 1e11 ? numeric * 1000 : numeric;
  // Stryker disable next-line ConditionalExpression: a non-finite ms makes an invalid Date, which the next line reads as null
  if (!Number.isFinite(ms)) return null;
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function shapeError(op: Operation, detail: string): AtScaleError {
  return new AtScaleError(
    'bad-response',
    `${op.what} got an answer of the wrong shape from ${op.host} (${detail}). The server may run an AtScale version this app does not support, or the URL points at another service.`,
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The payload: `response` of an envelope, or the value itself when it is not an envelope. */
function payload(value: unknown): unknown {
  return isRecord(value) && 'response' in value ? value['response'] : value;
}

export function readRunningJob(value: unknown, op: Operation): ClientRunningJob | null {
  let job = payload(value);
  if (Array.isArray(job)) job = job.find((j) => j !== null) ?? null;
  if (job === null || job === undefined || (isRecord(job) && Object.keys(job).length === 0)) return null;
  const parsed = runningJobSchema.safeParse(job);
  if (!parsed.success) throw shapeError(op, describeIssues(parsed.error));
  const data = parsed.data;
  // A job with an end time is the last run, not a running one.
  if (timeToIso(data.endTime) !== null) return null;
  return {
    id: data.id ?? data.jobId ?? null,
    // The server's own words, shown as they are: scrubbed like any server text a message quotes.
    triggerType: data.triggerType ? quoteServerText(data.triggerType, op.secrets, undefined, op.publicValues) : null,
    creationTime: timeToIso(data.creationTime),
    startTime: timeToIso(data.startTime),
    status: data.status ? quoteServerText(data.status, op.secrets, 60, op.publicValues) : null,
  };
}

const ID_KEYS = ['id', 'orgId', 'org_id', 'organization_id', 'organizationId', 'organization_Id', 'guid'] as const;
const NAME_KEYS = ['name', 'displayName', 'display_name', 'orgName', 'org_name', 'organization_name', 'organizationName', 'label'] as const;

function firstString(record: Record<string, unknown>, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = record[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  }
  return null;
}

export function readOrgs(value: unknown, op: Operation): ClientOrg[] {
  let list = payload(value);
  if (isRecord(list)) list = list['orgs'] ?? list['organizations'] ?? list['items'] ?? list['data'];
  if (!Array.isArray(list)) throw shapeError(op, 'response: expected a list of orgs');
  const orgs = new Map<string, ClientOrg>();
  for (const item of list as unknown[]) {
    const id = typeof item === 'string' ? item.trim() : isRecord(item) ? firstString(item, ID_KEYS) : null;
    if (!id) continue; // an entry without an id cannot be added as a profile
    const name = isRecord(item) ? firstString(item, NAME_KEYS) : null;
    if (!orgs.has(id)) orgs.set(id, { id, name: excerpt(name ?? id, 120) });
  }
  if (orgs.size === 0 && list.length > 0) throw shapeError(op, 'response: no entry has an org id');
  return [...orgs.values()];
}

const USER_KEYS = ['user_id', 'userId', 'user', 'username', 'user_name'] as const;
const GENERATED_KEYS = ['generated_at', 'generatedAt', 'created_at', 'createdAt', 'issued_at', 'issuedAt'] as const;
const EXPIRES_KEYS = ['expires_at', 'expiresAt', 'expiration', 'expiry'] as const;

function firstTime(record: Record<string, unknown>, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = record[key];
    if (typeof value === 'string' || typeof value === 'number') {
      const iso = timeToIso(value);
      if (iso) return iso;
    }
  }
  return null;
}

export function readSessionToken(value: unknown, op: Operation): ClientSessionToken | null {
  const data = payload(value);
  if (data === null || data === undefined) return null;
  if (!isRecord(data)) throw shapeError(op, 'response: expected an object with user_id and generated_at');
  const userId = firstString(data, USER_KEYS);
  return { userId: userId ? excerpt(userId, 120) : null, generatedAt: firstTime(data, GENERATED_KEYS), expiresAt: firstTime(data, EXPIRES_KEYS) };
}
