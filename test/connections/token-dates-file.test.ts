// The token dates file itself: what was saved is read back after a restart; a file that is not JSON or
// has the wrong shape is kept aside and the dates start afresh; a copy carries the dates (and a copy of an
// unknown account none); the server's issue date keeps when the token was saved; forgetting removes it.
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTokenDates, TOKEN_DATES_FILE } from '@core/connections/token-dates';
import { removeDir, tempDir } from './helpers';

const NOW = new Date('2026-11-28T12:00:00.000Z');
let dir: string | undefined;
afterEach(async () => {
  if (dir) await removeDir(dir);
  dir = undefined;
});

async function folder(): Promise<string> {
  dir = await tempDir('token-dates-');
  return dir;
}

describe('the token dates file', () => {
  it('reads back after a restart what was saved, issued, copied and forgotten', async () => {
    const d = await folder();
    const first = openTokenDates(d, () => NOW);
    await first.saved('server:a', NOW);
    await first.issued('server:a', '2026-11-01T00:00:00.000Z', '2027-01-30T00:00:00.000Z');
    await first.issued('server:b', '2026-10-01T00:00:00.000Z', null);
    await first.copy('server:a', 'org:c');
    await first.copy('server:unknown', 'org:d');
    await first.saved('server:gone', NOW);
    await first.forget('server:gone');
    const again = openTokenDates(d, () => NOW);
    expect(await again.get('server:a')).toEqual({ savedAt: NOW.toISOString(), issuedAt: '2026-11-01T00:00:00.000Z', expiresAt: '2027-01-30T00:00:00.000Z' });
    expect(await again.get('server:b')).toEqual({ issuedAt: '2026-10-01T00:00:00.000Z' });
    expect(await again.get('org:c')).toEqual(await again.get('server:a'));
    expect(await again.get('org:d')).toBeUndefined();
    expect(await again.get('server:gone')).toBeUndefined();
  });

  it.each([
    ['not JSON', '{ "version": 1, "tokens": '],
    ['of the wrong shape', JSON.stringify({ version: 1, tokens: { 'server:a': { savedAt: 'yesterday' } } })],
    ['of another version', JSON.stringify({ version: 2, tokens: {} })],
  ])('that is %s is kept aside, and the dates start afresh', async (_what, content) => {
    const d = await folder();
    const path = join(d, TOKEN_DATES_FILE);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
    const store = openTokenDates(d, () => NOW);
    expect(await store.get('server:a')).toBeUndefined();
    const kept = (await readdir(dirname(path))).filter((f) => f !== 'token-dates.json');
    expect(kept).toHaveLength(1);
    await store.saved('server:a', NOW);
    expect(await openTokenDates(d, () => NOW).get('server:a')).toEqual({ savedAt: NOW.toISOString() });
  });
});
