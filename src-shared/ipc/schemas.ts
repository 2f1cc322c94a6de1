// Request schemas: main validates every request against these; the renderer is not trusted.
import { z } from 'zod';
import { ENVIRONMENT_KINDS } from '../domain';
import type { Channel } from './contract';

const id = z.string().min(1).max(128);
const httpUrl = z
  .string()
  .trim()
  .url({ message: 'must be a full URL such as https://atscale.example.com:10502' })
  .refine((u) => /^https?:\/\//i.test(u), { message: 'must start with https:// (or http:// for a local server)' });

export const profileInputSchema = z.object({
  id: id.optional(),
  name: z.string().trim().min(1, 'Name is required').max(120),
  environment: z.object({
    kind: z.enum(ENVIRONMENT_KINDS),
    label: z.string().trim().min(1, 'Environment label is required').max(40),
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Colour must look like #1f7a3a'),
  }),
  apiUrl: httpUrl,
  authUrl: httpUrl,
  orgId: z.string().trim().min(1, 'Org ID is required').max(200),
  signIn: z.enum(['password', 'token']),
  username: z.string().trim().max(200),
  serverTimeZone: z.string().trim().min(1).max(64),
  caCertPath: z.string().trim().min(1).max(4096).nullable(),
  notes: z.string().max(4000),
});
export type ProfileInput = z.input<typeof profileInputSchema>;

const empty = z.object({}).strict();
const secretStorage = z.enum(['keychain', 'memory']);

export const requestSchemas = {
  'app:info': empty,
  'profiles:list': empty,
  'profiles:save': z.object({ profile: profileInputSchema, secret: z.string().min(1).max(8192).optional(), secretStorage: secretStorage.optional() }).strict(),
  'profiles:duplicate': z.object({ id, name: z.string().trim().min(1).max(120).optional() }).strict(),
  'profiles:rename': z.object({ id, name: z.string().trim().min(1, 'Name is required').max(120) }).strict(),
  'profiles:delete': z.object({ id }).strict(),
  'profiles:export': z.object({ ids: z.array(id).max(10_000).optional() }).strict(),
  'profiles:import': z.object({ json: z.string().max(5_000_000) }).strict(),
  'secrets:set': z.object({ profileId: id, secret: z.string().min(1).max(8192), storage: secretStorage }).strict(),
  'secrets:clear': z.object({ profileId: id }).strict(),
  'connection:test': z.object({ profileId: id }).strict(),
  'schedules:list': z.object({ profileId: id }).strict(),
  'schedules:create': z.object({ profileId: id, orgId: z.string().min(1).max(200), timeExpression: z.string().min(1).max(500) }).strict(),
  'schedules:delete': z.object({ profileId: id, orgId: z.string().min(1).max(200), jobId: z.string().min(1).max(128) }).strict(),
  'audit:list': z.object({ profileId: id.optional(), limit: z.number().int().min(1).max(10_000).optional() }).strict(),
  'demo:start': empty,
} satisfies Record<Channel, z.ZodType>;
