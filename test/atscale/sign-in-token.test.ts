// Contract: a sign-in answer that is not a bearer token is refused at sign-in as a bad response (never
// cached, never "offline"), and the next call signs in again.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '@simulator/index';
import { passwordClient, rejection } from './helpers';

let sim: Simulator;
beforeEach(async () => {
  sim = await startSimulator();
});
afterEach(async () => {
  await sim.close();
});

const LOGIN_PAGE = '<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body><form action="/login">...</form></body></html>';
const NOT_TOKENS: [string, string, string, RegExp][] = [
  ['an HTML page served as text/html', 'text/html', LOGIN_PAGE, /an HTML page/],
  ['an HTML page served as text/plain', 'text/plain', LOGIN_PAGE, /an HTML page/],
  ['HTML after some text, as text/plain', 'text/plain', 'Please sign in: <form action="/sso"><input name="user"></form>', /an HTML page/],
  ['control characters', 'text/plain', 'abc\u0007def0123456789', /control characters/],
  ['a NUL character', 'text/plain', 'abcdef\u00000123456789', /NUL/],
  ['characters outside visible ASCII', 'text/plain', 'tökén-0123456789', /outside visible ASCII/],
  ['whitespace inside', 'text/plain', 'abc def0123456789', /spaces inside/],
  ['a line break inside', 'text/plain', 'abcdef\r\nSet-Cookie: x=1', /control characters/],
  ['absurd length (> 8 KiB)', 'text/plain', 'a'.repeat(9000), /9000 characters/],
  ['JSON without a token', 'application/json', '{"status":{"code":200},"response":null}', /JSON without a token/],
  ['quotes and braces', 'text/plain', 'token="abc"', /characters a bearer token never has/],
];

describe('sign-in answers that are not a token', () => {
  for (const [what, contentType, body, reason] of NOT_TOKENS) {
    it(`${what} -> bad-response at sign-in, not cached, the next call signs in again`, async () => {
      sim.inject({ endpoint: 'auth', times: 1, action: { type: 'raw', status: 200, contentType, body } });
      const client = passwordClient(sim);
      const err = await rejection(client.listSchedules());
      expect(err).toMatchObject({ kind: 'bad-response', step: 'sign-in' });
      expect(err.message).toMatch(/^Design Center at 127\.0\.0\.1:\d+ answered sign-in with something that is not a token: /);
      expect(err.message).toMatch(reason);
      expect(err.message).toMatch(/Check the Design Center URL/);
      // The text is never quoted: an almost-token may still be a secret.
      expect(err.message).not.toContain(body.slice(0, 12));
      expect(sim.requests({ endpoint: 'list' })).toHaveLength(0);
      // Nothing was cached: the next call signs in again and works.
      expect((await client.listSchedules()).length).toBeGreaterThan(0);
      expect(sim.requests({ endpoint: 'auth' })).toHaveLength(2);
    });
  }

  it('a real token still works in every tolerated form: plain, JSON string, {token}, with a trailing newline', async () => {
    const forms = (token: string): string[] => [`${token}\n`, JSON.stringify(token), JSON.stringify({ token }), JSON.stringify({ access_token: token })];
    const plain = await fetch(`${sim.url}/default/auth`, { headers: { authorization: `Basic ${Buffer.from('admin:atscale-demo').toString('base64')}` } });
    const token = await plain.text();
    for (const body of forms(token)) {
      sim.inject({ endpoint: 'auth', times: 1, action: { type: 'raw', status: 200, contentType: 'text/plain', body } });
      await expect(passwordClient(sim).listSchedules()).resolves.toBeInstanceOf(Array);
    }
  });

  it('a 200 whose envelope says 401 is a refused sign-in, not "not a token"', async () => {
    sim.inject({
      endpoint: 'auth',
      times: 1,
      action: { type: 'raw', status: 200, body: JSON.stringify({ status: { code: 401, message: 'bad credentials' }, response: null }) },
    });
    const err = await rejection(passwordClient(sim).signIn());
    expect(err).toMatchObject({ kind: 'unauthorized', status: 401, step: 'sign-in' });
  });

  it('a user who may not sign in to this org (403) is told so, not told the password is wrong', async () => {
    const err = await rejection(
      passwordClient(sim, { orgId: 'finance-prod', credentials: { kind: 'password', username: 'analyst', password: 'atscale-analyst' } }).signIn(),
    );
    expect(err).toMatchObject({ kind: 'unauthorized', status: 403, step: 'sign-in' });
    expect(err.message).toContain('may not sign in to org "finance-prod"');
    expect(err.message).not.toMatch(/password/);
  });
});
