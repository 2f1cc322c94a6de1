// Enter a new password or API token for one profile (after "Signed out"), then its list is refreshed
// with it. The secret goes one way, to main's keychain (or memory); nothing is read back.
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store';
import { messageOf } from '../api-client';
import { secretNoun } from '../store/causes';
import { Modal } from './Modal';
import { EnvBadge } from './EnvBadge';

export function SecretDialog({ profileId }: { profileId: string }) {
  const s = useAppStore(useShallow((st) => ({ profiles: st.profiles, keychain: st.appInfo?.keychain, close: st.closeSecretPrompt, setSecret: st.setSecret })));
  const profile = s.profiles.find((p) => p.id === profileId);
  const keychainOk = s.keychain !== 'unavailable';
  const [secret, setSecretText] = useState('');
  const [storage, setStorage] = useState<'keychain' | 'memory'>(profile?.secretStorage === 'memory' || !keychainOk ? 'memory' : 'keychain');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!profile) return null;
  const noun = secretNoun(profile.signIn);

  const submit = async () => {
    if (!secret || busy) return;
    setBusy(true);
    setError(null);
    try {
      await s.setSecret(profile.id, secret, storage);
      s.close();
    } catch (e) {
      setError(`The ${noun} was not saved: ${messageOf(e)}`);
      setBusy(false);
    }
  };

  return (
    <Modal
      title={`New ${noun}`}
      onClose={s.close}
      footer={
        <>
          {error && (
            <p className="form-error footer-error" role="alert">
              {error}
            </p>
          )}
          <button type="button" className="button" onClick={s.close}>
            Cancel
          </button>
          <button type="submit" form="secret-form" className="button button-primary" disabled={!secret || busy}>
            {busy ? 'Saving…' : `Save and sign in`}
          </button>
        </>
      }
    >
      <form
        id="secret-form"
        className="create-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <p className="dialog-target">
          For <strong>{profile.name}</strong> <EnvBadge environment={profile.environment} /> org <code>{profile.orgId}</code>
          {profile.signIn === 'password' ? (
            <>
              , user <strong>{profile.username}</strong>
            </>
          ) : null}
          .
        </p>
        <label className="form-field">
          <span>{profile.signIn === 'password' ? 'Password' : 'API token'}</span>
          <input className="input" type="password" autoComplete="new-password" value={secret} onChange={(e) => setSecretText(e.target.value)} />
        </label>
        <fieldset className="form-field">
          <legend>Keep it</legend>
          <div className="inline-fields">
            <label className="radio">
              <input type="radio" name="secret-storage" checked={storage === 'keychain'} disabled={!keychainOk} onChange={() => setStorage('keychain')} />
              In the system keychain
            </label>
            <label className="radio">
              <input type="radio" name="secret-storage" checked={storage === 'memory'} onChange={() => setStorage('memory')} />
              In memory, this session only
            </label>
          </div>
        </fieldset>
      </form>
    </Modal>
  );
}
