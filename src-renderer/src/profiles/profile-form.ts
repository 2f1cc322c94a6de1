// Profile form state: defaults, conversion to the contract's ProfileInput, and per-field validation.
import type { EnvironmentKind, Profile, ProfileView } from '@shared/domain';
import { profileInputSchema, type ProfileInput } from '@shared/ipc/schemas';
import { serverKeyOf } from '@shared/profile-urls';
import { ENVIRONMENT_COLORS } from '../common/environment-name';

export const ENV_DEFAULTS: Record<EnvironmentKind, { label: string; color: string }> = {
  development: { label: 'Development', color: ENVIRONMENT_COLORS.development },
  test: { label: 'Test', color: ENVIRONMENT_COLORS.test },
  staging: { label: 'Staging', color: ENVIRONMENT_COLORS.staging },
  production: { label: 'Production', color: ENVIRONMENT_COLORS.production },
  custom: { label: 'Custom', color: ENVIRONMENT_COLORS.custom },
};

/** The grey of a profile whose environment is not chosen yet. */
const UNCHOSEN_COLOR = '#868e96';

export interface ProfileForm {
  id?: string;
  name: string;
  /** '' until the user chooses: the environment is never assumed. */
  kind: EnvironmentKind | '';
  label: string;
  color: string;
  host: string;
  apiUrl: string;
  authUrl: string;
  orgId: string;
  signIn: 'password' | 'token';
  username: string;
  serverTimeZone: string;
  caCertPath: string;
  notes: string;
}

export function formFromProfile(p: ProfileView | undefined): ProfileForm {
  if (!p) {
    return {
      name: '',
      kind: '',
      label: '',
      color: UNCHOSEN_COLOR,
      host: '',
      apiUrl: '',
      authUrl: '',
      orgId: 'default',
      signIn: 'password',
      username: '',
      serverTimeZone: 'UTC',
      caCertPath: '',
      notes: '',
    };
  }
  return {
    id: p.id,
    name: p.name,
    kind: p.environment.kind,
    label: p.environment.label,
    color: p.environment.color,
    host: '',
    apiUrl: p.apiUrl,
    authUrl: p.authUrl,
    orgId: p.orgId,
    signIn: p.signIn,
    username: p.username,
    serverTimeZone: p.serverTimeZone,
    caCertPath: p.caCertPath ?? '',
    notes: p.notes,
  };
}

export function inputFromForm(f: ProfileForm): ProfileInput {
  return {
    ...(f.id ? { id: f.id } : {}),
    name: f.name,
    // An unchosen kind fails the schema's enum, which validateForm words as "choose one".
    environment: { kind: f.kind as EnvironmentKind, label: f.label, color: f.color },
    apiUrl: f.apiUrl,
    authUrl: f.authUrl || f.apiUrl,
    orgId: f.orgId,
    signIn: f.signIn,
    username: f.signIn === 'password' ? f.username : '',
    serverTimeZone: f.serverTimeZone,
    caCertPath: f.caCertPath.trim() === '' ? null : f.caCertPath.trim(),
    notes: f.notes,
  };
}

const FIELD_NAMES: Record<string, string> = {
  name: 'Name',
  'environment.label': 'Environment label',
  'environment.color': 'Colour',
  apiUrl: 'API URL',
  authUrl: 'Design Center URL',
  orgId: 'Org ID',
  username: 'User name',
  serverTimeZone: 'Server time zone',
  caCertPath: 'CA certificate',
  notes: 'Notes',
};

/** field path -> message naming the field, for showing next to each input. */
export function validateForm(f: ProfileForm, zoneValid: boolean): Record<string, string> {
  const errors: Record<string, string> = {};
  const parsed = profileInputSchema.safeParse(inputFromForm(f));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.join('.');
      if (!errors[path]) errors[path] = `${FIELD_NAMES[path] ?? path}: ${issue.message}`;
    }
  }
  if (f.kind === '') {
    delete errors['environment.kind'];
    delete errors['environment.label'];
    errors['environment'] = 'Environment: choose one (Production profiles are marked everywhere).';
  }
  if (f.signIn === 'password' && f.username.trim() === '') errors['username'] = 'User name: required for password sign-in.';
  if (!zoneValid) errors['serverTimeZone'] = `Server time zone: “${f.serverTimeZone}” is not an IANA zone; use e.g. UTC or America/New_York.`;
  return errors;
}

/** The form as a profile to test before saving: a missing name or environment does not stop a test. */
export function draftForTest(f: ProfileForm): ProfileInput {
  const input = inputFromForm(f);
  const { id: _id, ...rest } = input;
  return {
    ...rest,
    name: f.name.trim() === '' ? 'Unsaved profile' : f.name,
    environment: f.kind === '' ? { kind: 'custom', label: 'Not chosen', color: UNCHOSEN_COLOR } : input.environment,
  };
}

/** Other profiles on the same server (API host and port) and org: saving this one would make a second copy. */
export function duplicatesOf(f: Pick<ProfileForm, 'id' | 'apiUrl' | 'orgId'>, profiles: readonly Profile[]): Profile[] {
  if (f.apiUrl.trim() === '' || f.orgId.trim() === '') return [];
  const key = serverKeyOf(f.apiUrl);
  return profiles.filter((p) => p.id !== f.id && serverKeyOf(p.apiUrl) === key && p.orgId.trim() === f.orgId.trim());
}

/** The settings a profile shares with the other orgs on its server. */
const SERVER_SETTINGS = ['apiUrl', 'authUrl', 'signIn', 'username', 'serverTimeZone', 'caCertPath', 'kind', 'label'] as const;

/** Whether the form changes a setting the profile shares with its server (URLs, sign-in, zone, CA, environment). */
export function changesServer(f: ProfileForm, saved: ProfileView | undefined): boolean {
  if (!saved) return false;
  const before = formFromProfile(saved);
  return SERVER_SETTINGS.some((k) => before[k].trim() !== f[k].trim());
}

/**
 * The other orgs on the server this form is on: the saved profile's server, or for a new profile the
 * server the core will put it on (same API URL, sign-in method and user).
 */
export function serverOrgsOf(f: ProfileForm, saved: ProfileView | undefined, profiles: readonly ProfileView[]): ProfileView[] {
  if (saved?.serverId) return profiles.filter((p) => p.id !== saved.id && p.serverId === saved.serverId);
  if (saved || f.apiUrl.trim() === '') return [];
  const user = f.signIn === 'password' ? f.username.trim() : '';
  return profiles.filter(
    (p) => serverKeyOf(p.apiUrl) === serverKeyOf(f.apiUrl) && p.signIn === f.signIn && (p.signIn === 'password' ? p.username.trim() : '') === user,
  );
}
