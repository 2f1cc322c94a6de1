// Offline banner (snapshot age and reason), load errors, and progress for multi-profile refreshes.
import type { ProfileView } from '@shared/domain';
import type { ProfileSchedules, RefreshProgress } from '../store/schedules-slice';
import { formatWithZone, localZone, relativeTime } from '../common/time';
import { clause } from '../common/text';

interface Props {
  profiles: ProfileView[];
  lists: Record<string, ProfileSchedules>;
  now: Date;
  progress: RefreshProgress | null;
  onRetry(profileId: string): void;
}

export function StatusBanners({ profiles, lists, now, progress, onRetry }: Props) {
  const stale = profiles.filter((p) => lists[p.id]?.list?.stale);
  const failed = profiles.filter((p) => !lists[p.id]?.list && lists[p.id]?.error);
  return (
    <>
      {progress && (
        <div className="banner banner-info" role="status">
          <span>
            Refreshing {progress.done} of {progress.total} profiles…
          </span>
          <progress max={progress.total} value={progress.done} aria-label="Refresh progress" />
        </div>
      )}
      {stale.length > 2 && (
        // Many offline profiles (all-profiles view): one banner, not a wall of them.
        <div className="banner banner-offline" role="alert" data-testid="offline-banner">
          <span className="banner-text">
            <strong>Offline — {stale.length} profiles.</strong> {stale.map((p) => p.name).join(', ')} show their last snapshots (the oldest from{' '}
            {relativeTime(new Date(Math.min(...stale.map((p) => Date.parse(lists[p.id]?.list?.fetchedAt ?? '')))), now)}). Reason for the first:{' '}
            {clause(lists[stale[0]!.id]?.list?.stale?.reason ?? '')}. Creating and deleting are disabled for them until their servers answer.
          </span>
        </div>
      )}
      {stale.length <= 2 && stale.map((p) => {
        const list = lists[p.id]?.list;
        if (!list?.stale) return null;
        const fetched = new Date(list.fetchedAt);
        return (
          <div key={p.id} className="banner banner-offline" role="alert" data-testid="offline-banner">
            <span className="banner-text">
              <strong>Offline{profiles.length > 1 ? ` — ${p.name}` : ''}.</strong> Showing the snapshot from {relativeTime(fetched, now)} (
              {formatWithZone(fetched, localZone)}). Reason: {clause(list.stale.reason)}. Creating and deleting are disabled until the server answers.
            </span>
            <button type="button" className="button button-small" onClick={() => onRetry(p.id)}>
              Try again
            </button>
          </div>
        );
      })}
      {failed.map((p) => (
        <div key={p.id} className="banner banner-error" role="alert">
          <span className="banner-text">
            <strong>Could not load {p.name}.</strong> {clause(lists[p.id]?.error ?? '')}. No snapshot is saved for this profile yet.
          </span>
          <button type="button" className="button button-small" onClick={() => onRetry(p.id)}>
            Try again
          </button>
        </div>
      ))}
    </>
  );
}
