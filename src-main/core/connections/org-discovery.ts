// "Find orgs on this server": sign in once, list the orgs the user can reach, then open each one (and
// each org the form or another profile on this server names) to say which ones really work and why not.
import type { Profile } from '@shared/domain';
import type { DiscoveredOrg, OrgDiscovery } from '@shared/ipc/channels/connections';
import { serverKeyOf } from '@shared/profile-urls';
import type { ClientFactory, ClientOrg } from '@core/atscale-port';
import { AppFailure, kindOf, toAppError, type Redactor } from '@core/errors';
import { clientOptionsFor } from '@core/schedules/client-pool';

/** Orgs opened at once: a few, to stay polite to one server. */
const CHECK_CONCURRENCY = 3;
/** Password sign-in needs an org; every AtScale install has this one. */
export const FALLBACK_SIGN_IN_ORG = 'default';

export interface DiscoveryDeps {
  factory: ClientFactory;
  timeoutMs: number;
  redact: Redactor;
  /** Every saved profile, to name the orgs already added and those other profiles name. */
  existing: readonly Profile[];
}

/** `server` is a draft profile holding the server settings; its orgId is the org to sign in with. */
export async function discoverOrgs(deps: DiscoveryDeps, server: Profile, secret: string, namedOrgs: readonly string[]): Promise<OrgDiscovery> {
  const key = serverKeyOf(server.apiUrl);
  const signedInAs = server.signIn === 'password' ? server.username : 'API token';
  let listed: readonly ClientOrg[];
  try {
    listed = await listReachable(deps, server, secret);
  } catch (error) {
    // The form's org may be one this user cannot open: the list does not depend on it, so sign in
    // to the org every install has, and explain the form's org below with the others.
    const kind = kindOf(error);
    if (server.orgId === FALLBACK_SIGN_IN_ORG || (kind !== 'unauthorized' && kind !== 'not-found')) throw error;
    listed = await listReachable(deps, { ...server, orgId: FALLBACK_SIGN_IN_ORG }, secret).catch(() => {
      throw error;
    });
  }

  const onServer = deps.existing.filter((p) => serverKeyOf(p.apiUrl) === key);
  const listedIds = new Set(listed.map((o) => o.id));
  // Stryker disable next-line ConditionalExpression,StringLiteral: the request schema trims and refuses empty org ids and the form's org defaults to 'default'; this only guards the set
  const named = unique([server.orgId, ...namedOrgs, ...onServer.map((p) => p.orgId)]).filter((id) => id !== '' && !listedIds.has(id));
  const candidates: { org: ClientOrg; source: DiscoveredOrg['source'] }[] = [
    ...listed.map((org) => ({ org, source: 'listed' as const })),
    ...named.map((id) => ({ org: { id, name: id }, source: 'named' as const })),
  ];
  const takenNames = new Set(deps.existing.map((p) => p.name));

  const orgs = await mapLimited(candidates, CHECK_CONCURRENCY, async ({ org, source }): Promise<DiscoveredOrg> => {
    const access = await openOrg(deps, server, secret, org.id);
    const explained =
      access.ok || source === 'listed' ? access : { ok: false as const, reason: `Not among the orgs ${signedInAs} can reach on ${key}: ${access.reason}` };
    return {
      orgId: org.id,
      name: org.name,
      suggestedName: suggestName(org, server, takenNames),
      source,
      existingProfiles: onServer.filter((p) => p.orgId === org.id).map((p) => p.name),
      access: explained,
    };
  });
  return { server: key, signedInAs, orgs };
}

async function listReachable(deps: DiscoveryDeps, server: Profile, secret: string): Promise<readonly ClientOrg[]> {
  const client = deps.factory(await clientOptionsFor(server, secret, deps.timeoutMs));
  try {
    // Stryker disable next-line ConditionalExpression,StringLiteral: the AtScale client always lists orgs; this guards another ClientFactory, not a user's case
    if (!client.listOrgs) throw new AppFailure('internal', 'This AtScale client cannot list orgs.');
    // Stryker disable next-line ConditionalExpression: the AtScale client always has signIn (listOrgs would sign in itself)
    if (client.signIn) await client.signIn();
    return await client.listOrgs();
  } finally {
    // Stryker disable next-line OptionalChaining: the AtScale client always has close
    client.close?.();
  }
}

/** Signs in to the org and lists its schedules: what the app will do with a profile for it. */
async function openOrg(deps: DiscoveryDeps, server: Profile, secret: string, orgId: string): Promise<DiscoveredOrg['access']> {
  const client = deps.factory(await clientOptionsFor({ ...server, orgId }, secret, deps.timeoutMs));
  try {
    // Stryker disable next-line ConditionalExpression: the AtScale client always has signIn (listSchedules would sign in itself)
    if (client.signIn) await client.signIn();
    const schedules = await client.listSchedules();
    return { ok: true, scheduleCount: schedules.length };
  } catch (error) {
    // Stryker disable next-line StringLiteral: the AtScale client throws only typed failures, whose words do not use the context
    const { kind, message } = toAppError(error, deps.redact, `opening org "${orgId}"`);
    if (kind === 'not-found') return { ok: false, reason: `the server has no org "${orgId}" (${message})` };
    if (kind === 'unauthorized') return { ok: false, reason: `no access for this user (${message})` };
    return { ok: false, reason: message };
  } finally {
    // Stryker disable next-line OptionalChaining: the AtScale client always has close
    client.close?.();
  }
}

/** "sales-analytics" -> "Sales Analytics"; the server's own name when it has one; made unique with the host. */
export function suggestName(org: ClientOrg, server: Pick<Profile, 'apiUrl'>, taken: ReadonlySet<string>): string {
  const base =
    org.name && org.name !== org.id
      ? org.name.trim()
      : org.id
          .split(/[-_\s.]+/)
          .filter(Boolean)
          .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
          .join(' ') || org.id;
  if (!taken.has(base)) return base.slice(0, 120);
  const host = serverKeyOf(server.apiUrl).replace(/:\d+$/, '');
  return `${base} (${host})`.slice(0, 120);
}

function unique(values: readonly string[]): string[] {
  // Stryker disable next-line MethodExpression: the request schema and saved profiles already hold trimmed org ids
  return [...new Set(values.map((v) => v.trim()))];
}

async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  // Stryker disable next-line ArrayDeclaration: every index is assigned below; presizing only saves growth
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < items.length; i = next++) results[i] = await work(items[i] as T);
  };
  // Stryker disable next-line MethodExpression: more workers than items find none left and end at once; only the politeness limit, not answers, changes
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
