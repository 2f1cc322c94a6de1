// The trusted CA file: what is accepted (a PEM file up to 1 MB), and the words and kind of each refusal
// (invalid-input when the profile is saved, tls when a stored path no longer works at connect time).
import { describe, expect, it } from 'vitest';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MAX_CA_FILE_BYTES, assertCaFile, checkCaFile, readCaCert } from '@core/schedules/ca-file';
import { caFileFixture } from './helpers';

const files = caFileFixture('ca-file-');

describe('reading the CA file', () => {
  it('returns the PEM text of a certificate file, and the subject for the editor', async () => {
    const path = join(files.dir, 'ca.pem');
    await writeFile(path, files.pem);
    expect(await readCaCert(path)).toBe(files.pem);
    const check = await checkCaFile(path);
    expect(check).toEqual({ ok: true, subject: expect.stringMatching(/CN=/) });
    expect(check.ok && check.subject).not.toMatch(/\n/);
  });

  it('accepts exactly 1 MB and refuses one byte more, saying how big it is', async () => {
    const exact = join(files.dir, 'exact.pem');
    const body = `${files.pem}\n`;
    await writeFile(exact, body + ' '.repeat(MAX_CA_FILE_BYTES - Buffer.byteLength(body)));
    expect((await readCaCert(exact)).length).toBe(MAX_CA_FILE_BYTES);
    const over = join(files.dir, 'over.pem');
    await writeFile(over, body + ' '.repeat(MAX_CA_FILE_BYTES + 1 - Buffer.byteLength(body)));
    await expect(readCaCert(over)).rejects.toMatchObject({
      kind: 'tls',
      message: `The CA certificate file “${over}” is 1.0 MB; a CA certificate file is a few kB (at most 1 MB is read). Check the path in the profile's "Trusted CA certificate" field (a PEM file, the "Base64" export).`,
    });
  });

  it('refuses with the kind of the moment: tls when connecting, invalid-input when saving', async () => {
    const missing = join(files.dir, 'missing.pem');
    await expect(readCaCert(missing)).rejects.toMatchObject({
      kind: 'tls',
      message: `The CA certificate file “${missing}” does not exist. Check the path in the profile's "Trusted CA certificate" field (a PEM file, the "Base64" export).`,
    });
    await expect(assertCaFile(missing)).rejects.toMatchObject({ kind: 'invalid-input' });
    await expect(readCaCert('relative/ca.pem', 'invalid-input')).rejects.toMatchObject({
      kind: 'invalid-input',
      message:
        'The CA certificate file “relative/ca.pem” is not a full path. Enter its full path (starting with / or a drive letter) in the profile\'s "Trusted CA certificate" field.',
    });
  });

  it('names an unreadable file by its error code, and a folder as a folder', async () => {
    const folder = join(files.dir, 'folder');
    await mkdir(folder);
    await expect(readCaCert(folder)).rejects.toMatchObject({ message: expect.stringContaining(`“${folder}” is a folder, not a file.`) });
    const inside = join(files.dir, 'ca.pem', 'below');
    await expect(readCaCert(inside)).rejects.toMatchObject({ message: expect.stringContaining(`“${inside}” cannot be read (ENOTDIR).`) });
  });

  it('tells a PEM-looking file without a readable certificate apart from a file that is not PEM at all', async () => {
    const broken = join(files.dir, 'broken.pem');
    await writeFile(broken, '-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n');
    expect(await checkCaFile(broken)).toEqual({
      ok: false,
      message: `The CA certificate file “${broken}” has a "-----BEGIN CERTIFICATE-----" line but no certificate that can be read. Export the CA certificate as PEM (Base64) again.`,
    });
    await expect(assertCaFile(broken)).rejects.toMatchObject({ kind: 'invalid-input' });
    const text = join(files.dir, 'text.pem');
    await writeFile(text, 'hello');
    expect(await checkCaFile(text)).toEqual({
      ok: false,
      message: `The CA certificate file “${text}” is not a PEM certificate (no "-----BEGIN CERTIFICATE-----" line). Export the CA certificate as PEM (Base64) and choose that file.`,
    });
  });
});
