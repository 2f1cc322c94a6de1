// Servers and the orgs on them. A server holds what its orgs share (URLs, sign-in method and user, time
// zone, trusted CA, environment); a stored profile is one org on a server, with its own name, colour and
// notes, and overrides where it differs from its server. Code outside this folder sees the resolved,
// flat Profile; this module turns a flat list into servers + profiles and back.
import type { EnvironmentKind, Profile, SignInMethod } from '@shared/domain';

export interface ServerEnvironment {
  kind: EnvironmentKind;
  label: string;
}

export interface StoredServer {
  id: string;
  apiUrl: string;
  authUrl: string;
  signIn: SignInMethod;
  username: string;
  serverTimeZone: string;
  caCertPath: string | null;
  environment: ServerEnvironment;
  createdAt: string;
  updatedAt: string;
}

/** Where one org differs from its server; absent fields follow the server. */
export interface ProfileOverrides {
  environment?: ServerEnvironment;
  serverTimeZone?: string;
  /** null overrides a server CA with "no private CA" for this org. */
  caCertPath?: string | null;
}

export interface StoredProfile {
  id: string;
  serverId: string;
  name: string;
  color: string;
  orgId: string;
  notes: string;
  demo: boolean;
  healthGraceMinutes?: number;
  overrides?: ProfileOverrides;
  createdAt: string;
  updatedAt: string;
}

export interface ProfilesDoc {
  servers: StoredServer[];
  profiles: StoredProfile[];
}

export const EMPTY_DOC: ProfilesDoc = { servers: [], profiles: [] };
export type OverridableField = keyof ProfileOverrides;
const SHARED: readonly OverridableField[] = ['environment', 'serverTimeZone', 'caCertPath'];

/** Normal form of a URL for comparing servers: scheme and host lower-cased, default port and trailing slashes dropped. */
function normalUrl(url: string): string {
  try {
    const u = new URL(url.trim());
    return `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
  } catch {
    return url.trim();
  }
}

/** What makes two profiles the same server: both URLs, the sign-in method and the user (one keychain entry each). */
export function identityOf(p: Pick<Profile, 'apiUrl' | 'authUrl' | 'signIn' | 'username'>): string {
  return JSON.stringify([normalUrl(p.apiUrl), normalUrl(p.authUrl), p.signIn, p.signIn === 'password' ? p.username.trim() : '']);
}

function sharedOf(p: Profile, field: OverridableField): unknown {
  if (field === 'environment') return { kind: p.environment.kind, label: p.environment.label };
  return p[field];
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export function resolveProfile(server: StoredServer, p: StoredProfile): Profile {
  const o = p.overrides ?? {};
  const env = o.environment ?? server.environment;
  return {
    id: p.id,
    serverId: server.id,
    name: p.name,
    environment: { kind: env.kind, label: env.label, color: p.color },
    apiUrl: server.apiUrl,
    authUrl: server.authUrl,
    orgId: p.orgId,
    signIn: server.signIn,
    username: server.username,
    serverTimeZone: o.serverTimeZone ?? server.serverTimeZone,
    caCertPath: o.caCertPath !== undefined ? o.caCertPath : server.caCertPath,
    notes: p.notes,
    demo: p.demo,
    ...(p.healthGraceMinutes !== undefined ? { healthGraceMinutes: p.healthGraceMinutes } : {}),
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

/** Every profile resolved against its server, in stored order (a profile whose server is missing is left out). */
export function resolveAll(doc: ProfilesDoc): Profile[] {
  const servers = new Map(doc.servers.map((s) => [s.id, s]));
  return doc.profiles.flatMap((p) => {
    const server = servers.get(p.serverId);
    return server ? [resolveProfile(server, p)] : [];
  });
}

/**
 * The servers + profiles for a flat list. A profile stays on its server while its URLs, sign-in method
 * and user match it, else joins the server that matches, else a new one. A shared setting all of a
 * server's orgs agree on is the server's; where they differ the server keeps its own value (or takes the
 * first org's) and the others hold an override. Servers no profile uses are dropped.
 */
export function factorize(flat: readonly Profile[], prev: ProfilesDoc, now: string, newId: () => string): ProfilesDoc {
  // A new server takes the id of the profile it is created for (its first release keychain entry is then
  // the server's already), unless a server has that id; then a fresh one.
  const taken = new Set(prev.servers.map((s) => s.id));
  const idFor = (p: Profile): string => {
    const id = taken.has(p.id) ? newId() : p.id;
    taken.add(id);
    return id;
  };
  const prevServers = new Map(prev.servers.map((s) => [s.id, s]));
  const prevServerOf = new Map(prev.profiles.map((p) => [p.id, p.serverId]));
  const serverIdOf: (string | undefined)[] = flat.map((p) => {
    const before = prevServers.get(prevServerOf.get(p.id) ?? '');
    return before && identityOf(before) === identityOf(p) ? before.id : undefined;
  });
  const byIdentity = new Map<string, string>();
  for (const sid of serverIdOf) if (sid) taken.add(sid);
  flat.forEach((p, i) => {
    const sid = serverIdOf[i];
    if (sid) byIdentity.set(identityOf(p), sid);
  });
  flat.forEach((p, i) => {
    if (serverIdOf[i]) return;
    const key = identityOf(p);
    const found = byIdentity.get(key) ?? prev.servers.find((s) => identityOf(s) === key)?.id ?? idFor(p);
    byIdentity.set(key, found);
    serverIdOf[i] = found;
  });

  const members = new Map<string, Profile[]>();
  flat.forEach((p, i) => {
    const sid = serverIdOf[i] as string;
    members.set(sid, [...(members.get(sid) ?? []), p]);
  });
  const servers: StoredServer[] = [];
  const base = new Map<string, Record<OverridableField, unknown>>();
  for (const [sid, orgs] of members) {
    const first = orgs[0] as Profile;
    const before = prevServers.get(sid);
    const values = {} as Record<OverridableField, unknown>;
    for (const field of SHARED) {
      const kept = before && before[field] !== undefined ? (before as unknown as Record<string, unknown>)[field] : undefined;
      const all = orgs.map((o) => sharedOf(o, field));
      values[field] = all.every((v) => same(v, all[0])) ? all[0] : all.some((v) => same(v, kept)) ? kept : all[0];
    }
    base.set(sid, values);
    const server: StoredServer = {
      id: sid,
      apiUrl: first.apiUrl,
      authUrl: first.authUrl,
      signIn: first.signIn,
      username: first.username,
      serverTimeZone: values.serverTimeZone as string,
      caCertPath: values.caCertPath as string | null,
      environment: values.environment as ServerEnvironment,
      createdAt: before?.createdAt ?? now,
      updatedAt: now,
    };
    const unchanged = before && (['apiUrl', 'authUrl', 'signIn', 'username', ...SHARED] as const).every((f) => same(before[f], server[f]));
    if (before && unchanged) server.updatedAt = before.updatedAt;
    servers.push(server);
  }

  const profiles = flat.map((p, i): StoredProfile => {
    const sid = serverIdOf[i] as string;
    const values = base.get(sid) as Record<OverridableField, unknown>;
    const overrides: Record<string, unknown> = {};
    for (const field of SHARED) if (!same(sharedOf(p, field), values[field])) overrides[field] = sharedOf(p, field);
    return {
      id: p.id,
      serverId: sid,
      name: p.name,
      color: p.environment.color,
      orgId: p.orgId,
      notes: p.notes,
      demo: p.demo,
      ...(p.healthGraceMinutes !== undefined ? { healthGraceMinutes: p.healthGraceMinutes } : {}),
      ...(Object.keys(overrides).length > 0 ? { overrides: overrides as ProfileOverrides } : {}),
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
    };
  });
  return { servers, profiles };
}
