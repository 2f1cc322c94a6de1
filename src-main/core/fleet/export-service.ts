// The exports behind `export:ics` and `export:csv`: each profile's latest list (live, or the snapshot when
// the server is out of reach), turned into calendar events or CSV rows by core/exports. A list always
// carries the zone it was read in (its profile's, live or from the snapshot), and each schedule the health
// the list attached (the profile's grace, the whole history): an export never judges health a second way.
// A profile whose list cannot be had, live or saved, is left out and named in the answer; only when every
// profile asked for is left out does the export fail. Profiles are listed through the core's per-server
// lanes (server-lanes.ts): every server at once, never more than its cap on one, answers in the order asked.
import { nextRuns } from '@shared/cron';
import type { AuditEntry, Profile, ScheduleList } from '@shared/domain';
import { MAX_EXPORT_DAYS, type CsvKind, type ExportLeftOutProfile, type ExportNotes, type ExportSavedProfile } from '@shared/ipc/channels/exports';
import { auditCsv, buildIcs, schedulesCsv, upcomingRunsCsv, type ExportSource, type ScheduleCsvRow } from '@core/exports/index';
import { AppFailure, fail, quote, toAppError, type Redactor } from '@core/errors';
import type { ProfileStore } from '@core/profiles/profile-store';
import type { ScheduleService } from '@core/schedules/schedule-service';
import { createServerLanes, type ServerLanes } from '@core/schedules/server-lanes';
import type { AuditLog } from '@core/storage/audit-log';
import { serverKeyOf } from '@shared/profile-urls';
import type { BlackoutsStore } from './blackouts-store';

const DAY = 86_400_000;

export interface ExportServiceDeps {
  profiles: Pick<ProfileStore, 'get'>;
  schedules: Pick<ScheduleService, 'list'>;
  audit: Pick<AuditLog, 'list'>;
  settings: Pick<BlackoutsStore, 'get'>;
  now: () => Date;
  /** Scrubs the core's secrets from the words of a profile left out (the AtScale client scrubs its own already). */
  redact?: Redactor;
  /** The core's per-server cap, shared with refreshes and running checks; without it the service has its own. */
  lanes?: ServerLanes;
}

export interface ExportService {
  ics(profileIds: readonly string[], from: string, to: string): Promise<{ text: string; events: number } & ExportNotes>;
  csv(kind: CsvKind, profileIds: readonly string[], from?: string, to?: string): Promise<{ text: string; rows: number } & ExportNotes>;
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

function runsWindow(from: string | undefined, to: string | undefined): { from: Date; to: Date } {
  if (!from || !to) fail('invalid-input', 'A CSV of upcoming runs needs a window: give from and to.');
  return exportWindow(from, to);
}

export function createExportService(d: ExportServiceDeps): ExportService {
  const redact: Redactor = d.redact ?? ((text) => text);
  const lanes = d.lanes ?? createServerLanes();
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

  interface Listed {
    lists: { profile: Profile; list: ScheduleList }[];
    notes: ExportNotes;
  }

  /** Each profile's list; the ones that cannot be had are left out and named, unless that is all of them. */
  async function listsOf(profiles: readonly Profile[]): Promise<Listed> {
    const lists: Listed['lists'] = [];
    const saved: ExportSavedProfile[] = [];
    const leftOut: ExportLeftOutProfile[] = [];
    // Every profile at once (each in its server's lane), then read in the order asked.
    const settled = await Promise.allSettled(profiles.map((p) => lanes.run(serverKeyOf(p.apiUrl), () => d.schedules.list(p.id))));
    for (const [i, profile] of profiles.entries()) {
      const outcome = settled[i] as PromiseSettledResult<ScheduleList>;
      if (outcome.status === 'rejected') {
        // One profile's failure costs the export that profile only, and the answer says so.
        const { kind, message } = toAppError(outcome.reason, redact, 'exporting');
        leftOut.push({ profileId: profile.id, name: profile.name, kind, reason: message });
        continue;
      }
      const list = outcome.value;
      lists.push({ profile, list });
      if (list.source === 'snapshot') {
        // Stryker disable next-line StringLiteral,OptionalChaining: a list from a snapshot always carries why the live list failed
        saved.push({
          profileId: profile.id,
          name: profile.name,
          fetchedAt: list.fetchedAt,
          reason: redact(list.stale?.reason ?? 'only the last saved list is available.'),
        });
      }
    }
    if (lists.length === 0) {
      const [only] = leftOut;
      // One profile asked for: its own error, as listing it would say.
      if (leftOut.length === 1 && only) throw new AppFailure(only.kind, only.reason);
      throw new AppFailure(
        leftOut[0]?.kind ?? 'internal',
        `Nothing was exported: none of the ${leftOut.length} profiles could be listed. ${leftOut.map((p) => `${quote(p.name)}: ${p.reason}`).join(' ')}`,
      );
    }
    return { lists, notes: notesOf(saved, leftOut) };
  }

  function notesOf(saved: ExportSavedProfile[], leftOut: ExportLeftOutProfile[]): ExportNotes {
    if (saved.length === 0 && leftOut.length === 0) return {};
    const words = [
      ...leftOut.map((p) => `${quote(p.name)} is left out of this export: ${p.reason}`),
      ...saved.map((p) => `${quote(p.name)} is exported from its last saved list (fetched ${p.fetchedAt}): ${p.reason}`),
    ];
    return { ...(saved.length > 0 ? { saved } : {}), ...(leftOut.length > 0 ? { leftOut } : {}), warning: words.join(' ') };
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
        let next: Date | undefined;
        try {
          next = s.active === false ? undefined : nextRuns(s.timeExpression, { after: now, count: 1, timeZone: zone })[0];
        } catch {
          // An expression the engine cannot read still gets its row; its next run stays empty.
        }
        return {
          profileName: profile.name,
          orgId: list.orgId,
          environmentLabel: profile.environment.label,
          jobId: s.jobId,
          timeExpression: s.timeExpression,
          active: s.active,
          // The verdict the list shows (the profile's grace, the whole history, a snapshot as of its fetch).
          health: s.health,
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
      const { lists, notes } = await listsOf(profiles);
      return { ...buildIcs({ sources: sourcesOf(lists), ...window, now: d.now() }), ...notes };
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
      // The window is checked before any server is asked.
      const window = kind === 'runs' ? runsWindow(from, to) : null;
      const { lists, notes } = await listsOf(profiles);
      if (window) return { ...upcomingRunsCsv({ sources: sourcesOf(lists), ...window }), ...notes };
      const rows = scheduleRows(lists, d.now());
      return { text: schedulesCsv(rows), rows: rows.length, ...notes };
    },
  };
}
