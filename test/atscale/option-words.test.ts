// Contract: a refused option is named in whole words a user can act on (compared whole), the limits sit
// exactly where the messages say, and what is accepted is used as typed (trimmed) on the wire.
import { afterEach, describe, expect, it } from 'vitest';
import { AtScaleError, createAtScaleClient, pathSegmentProblem, type AtScaleClientOptions } from '@core/atscale/index';
import { answerLikeAtScale, startRawServer, type RawServer } from './raw-server';

const good: AtScaleClientOptions = {
  apiUrl: 'https://atscale.example.com:10502',
  orgId: 'default',
  credentials: { kind: 'password', username: 'admin', password: 's3cret-pass' },
};

function refusal(patch: Partial<AtScaleClientOptions>): string {
  try {
    createAtScaleClient({ ...good, ...patch }).close();
  } catch (err) {
    expect(err).toBeInstanceOf(AtScaleError);
    expect((err as AtScaleError).kind).toBe('invalid-input');
    return (err as AtScaleError).message;
  }
  return 'accepted';
}

const TOKEN_ADVICE = 'Paste the token again, exactly as Design Center shows it.';

describe('refusals, word for word', () => {
  it.each([
    [{ apiUrl: '  ' }, 'The API URL is empty. Enter the server address, e.g. https://atscale.example.com:10502.'],
    [{ apiUrl: 'not a url' }, 'The API URL "not a url" is not a valid URL. Enter it with its scheme, e.g. https://atscale.example.com:10502.'],
    [{ apiUrl: 'user@host' }, 'The API URL is not a valid URL. Enter it with its scheme, e.g. https://atscale.example.com:10502.'],
    [{ apiUrl: 'file:///etc/hosts' }, 'The API URL must start with https:// (or http:// for a local test server), not file://.'],
    [
      { apiUrl: 'https://admin@example.com' },
      "The API URL must not contain a user name or password; enter the credentials in the profile's sign-in fields instead.",
    ],
    [
      { apiUrl: 'https://:pw@example.com' },
      "The API URL must not contain a user name or password; enter the credentials in the profile's sign-in fields instead.",
    ],
    [{ apiUrl: 'https://example.com/#top' }, 'The API URL must not contain a query (?) or fragment (#); enter just the server address.'],
    [{ authUrl: 'ftp://dc.example.com' }, 'The sign-in (Design Center) URL must start with https:// (or http:// for a local test server), not ftp://.'],
    [
      { orgId: 'x'.repeat(201) },
      'The org ID is longer than 200 characters. Enter the AtScale organization ID exactly as Design Center shows it, e.g. "default".',
    ],
    [{ orgId: 'a\u007fb' }, 'The org ID contains control characters. Enter the AtScale organization ID exactly as Design Center shows it, e.g. "default".'],
    [
      { orgId: 'sales\u202e' },
      'The org ID contains invisible or text-direction characters. Enter the AtScale organization ID exactly as Design Center shows it, e.g. "default".',
    ],
    [
      { orgId: '..' },
      'The org ID cannot be ".." (a URL path would drop or climb over it). Enter the AtScale organization ID exactly as Design Center shows it, e.g. "default".',
    ],
    [
      { orgId: 'a\\b' },
      'The org ID "a\\b" cannot contain "\\" (it would change the request\'s path). Enter the AtScale organization ID exactly as Design Center shows it, e.g. "default".',
    ],
    [{ credentials: { kind: 'password', username: '  ', password: 'x' } }, 'The user name is empty. Enter the AtScale user name.'],
    [{ credentials: { kind: 'password', username: 'a:b', password: 'x' } }, 'The user name must not contain ":" (HTTP Basic sign-in cannot carry it).'],
    [{ credentials: { kind: 'password', username: 'admin', password: '' } }, 'The password is empty. Enter the password, or use an API token instead.'],
    [{ credentials: { kind: 'token', token: '  ' } }, 'The API token is empty. Generate one in Design Center (profile icon, API Token).'],
    [{ credentials: { kind: 'token', token: 'abc\u0007def' } }, `The API token contains spaces or line breaks. ${TOKEN_ADVICE}`],
    [{ credentials: { kind: 'token', token: 'abc\u007fdef' } }, `The API token contains spaces or line breaks. ${TOKEN_ADVICE}`],
    [{ credentials: { kind: 'token', token: 'tökén' } }, `The API token contains characters a token never has (outside visible ASCII). ${TOKEN_ADVICE}`],
    [{ credentials: { kind: 'nope' } as never }, "The credentials are missing: give { kind: 'password', username, password } or { kind: 'token', token }."],
    [{ timeoutMs: 600_001 }, 'The timeout must be between 1 ms and 600000 ms (10 minutes), not 600001.'],
    [{ timeoutMs: Number.NaN }, 'The timeout must be between 1 ms and 600000 ms (10 minutes), not NaN.'],
    [{ timeoutMs: -1 }, 'The timeout must be between 1 ms and 600000 ms (10 minutes), not -1.'],
    [{ retry: { attempts: 11 } }, 'retry.attempts must be a whole number from 1 to 10.'],
    [{ retry: { attempts: 1.5 } }, 'retry.attempts must be a whole number from 1 to 10.'],
    [{ retry: { baseDelayMs: -1 } }, 'retry delays must not be negative.'],
    [{ retry: { maxDelayMs: -1 } }, 'retry delays must not be negative.'],
  ] as [Partial<AtScaleClientOptions>, string][])('%j', (patch, message) => {
    expect(refusal(patch)).toBe(message);
  });

  it('no options at all is named as such', () => {
    expect(() => createAtScaleClient(undefined as never)).toThrow('The AtScale client needs options: apiUrl, orgId and credentials.');
  });
});

describe('the limits, from the accepted side', () => {
  it.each([
    [{ orgId: 'x'.repeat(200) }],
    [{ orgId: '...' }],
    [{ orgId: ' sales ' }],
    [{ timeoutMs: 600_000 }],
    [{ timeoutMs: 1 }],
    [{ retry: { attempts: 10, baseDelayMs: 0, maxDelayMs: 0 } }],
    [{ retry: { attempts: 1 } }],
    [{ authUrl: '' }],
    [{ caCert: '   ' }],
    [{ credentials: { kind: 'token', token: '  tok~en!#$%&*+-.^_`|0123  ' } }],
  ] as [Partial<AtScaleClientOptions>][])('%j is accepted', (patch) => {
    expect(refusal(patch)).toBe('accepted');
  });

  it('names the problem of a path segment, or none', () => {
    expect(pathSegmentProblem('sales-eu_1')).toBeNull();
    expect(pathSegmentProblem('')).toBe('is empty');
    expect(pathSegmentProblem('.')).toBe('cannot be "." (a URL path would drop or climb over it)');
    expect(pathSegmentProblem('a/b')).toBe('"a/b" cannot contain "/" (it would change the request\'s path)');
  });
});

describe('what is accepted goes on the wire as trimmed', () => {
  let server: RawServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  it('a padded org ID, user name and token; no sign-in URL means the API URL', async () => {
    const seen: string[] = [];
    server = await startRawServer((req, res) => {
      seen.push(`${req.url ?? ''} ${req.headers.authorization ?? ''}`);
      answerLikeAtScale(req, res);
    });
    const password = createAtScaleClient({
      apiUrl: `  ${server.url}  `,
      authUrl: '',
      orgId: ' sales ',
      credentials: { kind: 'password', username: ' admin ', password: ' pw ' },
      retry: { attempts: 1 },
    });
    expect(password.orgId).toBe('sales');
    await password.signIn();
    const token = createAtScaleClient({
      apiUrl: server.url,
      orgId: 'sales',
      credentials: { kind: 'token', token: ' tok-0123456789 ' },
      retry: { attempts: 1 },
    });
    await token.listSchedules();
    expect(seen).toEqual([
      `/sales/auth Basic ${Buffer.from('admin: pw ').toString('base64')}`,
      '/aggregates/maintenance/scheduler/jobs/orgId/sales Bearer tok-0123456789',
    ]);
  });
});
