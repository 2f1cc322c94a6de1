// Response shapes of the AtScale schedule API, as documented, validated with zod.
// Tolerant on purpose: unknown fields are ignored, latest_execution may be missing or null, and only the
// fields the app cannot do without (job_id, time_expression) are required.
import { z } from 'zod';
import type { Schedule } from '@shared/domain';
import { excerpt } from './errors';

const statusSchema = z.object({ code: z.number().optional(), message: z.string().optional() }).partial();

const latestExecutionSchema = z.object({ id: z.string(), jobId: z.string().optional(), executedAt: z.string() }).nullable().optional();

export const jobSchema = z.object({
  job_id: z.string().min(1),
  organization_Id: z.string().optional(),
  full_build: z.boolean().optional(),
  time_expression: z.string().min(1),
  created_by_user: z.string().nullable().optional(),
  created_at: z.string().nullable().optional(),
  latest_execution: latestExecutionSchema,
});

export const listEnvelopeSchema = z.object({
  status: statusSchema.optional(),
  responseCreated: z.string().optional(),
  response: z.array(jobSchema),
});

export const createEnvelopeSchema = z.object({
  status: statusSchema.optional(),
  responseCreated: z.string().optional(),
  response: z.object({
    job_id: z.string().min(1),
    time_expression: z.string().optional(),
    created_at: z.string().nullable().optional(),
    created_by_user: z.string().nullable().optional(),
  }),
});

export const deleteEnvelopeSchema = z.object({
  status: statusSchema.optional(),
  responseCreated: z.string().optional(),
  // May be missing (zod 4 requires a key whose schema is a bare z.unknown()): a 2xx with only a status is a delete done.
  response: z.unknown().optional(),
});

/** Just enough of an envelope to read an error's status.code / status.message. */
export const anyEnvelopeSchema = z.object({ status: statusSchema.optional() });

export type Job = z.infer<typeof jobSchema>;

/** AtScale writes microsecond timestamps; normalise to ISO when it parses, keep a short one-line excerpt when not. */
export function toIso(value: string | null | undefined): string {
  if (!value) return '';
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? excerpt(value, 64) : new Date(ms).toISOString();
}

export function toSchedule(job: Job, orgId: string, active: boolean | null): Schedule {
  return {
    jobId: job.job_id,
    orgId: job.organization_Id ?? orgId,
    timeExpression: job.time_expression,
    fullBuild: job.full_build ?? false,
    // Shown as text: one short line, whatever the server sent.
    createdBy: excerpt(job.created_by_user ?? '', 120),
    createdAt: toIso(job.created_at),
    latestExecution: job.latest_execution ? { id: job.latest_execution.id, executedAt: toIso(job.latest_execution.executedAt) } : null,
    active,
  };
}

/** "response[0].job_id: Invalid input: expected string" for the first few problems. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => {
      const path = issue.path.reduce<string>((acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part)), '');
      return `${path || '(root)'}: ${issue.message}`;
    })
    .join('; ');
}
