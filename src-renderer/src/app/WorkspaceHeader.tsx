// The title bar of the workspace: which profile/org/zone, freshness, refresh, create, display zone.
import type { ProfileView } from '@shared/domain';
import type { RunningState } from '@shared/ipc';
import type { DisplayZone } from '../store/view-slice';
import type { ProfileSchedules } from '../store/schedule-state';
import { EnvBadge } from '../common/EnvBadge';
import { localZone } from '../common/time';
import { AutoRefreshControl } from './AutoRefreshControl';
import { RunningNow } from '../health/RunningNow';
import { RunNowButton, runNowBlock } from '../health/RunNowButton';

interface Props {
  profile: ProfileView | null;
  profileCount: number;
  /** The freshness line (store/derived.ts updatedText), null when there is nothing to say. */
  updated: string | null;
  /** True when the list shown is not live (snapshot, failed refresh): the freshness line is a warning. */
  notLive: boolean;
  serverTimeZone: string | null;
  displayZone: DisplayZone;
  createBlocked: string | null;
  createBlockedShort: string | null;
  refreshing: boolean;
  onRefresh(): void;
  onCreate(): void;
  onEdit(): void;
  onZone(zone: DisplayZone): void;
  /** The shown profile's schedule state (run now needs a reachable server). */
  entry: ProfileSchedules | undefined;
  /** Running jobs as main last saw them, by profile. */
  running: Record<string, RunningState>;
  /** The profiles shown (All profiles: every one), for "running since". */
  shownProfiles: ProfileView[];
  now: Date;
}

export function WorkspaceHeader(props: Props) {
  const { profile, updated, displayZone, createBlocked } = props;
  const prod = profile?.environment.kind === 'production';
  return (
    <header className={`workspace-header${prod ? ' header-prod' : ''}`} style={profile ? { ['--env' as string]: profile.environment.color } : undefined}>
      <div className="header-title">
        <h1>{profile ? profile.name : 'All profiles'}</h1>
        <div className="header-meta">
          {profile ? (
            <>
              <EnvBadge environment={profile.environment} />
              <span>
                org <strong>{profile.orgId}</strong>
              </span>
              <span>server zone {props.serverTimeZone ?? profile.serverTimeZone}</span>
              {profile.demo && <span className="tag">demo</span>}
            </>
          ) : (
            <>
              <span>{props.profileCount} profiles overlaid, coloured by environment</span>
              <span className="muted">pick a profile to create a schedule</span>
            </>
          )}
          {props.shownProfiles.map((p) => (
            <RunningNow
              key={p.id}
              state={props.running[p.id]}
              now={props.now}
              zone={displayZone === 'server' ? p.serverTimeZone : localZone}
              {...(profile ? {} : { name: p.name })}
            />
          ))}
          {updated && (
            <span className={props.notLive ? 'freshness freshness-warning' : 'freshness muted'} data-testid="freshness">
              {updated}
            </span>
          )}
        </div>
      </div>
      <div className="header-actions">
        <div className="segmented" role="radiogroup" aria-label="Show times in">
          {(['server', 'local'] as const).map((zone) => (
            <button
              key={zone}
              type="button"
              role="radio"
              aria-checked={displayZone === zone}
              className={displayZone === zone ? 'active' : ''}
              onClick={() => props.onZone(zone)}
            >
              {zone === 'server' ? 'Server zone' : `Local (${localZone})`}
            </button>
          ))}
        </div>
        {profile && (
          <button type="button" className="button" onClick={props.onEdit}>
            Edit profile
          </button>
        )}
        {profile && <RunNowButton profile={profile} blocked={runNowBlock(props.entry)} running={Boolean(props.running[profile.id]?.running)} />}
        <AutoRefreshControl />
        {/* aria-disabled, not disabled: a disabled button drops the keyboard focus to the page while it refreshes. */}
        <button
          type="button"
          className="button"
          onClick={() => {
            if (!props.refreshing) props.onRefresh();
          }}
          aria-disabled={props.refreshing}
        >
          {props.refreshing ? 'Refreshing…' : 'Refresh'}
        </button>
        {profile && (
          <span className="create-wrap">
            <button
              type="button"
              className="button button-primary"
              onClick={props.onCreate}
              disabled={createBlocked !== null}
              title={createBlocked ?? 'Create a schedule (N)'}
              aria-describedby={createBlocked ? 'create-blocked' : undefined}
            >
              New schedule
            </button>
            {createBlocked && (
              <span id="create-blocked" className="blocked-reason" title={createBlocked}>
                {props.createBlockedShort}
                <span className="visually-hidden">: {createBlocked}</span>
              </span>
            )}
          </span>
        )}
      </div>
    </header>
  );
}
