// The trusted CA file that is not a plain local file: a pipe or a device is refused without being opened,
// a read that does not finish in time is given up with words that name a slow share, no read leaves a
// file open, and the editor shows the certificate's subject on one line.
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { closeSync, constants, openSync } from 'node:fs';
import { open, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { describe, expect, it } from 'vitest';
import { checkCaFile, readCaCert } from '@core/schedules/ca-file';
import { caFileFixture } from './helpers';

const files = caFileFixture('ca-limits-');

const notRegular = (path: string): string =>
  `The CA certificate file “${path}” is not a regular file (a pipe, socket or device). Check the path in the profile's "Trusted CA certificate" field (a PEM file, the "Base64" export).`;

describe('a CA file that is not a regular file', () => {
  it('is refused without waiting for a writer (a pipe) or reading a device', async () => {
    const fifo = join(files.dir, 'ca.fifo');
    execFileSync('mkfifo', [fifo]);
    await expect(readCaCert(fifo, 'invalid-input')).rejects.toMatchObject({ kind: 'invalid-input', message: notRegular(fifo) });
    await expect(readCaCert('/dev/zero')).rejects.toMatchObject({ kind: 'tls', message: notRegular('/dev/zero') });
  });
});

describe('a CA file that cannot be read in time', () => {
  it('is given up after the deadline, naming a slow share and what to do', async () => {
    const path = join(files.dir, 'slow.pem');
    await writeFile(path, files.pem);
    // Every file-system worker thread waits on a pipe nobody writes to: the file's stat queues behind
    // them, as it would behind a network share that stopped answering.
    const pipes = Array.from({ length: Number(process.env['UV_THREADPOOL_SIZE'] ?? 4) }, (_, n) => join(files.dir, `stall-${n}.fifo`));
    for (const p of pipes) execFileSync('mkfifo', [p]);
    const stalled = pipes.map((p) => open(p, 'r'));
    try {
      await expect(readCaCert(path, 'tls', 600)).rejects.toMatchObject({
        kind: 'tls',
        message: `The CA certificate file “${path}” could not be read within 1 s (a slow or disconnected network share?). Copy the certificate to a local folder and enter that copy's path in the profile's "Trusted CA certificate" field.`,
      });
    } finally {
      for (const p of pipes) closeSync(openSync(p, constants.O_WRONLY | constants.O_NONBLOCK));
      for (const handle of await Promise.all(stalled)) await handle.close();
    }
    expect(await readCaCert(path, 'tls', 600)).toBe(files.pem);
  });
});

describe('reading CA files', () => {
  it('leaves no file open, read or refused', async () => {
    const good = join(files.dir, 'good.pem');
    const text = join(files.dir, 'text.pem');
    await writeFile(good, files.pem);
    await writeFile(text, 'not a certificate');
    await readCaCert(good);
    const before = (await readdir('/proc/self/fd')).length;
    for (let n = 0; n < 10; n += 1) {
      await readCaCert(good);
      await readCaCert(text).catch(() => undefined);
    }
    expect((await readdir('/proc/self/fd')).length).toBeLessThanOrEqual(before);
  });

  it("shows the certificate's subject on one line, its parts separated by commas", async () => {
    const ca = await generate(
      [
        { name: 'organizationName', value: 'Example Corp' },
        { name: 'commonName', value: 'Example Root CA' },
      ],
      { keyType: 'ec', algorithm: 'sha256' },
    );
    const path = join(files.dir, 'subject.pem');
    await writeFile(path, ca.cert);
    const subject = new X509Certificate(ca.cert).subject;
    expect(subject).toContain('\n');
    expect(await checkCaFile(path)).toEqual({ ok: true, subject: subject.split('\n').join(', ') });
  });
});
