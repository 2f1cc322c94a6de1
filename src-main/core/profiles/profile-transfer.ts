// Export and import of profiles as JSON. Never a secret: exports are built field by field from the
// profile (which holds none), and imports keep only profile fields (a pasted password is dropped).
import { randomUUID } from 'node:crypto';
import type { Profile } from '@shared/domain';
import type { ImportResult } from '@shared/ipc';
import { profileInputSchema } from '@shared/ipc/schemas';
import { AppFailure, excerptOf, quote } from '@core/errors';
import type { ProfileStore } from './profile-store';
import { parseProfilesFile } from './profile-file';
import { resolveAll } from './server-model';
import { assertTimeZone } from './time-zone';

export const EXPORT_FORMAT = 'atscale-maintenance-scheduler/profiles';
export const EXPORT_VERSION = 1;
export const MAX_IMPORT = 1000;
/** Profiles the app keeps at most; every list and refresh grows with it. */
export const MAX_PROFILES = 2000;

const importSchema = profileInputSchema.omit({ id: true });

export function exportProfiles(profiles: ProfileStore, ids: string[] | undefined, now: Date): { json: string; count: number } {
  const all = profiles.list();
  if (ids) {
    const unknown = ids.filter((id) => !all.some((p) => p.id === id));
    if (unknown.length > 0) {
      const shown = unknown
        .slice(0, 3)
        .map((u) => quote(u))
        .join(', ');
      const more = unknown.length > 3 ? ` and ${unknown.length - 3} more` : '';
      throw new AppFailure('not-found', `These profiles do not exist (any more): ${shown}${more}. Refresh the list and export again.`);
    }
  }
  const chosen = ids ? all.filter((p) => ids.includes(p.id)) : all;
  const out = chosen.map(exportRow);
  const json = JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString(), profiles: out }, null, 2);
  return { json, count: out.length };
}

/** A profile as an export file holds it: its own fields, never an id, a date or a secret. */
function exportRow(p: Profile): Record<string, unknown> {
  return {
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
    ...(p.healthGraceMinutes !== undefined ? { healthGraceMinutes: p.healthGraceMinutes } : {}),
  };
}

/** The app's own data file (profiles.json, or a copy kept aside), not an export: it has a schemaVersion. */
function isDataFile(data: unknown): data is Record<string, unknown> {
  return isObject(data) && 'schemaVersion' in data && data['format'] !== EXPORT_FORMAT;
}

/**
 * The profiles of the app's data file (e.g. the profiles.corrupt-….json a damaged profiles.json was kept
 * as, once repaired), as export rows: the file keeps servers and the orgs on them, an export flat rows.
 */
function rowsOfDataFile(data: Record<string, unknown>): { rows: unknown[]; demo: string[] } {
  const parsed = parseProfilesFile(data);
  if (!parsed.ok) {
    throw new AppFailure(
      'invalid-input',
      `This is the app's own profiles data file (profiles.json or a copy of it), not an export, and it cannot be read: ${excerptOf(parsed.reason, 200)}. Repair it (e.g. the JSON syntax where the reason points) and import it again, or import a file made with Export profiles.`,
    );
  }
  const all = resolveAll({ servers: parsed.file.servers, profiles: parsed.file.profiles });
  // Demo profiles point at the embedded simulator of the run that made them; demo mode adds its own.
  return { rows: all.filter((p) => !p.demo).map(exportRow), demo: all.filter((p) => p.demo).map((p) => p.name) };
}

export interface PreparedImport {
  /** New profiles with fresh ids, ready to be added. */
  accepted: Profile[];
  skipped: ImportResult['skipped'];
}

/**
 * Reads an export file against the profiles there are: what would be added and what is skipped, and why.
 * Writes nothing; the profile service adds the accepted ones (and tells listeners).
 */
export function prepareImport(existing: readonly Profile[], json: string, now: Date): PreparedImport {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new AppFailure('invalid-input', `The file is not JSON (${excerptOf(detail, 120)}). Choose a file exported by this app.`);
  }
  const fromDataFile = isDataFile(data) ? rowsOfDataFile(data) : null;
  const items = fromDataFile
    ? fromDataFile.rows
    : Array.isArray(data)
      ? data
      : isObject(data) && Array.isArray(data['profiles'])
        ? (data['profiles'] as unknown[])
        : null;
  if (!items) throw new AppFailure('invalid-input', 'The file holds no profiles: expected {"profiles": [...]} as exported by this app, or a list of profiles.');
  if (!fromDataFile && isObject(data) && typeof data['version'] === 'number' && data['version'] > EXPORT_VERSION) {
    throw new AppFailure(
      'invalid-input',
      `The file was exported by a newer version of the app (format ${excerptOf(String(data['version']), 20)}); update the app to import it.`,
    );
  }
  if (items.length > MAX_IMPORT)
    throw new AppFailure('invalid-input', `The file holds ${items.length} profiles; at most ${MAX_IMPORT} can be imported at once.`);

  const keyOf = (p: { name: string; orgId: string; apiUrl: string }): string => JSON.stringify([p.name, p.orgId, p.apiUrl]);
  const taken = new Set(existing.map(keyOf));
  const accepted: Profile[] = [];
  const skipped: ImportResult['skipped'] = [];
  const stamp = now.toISOString();
  for (const name of fromDataFile?.demo ?? []) skipped.push({ name: excerptOf(name, 120), reason: 'a demo profile: Start demo mode adds its own' });

  items.forEach((item, index) => {
    const named = isObject(item) && typeof item['name'] === 'string' ? excerptOf(item['name'], 120) : '';
    const label = named !== '' ? named : `Profile #${index + 1}`;
    const parsed = importSchema.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      skipped.push({ name: label, reason: `${issue?.path.join('.') || 'profile'}: ${excerptOf(issue?.message ?? 'invalid', 200)}` });
      return;
    }
    const input = parsed.data;
    try {
      assertTimeZone(input.serverTimeZone);
    } catch (error) {
      skipped.push({ name: label, reason: (error as Error).message });
      return;
    }
    if (taken.has(keyOf(input))) {
      skipped.push({ name: label, reason: 'a profile with the same name, API URL and org already exists' });
      return;
    }
    if (existing.length + accepted.length >= MAX_PROFILES) {
      skipped.push({ name: label, reason: `the app keeps at most ${MAX_PROFILES} profiles` });
      return;
    }
    taken.add(keyOf(input));
    accepted.push({ ...input, id: randomUUID(), demo: false, createdAt: stamp, updatedAt: stamp });
  });
  return { accepted, skipped };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
