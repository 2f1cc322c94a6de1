// Add or edit a profile. The secret goes one way (to main's keychain); the form only learns "stored".
// The connection can be tested before saving, and a server's other orgs found and added in one go.
import { useEffect, useMemo, useState } from 'react';
import { serverKeyOf } from '@shared/profile-urls';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store';
import { Modal } from '../common/Modal';
import { isValidZone } from '../common/time';
import { call, messageOf } from '../api-client';
import { clause } from '../common/text';
import { changesServer, draftForTest, duplicatesOf, formFromProfile, inputFromForm, serverOrgsOf, validateForm, type ProfileForm } from './profile-form';
import { ServerNote } from './ServerNote';
import { ProfileFields } from './ProfileFields';
import { ConnectionTest } from './ConnectionTest';
import { OrgDiscovery } from './OrgDiscovery';
import { TokenAgeNote } from './TokenAgeNote';
import { checkTokenAge, useTokenAges } from './token-ages';
import { Field } from './Field';
import { keychainNoticeOf, rereadAppInfo, useFreshAppInfo } from './keychain-notice';
import './profiles.css';

export function ProfileEditor({ profileId }: { profileId: string | null }) {
  const s = useAppStore(
    useShallow((st) => ({
      profiles: st.profiles,
      appInfo: st.appInfo,
      close: st.closeDialog,
      save: st.saveProfile,
      remove: st.deleteProfile,
      duplicate: st.duplicateProfile,
      select: st.selectProfile,
      refresh: st.refreshProfile,
    })),
  );
  const existing = s.profiles.find((p) => p.id === profileId);
  const [form, setForm] = useState<ProfileForm>(() => formFromProfile(existing));
  const [secret, setSecret] = useState('');
  const keychainOk = s.appInfo?.keychain !== 'unavailable';
  const [storage, setStorage] = useState<'keychain' | 'memory'>(keychainOk ? 'keychain' : 'memory');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  // Paused schedules live only in this app: deleting the profile loses them, so the confirmation counts them.
  const [pausedCount, setPausedCount] = useState<number | null>(null);
  const [applyToServer, setApplyToServer] = useState(true);
  useEffect(() => {
    if (!confirmDelete || !existing) return;
    let live = true;
    call('changes:paused-list', { profileId: existing.id }).then(
      (list) => live && setPausedCount(list.paused.length),
      () => live && setPausedCount(null),
    );
    return () => {
      live = false;
    };
  }, [confirmDelete, existing]);
  const tokenAges = useTokenAges();
  // The keychain can have failed since the app started: the editor asks the core for its state again.
  useFreshAppInfo();
  const errors = useMemo(() => validateForm(form, isValidZone(form.serverTimeZone.trim())), [form]);
  const shown = touched ? errors : {};

  const save = async () => {
    setTouched(true);
    if (Object.keys(errors).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      const shared = savedProfile !== undefined && serverChanged && serverOrgs.length > 0;
      const saved = await s.save({
        profile: inputFromForm(form),
        ...(secret ? { secret, secretStorage: storage } : {}),
        ...(shared ? { applyToServer } : {}),
      });
      setSecret('');
      setForm((f) => ({ ...f, id: saved.id }));
      s.select(saved.id);
      void s.refresh(saved.id);
      if (saved.signIn === 'token') void checkTokenAge(saved.id);
    } catch (e) {
      setError(`Not saved: ${messageOf(e)}`);
    } finally {
      setBusy(false);
      // A secret put in memory whose old keychain entry could not be removed is told in app:info.
      void rereadAppInfo();
    }
  };

  const savedProfile = s.profiles.find((p) => p.id === form.id);
  const serverOrgs = serverOrgsOf(form, savedProfile, s.profiles);
  const serverChanged = changesServer(form, savedProfile);
  const deleteOrgs = existing ? s.profiles.filter((p) => p.id !== existing.id && p.serverId !== undefined && p.serverId === existing.serverId) : [];
  const secretLabel = form.signIn === 'password' ? 'Password' : 'API token';
  const secretNoun = form.signIn === 'password' ? 'A password' : 'An API token';
  const duplicates = duplicatesOf(form, s.profiles);
  const hasSecret = secret !== '' || savedProfile?.hasSecret === true;
  const keychainNotice = keychainNoticeOf(s.appInfo, s.profiles, savedProfile ?? null);
  // What must be filled in before the form can sign in (the name and environment can wait).
  const connectBlocker =
    errors['apiUrl'] || errors['authUrl']
      ? 'Fill in the API and Design Center URLs first.'
      : errors['username']
        ? 'Fill in the user name first.'
        : !hasSecret
          ? `Type the ${secretLabel.toLowerCase()} first.`
          : null;
  return (
    <Modal
      title={existing ? `Edit profile: ${existing.name}` : 'Add a profile'}
      wide
      onClose={s.close}
      footer={
        <>
          {existing && !confirmDelete && (
            <>
              <button type="button" className="button button-danger-quiet" onClick={() => setConfirmDelete(true)}>
                Delete profile…
              </button>
              <button
                type="button"
                className="button button-quiet"
                onClick={() =>
                  void s.duplicate(existing.id).then(
                    (p) => s.select(p.id),
                    (e: unknown) => setError(messageOf(e)),
                  )
                }
              >
                Duplicate
              </button>
            </>
          )}
          {existing && confirmDelete && (
            <span className="confirm-inline" role="alert">
              Delete “{existing.name}”{deleteOrgs.length === 0 ? ' and its stored secret' : ''}?
              {pausedCount !== null && pausedCount > 0 && (
                <> {pausedCount === 1 ? '1 paused schedule' : `${pausedCount} paused schedules`} (kept only in this app) will be lost.</>
              )}
              {deleteOrgs.length > 0 && <> The server&apos;s secret stays for {deleteOrgs.map((p) => `“${p.name}”`).join(', ')}.</>}
              <button
                type="button"
                className="button button-danger"
                onClick={() => void s.remove(existing.id).then(s.close, (e: unknown) => setError(messageOf(e)))}
              >
                Delete
              </button>
              <button type="button" className="button" onClick={() => setConfirmDelete(false)}>
                Keep
              </button>
            </span>
          )}
          <span className="spacer" />
          <button type="button" className="button" onClick={s.close}>
            Close
          </button>
          <button type="submit" form="profile-form" className="button button-primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save profile'}
          </button>
        </>
      }
    >
      <form
        id="profile-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <ProfileFields
          form={form}
          errors={shown}
          onChange={(patch) => {
            setForm((f) => ({ ...f, ...patch }));
          }}
        />
        <ServerNote
          form={form}
          saved={savedProfile}
          orgs={serverOrgs}
          changed={serverChanged}
          applyToServer={applyToServer}
          onApplyToServer={setApplyToServer}
        />
        {duplicates.length > 0 && (
          <p className="warning" role="status">
            {duplicates.length === 1 ? 'The profile' : 'The profiles'} {duplicates.map((p) => `“${p.name}” (${p.environment.label})`).join(', ')} already{' '}
            {duplicates.length === 1 ? 'uses' : 'use'} org {form.orgId.trim()} on {serverKeyOf(form.apiUrl)}. Saving makes another profile for the same org;
            changes in one are changes in the other.
          </p>
        )}
        <div className="form-grid">
          <Field
            label={secretLabel}
            hint={
              savedProfile?.hasSecret
                ? `${secretNoun} is stored (${savedProfile.secretStorage === 'memory' ? 'in memory for this session' : 'in the system keychain'}). Type a new one to replace it; it is never shown.`
                : `Stored in the system keychain, never in a file. It is never shown again.`
            }
          >
            {(id, d) => (
              <input
                id={id}
                aria-describedby={d}
                className="input"
                type="password"
                autoComplete="new-password"
                value={secret}
                onChange={(e) => setSecret(e.target.value)}
              />
            )}
          </Field>
          <fieldset className="form-field">
            <legend>Keep the secret</legend>
            <div className="inline-fields">
              <label className="radio">
                <input type="radio" name="storage" checked={storage === 'keychain'} disabled={!keychainOk} onChange={() => setStorage('keychain')} />
                In the system keychain
              </label>
              <label className="radio">
                <input type="radio" name="storage" checked={storage === 'memory'} onChange={() => setStorage('memory')} />
                In memory, this session only
              </label>
            </div>
            {!keychainOk && (
              <p className="field-hint">No system keychain is available{s.appInfo?.keychainProblem ? `: ${clause(s.appInfo.keychainProblem)}` : ''}.</p>
            )}
          </fieldset>
        </div>
        {keychainNotice && (
          <div className="warning keychain-notice" role="status" data-testid="keychain-notice">
            <p>
              <strong>An older secret is still in the system keychain.</strong> {keychainNotice.what}
              {keychainNotice.which && <> {keychainNotice.which}</>}
            </p>
            <p>{keychainNotice.todo}</p>
          </div>
        )}
        <TokenAgeNote age={savedProfile && savedProfile.signIn === 'token' ? tokenAges.get(savedProfile.id) : undefined} />
        <ConnectionTest
          draft={() => ({ profile: draftForTest(form), ...(secret ? { secret } : {}), ...(savedProfile ? { profileId: savedProfile.id } : {}) })}
          disabledReason={connectBlocker}
          onTested={(result) => {
            if (result.ok && savedProfile?.signIn === 'token' && secret === '') void checkTokenAge(savedProfile.id);
          }}
        />
        <OrgDiscovery
          form={form}
          secret={secret}
          storage={storage}
          savedProfile={savedProfile}
          disabledReason={connectBlocker}
          onAdded={(added) => {
            const first = added[0];
            if (first) s.select(first.id);
            for (const p of added) void s.refresh(p.id);
            s.close();
          }}
        />
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </Modal>
  );
}
