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
import type { AppError, ErrorKind, ScheduleList } from '@shared/domain';

export type SettledSchedules =
  | { status: 'live'; list: ScheduleList }
  | { status: 'snapshot'; list: ScheduleList; kind: ErrorKind; reason: string }
  | { status: 'failed'; list: ScheduleList | null; kind: ErrorKind; message: string };

export interface ScheduleTiming {
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
}

export type ProfileSchedules = ({ status: 'loading'; list: ScheduleList | null; previous: SettledSchedules | null } | SettledSchedules) & ScheduleTiming;

/** The settled part of a state: itself, or for a loading state the state before the refresh. */
export function settledOf(entry: ProfileSchedules | undefined): SettledSchedules | null {
  if (!entry) return null;
  if (entry.status === 'loading') return entry.previous;
  return entry;
}

function timingOf(entry: ProfileSchedules | undefined): ScheduleTiming {
  return { lastAttemptAt: entry?.lastAttemptAt ?? null, lastSuccessAt: entry?.lastSuccessAt ?? null };
}

export function startLoading(entry: ProfileSchedules | undefined): ProfileSchedules {
  return { status: 'loading', list: entry?.list ?? null, previous: settledOf(entry), ...timingOf(entry) };
}

/** Main answered with a list: live, or a snapshot marked with why the live list failed. */
export function settleWithList(entry: ProfileSchedules | undefined, list: ScheduleList, at: Date): ProfileSchedules {
  const lastAttemptAt = at.toISOString();
  if (list.stale || list.source === 'snapshot') {
    const kind = list.stale?.kind ?? 'network';
    const reason = list.stale?.reason ?? 'The live list could not be fetched.';
    return { status: 'snapshot', list, kind, reason, lastAttemptAt, lastSuccessAt: entry?.lastSuccessAt ?? null };
  }
  return { status: 'live', list, lastAttemptAt, lastSuccessAt: list.fetchedAt };
}

/** Main answered with an error: the older list (if any) stays on screen, the reason is this error's alone. */
export function settleWithError(entry: ProfileSchedules | undefined, error: AppError, at: Date): ProfileSchedules {
  return {
    status: 'failed',
    list: entry?.list ?? null,
    kind: error.kind,
    message: error.message,
    lastAttemptAt: at.toISOString(),
    lastSuccessAt: entry?.lastSuccessAt ?? null,
  };
}
