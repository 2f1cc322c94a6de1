// Default API and Design Center URLs from one host (the profile form and main both use this helper).
import { describe, expect, it } from 'vitest';
import { defaultUrlsFromHost } from '@shared/profile-urls';

describe('default URLs from one host', () => {
  it.each([
    ['atscale.example.com', 'https://atscale.example.com:10502', 'https://atscale.example.com:10500'],
    ['https://atscale.example.com', 'https://atscale.example.com:10502', 'https://atscale.example.com:10500'],
    ['http://localhost:9000/some/path', 'http://localhost:9000/some/path', 'http://localhost:10500'],
    ['  10.0.0.5  ', 'https://10.0.0.5:10502', 'https://10.0.0.5:10500'],
    ['[::1]', 'https://[::1]:10502', 'https://[::1]:10500'],
  ])('%s', (input, apiUrl, authUrl) => {
    expect(defaultUrlsFromHost(input)).toEqual({ apiUrl, authUrl });
  });
  it.each(['', 'ftp://host', 'has space.com', 'https://', '-bad-.com'])('rejects %j', (input) => {
    expect(defaultUrlsFromHost(input)).toBeNull();
  });
});
