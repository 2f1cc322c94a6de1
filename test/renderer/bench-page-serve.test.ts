// The bench page's server: files are revalidated on every load (so Chromium can reuse the code it
// compiled, as the app's codeCache scheme lets it), a rebuilt file is never answered from a stale
// copy, and 'no-store' makes every load fetch and compile afresh.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { servePage } from '../../bench/renderer-page/serve-page';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bench-page-'));
  await writeFile(join(dir, 'app.js'), 'export const v = 1;');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function get(url: string, etag?: string): Promise<{ status: number; etag: string | null; cache: string | null; body: string }> {
  const res = await fetch(url, { headers: etag ? { 'if-none-match': etag } : {} });
  return { status: res.status, etag: res.headers.get('etag'), cache: res.headers.get('cache-control'), body: await res.text() };
}

describe('bench page server', () => {
  it('answers an unchanged file 304 and a rebuilt one in full, never from a stale copy', async () => {
    const served = await servePage(dir);
    try {
      const first = await get(`${served.url}app.js`);
      expect(first).toMatchObject({ status: 200, cache: 'no-cache', body: 'export const v = 1;' });
      expect((await get(`${served.url}app.js`, first.etag ?? '')).status).toBe(304);
      await writeFile(join(dir, 'app.js'), 'export const v = 2;');
      const rebuilt = await get(`${served.url}app.js`, first.etag ?? '');
      expect(rebuilt).toMatchObject({ status: 200, body: 'export const v = 2;' });
      expect(rebuilt.etag).not.toBe(first.etag);
    } finally {
      await served.close();
    }
  });

  it('no-store sends every file in full with nothing to revalidate', async () => {
    const served = await servePage(dir, 'no-store');
    try {
      const res = await get(`${served.url}app.js`, '"anything"');
      expect(res).toMatchObject({ status: 200, etag: null, cache: 'no-store', body: 'export const v = 1;' });
    } finally {
      await served.close();
    }
  });

  it('immutable caches only the hashed files under /assets/ for a year; the page itself is revalidated', async () => {
    const { mkdir } = await import('node:fs/promises');
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'assets', 'app-1a2b.js'), 'export const v = 3;');
    await writeFile(join(dir, 'index.html'), '<!doctype html>');
    const served = await servePage(dir, 'immutable');
    try {
      expect(await get(`${served.url}assets/app-1a2b.js`)).toMatchObject({
        status: 200,
        cache: 'public, max-age=31536000, immutable',
        body: 'export const v = 3;',
      });
      expect(await get(served.url)).toMatchObject({ status: 200, cache: 'no-cache', body: '<!doctype html>' });
    } finally {
      await served.close();
    }
  });
});
