// The profiles file format: a schema version, migrations from older versions, and validation.
// Schema 3 keeps servers (what their orgs share) and profiles (one org on a server) apart; schema 2 (the
// app's first release) kept one flat record per profile and is migrated by grouping equal servers.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ENVIRONMENT_KINDS, type Profile } from '@shared/domain';
import { factorize, EMPTY_DOC, type StoredProfile, type StoredServer } from './server-model';

export const PROFILES_FILE = 'profiles.json';
export const PROFILES_SCHEMA_VERSION = 3;

const profileId = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/);
const environmentSchema = z.object({ kind: z.enum(ENVIRONMENT_KINDS), label: z.string() });

/** A schema 2 profile: the flat shape the app's first release stored (and every caller still sees). */
export const flatProfileSchema = z.object({
  id: profileId,
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

const serverSchema = z.object({
  id: profileId,
  apiUrl: z.string(),
  authUrl: z.string(),
  signIn: z.enum(['password', 'token']),
  username: z.string(),
  serverTimeZone: z.string().min(1),
  caCertPath: z.string().nullable(),
  environment: environmentSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
}) satisfies z.ZodType<StoredServer>;

const storedProfileSchema = z.object({
  id: profileId,
  serverId: profileId,
  name: z.string().min(1),
  color: z.string(),
  orgId: z.string().min(1),
  notes: z.string(),
  demo: z.boolean(),
  healthGraceMinutes: z.number().int().min(0).optional(),
  overrides: z
    .object({ environment: environmentSchema.optional(), serverTimeZone: z.string().min(1).optional(), caCertPath: z.string().nullable().optional() })
    .optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
}) satisfies z.ZodType<StoredProfile>;

const fileSchema = z.object({
  schemaVersion: z.literal(PROFILES_SCHEMA_VERSION),
  servers: z.array(serverSchema),
  profiles: z.array(storedProfileSchema),
});
const schema2Schema = z.object({ schemaVersion: z.literal(2), profiles: z.array(flatProfileSchema) });

export interface ProfilesFile {
  schemaVersion: typeof PROFILES_SCHEMA_VERSION;
  servers: StoredServer[];
  profiles: StoredProfile[];
}

type Json = Record<string, unknown>;
type Step = (data: Json) => Json | { invalid: string };

/**
 * version -> step to the next version. v1 (0.0.x previews) had no server time zone, CA or demo flag,
 * and kept the version under `version`. v2 -> v3 groups profiles into servers by URLs, sign-in method
 * and user; where orgs of one server differed (time zone, CA, environment) the first org's value is the
 * server's and the others keep theirs as overrides, so every profile reads back exactly as before.
 */
const MIGRATIONS: Record<number, Step> = {
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
  2: (data) => {
    const parsed = schema2Schema.safeParse(data);
    if (!parsed.success) return { invalid: issueOf(parsed.error) };
    const flat = parsed.data.profiles as Profile[];
    const stamp = new Date().toISOString();
    return { schemaVersion: 3, ...factorize(flat, EMPTY_DOC, stamp, randomUUID) };
  },
};

function versionOf(data: Json): number | null {
  const v = data['schemaVersion'] ?? data['version'];
  return Number.isInteger(v) ? (v as number) : null;
}

function issueOf(error: z.ZodError): string {
  const issue = error.issues[0];
  return `invalid content at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'unknown problem'}`;
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
    const next = step(data);
    if ('invalid' in next && typeof next['invalid'] === 'string') return { ok: false, reason: next['invalid'] };
    data = next as Json;
  }
  const parsed = fileSchema.safeParse(data);
  if (!parsed.success) return { ok: false, reason: issueOf(parsed.error) };
  const ids = new Set<string>();
  for (const p of parsed.data.profiles) {
    if (ids.has(p.id)) return { ok: false, reason: `two profiles share the id ${p.id}` };
    ids.add(p.id);
  }
  const serverIds = new Set(parsed.data.servers.map((s) => s.id));
  if (serverIds.size !== parsed.data.servers.length) return { ok: false, reason: 'two servers share an id' };
  const orphan = parsed.data.profiles.find((p) => !serverIds.has(p.serverId));
  if (orphan) return { ok: false, reason: `the profile ${orphan.id} names a server that is not in the file (${orphan.serverId})` };
  return { ok: true, file: parsed.data as ProfilesFile, migratedFrom: start === PROFILES_SCHEMA_VERSION ? null : start };
}
