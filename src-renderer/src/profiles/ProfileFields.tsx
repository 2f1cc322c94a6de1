// The inputs of the profile editor. The secret box is write-only: nothing is ever read back into it.
import { ENVIRONMENT_KINDS, type EnvironmentKind } from '@shared/domain';
import { defaultUrlsFromHost } from '@shared/profile-urls';
import { ENV_DEFAULTS, type ProfileForm } from './profile-form';
import { Field } from './Field';
import { CaFileField } from './CaFileField';

const ZONES: string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC'];

interface Props {
  form: ProfileForm;
  errors: Record<string, string>;
  onChange(patch: Partial<ProfileForm>): void;
}

export function ProfileFields({ form, errors, onChange }: Props) {
  const setKind = (kind: EnvironmentKind) =>
    onChange({ kind, ...(kind === 'custom' ? { color: ENV_DEFAULTS.custom.color, label: form.label } : ENV_DEFAULTS[kind]) });
  return (
    <div className="form-grid">
      <Field label="Name" error={errors['name']}>
        {(id, d) => <input id={id} aria-describedby={d} className="input" value={form.name} onChange={(e) => onChange({ name: e.target.value })} />}
      </Field>
      <Field
        label="Environment"
        error={errors['environment']}
        hint={form.kind === 'production' ? '⚠ Production: marked in the sidebar and the header, and every change asks for the org.' : undefined}
      >
        {(id, d) => (
          <div className="inline-fields">
            <select
              id={id}
              aria-describedby={d}
              aria-required="true"
              className="input"
              value={form.kind}
              onChange={(e) => setKind(e.target.value as EnvironmentKind)}
            >
              {form.kind === '' && (
                <option value="" disabled>
                  Choose an environment…
                </option>
              )}
              {ENVIRONMENT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {ENV_DEFAULTS[k].label}
                </option>
              ))}
            </select>
            <input
              aria-label="Environment colour"
              type="color"
              className="color-input"
              value={form.color}
              onChange={(e) => onChange({ color: e.target.value })}
            />
          </div>
        )}
      </Field>
      {form.kind === 'custom' && (
        <Field label="Environment label" error={errors['environment.label']}>
          {(id, d) => <input id={id} aria-describedby={d} className="input" value={form.label} onChange={(e) => onChange({ label: e.target.value })} />}
        </Field>
      )}
      <Field
        label="Host"
        hint="Fills both URLs. A port or path you type is kept for the API URL (otherwise 10502); Design Center stays on port 10500 of the same host. Edit them below if yours differ."
      >
        {(id, d) => (
          <input
            id={id}
            aria-describedby={d}
            className="input"
            placeholder="atscale.example.com"
            value={form.host}
            onChange={(e) => {
              const urls = defaultUrlsFromHost(e.target.value);
              onChange({ host: e.target.value, ...(urls ?? {}) });
            }}
          />
        )}
      </Field>
      <Field label="API URL" error={errors['apiUrl']}>
        {(id, d) => <input id={id} aria-describedby={d} className="input mono" value={form.apiUrl} onChange={(e) => onChange({ apiUrl: e.target.value })} />}
      </Field>
      <Field label="Design Center URL" error={errors['authUrl']} hint="Used for password sign-in.">
        {(id, d) => <input id={id} aria-describedby={d} className="input mono" value={form.authUrl} onChange={(e) => onChange({ authUrl: e.target.value })} />}
      </Field>
      <Field label="Org ID" error={errors['orgId']}>
        {(id, d) => <input id={id} aria-describedby={d} className="input mono" value={form.orgId} onChange={(e) => onChange({ orgId: e.target.value })} />}
      </Field>
      <fieldset className="form-field">
        <legend>Sign-in method</legend>
        <div className="inline-fields">
          {(['password', 'token'] as const).map((m) => (
            <label key={m} className="radio">
              <input type="radio" name="signIn" checked={form.signIn === m} onChange={() => onChange({ signIn: m })} />
              {m === 'password' ? 'User name and password' : 'API token (container deployments)'}
            </label>
          ))}
        </div>
      </fieldset>
      {form.signIn === 'password' && (
        <Field label="User name" error={errors['username']}>
          {(id, d) => (
            <input
              id={id}
              aria-describedby={d}
              className="input"
              autoComplete="off"
              value={form.username}
              onChange={(e) => onChange({ username: e.target.value })}
            />
          )}
        </Field>
      )}
      <Field
        label="Server time zone"
        error={errors['serverTimeZone']}
        hint="The zone the server's scheduler evaluates expressions in (UTC unless your server says otherwise)."
      >
        {(id, d) => (
          <>
            <input
              id={id}
              aria-describedby={d}
              className="input"
              list="zone-list"
              value={form.serverTimeZone}
              onChange={(e) => onChange({ serverTimeZone: e.target.value })}
            />
            <datalist id="zone-list">
              {ZONES.map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <CaFileField path={form.caCertPath} error={errors['caCertPath']} onChange={(caCertPath) => onChange({ caCertPath })} />
      <Field label="Notes" error={errors['notes']}>
        {(id, d) => (
          <textarea id={id} aria-describedby={d} className="input" rows={2} value={form.notes} onChange={(e) => onChange({ notes: e.target.value })} />
        )}
      </Field>
    </div>
  );
}
