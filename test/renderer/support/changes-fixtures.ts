// What the change dialogs' logic tests work on: two profiles (dev, and prod in production), a picked
// schedule of one of them, a plan the core answered for a target, and the verdicts a plan's lines carry.
import type { PlannedCreate, SchedulePlan } from '@shared/ipc/channels/changes';
import type { ProfileView } from '@shared/domain';
import type { ScheduleSource } from '@renderer/schedule-view-types';
import { profile, schedule } from './fake-api';

export const dev = profile('dev', { name: 'Dev' });
export const prod = profile('prod', { name: 'Prod', environment: { kind: 'production', label: 'production', color: '#d9480f' } });

/** Schedule `jobId` of profile `p` as the list shows it (and a change dialog picks it). */
export function source(p: ProfileView, jobId: string, expression: string, extra: Partial<ScheduleSource> = {}): ScheduleSource {
  return {
    key: `${p.id}:${jobId}`,
    profileId: p.id,
    profileName: p.name,
    environmentLabel: p.environment.label,
    color: p.environment.color,
    serverTimeZone: 'UTC',
    schedule: schedule(jobId, expression),
    ...extra,
  };
}

/** A plan for prod (in production) from a document, with nothing to do unless `patch` says so. */
export function plan(patch: Partial<SchedulePlan> = {}): SchedulePlan {
  return {
    planId: 'p1',
    fingerprint: 'f',
    targetProfileId: 'prod',
    targetName: 'Prod',
    targetOrgId: 'org-prod',
    production: true,
    serverTimeZone: 'UTC',
    targetSource: 'live',
    source: { kind: 'document' },
    create: [],
    delete: [],
    unchanged: [],
    paused: [],
    hasChanges: false,
    blocked: false,
    ...patch,
  };
}

export const frequent = { code: 'too-frequent' as const, severity: 'error' as const, message: 'Expression: runs can be 1 second apart.' };
export const never = { code: 'never-fires' as const, severity: 'error' as const, message: 'Day-of-month: day 30 never falls in FEB.' };
/** A create refused because it runs every second. */
export const everySecond: PlannedCreate = { expression: '* * * ? * *', verdicts: [frequent], blocked: true, collisions: [] };
