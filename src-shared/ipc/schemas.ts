// Request schemas: main validates every request against these; the renderer is not trusted.
import { z } from 'zod';
import { ENVIRONMENT_KINDS } from '../domain';

export const id = z.string().min(1).max(128);
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
  healthGraceMinutes: z.number().int().min(0).max(7 * 24 * 60).optional(),
});
export type ProfileInput = z.input<typeof profileInputSchema>;

export const empty = z.object({}).strict();
export const secretStorage = z.enum(['keychain', 'memory']);
