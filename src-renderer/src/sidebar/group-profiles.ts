// Groups profiles for the sidebar: by environment (in the usual promotion order, one spelling per
// environment), then by server (the API URL's host and port), names sorted within.
import { ENVIRONMENT_KINDS, type EnvironmentKind, type ProfileView } from '@shared/domain';
import { serverKeyOf } from '@shared/profile-urls';
import { ENVIRONMENT_COLORS, environmentName } from '../common/environment-name';

export interface ServerGroup {
  /** serverKeyOf(apiUrl): "atscale.example.com:10502". */
  key: string;
  /** What the sidebar shows: the host, with the port when two servers share a host. */
  label: string;
  profiles: ProfileView[];
}

export interface ProfileGroup {
  key: string;
  label: string;
  color: string;
  production: boolean;
  servers: ServerGroup[];
  /** Every profile of the group, in sidebar order. */
  profiles: ProfileView[];
}

export function groupProfiles(profiles: readonly ProfileView[]): ProfileGroup[] {
  const groups = new Map<string, { label: string; color: string; kind: EnvironmentKind; members: ProfileView[] }>();
  for (const profile of profiles) {
    const env = profile.environment;
    const key = env.kind === 'custom' ? `custom|${env.label.trim().toLowerCase()}` : env.kind;
    const group = groups.get(key) ?? {
      label: environmentName(env),
      color: env.kind === 'custom' ? env.color : ENVIRONMENT_COLORS[env.kind],
      kind: env.kind,
      members: [],
    };
    group.members.push(profile);
    groups.set(key, group);
  }
  return [...groups.entries()]
    .sort(([, a], [, b]) => ENVIRONMENT_KINDS.indexOf(a.kind) - ENVIRONMENT_KINDS.indexOf(b.kind) || a.label.localeCompare(b.label))
    .map(([key, g]) => {
      const servers = serverGroups(g.members);
      return { key, label: g.label, color: g.color, production: g.kind === 'production', servers, profiles: servers.flatMap((s) => s.profiles) };
    });
}

function serverGroups(profiles: readonly ProfileView[]): ServerGroup[] {
  const byKey = new Map<string, ProfileView[]>();
  for (const p of profiles) byKey.set(serverKeyOf(p.apiUrl), [...(byKey.get(serverKeyOf(p.apiUrl)) ?? []), p]);
  const hostCount = new Map<string, number>();
  for (const key of byKey.keys()) hostCount.set(hostPart(key), (hostCount.get(hostPart(key)) ?? 0) + 1);
  return [...byKey.entries()]
    .map(([key, members]) => {
      // From the key, not the URL as typed: no user name before the host, and an IPv6 host whole.
      const host = hostPart(key);
      return {
        key,
        label: (hostCount.get(host) ?? 0) > 1 ? key : host,
        profiles: [...members].sort((a, b) => a.name.localeCompare(b.name)),
      };
    })
    .sort((a, b) => a.label.localeCompare(b.label));
}

function hostPart(serverKey: string): string {
  return serverKey.replace(/:\d+$/, '');
}

/** Case-insensitive match on name, org, environment or server, for the Ctrl/Cmd+K switcher. */
export function matchProfiles(profiles: ProfileView[], query: string): ProfileView[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return profiles;
  return profiles.filter((p) => {
    const hay = `${p.name} ${p.orgId} ${p.environment.label} ${p.environment.kind} ${serverKeyOf(p.apiUrl)}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}
