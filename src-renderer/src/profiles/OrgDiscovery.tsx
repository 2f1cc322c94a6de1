// "Find orgs on this server": signs in with the form's server settings, lists the orgs the user can
// reach (and explains the ones it cannot), and adds one profile per chosen org in one go.
import { useState } from 'react';
import type { ProfileView } from '@shared/domain';
import type { DiscoveredOrg, OrgDiscovery as Discovery } from '@shared/ipc/channels/connections';
import { useAppStore } from '../store';
import { call, messageOf } from '../api-client';
import { inputFromForm, type ProfileForm } from './profile-form';

interface Props {
  form: ProfileForm;
  /** The secret typed in the form ('' when none). */
  secret: string;
  storage: 'keychain' | 'memory';
  /** The saved profile being edited, whose stored secret (its server's) may be used to sign in. */
  savedProfile: ProfileView | undefined;
  disabledReason: string | null;
  onAdded(profiles: ProfileView[]): void;
}

export function OrgDiscovery({ form, secret, storage, savedProfile, disabledReason, onAdded }: Props) {
  const save = useAppStore((s) => s.saveProfile);
  const [found, setFound] = useState<Discovery | null>(null);
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<'finding' | 'adding' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [alsoCheck, setAlsoCheck] = useState('');

  const find = async () => {
    setBusy('finding');
    setError(null);
    setFound(null);
    setChosen({});
    try {
      const input = inputFromForm(form);
      const discovery = await call('orgs:discover', {
        profile: {
          apiUrl: input.apiUrl,
          authUrl: input.authUrl,
          signIn: input.signIn,
          username: input.username,
          caCertPath: input.caCertPath,
          orgId: input.orgId,
        },
        ...(secret ? { secret } : {}),
        ...(savedProfile ? { profileId: savedProfile.id } : {}),
        orgIds: alsoCheck
          .split(/[\s,]+/)
          .map((o) => o.trim())
          .filter(Boolean)
          .slice(0, 200),
      });
      setFound(discovery);
    } catch (e) {
      setError(`No orgs found: ${messageOf(e)}`);
    } finally {
      setBusy(null);
    }
  };

  const add = async () => {
    if (form.kind === '') {
      setError('Choose the environment first: the new profiles share it.');
      return;
    }
    const picks = Object.entries(chosen);
    const missingName = picks.find(([, name]) => name.trim() === '');
    if (missingName) {
      setError(`Give org ${missingName[0]} a profile name.`);
      return;
    }
    setBusy('adding');
    setError(null);
    const added: ProfileView[] = [];
    const problems: string[] = [];
    const { id: _id, ...base } = inputFromForm(form);
    // Every org is saved on the form's server: the first with the typed secret (it becomes the server's),
    // the others sign in with that one, as do orgs added to a server whose secret is stored.
    let secretGiven = false;
    for (const [orgId, name] of picks) {
      try {
        const withSecret = secret !== '' && !secretGiven;
        added.push(await save({ profile: { ...base, name, orgId }, ...(withSecret ? { secret, secretStorage: storage } : {}) }));
        if (withSecret) secretGiven = true;
      } catch (e) {
        problems.push(`${name} (${orgId}): ${messageOf(e)}`);
      }
    }
    setBusy(null);
    if (problems.length > 0) setError(`Not added: ${problems.join('; ')}`);
    if (added.length > 0 && problems.length === 0) onAdded(added);
  };

  const count = Object.keys(chosen).length;
  return (
    <section className="org-discovery" aria-label="Orgs on this server">
      <div className="inline-fields">
        <button
          type="button"
          className="button"
          onClick={() => void find()}
          disabled={busy !== null || disabledReason !== null}
          title={disabledReason ?? undefined}
        >
          {busy === 'finding' ? 'Finding orgs…' : 'Find orgs on this server'}
        </button>
        <input
          className="input mono"
          aria-label="Also check these org IDs"
          placeholder="Also check org IDs (optional)"
          title="Orgs you expect but the server does not list for this user: each is opened and the reason it cannot be reached is shown."
          value={alsoCheck}
          onChange={(e) => setAlsoCheck(e.target.value)}
        />
      </div>
      {found && (
        <>
          <p className="muted">
            Signed in to {found.server} as {found.signedInAs}. Choose the orgs to add; each becomes a profile on this one server, sharing its settings and
            secret.
          </p>
          <ul className="org-list">
            {found.orgs.map((org) => (
              <OrgRow
                key={org.orgId}
                org={org}
                name={chosen[org.orgId]}
                onToggle={(on) =>
                  setChosen((c) => {
                    const next = { ...c };
                    if (on) next[org.orgId] = org.suggestedName;
                    else delete next[org.orgId];
                    return next;
                  })
                }
                onRename={(name) => setChosen((c) => ({ ...c, [org.orgId]: name }))}
              />
            ))}
          </ul>
          <button type="button" className="button button-primary" disabled={count === 0 || busy !== null} onClick={() => void add()}>
            {busy === 'adding' ? 'Adding…' : `Add ${count} profile${count === 1 ? '' : 's'}`}
          </button>
        </>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

function OrgRow({
  org,
  name,
  onToggle,
  onRename,
}: {
  org: DiscoveredOrg;
  name: string | undefined;
  onToggle(on: boolean): void;
  onRename(name: string): void;
}) {
  const status = !org.access.ok
    ? org.access.reason
    : org.existingProfiles.length > 0
      ? `Already a profile: ${org.existingProfiles.join(', ')}`
      : `${org.access.scheduleCount} schedule${org.access.scheduleCount === 1 ? '' : 's'}`;
  return (
    <li className={`org-row${org.access.ok ? '' : ' org-unreachable'}`}>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={name !== undefined}
          disabled={!org.access.ok}
          onChange={(e) => onToggle(e.target.checked)}
          aria-label={`Add org ${org.orgId}`}
        />
        <span className="mono">{org.orgId}</span>
        {org.name !== org.orgId && <span className="muted">{org.name}</span>}
      </label>
      {name !== undefined && (
        <input className="input" aria-label={`Profile name for org ${org.orgId}`} value={name} onChange={(e) => onRename(e.target.value)} />
      )}
      <span className={org.access.ok ? 'muted' : 'field-error'}>{status}</span>
    </li>
  );
}
