// Secrets inside an export file, encrypted under a passphrase the user chooses: the key comes from
// scrypt (N = 2^15, r = 8, p = 1, random 16-byte salt) and seals the secrets with AES-256-GCM (random
// 12-byte IV, 16-byte tag). The profile list is the GCM associated data, so a file whose URLs were edited
// (to send the secrets elsewhere) fails to open exactly like a wrong passphrase.
import { createCipheriv, createDecipheriv, randomBytes, scrypt, type ScryptOptions } from 'node:crypto';
import { z } from 'zod';
import { AppFailure } from '@core/errors';

export const KDF = { name: 'scrypt', N: 2 ** 15, r: 8, p: 1, keyLength: 32 } as const;
export const CIPHER = 'aes-256-gcm';
const IV_BYTES = 12;
const SALT_BYTES = 16;
/** Most N a file may ask for: a hostile file must not make the app spend gigabytes of memory. */
const MAX_N = 2 ** 20;
/** Most scrypt work a file may ask for, 128 * N * r * p bytes: 8 times this app's own (N and r at their bounds asked for 4 GiB). */
const MAX_KDF_WORK = 256 * 1024 * 1024;

/** One secret, by the index of its profile in the file's `profiles` list. */
export interface SealedEntry {
  index: number;
  secret: string;
  /** When an API token was saved or issued, so its age warning travels with it. */
  tokenSince?: string;
}

const b64 = z
  .string()
  .regex(/^[A-Za-z0-9+/]+=*$/)
  .max(10_000_000);
export const sealedSchema = z.object({
  kdf: z
    .object({
      name: z.literal('scrypt'),
      N: z
        .number()
        .int()
        .min(2 ** 14)
        .max(MAX_N),
      r: z.number().int().min(1).max(32),
      p: z.number().int().min(1).max(16),
      keyLength: z.literal(32),
      salt: b64,
    })
    .refine((k) => 128 * k.N * k.r * k.p <= MAX_KDF_WORK),
  cipher: z.object({ name: z.literal(CIPHER), iv: b64, tag: b64 }),
  data: b64,
});
export type Sealed = z.infer<typeof sealedSchema>;
const entriesSchema = z.array(z.object({ index: z.number().int().min(0), secret: z.string().min(1).max(8192), tokenSince: z.string().datetime().optional() }));

export async function seal(entries: readonly SealedEntry[], passphrase: string, associated: string): Promise<Sealed> {
  const salt = randomBytes(SALT_BYTES);
  const iv = randomBytes(IV_BYTES);
  const key = await deriveKey(passphrase, salt, KDF);
  const cipher = createCipheriv(CIPHER, key, iv);
  cipher.setAAD(Buffer.from(associated));
  const data = Buffer.concat([cipher.update(JSON.stringify(entries)), cipher.final()]);
  return {
    kdf: { ...KDF, salt: salt.toString('base64') },
    cipher: { name: CIPHER, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64') },
    data: data.toString('base64'),
  };
}

/** The secrets, or an invalid-input failure when the passphrase is wrong or the file was changed. */
export async function unseal(sealed: Sealed, passphrase: string, associated: string): Promise<SealedEntry[]> {
  const iv = Buffer.from(sealed.cipher.iv, 'base64');
  const tag = Buffer.from(sealed.cipher.tag, 'base64');
  if (iv.length !== IV_BYTES || tag.length !== 16)
    throw new AppFailure('invalid-input', 'The encrypted secrets in this file are damaged (wrong IV or tag length). Export them again.');
  // Settings scrypt itself refuses (an N that is not a power of two) are a damaged file too.
  const key = await deriveKey(passphrase, Buffer.from(sealed.kdf.salt, 'base64'), sealed.kdf).catch(() => {
    throw new AppFailure('invalid-input', 'The encrypted secrets in this file are damaged (key derivation settings scrypt refuses). Export them again.');
  });
  const decipher = createDecipheriv(CIPHER, key, iv);
  decipher.setAAD(Buffer.from(associated));
  decipher.setAuthTag(tag);
  let plain: string;
  try {
    plain = Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw new AppFailure(
      'invalid-input',
      'The passphrase is wrong, or the file was changed after it was exported: its secrets cannot be decrypted. Nothing was imported; check the passphrase and try again.',
    );
  }
  const parsed = entriesSchema.safeParse(JSON.parse(plain));
  if (!parsed.success) throw new AppFailure('invalid-input', 'The decrypted secrets are not in the expected form. Export them again with this app.');
  return parsed.data.map((e) => ({ index: e.index, secret: e.secret, ...(e.tokenSince ? { tokenSince: e.tokenSince } : {}) }));
}

function deriveKey(passphrase: string, salt: Buffer, params: { N: number; r: number; p: number; keyLength: number }): Promise<Buffer> {
  // scrypt needs 128 * N * r bytes and a little more; Node's default ceiling (32 MiB) is exactly N = 2^15, r = 8, so room is made.
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r };
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, params.keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}
