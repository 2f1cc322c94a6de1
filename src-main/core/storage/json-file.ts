// Atomic JSON files in the data folder: write to a temp file, fsync, rename (write-file-atomic), so a
// crash mid-write leaves either the old or the new file. Unreadable files are moved aside, never deleted.
import type { Stats } from 'node:fs';
import { lstat, readFile, readdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';

export type JsonRead = { status: 'missing' } | { status: 'ok'; value: unknown } | { status: 'corrupt'; reason: string };

/** Far above any real profiles file or snapshot; a larger file is not read into memory at all. */
export const MAX_JSON_FILE_BYTES = 64 * 1024 * 1024;

export async function readJsonFile(path: string, maxBytes = MAX_JSON_FILE_BYTES): Promise<JsonRead> {
  let text: string;
  try {
    const { size } = await stat(path);
    if (size > maxBytes) return { status: 'corrupt', reason: `the file is ${Math.round(size / 1024 / 1024)} MB, far larger than this app ever writes` };
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'missing' };
    throw error;
  }
  try {
    return { status: 'ok', value: JSON.parse(text) as unknown };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { status: 'corrupt', reason: text.trim() === '' ? 'the file is empty' : `not valid JSON (${detail})` };
  }
}

/** Owner-only (0600): the data folder holds what the user's profiles look like. UTF-8 (write-file-atomic's default). */
export async function writeJsonAtomic(path: string, value: unknown): Promise<void> {
  // Stryker disable next-line BooleanLiteral: what fsync saves (the new bytes on disk before the rename) shows only after a power cut
  await writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600, fsync: true });
}

/** 'profiles.json' -> 'profiles.corrupt-2026-11-28T03-00-00-000Z.json' next to it; returns the new name. */
export async function moveAside(path: string, at: Date): Promise<string> {
  const name = basename(path);
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  let target = join(dirname(path), `${stem}.corrupt-${stamp}${ext}`);
  for (let n = 2; await taken(target); n += 1) target = join(dirname(path), `${stem}.corrupt-${stamp}-${n}${ext}`);
  await rename(path, target);
  return basename(target);
}

/** What already has that name (a dangling link counts), or undefined when the name is free. */
function taken(path: string): Promise<Stats | undefined> {
  return lstat(path).catch(() => undefined);
}

/**
 * write-file-atomic names its temp files `<file>.<number>`; a process killed mid-write leaves one behind.
 * They never hold the only copy of anything (the rename had not happened), so they are removed at start.
 */
export async function removeStaleTempFiles(path: string): Promise<void> {
  const prefix = `${basename(path)}.`;
  await removeMatching(dirname(path), (n) => n.startsWith(prefix) && /^\d+$/.test(n.slice(prefix.length)));
}

/** The same for every JSON file of one folder (snapshots/, the data folder itself): `<name>.json.<number>`. */
export async function removeStaleTempFilesIn(dir: string): Promise<void> {
  await removeMatching(dir, (n) => /^[^/\\]+\.json\.\d+$/.test(n));
}

async function removeMatching(dir: string, matches: (name: string) => boolean): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  await Promise.all(names.filter(matches).map((n) => unlink(join(dir, n)).catch(() => undefined)));
}
