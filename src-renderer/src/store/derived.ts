// Everything the window says about a profile's schedules derives here, purely, from its state model
// (schedule-state.ts): banners, the "updated …" text, and whether create/delete are allowed and why.
import type { ProfileView, SignInMethod } from '@shared/domain';
import { clause } from '../common/text';
import { formatWithZone, localZone, relativeTime } from '../common/time';
import { causeOf, fixLabel } from './causes';
import { settledOf, type ProfileSchedules } from './schedule-state';

type ProfileLike = Pick<ProfileView, 'id' | 'name' | 'signIn'>;

export interface BannerFix {
  kind: 'secret' | 'edit';
  label: string;
}

export interface Banner {
  profileId: string;
  /** The profiles it speaks for (more than one for the shared snapshot banner): what "Try again" refreshes. */
  covers: string[];
  /** 'offline': a snapshot is shown; 'error': the refresh failed (an older list may still be shown). */
  tone: 'offline' | 'error';
  title: string;
  text: string;
  fix: BannerFix | null;
}

export interface WriteBlock {
  reason: string;
  short: string;
}

function fixFor(kind: Parameters<typeof causeOf>[0], signIn: SignInMethod): BannerFix | null {
  const fix = causeOf(kind).fix;
  return fix ? { kind: fix, label: fixLabel(fix, signIn) } : null;
}

function shownFrom(fetchedAt: string, now: Date): string {
  const at = new Date(fetchedAt);
  return `${relativeTime(at, now)} (${formatWithZone(at, localZone)})`;
}

/** The banner for one profile, or null when its list is live (or still loading for the first time). */
export function bannerFor(entry: ProfileSchedules | undefined, profile: ProfileLike, now: Date, named: boolean): Banner | null {
  const state = settledOf(entry);
  if (!state || state.status === 'live') return null;
  const cause = causeOf(state.kind);
  const who = named ? ` — ${profile.name}` : '';
  if (state.status === 'snapshot') {
    return {
      profileId: profile.id,
      covers: [profile.id],
      tone: 'offline',
      title: `${cause.title}${who}.`,
      text: `Showing the snapshot from ${shownFrom(state.list.fetchedAt, now)}. Reason: ${clause(state.reason)}. Creating and deleting are disabled until the server answers.`,
      fix: fixFor(state.kind, profile.signIn),
    };
  }
  if (state.list) {
    const kindOfList = state.list.source === 'snapshot' ? 'the snapshot' : 'the list';
    return {
      profileId: profile.id,
      covers: [profile.id],
      tone: 'error',
      title: `${cause.title}${who}.`,
      text: `Still showing ${kindOfList} from ${shownFrom(state.list.fetchedAt, now)}; it could not be refreshed. Reason: ${clause(state.message)}. Creating and deleting are off: ${clause(cause.hint)}.`,
      fix: fixFor(state.kind, profile.signIn),
    };
  }
  return {
    profileId: profile.id,
    covers: [profile.id],
    tone: 'error',
    title: `Could not load ${profile.name}: ${cause.title.toLowerCase()}.`,
    text: `${clause(state.message)}. ${cause.hint}.`,
    fix: fixFor(state.kind, profile.signIn),
  };
}

/**
 * The banners for the profiles shown. More than two profiles on snapshots (the all-profiles view) share
 * one banner, not a wall of them; failures keep one banner each, since each may need its own fix.
 */
export function bannersFor(profiles: readonly ProfileLike[], lists: Readonly<Record<string, ProfileSchedules>>, now: Date): Banner[] {
  const named = profiles.length > 1;
  const banners = profiles.map((p) => bannerFor(lists[p.id], p, now, named)).filter((b): b is Banner => b !== null);
  const snapshots = banners.filter((b) => b.tone === 'offline');
  if (snapshots.length <= 2) return banners;
  const states = snapshots.map((b) => settledOf(lists[b.profileId])).filter((s) => s?.status === 'snapshot');
  const kinds = new Set(states.map((s) => s.kind));
  const first = states[0];
  const oldest = Math.min(...states.map((s) => Date.parse(s.list.fetchedAt)));
  const names = snapshots.map((b) => profiles.find((p) => p.id === b.profileId)?.name ?? b.profileId);
  const title = kinds.size === 1 && first ? causeOf(first.kind).title : 'Live lists unavailable';
  const merged: Banner = {
    profileId: snapshots[0]?.profileId ?? '',
    covers: snapshots.map((b) => b.profileId),
    tone: 'offline',
    title: `${title} — ${snapshots.length} profiles.`,
    text: `${names.join(', ')} show their last snapshots (the oldest from ${relativeTime(new Date(oldest), now)}). Reason for ${names[0] ?? 'the first'}: ${clause(first?.reason ?? '')}. Creating and deleting are disabled for them until their servers answer.`,
    fix: null,
  };
  return [merged, ...banners.filter((b) => b.tone !== 'offline')];
}

/** Why create/delete is not possible for this profile right now, or null when it is. */
export function writeBlock(entry: ProfileSchedules | undefined, signIn?: SignInMethod): WriteBlock | null {
  const state = settledOf(entry);
  if (!state) return { reason: 'Wait for the schedules to load first.', short: 'Loading…' };
  if (state.status === 'live') return null;
  const cause = causeOf(state.kind);
  const fix = cause.fix === 'secret' ? ` (${signIn ? fixLabel('secret', signIn) : 'enter a new password or token'})` : '';
  if (state.status === 'snapshot') {
    return {
      reason: `${cause.title}: ${clause(state.reason)}. Creating and deleting need the live list; refresh when the server answers.`,
      short: cause.short,
    };
  }
  return { reason: `${cause.title}: ${clause(state.message)}. ${cause.hint}${fix}.`, short: cause.short };
}

/** The freshness line of the header: never claims a refresh that did not happen. */
export function updatedText(entry: ProfileSchedules | undefined, now: Date): string | null {
  if (!entry) return null;
  if (entry.status === 'loading' && !entry.previous) return 'loading…';
  const state = settledOf(entry);
  if (!state) return null;
  if (state.status === 'live') return `updated ${relativeTime(new Date(state.list.fetchedAt), now)}`;
  if (state.status === 'snapshot') return `snapshot from ${relativeTime(new Date(state.list.fetchedAt), now)}`;
  const short = causeOf(state.kind).short.toLowerCase();
  if (!state.list) return `not loaded (${short})`;
  return `not refreshed (${short}); list from ${relativeTime(new Date(state.list.fetchedAt), now)}`;
}

export function isLoading(entry: ProfileSchedules | undefined): boolean {
  return entry?.status === 'loading';
}
