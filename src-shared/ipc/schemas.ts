// Request schemas: main validates every request against these; the renderer is not trusted.
import { z } from 'zod';
import { ENVIRONMENT_KINDS } from '../domain';

export const id = z.string().min(1).max(128);
const httpUrl = z
  .string()
  .trim()
  .url({ message: 'must be a full URL such as https://atscale.example.com:10502' })
  .refine((u) => /^https?:\/\//i.test(u), { message: 'must start with https:// (or http:// for a local server)' });

/** C0/C1 control characters, line/paragraph separators and bidi overrides: they hide or reorder what a name shows. */
// eslint-disable-next-line no-control-regex
const HIDDEN_CHARS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex
const HIDDEN_CHARS_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** One line of visible text: names, labels and user names are shown, compared and sent as typed. */
const visibleLine = (s: string): boolean => !HIDDEN_CHARS.test(s);
const lineMessage = (field: string): { message: string } => ({ message: `${field} must not contain control characters or line breaks` });

/**
 * Why a value cannot be one segment of a URL path, or null when it can. A segment that is empty, `.`
 * or `..` vanishes or moves the request up a level; `/` `\` `?` `#` `%` split or re-encode it; spaces at
 * either end are invisible in the form. The org ID is such a segment in every AtScale request.
 */
export function pathSegmentProblem(value: string): string | null {
  if (value === '') return 'is required';
  if (value.trim() !== value) return 'starts or ends with a space';
  if (value === '.' || value === '..') return 'cannot be "." or ".."';
  if (HIDDEN_CHARS.test(value)) return 'contains a control character';
  if (/[/\\?#%]/.test(value)) return 'contains one of / \\ ? # %';
  return null;
}

const ORG_ID_ALLOWED =
  'Use the org ID exactly as AtScale shows it (e.g. default or a UUID): no spaces at either end, not "." or "..", and none of / \\ ? # % or control characters.';

export const orgIdSchema = z
  .string()
  .max(200)
  .superRefine((value, ctx) => {
    const problem = pathSegmentProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: `Org ID ${problem}. ${ORG_ID_ALLOWED}` });
  });

/** A profile's name, as saved, renamed or given to a copy. */
export const profileName = z.string().trim().min(1, 'Name is required').max(120).refine(visibleLine, lineMessage('Name'));

export const profileInputSchema = z.object({
  id: id.optional(),
  name: profileName,
  environment: z.object({
    kind: z.enum(ENVIRONMENT_KINDS),
    label: z.string().trim().min(1, 'Environment label is required').max(40).refine(visibleLine, lineMessage('Environment label')),
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Colour must look like #1f7a3a'),
  }),
  apiUrl: httpUrl,
  authUrl: httpUrl,
  orgId: orgIdSchema,
  signIn: z.enum(['password', 'token']),
  username: z.string().trim().max(200).refine(visibleLine, lineMessage('User name')),
  serverTimeZone: z.string().trim().min(1).max(64),
  caCertPath: z.string().trim().min(1).max(4096).refine(visibleLine, lineMessage('CA certificate path')).nullable(),
  notes: z
    .string()
    .max(4000)
    .refine((s) => !HIDDEN_CHARS_BUT_LINES.test(s), { message: 'Notes must not contain control characters (line breaks and tabs are fine)' }),
  healthGraceMinutes: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .optional(),
});
export type ProfileInput = z.input<typeof profileInputSchema>;

export const empty = z.object({}).strict();
export const secretStorage = z.enum(['keychain', 'memory']);
