// Schedules as code: a profile's schedules as a versioned JSON document (expressions, optional labels,
// paused ones marked), and reading such a document back with every problem named by its place.
import {
  SCHEDULES_DOCUMENT_FORMAT,
  SCHEDULES_DOCUMENT_VERSION,
  scheduleDocumentSchema,
  type ExportResult,
  type SchedulesDocument,
} from '@shared/ipc/channels/changes';
import { serverKeyOf } from '@shared/profile-urls';
import { AppFailure } from '@core/errors';
import { requireProfile } from '@core/profiles/profile-store';
import type { ChangeDeps } from './deps';
import { activeOf, savedOf } from './guard';

export async function exportSchedules(d: ChangeDeps, profileId: string): Promise<ExportResult> {
  const profile = requireProfile(d.profiles, profileId);
  const list = await d.schedules.list(profile.id);
  const server = serverKeyOf(profile.apiUrl);
  const paused = d.paused.list(profile.id).filter((p) => p.orgId === profile.orgId && (p.server === undefined || p.server === server));
  const document: SchedulesDocument = {
    format: SCHEDULES_DOCUMENT_FORMAT,
    version: SCHEDULES_DOCUMENT_VERSION,
    schedules: [
      ...activeOf(list).map((s) => ({ expression: s.timeExpression })),
      ...paused.map((p) => ({ expression: p.timeExpression, ...(p.label ? { label: p.label } : {}), paused: true as const })),
    ],
  };
  return { document, json: `${JSON.stringify(document, null, 2)}\n`, source: list.source, saved: savedOf(list) };
}

export function parseSchedulesDocument(json: string): SchedulesDocument {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new AppFailure('invalid-input', `The schedules document is not valid JSON (${error instanceof Error ? error.message : String(error)}).`);
  }
  if (typeof value === 'object' && value !== null && (value as { format?: unknown }).format !== SCHEDULES_DOCUMENT_FORMAT) {
    throw new AppFailure('invalid-input', `This is not a schedules document: "format" must be "${SCHEDULES_DOCUMENT_FORMAT}".`);
  }
  const parsed = scheduleDocumentSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'document';
    const hint = issue?.path[0] === 'version' ? ` This app reads version ${SCHEDULES_DOCUMENT_VERSION}.` : '';
    throw new AppFailure('invalid-input', `The schedules document is not valid: ${where}: ${issue?.message ?? 'invalid'}.${hint}`);
  }
  return parsed.data;
}
