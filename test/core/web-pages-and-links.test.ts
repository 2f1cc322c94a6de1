// Which pages count as the app's own (IPC senders and navigations are checked against it), the policy the
// development renderer runs under, and which links may leave the app: each rule decided by its answer.
import { describe, expect, it } from 'vitest';
import { isTrustedUrl } from '@core/web/app-origin';
import { CONTENT_SECURITY_POLICY, developmentCsp, externalHttpsUrl } from '@core/web/csp';

const directives = (policy: string): Record<string, string[]> =>
  Object.fromEntries(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values]),
  );

describe("the app's own pages", () => {
  it.each([
    ['app://user@renderer/index.html', 'a user name'],
    ['app://:secret@renderer/index.html', 'a password only'],
  ])('refuses %s (%s before the host)', (url) => {
    expect(isTrustedUrl(url, null)).toBe(false);
  });

  it('trusts no dev server when the configured dev URL is unreadable, and an app page still', () => {
    expect(isTrustedUrl('http://localhost:5173/', 'not a url')).toBe(false);
    expect(isTrustedUrl('app://renderer/index.html', 'not a url')).toBe(true);
  });

  it('trusts the dev server over https too, by its origin and never by its path', () => {
    expect(isTrustedUrl('https://localhost:5173/src/App.tsx', 'https://localhost:5173/ignored/path')).toBe(true);
    expect(isTrustedUrl('http://localhost:5173/', 'https://localhost:5173')).toBe(false);
  });
});

describe('the development policy', () => {
  it('adds only the dev server (and its websocket) to the production policy, directive by directive', () => {
    const dev = directives(developmentCsp('http://localhost:5173'));
    expect(dev).toEqual({
      'default-src': ["'none'"],
      'script-src': ["'self'", "'unsafe-inline'", 'http://localhost:5173'],
      'style-src': ["'self'", "'unsafe-inline'", 'http://localhost:5173'],
      'img-src': ["'self'", 'data:', 'http://localhost:5173'],
      'font-src': ["'self'", 'http://localhost:5173'],
      'connect-src': ["'self'", 'http://localhost:5173', 'ws://localhost:5173'],
      'object-src': ["'none'"],
      'frame-src': ["'none'"],
      'worker-src': ["'none'"],
      'base-uri': ["'none'"],
      'form-action': ["'none'"],
      'frame-ancestors': ["'none'"],
    });
    const prod = directives(CONTENT_SECURITY_POLICY);
    for (const name of ['object-src', 'frame-src', 'worker-src', 'base-uri', 'form-action', 'frame-ancestors']) expect(dev[name]).toEqual(prod[name]);
  });

  it('reaches an https dev server over wss', () => {
    expect(directives(developmentCsp('https://dev.local:5173'))['connect-src']).toEqual(["'self'", 'https://dev.local:5173', 'wss://dev.local:5173']);
  });
});

describe('links that leave the app', () => {
  it.each([
    ['https://documentation.atscale.com/page?q=1#part', 'https://documentation.atscale.com/page?q=1#part'],
    ['HTTPS://Example.COM', 'https://example.com/'],
    ['https://user@example.com/', null],
    ['https://:pw@example.com/', null],
    ['ftp://example.com/', null],
    ['data:text/html,<script>alert(1)</script>', null],
  ])('%s -> %s', (input, expected) => {
    expect(externalHttpsUrl(input)).toBe(expected);
  });
});
