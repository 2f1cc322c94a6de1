// The exports behind `export:ics` and `export:csv`: each profile's latest list (live, or the snapshot when
// the server is out of reach), turned into calendar events or CSV rows by core/exports. A list always
// carries the zone it was read in (its profile's, live or from the snapshot).
import { nextRuns } from '@shared/cron';
import type { AuditEntry, Profile, ScheduleList } from '@shared/domain';
import { classifyHealth, DEFAULT_GRACE_MS } from '@shared/health';
import { MAX_EXPORT_DAYS, type CsvKind } from '@shared/ipc/channels/exports';
import { auditCsv, buildIcs, schedulesCsv, upcomingRunsCsv, type ExportSource, type ScheduleCsvRow } from '@core/exports/index';
import { fail } from '@core/errors';
import type { ProfileStore } from '@core/profiles/profile-store';
import type { ScheduleService } from '@core/schedules/schedule-service';
import type { AuditLog } from '@core/storage/audit-log';
import type { BlackoutsStore } from './blackouts-store';

const DAY = 86_400_000;

export interface ExportServiceDeps {
  profiles: Pick<ProfileStore, 'get'>;
  schedules: Pick<ScheduleService, 'list'>;
  audit: Pick<AuditLog, 'list'>;
  settings: Pick<BlackoutsStore, 'get'>;
  now: () => Date;
}

export interface ExportService {
  ics(profileIds: readonly string[], from: string, to: string): Promise<{ text: string; events: number }>;
  csv(kind: CsvKind, profileIds: readonly string[], from?: string, to?: string): Promise<{ text: string; rows: number }>;
}

function parseInstant(value: string, name: string): Date {
  const t = Date.parse(value);
  if (!Number.isFinite(t)) fail('invalid-input', `"${value}" is not a date and time: give ${name} as an ISO instant such as 2026-12-01T00:00:00Z.`);
  return new Date(t);
}

/** [from, to): to after from, at most MAX_EXPORT_DAYS long. */
export function exportWindow(from: string, to: string): { from: Date; to: Date } {
  const a = parseInstant(from, 'from'),
    b = parseInstant(to, 'to');
  if (b.getTime() <= a.getTime()) fail('invalid-input', `The export window must end after it starts (from ${a.toISOString()}, to ${b.toISOString()}).`);
  if (b.getTime() - a.getTime() > MAX_EXPORT_DAYS * DAY)
    fail('invalid-input', `The export window is longer than ${MAX_EXPORT_DAYS} days: choose a shorter one.`);
  return { from: a, to: b };
}

export function createExportService(d: ExportServiceDeps): ExportService {
  /** Every id known, else one error naming all the unknown ones. */
  function profilesOf(ids: readonly string[]): Profile[] {
    const unique = [...new Set(ids)];
    const unknown = unique.filter((id) => !d.profiles.get(id));
    if (unknown.length > 0)
      fail(
        'not-found',
        `No profile has the id${unknown.length === 1 ? '' : 's'} ${unknown.join(', ')}: it may have been deleted. Pick profiles from the list.`,
      );
    return unique.map((id) => d.profiles.get(id) as Profile);
  }

  async function listsOf(profiles: readonly Profile[]): Promise<{ profile: Profile; list: ScheduleList }[]> {
    const out: { profile: Profile; list: ScheduleList }[] = [];
    for (const profile of profiles) out.push({ profile, list: await d.schedules.list(profile.id) });
    return out;
  }

  function sourcesOf(lists: { profile: Profile; list: ScheduleList }[]): ExportSource[] {
    return lists.flatMap(({ profile, list }) =>
      list.schedules
        .filter((s) => s.active !== false)
        .map((s) => ({
          profileId: profile.id,
          profileName: profile.name,
          orgId: list.orgId,
          environmentLabel: profile.environment.label,
          jobId: s.jobId,
          timeExpression: s.timeExpression,
          serverTimeZone: list.serverTimeZone,
          durationMs: d.settings.get(profile.id).runMinutes * 60_000,
        })),
    );
  }

  function scheduleRows(lists: { profile: Profile; list: ScheduleList }[], now: Date): ScheduleCsvRow[] {
    return lists.flatMap(({ profile, list }) => {
      const zone = list.serverTimeZone;
      return list.schedules.map((s) => {
        let health: ScheduleCsvRow['health'] = null;
        let next: Date | undefined;
        try {
          const executions = s.latestExecution ? [s.latestExecution] : [];
          health = classifyHealth(
            { timeExpression: s.timeExpression, createdAt: s.createdAt, active: s.active, executions },
            { timeZone: zone, now, graceMs: DEFAULT_GRACE_MS },
          );
          next = s.active === false ? undefined : nextRuns(s.timeExpression, { after: now, count: 1, timeZone: zone })[0];
        } catch {
          // An expression the engine cannot read still gets its row; health and next run stay empty.
        }
        return {
          profileName: profile.name,
          orgId: list.orgId,
          environmentLabel: profile.environment.label,
          jobId: s.jobId,
          timeExpression: s.timeExpression,
          active: s.active,
          health,
          nextRun: next ? next.toISOString() : null,
          latestExecution: s.latestExecution?.executedAt ?? null,
        };
      });
    });
  }

  return {
    async ics(profileIds, from, to) {
      const window = exportWindow(from, to);
      const profiles = profilesOf(profileIds);
      return buildIcs({ sources: sourcesOf(await listsOf(profiles)), ...window, now: d.now() });
    },

    async csv(kind, profileIds, from, to) {
      const profiles = profilesOf(profileIds);
      if (kind === 'audit') {
        const ids = new Set(profiles.map((p) => p.id));
        const lo = from ? parseInstant(from, 'from').getTime() : -Infinity;
        const hi = to ? parseInstant(to, 'to').getTime() : Infinity;
        const entries: AuditEntry[] = (await d.audit.list({ limit: 1_000_000 })).filter(
          (e) => ids.has(e.profileId) && Date.parse(e.at) >= lo && Date.parse(e.at) < hi,
        );
        return { text: auditCsv(entries), rows: entries.length };
      }
      const lists = await listsOf(profiles);
      if (kind === 'schedules') {
        const rows = scheduleRows(lists, d.now());
        return { text: schedulesCsv(rows), rows: rows.length };
      }
      if (!from || !to) fail('invalid-input', 'A CSV of upcoming runs needs a window: give from and to.');
      return upcomingRunsCsv({ sources: sourcesOf(lists), ...exportWindow(from, to) });
    },
  };
}
