// The audit log as a user finds it: every write on a line of its own (torn lines lose only themselves),
// newest first, per profile, an owner-only file, and the newest records read from the end of a log that
// has grown past what is read at once.
import { appendFile, mkdir, readdir, readFile, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUDIT_FILE, createAuditLog } from '@core/storage/audit-log';
import type { AuditEntry } from '@shared/domain';
import { removeDir, tempDir } from './helpers';

let dir: string;
beforeEach(async () => {
  dir = await tempDir('audit-log-');
});
afterEach(async () => {
  await removeDir(dir);
});

const entry = (n: number, profileId = 'p1'): AuditEntry => ({
  at: `2026-11-${String(n).padStart(2, '0')}T00:00:00.000Z`,
  profileId,
  profileName: 'Sales dev',
  orgId: 'default',
  action: 'create',
  jobId: `j${n}`,
  timeExpression: '0 0 1 ? * THU *',
  outcome: 'ok',
  error: null,
  resolution: null,
});
const file = (): string => join(dir, AUDIT_FILE);
const line = (e: AuditEntry): string => `${JSON.stringify(e)}\n`;
/** The log's size in what reading it takes at most from the end. */
const TAIL_BYTES = 16 * 1024 * 1024;

describe('appending', () => {
  it('writes one line per record in order, to an owner-only file in a data folder it creates', async () => {
    const log = createAuditLog(join(dir, 'data'));
    await Promise.all([log.append(entry(1)), log.append(entry(2)), log.append(entry(3))]);
    const path = join(dir, 'data', AUDIT_FILE);
    expect(await readFile(path, 'utf8')).toBe(line(entry(1)) + line(entry(2)) + line(entry(3)));
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('starts on a fresh line after a torn one, and adds no blank line to an empty file', async () => {
    await writeFile(file(), '');
    const log = createAuditLog(dir);
    await log.append(entry(1));
    expect(await readFile(file(), 'utf8')).toBe(line(entry(1)));
    await appendFile(file(), '{"at":"torn');
    await log.append(entry(2));
    expect(await readFile(file(), 'utf8')).toBe(`${line(entry(1))}{"at":"torn\n${line(entry(2))}`);
    expect(await log.read({})).toEqual({ entries: [entry(2), entry(1)], skipped: 1 });
  });

  it('keeps appending after one append failed', async () => {
    await mkdir(file());
    const log = createAuditLog(dir);
    await expect(log.append(entry(1))).rejects.toMatchObject({ code: 'EISDIR' });
    await removeDir(file());
    await log.append(entry(2));
    expect(await log.list({})).toEqual([entry(2)]);
  });
});

describe('reading', () => {
  it('lists newest first, up to the limit, for one profile or all', async () => {
    const log = createAuditLog(dir);
    for (const [n, p] of [
      [1, 'p1'],
      [2, 'p2'],
      [3, 'p1'],
      [4, 'p1'],
    ] as const)
      await log.append(entry(n, p));
    expect((await log.list({})).map((e) => e.jobId)).toEqual(['j4', 'j3', 'j2', 'j1']);
    expect((await log.list({ profileId: 'p1' })).map((e) => e.jobId)).toEqual(['j4', 'j3', 'j1']);
    expect((await log.list({ profileId: 'p2' })).map((e) => e.jobId)).toEqual(['j2']);
    expect((await log.list({ limit: 2 })).map((e) => e.jobId)).toEqual(['j4', 'j3']);
  });

  it('is empty before the first write, skips blank lines silently, and fails on a log it cannot read', async () => {
    const log = createAuditLog(dir);
    expect(await log.read({})).toEqual({ entries: [], skipped: 0 });
    await writeFile(file(), `  \n${line(entry(1))}\t\n\n`);
    expect(await log.read({})).toEqual({ entries: [entry(1)], skipped: 0 });
    await removeDir(file());
    await mkdir(file());
    await expect(log.read({})).rejects.toMatchObject({ code: 'EISDIR' });
  });

  it('reads only the end of a log larger than it reads at once, from its first whole line', async () => {
    // A sparse hole stands for years of older records: nothing that size is written.
    await writeFile(file(), line(entry(1)));
    await truncate(file(), TAIL_BYTES + 1000);
    await appendFile(file(), `\n${line(entry(2))}${line(entry(3))}`);
    expect(await createAuditLog(dir).read({})).toEqual({ entries: [entry(3), entry(2)], skipped: 0 });
  });

  it('reads all of a log exactly as large as it reads at once', async () => {
    const last = `\n${line(entry(2))}`;
    await writeFile(file(), line(entry(1)));
    await truncate(file(), TAIL_BYTES - Buffer.byteLength(last));
    await appendFile(file(), last);
    expect((await stat(file())).size).toBe(TAIL_BYTES);
    // The hole reads as one line of NULs: skipped, while the first record is still read.
    expect(await createAuditLog(dir).read({})).toEqual({ entries: [entry(2), entry(1)], skipped: 1 });
  });

  it('leaves no file open after appending and reading', async () => {
    const log = createAuditLog(dir);
    await log.append(entry(1));
    const before = (await readdir('/proc/self/fd')).length;
    for (let n = 2; n < 12; n += 1) {
      await log.append(entry(n));
      await log.read({});
    }
    expect((await readdir('/proc/self/fd')).length).toBeLessThanOrEqual(before);
  });
});
