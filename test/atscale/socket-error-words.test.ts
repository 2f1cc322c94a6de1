// Contract: the words a user reads for each socket-level failure, compared whole, for the codes a
// loopback test cannot produce (a DNS outage, an unreachable network, each TLS verification failure):
// the kind and step "Test connection" branches on, and the advice that fits the cause.
import { describe, expect, it } from 'vitest';
import { AtScaleError, isAtScaleError, transportError } from '@core/atscale/errors';

const HOST = 'atscale.example.com:10502';

describe('socket errors, word for word', () => {
  it.each(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME'])('%s: the host cannot be found (dns step)', (code) => {
    expect(transportError(code, HOST, 'getaddrinfo failed')).toMatchObject({
      kind: 'network',
      code,
      step: 'dns',
      message: `Cannot find the host ${HOST} (DNS lookup failed: ${code}). Check the host name in the profile's URL and your network or VPN.`,
    });
  });

  it('ECONNREFUSED: nothing listens on the port (connect step), with the usual ports', () => {
    expect(transportError('ECONNREFUSED', HOST, 'connect ECONNREFUSED')).toMatchObject({
      kind: 'network',
      code: 'ECONNREFUSED',
      step: 'connect',
      message: `${HOST} refused the connection (ECONNREFUSED). Check that AtScale is running and that the port in the profile's URL is right (the engine API usually listens on 10502, Design Center on 10500).`,
    });
  });

  it.each(['EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN'])('%s: the host is unreachable (connect step)', (code) => {
    expect(transportError(code, HOST, 'no route')).toMatchObject({
      kind: 'network',
      code,
      step: 'connect',
      message: `${HOST} is unreachable (${code}). Check your network connection or VPN.`,
    });
  });

  it('a reset: the connection failed, with the https:// hint only on a plain http:// URL', () => {
    const base = `The connection to ${HOST} failed (ECONNRESET: socket hang up). Check your network connection and try again.`;
    expect(transportError('ECONNRESET', HOST, 'socket hang up', true)).toMatchObject({
      kind: 'network',
      step: 'connect',
      message: `${base} If the server uses HTTPS, make the URL start with https://.`,
    });
    expect(transportError('ECONNRESET', HOST, 'socket hang up').message).toBe(base);
    expect(transportError('EPIPE', HOST, 'broken pipe', true).message).toBe(
      `The connection to ${HOST} failed (EPIPE: broken pipe). Check your network connection and try again.`,
    );
  });

  it('the low-level detail is quoted as one short line', () => {
    const err = transportError('ECONNABORTED', HOST, `aborted\n${'x'.repeat(500)}`);
    const detail = /\(ECONNABORTED: ([^)]*)\)/.exec(err.message)?.[1] ?? '';
    expect(detail.startsWith('aborted x')).toBe(true);
    expect(detail.endsWith('…')).toBe(true);
    expect(Array.from(detail)).toHaveLength(200);
  });

  it.each(['CERT_HAS_EXPIRED', 'HOSTNAME_MISMATCH', 'ERR_TLS_CERT_ALTNAME_INVALID', 'ERR_SSL_WRONG_VERSION_NUMBER', 'EPROTO'])(
    '%s: the certificate could not be verified (tls step), with the advice to add a private CA',
    (code) => {
      expect(transportError(code, HOST, 'certificate problem')).toMatchObject({
        kind: 'tls',
        code,
        step: 'tls',
        message:
          `The TLS certificate of ${HOST} could not be verified (${code}: certificate problem). ` +
          'If this server uses a private or self-signed certificate authority, add its CA certificate (PEM) to the profile; ' +
          'otherwise check the host name and the server certificate.',
      });
    },
  );

  it.each(['ERR_TLSX', 'XERR_TLS_', 'XERR_SSL_', 'CERT'])('%s is not taken for a TLS failure', (code) => {
    expect(transportError(code, HOST, 'x')).toMatchObject({ kind: 'network', step: 'connect' });
  });

  it('an HTTP parser refusal is a bad response with no step (a retry would get the same)', () => {
    const err = transportError('HPE_INVALID_CONSTANT', HOST, 'Parse Error', true);
    expect(err).toMatchObject({ kind: 'bad-response', code: 'HPE_INVALID_CONSTANT', step: undefined });
    expect(err.message).toBe(
      `${HOST} sent an answer that is not valid HTTP (HPE_INVALID_CONSTANT). Check that the URL points at the AtScale server and not at another service or a broken proxy.`,
    );
  });
});

describe('AtScaleError', () => {
  it('carries its code as the cause, and crosses IPC as kind, message, status and code only', () => {
    const err = new AtScaleError('server', 'It broke.', { status: 503, code: 'X1', step: 'connect' });
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('AtScaleError');
    expect(err.cause).toBe('X1');
    expect(JSON.parse(JSON.stringify(err))).toEqual({ kind: 'server', message: 'It broke.', status: 503, code: 'X1' });
    expect(isAtScaleError(err)).toBe(true);
    expect(isAtScaleError(new Error('It broke.'))).toBe(false);
    expect(new AtScaleError('network', 'plain')).toMatchObject({ status: undefined, code: undefined, step: undefined, cause: undefined });
  });
});
