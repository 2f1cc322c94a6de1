// Health on every listed schedule: the list's latest executions go into the history store, and each
// schedule is classified against everything the history knows of it on the profile's server and org, in the
// profile's server zone with the profile's grace. A snapshot is judged as of when it was fetched: later runs
// are not known to it.
import type { ListedSchedule, Profile, Schedule, ScheduleList, ZoneHint } from '@shared/domain';
import { classifyHealth, DEFAULT_GRACE_MS, EARLY_TOLERANCE_MS, formatLateness, suggestServerZone, type ExecutionRecord } from '@shared/health';
import { serverKeyOf } from '@shared/profile-urls';
import { emptyHistory, seenOn, type Connection, type HistoryStore, type NeverRunJob, type ProfileHistory, type StoredExecution } from './history-store';

/** A list as the schedule service builds it, before health is attached. */
export type BareScheduleList = Omit<ScheduleList, 'schedules' | 'zoneHint'> & { schedules: Schedule[] };

export interface HealthAttacherDeps {
  profiles: { get(id: string): Profile | undefined };
  history: HistoryStore;
  now: () => Date;
  /** Told about every list once health is attached (notifications: missed runs, reachability). */
  onList?: (profile: Profile, list: ScheduleList) => void;
}

/** How many of a job's latest executions the zone hint weighs. */
const ZONE_HINT_RUNS = 10;

export type AttachHealth = (list: BareScheduleList) => Promise<ScheduleList>;

export function graceOf(profile: Pick<Profile, 'healthGraceMinutes'> | undefined): number {
  const minutes = profile?.healthGraceMinutes;
  // Stryker disable next-line ConditionalExpression: undefined >= 0 is false, so an absent grace is the default either way
  return typeof minutes === 'number' && minutes >= 0 ? minutes * 60_000 : DEFAULT_GRACE_MS;
}

export function createHealthAttacher(deps: HealthAttacherDeps): AttachHealth {
  return async (list) => {
    // Read as the list is handed over: the schedule service hands it over while the profile still points
    // where it was fetched from (still-connected.ts), so this is the server the list came from.
    const profile = deps.profiles.get(list.profileId);
    const conn: Connection = { server: profile ? serverKeyOf(profile.apiUrl) : '', orgId: list.orgId };
    // A snapshot shows what the server said when it was fetched, not now.
    const seenAt = list.source === 'live' ? deps.now().toISOString() : list.fetchedAt;
    const fresh: StoredExecution[] = list.schedules.flatMap((s) =>
      s.latestExecution
        ? [
            {
              id: s.latestExecution.id,
              jobId: s.jobId,
              orgId: list.orgId,
              server: conn.server,
              executedAt: s.latestExecution.executedAt,
              timeExpression: s.timeExpression,
              jobCreatedAt: s.createdAt,
              seenAt,
            },
          ]
        : [],
    );
    // History is a help, never a reason to hide a list: a failed write or read judges by the list alone.
    const neverRun: NeverRunJob[] = list.schedules.flatMap((s) =>
      s.latestExecution
        ? []
        : [
            {
              jobId: s.jobId,
              orgId: list.orgId,
              server: conn.server,
              timeExpression: s.timeExpression,
              jobCreatedAt: s.createdAt,
              firstSeenAt: seenAt,
              lastSeenAt: seenAt,
            },
          ],
    );
    // Only a profile that still points at this server and org keeps the list's runs: a deleted one's history is gone for good.
    const current = (): boolean => {
      const now = deps.profiles.get(list.profileId);
      return now !== undefined && now.orgId === conn.orgId && serverKeyOf(now.apiUrl) === conn.server;
    };
    if (fresh.length > 0 && current()) await deps.history.addExecutions(list.profileId, fresh).catch(() => 0);
    if (neverRun.length > 0 && current()) await deps.history.addNeverRun(list.profileId, neverRun).catch(() => undefined);
    const history: ProfileHistory = await deps.history.load(list.profileId).catch(() => emptyHistory());

    const zone = list.serverTimeZone;
    const graceMs = graceOf(profile);
    const judgedAt = list.source === 'live' ? deps.now() : new Date(list.fetchedAt);
    const byJob = executionsByJob(history.executions, conn, judgedAt.getTime() + EARLY_TOLERANCE_MS);
    const schedules: ListedSchedule[] = list.schedules.map((s) => {
      const executions = withLatest(byJob.get(s.jobId) ?? [], s);
      const health = classifyHealth(
        { timeExpression: s.timeExpression, createdAt: s.createdAt, active: s.active, executions },
        { timeZone: zone, now: judgedAt, graceMs },
      );
      return { ...s, health };
    });
    const result: ScheduleList = { ...list, schedules, zoneHint: zoneHintFor(list.schedules, byJob, zone, graceMs) };
    try {
      // Stryker disable next-line OptionalChaining: calling an absent hook throws into the catch below, as if nothing were told
      if (profile) deps.onList?.(profile, result);
    } catch {
      // A notification that cannot be prepared must not cost the user the list.
    }
    return result;
  };
}

/** The executions seen on this server and org, per job (a former server's or org's are not this one's). */
function executionsByJob(executions: readonly StoredExecution[], at: Connection, until: number): Map<string, ExecutionRecord[]> {
  const byJob = new Map<string, ExecutionRecord[]>();
  for (const e of executions) {
    if (!seenOn(e, at) || !(Date.parse(e.executedAt) <= until)) continue;
    const list = byJob.get(e.jobId) ?? [];
    list.push({ id: e.id, executedAt: e.executedAt });
    byJob.set(e.jobId, list);
  }
  return byJob;
}

/** The history plus the list's own latest execution (in case the history could not be written). */
function withLatest(known: ExecutionRecord[], s: Schedule): ExecutionRecord[] {
  const latest = s.latestExecution;
  if (!latest || known.some((e) => e.id === latest.id)) return known;
  return [...known, { id: latest.id, executedAt: latest.executedAt }];
}

/** The zone most schedules' executions point at, when the profile's zone explains none of theirs. */
export function zoneHintFor(
  schedules: readonly Schedule[],
  byJob: ReadonlyMap<string, ExecutionRecord[]>,
  currentZone: string,
  graceMs: number,
): ZoneHint | null {
  const votes = new Map<string, { count: number; offsetMinutes: number }>();
  for (const s of schedules) {
    if (s.active === false) continue;
    // The recent runs say where the server fires now (and keep the search cheap for long histories).
    const executions = [...withLatest(byJob.get(s.jobId) ?? [], s)].sort((a, b) => Date.parse(a.executedAt) - Date.parse(b.executedAt)).slice(-ZONE_HINT_RUNS);
    const suggestion = suggestServerZone({ timeExpression: s.timeExpression, executions, currentZone, graceMs });
    if (!suggestion) continue;
    const vote = votes.get(suggestion.zone) ?? { count: 0, offsetMinutes: suggestion.offsetMinutes };
    vote.count += 1;
    votes.set(suggestion.zone, vote);
  }
  let best: [string, { count: number; offsetMinutes: number }] | null = null;
  for (const entry of votes) if (!best || entry[1].count > best[1].count) best = entry;
  if (!best) return null;
  const [zone, { offsetMinutes }] = best;
  const size = formatLateness(offsetMinutes * 60_000);
  // Stryker disable next-line EqualityOperator: an offset of 0 is the profile's own zone, never hinted
  const direction = offsetMinutes > 0 ? 'later' : 'earlier';
  return {
    zone,
    offsetMinutes,
    message: `Executions match ${zone}; this profile says ${currentZone}. Runs start ${size} ${direction} than ${currentZone} expects: set the profile's server time zone to ${zone} if that is where the server runs.`,
  };
}
