// The browser harness answers only its own page: the token, the Host check, and static files stay inside out/renderer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './server';

let harness: Harness;
let token = '';
beforeAll(async () => {
  process.env['HARNESS_SECRETS'] = 'memory';
  harness = await startHarness({ seed: { profiles: 2, schedulesPerProfile: 3 } });
  const shim = await (await fetch(`${harness.url}__harness/api.js`)).text();
  token = /const token = "([0-9a-f]+)"/.exec(shim)?.[1] ?? '';
}, 120_000);
afterAll(async () => {
  await harness?.close();
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${harness.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('browser harness', () => {
  it('serves the built app with the api shim loaded before the app script', async () => {
    const html = await (await fetch(harness.url)).text();
    expect(html.indexOf('/__harness/api.js')).toBeGreaterThan(0);
    expect(html.indexOf('/__harness/api.js')).toBeLessThan(html.indexOf('type="module"'));
    expect(html).toContain("script-src 'self'");
    const page = await fetch(harness.url);
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const shim = await fetch(`${harness.url}__harness/api.js`);
    expect(shim.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(token).toMatch(/^[0-9a-f]{48}$/);
  });

  it('forwards contract calls to the real core with the token, and the seed is there', async () => {
    const res = await post('api/profiles:list', {}, { 'x-harness-token': token });
    const result = (await res.json()) as { ok: boolean; value: { name: string; orgId: string }[] };
    expect(result.ok).toBe(true);
    expect(result.value.map((p) => p.orgId).sort()).toEqual(['seed-org-01', 'seed-org-02']);
    const first = result.value[0] as unknown as { id: string };
    const list = (await (await post('api/schedules:list', { profileId: first.id }, { 'x-harness-token': token })).json()) as {
      ok: boolean;
      value: { schedules: unknown[]; source: string };
    };
    expect(list.ok).toBe(true);
    expect(list.value.source).toBe('live');
    expect(list.value.schedules).toHaveLength(3);
  });

  it('refuses calls without the token, with a wrong one, or from another origin', async () => {
    expect((await post('api/profiles:list', {})).status).toBe(403);
    expect((await post('api/profiles:list', {}, { 'x-harness-token': token.replace(/.$/, (c) => (c === '0' ? '1' : '0')) })).status).toBe(403);
    expect((await post('api/profiles:list', {}, { 'x-harness-token': token, origin: 'http://evil.example' })).status).toBe(403);
  });

  it('refuses a foreign Host header (DNS rebinding) and paths outside the build', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(harness.url, { headers: { host: 'evil.example:80' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(421);
    expect((await fetch(`${harness.url}..%2f..%2fpackage.json`)).status).toBe(403);
  });

  it('answers an unknown channel and a body that is not JSON with clear messages', async () => {
    const unknown = await post('api/nope', {}, { 'x-harness-token': token });
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('Unknown channel nope');
    const bad = await fetch(`${harness.url}api/profiles:list`, { method: 'POST', headers: { 'x-harness-token': token }, body: '{not json' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('must be JSON');
  });
});
