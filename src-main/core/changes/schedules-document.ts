// Schedules as code: a profile's schedules as a versioned JSON document (expressions, optional labels,
// paused ones marked), and reading such a document back with every problem named by its place.
import { nextRunTimes, sameSchedule } from '@shared/cron';
import {
  SCHEDULES_DOCUMENT_FORMAT,
  SCHEDULES_DOCUMENT_VERSION,
  scheduleDocumentSchema,
  type DocumentSchedule,
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

/** The first fire time after `now` ('never' when it stops), or null for an expression or zone that cannot be read. */
function firstFire(expression: string, timeZone: string, now: Date): string | null {
  try {
    return String(nextRunTimes(expression, now.getTime(), 1, timeZone)[0] ?? 'never');
  } catch {
    return null;
  }
}

const entryName = (schedules: readonly DocumentSchedule[], i: number): string => {
  const s = schedules[i];
  return `schedules.${i}.expression ("${s?.expression ?? ''}"${s?.label ? `, label "${s.label}"` : ''})`;
};

/**
 * Refuses a document that lists one schedule twice (same fire times in the target's zone, however
 * written): applied, the target would get two identical jobs. Paused entries are not created, so not counted.
 */
export function assertListedOnce(schedules: readonly DocumentSchedule[], timeZone: string, now: Date): void {
  // Only entries with the same first fire time can be the same schedule: the rest are never compared.
  const byFirst = new Map<string, number[]>();
  schedules.forEach((entry, i) => {
    const first = entry.paused ? null : firstFire(entry.expression, timeZone, now);
    if (first === null) return; // an unreadable expression is the linter's to refuse
    const earlier = byFirst.get(first) ?? [];
    const twin = earlier.find((j) => sameSchedule(schedules[j]?.expression ?? '', entry.expression, { timeZone, from: now }));
    if (twin !== undefined) {
      throw new AppFailure(
        'invalid-input',
        `The schedules document is not valid: ${entryName(schedules, i)} is the same schedule as ${entryName(schedules, twin)}: both fire at the same times in ${timeZone}, so the target would get it twice. List it once, then plan again.`,
      );
    }
    byFirst.set(first, [...earlier, i]);
  });
}
