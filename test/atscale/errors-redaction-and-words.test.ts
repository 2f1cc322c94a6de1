// The AtScale client's error words and text rules, decided by what a reader sees: the error's details
// survive redaction, a secret never appears in a message in any form (raw, percent-encoded, wrapped, cut,
// as a fragment), and the user's own words (org ID, user name, host, ordinary text) are never starred.
import { afterEach, describe, expect, it } from 'vitest';
import { createAtScaleClient } from '@core/atscale/index';
import { AtScaleError, excerpt, isTlsCode, quoteServerText, redactSecrets, scrubError, transportError } from '@core/atscale/errors';
import { answerLikeAtScale, startRawServer, type RawServer } from './raw-server';
import { FAST_RETRY, rejection } from './helpers';

describe('AtScaleError details', () => {
  it('is "not sent" only when told so, and carries status, code and step as given', () => {
    expect(new AtScaleError('network', 'x').notSent).toBe(false);
    expect(new AtScaleError('network', 'x', { notSent: false }).notSent).toBe(false);
    expect(new AtScaleError('network', 'x', { notSent: true }).notSent).toBe(true);
    const err = new AtScaleError('tls', 'bad cert', { status: 495, code: 'CERT_HAS_EXPIRED', step: 'tls', notSent: true });
    expect(err.details).toEqual({ status: 495, code: 'CERT_HAS_EXPIRED', step: 'tls', notSent: true });
    expect(new AtScaleError('server', 'x').details).toEqual({ status: undefined, code: undefined, step: undefined, notSent: false });
  });

  it('crosses IPC without its step or "not sent" flag, and with no status or code when it has none', () => {
    const err = new AtScaleError('network', 'Lost.', { step: 'sign-in', notSent: true });
    expect(JSON.parse(JSON.stringify(err))).toEqual({ kind: 'network', message: 'Lost.' });
  });
});

describe('scrubError', () => {
  it('stars the secret in the message and keeps kind, status, code, step and "not sent" exactly', () => {
    const err = new AtScaleError('unauthorized', 'Sign-in as ops with s3cret-pass was refused (HTTP 401).', {
      status: 401,
      code: 'E401',
      step: 'sign-in',
      notSent: true,
    });
    const scrubbed = scrubError(err, ['s3cret-pass']);
    expect(scrubbed).toBeInstanceOf(AtScaleError);
    expect(scrubbed.message).toBe('Sign-in as ops with *** was refused (HTTP 401).');
    expect(scrubbed).toMatchObject({ kind: 'unauthorized', status: 401, code: 'E401', step: 'sign-in', notSent: true, cause: 'E401' });
    expect(err.message).toContain('s3cret-pass');
  });

  it('stars the percent-encoded form of the secret too', () => {
    const secret = 'p@ss word/1';
    const err = new AtScaleError('bad-request', `GET /auth?password=${encodeURIComponent(secret)} failed`);
    expect(scrubError(err, [secret]).message).toBe('GET /auth?password=*** failed');
  });

  it('hands back the very same error when there is nothing to star', () => {
    const err = new AtScaleError('server', 'AtScale had a server error (HTTP 500).', { status: 500 });
    expect(scrubError(err, ['s3cret-pass'])).toBe(err);
    expect(scrubError(err, [])).toBe(err);
  });
});

describe('redactSecrets', () => {
  it('stars a secret that encodes differently (spaces, @, /, non-ASCII) in both forms, and only those', () => {
    const secret = 'Pässwörd @1/2';
    const encoded = encodeURIComponent(secret);
    expect(encoded).not.toBe(secret);
    expect(redactSecrets(`raw=${secret}; url=${encoded}; user=Pässwörd`, [secret])).toBe('raw=***; url=***; user=Pässwörd');
  });

  it("leaves the user's own words alone: a value that only resembles the secret is not starred", () => {
    expect(redactSecrets('user hunter2 in org hunter-org', ['hunter22'])).toBe('user hunter2 in org hunter-org');
    expect(redactSecrets('nothing to hide', [])).toBe('nothing to hide');
  });

  it('stars a secret of exactly 3 characters (the shortest) and skips 2-character ones among others', () => {
    expect(redactSecrets('ab xyz ab', ['ab', 'xyz'])).toBe('ab *** ab');
  });
});

describe('quoteServerText', () => {
  const SECRET = 'Tk-8f3a9c2e71b4d605';

  it("quotes a server's words without a secret as one line, unchanged otherwise", () => {
    expect(quoteServerText('Job  not found:\n\torg "default", user admin', [SECRET])).toBe('Job not found: org "default", user admin');
  });

  it('stars the secret raw, percent-encoded, and split over a line break', () => {
    const spaced = 'open sesame';
    expect(quoteServerText(`a ${SECRET} b ${encodeURIComponent('p@ss word')} c`, [SECRET, 'p@ss word'])).toBe('a *** b *** c');
    expect(quoteServerText('said: open\nsesame.', [spaced])).toBe('said: ***.');
  });

  it('stars any 8-character piece of a secret, at the start, in the middle and at the end of the text', () => {
    expect(quoteServerText(`${SECRET.slice(0, 8)} rejected`, [SECRET])).toBe('*** rejected');
    expect(quoteServerText(`token ${SECRET.slice(5, 14)} rejected`, [SECRET])).toBe('token *** rejected');
    expect(quoteServerText(`bad token ${SECRET.slice(2, 12)}`, [SECRET])).toBe('bad token ***');
    expect(quoteServerText(SECRET.slice(3, 11), [SECRET])).toBe('***');
  });

  it("stars the secret's last 8 characters (the last piece counts too)", () => {
    expect(quoteServerText(`ends in ${SECRET.slice(-8)} here`, [SECRET])).toBe('ends in *** here');
  });

  it('stars each separate piece on its own and overlapping pieces as one', () => {
    expect(quoteServerText(`${SECRET.slice(0, 8)} and ${SECRET.slice(11)}`, [SECRET])).toBe('*** and ***');
    expect(quoteServerText(`x${SECRET.slice(0, 9)}${SECRET.slice(4, 12)}y`, [SECRET])).toBe('x***y');
  });

  it('leaves pieces shorter than 8 characters, and short texts, alone', () => {
    expect(quoteServerText(`near ${SECRET.slice(0, 7)} miss`, [SECRET])).toBe(`near ${SECRET.slice(0, 7)} miss`);
    expect(quoteServerText('Tk-8f3a', [SECRET])).toBe('Tk-8f3a');
  });

  it('leaves a piece the user sees anyway (org ID, user name, host) alone, and still stars the rest', () => {
    const password = 'acme-prod-Zq81!x';
    const publicValues = ['acme-prod-eu', 'ops', 'atscale.example.com'];
    expect(quoteServerText('org acme-prod-eu not found', [password], undefined, publicValues)).toBe('org acme-prod-eu not found');
    expect(quoteServerText('org acme-prod-eu not found', [password])).toBe('org ***eu not found');
    expect(quoteServerText('pass prod-Zq81!x refused', [password], undefined, publicValues)).toBe('pass *** refused');
  });

  it('shortens to 200 characters by default, or to the limit given, after starring', () => {
    const long = `${SECRET}\n${'x'.repeat(400)}`;
    const quoted = quoteServerText(long, [SECRET]);
    expect(Array.from(quoted)).toHaveLength(200);
    expect(quoted.startsWith('*** xxx')).toBe(true);
    expect(quoted.endsWith('…')).toBe(true);
    expect(quoteServerText(`status ${SECRET} is RUNNING`, [SECRET], 12)).toBe('status ***…');
  });
});

describe('excerpt', () => {
  it('shortens to one character plus the mark at the smallest limit', () => {
    expect(excerpt('abc', 2)).toBe('a…');
    expect(excerpt('  ', 5)).toBe('');
  });
});

describe('transport error words', () => {
  const HOST = 'atscale.example.com:10502';

  it.each([
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'CERT_HAS_EXPIRED',
    'CERT_NOT_YET_VALID',
    'CERT_REVOKED',
    'CERT_UNTRUSTED',
    'CERT_REJECTED',
    'CERT_SIGNATURE_FAILURE',
    'HOSTNAME_MISMATCH',
    'EPROTO',
    'ERR_TLS_CERT_ALTNAME_INVALID',
    'ERR_SSL_PACKET_LENGTH_TOO_LONG',
  ])('%s is a certificate (TLS) failure', (code) => {
    expect(isTlsCode(code)).toBe(true);
    expect(transportError(code, HOST, 'x')).toMatchObject({ kind: 'tls', step: 'tls', code });
  });

  it.each(['ECONNRESET', 'ETIMEDOUT', 'CERT', 'ERR_TLS', 'ERR_SSL', 'X_ERR_TLS_Y', ''])('%s is not a TLS failure', (code) => {
    expect(isTlsCode(code)).toBe(false);
  });

  it('quotes the socket detail as one line, and "HPE_" only as a prefix makes a bad response', () => {
    expect(transportError('ETIMEDOUT', HOST, ' read\n\tETIMEDOUT ').message).toBe(
      `The connection to ${HOST} failed (ETIMEDOUT: read ETIMEDOUT). Check your network connection and try again.`,
    );
    expect(transportError('XHPE_X', HOST, 'odd')).toMatchObject({ kind: 'network', step: 'connect' });
    expect(transportError('HPE_HEADER_OVERFLOW', HOST, 'x')).toMatchObject({ kind: 'bad-response', step: undefined, code: 'HPE_HEADER_OVERFLOW' });
  });
});

describe('through a real server: a password echoed back in every form', () => {
  let server: RawServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  it('never shows the password, its URL-encoded form or the user:password pair, and shows the user and org as they are', async () => {
    const password = 'Pa ss@w0rd/9!';
    const pair = Buffer.from(`ops-admin:${password}`).toString('base64');
    server = await startRawServer((req, res) => {
      if (req.url?.endsWith('/auth')) return answerLikeAtScale(req, res, 'session-token-abcdef0123456789');
      res.writeHead(400, { 'content-type': 'application/json' });
      const said = `user ops-admin, org sales-emea: login ${encodeURIComponent(password)} / ${password} / Basic ${pair} rejected`;
      res.end(JSON.stringify({ status: { code: 400, message: said }, response: null }));
    });
    const client = createAtScaleClient({
      apiUrl: server.url,
      orgId: 'sales-emea',
      credentials: { kind: 'password', username: 'ops-admin', password },
      retry: FAST_RETRY,
    });
    const err = await rejection(client.listSchedules());
    expect(err.kind).toBe('bad-request');
    const text = `${err.message} ${JSON.stringify(err)} ${err.stack ?? ''}`;
    for (const secret of [password, encodeURIComponent(password), pair, 'session-token-abcdef0123456789']) expect(text).not.toContain(secret);
    expect(err.message).toContain('AtScale said: "user ops-admin, org sales-emea: login *** / *** / Basic *** rejected"');
  });
});
