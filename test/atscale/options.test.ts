// Bad options are refused before any request, with a message naming the field and the fix.
import { describe, expect, it } from 'vitest';
import { AtScaleError, createAtScaleClient, type AtScaleClientOptions } from '@core/atscale/index';

const good: AtScaleClientOptions = {
  apiUrl: 'https://atscale.example.com:10502',
  orgId: 'default',
  credentials: { kind: 'password', username: 'admin', password: 's3cret-pass' },
};

function refusal(options: AtScaleClientOptions): AtScaleError {
  try {
    createAtScaleClient(options);
  } catch (err) {
    expect(err).toBeInstanceOf(AtScaleError);
    expect((err as AtScaleError).kind).toBe('invalid-input');
    return err as AtScaleError;
  }
  throw new Error('expected invalid-input');
}

describe('client options', () => {
  it('accepts a well-formed profile', () => {
    const client = createAtScaleClient(good);
    expect(client.orgId).toBe('default');
    client.close();
  });

  it.each([
    [{ apiUrl: '' }, /API URL is empty/],
    [{ apiUrl: 'atscale.example.com' }, /not a valid URL.*https:\/\//],
    [{ apiUrl: 'ftp://atscale.example.com' }, /must start with https:\/\//],
    [{ apiUrl: 'https://admin:pw@atscale.example.com' }, /must not contain a user name or password/],
    [{ apiUrl: 'https://atscale.example.com/?x=1' }, /query/],
    [{ authUrl: 'nope' }, /sign-in \(Design Center\) URL/],
    [{ orgId: '  ' }, /org ID is empty/],
    [{ credentials: { kind: 'password', username: '', password: 'x' } }, /user name is empty/],
    [{ credentials: { kind: 'password', username: 'a:b', password: 'x' } }, /must not contain ":"/],
    [{ credentials: { kind: 'password', username: 'admin', password: '' } }, /password is empty/],
    [{ credentials: { kind: 'token', token: '' } }, /API token is empty/],
    [{ credentials: { kind: 'token', token: 'abc def' } }, /spaces or line breaks/],
    [{ timeoutMs: 0 }, /timeout must be between/],
    [{ caCert: '-----BEGIN CERTIFICATE-----\nnope\n-----END CERTIFICATE-----' }, /not a readable PEM certificate/],
    [{ retry: { attempts: 0 } }, /retry.attempts/],
  ] as [Partial<AtScaleClientOptions>, RegExp][])('refuses %j', (patch, message) => {
    const err = refusal({ ...good, ...patch });
    expect(err.message).toMatch(message);
    expect(err.message).not.toContain('s3cret-pass');
  });

  it('never echoes the password from a URL it refuses', () => {
    for (const apiUrl of ['https://admin:s3cret-pass@atscale.example.com', 'https://admin:s3cret-pass@exa mple.com']) {
      const err = refusal({ ...good, apiUrl });
      expect(err.message).toMatch(/API URL/);
      expect(err.message).not.toContain('s3cret-pass');
    }
  });
});
