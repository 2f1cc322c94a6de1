// Groups profiles by environment for the sidebar, in the usual promotion order.
import { ENVIRONMENT_KINDS, type ProfileView } from '@shared/domain';
import { environmentName } from '../common/environment-name';

export interface ProfileGroup {
  label: string;
  color: string;
  production: boolean;
  profiles: ProfileView[];
}

export function groupProfiles(profiles: ProfileView[]): ProfileGroup[] {
  const groups = new Map<string, ProfileGroup & { order: number }>();
  for (const profile of profiles) {
    const env = profile.environment;
    const key = `${env.kind}|${env.label.toLowerCase()}`;
    let group = groups.get(key);
    if (!group) {
      group = { label: environmentName(env), color: env.color, production: env.kind === 'production', profiles: [], order: ENVIRONMENT_KINDS.indexOf(env.kind) };
      groups.set(key, group);
    }
    group.profiles.push(profile);
  }
  return [...groups.values()]
    .sort((a, b) => a.order - b.order || a.label.localeCompare(b.label))
    .map(({ order: _order, ...group }) => ({ ...group, profiles: group.profiles.sort((a, b) => a.name.localeCompare(b.name)) }));
}

/** Case-insensitive match on name, org or environment, for the Ctrl/Cmd+K switcher. */
export function matchProfiles(profiles: ProfileView[], query: string): ProfileView[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return profiles;
  return profiles.filter((p) => {
    const hay = `${p.name} ${p.orgId} ${p.environment.label} ${p.environment.kind}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}
