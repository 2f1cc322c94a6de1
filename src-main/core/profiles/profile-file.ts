// The profiles file format: a schema version, migrations from older versions, and validation.
import { z } from 'zod';
import { ENVIRONMENT_KINDS, type Profile } from '@shared/domain';

export const PROFILES_FILE = 'profiles.json';
export const PROFILES_SCHEMA_VERSION = 2;

export const storedProfileSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/),
  name: z.string().min(1),
  environment: z.object({ kind: z.enum(ENVIRONMENT_KINDS), label: z.string(), color: z.string() }),
  apiUrl: z.string(),
  authUrl: z.string(),
  orgId: z.string().min(1),
  signIn: z.enum(['password', 'token']),
  username: z.string(),
  serverTimeZone: z.string().min(1),
  caCertPath: z.string().nullable(),
  notes: z.string(),
  demo: z.boolean(),
  healthGraceMinutes: z.number().int().min(0).optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
}) satisfies z.ZodType<Profile>;

const fileSchema = z.object({ schemaVersion: z.literal(PROFILES_SCHEMA_VERSION), profiles: z.array(storedProfileSchema) });

export interface ProfilesFile {
  schemaVersion: typeof PROFILES_SCHEMA_VERSION;
  profiles: Profile[];
}

type Json = Record<string, unknown>;

/**
 * version -> step to the next version. v1 (0.0.x previews) had no server time zone, CA or demo flag,
 * and kept the version under `version`.
 */
const MIGRATIONS: Record<number, (data: Json) => Json> = {
  1: (data) => ({
    schemaVersion: 2,
    profiles: (Array.isArray(data['profiles']) ? data['profiles'] : []).map((p: Json) => ({
      serverTimeZone: 'UTC',
      caCertPath: null,
      demo: false,
      notes: '',
      ...p,
    })),
  }),
};

function versionOf(data: Json): number | null {
  const v = data['schemaVersion'] ?? data['version'];
  return typeof v === 'number' && Number.isInteger(v) ? v : null;
}

export type ParsedProfiles = { ok: true; file: ProfilesFile; migratedFrom: number | null } | { ok: false; reason: string };

/** Validates (and migrates) the parsed JSON of a profiles file. A reason names what is wrong. */
export function parseProfilesFile(value: unknown): ParsedProfiles {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, reason: 'not a profiles file (expected an object with schemaVersion and profiles)' };
  let data = value as Json;
  const start = versionOf(data);
  if (start === null) return { ok: false, reason: 'no schemaVersion' };
  if (start > PROFILES_SCHEMA_VERSION) {
    return { ok: false, reason: `written by a newer version of the app (schema ${start}; this version reads up to ${PROFILES_SCHEMA_VERSION})` };
  }
  for (let v = start; v < PROFILES_SCHEMA_VERSION; v += 1) {
    const step = MIGRATIONS[v];
    if (!step) return { ok: false, reason: `schema version ${v} cannot be migrated` };
    data = step(data);
  }
  const parsed = fileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `invalid content at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'unknown problem'}` };
  }
  const ids = new Set<string>();
  for (const p of parsed.data.profiles) {
    if (ids.has(p.id)) return { ok: false, reason: `two profiles share the id ${p.id}` };
    ids.add(p.id);
  }
  return { ok: true, file: parsed.data as ProfilesFile, migratedFrom: start === PROFILES_SCHEMA_VERSION ? null : start };
}
