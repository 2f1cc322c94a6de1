// The trusted CA file of a profile: only a regular file of bounded size, read with a deadline and
// checked to be a PEM certificate. A FIFO, a device, a directory, a huge file or a stalled network
// share is refused with words that name the path, never read into memory or waited on forever.
import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { X509Certificate } from 'node:crypto';
import { isAbsolute } from 'node:path';
import type { ErrorKind } from '@shared/domain';
import type { CaFileCheck } from '@shared/ipc/channels/profiles';
import { AppFailure, quote } from '@core/errors';

export const MAX_CA_FILE_BYTES = 1024 * 1024;
export const CA_READ_TIMEOUT_MS = 5000;
const PEM_BEGIN = '-----BEGIN CERTIFICATE-----';

/** The file's PEM text; otherwise an AppFailure of `kind` (invalid-input at save, tls when connecting). */
export async function readCaCert(path: string, kind: ErrorKind = 'tls', timeoutMs = CA_READ_TIMEOUT_MS): Promise<string> {
  const shown = quote(path, 120);
  const refuse = (why: string, todo = 'Check the path in the profile\'s "Trusted CA certificate" field (a PEM file, the "Base64" export).'): never => {
    throw new AppFailure(kind, `The CA certificate file ${shown} ${why}. ${todo}`);
  };
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      try {
        refuse(
          `could not be read within ${Math.round(timeoutMs / 1000)} s (a slow or disconnected network share?)`,
          'Copy the certificate to a local folder and enter that copy\'s path in the profile\'s "Trusted CA certificate" field.',
        );
      } catch (error) {
        reject(error as Error);
      }
    }, timeoutMs);
    timer.unref();
  });
  // Stryker disable BlockStatement: the timer is unref'd and a late rejection lands on a settled race; clearing it only frees it sooner
  try {
    return await Promise.race([readBounded(path, refuse), deadline]);
  } finally {
    clearTimeout(timer);
  }
  // Stryker restore BlockStatement
}

async function readBounded(path: string, refuse: (why: string, todo?: string) => never): Promise<string> {
  // A relative path would be read against wherever the app happened to be started from.
  if (!isAbsolute(path))
    return refuse('is not a full path', 'Enter its full path (starting with / or a drive letter) in the profile\'s "Trusted CA certificate" field.');
  let info;
  try {
    // stat, not open, first: opening a FIFO for reading would wait for a writer.
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    return refuse(code === 'ENOENT' ? 'does not exist' : `cannot be read (${code})`);
  }
  if (info.isDirectory()) return refuse('is a folder, not a file');
  // Stryker disable next-line ConditionalExpression: the check after opening refuses the same files; this one keeps a device from being opened at all
  if (!info.isFile()) return refuse('is not a regular file (a pipe, socket or device)');
  if (info.size > MAX_CA_FILE_BYTES) return refuse(`is ${(info.size / 1024 / 1024).toFixed(1)} MB; a CA certificate file is a few kB (at most 1 MB is read)`);
  let handle;
  try {
    // O_NONBLOCK: if the path was swapped for a FIFO since the stat, opening it still returns at once.
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return refuse(`cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
  try {
    const again = await handle.stat();
    // Stryker disable next-line ConditionalExpression: only a path swapped for a pipe between the stat and the open gets here
    if (!again.isFile()) return refuse('is not a regular file (a pipe, socket or device)');
    const buffer = Buffer.alloc(MAX_CA_FILE_BYTES + 1);
    let length = 0;
    // Stryker disable next-line EqualityOperator: a read of 0 bytes at the end answers 0 and stops the loop just the same
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    // Stryker disable next-line ConditionalExpression: only a file that grew past 1 MB between the stat and the read gets here
    if (length > MAX_CA_FILE_BYTES) return refuse('is larger than 1 MB; a CA certificate file is a few kB');
    const text = buffer.subarray(0, length).toString('utf8');
    if (!text.includes(PEM_BEGIN))
      return refuse(`is not a PEM certificate (no "${PEM_BEGIN}" line)`, 'Export the CA certificate as PEM (Base64) and choose that file.');
    return text;
  } finally {
    await handle.close();
  }
}

/** What the profile editor shows when a CA file is chosen: its subject, or why it cannot be used. */
export async function checkCaFile(path: string): Promise<CaFileCheck> {
  try {
    return { ok: true, subject: await assertCaFile(path) };
  } catch (error) {
    // Stryker disable next-line ConditionalExpression: the file checks fail only with AppFailure; anything else is a bug to surface
    if (error instanceof AppFailure) return { ok: false, message: error.message };
    throw error;
  }
}

/** The certificate's subject; throws invalid-input unless the file holds a certificate node can parse. */
export async function assertCaFile(path: string): Promise<string> {
  const pem = await readCaCert(path, 'invalid-input');
  try {
    return new X509Certificate(pem).subject.replace(/\n/g, ', ');
  } catch {
    throw new AppFailure(
      'invalid-input',
      `The CA certificate file ${quote(path, 120)} has a "${PEM_BEGIN}" line but no certificate that can be read. Export the CA certificate as PEM (Base64) again.`,
    );
  }
}
