// Which server a profile is on and which other orgs share it: the URLs, sign-in, time zone, CA and
// environment are the server's, so changing them changes them for those orgs too (unless the user keeps
// the change for this org only).
import type { ProfileView } from '@shared/domain';
import { serverKeyOf } from '@shared/profile-urls';
import type { ProfileForm } from './profile-form';

interface Props {
  form: ProfileForm;
  saved: ProfileView | undefined;
  /** The other orgs on this server. */
  orgs: readonly ProfileView[];
  /** The form changes a server setting. */
  changed: boolean;
  applyToServer: boolean;
  onApplyToServer(apply: boolean): void;
}

export function ServerNote({ form, saved, orgs, changed, applyToServer, onApplyToServer }: Props) {
  if (form.apiUrl.trim() === '') return null;
  const server = serverKeyOf(saved?.apiUrl ?? form.apiUrl);
  const who = (saved?.signIn ?? form.signIn) === 'password' ? ` as ${saved?.username ?? form.username}` : ' with an API token';
  const names = orgs.map((p) => `“${p.name}”`).join(', ');
  const secret = form.signIn === 'password' ? 'password' : 'API token';
  return (
    <div className="server-note" role="note" aria-label="Server">
      {saved ? (
        <p>
          On server <span className="mono">{server}</span>
          {who}.{' '}
          {orgs.length === 0
            ? 'No other org is on this server yet.'
            : `${orgs.length === 1 ? 'One other org shares' : `${orgs.length} other orgs share`} its settings and ${secret}: ${names}.`}
        </p>
      ) : orgs.length > 0 ? (
        <p>
          Joins server <span className="mono">{server}</span>
          {who}, with its {orgs.length === 1 ? 'org' : `${orgs.length} orgs`} {names}: it signs in with the {secret} stored for them unless you type one.
        </p>
      ) : null}
      {saved && orgs.length > 0 && changed && (
        <label className="checkbox">
          <input type="checkbox" checked={applyToServer} onChange={(e) => onApplyToServer(e.target.checked)} />
          Apply the changed server settings to all {orgs.length + 1} orgs on this server ({names} and this one)
        </label>
      )}
      {saved && orgs.length > 0 && changed && !applyToServer && (
        <p className="muted">Only “{saved.name}” changes; the others keep the server&apos;s settings.</p>
      )}
    </div>
  );
}
