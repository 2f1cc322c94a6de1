// "Executions match America/New_York; this profile says UTC": main saw the executions sit at one constant
// offset from the expected fires. One click changes the profile's server zone (a local setting).
import { useState } from 'react';
import type { ProfileView, ZoneHint } from '@shared/domain';
import type { ProfileInput } from '@shared/ipc/schemas';
import { useAppStore } from '../store';
import { messageOf } from '../api-client';
import { clause } from '../common/text';

/** The profile as `profiles:save` takes it, with another server zone; the secret is left as it is. */
export function withServerZone(profile: ProfileView, zone: string): ProfileInput {
  return {
    id: profile.id,
    name: profile.name,
    environment: { ...profile.environment },
    apiUrl: profile.apiUrl,
    authUrl: profile.authUrl,
    orgId: profile.orgId,
    signIn: profile.signIn,
    username: profile.username,
    serverTimeZone: zone,
    caCertPath: profile.caCertPath,
    notes: profile.notes,
    ...(profile.healthGraceMinutes !== undefined ? { healthGraceMinutes: profile.healthGraceMinutes } : {}),
  };
}

export function ZoneHintBanner({ profile, hint }: { profile: ProfileView; hint: ZoneHint }) {
  const save = useAppStore((s) => s.saveProfile);
  const refresh = useAppStore((s) => s.refreshProfile);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const change = async () => {
    setBusy(true);
    setError(null);
    try {
      await save({ profile: withServerZone(profile, hint.zone) });
      await refresh(profile.id);
    } catch (e) {
      setError(`The zone was not changed: ${messageOf(e)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="banner banner-info zone-hint" role="status" data-testid="zone-hint">
      <span className="banner-text">
        <strong>Server zone looks wrong{`, ${profile.name}`}.</strong> {clause(hint.message)}: expected runs would be shown{' '}
        {Math.abs(hint.offsetMinutes) >= 60 ? `${Math.round(Math.abs(hint.offsetMinutes) / 6) / 10} h` : `${Math.abs(hint.offsetMinutes)} min`} off.
        {error && <span className="form-error"> {error}</span>}
      </span>
      <button type="button" className="button button-small button-primary" onClick={() => void change()} disabled={busy}>
        {busy ? 'Changing…' : `Change the profile's zone to ${hint.zone}`}
      </button>
    </div>
  );
}
