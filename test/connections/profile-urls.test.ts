// What the Host field fills in: what is typed is kept, defaults fill only what is missing.
import { describe, expect, it } from 'vitest';
import { defaultUrlsFromHost, parseTypedHost, serverKeyOf } from '@shared/profile-urls';

describe('URLs from a typed host', () => {
  it.each([
    ['atscale.example.com', 'https://atscale.example.com:10502', 'https://atscale.example.com:10500'],
    ['atscale.example.com:8443', 'https://atscale.example.com:8443', 'https://atscale.example.com:10500'],
    ['https://atscale.example.com:8443/engine/', 'https://atscale.example.com:8443/engine', 'https://atscale.example.com:10500'],
    ['http://localhost:9000', 'http://localhost:9000', 'http://localhost:10500'],
    ['atscale.example.com/engine', 'https://atscale.example.com:10502/engine', 'https://atscale.example.com:10500'],
    ['[::1]:4510', 'https://[::1]:4510', 'https://[::1]:10500'],
  ])('%s', (input, apiUrl, authUrl) => {
    expect(defaultUrlsFromHost(input)).toEqual({ apiUrl, authUrl });
  });

  it.each(['', 'atscale.example.com:0', 'atscale.example.com:70000', 'ftp://host', 'has space.com', 'https://'])('rejects %j', (input) => {
    expect(defaultUrlsFromHost(input)).toBeNull();
  });

  it('says which parts were typed', () => {
    expect(parseTypedHost('atscale.example.com')).toEqual({ scheme: 'https', schemeTyped: false, host: 'atscale.example.com', port: null, path: null });
    expect(parseTypedHost('http://h:81/a')).toEqual({ scheme: 'http', schemeTyped: true, host: 'h', port: 81, path: '/a' });
  });

  it('keys a typed port as its own server, and the default port as the same server', () => {
    const typed = defaultUrlsFromHost('atscale.example.com:8443');
    expect(typed && serverKeyOf(typed.apiUrl)).toBe('atscale.example.com:8443');
    expect(serverKeyOf('https://ATSCALE.example.com:10502/x')).toBe(serverKeyOf('https://atscale.example.com:10502'));
  });
});
