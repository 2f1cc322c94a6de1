// Export and import of profiles as JSON. Never a secret: exports are built field by field from the
// profile (which holds none), and imports keep only profile fields (a pasted password is dropped).
import { randomUUID } from 'node:crypto';
import type { Profile } from '@shared/domain';
import type { ImportResult } from '@shared/ipc';
import { profileInputSchema } from '@shared/ipc/schemas';
import { AppFailure } from '@core/errors';
import type { ProfileStore } from './profile-store';
import { assertTimeZone, type ProfileService } from './profile-service';

export const EXPORT_FORMAT = 'atscale-maintenance-scheduler/profiles';
export const EXPORT_VERSION = 1;
const MAX_IMPORT = 1000;

const importSchema = profileInputSchema.omit({ id: true });

export function exportProfiles(profiles: ProfileStore, ids: string[] | undefined, now: Date): { json: string; count: number } {
  const all = profiles.list();
  if (ids) {
    const unknown = ids.filter((id) => !all.some((p) => p.id === id));
    if (unknown.length > 0) throw new AppFailure('not-found', `These profiles do not exist (any more): ${unknown.join(', ')}. Refresh the list and export again.`);
  }
  const chosen = ids ? all.filter((p) => ids.includes(p.id)) : all;
  const out = chosen.map((p) => ({
    name: p.name,
    environment: p.environment,
    apiUrl: p.apiUrl,
    authUrl: p.authUrl,
    orgId: p.orgId,
    signIn: p.signIn,
    username: p.username,
    serverTimeZone: p.serverTimeZone,
    caCertPath: p.caCertPath,
    notes: p.notes,
  }));
  const json = JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString(), profiles: out }, null, 2);
  return { json, count: out.length };
}

export async function importProfiles(
  profiles: ProfileStore,
  service: ProfileService,
  json: string,
  now: Date,
): Promise<ImportResult> {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new AppFailure('invalid-input', `The file is not JSON (${detail}). Choose a file exported by this app.`);
  }
  const items = Array.isArray(data) ? data : isObject(data) && Array.isArray(data['profiles']) ? (data['profiles'] as unknown[]) : null;
  if (!items) throw new AppFailure('invalid-input', 'The file holds no profiles: expected {"profiles": [...]} as exported by this app, or a list of profiles.');
  if (isObject(data) && typeof data['version'] === 'number' && data['version'] > EXPORT_VERSION) {
    throw new AppFailure('invalid-input', `The file was exported by a newer version of the app (format ${data['version']}); update the app to import it.`);
  }
  if (items.length > MAX_IMPORT) throw new AppFailure('invalid-input', `The file holds ${items.length} profiles; at most ${MAX_IMPORT} can be imported at once.`);

  const existing = profiles.list();
  const sameAs = (a: { name: string; orgId: string; apiUrl: string }, b: { name: string; orgId: string; apiUrl: string }): boolean =>
    a.name === b.name && a.orgId === b.orgId && a.apiUrl === b.apiUrl;
  const accepted: Profile[] = [];
  const skipped: ImportResult['skipped'] = [];
  const stamp = now.toISOString();

  items.forEach((item, index) => {
    const label = isObject(item) && typeof item['name'] === 'string' && item['name'].trim() !== '' ? item['name'] : `Profile #${index + 1}`;
    const parsed = importSchema.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      skipped.push({ name: label, reason: `${issue?.path.join('.') || 'profile'}: ${issue?.message ?? 'invalid'}` });
      return;
    }
    const input = parsed.data;
    try {
      assertTimeZone(input.serverTimeZone);
    } catch (error) {
      skipped.push({ name: label, reason: (error as Error).message });
      return;
    }
    if ([...existing, ...accepted].some((p) => sameAs(p, input))) {
      skipped.push({ name: label, reason: 'a profile with the same name, API URL and org already exists' });
      return;
    }
    accepted.push({ ...input, id: randomUUID(), demo: false, createdAt: stamp, updatedAt: stamp });
  });

  if (accepted.length > 0) await profiles.update((list) => [...list, ...accepted]);
  return { imported: accepted.map(service.view), skipped };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
