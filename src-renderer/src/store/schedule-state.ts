// One profile's schedule state as one explicit model, and the pure transitions between its states.
//
//   loading   a refresh is under way; `previous` is the settled state before it (null on the first load),
//             so banners and write rules keep telling the last known truth until the answer arrives.
//   live      the server answered with this list.
//   snapshot  the live list failed (`kind`, `reason`) and main answered with the last saved copy.
//   failed    the refresh failed with `kind`/`message` and no snapshot came back; `list` is the older
//             list still on screen (null when nothing was ever loaded).
//
// In every state `list` is the list on screen, so views that only draw schedules read `entry.list`.
// Each answer replaces the state whole (never merged), so no reason outlives the answer that gave it.
// `lastAttemptAt` is when the last refresh was answered (either way); `lastSuccessAt` when the server
// last answered with a live list.
//
// A list belongs to the connection (server and org) it was fetched from: once the profile points at
// another server or org, that list is no list of this profile's. `connection` records it; every
// transition that carries an older list forward drops one that is not the profile's now, and readers
// go through `listFor` / `entryFor`, so a list of another org is never shown or used for a profile.
import type { AppError, ErrorKind, Profile, ScheduleList } from '@shared/domain';

/** The server and org a profile's list is fetched from. */
export interface ScheduleConnection {
  apiUrl: string;
  orgId: string;
}

export function connectionOf(profile: Pick<Profile, 'apiUrl' | 'orgId'>): ScheduleConnection {
  return { apiUrl: profile.apiUrl, orgId: profile.orgId };
}

export type SettledSchedules =
  | { status: 'live'; list: ScheduleList }
  | { status: 'snapshot'; list: ScheduleList; kind: ErrorKind; reason: string }
  | { status: 'failed'; list: ScheduleList | null; kind: ErrorKind; message: string };

export interface ScheduleTiming {
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  /** The server and org the state's list was fetched from (absent: only its list's org is known). */
  connection?: ScheduleConnection;
}

export type ProfileSchedules = ({ status: 'loading'; list: ScheduleList | null; previous: SettledSchedules | null } | SettledSchedules) & ScheduleTiming;

/** The settled part of a state: itself, or for a loading state the state before the refresh. */
export function settledOf(entry: ProfileSchedules | undefined): SettledSchedules | null {
  if (!entry) return null;
  if (entry.status === 'loading') return entry.previous;
  return entry;
}

/** True when the state's list (if any) was fetched from this connection: its org, and its server when known. */
export function listMatches(entry: ProfileSchedules | undefined, connection: ScheduleConnection): boolean {
  if (!entry) return true;
  if (entry.connection && (entry.connection.apiUrl !== connection.apiUrl || entry.connection.orgId !== connection.orgId)) return false;
  const lists = [entry.list, entry.status === 'loading' ? (entry.previous?.list ?? null) : null];
  return lists.every((list) => list === null || list.orgId === connection.orgId);
}

/** The state as it stands for a profile pointing at `connection`: absent when its list is another connection's. */
export function entryFor(entry: ProfileSchedules | undefined, connection: ScheduleConnection): ProfileSchedules | undefined {
  return listMatches(entry, connection) ? entry : undefined;
}

/** The list on screen for a profile: null when there is none, or it is another server's or org's. */
export function listFor(entry: ProfileSchedules | undefined, connection: ScheduleConnection): ScheduleList | null {
  return entryFor(entry, connection)?.list ?? null;
}

function timingOf(entry: ProfileSchedules | undefined, connection: ScheduleConnection | undefined): ScheduleTiming {
  const conn = connection ?? entry?.connection;
  return { lastAttemptAt: entry?.lastAttemptAt ?? null, lastSuccessAt: entry?.lastSuccessAt ?? null, ...(conn ? { connection: conn } : {}) };
}

/** Drops a state that belongs to another connection than `connection` (when given). */
function sameConnection(entry: ProfileSchedules | undefined, connection: ScheduleConnection | undefined): ProfileSchedules | undefined {
  return connection ? entryFor(entry, connection) : entry;
}

/** A refresh starts; `connection`: what the profile points at now (an older list of another org is dropped). */
export function startLoading(entry: ProfileSchedules | undefined, connection?: ScheduleConnection): ProfileSchedules {
  const own = sameConnection(entry, connection);
  return { status: 'loading', list: own?.list ?? null, previous: settledOf(own), ...timingOf(own, connection) };
}

/** Main answered with a list: live, or a snapshot marked with why the live list failed. */
export function settleWithList(entry: ProfileSchedules | undefined, list: ScheduleList, at: Date, connection?: ScheduleConnection): ProfileSchedules {
  const own = sameConnection(entry, connection);
  const lastAttemptAt = at.toISOString();
  const conn = connection ? { connection } : {};
  if (list.stale || list.source === 'snapshot') {
    const kind = list.stale?.kind ?? 'network';
    const reason = list.stale?.reason ?? 'The live list could not be fetched.';
    return { status: 'snapshot', list, kind, reason, lastAttemptAt, lastSuccessAt: own?.lastSuccessAt ?? null, ...conn };
  }
  return { status: 'live', list, lastAttemptAt, lastSuccessAt: list.fetchedAt, ...conn };
}

/** Main answered with an error: the older list (if any, and only this connection's) stays on screen, the reason is this error's alone. */
export function settleWithError(entry: ProfileSchedules | undefined, error: AppError, at: Date, connection?: ScheduleConnection): ProfileSchedules {
  const own = sameConnection(entry, connection);
  return {
    status: 'failed',
    list: own?.list ?? null,
    kind: error.kind,
    message: error.message,
    lastAttemptAt: at.toISOString(),
    lastSuccessAt: own?.lastSuccessAt ?? null,
    ...(connection ? { connection } : own?.connection ? { connection: own.connection } : {}),
  };
}
