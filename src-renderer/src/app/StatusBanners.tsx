// The banners above the views: progress for multi-profile refreshes, and each shown profile's state
// when its list is not live (words, fix and retry all from store/derived.ts), and a server zone that the
// executions say is wrong (with the fix).
import type { ProfileView } from '@shared/domain';
import type { ProfileSchedules, RefreshProgress } from '../store/schedules-slice';
import { bannersFor } from '../store/derived';
import { ZoneHintBanner } from '../health/ZoneHintBanner';

interface Props {
  profiles: ProfileView[];
  lists: Record<string, ProfileSchedules>;
  now: Date;
  progress: RefreshProgress | null;
  onRetry(profileIds: string[]): void;
  onFix(profileId: string, fix: 'secret' | 'edit'): void;
}

export function StatusBanners({ profiles, lists, now, progress, onRetry, onFix }: Props) {
  const banners = bannersFor(profiles, lists, now);
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
      {banners.map((b) => (
        <div
          key={`${b.profileId}-${b.tone}`}
          className={`banner ${b.tone === 'offline' ? 'banner-offline' : 'banner-error'}`}
          role="alert"
          data-testid={b.tone === 'offline' ? 'offline-banner' : 'failed-banner'}
        >
          <span className="banner-text">
            <strong>{b.title}</strong> {b.text}
          </span>
          {b.fix && (
            <button type="button" className="button button-small button-primary" onClick={() => onFix(b.profileId, b.fix?.kind ?? 'edit')}>
              {b.fix.label}
            </button>
          )}
          <button type="button" className="button button-small" onClick={() => onRetry(b.covers)}>
            Try again
          </button>
        </div>
      ))}
      {profiles.map((p) => {
        const hint = lists[p.id]?.list?.zoneHint;
        // A hint about a zone the profile says already is stale (the list predates the change).
        return hint && hint.zone !== p.serverTimeZone ? <ZoneHintBanner key={`zone-${p.id}`} profile={p} hint={hint} /> : null;
      })}
    </>
  );
}
