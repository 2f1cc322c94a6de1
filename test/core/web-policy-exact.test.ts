// The exact Content-Security-Policy each page gets (production, development), what it lets a page do
// and what it forbids, which links leave the app, and which page URLs count as the app's own.
import { describe, expect, it } from 'vitest';
import { APP_HOST, APP_INDEX_URL, APP_ORIGIN, APP_SCHEME, isTrustedUrl } from '@core/web/app-origin';
import { CONTENT_SECURITY_POLICY, developmentCsp, externalHttpsUrl } from '@core/web/csp';

/** The policy as a browser reads it: directive name -> its source list, each directive once. */
function directives(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    expect(out.has(name!), `${name} appears twice`).toBe(false);
    out.set(name!, values);
  }
  return out;
}

describe('the production policy, word for word', () => {
  it('is exactly this header value', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; frame-src 'none'; worker-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it("allows the app's own scripts, styles, fonts, images (and data: images) and fetches only", () => {
    const policy = directives(CONTENT_SECURITY_POLICY);
    expect(Object.fromEntries(policy)).toEqual({
      'default-src': ["'none'"],
      'script-src': ["'self'"],
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:'],
      'font-src': ["'self'"],
      'connect-src': ["'self'"],
      'object-src': ["'none'"],
      'frame-src': ["'none'"],
      'worker-src': ["'none'"],
      'base-uri': ["'none'"],
      'form-action': ["'none'"],
      'frame-ancestors': ["'none'"],
    });
  });

  it('forbids inline and evaluated script, remote hosts, wildcards, frames, plugins, workers and form posts', () => {
    const policy = directives(CONTENT_SECURITY_POLICY);
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
    for (const [name, values] of policy) {
      for (const value of values) {
        expect(value, name).not.toMatch(/unsafe-eval|unsafe-hashes|wasm|strict-dynamic|^\*|^https?:|^wss?:|^blob:|^filesystem:/);
      }
    }
    for (const name of ['default-src', 'object-src', 'frame-src', 'worker-src', 'base-uri', 'form-action', 'frame-ancestors']) {
      expect(policy.get(name), name).toEqual(["'none'"]);
    }
  });
});

describe('the development policy, word for word', () => {
  it('is exactly this for an http dev server: its origin added where Vite needs it, its websocket to connect-src', () => {
    expect(developmentCsp('http://localhost:5173')).toBe(
      "default-src 'none'; script-src 'self' 'unsafe-inline' http://localhost:5173; style-src 'self' 'unsafe-inline' http://localhost:5173; " +
        "img-src 'self' data: http://localhost:5173; font-src 'self' http://localhost:5173; " +
        "connect-src 'self' http://localhost:5173 ws://localhost:5173; object-src 'none'; " +
        "frame-src 'none'; worker-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it('is exactly this for an https dev server (its websocket over wss), and still never allows eval or a wildcard', () => {
    const policy = developmentCsp('https://dev.example:8443');
    expect(policy).toBe(
      "default-src 'none'; script-src 'self' 'unsafe-inline' https://dev.example:8443; style-src 'self' 'unsafe-inline' https://dev.example:8443; " +
        "img-src 'self' data: https://dev.example:8443; font-src 'self' https://dev.example:8443; " +
        "connect-src 'self' https://dev.example:8443 wss://dev.example:8443; object-src 'none'; " +
        "frame-src 'none'; worker-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(policy).not.toMatch(/unsafe-eval|\*/);
  });

  it('names no host but the dev server: each source is a keyword, data: or that origin (or its websocket)', () => {
    const allowed = new Set(["'self'", "'none'", "'unsafe-inline'", 'data:', 'http://127.0.0.1:5173', 'ws://127.0.0.1:5173']);
    for (const [name, values] of directives(developmentCsp('http://127.0.0.1:5173'))) {
      for (const value of values) expect(allowed.has(value), `${name} ${value}`).toBe(true);
    }
  });
});

describe('links that leave the app (to the system browser)', () => {
  it.each([
    ['https://documentation.atscale.com/docs/maintenance?v=2#jobs', 'https://documentation.atscale.com/docs/maintenance?v=2#jobs'],
    ['https://example.com', 'https://example.com/'],
    ['https://example.com:8443/a b', 'https://example.com:8443/a%20b'],
    ['  https://example.com/x  ', 'https://example.com/x'],
  ])('opens %s as %s', (input, expected) => {
    expect(externalHttpsUrl(input)).toBe(expected);
  });

  it.each([
    ['http://example.com/', 'plain http'],
    ['wss://example.com/', 'a websocket'],
    ['file:///etc/passwd', 'a local file'],
    ['javascript:alert(1)', 'script'],
    ['app://renderer/index.html', "the app's own scheme"],
    ['https://user@example.com/', 'a user name'],
    ['https://:secret@example.com/', 'a password'],
    ['https://user:secret@example.com/', 'user and password'],
    ['', 'nothing'],
    ['https://', 'an https URL without a host'],
    ['not a url', 'no URL at all'],
  ])('refuses %s (%s)', (input) => {
    expect(externalHttpsUrl(input)).toBeNull();
  });
});

describe("the app's own pages", () => {
  it('are served from app://renderer/, starting at index.html', () => {
    expect([APP_SCHEME, APP_HOST, APP_ORIGIN, APP_INDEX_URL]).toEqual(['app', 'renderer', 'app://renderer', 'app://renderer/index.html']);
  });

  it.each([
    ['app://renderer/index.html', null],
    ['app://renderer/', null],
    ['app://renderer', null],
    ['APP://renderer/index.html', null],
    ['app://renderer/deep/path?q=1#frag', 'http://localhost:5173'],
  ])('trusts %s (dev server %s)', (url, devUrl) => {
    expect(isTrustedUrl(url, devUrl)).toBe(true);
  });

  it.each([
    ['app://renderer:8080/index.html', null, 'a port on the app host'],
    ['app://renderer.evil/index.html', null, 'another host'],
    ['app://evil.renderer/index.html', null, 'a sub-host'],
    ['app:///index.html', null, 'no host'],
    ['app:renderer/index.html', null, 'no authority'],
    ['app://user:pw@renderer/', null, 'credentials'],
    ['app://user@renderer/', null, 'a user name'],
    ['app://:pw@renderer/', null, 'a password'],
    ['app://evil/index.html', 'http://localhost:5173', 'another host, even with a dev server'],
    ['https://renderer/index.html', null, 'the host under https'],
    ['about:blank', null, 'a blank page'],
    ['data:text/html,<script>1</script>', null, 'a data page'],
    ['', null, 'nothing'],
    ['http://localhost:5173/', null, 'the dev server when none is configured'],
    ['http://localhost:5173/', 'http://127.0.0.1:5173', 'another host name for the same machine'],
    ['ws://localhost:5173/', 'http://localhost:5173', "the dev server's websocket scheme"],
    ['http://localhost.evil:5173/', 'http://localhost:5173', 'a look-alike host'],
  ])('refuses %s (dev server %s: %s)', (url: string, devUrl: string | null, _why: string) => {
    expect(isTrustedUrl(url, devUrl)).toBe(false);
  });

  it("trusts any page of the dev server's origin (scheme, host, port), whatever the path of either", () => {
    expect(isTrustedUrl('http://localhost:5173/@vite/client', 'http://localhost:5173/')).toBe(true);
    expect(isTrustedUrl('http://LOCALHOST:5173/x', 'http://localhost:5173/index.html?x=1')).toBe(true);
    expect(isTrustedUrl('http://localhost:80/', 'http://localhost')).toBe(true);
    expect(isTrustedUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
  });

  it.each([
    ['about:blank', 'file:///work/out/renderer/index.html'],
    ['data:text/html,<script>1</script>', 'file:///work/out/renderer/index.html'],
    ['file:///etc/passwd', 'file:///work/out/renderer/index.html'],
    ['javascript:alert(1)', 'custom://dev/'],
  ])('trusts no page by a dev URL without an origin of its own: %s (dev URL %s)', (url, devUrl) => {
    // Node gives file:, data:, about: and custom schemes the opaque origin "null": equal strings, but no two
    // opaque origins are the same origin, so a blank or data page must not pass for the dev server.
    expect(isTrustedUrl(url, devUrl)).toBe(false);
  });

  it('answers false (never throws) for an unreadable page or dev URL', () => {
    expect(isTrustedUrl('::::', 'http://localhost:5173')).toBe(false);
    expect(isTrustedUrl('http://localhost:5173/', '')).toBe(false);
    expect(isTrustedUrl('http://localhost:5173/', 'localhost:5173')).toBe(false);
  });
});
